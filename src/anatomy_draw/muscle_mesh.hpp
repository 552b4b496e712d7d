// Solid muscle shapes built along a muscle part's current path (core PathGeometry), in the
// scene frame (glTF's: Y up, metres). Rebuilt whenever the pose changes, so a muscle stretches
// and slides with the bones.
//
//  - Size: a part's belly holds the volume of its fibres, PCSA x optimal fibre length, with
//    PCSA = max isometric force / specific tension (about 0.6 MPa; e.g. Lieber and Friden 2000,
//    Muscle Nerve 23:1647-1666, for the PCSA-force relation). The belly's length is its current
//    share of the path, so a belly that shortens gets thicker at constant volume.
//  - Tendons: the belly/tendon split of the path follows the architecture, tendon slack length
//    against fibre length x cos(pennation), with at most `maxTendonFraction` of the path drawn
//    as tendon (`fanMaxTendonFraction` for fans, which arise fleshy): published tendon slack
//    lengths include aponeuroses, which lie on the belly.
//    Tendon thickness from the force it carries at a modest stress (cross-section =
//    max isometric force / `tendonStress`).
//  - Shapes (content's `shape`): fusiform = a round belly per part; strap = the same cross-
//    section area, flattened 4:1 facing outward; fan = one thin sheet across all parts of the
//    muscle (its parts' paths are the sheet's fibre lines), lens-shaped across so its edges are
//    thin, cut into one mesh per part so each part keeps its own pick id.
//  - Wrap surfaces: where the path lies on a wrap surface (PathGeometry::surfaceNormal non-zero)
//    the shape is lifted off the surface by its own thickness and flattened against it, so it
//    lies on the surface instead of cutting into it.
//
// Meshes: triangles with counter-clockwise fronts facing outwards, smooth normals, closed
// surfaces (ends close in a point); texcoord0.x runs 0 at the origin to 1 at the insertion
// (arc-length fraction), texcoord0.y runs around (fusiform, strap) or across (fan) 0..1.
#pragma once

#include "core/model.hpp"
#include "scene/scene.hpp"

#include <glm/glm.hpp>

#include <functional>
#include <span>
#include <string_view>
#include <vector>

namespace hv::draw {

enum class MuscleShape : unsigned char { Fusiform, Fan, Strap };
MuscleShape muscleShapeFromName(std::string_view name); // "fan", "strap"; anything else fusiform

struct SolidParams {
    double specificTension = 0.6e6;  // Pa: PCSA (m^2) = max isometric force (N) / this
    double tendonStress = 40e6;      // Pa: tendon cross-section (m^2) = max isometric force / this
    double minBellyRadius = 0.003;   // m
    double maxBellyRadius = 0.035;   // m
    double minTendonRadius = 0.0015; // m
    double maxTendonFraction = 0.4;  // most of the path drawn as tendon
    double originTendonShare = 0.3;  // share of the tendon length drawn at the origin end
    double fanMaxTendonFraction = 0.2; // fans: a short insertion tendon ...
    double fanOriginTendonShare = 0.0; // ... and a fleshy origin along a broad line
    double sampleSpacing = 0.007;    // m between cross-sections along the path
    int minSamples = 12;
    int maxSamples = 64;
    int ringSegments = 16;           // vertices around a fusiform or strap cross-section
    int fanColumnsPerPart = 4;       // columns of a fan sheet per part
    double wrapClearance = 0.0015;   // m kept between a wrap surface and the muscle
    double sheetMinHalfThickness = 0.002; // m
    double sheetMaxHalfThickness = 0.02;  // m
};

// A wrap surface the solid must stay outside of, in the scene frame: the cylinder of `radius`
// about the line through `centre` along the unit vector `axis`, `halfLength` each way (metres).
struct WrapObstacle {
    glm::vec3 centre{0.0f};
    glm::vec3 axis{0.0f, 0.0f, 1.0f};
    float radius = 0.0f;
    float halfLength = 0.0f;
};

// One part's path at the current pose, in the scene frame.
struct PartPath {
    std::vector<glm::vec3> points;        // origin first, insertion last (metres)
    std::vector<glm::vec3> surfaceNormal; // per point; (0,0,0) where not on a wrap surface
    Architecture architecture;
    // The part's wrap surfaces: after shaping, any vertex inside one is moved out onto its
    // surface (plus the clearance), so the solid rests on it like a muscle on bone.
    std::vector<WrapObstacle> obstacles;
};

// Moves every position inside an obstacle radially out to `radius + clearance`.
void pushOutOfObstacles(std::vector<glm::vec3>& positions, std::span<const WrapObstacle> obstacles, float clearance);

// The direction "away from the bone" at a point (scene frame, need not be unit; zero when
// unknown). Orients straps and fans; a sheet's thickness is symmetric, so only its plane matters.
using OutwardFn = std::function<glm::vec3(const glm::vec3&)>;

struct PartSolid {
    scene::Primitive mesh;          // empty (no positions) for a path shorter than 1 mm
    glm::vec2 bellyRange{0.0f, 1.0f}; // texcoord0.x range of the fleshy belly
    glm::vec3 bellyCentre{0.0f};    // the thickest point of the belly (scene frame)
    float bellyRadius = 0.0f;       // m: round-equivalent radius there
};

// Fusiform or strap solid of one part (a Fan request is built as a single-part fan sheet).
PartSolid buildPartSolid(const PartPath& path, MuscleShape shape, const OutwardFn& outward,
                         const SolidParams& params = {});

// One sheet across the parts of a fan-shaped muscle, in the parts' order (which should run
// across the fan, as the content lists them). Returns one solid per part, in the same order;
// with a single part the sheet fans out from the insertion towards the origin.
std::vector<PartSolid> buildFanSheet(std::span<const PartPath> parts, const OutwardFn& outward,
                                     const SolidParams& params = {});

// The belly/tendon split of a part: texcoord0.x where the belly starts and ends.
glm::vec2 bellyRangeOf(const Architecture& a, const SolidParams& params = {});

// Volume (m^3) of a part's fibres: PCSA x optimal fibre length; `pathLength` stands in for a
// missing fibre length (half of it).
double fibreVolume(const Architecture& a, double pathLength, const SolidParams& params = {});

} // namespace hv::draw
