// Parametric bones: femoral anteversion, neck-shaft angle and pelvis width, and the continuous
// maps that carry a bone from its default shape (the published model's) to other values.
//
// Each deformed bone has ONE map, a function of a point in that bone's own frame (OpenSim frame,
// metres). The same map moves the bone's mesh vertices (src/bonegen), its muscle attachment
// points and via points, its wrap cylinders and the joint frames fixed in it, so attachments
// move with the bone and moment arms computed afterwards follow the new shape.
//
//  - Femur (right; the left one is its mirror image Z -> -Z): the head turns as one piece about
//    the point where the neck axis meets the shaft axis (the "pivot"), by the rotation that
//    carries the default neck axis onto the one the new angles give; the shaft, the trochanters
//    and the condyles stay; the neck between them bends (each point turns by a fraction of that
//    rotation, growing smoothly along the neck, so the neck keeps its girth). Then the whole
//    bone is shifted so that the head centre is again the frame's origin (the femur frame's
//    origin is the hip joint centre). So a higher neck-shaft angle brings the shaft and the
//    greater trochanter closer to the head, and more anteversion puts them further behind it.
//  - Pelvis (with sacrum and coccyx): a side-to-side stretch about the midline, z' = s z with
//    s = width / default width, except near each acetabulum, which moves as a rigid piece with
//    its hip joint centre (so the socket stays round and keeps fitting the femoral head).
//  - Every other body is unchanged.
//
// Angles are radians and lengths metres here; the user types degrees and millimetres
// (parseAnatomy below).
#pragma once

#include "core/model.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace hv {

enum class BoneParameterId : unsigned char { Anteversion, NeckShaft, PelvisWidth };
inline constexpr std::size_t kBoneParameterCount = 3;

struct BoneParameters {
    // Femoral anteversion (rad): the angle between the femoral neck axis and the condylar
    // (medio-lateral) axis, seen along the shaft axis; positive = neck pointing forward.
    double anteversion = 0.0;
    // Neck-shaft angle (rad): the angle between the neck axis (towards the head) and the shaft
    // axis (towards the knee), about 2.2 rad (125-130 deg) in adults.
    double neckShaftAngle = 0.0;
    // Pelvis width (m): the distance between the two anterior superior iliac spines.
    double pelvisWidth = 0.0;

    double get(BoneParameterId id) const;
    void set(BoneParameterId id, double value);
    friend bool operator==(const BoneParameters&, const BoneParameters&) = default;
};

struct BoneParameterInfo {
    std::string name;        // as typed after --anatomy: "anteversion", "neck_shaft", "pelvis_width"
    std::string displayName; // "Femoral anteversion"
    double defaultValue = 0.0; // SI (rad or m): the published model's shape
    double minValue = 0.0;     // SI
    double maxValue = 0.0;     // SI
    std::string source;        // citation key of the default value
};

// The parameters as the content declares them (skeleton.toml, [bone_parameters]).
struct BoneParameterSpec {
    std::array<BoneParameterInfo, kBoneParameterCount> info; // indexed by BoneParameterId
    BoneParameters defaults() const;
    const BoneParameterInfo& operator[](BoneParameterId id) const { return info[static_cast<std::size_t>(id)]; }
};

// The names, in BoneParameterId order, and each one's user unit ("deg" or "mm").
std::string_view boneParameterName(BoneParameterId id);
std::string_view boneParameterUserUnit(BoneParameterId id);
double boneParameterFromUser(BoneParameterId id, double value); // deg -> rad, mm -> m
double boneParameterToUser(BoneParameterId id, double value);
std::optional<BoneParameterId> findBoneParameter(std::string_view name);

// Parses "anteversion=20,neck_shaft=135,pelvis_width=260" (degrees, degrees, millimetres);
// parameters not named keep their defaults. On a problem returns nullopt and sets `error` to
// one message naming the item and the reason (unknown name with the valid ones, bad number,
// value outside the range the content allows).
std::optional<BoneParameters> parseAnatomy(const BoneParameterSpec& spec, std::string_view text,
                                           std::string& error);
// "anteversion=9.7,neck_shaft=129.2,pelvis_width=240" (user units), e.g. for a file's metadata.
std::string formatAnatomy(const BoneParameters& p);

