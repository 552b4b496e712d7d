#include "anatomy_draw/muscle_mesh.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace hv::draw {

MuscleShape muscleShapeFromName(std::string_view name) {
    if (name == "fan") return MuscleShape::Fan;
    if (name == "strap") return MuscleShape::Strap;
    return MuscleShape::Fusiform;
}

namespace {

constexpr float kPi = std::numbers::pi_v<float>;

float smooth01(float x) {
    x = std::clamp(x, 0.0f, 1.0f);
    return x * x * (3.0f - 2.0f * x);
}

// Belly profile over s in [0, 1] (0 at the belly's origin end): rises smoothly from 0, a full
// middle, slightly fuller at the centre; 0 outside [0, 1].
float bellyProfile(float s) {
    if (s <= 0.0f || s >= 1.0f) return 0.0f;
    return smooth01(s / 0.32f) * smooth01((1.0f - s) / 0.32f) * (0.86f + 0.14f * std::sin(kPi * s));
}

// Mean of bellyProfile^k over [0, 1].
float profileMean(int k) {
    constexpr int n = 256;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) sum += std::pow(bellyProfile((static_cast<float>(i) + 0.5f) / n), k);
    return static_cast<float>(sum / n);
}

glm::vec3 safeNormalize(const glm::vec3& v, const glm::vec3& fallback) {
    const float l = glm::length(v);
    return (l > 1e-12f && std::isfinite(l)) ? v / l : fallback;
}

glm::vec3 anyPerpendicular(const glm::vec3& t) {
    const glm::vec3 a = std::abs(t.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    return glm::normalize(glm::cross(glm::cross(t, a), t));
}

// A path resampled at even arc-length steps.
struct Samples {
    std::vector<glm::vec3> centre;
    std::vector<float> t;            // arc-length fraction 0..1
    std::vector<float> contact;      // 0..1: how much the sample lies on a wrap surface
    std::vector<glm::vec3> wrapNormal; // unit where contact > 0
    float length = 0.0f;
};

Samples resample(const PartPath& path, int count) {
    Samples s;
    const auto& p = path.points;
    std::vector<float> cum(p.size(), 0.0f);
    for (std::size_t i = 1; i < p.size(); ++i) cum[i] = cum[i - 1] + glm::length(p[i] - p[i - 1]);
    s.length = cum.back();
    const auto normalAt = [&](std::size_t i) {
        return i < path.surfaceNormal.size() ? path.surfaceNormal[i] : glm::vec3(0.0f);
    };
    std::size_t seg = 0;
    for (int k = 0; k < count; ++k) {
        const float t = static_cast<float>(k) / static_cast<float>(count - 1);
        const float at = t * s.length;
        while (seg + 2 < p.size() && cum[seg + 1] < at) ++seg;
        const float segLen = cum[seg + 1] - cum[seg];
        const float u = segLen > 0.0f ? std::clamp((at - cum[seg]) / segLen, 0.0f, 1.0f) : 0.0f;
        s.centre.push_back(glm::mix(p[seg], p[seg + 1], u));
        s.t.push_back(t);
        const glm::vec3 na = normalAt(seg), nb = normalAt(seg + 1);
        const float ca = glm::dot(na, na) > 0.0f ? 1.0f : 0.0f, cb = glm::dot(nb, nb) > 0.0f ? 1.0f : 0.0f;
        s.contact.push_back(glm::mix(ca, cb, u));
        s.wrapNormal.push_back(safeNormalize(glm::mix(na, nb, u), glm::vec3(0.0f)));
    }
    // Soften the contact's on/off steps and the corners at via points (off the wrap surfaces
    // only, so smoothing never pulls the centre line into a surface).
    for (int pass = 0; pass < 2; ++pass) {
        std::vector<float> c = s.contact;
        for (std::size_t i = 1; i + 1 < c.size(); ++i)
            c[i] = std::max(s.contact[i], 0.25f * s.contact[i - 1] + 0.5f * s.contact[i] + 0.25f * s.contact[i + 1]);
        s.contact = std::move(c);
    }
    for (int pass = 0; pass < 3; ++pass) {
        std::vector<glm::vec3> c = s.centre;
        for (std::size_t i = 1; i + 1 < c.size(); ++i) {
            const glm::vec3 avg = 0.5f * (s.centre[i - 1] + s.centre[i + 1]);
            c[i] = glm::mix(s.centre[i], avg, 0.5f * (1.0f - s.contact[i]));
        }
        s.centre = std::move(c);
    }
    return s;
}

int sampleCount(float length, const SolidParams& params) {
    const int n = static_cast<int>(std::ceil(length / static_cast<float>(params.sampleSpacing))) + 1;
    return std::clamp(n, params.minSamples, params.maxSamples);
}

std::vector<glm::vec3> tangents(const std::vector<glm::vec3>& c) {
    std::vector<glm::vec3> t(c.size());
    glm::vec3 last(0, -1, 0);
    for (std::size_t i = 0; i < c.size(); ++i) {
        const glm::vec3 d = c[std::min(i + 1, c.size() - 1)] - c[i == 0 ? 0 : i - 1];
        last = safeNormalize(d, last);
        t[i] = last;
    }
    return t;
}

// Area-weighted smooth normals, with `weld[v]` naming the vertex whose normal v shares (the
// duplicated seam vertices of a ring take their twin's normal).
void smoothNormals(scene::Primitive& m, const std::vector<std::uint32_t>& weld) {
    std::vector<glm::vec3> acc(m.positions.size(), glm::vec3(0.0f));
    for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3) {
        const std::uint32_t a = m.indices[i], b = m.indices[i + 1], c = m.indices[i + 2];
        const glm::vec3 n = glm::cross(m.positions[b] - m.positions[a], m.positions[c] - m.positions[a]);
        if (!std::isfinite(n.x + n.y + n.z)) continue;
        acc[weld[a]] += n;
        acc[weld[b]] += n;
        acc[weld[c]] += n;
    }
    m.normals.resize(m.positions.size());
    for (std::size_t v = 0; v < m.positions.size(); ++v)
        m.normals[v] = safeNormalize(acc[weld[v]], glm::vec3(0, 1, 0));
}

