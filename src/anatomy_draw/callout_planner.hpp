// Callouts for the highlighted muscles of a draw list, for figures and the window alike: where
// each label points (the visible pixels of its muscle in an id image), which body sides get one,
// and where the boxes go (gfx::layoutCallouts, in columns beside the figure's extent on screen).
// GL-free: the id image and the text sizes come from the caller, who only paints the result.
//
// Pixels: x right, y down, origin at the image's top-left corner.
#pragma once

#include "anatomy_draw/draw_list.hpp"
#include "gfx/callout_plan.hpp"
#include "gfx/camera.hpp"

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

namespace hv::draw {

// Which body sides of a muscle get a label.
enum class CalloutSides : unsigned char {
    MostVisible, // one per muscle, on the side with the most visible pixels; text without a side
                 // unless it carries a side's number (LabelAnchor::detail) and both sides have
                 // anchors (figures); a muscle hidden on both sides is a warning
    Each,        // one per side that shows, its text naming the side, e.g. "Piriformis (right)"
                 // (the window); hidden sides are left out silently
};

// An id image of the scene as the camera sees it (render::Renderer::renderIds), width x height
// pixels, rows from the top. `ids` may be empty (not rendered yet): labels then point where their
// anchors project, and ones behind the camera are left out.
struct IdImage {
    std::span<const std::uint32_t> ids;
    int width = 0, height = 0;
};

struct CalloutPlanParams {
    CalloutSides sides = CalloutSides::MostVisible;
    glm::vec2 size{0.0f};  // the image the callouts are placed in, pixels; the id image covers it
    float margin = 16.0f;  // gfx::CalloutLayoutParams, pixels of that image
    float gap = 8.0f;
    float leaderMin = 24.0f;
};

// The items worth drawing into the id image for `list`'s callouts (id image width x height):
// those whose screen boxes meet the labelled muscles' boxes, and those whose boxes are not known
// exactly (a corner behind the camera, a skin other than a rigid bone).
std::vector<gfx::DrawItem> calloutOccluders(const DrawList& list, const gfx::Camera& camera, int width, int height);

// The callouts for `list` seen by `camera`: `boxSize` measures a label's text box (padding
// included, pixels of params.size). Callouts come in the order of list.labels; one that did not
// fit has Callout::placed false and a warning (its Callout::anchor still says where it would
// point). LabelCallout::source indexes list.labels.
gfx::CalloutPlan planCallouts(const DrawList& list, const gfx::Camera& camera, const IdImage& ids,
                              const std::function<glm::vec2(std::string_view text)>& boxSize,
                              const CalloutPlanParams& params);

// A figure's callouts (CalloutSides::MostVisible, sizes in proportion to the image's height):
// draws the occluders into an id image of about 540 rows through the canvas, then plans. Empty
// (nothing to plan) when the list has no label anchors. The planner refers to `list` and
// `camera`: both must outlive it.
gfx::CalloutPlanner figureCallouts(const DrawList& list, const gfx::Camera& camera);

} // namespace hv::draw
