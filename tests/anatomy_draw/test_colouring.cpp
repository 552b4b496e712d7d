// Muscle and lumbar colours are draw options: the drawer applies them while it builds the list.
#include "anatomy_draw/colouring.hpp"

#include "anatomy_draw/anatomy_drawer.hpp"
#include "anatomy_draw/colour_science.hpp"
#include "anatomy_draw/callout_planner.hpp"
#include "anatomy_draw/palette.hpp"
#include "movement/stretch_map.hpp"
#include "content/content_fixture.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace hv;
using namespace hv::draw;
using hv::gfx::DrawItem;

namespace {

// The items of one muscle part in `list`.
std::vector<const DrawItem*> itemsOf(const DrawList& list, int muscle, int part) {
    std::vector<const DrawItem*> out;
    for (const DrawItem& i : list.items) {
        const PickTarget* t = list.target(i.pickId);
        if (t && t->kind == PickTarget::Kind::MusclePart && t->part.muscle == muscle && t->part.part == part) out.push_back(&i);
    }
    return out;
}

const DrawItem* boneItem(const DrawList& list, int body) {
    for (const DrawItem& i : list.items) {
        const PickTarget* t = list.target(i.pickId);
        if (t && t->kind == PickTarget::Kind::Bone && t->body == body) return &i;
    }
    return nullptr;
}

} // namespace

TEST_CASE("the stretch colours are neutral when unchanged, warm when lengthened, blue when shortened, stronger with more change") {
    const glm::vec3 none = stretchColour(0.0);
    CHECK(stretchColour(0.5) == none);
    const glm::vec3 longer = stretchColour(10.0), shorter = stretchColour(-10.0);
    CHECK(longer.r > longer.b);
    CHECK(shorter.b > shorter.r);
    CHECK(glm::length(stretchColour(14.0) - none) > glm::length(stretchColour(4.0) - none));
    CHECK(stretchColour(100.0) == stretchColour(kStretchFullScalePercent));
}

TEST_CASE("every action has its own colour") {
    const Action all[] = {Action::None, Action::Flexor, Action::Extensor, Action::Adductor, Action::Abductor,
                          Action::InternalRotator, Action::ExternalRotator};
    for (std::size_t i = 0; i < std::size(all); ++i)
        for (std::size_t j = i + 1; j < std::size(all); ++j) CHECK(glm::length(roleColour(all[i]) - roleColour(all[j])) > 0.05f);
}

TEST_CASE("colour mode names read back to their modes and an unknown name is refused") {
    for (const std::string& n : colourModeNames()) {
        const auto m = colourModeFromName(n);
        REQUIRE(m.has_value());
        CHECK(colourModeName(*m) == n);
    }
    CHECK_FALSE(colourModeFromName("rainbow").has_value());
}

TEST_CASE("the drawer colours a muscle part by its role or its stretch from the part states, other parts keep their group colour") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    const AnatomyDrawer drawer(content);
    const int pir = model.findMuscle("piriformis", Side::Right);
    const int gmax = model.findMuscle("gluteus_maximus", Side::Right);
    REQUIRE(pir >= 0);
    REQUIRE(gmax >= 0);
    const auto q = model.defaultPose();

    movement::PartState s;
    s.part = {pir, 0};
    s.changePercent = 12.0;
    s.role = {Action::Flexor, Action::Abductor, Action::ExternalRotator};

    DrawOptions groups;
    const DrawList g = drawer.build(q, groups);
    REQUIRE_FALSE(itemsOf(g, pir, 0).empty());
    CHECK(glm::vec3(itemsOf(g, pir, 0)[0]->material.baseColor) == muscleColor(content, "piriformis"));

    DrawOptions role;
    role.colouring = {ColourMode::Role, HipDof::Rotation, {s}, {}};
    const DrawList r = drawer.build(q, role);
    CHECK(glm::vec3(itemsOf(r, pir, 0)[0]->material.baseColor) == roleColour(Action::ExternalRotator));
    // The second cue: an external rotator is plain, an abductor (the negative sense too) plain,
    // a flexor banded; outside the role mode nothing is banded.
    CHECK_FALSE(itemsOf(r, pir, 0)[0]->material.banded);
    role.colouring.roleDof = HipDof::Flexion;
    CHECK(itemsOf(drawer.build(q, role), pir, 0)[0]->material.banded);
    CHECK_FALSE(itemsOf(g, pir, 0)[0]->material.banded);
    // A part without a state keeps its group colour.
    CHECK(glm::vec3(itemsOf(r, gmax, 0)[0]->material.baseColor) == muscleColor(content, "gluteus_maximus"));
    role.colouring.roleDof = HipDof::Adduction;
    CHECK(glm::vec3(itemsOf(drawer.build(q, role), pir, 0)[0]->material.baseColor) == roleColour(Action::Abductor));

    DrawOptions stretch;
    stretch.colouring = {ColourMode::Stretch, HipDof::Rotation, {s}, {}};
    CHECK(glm::vec3(itemsOf(drawer.build(q, stretch), pir, 0)[0]->material.baseColor) == stretchColour(12.0));
    // Group mode ignores states.
    groups.colouring.parts = {s};
    CHECK(glm::vec3(itemsOf(drawer.build(q, groups), pir, 0)[0]->material.baseColor) == muscleColor(content, "piriformis"));
}

