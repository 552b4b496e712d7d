// The moment arm drawn: the axis, the line of action and their common perpendicular agree with
// the core's -dL/dq (the drawing shows the mechanics, not a picture of it), and the drawer adds
// the drawing and its callout for a figure spec's moment_arm.
#include "anatomy_draw/moment_arm_drawing.hpp"

#include "anatomy_draw/anatomy_drawer.hpp"
#include "anatomy_draw/figure_spec.hpp"
#include "content/content_fixture.hpp"
#include "core/moment_arm.hpp"
#include "core/roles.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace hv;
using namespace hv::draw;

namespace {

std::vector<double> flexed(const Model& model, double degrees) {
    std::vector<double> q = model.defaultPose();
    q[static_cast<std::size_t>(model.findCoordinate("hip_flexion_r"))] = toRadians(degrees);
    return q;
}

} // namespace

TEST_CASE("piriformis' drawn moment arm about hip rotation turns the thigh out standing and in at 90 degrees of flexion") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    const int piri = model.findMuscle("piriformis", Side::Right);
    const int rot = model.findCoordinate("hip_rotation_r");
    REQUIRE(piri >= 0);
    for (double deg : {0.0, 90.0}) {
        CAPTURE(deg);
        const auto g = momentArmGeometry(model, {piri, 0}, rot, flexed(model, deg));
        REQUIRE(g);
        CHECK(glm::length(g->axis) == doctest::Approx(1.0));
        // The perpendicular is perpendicular to both lines.
        const Vec3 perp = g->footOnLine - g->footOnAxis, u = glm::normalize(g->lineTo - g->lineFrom);
        CHECK(std::abs(glm::dot(perp, g->axis)) < 1e-9);
        CHECK(std::abs(glm::dot(perp, u)) < 1e-9);
        // The drawn segment gives the core's number (piriformis is straight across the joint).
        CHECK(g->straightMomentArm == doctest::Approx(g->momentArm).epsilon(0.05));
        // Its length times the sine between the lines is that moment arm.
        const double sine = glm::length(glm::cross(g->axis, u));
        CHECK(glm::length(perp) * sine == doctest::Approx(std::abs(g->momentArm)).epsilon(0.01));
        if (deg == 0.0) {
            CHECK(g->momentArm < -0.015); // external rotation, about 26 mm
            CHECK(std::abs(g->axis.y) > 0.9); // standing, hip rotation turns about the vertical
        } else {
            CHECK(g->momentArm > 0.010); // internal rotation, about 19 mm
        }
    }
}

TEST_CASE("the drawn line of action gives the sign of the core's moment arm for every hip muscle wherever it is clear") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    int compared = 0, agreed = 0;
    for (double deg : {0.0, 45.0, 90.0}) {
        const std::vector<double> q = flexed(model, deg);
        for (std::size_t m = 0; m < model.muscles.size(); ++m) {
            if (model.muscles[m].side != Side::Right) continue;
            for (std::size_t p = 0; p < model.muscles[m].parts.size(); ++p)
                for (int c : hipCoordinates(model, Side::Right)) {
                    const auto g = momentArmGeometry(model, {static_cast<int>(m), static_cast<int>(p)}, c, q);
                    if (!g || std::abs(g->momentArm) < 0.005) continue;
                    ++compared;
                    agreed += (g->straightMomentArm > 0.0) == (g->momentArm > 0.0);
                }
        }
    }
    CHECK(compared > 200);
    // Wrapped paths bend across the joint, so the straight segment's number can differ from
    // -dL/dq; its sense must not, or the arrow would contradict the label.
    CHECK(agreed == compared);
    MESSAGE("the drawn sign agrees with -dL/dq in " << agreed << " of " << compared << " clear cases");
}

