// The room around the body: the floor (a large light disc at the room's y = 0 that fades out at
// its rim, with a soft contact shadow the renderer adds) and a movement's props (movement/prop.hpp):
// couches, benches and steps as boxes, bands as thin tubes between two body points that follow
// the pose, a cable as a thin line from its room anchor to a body point with a small handle there.
// GL-free.
//
// Frame and units: the scene frame (glTF axes: Y up, metres); the floor is the plane y = 0, which
// is the room's floor (movement::roomFromModel puts the model's ground on it for every posture).
#pragma once

#include "anatomy_draw/draw_list.hpp"
#include "core/model.hpp"
#include "movement/prop.hpp"

#include <glm/glm.hpp>

#include <span>

namespace hv::draw {

// The floor disc's radius (m): far larger than a body lying down, so its fading rim is out of
// every figure framed on the body.
inline constexpr float kFloorRadius = 3.0f;
// The floor's colour (linear RGB): a quiet light grey, a little darker than a white background.
inline constexpr glm::vec3 kFloorColour{0.70f, 0.70f, 0.68f};

// The floor item, centred below `centre` (scene frame; only x and z are used): MaterialKind::Floor,
// texcoord0 the point in the unit disc, left out of framing (its bounds are empty), not picked.
gfx::DrawItem floorItem(const glm::vec3& centre);

// Appends one or two opaque items per prop (boxes: a base and, for couches and benches, a
// padded top; bands: a tube; cables: a line and a handle), framed with the body, not picked. A
// line that runs to a room anchor (a cable, an anchored band) is not framed (its bounds are
// empty): the figure frames the body, and the line runs out of the picture like the floor.
// `groundFromBody` holds the bodies' ground transforms at the pose (computeBodyTransforms);
// `room` places the model's ground in the room (DrawOptions::room). A band or cable whose body is
// missing from the model is left out.
void appendPropItems(std::span<const movement::Prop> props, std::span<const Transform> groundFromBody,
                     const Transform& room, DrawList& list);

// Band and cable thicknesses (m): a band's tube radius, a cable's, and its handle's grip.
inline constexpr float kBandRadius = 0.011f;
inline constexpr float kCableRadius = 0.004f;
inline constexpr float kHandleRadius = 0.014f;
inline constexpr float kHandleLength = 0.13f;

} // namespace hv::draw
