// Whole figures of the project's content (stand-in bones, so these do not change when the
// default model does): same input, same bytes; golden images guard the look; pixel checks
// that a wrong picture would fail.
//
// Golden images live in tests/render/golden/. After a change that is meant to change the look,
// regenerate them with HV_UPDATE_GOLDEN=1 ./hv_render_tests and open every one to look at it.
#include "render_support.hpp"

#include "anatomy_draw/anatomy_drawer.hpp"
#include "anatomy_draw/callout_planner.hpp"
#include "anatomy_draw/figure_spec.hpp"
#include "anatomy_draw/palette.hpp"
#include "content/content_fixture.hpp"
#include "io/model_loader.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

using namespace hv;
using namespace hv::draw;
using namespace hv::gfx;

namespace {

struct Rendered {
    render::Figure figure;
    DrawList list;
    Camera camera;
};

Rendered renderSpec(const FigureSpec& spec) {
    const Content& content = test::projectContent();
    static const AnatomyDrawer drawer(content); // no model: stand-in bones
    std::string error;
    const auto q = figurePose(spec, content.model, error);
    REQUIRE_MESSAGE(q, error);
    const DrawOptions opts = figureDrawOptions(spec, content);
    Rendered r;
    r.list = drawer.build(*q, opts);
    r.camera = figureCamera(spec, focusBounds(r.list.items));
    render::FigureOptions fo;
    fo.width = spec.width;
    fo.height = spec.height;
    fo.scale = spec.scale;
    fo.background = *parseBackground(spec.background);
    fo.labels = spec.labels;
    r.figure = test::figureRenderer()->render(r.list.items, r.camera, fo, draw::figureCallouts(r.list, r.camera));
    return r;
}

FigureSpec piriformisFigure(int w = 480, int h = 270) {
    FigureSpec s;
    s.width = w;
    s.height = h;
    s.view = "lateral-right";
    s.pose = "hip_flexion_r=90";
    s.highlight = {"piriformis"};
    s.labels = true;
    s.background = "transparent";
    return s;
}

void checkGolden(const std::string& name, const scene::Image& actual) {
    const std::string golden = std::string(HV_SOURCE_DIR) + "/tests/render/golden/" + name + ".png";
    if (std::getenv("HV_UPDATE_GOLDEN")) {
        REQUIRE(test::writePng(golden, actual));
        MESSAGE("wrote " << golden << ": open it and look at it before committing");
        return;
    }
    scene::Image expected;
    REQUIRE_MESSAGE(test::readPng(golden, expected), "missing golden image " << golden
                                                                            << " (HV_UPDATE_GOLDEN=1 creates it)");
    const test::ImageDiff d = test::compareImages(expected, actual);
    const std::string out = std::string(HV_BINARY_DIR) + "/tests/render/" + name + ".actual.png";
    if (d.meanAbs > 1.5 || d.fractionOver > 0.01) test::writePng(out, actual);
    INFO("golden " << golden << " vs " << out << ": mean |diff| " << d.meanAbs << ", pixels over 24: " << d.fractionOver * 100 << "%");
    // Tolerant of small shading changes, not of a different picture.
    CHECK(d.meanAbs <= 1.5);
    CHECK(d.fractionOver <= 0.01);
}

} // namespace

TEST_CASE("the same figure renders to the same bytes twice") {
    if (!test::figureRenderer()) return;
    const Rendered a = renderSpec(piriformisFigure());
    const Rendered b = renderSpec(piriformisFigure());
    CHECK(a.figure.image.rgba == b.figure.image.rgba);
}

TEST_CASE("golden: anterior view of the whole model") {
    if (!test::figureRenderer()) return;
    FigureSpec s;
    s.width = 480;
    s.height = 270;
    checkGolden("anterior", renderSpec(s).figure.image);
}

TEST_CASE("golden: piriformis highlighted and labelled with the right hip flexed 90 degrees") {
    if (!test::figureRenderer()) return;
    checkGolden("piriformis_flexed", renderSpec(piriformisFigure()).figure.image);
}

TEST_CASE("golden: gluteal muscles from behind with gluteus medius highlighted and wrap surfaces shown") {
    if (!test::figureRenderer()) return;
    FigureSpec s;
    s.width = 480;
    s.height = 270;
    s.view = "posterior";
    s.show = {"bones", "gluteals", "wraps"};
    s.highlight = {"gluteus_medius"};
    s.labels = true;
    s.background = "#203040";
    checkGolden("gluteals_posterior", renderSpec(s).figure.image);
}

TEST_CASE("the piriformis label points at piriformis: its colour is where the leader ends") {
    if (!test::figureRenderer()) return;
    const Rendered r = renderSpec(piriformisFigure(960, 540));
    REQUIRE(r.figure.labels.size() == 1);
    const auto& label = r.figure.labels[0];
    CHECK(label.text == "Piriformis");
    // The pixels around the anchor (outside the dot drawn on it) are piriformis' amber.
    const glm::vec3 expected = muscleColor(test::projectContent(), "piriformis");
    double expectedHue = 0, expectedSat = 0;
    const std::uint8_t ref[4] = {static_cast<std::uint8_t>(linearToSrgb(expected.r) * 255),
                                 static_cast<std::uint8_t>(linearToSrgb(expected.g) * 255),
                                 static_cast<std::uint8_t>(linearToSrgb(expected.b) * 255), 255};
    test::hueSat(ref, expectedHue, expectedSat);
    int matching = 0, looked = 0;
    for (int dy = -14; dy <= 14; dy += 2)
        for (int dx = -14; dx <= 14; dx += 2) {
            if (dx * dx + dy * dy < 10 * 10) continue; // the dot
            const int x = static_cast<int>(label.anchor.x) + dx, y = static_cast<int>(label.anchor.y) + dy;
            if (x < 0 || y < 0 || x >= 960 || y >= 540) continue;
            const std::uint8_t* p = test::pixel(r.figure.image, x, y);
            double hue = 0, sat = 0;
            test::hueSat(p, hue, sat);
            ++looked;
            if (p[3] == 255 && std::abs(hue - expectedHue) < 15.0 && sat > 0.35) ++matching;
        }
    INFO("pixels near the anchor with piriformis' hue: " << matching << " of " << looked);
    CHECK(matching > looked / 3);
    // And the id buffer agrees: the anchor is a piriformis pixel.
    const auto ids = test::figureRenderer()->renderer().renderIds(r.list.items, r.camera, 960, 540);
    const std::uint32_t id = ids[static_cast<std::size_t>(static_cast<int>(label.anchor.y) * 960 + static_cast<int>(label.anchor.x))];
    const PickTarget* t = r.list.target(id);
    REQUIRE(t != nullptr);
    CHECK(t->muscleId == "piriformis");
}

