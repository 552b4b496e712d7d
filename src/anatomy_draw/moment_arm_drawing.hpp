// The moment arm drawn: for one muscle part and one rotational coordinate at a pose, the joint's
// axis through its centre, the part's line of action where its path crosses the joint, the
// common perpendicular from the axis to that line, and a curved arrow showing which way the pull
// turns the distal body; with the part's moment arm (-dL/dq, the core's number) in words. As the
// pose changes, the line of action visibly crosses the axis where the role changes. GL-free.
//
// Geometry (model ground frame, OpenSim axes, metres):
//   - the axis: the coordinate's instantaneous rotation axis (the distal body's rotation from q to
//     q + 1e-4 rad, as an axis and an angle), through the joint's centre (the origin of the joint
//     frame on the child body, e.g. the femoral head's centre);
//   - the line of action: the segment of the part's path (wrap arcs included) from its last
//     vertex that the coordinate does not move to the first one it moves;
//   - the perpendicular: the shortest segment between the axis and that line (the lines' common
//     normal). Its length times the sine of the angle between the lines is the moment arm of a
//     straight path about the axis; the drawn label gives the core's -dL/dq, which includes wraps.
#pragma once

#include "anatomy_draw/draw_list.hpp"

#include "core/lumbar_actions.hpp"
#include "core/model.hpp"
#include "core/roles.hpp"

#include <glm/glm.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hv::draw {

// What a moment-arm drawing is about: a hip motion of the muscle's own side (a hip muscle), or a
// lumbar motion (a trunk muscle, which crosses lumbar levels and no hip), drawn at one level:
// the level among those the part crosses where its moment arm is largest (momentArmCoordinate).
struct MomentArmAxis {
    bool lumbar = false;
    HipDof hip = HipDof::Rotation;        // when !lumbar
    LumbarDof lumbarDof = LumbarDof::Flexion; // when lumbar
    bool operator==(const MomentArmAxis&) const = default;
};
// The names the command line, the figure specs and the start state use: "hip_flexion",
// "hip_adduction", "hip_rotation", "lumbar_flexion", "lumbar_bending", "lumbar_rotation".
std::vector<std::string> momentArmAxisNames();
std::optional<MomentArmAxis> momentArmAxisFromName(std::string_view name);
std::string_view momentArmAxisName(MomentArmAxis axis);

// The model coordinate a drawing about `axis` uses for `part` at pose q (SI): the hip coordinate
// of the part's muscle's side; for a lumbar axis, the level coordinate (of the lumbar levels the
// part's path crosses) with the largest |-dL/dq|. -1 when there is none (a hip axis for a muscle
// of no side, a lumbar axis for a part that crosses no lumbar level).
int momentArmCoordinate(const Model& model, PartRef part, MomentArmAxis axis, std::span<const double> q);

struct MomentArmGeometry {
    Vec3 centre{0.0};   // the joint centre
    Vec3 axis{0.0};     // unit; a positive coordinate change turns the distal body about it (right hand)
    Vec3 lineFrom{0.0}, lineTo{0.0}; // the line-of-action segment, origin side to insertion side
    Vec3 footOnAxis{0.0}, footOnLine{0.0}; // ends of the common perpendicular
    double momentArm = 0.0;  // m per rad: -dL/dq of the part (core/moment_arm.hpp)
    double straightMomentArm = 0.0; // m: axis . (u x (lineFrom - centre)), u the line's unit direction
};

// nullopt when the coordinate is not rotational, does not move the part's path across a joint, or
// the line of action is parallel to the axis. Requires q.size() == model.coordinates.size().
std::optional<MomentArmGeometry> momentArmGeometry(const Model& model, PartRef part, int coordinate, std::span<const double> q);

// The drawing's items and its callout, appended to `list`: the axis (a dark grey rod), the line of
// action (a rod in `colour` darkened, linear RGB), the perpendicular (amber) and a curved arrow
// about the axis near its upper end, in the sense of the pull (`arrowColour`, e.g. the action's role colour), all
// highlighted and left out of framing; `room` places the model's ground in the room
// (DrawOptions::room). The callout (`label`, e.g. "Piriformis: 26 mm, external rotation") points
// at the perpendicular; its anchor's muscle id is "moment_arm:" + the muscle's id, so it is placed
// beside the muscle's own label, not instead of it.
void appendMomentArmDrawing(const MomentArmGeometry& g, const Transform& room, PartRef part, const Model& model,
                            const std::string& label, glm::vec3 colour, glm::vec3 arrowColour, DrawList& list);

} // namespace hv::draw
