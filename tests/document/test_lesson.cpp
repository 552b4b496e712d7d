// Lesson files (document/lesson.hpp): the shipped lessons read cleanly, every kind of bad input
// gives one message at its line and field, a step sets the document's state, and the transitions
// between steps move smoothly.
#include "document/lesson.hpp"

#include "core/math.hpp"
#include "document/document_fixture.hpp"

#include <cmath>
#include <filesystem>

using namespace hv;
using namespace hv::doc;
using hv::test::has;

namespace {

Document makeDocument() { return Document(test::uiContent(), &test::uiMovements(), test::kNoDefaultModel); }

LessonLoad parse(const std::string& text) { return parseLessonText(text, "l.toml", test::uiContent(), &test::uiMovements()); }

const std::string kHead = "schema = \"hipview-lesson 1\"\ntitle = \"T\"\n";

// The one diagnostic of a lesson that has exactly one problem.
Diagnostic only(const LessonLoad& load) {
    REQUIRE_MESSAGE(load.diagnostics.size() == 1, formatAll(load.diagnostics));
    CHECK(!load.lesson);
    return load.diagnostics[0];
}

} // namespace

TEST_CASE("the shipped lessons read without a problem and in plain words") {
    for (const char* name : {"piriformis_role.toml", "stiff_hip_low_back.toml", "pelvic_tilt.toml"}) {
        const std::filesystem::path path = std::filesystem::path(HV_SOURCE_DIR) / "content/lessons" / name;
        CHECK(isLessonFile(path));
        const LessonLoad load = loadLessonFile(path, test::uiContent(), &test::uiMovements());
        REQUIRE_MESSAGE(load.lesson, formatAll(load.diagnostics));
        CHECK(load.lesson->steps.size() >= 3);
        for (const LessonStep& s : load.lesson->steps) {
            CHECK(s.wording == Wording::Plain);
            CHECK(!s.caption.empty());
            CHECK(draw::validateFigure(s.figure, &test::uiContent()).empty());
        }
    }
}

TEST_CASE("a good lesson gives each step its view, pose, selection, colour and caption") {
    const LessonLoad load = parse(kHead + "wording = \"plain\"\n"
                                          "[[step]]\nview = \"posterior\"\nselect = \"piriformis_r\"\ncaption = \"one\\ntwo\"\n"
                                          "[[step]]\ncamera = [120, 15, 1.6]\npose = \"hip_flexion_r=90\"\ncolour = \"role\"\n"
                                          "wording = \"anatomical\"\n"
                                          "[[step]]\nview = \"lateral-right\"\nmovement = \"hip-hinge\"\nat = 2\n"
                                          "restrict = [\"hip_flexion=:25\"]\n");
    REQUIRE_MESSAGE(load.lesson, formatAll(load.diagnostics));
    const Lesson& l = *load.lesson;
    REQUIRE(l.steps.size() == 3);
    CHECK(l.title == "T");
    CHECK(l.steps[0].figure.view == "posterior");
    CHECK(!l.steps[0].figure.camera);
    REQUIRE(l.steps[0].select);
    CHECK(l.steps[0].select->muscleId == "piriformis");
    CHECK(l.steps[0].select->side == Side::Right);
    CHECK(l.steps[0].figure.highlight == std::vector<std::string>{"piriformis_r"});
    CHECK(l.steps[0].caption == "one\ntwo");
    CHECK(l.steps[0].wording == Wording::Plain);
    CHECK(l.steps[0].figure.line == 4);
    REQUIRE(l.steps[1].figure.camera);
    CHECK(l.steps[1].figure.camera->azimuthDeg == 120.0);
    CHECK(l.steps[1].figure.pose == "hip_flexion_r=90");
    CHECK(l.steps[1].figure.colour == "role");
    CHECK(l.steps[1].wording == Wording::Anatomical);
    CHECK(l.steps[2].figure.movement == "hip-hinge");
    CHECK(l.steps[2].figure.at == 2.0);
    CHECK(l.steps[2].figure.restrict == std::vector<std::string>{"hip_flexion=:25"});
}