struct Profile {
    glm::vec2 belly{0.0f, 1.0f};
    float bellyRadius = 0.0f;
    float tendonRadius = 0.0f;
    float radiusAt(float t) const {
        const float span = belly.y - belly.x;
        const float s = span > 1e-6f ? (t - belly.x) / span : 0.5f;
        return tendonRadius + (bellyRadius - tendonRadius) * bellyProfile(s);
    }
};

Profile fusiformProfile(const Architecture& a, float length, const SolidParams& params) {
    Profile p;
    p.belly = bellyRangeOf(a, params);
    const float bellyLength = std::max(0.001f, (p.belly.y - p.belly.x) * length);
    const double volume = fibreVolume(a, length, params);
    static const float meanSq = profileMean(2);
    const double r = std::sqrt(volume / (std::numbers::pi * static_cast<double>(bellyLength) * static_cast<double>(meanSq)));
    p.bellyRadius = static_cast<float>(std::clamp(r, params.minBellyRadius, params.maxBellyRadius));
    const double tendonArea = std::max(0.0, a.maxIsometricForce) / params.tendonStress;
    p.tendonRadius = static_cast<float>(std::max(params.minTendonRadius, std::sqrt(tendonArea / std::numbers::pi)));
    p.tendonRadius = std::min(p.tendonRadius, 0.6f * p.bellyRadius);
    return p;
}

} // namespace

void pushOutOfObstacles(std::vector<glm::vec3>& positions, std::span<const WrapObstacle> obstacles, float clearance) {
    for (const WrapObstacle& o : obstacles) {
        if (!(o.radius > 0.0f)) continue;
        const float target = o.radius + clearance;
        for (glm::vec3& p : positions) {
            const glm::vec3 d = p - o.centre;
            const float along = glm::dot(d, o.axis);
            if (std::abs(along) > o.halfLength) continue;
            const glm::vec3 radial = d - o.axis * along;
            const float r = glm::length(radial);
            if (r >= target) continue;
            const glm::vec3 dir = r > 1e-7f ? radial / r : anyPerpendicular(o.axis);
            p = o.centre + o.axis * along + dir * target;
        }
    }
}

