// Colouring the 3D muscles by what they are doing instead of by group: a stretch map (how much
// longer or shorter than in neutral standing; movement/stretch_map.hpp) or the current role about
// one hip coordinate (the sign of the moment arm). Also the lumbar levels tinted by the share of
// a movement each took (movement/lumbar.hpp). GL-free: it edits the draw list's colours.
// Colours are linear RGB.
#pragma once

#include "anatomy_draw/draw_list.hpp"
#include "core/roles.hpp"
#include "movement/lumbar.hpp"
#include "movement/stretch_map.hpp"

#include <glm/glm.hpp>

#include <span>
#include <string>
#include <vector>

namespace hv::ui {

enum class ColourMode : unsigned char { Groups, Stretch, Role };

// Change (percent of the neutral length) at which the stretch colours are at full strength.
inline constexpr double kStretchFullScalePercent = 15.0;

// Shortened: blue; lengthened: orange-red; within +-movement::kUnchangedPercent: a pale neutral;
// in between, blended by |change| / kStretchFullScalePercent.
glm::vec3 stretchColour(double changePercent);
// One colour per action (flexor orange, extensor blue, adductor purple, abductor green, internal
// rotator rose, external rotator teal; none a pale neutral).
glm::vec3 roleColour(Action action);

// Recolours every muscle item of `list` (pick target of kind MusclePart) from `states` (as
// StretchMap::evaluate() returns them, any order). Items whose part has no state keep their
// colour. Role mode reads the role about `roleDof` of the part's own side.
void colourMuscles(draw::DrawList& list, std::span<const movement::PartState> states, ColourMode mode, HipDof roleDof);

// The model's vertebra body that moves at each lumbar level ("L5-S1" -> "L5", ...), -1 if absent.
int levelBody(const Model& model, std::string_view levelName);

// Tints each lumbar level's moving vertebra towards amber by the share of the movement in
// `plane` it took (relative to the largest share), so the levels doing the work stand out.
// Nothing changes when the lumbar spine did not move in that plane (under 0.5 deg in all).
void tintLumbarLevels(draw::DrawList& list, const Model& model, const movement::LumbarShares& shares,
                      movement::Plane plane);

} // namespace hv::ui
