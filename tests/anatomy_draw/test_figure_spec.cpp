// Scene files: reading with file:line:field diagnostics, writing, and reading back what was written.
#include "anatomy_draw/figure_spec.hpp"
#include "content/content_fixture.hpp"

#include <doctest/doctest.h>

using namespace hv;
using namespace hv::draw;
using namespace hv::gfx;

namespace {
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
} // namespace

TEST_CASE("a scene file with defaults and several figures reads into full specs") {
    const std::string text = R"(schema = "hipview-figures 1"
[defaults]
size = "800x600"
background = "transparent"

[[figure]]
output = "a.png"
view = "lateral-right"
pose = "hip_flexion_r=90"
highlight = ["piriformis"]
labels = true

[[figure]]
output = "b.png"
camera = [45, 20, 1.5]
size = "640x480"
scale = 2
)";
    const auto load = parseFigureText(text, "figs.toml", "/tmp/out", &test::projectContent());
    INFO(formatAll(load.diagnostics));
    REQUIRE(load.figures);
    REQUIRE(load.figures->size() == 2);
    const FigureSpec& a = (*load.figures)[0];
    CHECK(a.output == "/tmp/out/a.png");
    CHECK(a.width == 800);
    CHECK(a.background == "transparent");
    CHECK(a.view == "lateral-right");
    CHECK(a.labels);
    CHECK(a.line == 6); // the [[figure]] line
    const FigureSpec& b = (*load.figures)[1];
    REQUIRE(b.camera);
    CHECK(b.camera->azimuthDeg == 45.0);
    CHECK(b.width == 640);
    CHECK(b.scale == 2);
    CHECK(b.background == "transparent");
}

TEST_CASE("scene file problems are reported at their file, line and field with the valid names") {
    const std::string text = R"(schema = "hipview-figures 1"
[[figure]]
output = "a.png"
view = "lateral"
pose = "hip_flex_r=90"
highlight = ["pirifomis"]
labls = true
size = "big"
)";
    const auto load = parseFigureText(text, "figs.toml", ".", &test::projectContent());
    CHECK(!load.figures);
    const std::string all = formatAll(load.diagnostics);
    INFO(all);
    CHECK(contains(all, "figs.toml:4:"));
    CHECK(contains(all, "figure[1].view"));
    CHECK(contains(all, "lateral-right"));
    CHECK(contains(all, "figs.toml:5:"));
    CHECK(contains(all, "unknown coordinate \"hip_flex_r\""));
    CHECK(contains(all, "figs.toml:6:"));
    CHECK(contains(all, "did you mean \"piriformis\""));
    CHECK(contains(all, "figs.toml:7:"));
    CHECK(contains(all, "did you mean \"labels\""));
    CHECK(contains(all, "figs.toml:8:"));
    CHECK(contains(all, "WIDTHxHEIGHT"));
}

TEST_CASE("two figures writing the same file is an error") {
    const std::string text = "schema = \"hipview-figures 1\"\n[[figure]]\noutput = \"a.png\"\n[[figure]]\noutput = \"a.png\"\n";
    const auto load = parseFigureText(text, "f.toml", ".", nullptr);
    CHECK(!load.figures);
    CHECK(contains(formatAll(load.diagnostics), "also the output of the figure at line 2"));
}

TEST_CASE("what the window saves reads back to the same figures") {
    FigureSpec a;
    a.output = "fig \"one\".png";
    a.width = 1024;
    a.height = 768;
    a.camera = OrbitSpec{30.5, -12.25, 1.75, glm::vec3(0.1f, 0.9f, -0.05f)};
    a.pose = "hip_flexion_r=90,knee_angle_r=45";
    a.highlight = {"piriformis", "gluteus_medius_r"};
    a.show = {"bones", "gluteals"};
    a.labels = true;
    a.background = "#102030";
    a.scale = 2;
    FigureSpec b;
    b.output = "anim.png";
    b.view = "posterior";
    b.movement = "figure-4";
    b.frames = 12;
    b.gif = true;
    const std::vector<FigureSpec> specs{a, b};
    const std::string text = figureFileText(specs);
    const auto load = parseFigureText(text, "saved.toml", "", &test::projectContent());
    INFO(text);
    INFO(formatAll(load.diagnostics));
    REQUIRE(load.figures);
    REQUIRE(load.figures->size() == 2);
    const FigureSpec& ra = (*load.figures)[0];
    CHECK(ra.output == a.output);
    CHECK(ra.width == 1024);
    CHECK(ra.height == 768);
    REQUIRE(ra.camera);
    CHECK(ra.camera->azimuthDeg == 30.5);
    CHECK(ra.camera->elevationDeg == -12.25);
    CHECK(ra.camera->distance == 1.75);
    REQUIRE(ra.camera->target);
    CHECK(ra.camera->target->y == doctest::Approx(0.9f));
    CHECK(ra.pose == a.pose);
    CHECK(ra.highlight == a.highlight);
    CHECK(ra.show == a.show);
    CHECK(ra.labels);
    CHECK(ra.background == "#102030");
    CHECK(ra.scale == 2);
    const FigureSpec& rb = (*load.figures)[1];
    CHECK(rb.view == "posterior");
    CHECK(rb.movement == "figure-4");
    CHECK(rb.frames == 12);
    CHECK(rb.gif);
}

