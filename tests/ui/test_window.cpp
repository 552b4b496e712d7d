// The window as a person sees it: started under a virtual X server (Xvfb) with a start state, it
// writes a screenshot of itself and a report of what it shows, which these tests check pixel by
// pixel. Skipped (with a message) where xvfb-run is missing. Also what happens with no display and
// with wrong names on the command line (no X server needed).
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include "scene/scene.hpp"

#include <doctest/doctest.h>
#include <png.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>


using hv::test::hipview;
using hv::test::runProcess;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The shared scratch folder, its files named as strings for command lines.
struct TempDir : hv::test::TempDir {
    std::string operator/(const std::string& name) const { return (path() / name).string(); }
};

bool haveXvfb() {
    if (runProcess("command -v xvfb-run >/dev/null 2>&1").exitCode == 0) return true;
    MESSAGE("skipped: xvfb-run is not installed (apt-get install xvfb xauth)");
    return false;
}

// hipview under a fresh virtual X server of `screen` pixels (1920x1080 unless said); stdout and
// stderr together. One at a time (flock): two `xvfb-run -a` starting together can pick the same
// display number.
hv::test::ProcessResult underXvfb(const std::string& args, const std::string& screen = "1920x1080") {
    const std::string lock = (std::filesystem::temp_directory_path() / "hipview-xvfb-tests.lock").string();
    return runProcess("flock " + lock + " xvfb-run -a -s \"-screen 0 " + screen + "x24\" " + hipview() + " " + args + " 2>&1");
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

const std::uint8_t* px(const hv::scene::Image& im, int x, int y) {
    return &im.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(im.width) + static_cast<std::size_t>(x)) * 4];
}

bool near(const std::uint8_t* p, int r, int g, int b, int tolerance) {
    return std::abs(p[0] - r) <= tolerance && std::abs(p[1] - g) <= tolerance && std::abs(p[2] - b) <= tolerance;
}

// Strongly coloured orange or yellow: the highlighted deep rotator (orange) and the selection
// outline (yellow). Bones are ivory (pale), ghosts are faint.
bool highlightColour(const std::uint8_t* p) {
    const double r = p[0] / 255.0, g = p[1] / 255.0, b = p[2] / 255.0;
    const double mx = std::max({r, g, b}), mn = std::min({r, g, b});
    if (mx - mn < 0.35 || mx < 0.5 || mx != r) return false;
    const double hue = 60.0 * ((g - b) / (mx - mn));
    return hue > 12.0 && hue < 60.0;
}

// key=value lines of --report-state; repeated keys (bar) keep every value.
std::multimap<std::string, std::vector<std::string>> readState(const std::string& path) {
    std::multimap<std::string, std::vector<std::string>> out;
    std::ifstream f(path);
    std::string line;
    while (std::getline(f, line)) {
        const auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::istringstream words(line.substr(eq + 1));
        std::vector<std::string> v;
        for (std::string w; words >> w;) v.push_back(w);
        out.emplace(line.substr(0, eq), v);
    }
    return out;
}

struct Bar {
    int part = 0, dof = 0;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0, centre = 0, mm = 0;
    std::string word;
};

std::vector<Bar> bars(const std::multimap<std::string, std::vector<std::string>>& state) {
    std::vector<Bar> out;
    const auto [a, b] = state.equal_range("bar");
    for (auto it = a; it != b; ++it) {
        const auto& v = it->second;
        if (v.size() < 9 || v[1].empty() || !std::isdigit(static_cast<unsigned char>(v[1][0]))) continue; // hip bars only
        Bar bar{std::stoi(v[0]), std::stoi(v[1]), std::stod(v[2]), std::stod(v[3]), std::stod(v[4]),
                std::stod(v[5]), std::stod(v[6]), std::stod(v[7]), v[8]};
        for (std::size_t i = 9; i < v.size(); ++i) bar.word += " " + v[i];
        out.push_back(bar);
    }
    return out;
}

// Pixels of the bar's track, along its middle row, of one colour, left and right of its centre.
struct BarPixels {
    int left = 0, right = 0;
};
BarPixels countBar(const hv::scene::Image& im, const Bar& b, int r, int g, int bl) {
    BarPixels n;
    const int y = static_cast<int>(std::lround(0.5 * (b.y0 + b.y1)));
    for (int x = static_cast<int>(b.x0) + 1; x < static_cast<int>(b.x1) - 1; ++x)
        if (near(px(im, x, y), r, g, bl, 30)) (x < b.centre ? n.left : n.right) += 1;
    return n;
}

// The role colours of the bars (anatomy_draw/colouring.cpp), sRGB.
constexpr int kInternal[3] = {0xD5, 0x5E, 0x00};
constexpr int kExternal[3] = {0x00, 0x72, 0xB2};

} // namespace

TEST_CASE("with no display the window says so in one line, names the figure command and exits non-zero") {
    const auto r = runProcess("env -u DISPLAY -u WAYLAND_DISPLAY " + hipview() + " 2>&1");
    CHECK(r.exitCode == 1);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
    CHECK(contains(r.out, "display"));
    CHECK(contains(r.out, "hipview render"));
    // The same with a start state.
    const auto s = runProcess("env -u DISPLAY -u WAYLAND_DISPLAY " + hipview() + " --select piriformis 2>&1");
    CHECK(s.exitCode == 1);
    CHECK(std::count(s.out.begin(), s.out.end(), '\n') == 1);
}

TEST_CASE("wrong names in the start state get the other commands' messages, with the valid names, and exit 2") {
    const auto m = runProcess(hipview() + " --select piriformus 2>&1");
    CHECK(m.exitCode == 2);
    CHECK(contains(m.out, "unknown muscle \"piriformus\""));
    CHECK(contains(m.out, "did you mean \"piriformis\""));
    CHECK(contains(m.out, "gluteus_medius"));
    const auto v = runProcess(hipview() + " --view sideways 2>&1");
    CHECK(v.exitCode == 2);
    CHECK(contains(v.out, "lateral-right"));
    const auto p = runProcess(hipview() + " --pose hip_flex_r=90 2>&1");
    CHECK(p.exitCode == 2);
    CHECK(contains(p.out, "hip_flexion_r"));
    const auto mv = runProcess(hipview() + " --movement figure4 2>&1");
    CHECK(mv.exitCode == 2);
    CHECK(contains(mv.out, "figure-4"));
    const auto o = runProcess(hipview() + " --selekt piriformis 2>&1");
    CHECK(o.exitCode == 2);
    CHECK(contains(o.out, "did you mean \"--select\""));
    // Every existing command still works.
    CHECK(runProcess(hipview() + " report --help >/dev/null 2>&1").exitCode == 0);
    CHECK(runProcess(hipview() + " render --help >/dev/null 2>&1").exitCode == 0);
    CHECK(runProcess(hipview() + " validate >/dev/null 2>&1").exitCode == 0);
    const auto help = runProcess(hipview() + " --help 2>&1");
    CHECK(help.exitCode == 0);
    CHECK(contains(help.out, "--select"));
}