glm::vec2 bellyRangeOf(const Architecture& a, const SolidParams& params) {
    const double fibre = a.optimalFiberLength * std::cos(a.pennationAngle);
    double tendon = 0.0;
    if (a.tendonSlackLength > 0.0 && fibre > 0.0) tendon = a.tendonSlackLength / (a.tendonSlackLength + fibre);
    tendon = std::clamp(tendon, 0.0, params.maxTendonFraction);
    const double origin = tendon * params.originTendonShare;
    return {static_cast<float>(origin), static_cast<float>(1.0 - (tendon - origin))};
}

double fibreVolume(const Architecture& a, double pathLength, const SolidParams& params) {
    const double pcsa = std::max(0.0, a.maxIsometricForce) / params.specificTension;
    const double fibre = a.optimalFiberLength > 0.0 ? a.optimalFiberLength : 0.5 * pathLength;
    return pcsa * fibre;
}

PartSolid buildPartSolid(const PartPath& path, MuscleShape shape, const OutwardFn& outward,
                         const SolidParams& params) {
    PartSolid out;
    if (path.points.size() < 2) return out;
    float length = 0.0f;
    for (std::size_t i = 1; i < path.points.size(); ++i) length += glm::length(path.points[i] - path.points[i - 1]);
    if (!(length > 0.001f)) return out;
    if (shape == MuscleShape::Fan) {
        auto sheet = buildFanSheet(std::span<const PartPath>(&path, 1), outward, params);
        return sheet.empty() ? out : std::move(sheet.front());
    }

    const int m = sampleCount(length, params);
    Samples s = resample(path, m);
    const std::vector<glm::vec3> tan = tangents(s.centre);
    const Profile prof = fusiformProfile(path.architecture, length, params);
    out.bellyRange = prof.belly;

    // Cross-section frames: N is the cross-section's "thickness" axis. Round bellies use a
    // rotation-minimising frame (parallel transport); straps face outward; on a wrap surface
    // N turns to the surface normal so the muscle flattens against it.
    std::vector<glm::vec3> nAxis(static_cast<std::size_t>(m));
    glm::vec3 prev = anyPerpendicular(tan[0]);
    for (int i = 0; i < m; ++i) {
        const std::size_t k = static_cast<std::size_t>(i);
        const glm::vec3 t = tan[k];
        glm::vec3 transported = safeNormalize(prev - glm::dot(prev, t) * t, anyPerpendicular(t));
        glm::vec3 want = transported;
        if (shape == MuscleShape::Strap && outward) {
            const glm::vec3 o = outward(s.centre[k]);
            want = safeNormalize(o - glm::dot(o, t) * t, transported);
        }
        if (s.contact[k] > 0.0f) {
            const glm::vec3 w = s.wrapNormal[k];
            const glm::vec3 wp = safeNormalize(w - glm::dot(w, t) * t, want);
            want = safeNormalize(glm::mix(want * (glm::dot(want, wp) < 0.0f ? -1.0f : 1.0f), wp, s.contact[k]), want);
        }
        if (glm::dot(want, prev) < 0.0f && shape == MuscleShape::Strap) want = -want; // no half-turn flips
        nAxis[k] = want;
        prev = want;
    }

    const int ring = std::max(6, params.ringSegments);
    scene::Primitive& mesh = out.mesh;
    const std::size_t ringVerts = static_cast<std::size_t>(ring + 1); // + seam duplicate
    mesh.positions.reserve(static_cast<std::size_t>(m) * ringVerts + 2);
    std::vector<std::uint32_t> weld;
    float bestRadius = -1.0f;
    for (int i = 0; i < m; ++i) {
        const std::size_t k = static_cast<std::size_t>(i);
        const float t = s.t[k];
        float r = prof.radiusAt(t);
        // Round the very ends of the tendons into their attachment.
        const float endTaper = 0.55f + 0.45f * smooth01(std::min(t, 1.0f - t) * length / (2.5f * r + 1e-6f));
        r *= endTaper;
        const float c = s.contact[k];
        float ra = r, rb = r; // thickness axis (N), width axis (B)
        if (shape == MuscleShape::Strap) {
            ra = r * 0.5f;
            rb = r * 2.0f;
        }
        const float flatten = 1.0f - 0.35f * c;
        ra *= flatten;
        rb /= flatten;
        glm::vec3 centre = s.centre[k];
        if (c > 0.0f) centre += s.wrapNormal[k] * (c * (ra + static_cast<float>(params.wrapClearance)));
        const glm::vec3 n = nAxis[k];
        const glm::vec3 b = glm::normalize(glm::cross(tan[k], n));
        const float roundRadius = std::sqrt(ra * rb);
        if (t >= prof.belly.x && t <= prof.belly.y && roundRadius > bestRadius) {
            bestRadius = roundRadius;
            out.bellyCentre = centre;
            out.bellyRadius = roundRadius;
        }
        for (int j = 0; j <= ring; ++j) {
            const float a = 2.0f * kPi * static_cast<float>(j % ring) / static_cast<float>(ring);
            mesh.positions.push_back(centre + n * (ra * std::cos(a)) + b * (rb * std::sin(a)));
            mesh.texcoords0.emplace_back(t, static_cast<float>(j) / static_cast<float>(ring));
            weld.push_back(static_cast<std::uint32_t>(k * ringVerts + static_cast<std::size_t>(j % ring)));
        }
    }
    if (bestRadius < 0.0f) { // belly range empty: take the middle
        out.bellyCentre = s.centre[static_cast<std::size_t>(m / 2)];
        out.bellyRadius = prof.radiusAt(0.5f);
    }
    // Poles closing the ends, a little beyond the end rings.
    const auto rIdx = [&](int i, int j) { return static_cast<std::uint32_t>(static_cast<std::size_t>(i) * ringVerts + static_cast<std::size_t>(j)); };
    const std::uint32_t pole0 = static_cast<std::uint32_t>(mesh.positions.size());
    mesh.positions.push_back(s.centre.front() - tan.front() * (0.4f * prof.radiusAt(0.0f)));
    mesh.texcoords0.emplace_back(0.0f, 0.5f);
    weld.push_back(pole0);
    const std::uint32_t pole1 = pole0 + 1;
    mesh.positions.push_back(s.centre.back() + tan.back() * (0.4f * prof.radiusAt(1.0f)));
    mesh.texcoords0.emplace_back(1.0f, 0.5f);
    weld.push_back(pole1);

    auto& idx = mesh.indices;
    idx.reserve(static_cast<std::size_t>(m) * static_cast<std::size_t>(ring) * 6);
    for (int i = 0; i + 1 < m; ++i)
        for (int j = 0; j < ring; ++j) {
            const std::uint32_t v00 = rIdx(i, j), v01 = rIdx(i, j + 1), v10 = rIdx(i + 1, j), v11 = rIdx(i + 1, j + 1);
            idx.insert(idx.end(), {v00, v11, v10, v00, v01, v11});
        }
    for (int j = 0; j < ring; ++j) {
        idx.insert(idx.end(), {pole0, rIdx(0, j + 1), rIdx(0, j)});
        idx.insert(idx.end(), {pole1, rIdx(m - 1, j), rIdx(m - 1, j + 1)});
    }
    pushOutOfObstacles(mesh.positions, path.obstacles, static_cast<float>(params.wrapClearance));
    smoothNormals(mesh, weld);
    return out;
}

