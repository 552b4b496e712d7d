// `hipview render --compare`: each picture as two halves side by side and in step, normal hips on
// the left and the restricted (or weak) side on the right, each with its label and its number
// written large; the MP4 read back with ffprobe, the GIF with giflib; a compare figure with
// nothing to compare against is a usage error.
#include "render/render_support.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <gif_lib.h>

#include <cstdlib>
#include <filesystem>
#include <string>

using hv::test::hipview;
using hv::test::haveFfmpeg;
using hv::test::runProcess;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
bool haveGl() { return hv::test::figureRenderer() != nullptr; }

bool white(const std::uint8_t* p) { return p[0] > 245 && p[1] > 245 && p[2] > 245; }

// Columns of [x0, x1) with some non-white pixel in rows [y0, y1): how wide the drawn body is.
int drawnColumns(const hv::scene::Image& im, int x0, int x1, int y0, int y1) {
    int n = 0;
    for (int x = x0; x < x1; ++x)
        for (int y = y0; y < y1; ++y)
            if (!white(hv::test::pixel(im, x, y))) {
                ++n;
                break;
            }
    return n;
}

// Pixels of [x0, x1) x [y0, y1) strongly of the accent hue: green (normal) or magenta (compared).
int accentPixels(const hv::scene::Image& im, int x0, int x1, int y0, int y1, bool green) {
    int n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            const std::uint8_t* p = hv::test::pixel(im, x, y);
            if (green ? (p[1] > p[0] + 40 && p[1] > p[2] + 20) : (p[0] > p[1] + 60 && p[2] > p[1] + 20)) ++n;
        }
    return n;
}

} // namespace

TEST_CASE("a compare figure of the hip hinge shows two bodies side by side, each half captioned with its number") {
    if (!haveGl()) return;
    hv::test::TempDir dir;
    const std::string out = (dir.path() / "hinge.png").string();
    const auto r = runProcess(hipview() + " render --movement hip-hinge --at 2.2 --compare --restrict hip_flexion=:25 "
                                          "--size 640x360 --no-ao --samples 1 --no-floor -o " + out + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    hv::scene::Image im;
    REQUIRE(hv::test::readPng(out, im));
    REQUIRE(im.width == 640);
    REQUIRE(im.height == 360);
    // The seam between the halves.
    const std::uint8_t* seam = hv::test::pixel(im, 319, 200);
    CHECK(seam[0] == 150);
    CHECK(seam[1] == 145);
    // A body in each half, below the captions (the top fifth), and nothing drawn across the seam.
    const int left = drawnColumns(im, 0, 318, 90, 360), right = drawnColumns(im, 321, 640, 90, 360);
    CHECK(left > 30);
    CHECK(right > 30);
    CHECK(left < 250);
    CHECK(right < 250);
    // The captions: the normal one green on the left, the compared one magenta on the right.
    CHECK(accentPixels(im, 0, 319, 0, 80, true) > 200);
    CHECK(accentPixels(im, 0, 319, 0, 80, false) < 20);
    CHECK(accentPixels(im, 320, 640, 0, 80, false) > 200);
    CHECK(accentPixels(im, 320, 640, 0, 80, true) < 20);
}

TEST_CASE("a compare animation is written as a GIF and an MP4 of the whole width, one frame per sample") {
    if (!haveGl()) return;
    if (!haveFfmpeg()) {
        MESSAGE("skipped: ffmpeg and ffprobe are not installed");
        return;
    }
    hv::test::TempDir dir;
    const std::string out = (dir.path() / "hinge.png").string();
    auto r = runProcess(hipview() + " render --movement hip-hinge --compare --restrict hip_flexion=:25 --size 480x270 --fps 2 "
                                    "--no-ao --samples 1 --gif --mp4 -o " + out + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    // 4.5 s at 2 frames a second, looping: 9 frames.
    r = runProcess("ffprobe -v error -select_streams v:0 -show_entries stream=codec_name,width,height,nb_frames -of default=nw=1 " +
                   (dir.path() / "hinge.mp4").string());
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.out, "codec_name=h264"));
    CHECK(contains(r.out, "width=480"));
    CHECK(contains(r.out, "height=270"));
    CHECK(contains(r.out, "nb_frames=9"));
    int error = 0;
    GifFileType* g = DGifOpenFileName((dir.path() / "hinge.gif").c_str(), &error);
    REQUIRE(g != nullptr);
    REQUIRE(DGifSlurp(g) == GIF_OK);
    CHECK(g->SWidth == 480);
    CHECK(g->SHeight == 270);
    CHECK(g->ImageCount == 9);
    DGifCloseFile(g, &error);
    // The frames at the bottom of the hinge differ between the halves (another pose); at the
    // start, standing, both halves are the same body.
    hv::scene::Image first, bottom;
    REQUIRE(hv::test::readPng((dir.path() / "hinge_0000.png").string(), first));
    REQUIRE(hv::test::readPng((dir.path() / "hinge_0004.png").string(), bottom));
    const auto halvesDiffer = [](const hv::scene::Image& im) {
        int n = 0;
        for (int y = 110; y < im.height; ++y) // below the captions
            for (int x = 0; x < 239; ++x) {
                const std::uint8_t *a = hv::test::pixel(im, x, y), *b = hv::test::pixel(im, x + 240, y);
                if (std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) > 60) ++n;
            }
        return n;
    };
    CHECK(halvesDiffer(first) < 30);
    CHECK(halvesDiffer(bottom) > 300);
}

TEST_CASE("a weak gluteus medius in single-leg stance is compared too, and a compare with nothing against it is refused") {
    if (!haveGl()) return;
    hv::test::TempDir dir;
    const std::string out = (dir.path() / "sls.png").string();
    auto r = runProcess(hipview() + " render --movement single-leg-stance --at 4 --compare --gluteus-medius-strength 0.3 "
                                    "--size 320x180 --no-ao --samples 1 -o " + out + " 2>&1");
    INFO(r.out);
    CHECK(r.exitCode == 0);
    CHECK(std::filesystem::exists(out));
    const std::string none = (dir.path() / "none.png").string();
    r = runProcess(hipview() + " render --movement hip-hinge --compare --size 320x180 -o " + none + " 2>&1");
    INFO(r.out);
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "--compare: nothing to compare with normal"));
    CHECK_FALSE(std::filesystem::exists(none));
    r = runProcess(hipview() + " render --compare --restrict hip_flexion=:25 --size 320x180 -o " + none + " 2>&1");
    INFO(r.out);
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "compare"));
    CHECK_FALSE(std::filesystem::exists(none));
}

TEST_CASE("hipview export refuses --compare, which only figures draw") {
    hv::test::TempDir dir;
    const std::string out = (dir.path() / "hinge.glb").string();
    const auto r = runProcess(hipview() + " export --movement hip-hinge --compare --restrict hip_flexion=:25 -o " + out + " 2>&1");
    INFO(r.out);
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "--compare is not an export option"));
    CHECK_FALSE(std::filesystem::exists(out));
}
