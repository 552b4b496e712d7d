// The Trendelenburg drop drawn on the figure, as a clinician marks it on a photograph taken from
// behind: a level line through the stance hip's centre, the line through both hip centres, the
// angle between them as an arc at the swing side, and a callout ("Pelvis drops 8 deg on the
// left"). The angle is measured from the pose, not copied from the model's estimate. GL-free.
//
// Geometry (scene frame, glTF axes, metres, Y up in the room):
//   - the hip centres: the origins of the femur bodies (the femoral heads' centres);
//   - level: the direction from the stance hip to the swing hip with its vertical part removed;
//   - the angle: between the hip line and level, positive when the swing hip is lower;
//   - the lines are drawn `kPelvicDropOffset` behind the hip centres (along the pelvis' posterior
//     direction, kept horizontal), so that seen from behind they lie over the buttocks, not
//     inside them.
#pragma once

#include "anatomy_draw/draw_list.hpp"

#include "core/model.hpp"

#include <glm/glm.hpp>

#include <optional>
#include <span>
#include <string>

namespace hv::draw {

// How far behind the hip centres the lines are drawn, m: past gluteus maximus' surface.
inline constexpr float kPelvicDropOffset = 0.14f;
// A drop smaller than this is not drawn (deg): no visible angle.
inline constexpr double kDrawnDropDeg = 0.5;

struct PelvicDropGeometry {
    glm::vec3 stanceHip{0.0f}, swingHip{0.0f}; // scene frame, already moved behind by the offset
    glm::vec3 level{0.0f};                     // unit, horizontal, stance -> swing side
    glm::vec3 up{0.0f, 1.0f, 0.0f};
    double dropDeg = 0.0;                      // positive: the swing side is lower
};

// nullopt when the model lacks a femur of either side or a pelvis body. `room` places the model's
// ground in the room (DrawOptions::room). Requires q.size() == model.coordinates.size().
std::optional<PelvicDropGeometry> pelvicDropGeometry(const Model& model, Side stance, std::span<const double> q,
                                                     const Transform& room);

// "Pelvis drops 8 deg on the left" (the swing side named), or "Pelvis level" under kDrawnDropDeg.
std::string pelvicDropLabel(const PelvicDropGeometry& g, Side stance);

// Appends the level line (amber), the hip line (dark slate), the arc between them and the callout
// (anchored at the level line's swing end, muscle id "pelvic_drop"), all highlighted and left out
// of framing, picked as the pelvis.
void appendPelvicDropDrawing(const PelvicDropGeometry& g, const Model& model, const std::string& label, DrawList& list);

} // namespace hv::draw