TEST_CASE("the lesson start state shows piriformis highlighted where it is, and its rotation bar flips with hip flexion") {
    if (!haveXvfb()) return;
    TempDir dir;
    const std::string common = " --select piriformis --view lateral-right --size 1600x900 --quit";
    const auto r90 = underXvfb("--pose hip_flexion_r=90" + common + " --screenshot " + (dir / "flexed.png") +
                               " --report-state " + (dir / "flexed.txt") + " --save-figure " + (dir / "flexed.toml"));
    REQUIRE_MESSAGE(r90.exitCode == 0, r90.out);
    const auto r0 = underXvfb("--pose hip_flexion_r=0" + common + " --screenshot " + (dir / "neutral.png") +
                              " --report-state " + (dir / "neutral.txt"));
    REQUIRE_MESSAGE(r0.exitCode == 0, r0.out);

    hv::scene::Image flexed, neutral;
    REQUIRE(readPng(dir / "flexed.png", flexed));
    REQUIRE(readPng(dir / "neutral.png", neutral));
    CHECK(flexed.width == 1600);
    CHECK(flexed.height == 900);
    const auto s90 = readState(dir / "flexed.txt");
    const auto s0 = readState(dir / "neutral.txt");
    REQUIRE(s90.count("quality"));
    CHECK(s90.find("quality")->second.at(0) == "full");
    CHECK(s90.find("selection")->second.at(0) == "piriformis");

    { // the selected muscle stands out at its place on screen, and nowhere else
        REQUIRE(s90.count("anchor"));
        REQUIRE(s90.count("viewport"));
        const auto& a = s90.find("anchor")->second;
        const auto& vp = s90.find("viewport")->second;
        const int ax = static_cast<int>(std::stod(a.at(0))), ay = static_cast<int>(std::stod(a.at(1)));
        const int vx = static_cast<int>(std::stod(vp.at(0))), vy = static_cast<int>(std::stod(vp.at(1)));
        const int vw = static_cast<int>(std::stod(vp.at(2))), vh = static_cast<int>(std::stod(vp.at(3)));
        CHECK(ax > vx);
        CHECK(ax < vx + vw);
        int nearAnchor = 0, outline = 0, everywhere = 0;
        for (int y = vy; y < vy + vh; ++y)
            for (int x = vx; x < vx + vw; ++x) {
                const std::uint8_t* p = px(flexed, x, y);
                const bool h = highlightColour(p);
                everywhere += h;
                const int d2 = (x - ax) * (x - ax) + (y - ay) * (y - ay);
                if (d2 < 40 * 40) nearAnchor += h;
                if (d2 < 120 * 120) outline += near(p, 255, 228, 118, 40);
            }
        MESSAGE("highlight pixels within 40 px of the anchor: " << nearAnchor << ", outline pixels within 120 px: " << outline
                                                               << ", highlight pixels in the whole viewport: " << everywhere);
        CHECK(nearAnchor > 1500); // most of the disc around the anchor is the muscle
        CHECK(outline > 30);
        CHECK(everywhere < vw * vh / 8);
    }

    { // piriformis' rotation bar is an internal rotator at 90 degrees and an external rotator at 0
        const auto b90 = bars(s90), b0 = bars(s0);
        REQUIRE(b90.size() == 3);
        REQUIRE(b0.size() == 3);
        const Bar& rot90 = b90[2];
        const Bar& rot0 = b0[2];
        CHECK(rot90.dof == 2);
        CHECK(rot90.mm > 1.0);
        CHECK(rot90.word == "internal rotator");
        CHECK(rot0.mm < -1.0);
        CHECK(rot0.word == "external rotator");
        // What the screen shows: the bar's fill on the right in the internal rotators' colour at
        // 90 degrees, on the left in the external rotators' colour at 0.
        const BarPixels in90 = countBar(flexed, rot90, kInternal[0], kInternal[1], kInternal[2]);
        const BarPixels ex90 = countBar(flexed, rot90, kExternal[0], kExternal[1], kExternal[2]);
        const BarPixels in0 = countBar(neutral, rot0, kInternal[0], kInternal[1], kInternal[2]);
        const BarPixels ex0 = countBar(neutral, rot0, kExternal[0], kExternal[1], kExternal[2]);
        MESSAGE("flexed 90: internal " << in90.left << "|" << in90.right << ", external " << ex90.left << "|" << ex90.right);
        MESSAGE("neutral:   internal " << in0.left << "|" << in0.right << ", external " << ex0.left << "|" << ex0.right);
        CHECK(in90.right > 5);
        CHECK(in90.left == 0);
        CHECK(ex90.left + ex90.right == 0);
        CHECK(ex0.left > 5);
        CHECK(ex0.right == 0);
        CHECK(in0.left + in0.right == 0);
    }

    { // "Save figure" writes a scene file that hipview render draws as the same picture
        const auto render = runProcess(hipview() + " render " + (dir / "flexed.toml") + " 2>&1");
        REQUIRE_MESSAGE(render.exitCode == 0, render.out);
        hv::scene::Image figure;
        REQUIRE(readPng(dir / "flexed.png", figure)); // the scene file names flexed.png next to it
        const auto& vp = s90.find("viewport")->second;
        const int vx = static_cast<int>(std::stod(vp.at(0))), vy = static_cast<int>(std::stod(vp.at(1)));
        REQUIRE(figure.width == static_cast<int>(std::lround(std::stod(vp.at(2)))));
        REQUIRE(figure.height == static_cast<int>(std::lround(std::stod(vp.at(3)))));
        std::size_t differ = 0, drawn = 0;
        for (int y = 0; y < figure.height; ++y)
            for (int x = 0; x < figure.width; ++x) {
                const std::uint8_t* f = px(figure, x, y);
                const std::uint8_t* w = px(flexed, vx + x, vy + y);
                int worst = 0;
                for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(f[c] - w[c]));
                differ += worst > 48;
                drawn += f[0] < 235 || f[1] < 235 || f[2] < 235;
            }
        const double share = static_cast<double>(differ) / (figure.width * figure.height);
        MESSAGE("window viewport vs rendered figure: " << 100.0 * share << " % of pixels differ by more than 48");
        CHECK(drawn > static_cast<std::size_t>(figure.width * figure.height / 10));
        CHECK(share < 0.06); // the labels are drawn by two different painters; the anatomy is the same
    }
}

TEST_CASE("the wording switch starts in anatomical words and --wording plain shows the bars and the card in plain words") {
    if (!haveXvfb()) return;
    TempDir dir;
    const std::string common = " --select piriformis --pose hip_flexion_r=90 --view lateral-right --size 1600x900 --quit";
    const auto a = underXvfb(common + " --report-state " + (dir / "anatomical.txt"));
    REQUIRE_MESSAGE(a.exitCode == 0, a.out);
    const auto p = underXvfb(common + " --wording plain --movement figure-4 --at 4 --screenshot " + (dir / "plain.png") +
                             " --report-state " + (dir / "plain.txt"));
    REQUIRE_MESSAGE(p.exitCode == 0, p.out);
    const auto sa = readState(dir / "anatomical.txt");
    const auto sp = readState(dir / "plain.txt");
    REQUIRE(sa.count("wording"));
    REQUIRE(sp.count("wording"));
    CHECK(sa.find("wording")->second.at(0) == "anatomical");
    CHECK(sp.find("wording")->second.at(0) == "plain");
    const auto ba = bars(sa), bp = bars(sp);
    REQUIRE(ba.size() == 3);
    REQUIRE(bp.size() == 3);
    CHECK(ba[2].word == "internal rotator");
    // Figure-4 at 4 s: the right hip is bent and turned out; piriformis turns it in from there.
    CHECK(bp[2].mm > 1.0);
    CHECK(bp[2].word == "turns your thigh in");
    for (const Bar& b : bp) {
        CHECK_FALSE(contains(b.word, "rotator"));
        CHECK_FALSE(contains(b.word, "flexor"));
        CHECK_FALSE(contains(b.word, "ductor"));
    }
    hv::scene::Image shot;
    REQUIRE(readPng(dir / "plain.png", shot));
    CHECK(shot.width == 1600);
    const auto bad = runProcess(hipview() + " --wording simple 2>&1");
    CHECK(bad.exitCode == 2);
    CHECK(contains(bad.out, "--wording: unknown wording \"simple\""));
    CHECK(contains(bad.out, "anatomical, plain"));
}