TEST_CASE("the lumbar level that took most of a movement is tinted most, a still spine is not tinted") {
    const Content& content = test::projectContent();
    const Model& m = content.model;
    const AnatomyDrawer drawer(content); // stand-in bones include L1..L5
    const auto q = m.defaultPose();
    movement::LumbarShares shares;
    const char* names[] = {"L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2"};
    for (std::size_t i = 0; i < 5; ++i) shares.levels[i].name = names[i];
    DrawOptions still;
    still.lumbarTint = LumbarTint{shares, movement::Plane::Sagittal};
    const DrawList plain = drawer.build(q, DrawOptions{});
    const DrawList stillList = drawer.build(q, still);
    for (const char* v : {"L1", "L5"}) {
        REQUIRE(boneItem(stillList, m.findBody(v)) != nullptr);
        CHECK(boneItem(stillList, m.findBody(v))->material.baseColor == boneItem(plain, m.findBody(v))->material.baseColor);
    }

    for (std::size_t i = 0; i < 5; ++i) {
        shares.levels[i].deg[0] = 10.0 - 2.0 * static_cast<double>(i);
        shares.levels[i].share[0] = 0.2 - 0.03 * static_cast<double>(i);
    }
    DrawOptions moved;
    moved.lumbarTint = LumbarTint{shares, movement::Plane::Sagittal};
    const DrawList list = drawer.build(q, moved);
    const auto distance = [&](const char* v) {
        return glm::length(glm::vec3(boneItem(list, m.findBody(v))->material.baseColor) - boneColor());
    };
    CHECK(levelBody(m, "L5-S1") == m.findBody("L5"));
    CHECK(levelBody(m, "nonsense") == -1);
    CHECK(distance("L5") > distance("L1")); // L5-S1 took most
    CHECK(distance("L1") > 0.01f);
    // The femur is no lumbar level.
    CHECK(boneItem(list, m.findBody("femur_r"))->material.baseColor == boneItem(plain, m.findBody("femur_r"))->material.baseColor);
}

TEST_CASE("a movement's tint uses the plane in which the lumbar spine moved most") {
    movement::LumbarShares shares;
    shares.planes[0].lumbarDeg = 2.0;
    shares.planes[1].lumbarDeg = 9.0;
    shares.planes[2].lumbarDeg = 4.0;
    CHECK(lumbarTintOf(shares).plane == movement::kPlanes[1]);
}

TEST_CASE("while the lumbar levels are tinted the trunk muscles over them are ghosted and the hip muscles are not") {
    const Content& content = test::projectContent();
    const Model& m = content.model;
    const AnatomyDrawer drawer(content);
    const auto q = m.defaultPose();
    movement::LumbarShares shares;
    const char* names[] = {"L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2"};
    for (std::size_t i = 0; i < 5; ++i) {
        shares.levels[i].name = names[i];
        shares.levels[i].deg[0] = 5.0;
        shares.levels[i].share[0] = 0.2;
    }
    DrawOptions tinted;
    tinted.lumbarTint = LumbarTint{shares, movement::Plane::Sagittal};
    const int obliqueR = m.findMuscle("external_oblique", Side::Right), piriR = m.findMuscle("piriformis", Side::Right);
    REQUIRE(obliqueR >= 0);
    const DrawList plain = drawer.build(q, DrawOptions{}), list = drawer.build(q, tinted);
    REQUIRE_FALSE(itemsOf(list, obliqueR, 0).empty());
    CHECK((itemsOf(plain, obliqueR, 0)[0]->flags & gfx::kGhosted) == 0);
    CHECK((itemsOf(list, obliqueR, 0)[0]->flags & gfx::kGhosted) != 0);
    CHECK((itemsOf(list, piriR, 0)[0]->flags & gfx::kGhosted) == 0);
}

