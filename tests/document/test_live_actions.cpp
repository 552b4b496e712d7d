#include "document/live_actions.hpp"

#include "document/document_fixture.hpp"
#include "document/wording.hpp"

#include <algorithm>
#include <cmath>

using namespace hv;
using namespace hv::doc;

namespace {
std::vector<double> flexed(double deg, Side side = Side::Right) {
    const Model& m = test::uiContent().model;
    std::vector<double> q = m.defaultPose();
    q[static_cast<std::size_t>(test::coord(side == Side::Right ? "hip_flexion_r" : "hip_flexion_l"))] = toRadians(deg);
    return q;
}
const ActionBar& rotationBar(const std::vector<PartActions>& a) { return a.at(0).bars[2]; }
} // namespace

TEST_CASE("piriformis' rotation bar flips from external to internal between hip flexion 0 and 90") {
    const Model& m = test::uiContent().model;
    const int piri = m.findMuscle("piriformis", Side::Right);
    REQUIRE(piri >= 0);
    PathEvaluator eval(m);
    eval.setPose(flexed(0));
    const auto neutral = liveActions(m, eval, piri);
    REQUIRE(neutral.size() == m.muscles[static_cast<std::size_t>(piri)].parts.size());
    CHECK(rotationBar(neutral).dof == HipDof::Rotation);
    CHECK(rotationBar(neutral).coordinate == test::coord("hip_rotation_r"));
    CHECK(rotationBar(neutral).momentArmMm < -1.0);
    CHECK(rotationBar(neutral).action == Action::ExternalRotator);
    CHECK(rotationBar(neutral).word == "external rotator");

    eval.setPose(flexed(90));
    const auto flexedBars = liveActions(m, eval, piri);
    CHECK(rotationBar(flexedBars).momentArmMm > 1.0);
    CHECK(rotationBar(flexedBars).action == Action::InternalRotator);
    CHECK(rotationBar(flexedBars).word == "internal rotator");
}

TEST_CASE("a muscle with several parts gets one row of three bars per part, named") {
    const Model& m = test::uiContent().model;
    const int gmed = m.findMuscle("gluteus_medius", Side::Right);
    REQUIRE(gmed >= 0);
    const std::size_t parts = m.muscles[static_cast<std::size_t>(gmed)].parts.size();
    REQUIRE(parts > 1);
    PathEvaluator eval(m);
    eval.setPose(m.defaultPose());
    const auto a = liveActions(m, eval, gmed);
    REQUIRE(a.size() == parts);
    for (const auto& p : a) {
        CHECK_FALSE(p.name.empty());
        // Every part of gluteus medius abducts at neutral.
        CHECK(p.bars[1].action == Action::Abductor);
    }
    CHECK(liveActions(m, eval, -1).empty());
    CHECK(liveActions(m, eval, 100000).empty());
}

TEST_CASE("the left muscle's bars use the left hip's coordinates") {
    const Model& m = test::uiContent().model;
    const int piri = m.findMuscle("piriformis", Side::Left);
    PathEvaluator eval(m);
    eval.setPose(flexed(90, Side::Left));
    const auto a = liveActions(m, eval, piri);
    CHECK(rotationBar(a).coordinate == test::coord("hip_rotation_l"));
    CHECK(rotationBar(a).action == Action::InternalRotator);
}

TEST_CASE("bar lengths are the moment arm over full scale, clamped to one") {
    CHECK(barFraction(30.0) == doctest::Approx(0.5));
    CHECK(barFraction(-90.0) == doctest::Approx(-1.0));
    CHECK(barFraction(10.0, 0.0) == 0.0);
    CHECK(barFraction(std::nan("")) == 0.0);
}

