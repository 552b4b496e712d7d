// Callout layout for figure labels: text boxes in columns beside the figure, each joined to its
// anchor by a leader line; boxes never overlap each other, never leave the image, and leaders on
// one side never cross. GL-free (text sizes come from the caller's font), so the window and
// `hipview render` place labels the same way, and tests check the guarantees directly.
//
// Pixels: x right, y down, origin at the image's top-left corner.
#pragma once

#include <glm/glm.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace hv::gfx {

struct CalloutRequest {
    glm::vec2 anchor{0.0f}; // where the leader ends (on the structure)
    glm::vec2 size{0.0f};   // text box size, padding included
};

struct Callout {
    bool placed = false;        // false: no room (the caller should say so)
    glm::vec2 boxMin{0.0f}, boxMax{0.0f};
    glm::vec2 leaderStart{0.0f}; // on the box's edge facing the anchor
    glm::vec2 anchor{0.0f};
    bool onLeft = false;
};

struct CalloutLayoutParams {
    float width = 0.0f, height = 0.0f; // image size
    float margin = 16.0f;              // kept free at the image's edges
    float gap = 8.0f;                  // between boxes
    float leaderMin = 24.0f;           // shortest horizontal run of a leader
    // The figure's extent on screen (box); columns sit outside it when there is room.
    glm::vec2 figureMin{0.0f}, figureMax{0.0f};
};

// One Callout per request, same order.
std::vector<Callout> layoutCallouts(std::span<const CalloutRequest> requests, const CalloutLayoutParams& params);

// Where a callout should point so that it lands on the structure as seen: in an id image
// (`ids`, width x height, rows from the top; see Renderer::renderIds), the pixel among those
// holding one of `pickIds` that lies deepest inside their visible region (so a leader never ends
// on an edge), preferring pixels near `preferred`. Returns the pixel's centre, and how many
// pixels the structure covers; nullopt when none is visible.
struct VisibleAnchor {
    glm::vec2 pixel{0.0f};
    std::size_t coverage = 0;
};
std::optional<VisibleAnchor> visibleAnchor(std::span<const std::uint32_t> ids, int width, int height,
                                           std::span<const std::uint32_t> pickIds, glm::vec2 preferred);

// True if two boxes overlap (touching edges do not count).
bool boxesOverlap(const Callout& a, const Callout& b);

} // namespace hv::gfx
