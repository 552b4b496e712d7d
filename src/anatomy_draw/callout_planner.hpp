// Callouts for the highlighted muscles of a draw list: where each label points (the visible
// pixels of its muscle in an id image), and where its box goes (gfx::layoutCallouts). GL-free:
// the id image and the text sizes come from the caller's canvas (gfx/callout_plan.hpp).
//
// Pixels: x right, y down, origin at the image's top-left corner.
#pragma once

#include "anatomy_draw/draw_list.hpp"
#include "gfx/callout_plan.hpp"
#include "gfx/camera.hpp"

namespace hv::draw {

// A figure's callouts: one label per muscle, on its side with the most visible pixels, boxes in
// columns beside the figure; a muscle hidden in this view, or a label without room, is a warning.
// Empty (no callouts to plan) when the list has no label anchors. The planner refers to `list`
// and `camera`: both must outlive it.
gfx::CalloutPlanner figureCallouts(const DrawList& list, const gfx::Camera& camera);

} // namespace hv::draw