TEST_CASE("a movement opens paused at a time, with its lumbar levels numbered and tinted") {
    if (!haveXvfb()) return;
    TempDir dir;
    const auto r = underXvfb("--movement forward-bend-rounded --at 2.25 --view lateral-right --size 1400x800 --quit --screenshot " +
                             (dir / "bend.png") + " --report-state " + (dir / "bend.txt"));
    REQUIRE_MESSAGE(r.exitCode == 0, r.out);
    const auto s = readState(dir / "bend.txt");
    REQUIRE(s.count("movement"));
    CHECK(s.find("movement")->second.at(0) == "forward-bend-rounded");
    CHECK(std::stod(s.find("movement")->second.at(1)) == doctest::Approx(2.25));
    // Every lumbar level took part of the bend, and together they took most of it.
    const auto [a, b] = s.equal_range("lumbar");
    int levels = 0;
    for (auto it = a; it != b; ++it) {
        ++levels;
        CHECK(std::stod(it->second.at(2)) > 0.05); // share
    }
    CHECK(levels == 5);
    REQUIRE(s.count("lumbar_share"));
    CHECK(std::stod(s.find("lumbar_share")->second.at(0)) > 0.5);
    hv::scene::Image im;
    REQUIRE(readPng(dir / "bend.png", im));
    // The numbers beside the vertebrae: pale amber boxes with brown text.
    std::size_t boxes = 0, tinted = 0;
    for (int y = 0; y < im.height; ++y)
        for (int x = 0; x < im.width; ++x) {
            const std::uint8_t* p = px(im, x, y);
            boxes += near(p, 255, 246, 225, 6);
            // Vertebrae tinted towards amber: warm, clearly more saturated than ivory bone.
            tinted += p[0] > 180 && p[0] - p[2] > 90 && p[1] > 110 && p[1] < p[0] - 20;
        }
    MESSAGE("number boxes: " << boxes << " px, amber-tinted pixels: " << tinted);
    CHECK(boxes > 1500);
    CHECK(tinted > 500);
}

TEST_CASE("a model given on the command line opens, a malformed one gets a message and the default scene stays") {
    if (!haveXvfb()) return;
    const std::string models = HV_SHARED_DIR "/testdata/models";
    if (!std::filesystem::exists(models)) {
        MESSAGE("skipped: " << models << " is absent");
        return;
    }
    TempDir dir;
    const auto fox = underXvfb(models + "/gltf/Fox/Fox.glb --size 800x600 --quit --screenshot " + (dir / "fox.png") +
                               " --report-state " + (dir / "fox.txt"));
    REQUIRE_MESSAGE(fox.exitCode == 0, fox.out);
    const auto sf = readState(dir / "fox.txt");
    REQUIRE(sf.count("model"));
    CHECK(sf.find("model")->second.at(0) == "Fox.glb");
    hv::scene::Image im;
    REQUIRE(readPng(dir / "fox.png", im));
    const auto& vp = sf.find("viewport")->second;
    const int vx = static_cast<int>(std::stod(vp.at(0))), vy = static_cast<int>(std::stod(vp.at(1)));
    const int vw = static_cast<int>(std::stod(vp.at(2))), vh = static_cast<int>(std::stod(vp.at(3)));
    std::size_t drawn = 0;
    for (int y = vy; y < vy + vh; ++y)
        for (int x = vx; x < vx + vw; ++x) drawn += px(im, x, y)[0] < 230;
    CHECK(drawn > static_cast<std::size_t>(vw * vh / 20)); // the fox, framed, fills a good part

    const auto bad = underXvfb(models + "/malformed/obj/empty.obj --size 800x600 --quit --report-state " + (dir / "bad.txt"));
    CHECK(bad.exitCode == 0);
    CHECK(contains(bad.out, "empty.obj"));
    const auto sb = readState(dir / "bad.txt");
    REQUIRE(sb.count("model"));
    CHECK(sb.find("model")->second.at(0) != "empty.obj");
}

TEST_CASE("the benchmark driver orbits and stands still for the asked number of frames, prints each run by phase and closes the window") {
    if (!haveXvfb()) return;
    // Frame times are printed, never checked here: only which runs there were and how many frames each.
    const auto r = underXvfb("--size 640x480 --benchmark 4");
    REQUIRE_MESSAGE(r.exitCode == 0, r.out);
    CHECK(contains(r.out, "window 640x480, viewport "));
    std::istringstream lines(r.out);
    std::map<std::string, int> framesOf; // the line's words before "frames" -> its frame count
    int runs = 0, phaseLines = 0;
    for (std::string line; std::getline(lines, line);) {
        if (contains(line, ", by phase:")) ++runs;
        const auto at = line.find(" frames ");
        if (at == std::string::npos) continue;
        std::string what = line.substr(0, at);
        what.erase(what.find_last_not_of(' ') + 1);
        framesOf[what] = std::stoi(line.substr(at + 8));
        phaseLines += what.rfind("  ", 0) == 0;
    }
    CHECK(runs == 3);
    CHECK(framesOf["orbiting, adaptive quality"] == 4);
    CHECK(framesOf["orbiting, full quality every frame"] == 4);
    CHECK(framesOf["still (kept picture, panels redrawn)"] == 4);
    CHECK(framesOf["  scene (hv::render, glFinish)"] == 4);
    CHECK(phaseLines == 12); // four phases of each of the three runs
}

TEST_CASE("the window fits a 1366x768 laptop screen and a 1920x1080 one and large text on 1280x720 with every panel inside the screen") {
    if (!haveXvfb()) return;
    TempDir dir;
    struct Screen {
        const char* size;
        int w, h;
        int windowW; // the window's expected width: the screen's, or 1600 where that fits
        const char* textSize;
    };
    for (const Screen s : {Screen{"1366x768", 1366, 768, 1366, "1"}, Screen{"1920x1080", 1920, 1080, 1600, "1"},
                           Screen{"1280x720", 1280, 720, 1280, "1.45"}}) {
        CAPTURE(s.size);
        const std::string shot = dir / (std::string("fit-") + s.size + ".png"), state = dir / (std::string("fit-") + s.size + ".txt");
        // A selection (the info panel) and a movement (the playback bar): every panel shown.
        const auto r = underXvfb("--select piriformis --movement figure-4 --at 6 --text-size " + std::string(s.textSize) +
                                     " --quit --screenshot " + shot + " --report-state " + state,
                                 s.size);
        INFO(r.out);
        REQUIRE(r.exitCode == 0);
        const auto st = readState(state);
        REQUIRE(st.count("window") == 1);
        REQUIRE(st.count("window_pos") == 1);
        REQUIRE(st.count("ui_scale") == 1);
        CHECK(std::stod(st.find("ui_scale")->second.at(0)) == doctest::Approx(std::stod(s.textSize)));
        const auto& win = st.find("window")->second;
        const auto& pos = st.find("window_pos")->second;
        const int ww = std::stoi(win[0]), wh = std::stoi(win[1]), wx = std::stoi(pos[0]), wy = std::stoi(pos[1]);
        CHECK(ww == s.windowW);
        CHECK(wx >= 0);
        CHECK(wy >= 0);
        CHECK(wx + ww <= s.w);
        CHECK(wy + wh <= s.h);
        std::map<std::string, int> seen;
        const auto [a, b] = st.equal_range("panel");
        for (auto it = a; it != b; ++it) {
            const auto& v = it->second;
            REQUIRE(v.size() == 5);
            CAPTURE(v[0]);
            ++seen[v[0]];
            const double x = std::stod(v[1]), y = std::stod(v[2]), w = std::stod(v[3]), h = std::stod(v[4]);
            CHECK(w > 100.0);
            CHECK(h > 20.0);
            CHECK(x >= 0.0);
            CHECK(y >= 0.0);
            CHECK(x + w <= ww + 0.5);
            CHECK(y + h <= wh + 0.5);
        }
        for (const char* p : {"menu", "left", "info", "playback"}) CHECK_MESSAGE(seen[p] == 1, p);
        hv::scene::Image im;
        REQUIRE(readPng(shot, im));
        CHECK(im.width == ww);
        CHECK(im.height == wh);
    }
}