TEST_CASE("a step without a view or camera is one message at the step's line") {
    const Diagnostic d = only(parse(kHead + "[[step]]\nview = \"anterior\"\n[[step]]\npose = \"hip_flexion_r=30\"\n"));
    CHECK(d.file == "l.toml");
    CHECK(d.line == 5);
    CHECK(d.field == "step[2].view");
    CHECK(has(d.message, "needs a view"));
    CHECK(has(d.message, "lateral-right"));
}

TEST_CASE("an unknown view, muscle or movement gives one message each at its own line, with the valid names") {
    const LessonLoad load = parse(kHead + "[[step]]\nview = \"lateral-rigth\"\n"
                                          "[[step]]\nview = \"anterior\"\nselect = \"piriformiss\"\n"
                                          "[[step]]\nview = \"anterior\"\nmovement = \"hip-hnge\"\nat = 1\n");
    REQUIRE_MESSAGE(load.diagnostics.size() == 3, formatAll(load.diagnostics));
    CHECK(!load.lesson);
    CHECK(load.diagnostics[0].line == 4);
    CHECK(load.diagnostics[0].field == "step[1].view");
    CHECK(has(load.diagnostics[0].message, "lateral-right"));
    CHECK(load.diagnostics[1].line == 7);
    CHECK(load.diagnostics[1].field == "step[2].select");
    CHECK(has(load.diagnostics[1].message, "piriformis"));
    CHECK(load.diagnostics[2].line == 10);
    CHECK(load.diagnostics[2].field == "step[3].movement");
    CHECK(has(load.diagnostics[2].message, "hip-hinge"));
}

TEST_CASE("bad numbers are reported at their line: camera distance and elevation, a time, a pose value") {
    const LessonLoad load = parse(kHead + "[[step]]\ncamera = [0, 95, -1]\n"
                                          "[[step]]\nview = \"anterior\"\nmovement = \"hip-hinge\"\nat = -3\n"
                                          "[[step]]\nview = \"anterior\"\npose = \"hip_flexion_r=abc\"\n");
    REQUIRE_MESSAGE(load.diagnostics.size() == 4, formatAll(load.diagnostics));
    CHECK(load.diagnostics[0].line == 4);
    CHECK(load.diagnostics[0].field == "step[1].camera");
    CHECK(load.diagnostics[1].line == 4);
    CHECK(load.diagnostics[1].field == "step[1].camera");
    CHECK(load.diagnostics[2].line == 8);
    CHECK(load.diagnostics[2].field == "step[2].at");
    CHECK(load.diagnostics[3].line == 11);
    CHECK(load.diagnostics[3].field == "step[3].pose");
}

TEST_CASE("a figure field the window cannot show is an unknown key of a step") {
    CHECK(only(parse(kHead + "[[step]]\nview = \"anterior\"\nshow = [\"bones\"]\n")).field == "step[1].show");
}

TEST_CASE("a mistyped key, a wrong schema, a missing title, a long caption and no steps are each reported") {
    CHECK(has(only(parse(kHead + "[[step]]\nview = \"anterior\"\ncaptoin = \"x\"\n")).message, "caption"));
    const Diagnostic schema = only(parse("schema = \"hipview-figures 1\"\ntitle = \"T\"\n[[step]]\nview = \"anterior\"\n"));
    CHECK(schema.field == "schema");
    CHECK(schema.line == 1);
    CHECK(only(parse("schema = \"hipview-lesson 1\"\n[[step]]\nview = \"anterior\"\n")).field == "title");
    const Diagnostic caption = only(parse(kHead + "[[step]]\nview = \"anterior\"\ncaption = \"1\\n2\\n3\\n4\\n5\"\n"));
    CHECK(caption.field == "step[1].caption");
    CHECK(has(caption.message, "at most 4"));
    CHECK(only(parse(kHead)).field == "step");
    CHECK(!parse(kHead + "[[step]]\nview = \"anterior\"\nplay = true\n").lesson); // play without a movement
    CHECK(!parse("schema = \"hipview-lesson 1\"\ntitle = \"T\n").lesson);       // not TOML
}

TEST_CASE("a lesson is told apart from a scene file by its schema line or its steps") {
    CHECK(looksLikeLesson(kHead));
    CHECK(looksLikeLesson("# comment\ntitle = \"x\"\n[[step]]\n"));
    CHECK(!looksLikeLesson("schema = \"hipview-figures 1\"\n[[figure]]\noutput = \"a.png\"\n"));
    CHECK(!isLessonFile("/no/such/lesson.toml"));
}

