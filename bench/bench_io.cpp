// Model loading and image writing costs: every model of ../shared/testdata/models through
// loadModel() (and one evaluated pose), PNG encoding of a 1920x1080 figure-like image with
// HipView's settings against libpng's and stb_image_write's defaults, animated GIF encoding.
// Prints numbers; never fails.
#include "bench_timing.hpp"

#include "io/gif_writer.hpp"
#include "io/model_loader.hpp"
#include "io/png_writer.hpp"
#include "scene/evaluate.hpp"
#include "scene/geometry.hpp"

#include <png.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

// A figure-like frame: a vertical background gradient with six shaded spheres whose edges are
// anti-aliased, opaque (like a figure on a coloured background).
std::vector<std::uint8_t> figureLike(int w, int h, bool transparentBackground) {
    std::vector<std::uint8_t> img(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const float bg = 0.85f - 0.25f * static_cast<float>(y) / static_cast<float>(h);
            float r = bg, g = bg, b = bg + 0.05f, a = transparentBackground ? 0.0f : 1.0f;
            for (int s = 0; s < 6; ++s) {
                const float cx =
                    300.0f + static_cast<float>(s) * 260.0f * static_cast<float>(w) / 1920.0f;
                const float cy =
                    static_cast<float>(h) * 0.5f + 120.0f * std::sin(static_cast<float>(s));
                const float rad =
                    (150.0f + 20.0f * static_cast<float>(s)) * static_cast<float>(h) / 1080.0f;
                const float dx = (static_cast<float>(x) - cx) / rad,
                            dy = (static_cast<float>(y) - cy) / rad;
                const float d2 = dx * dx + dy * dy;
                if (d2 >= 1.0f) continue;
                const float nz = std::sqrt(1.0f - d2);
                const float lambert = std::max(0.0f, -0.3f * dx - 0.5f * dy + 0.8f * nz);
                const float cover = std::min(1.0f, (1.0f - std::sqrt(d2)) * rad);
                r = r * (1 - cover) + 0.8f * lambert * cover;
                g = g * (1 - cover) + (0.3f + 0.1f * static_cast<float>(s)) * lambert * cover;
                b = b * (1 - cover) + 0.3f * lambert * cover;
                a = a * (1 - cover) + cover;
            }
            auto c = [](float v) {
                return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
            };
            std::uint8_t* p = &img[(static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
                                    static_cast<std::size_t>(x)) *
                                   4];
            p[0] = c(r);
            p[1] = c(g);
            p[2] = c(b);
            p[3] = c(a);
        }
    return img;
}

struct Sink {
    std::size_t bytes = 0;
};
void countBytes(png_structp png, png_bytep, png_size_t n) {
    static_cast<Sink*>(png_get_io_ptr(png))->bytes += n;
}
void noFlush(png_structp) {}

// libpng with its own defaults (zlib level 6, adaptive filters), for comparison.
std::size_t libpngDefault(const std::vector<std::uint8_t>& rgba, int w, int h) {
    Sink sink;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return 0;
    }
    png_set_write_fn(png, &sink, &countBytes, &noFlush);
    png_set_IHDR(png, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), 8,
                 PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < h; ++y)
        png_write_row(png,
                      const_cast<png_bytep>(
                          &rgba[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) * 4]));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return sink.bytes;
}

} // namespace

int main() {
    using hv::bench::print;
    using hv::bench::time;
    const std::filesystem::path models =
        std::filesystem::path(HV_SHARED_DIR) / "testdata" / "models";

    std::printf("== loadModel (median of 9; then evaluate + bounds of the first animation at half "
                "its length)\n");
    if (!std::filesystem::is_directory(models)) {
        std::printf("(skipped: %s is absent)\n", models.string().c_str());
    } else {
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::recursive_directory_iterator(models)) {
            const std::string ext = e.path().extension().string();
            if (e.is_regular_file() &&
                (ext == ".glb" || ext == ".gltf" || ext == ".fbx" || ext == ".dae" || ext == ".X" ||
                 ext == ".obj" || ext == ".stl"))
                if (e.path().string().find("malformed") == std::string::npos)
                    files.push_back(e.path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            std::size_t vertices = 0;
            const auto load = time(9, [&] {
                const hv::io::ModelLoad r = hv::io::loadModel(f);
                vertices = 0;
                if (r.scene)
                    for (const auto& m : r.scene->meshes)
                        for (const auto& p : m.primitives)
                            vertices += p.positions.size();
            });
            const hv::io::ModelLoad r = hv::io::loadModel(f);
            double evalMs = 0.0;
            if (r.scene) {
                const hv::scene::Scene& s = *r.scene;
                const auto eval = time(9, [&] {
                    const float t = s.animations.empty() ? 0.0f : s.animations[0].duration * 0.5f;
                    const hv::scene::ScenePose pose =
                        hv::scene::evaluate(s, {s.animations.empty() ? -1 : 0, t, {}});
                    volatile float radius = hv::scene::sceneBounds(s, pose).radius();
                    (void)radius;
                });
                evalMs = eval.medianMs;
            }
            const std::string name = std::filesystem::relative(f, models).string() + " (" +
                                     std::to_string(vertices) + " v)";
            print(name.c_str(), load);
            std::printf("%-58s evaluate+bounds median %8.3f ms\n", "", evalMs);
        }
    }

    std::printf("\n== PNG encoding, 1920x1080 figure-like image (median of 7)\n");
    const int w = 1920, h = 1080;
    const std::vector<std::uint8_t> opaque = figureLike(w, h, false);
    const std::vector<std::uint8_t> transparent = figureLike(w, h, true);
    std::size_t size = 0;
    print("HipView encodePng, opaque (RGB, level 1, up filter)",
          time(7, [&] { size = hv::io::encodePng(opaque, w, h).size(); }));
    std::printf("%-58s %zu bytes\n", "", size);
    print("HipView encodePng, transparent background (RGBA)",
          time(7, [&] { size = hv::io::encodePng(transparent, w, h).size(); }));
    std::printf("%-58s %zu bytes\n", "", size);
    hv::io::PngOptions six;
    six.compressionLevel = 6;
    print("HipView encodePng at zlib level 6 (smaller files)",
          time(7, [&] { size = hv::io::encodePng(opaque, w, h, six).size(); }));
    std::printf("%-58s %zu bytes\n", "", size);
    print("libpng defaults (level 6, adaptive filters), RGBA",
          time(7, [&] { size = libpngDefault(opaque, w, h); }));
    std::printf("%-58s %zu bytes\n", "", size);
    print("stb_image_write defaults (level 8), RGBA", time(3, [&] {
              size = 0;
              stbi_write_png_to_func(
                  [](void* context, void*, int n) {
                      *static_cast<std::size_t*>(context) += static_cast<std::size_t>(n);
                  },
                  &size, w, h, 4, opaque.data(), w * 4);
          }));
    std::printf("%-58s %zu bytes\n", "", size);

    std::printf("\n== Animated GIF, 10 frames of 960x540 (median of 3)\n");
    const std::vector<std::uint8_t> frame = figureLike(960, 540, false);
    print("GifWriter: 10 frames, quantise + LZW", time(3, [&] {
              hv::io::GifWriter gif(960, 540);
              for (int i = 0; i < 10; ++i)
                  gif.addFrame(frame, 10);
              size = gif.finish().size();
          }));
    std::printf("%-58s %zu bytes\n", "", size);
    return 0;
}
