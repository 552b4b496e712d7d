// `hipview render` as a user runs it: options, scene files, animations, messages for wrong
// names, atomic files, same command same bytes.
#include "render_support.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <gif_lib.h>

#include <filesystem>
#include <fstream>
#include <sstream>


using hv::test::hipview;
using hv::test::runProcess;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The shared scratch folder, its files named as strings for command lines.
struct TempDir : hv::test::TempDir {
    std::string operator/(const std::string& name) const { return (path() / name).string(); }
};


bool haveGl() { return hv::test::figureRenderer() != nullptr; }

std::size_t filesIn(const std::filesystem::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
    return n;
}

} // namespace

TEST_CASE("the issue's first-user command writes a transparent labelled figure") {
    if (!haveGl()) return;
    TempDir dir;
    const std::string out = dir / "fig.png";
    const auto r = runProcess(hipview() + " render --view lateral-right --pose hip_flexion_r=90 --highlight piriformis "
                                          "--labels --background transparent -o " + out + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    hv::scene::Image im;
    REQUIRE(hv::test::readPng(out, im));
    CHECK(im.width == 1920);
    CHECK(im.height == 1080);
    CHECK(hv::test::pixel(im, 0, 0)[3] == 0);
    CHECK(filesIn(dir.path()) == 1); // no temporary files left behind
}

TEST_CASE("same command, same bytes") {
    if (!haveGl()) return;
    TempDir dir;
    const std::string args = " render --size 640x360 --view posterior --highlight gluteus_medius --labels -o ";
    REQUIRE(runProcess(hipview() + args + (dir / "a.png")).exitCode == 0);
    REQUIRE(runProcess(hipview() + args + (dir / "b.png")).exitCode == 0);
    const std::string a = hv::test::readText(dir / "a.png"), b = hv::test::readText(dir / "b.png");
    CHECK(a.size() > 1000);
    CHECK(a == b);
}

TEST_CASE("unknown views, muscles, coordinates and movements are named with the valid ones, exit 2") {
    TempDir dir;
    const std::string out = " -o " + (dir / "x.png") + " 2>&1";
    auto r = runProcess(hipview() + " render --view lateral" + out);
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "unknown view \"lateral\""));
    CHECK(contains(r.out, "lateral-right"));
    CHECK(contains(r.out, "superior"));
    r = runProcess(hipview() + " render --highlight pirifomis" + out);
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "did you mean \"piriformis\""));
    CHECK(contains(r.out, "gluteus_maximus"));
    r = runProcess(hipview() + " render --pose hip_flex_r=90" + out);
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "unknown coordinate \"hip_flex_r\""));
    CHECK(contains(r.out, "hip_flexion_r"));
    r = runProcess(hipview() + " render --movement figure4" + out);
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "unknown movement \"figure4\""));
    CHECK(contains(r.out, "figure-4"));
    r = runProcess(hipview() + " render --show bones,glutes" + out);
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "gluteals"));
    r = runProcess(hipview() + " render --size 10x" + out);
    CHECK(r.exitCode == 2);
    r = runProcess(hipview() + " render --view anterior 2>&1");
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "-o FILE.png"));
    CHECK(filesIn(dir.path()) == 0);
}

TEST_CASE("a failed render leaves an existing file untouched and no partial file") {
    if (!haveGl()) return;
    TempDir dir;
    const std::string keep = dir / "keep.png";
    { std::ofstream(keep) << "the old figure"; }
    auto r = runProcess(hipview() + " render --highlight nosuchmuscle -o " + keep + " 2>&1");
    CHECK(r.exitCode == 2);
    CHECK(hv::test::readText(keep) == "the old figure");
    // A destination that cannot be replaced (a folder): the write fails cleanly.
    std::filesystem::create_directories(dir.path() / "taken.png" / "inside");
    r = runProcess(hipview() + " render --size 64x64 -o " + (dir / "taken.png") + " 2>&1");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, "taken.png"));
    CHECK(std::filesystem::is_directory(dir.path() / "taken.png" / "inside"));
    CHECK(filesIn(dir.path()) == 2); // keep.png and the folder: no temporary file left
}