TEST_CASE("applying a step sets the pose, selection, colours, wording and movement, and a bad step changes nothing") {
    const LessonLoad load = parse(kHead + "[[step]]\nview = \"posterior\"\npose = \"hip_flexion_r=90\"\nselect = \"piriformis\"\n"
                                          "colour = \"role\"\nwording = \"plain\"\nlabels = false\n"
                                          "[[step]]\nview = \"lateral-right\"\nmovement = \"hip-hinge\"\nplay = true\n");
    REQUIRE_MESSAGE(load.lesson, formatAll(load.diagnostics));
    Document d = makeDocument();
    REQUIRE(applyLessonStep(d, load.lesson->steps[0]).empty());
    CHECK(d.manualPose[static_cast<std::size_t>(test::coord("hip_flexion_r"))] == doctest::Approx(toRadians(90)));
    CHECK(d.selection.muscleId == "piriformis");
    CHECK(d.selection.bothSides);
    CHECK(d.colourMode == draw::ColourMode::Role);
    CHECK(d.wording == Wording::Plain);
    CHECK(!d.layers.labels);
    CHECK(!d.activeMovement());
    REQUIRE(applyLessonStep(d, load.lesson->steps[1]).empty());
    REQUIRE(d.activeMovement());
    CHECK(d.activeMovement()->id == "hip-hinge");
    CHECK(d.playback.playing);
    CHECK(d.selection.empty());
    CHECK(d.layers.labels);

    LessonStep bad = load.lesson->steps[0];
    bad.figure.movement = "no-such-movement";
    const Diagnostics diags = applyLessonStep(d, bad);
    CHECK(!diags.empty());
    CHECK(d.activeMovement());          // kept what it had
    CHECK(d.selection.empty());
}

TEST_CASE("a step's camera is its standard view fitted to the scene or its orbit camera around the scene's centre") {
    scene::Bounds b;
    b.add(glm::vec3(-0.2f, 0.5f, -0.1f));
    b.add(glm::vec3(0.2f, 1.3f, 0.1f));
    LessonStep step;
    step.figure.view = "posterior";
    const OrbitCamera from;
    const OrbitCamera c = stepCamera(step, b, 16.0f / 9.0f, from);
    CHECK(c.azimuthDeg == doctest::Approx(180.0));
    CHECK(c.target.y == doctest::Approx(0.9f).epsilon(0.05));
    CHECK(c.distance > 0.5);
    step.figure.camera = draw::OrbitSpec{120.0, 15.0, 1.6, std::nullopt};
    const OrbitCamera o = stepCamera(step, b, 16.0f / 9.0f, from);
    CHECK(o.azimuthDeg == 120.0);
    CHECK(o.elevationDeg == 15.0);
    CHECK(o.distance == 1.6);
    CHECK(o.target.y == doctest::Approx(0.9f));
}

TEST_CASE("transitions ease from one step to the next: the camera the short way round, the pose in between") {
    OrbitCamera a, b;
    a.azimuthDeg = 350.0;
    b.azimuthDeg = 30.0;
    a.distance = 1.0;
    b.distance = 4.0;
    b.elevationDeg = 40.0;
    const OrbitCamera mid = interpolateCamera(a, b, 0.5);
    CHECK(mid.azimuthDeg == doctest::Approx(10.0)); // through 0, not through 180
    CHECK(mid.elevationDeg == doctest::Approx(20.0));
    CHECK(mid.distance == doctest::Approx(2.0)); // geometric
    CHECK(interpolateCamera(a, b, 0.0).azimuthDeg == doctest::Approx(350.0));
    CHECK(interpolateCamera(a, b, 1.0) == b);
    CHECK(easeInOut(0.1) < 0.1); // slow start
    CHECK(easeInOut(0.9) > 0.9); // slow end
    CHECK(easeInOut(-1.0) == 0.0);
    CHECK(easeInOut(2.0) == 1.0);
    const std::vector<double> p0{0.0, 1.0}, p1{1.0, 3.0};
    const std::vector<double> pm = interpolatePose(p0, p1, 0.5);
    CHECK(pm[0] == doctest::Approx(0.5));
    CHECK(pm[1] == doctest::Approx(2.0));
    CHECK(interpolatePose(p0, p1, 0.25)[0] < 0.25);
}
