#include "anatomy_draw/detail/shapes.hpp"

#include <cmath>
#include <memory>
#include <numbers>

namespace hv::draw::detail {

namespace {

constexpr float kPi = std::numbers::pi_v<float>;

glm::vec3 perpendicular(const glm::vec3& axis) {
    const glm::vec3 a = std::abs(axis.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    return glm::normalize(glm::cross(axis, a));
}

} // namespace

glm::vec3 toScene(const Transform& room, const Vec3& p) { return scene::osimToGltf(glm::vec3(room.apply(p))); }

gfx::DrawItem annotationItem(scene::Primitive mesh, glm::vec3 colour, std::uint32_t pickId) {
    gfx::DrawItem item;
    for (const auto& v : mesh.positions) item.bounds.add(v);
    item.mesh = std::make_shared<const scene::Primitive>(std::move(mesh));
    item.material.baseColor = glm::vec4(colour, 1.0f);
    item.material.roughness = 0.5f;
    item.flags = gfx::kHighlighted | gfx::kNoFraming;
    item.pickId = pickId;
    return item;
}

void appendBox(scene::Primitive& mesh, const glm::vec3& lo, const glm::vec3& hi) {
    // Per face: the normal axis and sign; corners counter-clockwise seen from outside.
    for (int axis = 0; axis < 3; ++axis)
        for (int sign = -1; sign <= 1; sign += 2) {
            const int u = (axis + 1) % 3, v = (axis + 2) % 3;
            glm::vec3 n(0.0f);
            n[axis] = static_cast<float>(sign);
            const std::uint32_t first = static_cast<std::uint32_t>(mesh.positions.size());
            const float uc[4] = {0, 1, 1, 0}, vc[4] = {0, 0, 1, 1};
            for (int k = 0; k < 4; ++k) {
                glm::vec3 p;
                p[axis] = sign > 0 ? hi[axis] : lo[axis];
                p[u] = uc[k] > 0 ? hi[u] : lo[u];
                p[v] = vc[k] > 0 ? hi[v] : lo[v];
                mesh.positions.push_back(p);
                mesh.normals.push_back(n);
            }
            // (u, v, axis) is right handed, so the corners run counter-clockwise seen from +axis.
            if (sign > 0) mesh.indices.insert(mesh.indices.end(), {first, first + 1, first + 2, first, first + 2, first + 3});
            else mesh.indices.insert(mesh.indices.end(), {first, first + 2, first + 1, first, first + 3, first + 2});
        }
}

scene::Primitive unitDiscXZ(int segments, int rings) {
    scene::Primitive mesh;
    mesh.positions.emplace_back(0.0f);
    mesh.normals.emplace_back(0.0f, 1.0f, 0.0f);
    for (int r = 1; r <= rings; ++r) {
        const float radius = static_cast<float>(r) / static_cast<float>(rings);
        for (int j = 0; j < segments; ++j) {
            const float th = 2.0f * kPi * static_cast<float>(j) / static_cast<float>(segments);
            mesh.positions.emplace_back(radius * std::cos(th), 0.0f, radius * std::sin(th));
            mesh.normals.emplace_back(0.0f, 1.0f, 0.0f);
        }
    }
    const auto at = [&](int ring, int j) -> std::uint32_t {
        return ring == 0 ? 0u : static_cast<std::uint32_t>(1 + (ring - 1) * segments + (j % segments));
    };
    // Increasing angle turns from +X towards +Z, which is clockwise seen from +Y (x cross z = -y):
    // the fan lists the next angle first, the rings run outward before they run round.
    for (int j = 0; j < segments; ++j) mesh.indices.insert(mesh.indices.end(), {0u, at(1, j + 1), at(1, j)});
    for (int r = 1; r < rings; ++r)
        for (int j = 0; j < segments; ++j) {
            const std::uint32_t a = at(r, j), b = at(r, j + 1), c = at(r + 1, j), d = at(r + 1, j + 1);
            mesh.indices.insert(mesh.indices.end(), {a, b, d, a, d, c});
        }
    mesh.texcoords0.reserve(mesh.positions.size());
    for (const glm::vec3& p : mesh.positions) mesh.texcoords0.emplace_back(p.x, p.z);
    return mesh;
}

void appendCone(scene::Primitive& mesh, const glm::vec3& base, const glm::vec3& tip, float radius, int segments) {
    const glm::vec3 d = tip - base;
    const float len = glm::length(d);
    const glm::vec3 axis = len > 1e-9f ? d / len : glm::vec3(0, 1, 0);
    const glm::vec3 u = perpendicular(axis), v = glm::cross(axis, u);
    const float slope = radius / std::max(len, 1e-9f);
    // The side: one ring at the base and the tip repeated per segment (each its own normal),
    // then the base disc facing away from the tip.
    const std::uint32_t side = static_cast<std::uint32_t>(mesh.positions.size());
    for (int j = 0; j < segments; ++j) {
        const float th = 2.0f * kPi * static_cast<float>(j) / static_cast<float>(segments);
        const glm::vec3 radial = u * std::cos(th) + v * std::sin(th);
        const glm::vec3 n = glm::normalize(radial + axis * slope);
        mesh.positions.push_back(base + radial * radius);
        mesh.normals.push_back(n);
        mesh.positions.push_back(tip);
        mesh.normals.push_back(n);
    }
    for (int j = 0; j < segments; ++j) {
        const std::uint32_t a = side + static_cast<std::uint32_t>(2 * j), b = side + static_cast<std::uint32_t>(2 * ((j + 1) % segments));
        mesh.indices.insert(mesh.indices.end(), {a, b, a + 1});
    }
    const std::uint32_t disc = static_cast<std::uint32_t>(mesh.positions.size());
    mesh.positions.push_back(base);
    mesh.normals.push_back(-axis);
    for (int j = 0; j < segments; ++j) {
        const float th = 2.0f * kPi * static_cast<float>(j) / static_cast<float>(segments);
        mesh.positions.push_back(base + (u * std::cos(th) + v * std::sin(th)) * radius);
        mesh.normals.push_back(-axis);
    }
    for (int j = 0; j < segments; ++j)
        mesh.indices.insert(mesh.indices.end(), {disc, disc + 1 + static_cast<std::uint32_t>((j + 1) % segments),
                                                 disc + 1 + static_cast<std::uint32_t>(j)});
}

void appendCapsule(scene::Primitive& mesh, const glm::vec3& a, const glm::vec3& b, float radius, int segments) {
    const glm::vec3 d = b - a;
    const float len = glm::length(d);
    const glm::vec3 axis = len > 1e-9f ? d / len : glm::vec3(0, 1, 0);
    const glm::vec3 u = perpendicular(axis), v = glm::cross(axis, u);
    const int lat = std::max(2, segments / 4); // latitude rings per hemisphere
    const std::uint32_t base = static_cast<std::uint32_t>(mesh.positions.size());
    // Rings from the pole at a (angle -pi/2) to the pole at b (+pi/2); the cylinder joins the
    // two equators.
    int rings = 0;
    for (int half = 0; half < 2; ++half)
        for (int k = 0; k <= lat; ++k) {
            const float phi = half == 0 ? -kPi / 2 + kPi / 2 * static_cast<float>(k) / static_cast<float>(lat)
                                        : kPi / 2 * static_cast<float>(k) / static_cast<float>(lat);
            const glm::vec3 centre = half == 0 ? a : b;
            const float rr = radius * std::cos(phi), h = radius * std::sin(phi);
            for (int j = 0; j < segments; ++j) {
                const float th = 2.0f * kPi * static_cast<float>(j) / static_cast<float>(segments);
                const glm::vec3 n = axis * std::sin(phi) + (u * std::cos(th) + v * std::sin(th)) * std::cos(phi);
                mesh.positions.push_back(centre + axis * h + (u * std::cos(th) + v * std::sin(th)) * rr);
                mesh.normals.push_back(glm::normalize(n));
            }
            ++rings;
        }
    const auto at = [&](int r, int j) { return base + static_cast<std::uint32_t>(r * segments + (j % segments)); };
    for (int r = 0; r + 1 < rings; ++r)
        for (int j = 0; j < segments; ++j) {
            // Ring r is nearer a: quads ordered so fronts face outward.
            mesh.indices.insert(mesh.indices.end(), {at(r, j), at(r, j + 1), at(r + 1, j + 1)});
            mesh.indices.insert(mesh.indices.end(), {at(r, j), at(r + 1, j + 1), at(r + 1, j)});
        }
}

void appendCylinderZ(scene::Primitive& mesh, float radius, float length, int segments) {
    const std::uint32_t base = static_cast<std::uint32_t>(mesh.positions.size());
    const float h = 0.5f * length;
    for (int side = 0; side < 2; ++side)
        for (int j = 0; j < segments; ++j) {
            const float th = 2.0f * kPi * static_cast<float>(j) / static_cast<float>(segments);
            const glm::vec3 n(std::cos(th), std::sin(th), 0.0f);
            mesh.positions.push_back(n * radius + glm::vec3(0, 0, side == 0 ? -h : h));
            mesh.normals.push_back(n);
        }
    const auto at = [&](int s, int j) { return base + static_cast<std::uint32_t>(s * segments + (j % segments)); };
    for (int j = 0; j < segments; ++j) {
        mesh.indices.insert(mesh.indices.end(), {at(0, j), at(0, j + 1), at(1, j + 1)});
        mesh.indices.insert(mesh.indices.end(), {at(0, j), at(1, j + 1), at(1, j)});
    }
    // Caps with their own flat normals.
    for (int side = 0; side < 2; ++side) {
        const std::uint32_t c = static_cast<std::uint32_t>(mesh.positions.size());
        const float z = side == 0 ? -h : h;
        const glm::vec3 n(0, 0, side == 0 ? -1.0f : 1.0f);
        mesh.positions.emplace_back(0, 0, z);
        mesh.normals.push_back(n);
        for (int j = 0; j < segments; ++j) {
            const float th = 2.0f * kPi * static_cast<float>(j) / static_cast<float>(segments);
            mesh.positions.emplace_back(radius * std::cos(th), radius * std::sin(th), z);
            mesh.normals.push_back(n);
        }
        for (int j = 0; j < segments; ++j) {
            const std::uint32_t p = c + 1 + static_cast<std::uint32_t>(j), q = c + 1 + static_cast<std::uint32_t>((j + 1) % segments);
            if (side == 0) mesh.indices.insert(mesh.indices.end(), {c, q, p});
            else mesh.indices.insert(mesh.indices.end(), {c, p, q});
        }
    }
}

scene::Primitive mirroredZ(const scene::Primitive& mesh) {
    scene::Primitive m = mesh;
    for (auto& p : m.positions) p.z = -p.z;
    for (auto& n : m.normals) n.z = -n.z;
    for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3) std::swap(m.indices[i + 1], m.indices[i + 2]);
    return m;
}

} // namespace hv::draw::detail