TEST_CASE("sizes and backgrounds parse strictly") {
    CHECK(parseSize("1920x1080") == glm::ivec2(1920, 1080));
    CHECK(!parseSize("1920"));
    CHECK(!parseSize("0x10"));
    CHECK(!parseSize("20000x10"));
    CHECK(!parseSize("19a0x10"));
    CHECK(parseBackground("transparent")->a == 0.0f);
    CHECK(parseBackground("#ff8000")->g == doctest::Approx(128.0f / 255.0f));
    CHECK(!parseBackground("#ff80"));
    CHECK(!parseBackground("white"));
}

TEST_CASE("an animation's frames per second read back, and a rate outside 1 to 60 is refused with the file and the figure") {
    FigureSpec s;
    s.output = "a.png";
    s.movement = "bridge";
    s.mp4 = true;
    s.fps = 12.5;
    const std::vector<FigureSpec> specs{s};
    const auto load = parseFigureText(figureFileText(specs), "saved.toml", "", &test::projectContent());
    INFO(formatAll(load.diagnostics));
    REQUIRE(load.figures);
    CHECK((*load.figures)[0].fps == 12.5);
    CHECK((*load.figures)[0].mp4);
    const std::string bad = "schema = \"hipview-figures 1\"\n[[figure]]\noutput = \"a.png\"\nmovement = \"bridge\"\nfps = 0\ngif = true\n";
    const auto refused = parseFigureText(bad, "f.toml", ".", &test::projectContent());
    CHECK(!refused.figures);
    const std::string all = formatAll(refused.diagnostics);
    INFO(all);
    CHECK(contains(all, "f.toml:2:")); // checks of the merged figure are reported at its [[figure]] line
    CHECK(contains(all, "fps"));
    CHECK(contains(all, "from 1 to 60"));
}

TEST_CASE("a figure's gluteus medius strength is written as one number or one per side and read back the same") {
    FigureSpec both;
    both.output = "both.png";
    both.movement = "single-leg-stance";
    both.gluteusMediusStrength = movement::GluteusMediusStrength::both(0.4);
    FigureSpec sided = both;
    sided.output = "sided.png";
    sided.gluteusMediusStrength = {1.0, 0.3};
    const std::vector<FigureSpec> specs{both, sided};
    const std::string text = figureFileText(specs);
    INFO(text);
    CHECK(text.find("gluteus_medius_strength = 0.4") != std::string::npos);
    CHECK(text.find("gluteus_medius_strength_l = ") != std::string::npos);
    CHECK(text.find("gluteus_medius_strength_r = 1") != std::string::npos);
    const auto load = parseFigureText(text, "saved.toml", "", &test::projectContent());
    INFO(formatAll(load.diagnostics));
    REQUIRE(load.figures);
    REQUIRE(load.figures->size() == 2);
    CHECK((*load.figures)[0].gluteusMediusStrength == both.gluteusMediusStrength);
    CHECK((*load.figures)[1].gluteusMediusStrength == sided.gluteusMediusStrength);
    // Out of range on one side: one message naming that field.
    const auto bad = parseFigureText("schema = \"hipview-figures 1\"\n[[figure]]\noutput = \"x.png\"\nmovement = \"single-leg-stance\"\n"
                                     "gluteus_medius_strength_r = 1.5\n",
                                     "bad.toml", "", &test::projectContent());
    CHECK_FALSE(bad.figures);
    CHECK(formatAll(bad.diagnostics).find("gluteus_medius_strength_r") != std::string::npos);
}

TEST_CASE("a figure without a view is framed from its movement's own camera, and a given view wins") {
    scene::Bounds box;
    box.add(glm::vec3(-0.2f, 0.0f, -0.1f));
    box.add(glm::vec3(0.2f, 1.0f, 0.1f));
    FigureSpec spec;
    spec.framedFrom = std::array<double, 2>{180.0, 5.0};
    const gfx::Camera behind = figureCamera(spec, box);
    const glm::vec3 toEye = glm::normalize(behind.eye - behind.target);
    const glm::vec3 expected = gfx::orbitDirection(180.0, 5.0).toEye;
    CHECK(glm::dot(toEye, expected) > 0.999f);
    spec.viewGiven = true; // view = "anterior", given
    const gfx::Camera front = figureCamera(spec, box);
    CHECK(glm::normalize(front.eye - front.target).z > 0.99f);
    // A scene file's view counts as given.
    const auto load = parseFigureText("schema = \"hipview-figures 1\"\n[[figure]]\noutput = \"a.png\"\nview = \"anterior\"\n"
                                      "[[figure]]\noutput = \"b.png\"\n",
                                      "f.toml", ".", nullptr);
    REQUIRE(load.figures);
    CHECK((*load.figures)[0].viewGiven);
    CHECK_FALSE((*load.figures)[1].viewGiven);
}