TEST_CASE("the stretch scale tells 16 percent from 45 percent and keeps about the same within the unchanged band") {
    const auto lab = [](double pct) { return linearToLab(glm::dvec3(stretchColour(pct))); };
    const double d = ciede2000(lab(16.0), lab(45.0));
    MESSAGE("CIEDE2000 between +16 % and +45 %: " << d);
    CHECK(d > 10.0);
    CHECK(ciede2000(lab(-16.0), lab(-45.0)) > 10.0);
    CHECK(ciede2000(lab(10.0), lab(20.0)) > 5.0);
    CHECK(stretchColour(movement::kUnchangedPercent * 0.99) == stretchColour(0.0));
    CHECK(stretchColour(-movement::kUnchangedPercent * 0.99) == stretchColour(0.0));
    CHECK(stretchColour(movement::kUnchangedPercent * 1.5) != stretchColour(0.0));
    // Each stop is its stated colour; the scale is full at its last stop.
    for (const StretchStop& s : kStretchScale)
        if (s.percent != 0.0) CHECK(stretchColour(s.percent) == srgbHex(s.srgb));
    CHECK(kStretchFullScalePercent == std::end(kStretchScale)[-1].percent);
    CHECK(stretchColour(45.0) == stretchColour(kStretchFullScalePercent));
}

TEST_CASE("the stretch legend lists every stop of the one scale with its percentage, longest first") {
    const auto legend = stretchLegend();
    REQUIRE(legend.size() == std::size(kStretchScale));
    CHECK(legend.front().text == "40 % longer or more");
    CHECK(legend.back().text == "40 % shorter or more");
    bool neutral = false;
    for (std::size_t i = 0; i < legend.size(); ++i) {
        const StretchStop& stop = kStretchScale[legend.size() - 1 - i];
        INFO(legend[i].text);
        CHECK(legend[i].colour == stretchColour(stop.percent));
        if (stop.percent == 0.0) {
            neutral = true;
            CHECK(legend[i].text == "about the same (within 1 %)");
        } else {
            const std::string pct = std::to_string(std::lround(std::abs(stop.percent))) + " % ";
            CHECK(legend[i].text.rfind(pct + (stop.percent > 0 ? "longer" : "shorter"), 0) == 0);
        }
    }
    CHECK(neutral);
}

TEST_CASE("in the stretch mode a highlighted muscle's callout says how much longer than standing it is, and a pin still wins") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    const AnatomyDrawer drawer(content);
    const int pir = model.findMuscle("piriformis", Side::Right);
    REQUIRE(pir >= 0);
    std::vector<double> q = model.defaultPose();
    q[static_cast<std::size_t>(model.findCoordinate("hip_flexion_r"))] = toRadians(110.0);
    q[static_cast<std::size_t>(model.findCoordinate("hip_rotation_r"))] = toRadians(-40.0);
    movement::StretchMap map(model);
    const double pct = map.muscleChangePercent(pir, q);
    REQUIRE(pct > 2.0);
    DrawOptions o;
    o.highlight = {{"piriformis", Side::Right, {}}};
    o.colouring = {ColourMode::Stretch, HipDof::Rotation, map.evaluate(q), {}};
    const DrawList list = drawer.build(q, o);
    REQUIRE(list.labels.size() == 1);
    CHECK(list.labels[0].text == "Piriformis");
    CHECK(list.labels[0].detail == movement::lengthChangeWords(pct));
    CHECK(list.labels[0].detail.find("% longer than standing") != std::string::npos);
    // The planner joins them; with both sides labelled a figure's callout names the side its number is for.
    const gfx::Camera cam = gfx::frameBounds(gfx::framingBounds(list.items), gfx::orbitDirection(180.0, 0.0), 16.0f / 9.0f);
    const auto size = [](std::string_view t) { return glm::vec2(7.0f * static_cast<float>(t.size()), 20.0f); };
    CalloutPlanParams pp;
    pp.size = glm::vec2(1600.0f, 900.0f);
    const gfx::CalloutPlan one = planCallouts(list, cam, IdImage{{}, 1600, 900}, size, pp);
    REQUIRE(one.callouts.size() == 1);
    CHECK(one.callouts[0].text == "Piriformis: " + movement::lengthChangeWords(pct));
    o.highlight = {{"piriformis", std::nullopt, {}}};
    const DrawList both = drawer.build(q, o);
    REQUIRE(both.labels.size() == 2);
    for (const gfx::LabelCallout& c : planCallouts(both, cam, IdImage{{}, 1600, 900}, size, pp).callouts) {
        const LabelAnchor& a = both.labels[c.source];
        CHECK(c.text == std::string(a.side == Side::Right ? "Piriformis (right): " : "Piriformis (left): ") + a.detail);
    }
    // Groups mode: the name alone; a pin replaces the text whatever the mode.
    o.colouring.mode = ColourMode::Groups;
    CHECK(drawer.build(q, o).labels[0].text == "Piriformis");
    CHECK(drawer.build(q, o).labels[0].detail.empty());
    o.colouring.mode = ColourMode::Stretch;
    o.highlight = {{"piriformis", Side::Right, "A"}};
    CHECK(drawer.build(q, o).labels[0].text == "A");
    CHECK(drawer.build(q, o).labels[0].detail.empty());
}