namespace {

// A rectangle of the state report (framebuffer pixels) with its words after the numbers.
struct ReportRect {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    std::string text;
    double cx() const { return 0.5 * (x0 + x1); }
    double cy() const { return 0.5 * (y0 + y1); }
};

// quiz_choice lines (index, rectangle, text) by text; quiz_button lines (name, rectangle) by name.
std::map<std::string, ReportRect> quizRects(const std::multimap<std::string, std::vector<std::string>>& state, const std::string& key) {
    std::map<std::string, ReportRect> out;
    const auto [a, b] = state.equal_range(key);
    for (auto it = a; it != b; ++it) {
        const auto& v = it->second;
        if (v.size() < 5) continue;
        ReportRect r{std::stod(v[1]), std::stod(v[2]), std::stod(v[3]), std::stod(v[4]), ""};
        if (key == "quiz_button") r.text = v[0];
        for (std::size_t i = 5; i < v.size(); ++i) r.text += (r.text.empty() ? "" : " ") + v[i];
        out[key == "quiz_button" ? v[0] : r.text] = r;
    }
    return out;
}

std::string value(const std::multimap<std::string, std::vector<std::string>>& state, const std::string& key) {
    const auto it = state.find(key);
    return it == state.end() || it->second.empty() ? std::string("(absent)") : it->second[0];
}

std::string clickAt(const ReportRect& r) {
    return "click " + std::to_string(static_cast<int>(r.cx())) + " " + std::to_string(static_cast<int>(r.cy())) + "\n";
}

std::vector<std::string> readLines(const std::string& path) {
    std::ifstream f(path);
    std::vector<std::string> out;
    for (std::string line; std::getline(f, line);) out.push_back(line);
    return out;
}

// The last field of a CSV line whose fields hold no commas in quotes after the prompt: the
// columns from the right (time_s, right, key, answer_given).
std::vector<std::string> lastFields(const std::string& line, std::size_t n) {
    std::vector<std::string> out;
    std::string rest = line;
    for (std::size_t i = 0; i < n; ++i) {
        const auto comma = rest.rfind(',');
        out.insert(out.begin(), rest.substr(comma + 1));
        rest = rest.substr(0, comma);
    }
    return out;
}

} // namespace

TEST_CASE("a bad quiz or a bad script on the command line gets the messages with file and line and exits 2 before any window") {
    const auto missing = runProcess(hipview() + " --quiz no-such-quiz.toml 2>&1");
    CHECK(missing.exitCode == 2);
    CHECK(contains(missing.out, "--quiz: "));
    CHECK(contains(missing.out, "no-such-quiz.toml"));
    TempDir dir;
    {
        std::ofstream f(dir / "bad.toml");
        f << "title = \"bad\"\ntopic = \"roles\"\n\n[[question]]\nkind = \"what_does_it_do\"\nprompt = \"?\"\n"
             "muscle = \"piriformus\"\ndof = \"hip_rotation\"\nkey = \"external rotator\"\n";
        std::ofstream s(dir / "bad.script");
        s << "click 10 20\nclik 1 2\n";
    }
    const auto bad = runProcess(hipview() + " --quiz " + (dir / "bad.toml") + " 2>&1");
    CHECK(bad.exitCode == 2);
    CHECK(contains(bad.out, "bad.toml:7"));
    CHECK(contains(bad.out, "piriformis"));
    const auto script = runProcess(hipview() + " --script " + (dir / "bad.script") + " 2>&1");
    CHECK(script.exitCode == 2);
    CHECK(contains(script.out, "bad.script:2"));
    CHECK(contains(script.out, "did you mean \"click\""));
    const auto results = runProcess(hipview() + " --quiz-results " + (dir / "r.csv") + " 2>&1");
    CHECK(results.exitCode == 2);
    CHECK(contains(results.out, "needs --quiz"));
    const auto help = runProcess(hipview() + " view --help 2>&1");
    CHECK(help.exitCode == 0);
    CHECK(contains(help.out, "--quiz FILE.toml"));
    CHECK(contains(help.out, "--script FILE"));
}

TEST_CASE("the roles quiz in the window: a wrong answer then a right one clicked on the choices score 1 of 2 and save two CSV rows") {
    if (!haveXvfb()) return;
    TempDir dir;
    const std::string csv = dir / "results.csv";
    const std::string common = "--quiz " HV_SOURCE_DIR "/content/quizzes/roles.toml --size 1600x900 --quit --quiz-results " + csv;
    // Each run replays a longer script: the rectangles to click come from the previous run's report
    // (the layout is the same every run).
    const auto replay = [&](const std::string& name, const std::string& script) {
        {
            std::ofstream f(dir / (name + ".script"));
            f << script;
        }
        const auto r = underXvfb(common + " --script " + (dir / (name + ".script")));
        INFO(r.out);
        REQUIRE(r.exitCode == 0);
        return readState(dir / (name + ".txt"));
    };

    // The first question as it opens: the quiz panel instead of the muscle list and the info card.
    const auto q1 = replay("q1", "report " + (dir / "q1.txt") + "\nscreenshot " + (dir / "q1.png") + "\n");
    CHECK(value(q1, "quiz") == "1/5");
    CHECK(value(q1, "quiz_phase") == "asking");
    CHECK(value(q1, "quiz_kind") == "what_does_it_do");
    CHECK(value(q1, "quiz_score") == "0/0");
    CHECK(value(q1, "selection") == "piriformis"); // highlighted, not named
    CHECK(q1.count("bar") == 0);
    std::map<std::string, int> panels;
    for (auto [a, b] = q1.equal_range("panel"); a != b; ++a) ++panels[a->second.at(0)];
    CHECK(panels["quiz"] == 1);
    CHECK(panels["left"] == 0);
    CHECK(panels["info"] == 0);
    const auto choices1 = quizRects(q1, "quiz_choice");
    REQUIRE(choices1.size() == 2);
    REQUIRE(choices1.count("internal rotator")); // wrong here: standing, piriformis turns the thigh out
    REQUIRE(choices1.count("external rotator"));
    const std::string wrong1 = clickAt(choices1.at("internal rotator"));

    // The wrong answer, explained with the live action bars.
    const auto f1 = replay("f1", wrong1 + "report " + (dir / "f1.txt") + "\nscreenshot " + (dir / "f1.png") + "\n");
    CHECK(value(f1, "quiz_phase") == "feedback");
    CHECK(value(f1, "quiz_feedback") == "wrong");
    CHECK(value(f1, "quiz_score") == "0/1");
    const auto b1 = bars(f1);
    REQUIRE(b1.size() == 3);
    CHECK(b1[2].word == "external rotator");
    hv::scene::Image shot1;
    REQUIRE(readPng(dir / "f1.png", shot1));
    const BarPixels ex = countBar(shot1, b1[2], kExternal[0], kExternal[1], kExternal[2]);
    MESSAGE("explanation's rotation bar: external colour " << ex.left << "|" << ex.right);
    CHECK(ex.left > 5); // the bar is drawn: its fill on the external side
    CHECK(ex.right == 0);
    const auto buttons1 = quizRects(f1, "quiz_button");
    REQUIRE(buttons1.count("next"));
    const std::string next1 = clickAt(buttons1.at("next"));

    // Next: the second question.
    const auto q2 = replay("q2", wrong1 + next1 + "report " + (dir / "q2.txt") + "\n");
    CHECK(value(q2, "quiz") == "2/5");
    CHECK(value(q2, "quiz_phase") == "asking");
    const auto choices2 = quizRects(q2, "quiz_choice");
    REQUIRE(choices2.count("internal rotator")); // right at 90 degrees of hip flexion

    // The right answer to it: the score, and the results file.
    const auto f2 = replay("f2", wrong1 + next1 + clickAt(choices2.at("internal rotator")) + "report " + (dir / "f2.txt") +
                                     "\nscreenshot " + (dir / "f2.png") + "\n");
    CHECK(value(f2, "quiz_feedback") == "right");
    CHECK(value(f2, "quiz_score") == "1/2");
    const auto rows = readLines(csv);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == "question,prompt,answer_given,key,right,time_s");
    const auto r1 = lastFields(rows[1], 4), r2 = lastFields(rows[2], 4);
    CHECK(rows[1].rfind("1,", 0) == 0);
    CHECK(rows[2].rfind("2,", 0) == 0);
    CHECK(r1[0] == "internal rotator");
    CHECK(r1[1] == "external rotator");
    CHECK(r1[2] == "no");
    CHECK(r2[0] == "internal rotator");
    CHECK(r2[2] == "yes");
    CHECK(std::stod(r2[3]) >= 0.0);
}

