// The OpenGL 3.3 core renderer (through libepoxy): draws a span of draw items (gfx::DrawItem,
// plain draw data) seen by a camera into a framebuffer, offscreen for figures and tests, the
// window's for the viewer. Needs a current GL 3.3 core context (HeadlessContext or the window's).
//
// What a frame does: GPU skinning (up to 8 influences per vertex, joint matrices in a texture
// buffer) and morph targets in the vertex shader; back-face culling with counter-clockwise
// fronts; ambient occlusion (SSAO at half resolution from a normal/depth prepass, blurred);
// soft view-space lighting with separate bone, muscle/tendon and model materials; MSAA (samples
// clamped to what the driver offers: 4 on llvmpipe); a selection outline around outlined items
// (an inverted hull a few pixels wide); ghosted items as a depth-sorted x-ray layer on top; the
// floor (MaterialKind::Floor) after the opaque items, blended, with a contact shadow rendered
// from below into a small height texture (the opaque items within 0.3 m of it), invisible from
// below, never picked.
// Colours in the framebuffer are sRGB-encoded and premultiplied by alpha, so a transparent
// background composes correctly.
//
// Picking: renderIds() draws each item's pick id into an integer target and reads it back.
#pragma once

#include "gfx/camera.hpp"
#include "gfx/draw_item.hpp"
#include "scene/scene.hpp"

#include <glm/glm.hpp>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace hv::render {

struct RenderSettings {
    int width = 1280, height = 720; // pixels of the target framebuffer
    int samples = 4;                // MSAA samples; 1 = none; clamped to the driver's maximum
    bool ambientOcclusion = true;
    float aoRadius = 0.03f;         // m, the reach of ambient occlusion
    float aoStrength = 1.1f;
    glm::vec4 background{1.0f, 1.0f, 1.0f, 1.0f}; // sRGB colour 0..1; alpha 0: transparent
    float outlinePixels = 2.5f;     // width of the selection outline (0: none)
    glm::vec4 outlineColor{1.0f, 0.78f, 0.18f, 1.0f}; // linear RGBA
    float pixelScale = 1.0f;        // supersampling factor: pixel widths are multiplied by it
    // The floor items' (MaterialKind::Floor) contact shadow: the opaque items seen from below
    // within 0.3 m of the floor, blurred, darken it.
    bool contactShadow = true;
};

struct FrameStats {
    int drawCalls = 0;
    std::size_t triangles = 0;
    std::size_t meshesCached = 0;
};

// An RGBA8 colour texture with its framebuffer (no depth), e.g. the resolve target of a figure.
class OffscreenTarget {
public:
    OffscreenTarget(int width, int height);
    ~OffscreenTarget();
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;

    unsigned framebuffer() const { return m_fbo; }
    unsigned texture() const { return m_texture; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    // The pixels, rows from the top, sRGB RGBA8 with straight (not premultiplied) alpha.
    scene::Image read() const;

private:
    unsigned m_fbo = 0, m_texture = 0;
    int m_width = 0, m_height = 0;
};

class Renderer {
public:
    // Compiles the shaders (their file names in any error). Null with `error` set on failure.
    static std::unique_ptr<Renderer> create(std::string& error);
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Draws `items` into framebuffer `target` (0: the window's), settings.width x height pixels.
    void render(std::span<const gfx::DrawItem> items, const gfx::Camera& camera, const RenderSettings& settings,
                unsigned target);

    // Pick id per pixel (0: background), rows from the top, width x height. Ghosted and
    // translucent items are left out unless `includeGhosts`; a ghost without a pick id (the body
    // outline) always is, so it never hides what lies inside it.
    std::vector<std::uint32_t> renderIds(std::span<const gfx::DrawItem> items, const gfx::Camera& camera, int width,
                                         int height, bool includeGhosts = false);
    // The pick id under pixel (x, y) (from the top-left), 0 for none.
    std::uint32_t pick(std::span<const gfx::DrawItem> items, const gfx::Camera& camera, int width, int height, int x,
                       int y, bool includeGhosts = true);

    // Box-filters `source` (factor times the size of `target`) into `target`.
    void downsample(const OffscreenTarget& source, OffscreenTarget& target, int factor);
    // Draws `source` scaled, with bilinear filtering, into the rectangle (x, y, w, h) of
    // framebuffer `target` (GL window coordinates, origin at the bottom left; 0: the window's).
    // For the viewer, which draws moving frames at a lower resolution.
    void present(const OffscreenTarget& source, unsigned target, int x, int y, int w, int h);

    int maxSamples() const;
    const FrameStats& lastFrame() const;
    // Frees GPU meshes and textures whose CPU objects are gone (render() also does it).
    void collectGarbage();

private:
    Renderer();
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace hv::render
