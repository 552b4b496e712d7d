// How far a point lies from the generated bones, straight from their signed distance functions
// (no meshes, no GL): for checks such as "no muscle path runs deeper than 3 mm inside bone".
//
// The bones are the generator's shapes at the content's default bone parameters (the shape the
// published muscle data belong to), each in its body's OpenSim frame (metres; X anterior,
// Y superior, Z right); left bones are the right ones mirrored in Z, as generateBones() makes
// them. Distances are the SDFs' values: negative inside, positive outside; exact near the
// surface, a lower bound on the true distance farther out (the ellipsoid primitives), and
// outside a bone's bounding box the distance to that box. For speed each query evaluates only
// the primitives near its 10 mm cell, which keeps the value exact within kExactBand of the
// surface; farther inside a point reads at least kExactBand deep, farther outside at least
// kExactBand away.
//
// Not safe to query from several threads at once (the per-cell primitive lists are filled
// lazily).
#pragma once

#include "bonegen/bones.hpp"
#include "content/content.hpp"
#include "core/math.hpp"

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace hv::bonegen {

class BoneDistance {
public:
    static constexpr double kExactBand = 0.02; // m

    // Builds every bone's shape for `content` (its model and default bone parameters); keeps
    // no reference to the content.
    explicit BoneDistance(const Content& content);

    // True if the generator makes a bone for this model body.
    bool hasBone(int body) const;

    // Signed distance (m) from `pointInBody` (that body's frame, m) to the body's bone;
    // +infinity where the body has no bone.
    double signedDistance(int body, const Vec3& pointInBody) const;

    struct Nearest {
        double distance = std::numeric_limits<double>::infinity(); // m, signed
        int body = -1;                                              // the bone's body; -1 if none
    };
    // The smallest signed distance over every bone of a point in the ground frame (m), the bodies
    // posed by `bodies` (ground transforms from computeBodyTransforms, one per model body).
    Nearest nearest(std::span<const Transform> bodies, const Vec3& pointInGround) const;

private:
    std::vector<BoneShape> m_shapes; // right and midline shapes
    std::vector<Aabb> m_bounds;      // per shape: where its SDF can be negative
    std::vector<int> m_boneOf;       // per model body: index into m_shapes, -1 if none
    std::vector<bool> m_mirrored;    // per model body: a left body (use the mirror image)
    struct CellGrid {
        Vec3 origin{0.0};
        int nx = 0, ny = 0, nz = 0;
        std::vector<std::vector<std::uint32_t>> primitives; // per cell
        std::vector<bool> filled;                            // per cell
    };
    mutable std::vector<CellGrid> m_grids; // per shape
};

} // namespace hv::bonegen