TEST_CASE("--moment-arm draws the selected muscle's moment arm with a callout whose words flip with hip flexion") {
    if (!haveXvfb()) return;
    TempDir dir;
    std::string words[2];
    for (int i = 0; i < 2; ++i) {
        const std::string report = dir / (i == 0 ? "ma0.txt" : "ma1.txt");
        std::string args = "--select piriformis_r --moment-arm hip_rotation --view posterior --size 1600x900 --quit --pose hip_flexion_r=";
        args += i == 0 ? "0" : "90";
        const auto r = underXvfb(args + " --report-state " + report);
        REQUIRE_MESSAGE(r.exitCode == 0, r.out);
        const auto state = readState(report);
        for (auto [it, end] = state.equal_range("callout"); it != end; ++it) {
            std::string text;
            for (std::size_t w = 4; w < it->second.size(); ++w) text += (text.empty() ? "" : " ") + it->second[w];
            if (contains(text, " mm, ")) words[i] = text;
        }
    }
    CHECK(contains(words[0], "Piriformis: "));
    CHECK(contains(words[0], "external rotation"));
    CHECK(contains(words[1], "internal rotation"));
    const auto bad = runProcess(hipview() + " --moment-arm hip_rotation 2>&1");
    CHECK(bad.exitCode == 2);
    CHECK(contains(bad.out, "--moment-arm: needs --select"));
}

TEST_CASE("--moment-arm draws the motion asked for: a trunk muscle about a lumbar level and a hip muscle about hip flexion, the plot showing the same") {
    if (!haveXvfb()) return;
    TempDir dir;
    const auto calloutWith = [&](const std::string& args, const std::string& name) {
        const std::string report = dir / name;
        const auto r = underXvfb(args + " --view lateral-right --size 1600x900 --quit --report-state " + report);
        REQUIRE_MESSAGE(r.exitCode == 0, r.out);
        const auto state = readState(report);
        std::string found;
        for (auto [it, end] = state.equal_range("callout"); it != end; ++it) {
            std::string text;
            for (std::size_t w = 4; w < it->second.size(); ++w) text += (text.empty() ? "" : " ") + it->second[w];
            if (contains(text, " mm")) found = text;
        }
        return found;
    };
    const std::string ra = calloutWith("--select rectus_abdominis_r --moment-arm lumbar_flexion", "ra.txt");
    CAPTURE(ra);
    CHECK(contains(ra, "Rectus abdominis: "));
    CHECK(contains(ra, " mm at L"));
    CHECK(contains(ra, ", flexion"));
    const std::string pir = calloutWith("--select piriformis_r --moment-arm hip_flexion", "pir.txt");
    CAPTURE(pir);
    CHECK(contains(pir, "Piriformis: "));
    CHECK(contains(pir, "extension")); // about hip flexion, not the plot's default rotation
    const auto bad = runProcess(hipview() + " --select rectus_abdominis --moment-arm lumbar_twist 2>&1");
    CHECK(bad.exitCode == 2);
    CHECK(contains(bad.out, "lumbar_flexion"));
}

TEST_CASE("figure-4 in the stretch mode shows piriformis' number in a callout, the three muscles lengthened most and the scale's stops") {
    if (!haveXvfb()) return;
    TempDir dir;
    const auto r = underXvfb("--movement figure-4 --at 8 --colour stretch --size 1600x900 --quit --report-state " + (dir / "f4.txt"),
                             "1600x900");
    REQUIRE_MESSAGE(r.exitCode == 0, r.out);
    const auto state = readState(dir / "f4.txt");
    // Nothing selected: the stretch's target carries the callout, with its side and number.
    std::vector<std::string> callouts;
    for (auto [it, end] = state.equal_range("callout"); it != end; ++it) {
        std::string text;
        for (std::size_t w = 4; w < it->second.size(); ++w) text += (text.empty() ? "" : " ") + it->second[w];
        callouts.push_back(text);
    }
    REQUIRE(callouts.size() == 1);
    INFO(callouts[0]);
    CHECK(callouts[0].rfind("Piriformis (right): ", 0) == 0);
    CHECK(contains(callouts[0], " % longer than standing"));
    // The side list: three muscles, largest first, each longer than standing.
    std::vector<double> top;
    for (auto [it, end] = state.equal_range("lengthened"); it != end; ++it) {
        REQUIRE(it->second.size() == 3);
        top.push_back(std::stod(it->second[2]));
    }
    REQUIRE(top.size() == 3);
    CHECK(top[0] >= top[1]);
    CHECK(top[1] >= top[2]);
    CHECK(top[2] > 1.0);
    // The legend states its percentages, from 40 % longer to 40 % shorter.
    std::vector<std::string> legend;
    for (auto [it, end] = state.equal_range("legend"); it != end; ++it) {
        std::string text;
        for (const std::string& w : it->second) text += (text.empty() ? "" : " ") + w;
        legend.push_back(text);
    }
    REQUIRE(legend.size() == 9);
    CHECK(legend.front() == "40 % longer or more");
    CHECK(legend[4] == "about the same (within 1 %)");
    CHECK(legend.back() == "40 % shorter or more");
}

