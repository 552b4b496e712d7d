// Compare mode's rules (document/compare.hpp) and the document's normal side played in step.
#include "document/compare.hpp"
#include "document/document.hpp"
#include "document/start_state.hpp"

#include "document/document_fixture.hpp"

#include "core/units.hpp"

using namespace hv;
using namespace hv::doc;
using hv::test::has;

namespace {

std::vector<movement::HipLimit> limits(const std::string& text) {
    std::string error;
    const auto l = movement::parseHipRestriction(test::uiContent().model, text, error);
    REQUIRE_MESSAGE(l, error);
    return *l;
}

const movement::Movement& movementNamed(const std::string& id) {
    const movement::Movement* m = test::uiMovements().find(id);
    REQUIRE_MESSAGE(m, "no movement " << id);
    return *m;
}

} // namespace

TEST_CASE("one rule picks the number: the pelvic drop for a one-legged movement with a weak gluteus medius, else the low-back share") {
    const auto weak = movement::GluteusMediusStrength::both(0.3);
    CHECK(compareNumberOf(movementNamed("single-leg-stance"), weak) == CompareNumber::PelvicDrop);
    CHECK(compareNumberOf(movementNamed("single-leg-stance"), {}) == CompareNumber::LowBackShare);
    CHECK(compareNumberOf(movementNamed("hip-hinge"), weak) == CompareNumber::LowBackShare);
    CHECK(compareNumberOf(movementNamed("hip-hinge"), {}) == CompareNumber::LowBackShare);
    CHECK(compareNumberName(CompareNumber::PelvicDrop) == "pelvic_drop");
}

TEST_CASE("there is something to compare only with a hip limit or a gluteus medius under full strength") {
    CHECK_FALSE(hasSomethingToCompare({}, {}));
    CHECK(hasSomethingToCompare(limits("hip_flexion=:25"), {}));
    CHECK(hasSomethingToCompare({}, movement::GluteusMediusStrength{1.0, 0.4}));
}

TEST_CASE("the compared side is labelled in words from its limits and strengths, or by its profile's title") {
    const Model& model = test::uiContent().model;
    CHECK(comparedLabel(model, limits("hip_flexion=:25"), {}) == "Hip flexion limited to 25 deg");
    CHECK(comparedLabel(model, limits("hip_flexion_r=-10:25"), {}) == "Right hip flexion limited to -10 to 25 deg");
    CHECK(comparedLabel(model, {}, movement::GluteusMediusStrength::both(0.3)) == "Gluteus medius at 30 % strength");
    CHECK(comparedLabel(model, {}, movement::GluteusMediusStrength{1.0, 0.4}) == "Left gluteus medius at 40 % strength");
    CHECK(comparedLabel(model, limits("hip_flexion_l=:40"), movement::GluteusMediusStrength::both(0.5)) ==
          "Left hip flexion limited to 40 deg; Gluteus medius at 50 % strength");
    CHECK(comparedLabel(model, limits("hip_flexion=:25"), {}, "Mrs K, left hip replacement") == "Mrs K, left hip replacement");
    CHECK(comparedLabel(model, {}, {}) == kNormalLabel);
}

TEST_CASE("in compare mode the hip hinge restricted to 25 deg flexion plays beside a normal one at the same time, the low back taking more") {
    Document doc(test::uiContent(), &test::uiMovements(), test::kNoDefaultModel);
    doc.setHipLimits(limits("hip_flexion=:25"));
    REQUIRE(doc.startMovement("hip-hinge"));
    CHECK_FALSE(doc.normalSample()); // compare mode is off
    CHECK_FALSE(doc.compareNumbers());
    doc.playback.compare = true;
    doc.seek(2.2); // the hold at the bottom of the hinge
    REQUIRE(doc.comparing());
    const movement::PoseSample* normal = doc.normalSample();
    REQUIRE(normal);
    REQUIRE(doc.sample());
    CHECK(normal->time == doctest::Approx(doc.sample()->time));
    const auto flexion = static_cast<std::size_t>(test::coord("hip_flexion_r"));
    CHECK(toDegrees(normal->q[flexion]) > 60.0);
    CHECK(toDegrees(doc.sample()->q[flexion]) <= 25.0 + 1e-6);
    const auto numbers = doc.compareNumbers();
    REQUIRE(numbers);
    CHECK(numbers->kind == CompareNumber::LowBackShare);
    CHECK(numbers->plane == movement::Plane::Sagittal);
    REQUIRE(numbers->compared.defined);
    CHECK(numbers->compared.value > numbers->normal.value + 0.2);
    CHECK(has(numbers->compared.text, "Low back: "));
    CHECK(has(numbers->compared.text, " % of the bend"));
    CHECK(doc.comparedSideLabel() == "Hip flexion limited to 25 deg");
    // The normal side's list is drawn and differs from the compared one (another pose).
    const draw::DrawList& n = doc.normalDrawList();
    CHECK_FALSE(n.items.empty());
    const auto revision = doc.revision();
    doc.drawList();
    doc.seek(1.0);
    doc.drawList();
    CHECK(doc.revision() > revision);
    // Without a limit there is nothing to compare against: the normal side goes.
    doc.setHipLimits({});
    doc.advance(0.0);
    CHECK_FALSE(doc.comparing());
    CHECK_FALSE(doc.normalSample());
}

TEST_CASE("single-leg stance with gluteus medius at 30 % compares the pelvic drop with a level normal pelvis") {
    Document doc(test::uiContent(), &test::uiMovements(), test::kNoDefaultModel);
    doc.playback.gluteusMediusStrength = movement::GluteusMediusStrength::both(0.3);
    doc.playback.compare = true;
    REQUIRE(doc.startMovement("single-leg-stance"));
    doc.seek(4.0);
    const auto numbers = doc.compareNumbers();
    REQUIRE(numbers);
    CHECK(numbers->kind == CompareNumber::PelvicDrop);
    CHECK(numbers->compared.value > 5.0);
    CHECK(numbers->normal.value < 1.0);
    CHECK(has(numbers->compared.text, "Pelvic drop: "));
    CHECK(has(numbers->compared.text, " deg"));
}

TEST_CASE("--compare needs a movement and something to compare against, and says so") {
    StartOptions o;
    o.compare = true;
    std::vector<std::string> errors;
    CHECK_FALSE(resolveStartState(test::uiContent(), &test::uiMovements(), o, errors));
    REQUIRE(errors.size() == 1);
    CHECK(has(errors[0], "--compare: needs --movement"));
    errors.clear();
    o.movement = "hip-hinge";
    CHECK_FALSE(resolveStartState(test::uiContent(), &test::uiMovements(), o, errors));
    REQUIRE(errors.size() == 1);
    CHECK(has(errors[0], "--compare: nothing to compare with normal"));
    CHECK(has(errors[0], "--restrict"));
    errors.clear();
    o.restrict = {"hip_flexion=:25"};
    const auto s = resolveStartState(test::uiContent(), &test::uiMovements(), o, errors);
    REQUIRE(s);
    CHECK(s->compare);
    // A bad restriction gets its own message, not a second one about comparing.
    errors.clear();
    o.restrict = {"hip_flexion=:999"};
    CHECK_FALSE(resolveStartState(test::uiContent(), &test::uiMovements(), o, errors));
    REQUIRE(errors.size() == 1);
    CHECK(has(errors[0], "--restrict"));
}