namespace {
// Shares of a spine that moved `degPerLevel` at every level in `plane`, none taken up.
movement::LumbarShares evenShares(double degPerLevel, movement::Plane plane, double hipDeg) {
    movement::LumbarShares s;
    const char* names[] = {"L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2"};
    const auto p = static_cast<std::size_t>(plane);
    for (std::size_t i = 0; i < 5; ++i) {
        s.levels[i].name = names[i];
        s.levels[i].deg[p] = degPerLevel;
    }
    s.planes[p].hipDeg = hipDeg;
    s.planes[p].lumbarDeg = 5.0 * degPerLevel;
    s.planes[p].defined = hipDeg + 5.0 * degPerLevel >= movement::kShareMinTotalDeg;
    s.planes[p].lumbarShare = s.planes[p].defined ? s.planes[p].lumbarDeg / (hipDeg + s.planes[p].lumbarDeg) : 0.0;
    return s;
}
} // namespace

TEST_CASE("the lumbar gauge is absolute: a 5 degree turn stays faint where a 45 degree rounded bend glows, in stated bands") {
    const Content& content = test::projectContent();
    const Model& m = content.model;
    const int l3 = m.findBody("L3");
    REQUIRE(l3 >= 0);
    // Both spread evenly over the levels, so the old relative tint made them look the same.
    const LumbarTint turn{evenShares(1.0, movement::Plane::Transverse, 55.0), movement::Plane::Transverse};
    const LumbarTint bend{evenShares(9.0, movement::Plane::Sagittal, 15.0), movement::Plane::Sagittal};
    const float turnAmount = lumbarTintAmounts(m, turn)[static_cast<std::size_t>(l3)];
    const float bendAmount = lumbarTintAmounts(m, bend)[static_cast<std::size_t>(l3)];
    CHECK(turnAmount == doctest::Approx(lumbarBand(5.0)->amount));
    CHECK(bendAmount == doctest::Approx(1.0f));
    CHECK(bendAmount > 2.5f * turnAmount);
    CHECK(lumbarBand(0.3) == nullptr);
    CHECK(std::string(lumbarBand(5.0)->word) == "small");
    CHECK(std::string(lumbarBand(45.0)->word) == "large");
    CHECK(lumbarGaugeText(turn) == "Low back: 8 % of this bend, 5 deg (small)");
    CHECK(lumbarGaugeText(bend) == "Low back: 75 % of this bend, 45 deg (large)");
    // Under the first band: no tint and no words.
    const LumbarTint still{evenShares(0.05, movement::Plane::Sagittal, 0.1), movement::Plane::Sagittal};
    CHECK(lumbarTintAmounts(m, still)[static_cast<std::size_t>(l3)] == 0.0f);
    CHECK(lumbarGaugeText(still).empty());
}