namespace {

// A sheet's mid-surface on a grid [row i along the fibres][column c across], with per-node
// half-thickness, fibre parameter and the part each column belongs to.
struct SheetGrid {
    int rows = 0, cols = 0;
    std::vector<glm::vec3> mid; // rows * cols
    std::vector<float> half;    // half-thickness before the across/end tapers
    std::vector<float> t;       // texcoord0.x
    std::vector<float> contact;
    std::vector<glm::vec3> wrapNormal;
    std::vector<int> columnPart; // per column: which part's strip it ends (boundary columns go to both)
    std::size_t at(int i, int c) const { return static_cast<std::size_t>(i) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(c); }
};

std::vector<PartSolid> sheetToSolids(SheetGrid& g, int parts, const std::vector<glm::vec2>& bellies,
                                     const OutwardFn& outward, const SolidParams& params,
                                     std::span<const WrapObstacle> obstacles) {
    const int R = g.rows, C = g.cols;
    // Mid-surface normals from the grid's derivatives.
    std::vector<glm::vec3> n(g.mid.size());
    for (int i = 0; i < R; ++i)
        for (int c = 0; c < C; ++c) {
            const glm::vec3 du = g.mid[g.at(std::min(i + 1, R - 1), c)] - g.mid[g.at(std::max(i - 1, 0), c)];
            const glm::vec3 dv = g.mid[g.at(i, std::min(c + 1, C - 1))] - g.mid[g.at(i, std::max(c - 1, 0))];
            n[g.at(i, c)] = safeNormalize(glm::cross(dv, du), glm::vec3(0.0f));
        }
    // (The sheet is symmetric about its mid-surface, so n's sign does not matter; it must stay
    // cross(dv, du) for the triangles below to face outwards.)
    (void)outward;
    // Lift off wrap surfaces, then build top and bottom surfaces.
    std::vector<glm::vec3> top(g.mid.size()), bottom(g.mid.size());
    for (int i = 0; i < R; ++i)
        for (int c = 0; c < C; ++c) {
            const std::size_t k = g.at(i, c);
            const float u = 2.0f * static_cast<float>(c) / static_cast<float>(C - 1) - 1.0f; // -1..1 across
            const float across = std::sqrt(std::max(0.0f, 1.0f - u * u));
            const float endDist = static_cast<float>(std::min(i, R - 1 - i));
            const float along = std::sqrt(std::min(1.0f, endDist / 2.0f));
            const float h = g.half[k] * std::max(across, 0.0f) * along;
            glm::vec3 mid = g.mid[k];
            glm::vec3 nn = n[k];
            if (g.contact[k] > 0.0f) {
                const glm::vec3 w = g.wrapNormal[k];
                mid += w * (g.contact[k] * (g.half[k] + static_cast<float>(params.wrapClearance)));
                if (glm::dot(nn, w) < 0.0f) nn = safeNormalize(glm::mix(nn, -w, g.contact[k]), nn);
                else nn = safeNormalize(glm::mix(nn, w, g.contact[k]), nn);
            }
            top[k] = mid + nn * h;
            bottom[k] = mid - nn * h;
        }
    pushOutOfObstacles(top, obstacles, static_cast<float>(params.wrapClearance));
    pushOutOfObstacles(bottom, obstacles, static_cast<float>(params.wrapClearance));
    // Smooth normals over the whole sheet (so the strips join without seams), top and bottom apart.
    const auto gridNormals = [&](const std::vector<glm::vec3>& p, bool flip) {
        std::vector<glm::vec3> acc(p.size(), glm::vec3(0.0f));
        for (int i = 0; i + 1 < R; ++i)
            for (int c = 0; c + 1 < C; ++c) {
                const std::size_t a = g.at(i, c), b = g.at(i, c + 1), d = g.at(i + 1, c), e = g.at(i + 1, c + 1);
                const glm::vec3 n1 = glm::cross(p[b] - p[a], p[d] - p[a]);
                const glm::vec3 n2 = glm::cross(p[d] - p[e], p[b] - p[e]);
                acc[a] += n1; acc[b] += n1 + n2; acc[d] += n1 + n2; acc[e] += n2;
            }
        for (std::size_t k = 0; k < acc.size(); ++k) acc[k] = safeNormalize(flip ? -acc[k] : acc[k], flip ? -n[k] : n[k]);
        return acc;
    };
    // cross(dv, du) with du along rows and dv across points like n; the quad (a, b, d) has
    // normal cross(b - a, d - a) = cross(dv, du) ~ +n for the top surface.
    const std::vector<glm::vec3> nTop = gridNormals(top, false);
    const std::vector<glm::vec3> nBottom = gridNormals(bottom, true);

    std::vector<PartSolid> solids(static_cast<std::size_t>(parts));
    for (int part = 0; part < parts; ++part) {
        int c0 = C, c1 = -1;
        for (int c = 0; c < C; ++c)
            if (g.columnPart[static_cast<std::size_t>(c)] == part) c0 = std::min(c0, c), c1 = std::max(c1, c);
        // Strips share their boundary column with the next part.
        if (c1 + 1 < C) ++c1;
        PartSolid& s = solids[static_cast<std::size_t>(part)];
        s.bellyRange = bellies[static_cast<std::size_t>(part)];
        if (c0 >= c1) continue;
        const int w = c1 - c0 + 1;
        scene::Primitive& m = s.mesh;
        for (int side = 0; side < 2; ++side)
            for (int i = 0; i < R; ++i)
                for (int c = c0; c <= c1; ++c) {
                    const std::size_t k = g.at(i, c);
                    m.positions.push_back(side == 0 ? top[k] : bottom[k]);
                    m.normals.push_back(side == 0 ? nTop[k] : nBottom[k]);
                    m.texcoords0.emplace_back(g.t[k], static_cast<float>(c) / static_cast<float>(C - 1));
                }
        const auto v = [&](int side, int i, int c) {
            return static_cast<std::uint32_t>((side * R + i) * w + (c - c0));
        };
        for (int i = 0; i + 1 < R; ++i)
            for (int c = c0; c < c1; ++c) {
                m.indices.insert(m.indices.end(), {v(0, i, c), v(0, i, c + 1), v(0, i + 1, c)});
                m.indices.insert(m.indices.end(), {v(0, i + 1, c), v(0, i, c + 1), v(0, i + 1, c + 1)});
                m.indices.insert(m.indices.end(), {v(1, i, c), v(1, i + 1, c), v(1, i, c + 1)});
                m.indices.insert(m.indices.end(), {v(1, i + 1, c), v(1, i + 1, c + 1), v(1, i, c + 1)});
            }
        // The belly's thickest point along the strip's middle column.
        const int cm = (c0 + c1) / 2;
        float best = -1.0f;
        for (int i = 0; i < R; ++i) {
            const std::size_t k = g.at(i, cm);
            const float h = glm::length(top[k] - bottom[k]);
            if (h > best) {
                best = h;
                s.bellyCentre = 0.5f * (top[k] + bottom[k]);
            }
        }
        s.bellyRadius = 0.5f * best;
    }
    return solids;
}

// Catmull-Rom across part columns at fractional part index p in [-0.5, n - 0.5]; outside
// [0, n-1] the sheet continues straight for half a spacing.
template <class T> T acrossParts(const std::vector<T>& v, float p) {
    const int n = static_cast<int>(v.size());
    if (n == 1) return v[0];
    if (p <= 0.0f) return v[0] + (v[0] - v[1]) * (-p);
    if (p >= static_cast<float>(n - 1)) return v[static_cast<std::size_t>(n - 1)] + (v[static_cast<std::size_t>(n - 1)] - v[static_cast<std::size_t>(n - 2)]) * (p - static_cast<float>(n - 1));
    const int i = std::min(static_cast<int>(p), n - 2);
    const float u = p - static_cast<float>(i);
    const auto at = [&](int k) -> T {
        if (k < 0) return v[0] * 2.0f - v[1];
        if (k >= n) return v[static_cast<std::size_t>(n - 1)] * 2.0f - v[static_cast<std::size_t>(n - 2)];
        return v[static_cast<std::size_t>(k)];
    };
    const T p0 = at(i - 1), p1 = at(i), p2 = at(i + 1), p3 = at(i + 2);
    const float u2 = u * u, u3 = u2 * u;
    return 0.5f * ((2.0f * p1) + (p2 - p0) * u + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * u2 +
                   (3.0f * p1 - p0 - 3.0f * p2 + p3) * u3);
}

} // namespace