TEST_CASE("a transparent background is transparent in every corner and the figure opaque") {
    if (!test::figureRenderer()) return;
    const Rendered r = renderSpec(piriformisFigure());
    const scene::Image& im = r.figure.image;
    for (const auto& [x, y] : {std::pair{0, 0}, {im.width - 1, 0}, {0, im.height - 1}, {im.width - 1, im.height - 1}})
        CHECK(test::pixel(im, x, y)[3] == 0);
    int opaque = 0;
    for (std::size_t i = 3; i < im.rgba.size(); i += 4) opaque += im.rgba[i] == 255 ? 1 : 0;
    CHECK(opaque > 2000);
}

TEST_CASE("a background colour fills the corners exactly") {
    if (!test::figureRenderer()) return;
    FigureSpec s;
    s.width = 320;
    s.height = 200;
    s.background = "#336699";
    const scene::Image im = renderSpec(s).figure.image;
    const std::uint8_t* p = test::pixel(im, 0, 0);
    CHECK(int(p[0]) == 0x33);
    CHECK(int(p[1]) == 0x66);
    CHECK(int(p[2]) == 0x99);
    CHECK(int(p[3]) == 255);
}

TEST_CASE("labels stay inside the image and never overlap, with many muscles highlighted") {
    if (!test::figureRenderer()) return;
    FigureSpec s;
    s.width = 800;
    s.height = 450;
    s.view = "posterior";
    s.highlight = {"gluteus_maximus", "gluteus_medius", "piriformis", "semitendinosus", "biceps_femoris_long_head",
                   "adductor_magnus", "gracilis", "quadratus_femoris", "tensor_fasciae_latae"};
    s.labels = true;
    const Rendered r = renderSpec(s);
    CHECK(r.figure.labels.size() >= 6);
    for (std::size_t i = 0; i < r.figure.labels.size(); ++i) {
        const auto& a = r.figure.labels[i];
        CHECK(a.boxMin.x >= 0);
        CHECK(a.boxMin.y >= 0);
        CHECK(a.boxMax.x <= 800);
        CHECK(a.boxMax.y <= 450);
        for (std::size_t j = 0; j < i; ++j) {
            const auto& b = r.figure.labels[j];
            CHECK(!(a.boxMin.x < b.boxMax.x && b.boxMin.x < a.boxMax.x && a.boxMin.y < b.boxMax.y && b.boxMin.y < a.boxMax.y));
        }
    }
}

TEST_CASE("supersampling gives the requested size and the same picture, smoother") {
    if (!test::figureRenderer()) return;
    FigureSpec s;
    s.width = 320;
    s.height = 180;
    const scene::Image one = renderSpec(s).figure.image;
    s.scale = 2;
    const scene::Image two = renderSpec(s).figure.image;
    REQUIRE(two.width == 320);
    REQUIRE(two.height == 180);
    const test::ImageDiff d = test::compareImages(one, two, 64);
    CHECK(d.meanAbs < 6.0);
    CHECK(d.fractionOver < 0.03);
}

// Regression: with the default (skinned) skeleton every bone counted as "extent unknown", and
// the label columns went to the image's edges, far from the figure.
TEST_CASE("with the default model, labels sit beside the figure, not at the image's edges") {
    if (!test::figureRenderer()) return;
    const std::string path = std::string(HV_SOURCE_DIR) + "/assets/hip.glb";
    io::ModelLoad load = io::loadModel(path);
    if (!load.scene) {
        MESSAGE("skipped: " << path << " not available");
        return;
    }
    const Content& content = test::projectContent();
    const AnatomyDrawer drawer(content, std::make_shared<const scene::Scene>(std::move(*load.scene)));
    FigureSpec s;
    s.width = 960;
    s.height = 540;
    s.view = "posterior";
    s.highlight = {"gluteus_maximus", "semitendinosus", "gracilis"};
    s.labels = true;
    const DrawList list = drawer.build(content.model.defaultPose(), figureDrawOptions(s, content));
    render::FigureOptions fo;
    fo.width = 960;
    fo.height = 540;
    fo.labels = true;
    const gfx::Camera camera = figureCamera(s, gfx::focusBounds(list.items));
    const render::Figure fig = test::figureRenderer()->render(list.items, camera, fo, draw::figureCallouts(list, camera));
    REQUIRE(fig.labels.size() == 3);
    for (const auto& l : fig.labels) {
        INFO(l.text);
        const float gap = std::min(std::abs(l.boxMax.x - l.anchor.x), std::abs(l.boxMin.x - l.anchor.x));
        CHECK(gap < 0.25f * 960.0f);
    }
}
