// Shared by the render tests: one headless renderer per test executable (tests skip with a
// message where no EGL/OpenGL is available), PNG reading and writing, and image comparisons.
#pragma once

#include "render/figure_renderer.hpp"

#include <doctest/doctest.h>
#include <png.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

namespace hv::test {

// Null (the test then skips with a message) only where this machine has no headless OpenGL;
// a renderer that fails to start on a machine that has it (e.g. a shader that does not
// compile) fails the test.
inline render::FigureRenderer* figureRenderer() {
    static std::string contextError, error;
    static const bool haveGl = [] {
        auto probe = render::HeadlessContext::create(contextError);
        return probe != nullptr;
    }();
    static std::unique_ptr<render::FigureRenderer> r =
        haveGl ? render::FigureRenderer::createHeadless(error) : nullptr;
    if (!haveGl) MESSAGE("skipped: no headless OpenGL here: " << contextError);
    else if (!r) FAIL("the renderer did not start: " << error);
    return r.get();
}

inline bool readPng(const std::string& path, scene::Image& out) {
    png_image img;
    std::memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path.c_str())) return false;
    img.format = PNG_FORMAT_RGBA;
    out.width = static_cast<int>(img.width);
    out.height = static_cast<int>(img.height);
    out.rgba.assign(PNG_IMAGE_SIZE(img), 0);
    const bool ok = png_image_finish_read(&img, nullptr, out.rgba.data(), 0, nullptr) != 0;
    if (!ok) png_image_free(&img);
    return ok;
}

inline bool writePng(const std::string& path, const scene::Image& im) {
    png_image img;
    std::memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    img.width = static_cast<png_uint_32>(im.width);
    img.height = static_cast<png_uint_32>(im.height);
    img.format = PNG_FORMAT_RGBA;
    return png_image_write_to_file(&img, path.c_str(), 0, im.rgba.data(), 0, nullptr) != 0;
}

inline const std::uint8_t* pixel(const scene::Image& im, int x, int y) {
    return &im.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(im.width) + static_cast<std::size_t>(x)) * 4];
}

struct ImageDiff {
    double meanAbs = 0.0;      // mean absolute difference per channel, 0..255
    double fractionOver = 0.0; // share of pixels with a channel differing by more than `threshold`
};

inline ImageDiff compareImages(const scene::Image& a, const scene::Image& b, int threshold = 24) {
    ImageDiff d;
    if (a.width != b.width || a.height != b.height) return {255.0, 1.0};
    std::size_t over = 0;
    double sum = 0.0;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
        int worst = 0;
        for (int c = 0; c < 4; ++c) {
            const int diff = std::abs(int(a.rgba[i + static_cast<std::size_t>(c)]) - int(b.rgba[i + static_cast<std::size_t>(c)]));
            sum += diff;
            worst = std::max(worst, diff);
        }
        if (worst > threshold) ++over;
    }
    d.meanAbs = sum / static_cast<double>(a.rgba.size());
    d.fractionOver = static_cast<double>(over) / static_cast<double>(a.rgba.size() / 4);
    return d;
}

// Hue in degrees (0..360) and saturation (0..1) of an sRGB pixel.
inline void hueSat(const std::uint8_t* p, double& hue, double& sat) {
    const double r = p[0] / 255.0, g = p[1] / 255.0, b = p[2] / 255.0;
    const double mx = std::max({r, g, b}), mn = std::min({r, g, b}), c = mx - mn;
    sat = mx > 0 ? c / mx : 0.0;
    if (c == 0) {
        hue = 0;
        return;
    }
    if (mx == r) hue = 60.0 * std::fmod((g - b) / c + 6.0, 6.0);
    else if (mx == g) hue = 60.0 * ((b - r) / c + 2.0);
    else hue = 60.0 * ((r - g) / c + 4.0);
}

} // namespace hv::test