TEST_CASE("lumbar motion taken up for a restricted hip is tinted as compensation, motion the movement asks for in amber") {
    const Content& content = test::projectContent();
    const Model& m = content.model;
    LumbarTint tint{evenShares(6.0, movement::Plane::Sagittal, 25.0), movement::Plane::Sagittal};
    for (const glm::vec3& c : lumbarTintColours(m, tint)) CHECK(c == lumbarTintColour());
    tint.shares.levels[0].takenUpDeg[0] = 4.0; // L5-S1 moved for the stiff hip
    const auto colours = lumbarTintColours(m, tint);
    CHECK(colours[static_cast<std::size_t>(m.findBody("L5"))] == lumbarCompensationColour());
    CHECK(colours[static_cast<std::size_t>(m.findBody("L1"))] == lumbarTintColour());
    CHECK(ciede2000(linearToLab(glm::dvec3(lumbarTintColour())), linearToLab(glm::dvec3(lumbarCompensationColour()))) > 20.0);
    CHECK(lumbarGaugeText(tint).find("partly taken up for the stiff hip") != std::string::npos);
    // The drawer paints the level in its colour.
    const AnatomyDrawer drawer(content);
    DrawOptions o;
    o.lumbarTint = tint;
    const DrawList list = drawer.build(m.defaultPose(), o);
    const glm::vec3 l5 = glm::vec3(boneItem(list, m.findBody("L5"))->material.baseColor);
    const glm::vec3 l1 = glm::vec3(boneItem(list, m.findBody("L1"))->material.baseColor);
    CHECK(glm::length(l5 - lumbarCompensationColour()) < glm::length(l5 - lumbarTintColour()));
    CHECK(glm::length(l1 - lumbarTintColour()) < glm::length(l1 - lumbarCompensationColour()));
}

TEST_CASE("the pelvis mode colours each part by the sign of its closed-chain tilt moment arm, banded when it tips forward") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    const AnatomyDrawer drawer(content);
    const int ili = model.findMuscle("iliacus", Side::Right);
    const int gmax = model.findMuscle("gluteus_maximus", Side::Right);
    const int pir = model.findMuscle("piriformis", Side::Right);
    REQUIRE(ili >= 0);
    REQUIRE(gmax >= 0);
    REQUIRE(pir >= 0);
    const auto q = model.defaultPose();
    DrawOptions o;
    o.colouring.mode = ColourMode::Pelvis;
    // Moment arms in metres: 20 mm forward, 30 mm back, 0.5 mm (inside the 1 mm dead zone).
    o.colouring.pelvis = {{{ili, 0}, 0.020}, {{gmax, 0}, -0.030}, {{pir, 0}, 0.0005}};
    const DrawList list = drawer.build(q, o);
    REQUIRE_FALSE(itemsOf(list, ili, 0).empty());
    CHECK(glm::vec3(itemsOf(list, ili, 0)[0]->material.baseColor) == pelvicTiltColour(PelvicTilt::Forward));
    CHECK(itemsOf(list, ili, 0)[0]->material.banded);
    CHECK(glm::vec3(itemsOf(list, gmax, 0)[0]->material.baseColor) == pelvicTiltColour(PelvicTilt::Back));
    CHECK_FALSE(itemsOf(list, gmax, 0)[0]->material.banded);
    CHECK(glm::vec3(itemsOf(list, pir, 0)[0]->material.baseColor) == pelvicTiltColour(PelvicTilt::None));
    // A part without an entry keeps its group colour.
    CHECK(glm::vec3(itemsOf(list, gmax, 1)[0]->material.baseColor) == muscleColor(content, "gluteus_maximus"));
    // The words and the dead zone.
    CHECK(pelvicTiltOf(0.0009) == PelvicTilt::None);
    CHECK(pelvicTiltOf(0.001) == PelvicTilt::Forward);
    CHECK(pelvicTiltOf(-0.002) == PelvicTilt::Back);
    CHECK(colourModeFromName("pelvis") == ColourMode::Pelvis);
    const auto legend = pelvicLegend();
    REQUIRE(legend.size() == 3);
    CHECK(legend[0].text == "tips the pelvis forward");
    CHECK(legend[1].text == "tips the pelvis back");
    CHECK(pelvicLegend(true)[1].text == "tucks your pelvis under");
    CHECK(legend[0].colour == pelvicTiltColour(PelvicTilt::Forward));
}
