// GIFs and MP4s of a movement play in real time: `hipview render --movement ID --mp4 --gif`
// samples the movement at 30 frames per second (or --fps), the MP4 is H.264 yuv420p at that
// rate with the movement's duration (read back with ffprobe), the GIF's delays add up to the
// same duration, and its palette keeps the muscles' colours.
#include "render/render_support.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <gif_lib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>

using hv::test::hipview;
using hv::test::haveFfmpeg;
using hv::test::runProcess;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
bool haveGl() { return hv::test::figureRenderer() != nullptr; }

// "key=value" from ffprobe's default output; "" when absent.
std::string field(const std::string& out, const std::string& key) {
    const auto at = out.find(key + "=");
    if (at == std::string::npos) return "";
    const auto end = out.find('\n', at);
    return out.substr(at + key.size() + 1, end == std::string::npos ? std::string::npos : end - at - key.size() - 1);
}

} // namespace

// The bridge lasts 4.5 s and loops (its last key is its first): 4.5 x 30 = 135 frames.
TEST_CASE("an MP4 of a movement is H.264 yuv420p at 30 frames per second and lasts the movement's duration") {
    if (!haveGl()) return;
    if (!haveFfmpeg()) {
        MESSAGE("skipped: ffmpeg and ffprobe are not installed");
        return;
    }
    hv::test::TempDir dir;
    const std::string out = (dir.path() / "bridge.png").string();
    auto r = runProcess(hipview() + " render --size 81x61 --no-ao --samples 1 --movement bridge --mp4 -o " + out + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    const std::string mp4 = (dir.path() / "bridge.mp4").string();
    r = runProcess("ffprobe -v error -select_streams v:0 -show_entries "
                   "stream=codec_name,pix_fmt,width,height,r_frame_rate,nb_frames,duration -of default=nw=1 " + mp4);
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    CHECK(field(r.out, "codec_name") == "h264");
    CHECK(field(r.out, "pix_fmt") == "yuv420p");
    CHECK(field(r.out, "width") == "82"); // padded to even sizes, as yuv420p needs
    CHECK(field(r.out, "height") == "62");
    CHECK(field(r.out, "r_frame_rate") == "30/1");
    CHECK(field(r.out, "nb_frames") == "135");
    const double duration = std::atof(field(r.out, "duration").c_str());
    CHECK(duration == doctest::Approx(4.5).epsilon(0.02));
}

TEST_CASE("--fps sets the MP4's rate and the frame count follows the movement's duration") {
    if (!haveGl() || !haveFfmpeg()) return;
    hv::test::TempDir dir;
    const std::string out = (dir.path() / "b.png").string();
    auto r = runProcess(hipview() + " render --size 64x48 --no-ao --samples 1 --movement bridge --fps 10 --mp4 -o " + out + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    r = runProcess("ffprobe -v error -select_streams v:0 -show_entries stream=r_frame_rate,nb_frames -of default=nw=1 " +
                   (dir.path() / "b.mp4").string());
    INFO(r.out);
    CHECK(field(r.out, "r_frame_rate") == "10/1");
    CHECK(field(r.out, "nb_frames") == "45");
}

TEST_CASE("a bad --fps is refused with the option named and nothing written") {
    hv::test::TempDir dir;
    for (const char* fps : {"0", "200", "fast"}) {
        const auto r = runProcess(hipview() + " render --movement bridge --gif --fps " + fps + " -o " +
                                  (dir.path() / "x.png").string() + " 2>&1");
        INFO(r.out);
        CHECK(r.exitCode == 2);
        CHECK(contains(r.out, "--fps"));
    }
    CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("a GIF of a movement plays in real time and keeps the muscles' colours") {
    if (!haveGl()) return;
    hv::test::TempDir dir;
    const std::string out = (dir.path() / "bridge.png").string();
    const auto r = runProcess(hipview() + " render --size 120x90 --no-ao --samples 1 --movement bridge --view lateral-right --gif -o " +
                              out + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    int error = 0;
    GifFileType* g = DGifOpenFileName((dir.path() / "bridge.gif").c_str(), &error);
    REQUIRE(g != nullptr);
    REQUIRE(DGifSlurp(g) == GIF_OK);
    CHECK(g->ImageCount == 135);
    // 30 frames a second in whole 1/100 s: delays of 3 and 4 that add up to the duration.
    int totalCs = 0, smallest = 1000, largest = 0;
    for (int i = 0; i < g->ImageCount; ++i) {
        GraphicsControlBlock gcb{};
        REQUIRE(DGifSavedExtensionToGCB(g, i, &gcb) == GIF_OK);
        totalCs += gcb.DelayTime;
        smallest = std::min(smallest, gcb.DelayTime);
        largest = std::max(largest, gcb.DelayTime);
    }
    CHECK(smallest == 3);
    CHECK(largest == 4);
    CHECK(totalCs == 450); // 135 frames of 1/30 s
    // The first frame against its PNG: muscle-red pixels keep their colour through the palette.
    hv::scene::Image png;
    REQUIRE(hv::test::readPng((dir.path() / "bridge_0000.png").string(), png));
    const SavedImage& frame = g->SavedImages[0];
    const ColorMapObject* map = frame.ImageDesc.ColorMap ? frame.ImageDesc.ColorMap : g->SColorMap;
    REQUIRE(map != nullptr);
    int muscle = 0, kept = 0;
    for (int y = 0; y < png.height; ++y)
        for (int x = 0; x < png.width; ++x) {
            const auto p = hv::test::pixel(png, x, y);
            if (!(p[0] > p[1] + 40 && p[0] > p[2] + 40)) continue; // reddish: a muscle
            ++muscle;
            const GifColorType c = map->Colors[frame.RasterBits[y * png.width + x]];
            const int e = std::max({std::abs(c.Red - p[0]), std::abs(c.Green - p[1]), std::abs(c.Blue - p[2])});
            kept += e <= 16 ? 1 : 0;
        }
    DGifCloseFile(g, &error);
    CHECK(muscle > 50);
    CHECK(kept >= muscle * 95 / 100);
}