TEST_CASE("the rounded forward bend states the low back's share of the bend as a gauge with its band") {
    if (!haveXvfb()) return;
    TempDir dir;
    const auto r = underXvfb("--movement forward-bend-rounded --at 2.25 --size 1400x800 --quit --report-state " + (dir / "g.txt"));
    REQUIRE_MESSAGE(r.exitCode == 0, r.out);
    const auto state = readState(dir / "g.txt");
    REQUIRE(state.count("lumbar_gauge"));
    std::string gauge;
    for (const std::string& w : state.find("lumbar_gauge")->second) gauge += (gauge.empty() ? "" : " ") + w;
    INFO(gauge);
    CHECK(gauge.rfind("Low back: ", 0) == 0);
    CHECK(contains(gauge, "% of this bend"));
    CHECK(contains(gauge, "(large)"));
    CHECK_FALSE(contains(gauge, "stiff hip"));
}

TEST_CASE("a client profile given at start applies its ranges and strengths to the movement, and --restrict goes on top") {
    if (!haveXvfb()) return;
    TempDir dir;
    const std::string profile = (std::filesystem::path(HV_SOURCE_DIR) / "content/profiles/stiff-right-hip.toml").string();
    // Standing on the left leg would show the weak left side; single-leg stance stands on the
    // right, so with the profile alone (left weak) the pelvis stays level, and a weak right side
    // given on the command line makes it drop.
    const auto r = underXvfb("--profile " + profile + " --restrict hip_flexion_r=:80 --movement single-leg-stance --at 4 " +
                             "--size 1400x800 --quit --report-state " + (dir / "p.txt"));
    REQUIRE_MESSAGE(r.exitCode == 0, r.out);
    const auto state = readState(dir / "p.txt");
    REQUIRE(state.count("profile"));
    std::string title;
    for (const std::string& w : state.find("profile")->second) title += (title.empty() ? "" : " ") + w;
    CHECK(title == "Stiff right hip, weak left gluteus medius");
    std::vector<std::string> limits;
    const auto [a, b] = state.equal_range("restrict");
    for (auto it = a; it != b; ++it) limits.push_back(it->second.at(0));
    CHECK(std::find(limits.begin(), limits.end(), "hip_flexion_r=-30:80") != limits.end()); // --restrict wins
    CHECK(std::find(limits.begin(), limits.end(), "hip_rotation_r=-40:10") != limits.end()); // from the profile
    REQUIRE(state.count("gluteus_medius_strength"));
    CHECK(state.find("gluteus_medius_strength")->second.at(0) == "right=1,left=0.4");
    REQUIRE(state.count("pelvic_drop"));
    CHECK(std::stod(state.find("pelvic_drop")->second.at(0)) < 0.05);

    const auto weak = underXvfb("--profile " + profile + " --gluteus-medius-strength right=0.3 --movement single-leg-stance --at 4 " +
                                "--size 1400x800 --quit --report-state " + (dir / "w.txt"));
    REQUIRE_MESSAGE(weak.exitCode == 0, weak.out);
    const auto w = readState(dir / "w.txt");
    REQUIRE(w.count("pelvic_drop"));
    CHECK(std::stod(w.find("pelvic_drop")->second.at(0)) > 5.0);
    CHECK(w.find("gluteus_medius_strength")->second.at(0) == "right=0.3,left=1");
    // The drop is drawn with its angle, and the stance side's gluteus medius is highlighted.
    std::vector<std::string> callouts;
    const auto [ca, cb] = w.equal_range("callout");
    for (auto it = ca; it != cb; ++it) {
        std::string text;
        for (std::size_t i = 4; i < it->second.size(); ++i) text += (text.empty() ? "" : " ") + it->second[i];
        callouts.push_back(text);
    }
    INFO(weak.out);
    CHECK(std::find(callouts.begin(), callouts.end(), "Pelvis drops 8 deg on the left") != callouts.end());
    CHECK(std::find(callouts.begin(), callouts.end(), "Gluteus medius (right)") != callouts.end());
}

namespace {
// pelvic_bar=PART DOF X0 Y0 X1 Y1 CENTRE MM SENTENCE... lines of --report-state.
struct PelvicBarLine {
    int part = 0;
    std::string dof;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0, centre = 0, mm = 0;
    std::string sentence;
};
std::vector<PelvicBarLine> pelvicBars(const std::multimap<std::string, std::vector<std::string>>& state) {
    std::vector<PelvicBarLine> out;
    const auto [a, b] = state.equal_range("pelvic_bar");
    for (auto it = a; it != b; ++it) {
        const auto& v = it->second;
        if (v.size() < 9) continue;
        PelvicBarLine bar{std::stoi(v[0]), v[1], std::stod(v[2]), std::stod(v[3]), std::stod(v[4]), std::stod(v[5]),
                          std::stod(v[6]), std::stod(v[7]), v[8]};
        for (std::size_t i = 9; i < v.size(); ++i) bar.sentence += " " + v[i];
        out.push_back(bar);
    }
    return out;
}
} // namespace

TEST_CASE("the selected muscle's pelvic tilt bar says which way it tips the pelvis in both wordings beside the pelvis colours' legend") {
    if (!haveXvfb()) return;
    TempDir dir;
    const std::string common = " --colour pelvis --view lateral-right --size 1600x900 --quit";
    const auto a = underXvfb(" --select iliacus" + common + " --screenshot " + (dir / "iliacus.png") + " --report-state " + (dir / "iliacus.txt"));
    REQUIRE_MESSAGE(a.exitCode == 0, a.out);
    const auto g = underXvfb(" --select gluteus_maximus" + common + " --report-state " + (dir / "gmax.txt"));
    REQUIRE_MESSAGE(g.exitCode == 0, g.out);
    const auto p = underXvfb(" --select iliacus --wording plain" + common + " --report-state " + (dir / "plain.txt"));
    REQUIRE_MESSAGE(p.exitCode == 0, p.out);
    const auto si = readState(dir / "iliacus.txt"), sg = readState(dir / "gmax.txt"), sp = readState(dir / "plain.txt");
    REQUIRE(si.count("colour"));
    CHECK(si.find("colour")->second.at(0) == "pelvis");
    // The hip bars stay as they were; the pelvic bars come on their own lines, tilt then obliquity.
    CHECK(bars(si).size() == 3);
    const auto pi = pelvicBars(si), pg = pelvicBars(sg), pp = pelvicBars(sp);
    REQUIRE(pi.size() == 2);
    CHECK(pi[0].dof == "pelvic_tilt");
    CHECK(pi[1].dof == "pelvic_obliquity");
    CHECK(pi[0].mm > 1.0);
    CHECK(pi[0].sentence.starts_with("Tips the pelvis forward "));
    CHECK(pi[0].sentence.ends_with(" mm"));
    REQUIRE(pp.size() == 2);
    CHECK(pp[0].sentence == "Tips your pelvis forward");
    REQUIRE(pg.size() == 6); // three parts, two bars each
    for (const PelvicBarLine& b : pg)
        if (b.dof == "pelvic_tilt") {
            CHECK(b.mm < -1.0);
            CHECK(b.sentence.starts_with("Tips the pelvis back "));
        }
    // The legend names the pair.
    bool forward = false, back = false;
    const auto [l0, l1] = si.equal_range("legend");
    for (auto it = l0; it != l1; ++it) {
        std::string text;
        for (const std::string& w : it->second) text += (text.empty() ? "" : " ") + w;
        forward = forward || text == "tips the pelvis forward";
        back = back || text == "tips the pelvis back";
    }
    CHECK(forward);
    CHECK(back);
    // On screen: iliacus' tilt bar is filled to the right of its centre in the forward colour.
    hv::scene::Image shot;
    REQUIRE(readPng(dir / "iliacus.png", shot));
    const Bar tilt{pi[0].part, 3, pi[0].x0, pi[0].y0, pi[0].x1, pi[0].y1, pi[0].centre, pi[0].mm, pi[0].sentence};
    const BarPixels n = countBar(shot, tilt, 0xB8, 0x30, 0x9A);
    MESSAGE("iliacus tilt bar, forward colour: " << n.left << "|" << n.right);
    CHECK(n.right > 5);
    CHECK(n.left == 0);
}

