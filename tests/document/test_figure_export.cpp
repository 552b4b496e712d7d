#include "document/figure_export.hpp"

#include "document/document_fixture.hpp"

using namespace hv;
using namespace hv::doc;
using hv::test::has;

namespace {
Document makeDocument() { return Document(test::uiContent(), &test::uiMovements(), test::kNoDefaultModel); }
} // namespace

TEST_CASE("the current view becomes a valid figure that reads back the same: camera, pose, highlight") {
    Document d = makeDocument();
    d.select({"piriformis", Side::Right, false});
    d.manualPose[static_cast<std::size_t>(test::coord("hip_flexion_r"))] = toRadians(90);
    OrbitCamera cam;
    cam.setView(draw::StandardView::LateralRight);
    cam.distance = 1.1;
    cam.target = {0.0f, 0.9f, 0.05f};
    FigureExportOptions o;
    o.output = "piriformis.png";
    o.width = 1000;
    o.height = 700;
    std::vector<std::string> notes;
    const draw::FigureSpec spec = figureFromView(d, cam, o, notes);
    CHECK(notes.empty());
    CHECK(draw::validateFigure(spec, &test::uiContent()).empty());
    CHECK(spec.pose == "hip_flexion_r=90");
    REQUIRE(spec.highlight.size() == 1);
    CHECK(spec.highlight[0] == "piriformis_r");
    CHECK(spec.show.empty());
    CHECK(spec.model.empty());

    const std::string text = draw::figureFileText(std::vector<draw::FigureSpec>{spec});
    const draw::FigureFileLoad load = draw::parseFigureText(text, "view.toml", "/tmp", &test::uiContent());
    REQUIRE_MESSAGE(load.figures, formatAll(load.diagnostics));
    REQUIRE(load.figures->size() == 1);
    const draw::FigureSpec& back = (*load.figures)[0];
    REQUIRE(back.camera);
    CHECK(back.camera->azimuthDeg == doctest::Approx(90.0));
    CHECK(back.camera->distance == doctest::Approx(1.1));
    REQUIRE(back.camera->target);
    CHECK(back.camera->target->z == doctest::Approx(0.05f));
    CHECK(back.width == 1000);
    CHECK(back.pose == "hip_flexion_r=90");
    CHECK(back.output == "/tmp/piriformis.png");
}

TEST_CASE("a playing movement is written as the movement and its time, what figures cannot carry is noted") {
    Document d = makeDocument();
    REQUIRE(d.startMovement("figure-4"));
    d.playback.playing = false;
    d.seek(1.5);
    d.colourMode = draw::ColourMode::Stretch;
    std::vector<std::string> notes;
    const draw::FigureSpec spec = figureFromView(d, OrbitCamera{}, {}, notes);
    CHECK(spec.movement == "figure-4");
    CHECK(spec.at == doctest::Approx(1.5));
    CHECK(spec.pose.empty());
    REQUIRE(notes.size() == 1);
    CHECK(has(notes[0], "colours"));

    d.playback.gluteusMediusStrength = 0.5;
    notes.clear();
    const draw::FigureSpec posed = figureFromView(d, OrbitCamera{}, {}, notes);
    CHECK(posed.movement.empty());
    CHECK_FALSE(posed.pose.empty());
    CHECK(notes.size() == 2);
}

TEST_CASE("layers become a show list only when they differ from the default") {
    const Content& c = test::uiContent();
    LayerState l;
    CHECK(showList(c, l, false).empty());
    l.hiddenGroups = {"hamstrings"};
    const auto s = showList(c, l, false);
    CHECK(std::find(s.begin(), s.end(), "bones") != s.end());
    CHECK(std::find(s.begin(), s.end(), "hamstrings") == s.end());
    CHECK(std::find(s.begin(), s.end(), "gluteals") != s.end());
    std::string error;
    CHECK(draw::parseShowList(c, s, error));
    l = {};
    l.bones = false;
    const auto m = showList(c, l, true);
    CHECK(m == std::vector<std::string>{"muscles", "model"});
}