TEST_CASE("a scene file renders all its figures in one process, --save-scene writes one that re-renders the same") {
    if (!haveGl()) return;
    TempDir dir;
    const std::string scene = dir / "figs.toml";
    {
        std::ofstream f(scene);
        f << "schema = \"hipview-figures 1\"\n[defaults]\nsize = \"320x180\"\n"
             "[[figure]]\noutput = \"one.png\"\nview = \"anterior\"\n"
             "[[figure]]\noutput = \"two.png\"\ncamera = [120, 20, 1.8]\npose = \"hip_flexion=45\"\n"
             "[[figure]]\noutput = \"three.png\"\nview = \"superior\"\nhighlight = [\"psoas_major\"]\nlabels = true\nscale = 2\n";
    }
    auto r = runProcess(hipview() + " render " + scene + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    for (const char* name : {"one.png", "two.png", "three.png"}) {
        hv::scene::Image im;
        CHECK(hv::test::readPng(dir / name, im));
        CHECK(im.width == 320);
    }
    // The command line's figure saved as a scene file renders to the same bytes.
    r = runProcess(hipview() + " render --size 320x180 --view lateral-left --pose knee_angle_l=60 --highlight sartorius_l"
                               " -o " + (dir / "cli.png") + " --save-scene " + (dir / "saved.toml") + " 2>&1");
    REQUIRE(r.exitCode == 0);
    const std::string first = hv::test::readText(dir / "cli.png");
    std::filesystem::remove(dir / "cli.png");
    r = runProcess(hipview() + " render " + (dir / "saved.toml") + " 2>&1");
    INFO(hv::test::readText(dir / "saved.toml"));
    REQUIRE(r.exitCode == 0);
    CHECK(hv::test::readText(dir / "cli.png") == first);
}

TEST_CASE("scene file mistakes are reported at file:line:field and nothing is rendered") {
    TempDir dir;
    const std::string scene = dir / "bad.toml";
    {
        std::ofstream f(scene);
        f << "schema = \"hipview-figures 1\"\n[[figure]]\noutput = \"a.png\"\nview = \"side\"\n"
             "[[figure]]\noutput = \"b.png\"\nmovement = \"no-such-move\"\n";
    }
    const auto r = runProcess(hipview() + " render " + scene + " 2>&1");
    INFO(r.out);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, "bad.toml:4:"));
    CHECK(contains(r.out, "figure[1].view"));
    CHECK(!std::filesystem::exists(dir / "a.png"));
}

TEST_CASE("a movement renders at a time, or as numbered frames with an animated GIF") {
    if (!haveGl()) return;
    TempDir dir;
    auto r = runProcess(hipview() + " render --size 240x160 --movement figure-4 --at 2 -o " + (dir / "at.png") + " 2>&1");
    INFO(r.out);
    CHECK(r.exitCode == 0);
    CHECK(std::filesystem::exists(dir / "at.png"));
    r = runProcess(hipview() + " render --size 160x120 --no-ao --samples 1 --movement flexion --frames 4 --gif -o " +
                   (dir / "flex.png") + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    for (const char* f : {"flex_0000.png", "flex_0001.png", "flex_0002.png", "flex_0003.png"}) CHECK(std::filesystem::exists(dir / f));
    const std::string gif = hv::test::readText(dir / "flex.gif");
    REQUIRE(gif.size() > 100);
    CHECK(gif.substr(0, 6) == "GIF89a");
    // Decoded, it holds the four frames at the figure's size.
    int error = 0;
    GifFileType* g = DGifOpenFileName((dir / "flex.gif").c_str(), &error);
    REQUIRE(g != nullptr);
    CHECK(DGifSlurp(g) == GIF_OK);
    CHECK(g->ImageCount == 4);
    CHECK(g->SWidth == 160);
    CHECK(g->SHeight == 120);
    DGifCloseFile(g, &error);
    // The frames differ: the hip moves.
    CHECK(hv::test::readText(dir / "flex_0000.png") != hv::test::readText(dir / "flex_0003.png"));
}

TEST_CASE("--mp4 writes a video where ffmpeg is installed, and says how to get it where not") {
    if (!haveGl()) return;
    TempDir dir;
    const bool ffmpeg = runProcess("ffmpeg -version >/dev/null 2>&1").exitCode == 0;
    const auto r = runProcess(hipview() + " render --size 160x120 --no-ao --movement flexion --frames 3 --mp4 -o " +
                              (dir / "v.png") + " 2>&1");
    INFO(r.out);
    if (ffmpeg) {
        CHECK(r.exitCode == 0);
        CHECK(std::filesystem::file_size(dir / "v.mp4") > 100);
    } else {
        CHECK(r.exitCode == 1);
        CHECK(contains(r.out, "ffmpeg is not installed"));
        CHECK(!std::filesystem::exists(dir / "v_0000.png"));
    }
}

TEST_CASE("--model draws a third-party model, and a malformed one is refused with a message") {
    if (!haveGl()) return;
    TempDir dir;
    const std::string models = std::string(HV_SHARED_DIR) + "/testdata/models";
    if (!std::filesystem::exists(models)) {
        MESSAGE("skipped: " << models << " not available");
        return;
    }
    auto r = runProcess(hipview() + " render --size 200x200 --model " + models + "/gltf/CesiumMan/CesiumMan.glb -o " +
                        (dir / "man.png") + " 2>&1");
    INFO(r.out);
    CHECK(r.exitCode == 0);
    hv::scene::Image im;
    REQUIRE(hv::test::readPng(dir / "man.png", im));
    int coloured = 0;
    for (std::size_t i = 0; i < im.rgba.size(); i += 4) coloured += (im.rgba[i] < 200 || im.rgba[i + 2] < 200) ? 1 : 0;
    CHECK(coloured > 1000);
    r = runProcess(hipview() + " render --model " + models + "/malformed/gltf/NoScene.gltf -o " + (dir / "bad.png") + " 2>&1");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, "NoScene.gltf"));
    CHECK(!std::filesystem::exists(dir / "bad.png"));
}

TEST_CASE("render --help describes every option") {
    const auto r = runProcess(hipview() + " render --help");
    CHECK(r.exitCode == 0);
    for (const char* o : {"--size", "--view", "--camera", "--pose", "--movement", "--at", "--frames", "--gif", "--mp4",
                          "--highlight", "--show", "--labels", "--background", "--scale", "--model", "--content"})
        CHECK(contains(r.out, o));
}