TEST_CASE("a figure's moment_arm draws the axis, the line, the perpendicular and the arrow with a callout in words") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    FigureSpec spec;
    spec.output = "m.png";
    spec.highlight = {"piriformis_r"};
    spec.momentArm = "hip_rotation";
    spec.labels = true;
    CHECK(validateFigure(spec, &content).empty());
    const DrawOptions o = figureDrawOptions(spec, content);
    REQUIRE(o.momentArm);
    CHECK(o.momentArm->muscleId == "piriformis");
    CHECK(o.momentArm->axis == MomentArmAxis{false, HipDof::Rotation, LumbarDof::Flexion});
    CHECK(o.layers.ghostBones); // the axis runs inside the femoral head
    const AnatomyDrawer drawer(content);
    for (double deg : {0.0, 90.0}) {
        const DrawList list = drawer.build(flexed(model, deg), o);
        const LabelAnchor* anchor = nullptr;
        for (const LabelAnchor& a : list.labels)
            if (a.muscleId == "moment_arm:piriformis") anchor = &a;
        REQUIRE(anchor);
        CHECK(anchor->text.find(deg == 0.0 ? "external rotation" : "internal rotation") != std::string::npos);
        CHECK(anchor->text.find(" mm") != std::string::npos);
        CHECK(anchor->pickIds.size() == 4);
    }
    spec.momentArm = "hip_twist";
    CHECK(formatAll(validateFigure(spec, &content)).find("moment_arm") != std::string::npos);
    spec.momentArm = "hip_flexion";
    spec.highlight.clear();
    CHECK(formatAll(validateFigure(spec, &content)).find("needs a highlighted muscle") != std::string::npos);
    spec.highlight = {"gluteus_medius"};
    const FigureFileLoad back = parseFigureText(figureFileText({&spec, 1}), "m.toml", ".", &content);
    REQUIRE(back.figures);
    CHECK(back.figures->at(0).momentArm == "hip_flexion");
}

TEST_CASE("a trunk muscle's moment arm is drawn about a lumbar level: rectus abdominis flexes and the erector spinae extend") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    const auto q = model.defaultPose();
    // The level chosen is one the part crosses, with the largest moment arm of those levels.
    const MomentArmAxis flexion{true, HipDof::Rotation, LumbarDof::Flexion};
    const int ra = model.findMuscle("rectus_abdominis", Side::Right);
    REQUIRE(ra >= 0);
    const int c = momentArmCoordinate(model, {ra, 0}, flexion, q);
    REQUIRE(c >= 0);
    CHECK(model.coordinates[static_cast<std::size_t>(c)].name.find("_flexion") != std::string::npos);
    for (int other : lumbarCoordinates(model, LumbarDof::Flexion))
        CHECK(std::abs(momentArm(model, {ra, 0}, q, other)) <= std::abs(momentArm(model, {ra, 0}, q, c)));
    // a hip muscle crosses no lumbar level; a trunk muscle no hip of its side
    CHECK(momentArmCoordinate(model, {model.findMuscle("piriformis", Side::Right), 0}, flexion, q) == -1);

    const AnatomyDrawer drawer(content);
    for (const auto& [muscle, word] : {std::pair{"rectus_abdominis_r", "flexion"}, std::pair{"longissimus_thoracis_r", "extension"}}) {
        FigureSpec spec;
        spec.output = "m.png";
        spec.highlight = {muscle};
        spec.momentArm = "lumbar_flexion";
        spec.labels = true;
        CAPTURE(muscle);
        CHECK(validateFigure(spec, &content).empty());
        const DrawOptions o = figureDrawOptions(spec, content);
        REQUIRE(o.momentArm);
        CHECK(o.momentArm->axis == flexion);
        const DrawList list = drawer.build(q, o);
        const LabelAnchor* anchor = nullptr;
        for (const LabelAnchor& a : list.labels)
            if (a.muscleId.rfind("moment_arm:", 0) == 0) anchor = &a;
        REQUIRE(anchor);
        CAPTURE(anchor->text);
        CHECK(anchor->text.find(" mm at L") != std::string::npos);
        CHECK(anchor->text.find(word) != std::string::npos);
    }
    CHECK(momentArmAxisFromName("lumbar_bending") == MomentArmAxis{true, HipDof::Rotation, LumbarDof::Bending});
    CHECK(momentArmAxisName(*momentArmAxisFromName("hip_adduction")) == "hip_adduction");
    CHECK_FALSE(momentArmAxisFromName("lumbar_twist"));
}

TEST_CASE("a figure's peel and attachments survive a scene file and a bad peel is reported") {
    const Content& content = test::projectContent();
    FigureSpec spec;
    spec.output = "p.png";
    spec.peel = 2;
    spec.attachments = true;
    CHECK(validateFigure(spec, &content).empty());
    CHECK(figureDrawOptions(spec, content).layers.peel == 2);
    CHECK(figureDrawOptions(spec, content).attachments);
    const FigureFileLoad back = parseFigureText(figureFileText({&spec, 1}), "p.toml", ".", &content);
    REQUIRE(back.figures);
    CHECK(back.figures->at(0).peel == 2);
    CHECK(back.figures->at(0).attachments);
    spec.peel = 7;
    CHECK(formatAll(validateFigure(spec, &content)).find("peel: must be a layer from 0") != std::string::npos);
}
