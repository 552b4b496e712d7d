// A finished figure: the scene rendered offscreen (optionally supersampled), callout labels
// (planned by the caller's layer, see gfx/callout_plan.hpp) painted over it, read back as an
// image. Used by `hipview render` (with its own
// headless context) and available to the window (in its context) for exporting pictures.
#pragma once

#include "gfx/callout_plan.hpp"
#include "gfx/camera.hpp"
#include "gfx/draw_item.hpp"
#include "render/headless_context.hpp"
#include "render/label_overlay.hpp"
#include "render/renderer.hpp"

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace hv::render {

struct FigureOptions {
    int width = 1920, height = 1080;              // pixels of the image
    int scale = 1;                                // supersampling: rendered at scale x the size
    glm::vec4 background{1.0f, 1.0f, 1.0f, 1.0f}; // sRGB; alpha 0: transparent
    bool labels = false;                          // paint the callouts render() is given
    int samples = 4;                              // MSAA; 1 beyond 4K pixels (see render())
    bool ambientOcclusion = true;
    // Painted over everything (LabelOverlay::drawCaptions), at the labels' style; positions in
    // pixels of the image (before supersampling).
    std::vector<LabelOverlay::Caption> captions;
};

struct Figure {
    scene::Image image;                // sRGB RGBA8, straight alpha, rows from the top
    std::vector<std::string> warnings; // e.g. a label whose muscle is hidden in this view
    struct PlacedLabel {
        std::string text;
        glm::vec2 anchor{0.0f}; // pixel of the image the leader points at
        glm::vec2 boxMin{0.0f}, boxMax{0.0f};
    };
    std::vector<PlacedLabel> labels;   // what was drawn, in image pixels (for tests)
};

class FigureRenderer {
public:
    // With its own headless EGL context (the command line), or in the caller's current context.
    static std::unique_ptr<FigureRenderer> createHeadless(std::string& error);
    static std::unique_ptr<FigureRenderer> createInCurrentContext(std::string& error);
    ~FigureRenderer();

    // Renders `items` seen by `camera`; with options.labels and a planner, asks it for the
    // callouts (on a canvas of the supersampled image's size) and paints them.
    Figure render(std::span<const gfx::DrawItem> items, const gfx::Camera& camera, const FigureOptions& options,
                  const gfx::CalloutPlanner& callouts = {});

    Renderer& renderer() { return *m_renderer; }
    std::string contextDescription() const { return m_context ? m_context->description() : std::string(); }

private:
    FigureRenderer() = default;
    std::unique_ptr<HeadlessContext> m_context;
    std::unique_ptr<Renderer> m_renderer;
    std::unique_ptr<LabelOverlay> m_labels;
    std::string m_labelError;
    bool m_labelsTried = false;
    std::unique_ptr<OffscreenTarget> m_big, m_small;
    LabelOverlay* labels();
};

} // namespace hv::render