TEST_CASE("piriformis' rotation plot crosses zero once between 40 and 70 degrees of flexion, marked") {
    const Model& m = test::uiContent().model;
    const int piri = m.findMuscle("piriformis", Side::Right);
    const std::vector<double> q = flexed(30);
    const MomentArmPlot p = momentArmPlot(m, q, {piri, 0}, HipDof::Rotation);
    const Coordinate& flex = m.coordinates[static_cast<std::size_t>(test::coord("hip_flexion_r"))];
    REQUIRE(p.flexionDeg.size() > 20);
    CHECK(p.flexionDeg.size() == p.momentArmMm.size());
    CHECK(p.flexionDeg.front() == doctest::Approx(toDegrees(flex.minValue)));
    CHECK(p.flexionDeg.back() == doctest::Approx(toDegrees(flex.maxValue)));
    REQUIRE(p.crossovers.size() == 1);
    const Crossover& x = p.crossovers[0];
    CHECK(x.flexionDeg > 40.0);
    CHECK(x.flexionDeg < 70.0);
    CHECK(x.from == Action::ExternalRotator);
    CHECK(x.to == Action::InternalRotator);
    CHECK(p.currentDeg == doctest::Approx(30.0));
    CHECK(p.currentMm < 0.0); // still external at 30 degrees
    CHECK(p.minMm <= p.currentMm);
    CHECK(p.maxMm >= 0.0);
    // Samples on each side of the crossover have opposite signs.
    for (std::size_t i = 0; i < p.flexionDeg.size(); ++i) {
        if (p.flexionDeg[i] < x.flexionDeg - 5.0 && p.flexionDeg[i] > 0.0) CHECK(p.momentArmMm[i] < 0.0);
        if (p.flexionDeg[i] > x.flexionDeg + 5.0) CHECK(p.momentArmMm[i] > 0.0);
    }
}

TEST_CASE("a plot of a bad part is empty") {
    const Model& m = test::uiContent().model;
    const MomentArmPlot p = momentArmPlot(m, m.defaultPose(), {0, 999}, HipDof::Flexion);
    CHECK(p.flexionDeg.empty());
    CHECK(p.crossovers.empty());
}

TEST_CASE("the pelvic bars: iliacus tips the pelvis forward, each gluteus maximus part tips it back, quadratus lumborum hikes its side") {
    const Model& m = test::uiContent().model;
    const auto q = m.defaultPose();
    const auto ili = pelvicActions(m, q, m.findMuscle("iliacus", Side::Right));
    REQUIRE(ili.size() == 1);
    CHECK(ili[0].bars[0].dof == PelvisDof::Tilt);
    CHECK(ili[0].bars[0].momentArmMm > 1.0);
    CHECK(ili[0].bars[0].word == "tips forward");
    const auto gmax = pelvicActions(m, q, m.findMuscle("gluteus_maximus", Side::Right));
    REQUIRE(gmax.size() == 3);
    for (const PartPelvicActions& pa : gmax) {
        INFO(pa.name);
        CHECK_FALSE(pa.name.empty());
        CHECK(pa.bars[0].word == "tips back");
    }
    const auto ql = pelvicActions(m, q, m.findMuscle("quadratus_lumborum", Side::Left));
    REQUIRE_FALSE(ql.empty());
    CHECK(ql[0].bars[1].dof == PelvisDof::Obliquity);
    CHECK(ql[0].bars[1].word == "hikes left");
    CHECK(pelvicActions(m, q, -1).empty());
    CHECK(pelvicActions(m, q, static_cast<int>(m.muscles.size())).empty());
    // The colour mode's tilts: one per part of the model, the same numbers as the bars (m vs mm).
    const auto tilts = pelvicTilts(m, q);
    CHECK(tilts.size() == m.allParts().size());
    for (const draw::PartPelvicTilt& t : tilts)
        if (t.part == ili[0].part) CHECK(t.momentArm * 1000.0 == doctest::Approx(ili[0].bars[0].momentArmMm));
}

namespace {
const PartLumbarActions& strongest(const std::vector<PartLumbarActions>& parts, LumbarDof dof) {
    REQUIRE_FALSE(parts.empty());
    const auto d = static_cast<std::size_t>(dof);
    return *std::max_element(parts.begin(), parts.end(), [&](const PartLumbarActions& a, const PartLumbarActions& b) {
        return std::abs(a.bars[d].momentArmMm) < std::abs(b.bars[d].momentArmMm);
    });
}
} // namespace

