// Lessons on the command line: `hipview render LESSON.toml -o DIR` writes one figure per step,
// `hipview validate` checks the shipped lessons, and a bad lesson gives one message per problem
// with file, line and field and a non-zero exit from every command that reads it (no display
// needed: the lesson is read before any window opens).
#include "render/render_support.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using hv::test::hipview;
using hv::test::runProcess;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

void write(const std::filesystem::path& p, const std::string& text) {
    std::ofstream f(p);
    f << text;
}

// Pixels that differ between two images of the same size (any channel by more than 16).
int differing(const hv::scene::Image& a, const hv::scene::Image& b) {
    int n = 0;
    for (std::size_t i = 0; i + 3 < a.rgba.size() && i + 3 < b.rgba.size(); i += 4)
        for (std::size_t c = 0; c < 3; ++c)
            if (std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c])) > 16) {
                ++n;
                break;
            }
    return n;
}

// Not white: something is drawn there.
int drawnPixels(const hv::scene::Image& im) {
    int n = 0;
    for (std::size_t i = 0; i + 3 < im.rgba.size(); i += 4)
        if (im.rgba[i] < 235 || im.rgba[i + 1] < 235 || im.rgba[i + 2] < 235) ++n;
    return n;
}

const char* kLesson = "schema = \"hipview-lesson 1\"\n"
                      "title = \"Piriformis\"\n"
                      "size = \"480x270\"\n"
                      "[[step]]\n"
                      "view = \"posterior\"\n"
                      "select = \"piriformis_r\"\n"
                      "caption = \"Piriformis, standing.\"\n"
                      "[[step]]\n"
                      "view = \"lateral-right\"\n"
                      "pose = \"hip_flexion_r=90\"\n"
                      "select = \"piriformis_r\"\n"
                      "colour = \"role\"\n"
                      "[[step]]\n"
                      "view = \"lateral-right\"\n"
                      "movement = \"hip-hinge\"\n"
                      "at = 2\n"
                      "restrict = [\"hip_flexion=:25\"]\n";

} // namespace

TEST_CASE("render of a lesson writes one PNG per step and each step looks different") {
    hv::test::TempDir dir;
    const auto lesson = dir.path() / "lesson.toml";
    write(lesson, kLesson);
    const auto out = dir.path() / "slides";
    const auto r = runProcess(hipview() + " render " + lesson.string() + " -o " + out.string() + " --samples 1 --no-ao 2>&1");
    REQUIRE_MESSAGE(r.exitCode == 0, r.out);
    hv::scene::Image im[3];
    for (int i = 0; i < 3; ++i) {
        const auto png = out / ("lesson_step0" + std::to_string(i + 1) + ".png");
        REQUIRE_MESSAGE(hv::test::readPng(png.string(), im[i]), png.string());
        CHECK(im[i].width == 480);
        CHECK(im[i].height == 270);
        CHECK(drawnPixels(im[i]) > 480 * 270 / 20); // the figure is there, not an empty frame
    }
    CHECK(!std::filesystem::exists(out / "lesson_step04.png"));
    CHECK(differing(im[0], im[1]) > 480 * 270 / 50);
    CHECK(differing(im[1], im[2]) > 480 * 270 / 50);

    // A pattern names each file itself.
    const auto r2 = runProcess(hipview() + " render " + lesson.string() + " -o " + (dir.path() / "p_{step}.png").string() +
                               " --samples 1 --no-ao 2>&1");
    REQUIRE_MESSAGE(r2.exitCode == 0, r2.out);
    CHECK(std::filesystem::exists(dir.path() / "p_01.png"));
    CHECK(std::filesystem::exists(dir.path() / "p_03.png"));
}

TEST_CASE("render of a lesson needs -o and takes no figure options of its own") {
    hv::test::TempDir dir;
    const auto lesson = dir.path() / "lesson.toml";
    write(lesson, kLesson);
    const auto noOut = runProcess(hipview() + " render " + lesson.string() + " 2>&1");
    CHECK(noOut.exitCode == 2);
    CHECK(contains(noOut.out, "-o DIR"));
    const auto extra = runProcess(hipview() + " render " + lesson.string() + " -o " + dir.path().string() + " --view anterior 2>&1");
    CHECK(extra.exitCode == 2);
    CHECK(contains(extra.out, "a lesson says each step's figure itself"));
}

TEST_CASE("a bad lesson is reported with file line and field by render present and validate and nothing is written") {
    hv::test::TempDir dir;
    const auto lesson = dir.path() / "bad.toml";
    write(lesson, "schema = \"hipview-lesson 1\"\n"
                  "title = \"Bad\"\n"
                  "[[step]]\n"
                  "view = \"anterior\"\n"
                  "select = \"piriformiss\"\n"
                  "[[step]]\n"
                  "caption = \"no view\"\n");
    const std::string name = lesson.string();
    const auto render = runProcess(hipview() + " render " + name + " -o " + (dir.path() / "out").string() + " 2>&1");
    CHECK(render.exitCode == 1);
    CHECK(contains(render.out, name + ":5:"));
    CHECK(contains(render.out, "step[1].select"));
    CHECK(contains(render.out, name + ":6:"));
    CHECK(contains(render.out, "step[2].view"));
    CHECK(!std::filesystem::exists(dir.path() / "out" / "bad_step01.png"));
    const auto present = runProcess("DISPLAY= " + hipview() + " present " + name + " --size 640x360 2>&1");
    CHECK(present.exitCode == 1);
    CHECK(contains(present.out, name + ":5:"));
    CHECK(contains(present.out, "step[2].view"));
    const auto validate = runProcess(hipview() + " validate " + name + " 2>&1");
    CHECK(validate.exitCode == 1);
    CHECK(contains(validate.out, "step[1].select"));
    CHECK(contains(validate.out, "2 problems in the lessons"));
    const auto keys = runProcess("DISPLAY= " + hipview() + " present " + name + " --keys pagedwn 2>&1");
    CHECK(keys.exitCode == 2);
    CHECK(contains(keys.out, "pagedown"));
}

TEST_CASE("validate checks the shipped lessons and counts their steps") {
    const auto r = runProcess(hipview() + " validate 2>&1");
    REQUIRE_MESSAGE(r.exitCode == 0, r.out);
    CHECK(contains(r.out, "3 lessons with "));
    const auto one = runProcess(hipview() + " validate " + std::string(HV_SOURCE_DIR) + "/content/lessons/piriformis_role.toml 2>&1");
    CHECK_MESSAGE(one.exitCode == 0, one.out);
    CHECK(contains(one.out, "1 lesson file valid: 5 steps"));
}