TEST_CASE("a movement opens from its own camera, framing the whole body, unless a view is asked for") {
    if (!haveXvfb()) return;
    TempDir dir;
    const auto own = underXvfb("--movement single-leg-stance --at 4 --size 1400x800 --quit --report-state " + (dir / "own.txt"));
    REQUIRE_MESSAGE(own.exitCode == 0, own.out);
    const auto s = readState(dir / "own.txt");
    REQUIRE(s.count("camera"));
    CHECK(std::stod(s.find("camera")->second.at(0)) == doctest::Approx(180.0)); // from behind, as content/movements.toml says
    CHECK(std::stod(s.find("camera")->second.at(1)) == doctest::Approx(5.0));
    const auto asked = underXvfb("--movement single-leg-stance --at 4 --view anterior --size 1400x800 --quit --report-state " +
                                 (dir / "asked.txt"));
    REQUIRE_MESSAGE(asked.exitCode == 0, asked.out);
    const auto a = readState(dir / "asked.txt");
    REQUIRE(a.count("camera"));
    CHECK(std::abs(std::stod(a.find("camera")->second.at(0))) < 1.0);
}

namespace {
// A trunk muscle's "bar=PART lumbar_flexion X0 Y0 X1 Y1 CENTRE MM WORDS..." lines of --report-state.
struct LumbarBarLine {
    int part = 0;
    std::string dof;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0, centre = 0, mm = 0;
    std::string word;
};
std::vector<LumbarBarLine> lumbarBars(const std::multimap<std::string, std::vector<std::string>>& state) {
    std::vector<LumbarBarLine> out;
    const auto [a, b] = state.equal_range("bar");
    for (auto it = a; it != b; ++it) {
        const auto& v = it->second;
        if (v.size() < 9 || !v[1].starts_with("lumbar_")) continue;
        LumbarBarLine bar{std::stoi(v[0]), v[1], std::stod(v[2]), std::stod(v[3]), std::stod(v[4]), std::stod(v[5]),
                          std::stod(v[6]), std::stod(v[7]), v[8]};
        for (std::size_t i = 9; i < v.size(); ++i) bar.word += " " + v[i];
        out.push_back(bar);
    }
    return out;
}
// Whether the track's middle row is filled (not the pale track colour) dx pixels from the centre.
bool filledAt(const hv::scene::Image& im, const LumbarBarLine& b, int dx) {
    const int y = static_cast<int>(std::lround(0.5 * (b.y0 + b.y1)));
    return !near(px(im, static_cast<int>(std::lround(b.centre)) + dx, y), 228, 223, 214, 12);
}
} // namespace

TEST_CASE("a trunk muscle's bars are about the low back with the signs and words of its actions in both wordings") {
    if (!haveXvfb()) return;
    TempDir dir;
    const std::string common = " --view posterior --size 1600x900 --quit";
    const auto m = underXvfb(" --select multifidus" + common + " --screenshot " + (dir / "mf.png") + " --report-state " + (dir / "mf.txt"));
    REQUIRE_MESSAGE(m.exitCode == 0, m.out);
    const auto q = underXvfb(" --select quadratus_lumborum_r" + common + " --report-state " + (dir / "ql.txt"));
    REQUIRE_MESSAGE(q.exitCode == 0, q.out);
    const auto p = underXvfb(" --select quadratus_lumborum_r --wording plain" + common + " --report-state " + (dir / "plain.txt"));
    REQUIRE_MESSAGE(p.exitCode == 0, p.out);
    const auto sm = readState(dir / "mf.txt"), sq = readState(dir / "ql.txt"), sp = readState(dir / "plain.txt");
    // No hip bars of zero for a muscle that crosses no hip: three lumbar bars per part instead.
    CHECK(bars(sm).empty());
    const auto bm = lumbarBars(sm), bq = lumbarBars(sq), bp = lumbarBars(sp);
    REQUIRE(bm.size() >= 3);
    REQUIRE(bm.size() % 3 == 0);
    const char* dofs[] = {"lumbar_flexion", "lumbar_bending", "lumbar_rotation"};
    for (std::size_t i = 0; i < bm.size(); ++i) CHECK(bm[i].dof == dofs[i % 3]);
    // Multifidus extends the low back: every flexion bar negative, filled left of the centre.
    hv::scene::Image im;
    REQUIRE(readPng(dir / "mf.png", im));
    for (const LumbarBarLine& b : bm)
        if (b.dof == "lumbar_flexion") {
            CHECK(b.mm < -1.0);
            CHECK(b.word == "extends the low back");
            CHECK(filledAt(im, b, -6));
            CHECK_FALSE(filledAt(im, b, 6));
        }
    // The right quadratus lumborum bends the trunk to the right, every part of it.
    REQUIRE(bq.size() >= 3);
    CHECK(bq[1].dof == "lumbar_bending");
    CHECK(bq[1].word == "bends the trunk to the right");
    for (const LumbarBarLine& b : bq)
        if (b.dof == "lumbar_bending") CHECK(b.mm > 1.0);
    // Plain words read plainly, with the same signs.
    REQUIRE(bp.size() == bq.size());
    CHECK(bp[0].word == "arches your low back");
    CHECK(bp[1].word == "bends your body to the right");
    for (std::size_t i = 0; i < bp.size(); ++i) {
        CHECK(bp[i].mm == doctest::Approx(bq[i].mm).epsilon(1e-6));
        CHECK_FALSE(contains(bp[i].word, "trunk"));
        CHECK_FALSE(contains(bp[i].word, "extend"));
    }
    // The pelvic bars stay on their own lines: quadratus lumborum hikes its side.
    const auto pq = pelvicBars(sq);
    REQUIRE(pq.size() >= 2);
    CHECK(pq[1].dof == "pelvic_obliquity");
    CHECK(pq[1].sentence.starts_with("Hikes the pelvis on the right"));
}

namespace {
// "compare_view=SIDE X Y W H" and "compare_side=SIDE VALUE DEFINED X Y W H LABEL | NUMBER" lines.
struct CompareSideLine {
    double value = 0.0;
    bool defined = false;
    double x = 0, y = 0, w = 0, h = 0;
    std::string label, number;
};
std::map<std::string, CompareSideLine> compareSides(const std::multimap<std::string, std::vector<std::string>>& state) {
    std::map<std::string, CompareSideLine> out;
    const auto [a, b] = state.equal_range("compare_side");
    for (auto it = a; it != b; ++it) {
        const auto& v = it->second;
        if (v.size() < 8) continue;
        CompareSideLine c{std::stod(v[1]), v[2] == "1", std::stod(v[3]), std::stod(v[4]), std::stod(v[5]), std::stod(v[6]), "", ""};
        std::string* into = &c.label;
        for (std::size_t i = 7; i < v.size(); ++i) {
            if (v[i] == "|") {
                into = &c.number;
                continue;
            }
            *into += (into->empty() ? "" : " ") + v[i];
        }
        out[v[0]] = c;
    }
    return out;
}
std::map<std::string, std::array<double, 4>> compareViews(const std::multimap<std::string, std::vector<std::string>>& state) {
    std::map<std::string, std::array<double, 4>> out;
    const auto [a, b] = state.equal_range("compare_view");
    for (auto it = a; it != b; ++it)
        if (it->second.size() == 5)
            out[it->second[0]] = {std::stod(it->second[1]), std::stod(it->second[2]), std::stod(it->second[3]), std::stod(it->second[4])};
    return out;
}
// Columns of the rectangle with a pixel that is neither the view's white background nor the
// window's panel colour: how wide what is drawn there is.
int drawnColumnsIn(const hv::scene::Image& im, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int x = std::max(0, x0); x < std::min(im.width, x1); ++x)
        for (int y = std::max(0, y0); y < std::min(im.height, y1); ++y) {
            const std::uint8_t* p = px(im, x, y);
            if (!(p[0] > 245 && p[1] > 245 && p[2] > 245)) {
                ++n;
                break;
            }
        }
    return n;
}
} // namespace