TEST_CASE("multifidus gets three lumbar bars per part summed over the levels it crosses and extends the low back") {
    const Model& m = test::uiContent().model;
    const int mf = m.findMuscle("multifidus", Side::Right);
    REQUIRE(mf >= 0);
    CHECK(isTrunkMuscle(m, mf));
    const auto parts = lumbarActions(m, m.defaultPose(), mf);
    REQUIRE(parts.size() == m.muscles[static_cast<std::size_t>(mf)].parts.size());
    for (const PartLumbarActions& p : parts) {
        CHECK(p.bars[0].dof == LumbarDof::Flexion);
        CHECK(p.bars[1].dof == LumbarDof::Bending);
        CHECK(p.bars[2].dof == LumbarDof::Rotation);
        CHECK(p.bars[0].momentArmMm < -1.0);
        CHECK(p.bars[0].role == "extensor");
        CHECK(lumbarBarWord(p.bars[0], Wording::Anatomical) == "extends the low back");
        CHECK(p.lowestLevel >= 0);
        CHECK(p.highestLevel >= p.lowestLevel);
        CHECK_FALSE(levelSpan(p).empty());
    }
}

TEST_CASE("the right quadratus lumborum bends the trunk to the right and the left one to the left") {
    const Model& m = test::uiContent().model;
    const int qr = m.findMuscle("quadratus_lumborum", Side::Right), ql = m.findMuscle("quadratus_lumborum", Side::Left);
    REQUIRE(qr >= 0);
    REQUIRE(ql >= 0);
    const auto r = lumbarActions(m, m.defaultPose(), qr), l = lumbarActions(m, m.defaultPose(), ql);
    const LumbarBar& br = strongest(r, LumbarDof::Bending).bars[1];
    const LumbarBar& bl = strongest(l, LumbarDof::Bending).bars[1];
    CHECK(br.momentArmMm > 1.0);
    CHECK(lumbarBarWord(br, Wording::Anatomical) == "bends the trunk to the right");
    CHECK(bl.momentArmMm < -1.0);
    CHECK(lumbarBarWord(bl, Wording::Anatomical) == "bends the trunk to the left");
    // The iliocostal fibres run from the pelvis to the 12th rib: all five levels, summed.
    CHECK(levelSpan(r.front()) == "L5-S1 to L1-L2");
}

TEST_CASE("the right external oblique turns the trunk to the left") {
    const Model& m = test::uiContent().model;
    const int eo = m.findMuscle("external_oblique", Side::Right);
    REQUIRE(eo >= 0);
    const auto parts = lumbarActions(m, m.defaultPose(), eo);
    const LumbarBar& b = strongest(parts, LumbarDof::Rotation).bars[2];
    CHECK(b.momentArmMm > 1.0);
    CHECK(b.role == "left rotator");
    CHECK(lumbarBarWord(b, Wording::Anatomical) == "turns the trunk to the left");
}

TEST_CASE("a hip muscle and psoas major get no lumbar bars and a bad index gets none") {
    const Model& m = test::uiContent().model;
    const int piri = m.findMuscle("piriformis", Side::Right);
    REQUIRE(piri >= 0);
    CHECK_FALSE(isTrunkMuscle(m, piri));
    CHECK(lumbarActions(m, m.defaultPose(), piri).empty());
    const int psoas = m.findMuscle("psoas", Side::Right);
    if (psoas >= 0) CHECK_FALSE(isTrunkMuscle(m, psoas));
    CHECK(lumbarActions(m, m.defaultPose(), -1).empty());
    CHECK(lumbarActions(m, m.defaultPose(), 100000).empty());
}

TEST_CASE("multifidus' flexion moment arm is plotted against lumbar flexion through the pose and stays an extensor") {
    const Model& m = test::uiContent().model;
    const int mf = m.findMuscle("multifidus", Side::Right);
    REQUIRE(mf >= 0);
    const std::vector<double> q = m.defaultPose();
    const LumbarMomentArmPlot p = lumbarMomentArmPlot(m, q, {mf, 0}, LumbarDof::Flexion, 2.0);
    REQUIRE(p.flexionDeg.size() > 5);
    CHECK(p.flexionDeg.size() == p.momentArmMm.size());
    CHECK(std::is_sorted(p.flexionDeg.begin(), p.flexionDeg.end()));
    CHECK(p.flexionDeg.front() < p.currentDeg);
    CHECK(p.flexionDeg.back() > p.currentDeg);
    CHECK(p.currentMm < -1.0);
    CHECK(p.crossovers.empty());
    for (double v : p.momentArmMm) CHECK(v < 0.0);
    CHECK(p.minMm <= p.currentMm);
    CHECK(lumbarMomentArmPlot(m, q, {mf, 1000}, LumbarDof::Flexion).flexionDeg.empty());
}
