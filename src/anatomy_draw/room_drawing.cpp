#include "anatomy_draw/room_drawing.hpp"

#include "anatomy_draw/detail/shapes.hpp"
#include "scene/scene.hpp"

#include <glm/gtc/matrix_transform.hpp>

#include <memory>

namespace hv::draw {

namespace {

// Linear RGB colours of the props: upholstery and frame, a step's surface, band rubber, cable.
constexpr glm::vec3 kPadColour{0.16f, 0.25f, 0.30f};
constexpr glm::vec3 kFrameColour{0.30f, 0.27f, 0.24f};
constexpr glm::vec3 kStepColour{0.45f, 0.42f, 0.38f};
constexpr glm::vec3 kBandColour{0.75f, 0.12f, 0.20f};
constexpr glm::vec3 kCableColour{0.12f, 0.12f, 0.13f};
constexpr glm::vec3 kHandleColour{0.85f, 0.55f, 0.10f};
// A couch's and a bench's padded top (m): its thickness, at most this share of the height.
constexpr float kPadThickness = 0.10f;

const gfx::MeshPtr& unitDisc() {
    static const gfx::MeshPtr disc = std::make_shared<const scene::Primitive>(detail::unitDiscXZ());
    return disc;
}

gfx::DrawItem propItem(scene::Primitive mesh, const glm::vec3& colour, float roughness) {
    gfx::DrawItem item;
    for (const glm::vec3& v : mesh.positions) item.bounds.add(v);
    item.mesh = std::make_shared<const scene::Primitive>(std::move(mesh));
    item.material.baseColor = glm::vec4(colour, 1.0f);
    item.material.roughness = roughness;
    return item;
}

glm::vec3 sceneOf(const Vec3& roomPoint) { return scene::osimToGltf(glm::vec3(roomPoint)); }

// A room box (OpenSim axes: top face middle `top`, size along x, y, z) as scene-frame corners.
void sceneBox(const Vec3& top, const Vec3& size, double fromTop, double toTop, glm::vec3& lo, glm::vec3& hi) {
    const Vec3 a{top.x - size.x / 2, top.y - toTop, top.z - size.z / 2};
    const Vec3 b{top.x + size.x / 2, top.y - fromTop, top.z + size.z / 2};
    const glm::vec3 p = sceneOf(a), q = sceneOf(b);
    lo = glm::min(p, q);
    hi = glm::max(p, q);
}

} // namespace

gfx::DrawItem floorItem(const glm::vec3& centre) {
    gfx::DrawItem item;
    item.mesh = unitDisc();
    item.transform = glm::scale(glm::translate(glm::mat4(1.0f), glm::vec3(centre.x, 0.0f, centre.z)),
                                glm::vec3(kFloorRadius, 1.0f, kFloorRadius));
    item.material.kind = gfx::MaterialKind::Floor;
    item.material.baseColor = glm::vec4(kFloorColour, 1.0f);
    item.material.alphaBlend = true; // it fades out at its rim
    return item;
}

void appendPropItems(std::span<const movement::Prop> props, std::span<const Transform> groundFromBody,
                     const Transform& room, DrawList& list) {
    for (const movement::Prop& p : props) {
        switch (p.kind) {
        case movement::PropKind::Couch:
        case movement::PropKind::Bench: {
            const double pad = std::min<double>(kPadThickness, p.size.y * 0.4);
            glm::vec3 lo, hi;
            sceneBox(p.top, p.size, pad, p.size.y, lo, hi);
            scene::Primitive base;
            // The frame a little inside the pad, so the pad's edge overhangs it.
            const glm::vec3 inset(0.02f, 0.0f, 0.02f);
            detail::appendBox(base, lo + inset, hi - inset + glm::vec3(0.0f, 0.001f, 0.0f));
            list.items.push_back(propItem(std::move(base), kFrameColour, 0.7f));
            sceneBox(p.top, p.size, 0.0, pad, lo, hi);
            scene::Primitive top;
            detail::appendBox(top, lo, hi);
            list.items.push_back(propItem(std::move(top), kPadColour, 0.9f));
            break;
        }
        case movement::PropKind::Step: {
            glm::vec3 lo, hi;
            sceneBox(p.top, p.size, 0.0, p.size.y, lo, hi);
            scene::Primitive box;
            detail::appendBox(box, lo, hi);
            list.items.push_back(propItem(std::move(box), kStepColour, 0.8f));
            break;
        }
        case movement::PropKind::Band: {
            const auto ends = movement::propEnds(p, groundFromBody, room);
            if (!ends) break;
            scene::Primitive tube;
            detail::appendCapsule(tube, sceneOf(ends->first), sceneOf(ends->second), kBandRadius, 12);
            list.items.push_back(propItem(std::move(tube), kBandColour, 0.45f));
            if (p.anchored) list.items.back().bounds = {}; // runs out to its anchor, unframed
            break;
        }
        case movement::PropKind::Cable: {
            const auto ends = movement::propEnds(p, groundFromBody, room);
            if (!ends) break;
            const glm::vec3 a = sceneOf(ends->first), b = sceneOf(ends->second);
            scene::Primitive line;
            detail::appendCapsule(line, a, b, kCableRadius, 8);
            list.items.push_back(propItem(std::move(line), kCableColour, 0.4f));
            list.items.back().bounds = {}; // runs out to its anchor, unframed
            // The handle: a grip across the cable's end, horizontal and square to the cable.
            glm::vec3 along = b - a;
            glm::vec3 across = glm::cross(along, glm::vec3(0.0f, 1.0f, 0.0f));
            if (glm::length(across) < 1e-6f) across = glm::vec3(1.0f, 0.0f, 0.0f);
            across = glm::normalize(across) * (kHandleLength / 2.0f);
            scene::Primitive handle;
            detail::appendCapsule(handle, b - across, b + across, kHandleRadius, 12);
            list.items.push_back(propItem(std::move(handle), kHandleColour, 0.5f));
            break;
        }
        }
    }
}

} // namespace hv::draw