TEST_CASE("compare mode under Xvfb shows the hip hinge free beside hips restricted to 25 deg flexion with both shares on screen") {
    if (!haveXvfb()) return;
    TempDir dir;
    const auto r = underXvfb("--movement hip-hinge --at 2.2 --restrict hip_flexion=:25 --compare --no-floor --size 1600x900 --quit --screenshot " +
                             (dir / "compare.png") + " --report-state " + (dir / "compare.txt"));
    REQUIRE_MESSAGE(r.exitCode == 0, r.out);
    const auto s = readState(dir / "compare.txt");
    REQUIRE(s.count("compare"));
    CHECK(s.find("compare")->second.at(0) == "on");
    REQUIRE(s.count("compare_number"));
    CHECK(s.find("compare_number")->second.at(0) == "low_back_share");
    const auto sides = compareSides(s);
    REQUIRE(sides.count("normal"));
    REQUIRE(sides.count("compared"));
    const CompareSideLine& n = sides.at("normal");
    const CompareSideLine& c = sides.at("compared");
    CHECK(n.label == "Normal hips");
    CHECK(c.label == "Hip flexion limited to 25 deg");
    CHECK(contains(n.number, "Low back: "));
    CHECK(contains(c.number, " % of the bend"));
    // The free hinge bends at the hips; the restricted one pushes the bend into the low back.
    CHECK(n.value < 0.1);
    REQUIRE(c.defined);
    CHECK(c.value > 0.4);
    REQUIRE(s.count("lumbar_share"));
    CHECK(std::stod(s.find("lumbar_share")->second.at(0)) == doctest::Approx(c.value));
    // Two views side by side, normal on the left, each caption inside its own view.
    const auto views = compareViews(s);
    REQUIRE(views.count("normal"));
    REQUIRE(views.count("compared"));
    const auto& L = views.at("normal");
    const auto& R = views.at("compared");
    CHECK(L[0] + L[2] <= R[0]);
    CHECK(L[2] == doctest::Approx(R[2]).epsilon(0.01));
    CHECK(n.x >= L[0]);
    CHECK(n.x + n.w <= L[0] + L[2]);
    CHECK(c.x >= R[0]);
    CHECK(c.x + c.w <= R[0] + R[2]);
    // A body in each view: drawn pixels across part of each half, below the captions and above
    // the playback bar.
    hv::scene::Image im;
    REQUIRE(readPng(dir / "compare.png", im));
    const int top = static_cast<int>(std::max(n.y + n.h, c.y + c.h)) + 40;
    const int bottom = static_cast<int>(L[1] + L[3] * 0.8);
    const int left = drawnColumnsIn(im, static_cast<int>(L[0]) + 2, top, static_cast<int>(L[0] + L[2]) - 2, bottom);
    const int right = drawnColumnsIn(im, static_cast<int>(R[0]) + 2, top, static_cast<int>(R[0] + R[2]) - 2, bottom);
    MESSAGE("drawn columns: normal " << left << ", restricted " << right);
    CHECK(left > 60);
    CHECK(right > 60);
    CHECK(left < L[2] * 0.8);
    CHECK(right < R[2] * 0.8);
}

TEST_CASE("--compare with nothing to compare against is refused with a message and exit 2 before any window") {
    const auto r = runProcess(hipview() + " --movement hip-hinge --compare --quit 2>&1");
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "--compare: nothing to compare with normal"));
}

TEST_CASE("a movement is framed above the playback bar, so the bar never covers the feet") {
    if (!haveXvfb()) return;
    TempDir dir;
    const auto r = underXvfb("--movement hip-hinge --at 0 --no-floor --size 1400x800 --quit --screenshot " + (dir / "bar.png") +
                             " --report-state " + (dir / "bar.txt"));
    REQUIRE_MESSAGE(r.exitCode == 0, r.out);
    const auto s = readState(dir / "bar.txt");
    REQUIRE(s.count("viewport"));
    const auto& v = s.find("viewport")->second;
    double barTop = -1;
    const auto [a, b] = s.equal_range("panel");
    for (auto it = a; it != b; ++it)
        if (it->second.at(0) == "playback") barTop = std::stod(it->second.at(2));
    REQUIRE(barTop > 0);
    hv::scene::Image im;
    REQUIRE(readPng(dir / "bar.png", im));
    // The lowest drawn row of the view above the bar: the feet, close above it and not under it.
    const int x0 = static_cast<int>(std::stod(v.at(0))) + 2, x1 = static_cast<int>(std::stod(v.at(0)) + std::stod(v.at(2))) - 2;
    const int y0 = static_cast<int>(std::stod(v.at(1))) + 2;
    int lowest = -1;
    for (int y = y0; y < static_cast<int>(barTop) - 1; ++y)
        if (drawnColumnsIn(im, x0, y, x1, y + 1) > 0) lowest = y;
    MESSAGE("lowest drawn row " << lowest << ", bar top " << barTop);
    CHECK(lowest < barTop - 4);
    CHECK(lowest > barTop - 0.15 * std::stod(v.at(3)));
}

TEST_CASE("Frame everything frames the whole drawn body, the lower legs and feet included") {
    if (!haveXvfb()) return;
    TempDir dir;
    {
        std::ofstream script(dir / "home.script");
        script << "key home\nreport " << (dir / "home.txt") << "\nscreenshot " << (dir / "home.png") << "\nquit\n";
    }
    const auto r = underXvfb("--size 1400x800 --script " + (dir / "home.script"));
    REQUIRE_MESSAGE(r.exitCode == 0, r.out);
    const auto s = readState(dir / "home.txt");
    REQUIRE(s.count("viewport"));
    const auto& v = s.find("viewport")->second;
    hv::scene::Image im;
    REQUIRE(readPng(dir / "home.png", im));
    const int x0 = static_cast<int>(std::stod(v.at(0))) + 2, x1 = static_cast<int>(std::stod(v.at(0)) + std::stod(v.at(2))) - 2;
    const int y0 = static_cast<int>(std::stod(v.at(1))), y1 = static_cast<int>(std::stod(v.at(1)) + std::stod(v.at(3)));
    // Nothing cut off at the view's top or bottom edge: the rows there are background.
    CHECK(drawnColumnsIn(im, x0, y1 - 6, x1, y1 - 2) == 0);
    CHECK(drawnColumnsIn(im, x0, y0 + 2, x1, y0 + 6) == 0);
    // And the body fills most of the height (it is framed, not lost in the distance).
    int first = -1, last = -1;
    for (int y = y0 + 2; y < y1 - 2; ++y)
        if (drawnColumnsIn(im, x0, y, x1, y + 1) > 0) {
            if (first < 0) first = y;
            last = y;
        }
    CHECK(last - first > 0.7 * (y1 - y0));
}
