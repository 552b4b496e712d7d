// Props a movement is done with (`[[movement.prop]]` in content/movements.toml; format:
// content/README.md, "Props"): a couch or bench, a step, a band between two body points, a cable
// from a room anchor to a body point with a handle. Plain data, no OpenGL; the anatomy drawer
// draws them (anatomy_draw/prop_drawing.hpp).
//
// Frames and units: metres. Room points and sizes are in the room (OpenSim axes: X forward, Y up
// from the floor, Z to the subject's right; movement::roomFromModel places the model in it). A
// body point is fixed in a body's frame (OpenSim axes of that body) and follows the pose.
#pragma once

#include "core/math.hpp"
#include "core/model.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hv::movement {

enum class PropKind : unsigned char { Couch, Bench, Step, Band, Cable };
std::string_view propKindName(PropKind k); // "couch", "bench", "step", "band", "cable"
// The kind a word names; nullopt for an unknown word.
std::optional<PropKind> propKindFromName(std::string_view name);
// Every kind's word, in enum order (for messages).
std::vector<std::string> propKindNames();

// A point fixed in a body: its index in Model::bodies and its place in the body's frame (m).
struct BodyPoint {
    int body = -1;
    Vec3 local{0.0};
    std::string name; // as the file names it, e.g. "knee_r", for messages and tests
};
// (A file's `from_offset` / `to_offset`, metres in the body's frame, moves the point from there.)

// Body points a file may name: "knee_r"/"knee_l" (the tibia's origin, the knee joint centre),
// "ankle_r"/"ankle_l" (the ankle centre in the tibia, kAnkleInTibia), "hip_r"/"hip_l" (the
// femur's origin, the femoral head's centre), "pelvis" (the pelvis origin, between the anterior
// superior iliac spines). nullopt when the name is none of these or the model lacks the body.
std::optional<BodyPoint> namedBodyPoint(const Model& model, std::string_view name);
std::vector<std::string> bodyPointNames();

// Largest box edge accepted, m (a couch is about 2 m long).
inline constexpr double kMaxPropSize = 4.0;
// Longest offset of a body point from the named point it starts at (`to_offset`), m.
inline constexpr double kMaxPointOffset = 0.5;

struct Prop {
    PropKind kind = PropKind::Couch;
    // Couch, bench, step: an axis-aligned box in the room: the middle of its top face (m) and its
    // size along X, Y (height), Z (m, each > 0 and at most kMaxPropSize). The box stands on the
    // floor when top.y equals size.y.
    Vec3 top{0.0};
    Vec3 size{0.0};
    // Band: between `from` and `to`, or (anchored) from the room point `anchor` to `to`. Cable:
    // from the room point `anchor` to `to`, where the handle is.
    BodyPoint from, to;
    Vec3 anchor{0.0};
    bool anchored = false;
    int line = 0; // where the prop's table starts in the file
};

// The two end points of a band or a cable in the room (m) at body poses `groundFromBody` (one per
// body of the model, forward kinematics) with the model's ground placed by `room`. Boxes: nullopt.
std::optional<std::pair<Vec3, Vec3>> propEnds(const Prop& prop, std::span<const Transform> groundFromBody,
                                              const Transform& room);

} // namespace hv::movement
