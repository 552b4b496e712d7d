// Presenter mode under a virtual X server: `hipview present` steps through a shipped lesson with
// scripted key presses (the same path as real keys), and each stage's --report-state block says
// which step is shown, with its selection, camera and pose; a screenshot of the last step shows
// its caption and callout in text at least 3 % of the window's height. Skipped (with a message)
// where xvfb-run is missing.
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include "scene/scene.hpp"

#include <doctest/doctest.h>
#include <png.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using hv::test::hipview;
using hv::test::runProcess;

namespace {

bool haveXvfb() {
    if (runProcess("command -v xvfb-run >/dev/null 2>&1").exitCode == 0) return true;
    MESSAGE("skipped: xvfb-run is not installed (apt-get install xvfb xauth)");
    return false;
}

hv::test::ProcessResult underXvfb(const std::string& args) {
    const std::string lock = (std::filesystem::temp_directory_path() / "hipview-xvfb-tests.lock").string();
    return runProcess("flock " + lock + " xvfb-run -a -s \"-screen 0 1920x1080x24\" " + hipview() + " " + args + " 2>&1");
}

bool readPng(const std::string& path, hv::scene::Image& out) {
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

using State = std::multimap<std::string, std::string>;

// The report's blocks ("---" lines between), each as key -> value (repeated keys kept).
std::vector<State> readBlocks(const std::string& path) {
    std::vector<State> out(1);
    std::ifstream f(path);
    for (std::string line; std::getline(f, line);) {
        if (line == "---") {
            out.emplace_back();
            continue;
        }
        const auto eq = line.find('=');
        if (eq != std::string::npos) out.back().emplace(line.substr(0, eq), line.substr(eq + 1));
    }
    return out;
}

std::string value(const State& s, const std::string& key) {
    const auto it = s.find(key);
    return it == s.end() ? std::string() : it->second;
}

std::vector<double> numbers(const std::string& text) {
    std::istringstream in(text);
    std::vector<double> v;
    for (double x; in >> x;) v.push_back(x);
    return v;
}

// The pose value (deg) of one coordinate in a block.
double poseOf(const State& s, const std::string& coordinate) {
    const auto [a, b] = s.equal_range("pose");
    for (auto it = a; it != b; ++it)
        if (it->second.rfind(coordinate + " ", 0) == 0) return std::stod(it->second.substr(coordinate.size() + 1));
    FAIL("no pose line for " << coordinate);
    return 0.0;
}

// Dark (text) pixels in a rectangle of the screenshot.
int darkPixels(const hv::scene::Image& im, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = std::max(0, y0); y < std::min(im.height, y1); ++y)
        for (int x = std::max(0, x0); x < std::min(im.width, x1); ++x) {
            const std::uint8_t* p = &im.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(im.width) + static_cast<std::size_t>(x)) * 4];
            if (p[0] < 90 && p[1] < 90 && p[2] < 90) ++n;
        }
    return n;
}

} // namespace

TEST_CASE("the presenter steps through a lesson with key presses and shows each step's state") {
    if (!haveXvfb()) return;
    hv::test::TempDir dir;
    const std::string report = (dir.path() / "state.txt").string(), shot = (dir.path() / "step.png").string();
    const std::string lesson = std::string(HV_SOURCE_DIR) + "/content/lessons/piriformis_role.toml";
    // 1 -> 2 -> 3 -> 2 -> 3 -> 4 (Page Down, Right, Page Up, Space, Space).
    const auto r = underXvfb("present " + lesson + " --size 1280x720 --keys pagedown,right,pageup,space,space --report-state " + report +
                             " --screenshot " + shot + " --quit");
    REQUIRE_MESSAGE(r.exitCode == 0, r.out);
    const std::vector<State> blocks = readBlocks(report);
    REQUIRE(blocks.size() == 6);
    const char* steps[] = {"1/5", "2/5", "3/5", "2/5", "3/5", "4/5"};
    const double flexion[] = {0, 0, 50, 0, 50, 90};
    // Each step's camera: posterior (azimuth 180), then [150, 10, 1.6], then [120, 15, 1.6].
    const double azimuth[] = {180, 150, 120, 150, 120, 120};
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const State& s = blocks[i];
        INFO("stage " << i);
        CHECK(value(s, "lesson_step") == steps[i]);
        CHECK(value(s, "lesson") == "Piriformis changes its role with hip flexion");
        CHECK(value(s, "selection") == "piriformis r");
        CHECK(value(s, "wording") == "plain");
        CHECK(value(s, "colour") == "role");
        CHECK(poseOf(s, "hip_flexion_r") == doctest::Approx(flexion[i]).epsilon(0.001));
        const std::vector<double> cam = numbers(value(s, "camera"));
        REQUIRE(cam.size() == 3);
        CHECK(cam[0] == doctest::Approx(azimuth[i]).epsilon(0.001));
        if (i > 0) CHECK(cam[2] == doctest::Approx(1.6).epsilon(0.001));
        CHECK(value(s, "window") == "1280 720");
        // No panels: only the caption and the selected muscle's rotation bar.
        CHECK(s.count("panel") == 2);
        CHECK(value(s, "panel").rfind("action_bar ", 0) == 0);
        // Piriformis turns the thigh out standing (negative moment arm: external), in at 90 degrees.
        const std::string bar = value(s, "action_bar");
        REQUIRE(bar.rfind("hip_rotation ", 0) == 0);
        const double mm = std::stod(bar.substr(13));
        if (flexion[i] == 0.0) CHECK(mm < -2.0);
        if (flexion[i] == 90.0) CHECK(mm > 2.0);
        // Near 50 degrees the caption says it hardly turns the thigh: the bar agrees (dead zone).
        if (flexion[i] == 50.0) CHECK(bar.find("no clear pull") != std::string::npos);
    }
    CHECK(value(blocks[5], "caption").find("At 90 degrees the same muscle turns your thigh inward.") == 0);

    // The last step: large text. Font and callout box heights (pixels) against the window's height.
    const State& last = blocks.back();
    CHECK(std::stod(value(last, "font_px")) >= 0.03 * 720);
    const auto [a, b] = last.equal_range("callout");
    REQUIRE(a != b);
    for (auto it = a; it != b; ++it) {
        const std::vector<double> box = numbers(it->second);
        REQUIRE(box.size() >= 4);
        CHECK(box[3] - 10.0 >= 0.03 * 720); // the text inside its padding
    }
    std::vector<double> caption;
    const auto [p0, p1] = last.equal_range("panel");
    for (auto it = p0; it != p1; ++it)
        if (it->second.rfind("caption ", 0) == 0) caption = numbers(it->second.substr(8));
    REQUIRE(caption.size() == 4);
    CHECK(caption[3] >= 2 * 0.03 * 720); // two caption lines

    hv::scene::Image im;
    REQUIRE(readPng(shot, im));
    CHECK(im.width == 1280);
    CHECK(im.height == 720);
    // The caption band holds dark text; so does the callout's box.
    CHECK(darkPixels(im, int(caption[0]), int(caption[1]), int(caption[0] + caption[2]), int(caption[1] + caption[3])) > 2000);
    const std::vector<double> box = numbers(a->second);
    CHECK(darkPixels(im, int(box[0]), int(box[1]), int(box[0] + box[2]), int(box[1] + box[3])) > 200);
}
