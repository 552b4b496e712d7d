// The anatomical model: bodies in a tree, joints with named coordinates, wrap surfaces and
// muscles. Plain data, no OpenGL. Conventions (OpenSim's, see ../shared/notes/domain.md):
//  - every body frame: X anterior, Y superior, Z to the subject's right; metres;
//  - ground: Y up; the pelvis hangs from ground through six coordinates;
//  - a joint places its child as  X_ground_child = X_ground_parent * parentOffset * X_FM(q)
//    * childOffset^-1, where X_FM(q) rotates by R1(f1(q)) R2(f2(q)) R3(f3(q)) (successive
//    body-fixed rotations) and then translates by sum(axis_i * g_i(q)) in the parent-offset frame;
//  - coordinate values are SI (radians or metres); the user interface speaks degrees and mm.
// Index fields (int) refer into the Model's vectors; -1 means "none" (or ground for a parent).
#pragma once

#include "core/function.hpp"
#include "core/math.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hv {

enum class Side : unsigned char { Midline, Right, Left };
std::string_view sideSuffix(Side side); // "r", "l" or "" (midline)

enum class CoordinateKind : unsigned char { Rotational, Translational };

struct Coordinate {
    std::string name;        // e.g. "hip_flexion_r"
    std::string displayName; // e.g. "Hip flexion (right)"
    CoordinateKind kind = CoordinateKind::Rotational;
    double defaultValue = 0.0; // rad or m
    double minValue = 0.0;     // rad or m
    double maxValue = 0.0;     // rad or m
    std::string group;         // "pelvis", "lumbar", "hip", "knee": for grouping in the UI
    Side side = Side::Midline;
    std::string positiveMeaning; // "flexion", "adduction", "internal rotation", ...
    std::string negativeMeaning; // "extension", "abduction", ...
};

// One of the six axes of a CustomJoint. `coordinate` < 0 means the function is evaluated at 0
// (a constant). Rotation axes are in radians of the function's value, translations in metres.
struct TransformAxis {
    Vec3 axis{0.0};
    int coordinate = -1;
    ScalarFunction function;
};

struct Joint {
    std::string name;
    int parentBody = -1; // -1: ground
    int childBody = -1;
    Transform parentOffset; // joint frame F in the parent body's frame
    Transform childOffset;  // joint frame M in the child body's frame
    std::array<TransformAxis, 3> rotations;
    std::array<TransformAxis, 3> translations;
};

struct Body {
    std::string name;        // e.g. "femur_r", "L3"
    std::string displayName; // e.g. "Right femur"
    int joint = -1;          // the joint that connects this body to its parent
    Side side = Side::Midline;
};

// A path point is active while its condition's coordinate lies in [min, max] (SI units):
// OpenSim's ConditionalPathPoint.
struct PointCondition {
    int coordinate = -1;
    double min = 0.0;
    double max = 0.0;
};

struct PathPoint {
    int body = -1;
    Vec3 location{0.0}; // metres, body frame
    std::optional<PointCondition> condition;
};

// Which side of a wrap cylinder the path may pass, in the cylinder's own frame (OpenSim's
// "quadrant": "all", "x", "-x", "y", "-y").
enum class WrapQuadrant : unsigned char { All, PosX, NegX, PosY, NegY };

// A cylinder fixed in a body; its axis is the local Z axis of `frame` through the frame's
// origin. Wrapping treats it as infinitely long; `length` (m) is for drawing only.
struct WrapCylinder {
    std::string name;
    int body = -1;
    Transform frame; // cylinder frame in the body frame
    double radius = 0.0;
    double length = 0.0;
    WrapQuadrant quadrant = WrapQuadrant::All;
};

// A wrap cylinder applied to the segments between path points [firstPoint, lastPoint]
// (0-based indices into MusclePart::points; -1 for either end means the whole path).
struct WrapUse {
    int cylinder = -1;
    int firstPoint = -1;
    int lastPoint = -1;
};

// Hill-type parameters from the published model, for display and for scaling the belly drawn.
struct Architecture {
    double maxIsometricForce = 0.0;  // N
    double optimalFiberLength = 0.0; // m
    double tendonSlackLength = 0.0;  // m
    double pennationAngle = 0.0;     // rad, at optimal fibre length
};

struct MusclePart {
    std::string name;        // "" for a single-part muscle, else e.g. "anterior"
    std::string displayName; // e.g. "anterior fibres"
    std::vector<PathPoint> points; // origin first, insertion last
    std::vector<WrapUse> wraps;
    Architecture architecture;
    std::string pathSource; // citation key of the path data
};

struct Muscle {
    std::string id;          // e.g. "gluteus_medius"
    std::string displayName; // e.g. "Gluteus medius"
    std::string group;       // functional group id, e.g. "abductors"
    Side side = Side::Right;
    std::vector<MusclePart> parts;
};

// A reference to one part of one muscle in a Model.
struct PartRef {
    int muscle = -1;
    int part = -1;
    friend bool operator==(const PartRef&, const PartRef&) = default;
};

// The id a muscle part goes by outside HipView (node names of exported scenes): the muscle's id,
// its side ("_r", "_l") and the part's name when it has one: "piriformis_r",
// "gluteus_medius_r_anterior". Precondition: part < muscle.parts.size().
std::string musclePartId(const Muscle& muscle, std::size_t part);

struct Model {
    std::vector<Body> bodies; // topological order: a parent always comes before its children
    std::vector<Joint> joints;
    std::vector<Coordinate> coordinates;
    std::vector<WrapCylinder> wrapCylinders;
    std::vector<Muscle> muscles;

    int findBody(std::string_view name) const;       // -1 if absent
    int findCoordinate(std::string_view name) const; // -1 if absent
    int findMuscle(std::string_view id, Side side) const;
    int findWrapCylinder(std::string_view name) const;
    std::vector<double> defaultPose() const;

    // true if `coordinate` moves `body` (the coordinate's joint lies on the body's chain
    // to ground). Used to skip work and by tests.
    bool coordinateMovesBody(int coordinate, int body) const;
    const MusclePart& part(PartRef ref) const { return muscles[ref.muscle].parts[ref.part]; }
    std::vector<PartRef> allParts() const;
};

// Add a left copy of every right-side body, joint, coordinate, wrap cylinder and muscle
// ("_r" -> "_l"), mirrored across the pelvis' sagittal plane (Z -> -Z) so that the same sign of
// a coordinate means the same anatomical motion on both sides (OpenSim's gait models do the
// same). Points and frames on midline bodies (pelvis) are mirrored too. Returns the number of
// muscles added. Asserts that no left-side item exists yet.
int addMirroredLeftSide(Model& model);

// "hip_flexion_r" -> "hip_flexion_l" and back; names without a side suffix are unchanged.
std::string otherSideName(std::string_view name);

} // namespace hv
