// The 3D picture of the window: draws the draw list through hv::render::Renderer into an
// offscreen image at the quality the adaptive policy asks for, keeps that image, and copies it
// (scaled) into the window's framebuffer each frame, under the panels. Also the pick-id image of
// the kept picture, rendered once on demand, for hovering, clicking and label placement.
// Needs a current OpenGL 3.3 core context (the window's or a headless one for benchmarks).
#pragma once

#include "render/renderer.hpp"
#include "document/adaptive_quality.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace hv::ui {

class SceneView {
public:
    explicit SceneView(render::Renderer& renderer);
    ~SceneView();
    SceneView(const SceneView&) = delete;
    SceneView& operator=(const SceneView&) = delete;

    // Draws `items` seen by `camera` for a viewport of width x height pixels at `quality`
    // (resolution scale, MSAA, ambient occlusion); `base` supplies the other settings
    // (background, outline). Forgets the pick ids of the previous picture.
    void draw(std::span<const gfx::DrawItem> items, const gfx::Camera& camera, int width, int height,
              const doc::Quality& quality, const render::RenderSettings& base);
    // Copies the kept picture into framebuffer `target`, into the rectangle (x, y, w, h) in GL
    // window coordinates (origin at the bottom left), filtered linearly when sizes differ.
    void present(unsigned target, int x, int y, int w, int h) const;
    bool hasPicture() const;
    int pictureWidth() const;
    int pictureHeight() const;
    // The kept picture read back (rows from the top, sRGB RGBA8).
    scene::Image readPicture() const;

    // Pick id at viewport pixel (x, y) from the top-left (0: background or outside), from id
    // images of the viewport's full size rendered on first use after each draw(): what is drawn
    // solid wins; where that is a bone or nothing, a ghosted (x-ray) muscle there is picked.
    // `isMuscle` says which pick ids are muscles.
    std::uint32_t pickAt(std::span<const gfx::DrawItem> items, const gfx::Camera& camera, int x, int y,
                         const std::function<bool(std::uint32_t)>& isMuscle = {});
    // A whole id image (viewport width x height, rows from the top), without or with the ghosted
    // items; empty before a draw().
    const std::vector<std::uint32_t>& ids(std::span<const gfx::DrawItem> items, const gfx::Camera& camera,
                                          bool withGhosts = false);
    bool idsReady() const { return m_idsValid[0]; }

private:
    render::Renderer* m_renderer;
    std::unique_ptr<render::OffscreenTarget> m_target;
    int m_viewW = 0, m_viewH = 0;
    std::vector<std::uint32_t> m_ids[2]; // [without ghosts, with ghosts]
    bool m_idsValid[2] = {false, false};
};

} // namespace hv::ui
