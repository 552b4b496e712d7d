#include "document/figure_export.hpp"

#include "core/math.hpp"
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

TEST_CASE("a movement is written with its time, restricted hip and gluteus medius strength, and the colours, bone shape and side go with it") {
    Document d = makeDocument();
    REQUIRE(d.startMovement("hip-hinge"));
    d.playback.playing = false;
    d.seek(1.5);
    d.colourMode = draw::ColourMode::Role;
    d.roleDof = HipDof::Adduction;
    d.playback.restriction[0][0] = {true, 0.0, 25.0}; // right hip flexion 0..25 deg
    d.playback.gluteusMediusStrength = movement::GluteusMediusStrength::both(0.5);
    d.layers.sides = draw::SideFilter::LeftOnly;
    BoneParameters p = d.content().boneParameters.defaults();
    p.anteversion = toRadians(25.0);
    d.setBoneParameters(p);
    std::vector<std::string> notes;
    const draw::FigureSpec spec = figureFromView(d, OrbitCamera{}, {}, notes);
    CHECK(notes.empty());
    CHECK(spec.movement == "hip-hinge");
    CHECK(spec.at == doctest::Approx(1.5));
    CHECK(spec.pose.empty());
    CHECK(spec.colour == "role");
    CHECK(spec.roleCoordinate == "hip_adduction");
    REQUIRE(spec.restrict.size() == 1);
    CHECK(spec.restrict[0] == "hip_flexion_r=0:25");
    CHECK(spec.gluteusMediusStrength.left == doctest::Approx(0.5));
    CHECK(spec.side == "left");
    CHECK(has(spec.anatomy, "anteversion=25"));
    CHECK(draw::validateFigure(spec, &d.baseContent()).empty());

    // Read back into another document: the same state.
    Document e = makeDocument();
    REQUIRE(applyFigure(e, spec).empty());
    CHECK(e.colourMode == draw::ColourMode::Role);
    CHECK(e.roleDof == HipDof::Adduction);
    CHECK(e.playback.movementId == "hip-hinge");
    CHECK(e.playback.time == doctest::Approx(1.5));
    CHECK(e.playback.gluteusMediusStrength.left == doctest::Approx(0.5));
    CHECK(e.playback.restriction[0][0].enabled);
    CHECK(e.playback.restriction[0][0].maxDeg == doctest::Approx(25.0));
    CHECK_FALSE(e.playback.restriction[1][0].enabled);
    CHECK(e.boneParameters().anteversion == doctest::Approx(toRadians(25.0)));
    const auto qa = d.pose(), qb = e.pose();
    REQUIRE(qa.size() == qb.size());
    for (std::size_t i = 0; i < qa.size(); ++i) CHECK(qa[i] == doctest::Approx(qb[i]).epsilon(1e-9));
}

TEST_CASE("a figure that names something unknown changes nothing in the document and names each field") {
    Document d = makeDocument();
    draw::FigureSpec spec;
    spec.movement = "no-such-movement";
    spec.colour = "rainbow";
    spec.restrict = {"knee_angle_r=0:10"};
    spec.anatomy = "anteversion=abc";
    const Diagnostics diags = applyFigure(d, spec);
    std::string all;
    for (const Diagnostic& x : diags) all += x.field + ": " + x.message + "\n";
    CAPTURE(all);
    CHECK(has(all, "movement: "));
    CHECK(has(all, "colour: "));
    CHECK(has(all, "restrict: "));
    CHECK(has(all, "anatomy: "));
    CHECK(d.colourMode == draw::ColourMode::Groups);
    CHECK(d.playback.movementId.empty());
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
