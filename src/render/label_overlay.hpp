// Figure labels drawn with Dear ImGui into an offscreen framebuffer (no window, no GLFW): a
// callout per label, a rounded box with the name, and a leader line ending in a dot on the
// structure. Text is set in a real TrueType font (DejaVu Sans). The callouts are planned by the
// caller's layer (gfx/callout_plan.hpp); this class measures and draws. Needs a current GL
// context; keeps its own ImGui context, so it coexists with the window's.
#pragma once

#include "gfx/callout_plan.hpp"

#include <glm/glm.hpp>

#include <memory>
#include <span>
#include <string>
#include <vector>
#include <string_view>

namespace hv::render {

inline constexpr const char* kDefaultFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

struct LabelStyle {
    float fontPixels = 24.0f;       // text height
    float padding = 8.0f;           // inside the box
    float lineWidth = 2.0f;         // leader
    float dotRadius = 4.5f;         // at the anchor
    bool onTransparent = false;     // boxes a little more opaque for slides of any colour
};

class LabelOverlay {
public:
    // Null with `error` set if ImGui's GL backend or the font cannot be set up.
    static std::unique_ptr<LabelOverlay> create(const std::string& fontPath, std::string& error);
    ~LabelOverlay();
    LabelOverlay(const LabelOverlay&) = delete;
    LabelOverlay& operator=(const LabelOverlay&) = delete;

    // The box a label needs at this style (text plus padding), pixels.
    glm::vec2 boxSize(std::string_view text, const LabelStyle& style);
    // Draws the labels into framebuffer `target` (width x height pixels).
    void draw(std::span<const gfx::LabelCallout> labels, const LabelStyle& style, int width, int height, unsigned target);

    // A caption: a box with a title line in the label font and a number line below it at twice
    // the size (bold), in the accent colour (linear RGB), its top-left corner at `topLeft`
    // (pixels, y down), both lines wrapped at `maxWidth` pixels. Compare figures' side labels.
    struct Caption {
        std::string title, number;
        glm::vec3 accent{0.1f};
        glm::vec2 topLeft{16.0f};
        float maxWidth = 1e6f;
    };
    void drawCaptions(std::span<const Caption> captions, const LabelStyle& style, int width, int height, unsigned target);

private:
    LabelOverlay() = default;
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace hv::render
