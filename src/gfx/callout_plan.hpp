// Callouts planned for a figure, between whoever knows what the labels point at (the anatomy
// drawer's planner, anatomy_draw/callout_planner.hpp) and whoever draws them (the figure
// renderer, src/render/figure_renderer.hpp). The renderer offers a canvas (the image's size, a
// label's box size in its font, id images of any items); the planner returns the callouts to
// paint and what it could not label. GL-free types; the canvas's functions may use GL.
//
// Pixels: x right, y down, origin at the image's top-left corner.
#pragma once

#include "gfx/draw_item.hpp"
#include "gfx/label_layout.hpp"

#include <glm/glm.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hv::gfx {

struct CalloutCanvas {
    int width = 0, height = 0; // the image the callouts are drawn into, pixels
    // The box a label's text needs, padding included, pixels of this image.
    std::function<glm::vec2(std::string_view text)> boxSize;
    // An id image of `items` (Renderer::renderIds, ghosts left out) seen by the figure's camera,
    // `width` x `height` pixels, rows from the top.
    std::function<std::vector<std::uint32_t>(std::span<const DrawItem> items, int width, int height)> renderIds;
};

// One callout to paint: its text, the structure's colour (linear RGBA, for the leader's dot),
// and where it goes (Callout::placed false: no room; it is not drawn).
struct LabelCallout {
    std::string text;
    glm::vec4 color{1.0f};
    Callout callout;
    std::size_t source = 0; // which of the planner's labels it shows (an index into its input)
};

struct CalloutPlan {
    std::vector<LabelCallout> callouts;
    std::vector<std::string> warnings; // e.g. a label whose structure is hidden in this view
};

using CalloutPlanner = std::function<CalloutPlan(const CalloutCanvas& canvas)>;

} // namespace hv::gfx