std::vector<PartSolid> buildFanSheet(std::span<const PartPath> parts, const OutwardFn& outward,
                                     const SolidParams& params) {
    const int n = static_cast<int>(parts.size());
    std::vector<PartSolid> empty(parts.size());
    if (n == 0) return empty;
    std::vector<float> lengths;
    float maxLength = 0.0f;
    for (const PartPath& p : parts) {
        float l = 0.0f;
        for (std::size_t i = 1; i < p.points.size(); ++i) l += glm::length(p.points[i] - p.points[i - 1]);
        if (p.points.size() < 2 || !(l > 0.001f)) return empty;
        lengths.push_back(l);
        maxLength = std::max(maxLength, l);
    }
    const int R = sampleCount(maxLength, params);
    std::vector<Samples> samples;
    std::vector<glm::vec2> bellies;
    SolidParams fanParams = params;
    fanParams.originTendonShare = params.fanOriginTendonShare;
    fanParams.maxTendonFraction = params.fanMaxTendonFraction;
    for (const PartPath& p : parts) {
        samples.push_back(resample(p, R));
        bellies.push_back(bellyRangeOf(p.architecture, fanParams));
    }

    SheetGrid g;
    g.rows = R;
    std::vector<float> partIndex; // per column: fractional part index
    if (n >= 2) {
        const int cpp = std::max(1, params.fanColumnsPerPart);
        g.cols = n * cpp + 1;
        for (int c = 0; c < g.cols; ++c) {
            const float p = -0.5f + static_cast<float>(n) * static_cast<float>(c) / static_cast<float>(g.cols - 1);
            partIndex.push_back(p);
            g.columnPart.push_back(std::min(c / cpp, n - 1));
        }
    } else {
        g.cols = 9;
        for (int c = 0; c < g.cols; ++c) {
            partIndex.push_back(0.0f);
            g.columnPart.push_back(0);
        }
    }
    const std::size_t cells = static_cast<std::size_t>(R) * static_cast<std::size_t>(g.cols);
    g.mid.resize(cells);
    g.half.resize(cells);
    g.t.resize(cells);
    g.contact.resize(cells);
    g.wrapNormal.resize(cells);

    // Mid-surface.
    std::vector<glm::vec3> across(static_cast<std::size_t>(R));
    std::vector<float> singleWidth(static_cast<std::size_t>(R), 0.0f);
    if (n == 1) {
        // A single-part fan: spread across the direction that keeps the sheet facing outward,
        // widest at the origin, narrowing into the insertion.
        const Samples& s = samples[0];
        const std::vector<glm::vec3> tan = tangents(s.centre);
        const Profile prof = fusiformProfile(parts[0].architecture, lengths[0], params);
        const float w0 = 3.2f * prof.bellyRadius, w1 = std::max(2.5f * prof.tendonRadius, 0.2f * w0);
        glm::vec3 prev = anyPerpendicular(tan[0]);
        for (int i = 0; i < R; ++i) {
            const std::size_t k = static_cast<std::size_t>(i);
            glm::vec3 o = outward ? outward(s.centre[k]) : glm::vec3(0.0f);
            if (s.contact[k] > 0.0f) o = glm::mix(o, s.wrapNormal[k], s.contact[k]);
            glm::vec3 a = safeNormalize(glm::cross(tan[k], o), glm::vec3(0.0f));
            if (glm::dot(a, a) == 0.0f) a = safeNormalize(prev - glm::dot(prev, tan[k]) * tan[k], anyPerpendicular(tan[k]));
            if (glm::dot(a, prev) < 0.0f) a = -a;
            across[k] = a;
            prev = a;
            singleWidth[k] = w1 + (w0 - w1) * (1.0f - smooth01((s.t[k] - 0.1f) / 0.9f));
        }
    }
    for (int i = 0; i < R; ++i)
        for (int c = 0; c < g.cols; ++c) {
            const std::size_t k = g.at(i, c);
            const std::size_t row = static_cast<std::size_t>(i);
            if (n == 1) {
                const float u = static_cast<float>(c) / static_cast<float>(g.cols - 1) - 0.5f;
                g.mid[k] = samples[0].centre[row] + across[row] * (u * singleWidth[row]);
                g.t[k] = samples[0].t[row];
                g.contact[k] = samples[0].contact[row];
                g.wrapNormal[k] = samples[0].wrapNormal[row];
                continue;
            }
            std::vector<glm::vec3> pos, wn;
            std::vector<float> con;
            for (const Samples& s : samples) {
                pos.push_back(s.centre[row]);
                wn.push_back(s.wrapNormal[row]);
                con.push_back(s.contact[row]);
            }
            const float p = partIndex[static_cast<std::size_t>(c)];
            g.mid[k] = acrossParts(pos, p);
            g.t[k] = samples[0].t[row];
            const int nearest = std::clamp(static_cast<int>(std::lround(p)), 0, n - 1);
            const int lo = std::clamp(static_cast<int>(std::floor(p)), 0, n - 1), hi = std::clamp(lo + 1, 0, n - 1);
            const float f = std::clamp(p - static_cast<float>(lo), 0.0f, 1.0f);
            g.contact[k] = glm::mix(con[static_cast<std::size_t>(lo)], con[static_cast<std::size_t>(hi)], f);
            g.wrapNormal[k] = safeNormalize(glm::mix(wn[static_cast<std::size_t>(lo)], wn[static_cast<std::size_t>(hi)], f),
                                            wn[static_cast<std::size_t>(nearest)]);
        }

    // Half-thickness per part from its fibre volume over the sheet area it covers:
    // V = (pi/2) sum_i h_i w_i ds_i for a lens-shaped cross-section of width w, half-height h.
    std::vector<std::vector<float>> halfPerPart(static_cast<std::size_t>(n), std::vector<float>(static_cast<std::size_t>(R)));
    for (int j = 0; j < n; ++j) {
        std::vector<float> width(static_cast<std::size_t>(R)), ds(static_cast<std::size_t>(R));
        for (int i = 0; i < R; ++i) {
            const std::size_t row = static_cast<std::size_t>(i);
            float w;
            if (n == 1) w = singleWidth[row];
            else {
                // The strip between the mid-lines to the neighbouring parts (or half a spacing
                // past the edge part).
                const glm::vec3 self = samples[static_cast<std::size_t>(j)].centre[row];
                float sum = 0.0f;
                int count = 0;
                if (j > 0) sum += glm::length(self - samples[static_cast<std::size_t>(j - 1)].centre[row]), ++count;
                if (j + 1 < n) sum += glm::length(self - samples[static_cast<std::size_t>(j + 1)].centre[row]), ++count;
                w = count ? sum / static_cast<float>(count) : 0.0f;
            }
            width[row] = std::max(w, 0.004f);
            ds[row] = lengths[static_cast<std::size_t>(j)] / static_cast<float>(R - 1);
        }
        const glm::vec2 belly = bellies[static_cast<std::size_t>(j)];
        const float ht = static_cast<float>(params.sheetMinHalfThickness) * 0.6f;
        double sumW = 0.0, sumPW = 0.0;
        std::vector<float> prof(static_cast<std::size_t>(R));
        for (int i = 0; i < R; ++i) {
            const std::size_t row = static_cast<std::size_t>(i);
            const float span = belly.y - belly.x;
            prof[row] = bellyProfile(span > 1e-6f ? (samples[0].t[row] - belly.x) / span : 0.5f);
            sumW += static_cast<double>(width[row] * ds[row]);
            sumPW += static_cast<double>(prof[row] * width[row] * ds[row]);
        }
        const double volume = fibreVolume(parts[static_cast<std::size_t>(j)].architecture, lengths[static_cast<std::size_t>(j)], params);
        double hb = sumPW > 0.0 ? static_cast<double>(ht) + (2.0 * volume / std::numbers::pi - static_cast<double>(ht) * sumW) / sumPW : params.sheetMinHalfThickness;
        hb = std::clamp(hb, params.sheetMinHalfThickness, params.sheetMaxHalfThickness);
        for (int i = 0; i < R; ++i) {
            const std::size_t row = static_cast<std::size_t>(i);
            halfPerPart[static_cast<std::size_t>(j)][row] = ht + (static_cast<float>(hb) - ht) * prof[row];
        }
    }
    for (int i = 0; i < R; ++i)
        for (int c = 0; c < g.cols; ++c) {
            const std::size_t row = static_cast<std::size_t>(i);
            if (n == 1) {
                g.half[g.at(i, c)] = halfPerPart[0][row];
                continue;
            }
            const float p = std::clamp(partIndex[static_cast<std::size_t>(c)], 0.0f, static_cast<float>(n - 1));
            const int lo = std::min(static_cast<int>(p), n - 1), hi = std::min(lo + 1, n - 1);
            g.half[g.at(i, c)] = glm::mix(halfPerPart[static_cast<std::size_t>(lo)][row], halfPerPart[static_cast<std::size_t>(hi)][row], p - static_cast<float>(lo));
        }
    std::vector<WrapObstacle> obstacles;
    for (const PartPath& p : parts) obstacles.insert(obstacles.end(), p.obstacles.begin(), p.obstacles.end());
    return sheetToSolids(g, n, bellies, outward, params, obstacles);
}

} // namespace hv::draw