// Landmark axes of the right femur in its own frame (origin = hip joint centre = head centre),
// which define what the angles measure. Team's construction from the published femoral data
// (Rajagopal et al. 2016): the shaft axis is the proximal anatomical axis, through the centres of
// the shaft cross-sections 80 mm and 320 mm below the head centre (placed 15 mm in front of the
// adductor insertions on the linea aspera, which set where the bowed shaft runs); the condylar
// axis is the frame's Z axis (the knee's flexion axis lies within 4 deg of it).
struct FemurAxes {
    Vec3 shaftProximal{0.0}; // m
    Vec3 shaftDistal{0.0};   // m
    Vec3 shaftAxis{0.0};     // unit, distal -> proximal
    Vec3 condylarAxis{0.0};  // unit, medial -> lateral
    double headRadius = 0.0; // m, the femoral head's radius the generator builds
};
const FemurAxes& femurAxes();

// The neck axis for given angles: unit vector in the right femur's frame from the head centre
// towards the neck base (lateral, down and, with anteversion > 0, backwards).
Vec3 femoralNeckDirection(double anteversion, double neckShaftAngle);
// Where the neck axis (through the head centre) comes closest to the shaft axis: on the neck
// axis, metres, right femur frame.
Vec3 femoralNeckPivot(double anteversion, double neckShaftAngle);

// Which map a body uses.
enum class BoneRegion : unsigned char { Unchanged, Pelvis, FemurRight, FemurLeft };
BoneRegion boneRegionOf(const Body& body);

// The maps from the default parameters to `target`, for one model (the hip joint centres are
// read from its hip_r joint, else the published value).
class BoneDeformation {
public:
    BoneDeformation(const Model& model, const BoneParameters& defaults, const BoneParameters& target);

    bool isIdentity() const { return m_identity; }
    // A point in a body's frame (metres) -> the same material point on the new bone.
    Vec3 apply(BoneRegion region, const Vec3& p) const;
    // d apply / d p (central differences, step 0.1 mm).
    Mat3 jacobian(BoneRegion region, const Vec3& p) const;
    // A frame fixed in the bone (joint frame, wrap cylinder): its origin is mapped and its axes
    // turn by the rotation nearest to the map's Jacobian there (polar decomposition).
    Transform applyToFrame(BoneRegion region, const Transform& frame) const;
    // A surface normal at p (unit in, unit out): inverse transpose of the Jacobian.
    Vec3 applyToNormal(BoneRegion region, const Vec3& p, const Vec3& normal) const;

    // The femur's head-neck weight (1: moves with the head, 0: stays with the shaft) at a point
    // of the right femur; for tests and the generator's checks.
    double femurHeadWeight(const Vec3& p) const;

private:
    bool m_identity = true;
    // femur
    bool m_femurChanged = false;
    Vec3 m_pivot{0.0};
    Vec3 m_neckDefault{0.0};  // unit, head -> base
    Vec3 m_neckAxis{0, 0, 1}; // the head-neck piece turns about this axis through m_pivot ...
    double m_neckAngle = 0.0; // ... by this angle (rad)
    Vec3 m_headShift{0.0};    // where the head centre would go, subtracted afterwards
    double m_sNear = 0.0, m_sFar = 0.0; // weight ramps along the neck (distance from the pivot towards the head)
    double m_rInner = 0.0, m_rOuter = 0.0; // and across it: girth of the neck, of the head
    // pelvis
    bool m_pelvisChanged = false;
    double m_widthScale = 1.0;
    Vec3 m_hipCentre{0.0}; // right side; the left is its mirror
    Vec3 applyFemurRight(const Vec3& p) const;
    Vec3 applyPelvis(const Vec3& p) const;
};

// Deforms `model` (which must hold the default shape, as loaded) to `target`: path points, wrap
// cylinder frames (moved and turned) and joint frames (moved; their axes are the bodies'
// reference and keep their directions) of the pelvis and both femurs. Returns false (and changes
// nothing) if target equals defaults.
bool applyBoneParameters(Model& model, const BoneParameters& defaults, const BoneParameters& target);

} // namespace hv
