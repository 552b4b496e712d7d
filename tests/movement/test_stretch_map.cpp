// The stretch map is computed from the muscle paths: each stretch lengthens the muscles it is
// known for, compared with neutral standing.
#include "movement_fixture.hpp"

#include "movement/stretch_map.hpp"

using namespace hv;
using namespace hv::movement;

namespace {

const Model& model() { return hv::test::content().model; }

// Force-weighted length change (percent of the neutral length) of a muscle at a movement's time.
double changeAt(const std::string& movementId, double t, const std::string& muscleId, Side side) {
    StretchMap map(model());
    const PoseSample s = samplePose(model(), hv::test::movementById(movementId), t);
    return map.muscleChangePercent(hv::test::muscle(muscleId, side), s.q);
}

PartState stateAt(const std::string& movementId, double t, const std::string& muscleId, Side side, int part = 0) {
    StretchMap map(model());
    const PoseSample s = samplePose(model(), hv::test::movementById(movementId), t);
    return map.evaluate({hv::test::muscle(muscleId, side), part}, s.q);
}

} // namespace

TEST_CASE("in the neutral pose nothing is stretched") {
    StretchMap map(model());
    for (const PartState& s : map.evaluate(model().defaultPose())) {
        CHECK(s.changePercent == doctest::Approx(0.0));
        CHECK(s.change == LengthChange::Unchanged);
        CHECK(s.length > 0.0);
    }
}

TEST_CASE("fibre strain is the same change divided by the optimal fibre length") {
    const PartState s = stateAt("figure-4", 7.0, "piriformis", Side::Right);
    const double fibre = model().part(s.part).architecture.optimalFiberLength;
    REQUIRE(fibre > 0.0);
    CHECK(s.fibreStrainPercent == doctest::Approx(100.0 * (s.length - s.neutralLength) / fibre));
    CHECK(s.fibreStrainPercent > s.changePercent); // fibres are shorter than the whole path
}

TEST_CASE("figure-4 lengthens piriformis, because bent that far piriformis turns the thigh inward") {
    const PartState s = stateAt("figure-4", 7.0, "piriformis", Side::Right);
    MESSAGE("figure-4: piriformis r " << s.changePercent << " % of its neutral length");
    CHECK(s.changePercent > 5.0);
    CHECK(s.change == LengthChange::Lengthened);
    CHECK(s.momentArm[2] > 0.005);                 // an internal rotator at this pose (m)
    CHECK(s.role[2] == Action::InternalRotator);
    // At the start (knees bent, feet on the floor) it is much less stretched.
    CHECK(stateAt("figure-4", 0.0, "piriformis", Side::Right).changePercent < s.changePercent - 5.0);
}

TEST_CASE("the couch stretch lengthens rectus femoris and psoas, more with the pelvis tucked") {
    const double rectus = changeAt("couch-stretch", 6.0, "rectus_femoris", Side::Right);
    const double psoas = changeAt("couch-stretch", 6.0, "psoas_major", Side::Right);
    MESSAGE("couch stretch: rectus femoris r " << rectus << " %, psoas r " << psoas << " %");
    CHECK(rectus > 10.0);
    CHECK(psoas > kUnchangedPercent);
    CHECK(changeAt("couch-stretch", 6.0, "iliacus", Side::Right) > kUnchangedPercent);
    // Tucking the pelvis (posterior tilt) deepens both.
    CHECK(rectus > changeAt("couch-stretch", 0.0, "rectus_femoris", Side::Right));
    CHECK(psoas > changeAt("couch-stretch", 0.0, "psoas_major", Side::Right));
}

TEST_CASE("the reverse warrior lengthens the adductors of both legs, most on the straight leg") {
    for (const char* id : {"adductor_longus", "adductor_brevis", "adductor_magnus", "gracilis", "pectineus"}) {
        const double left = changeAt("reverse-warrior", 7.0, id, Side::Left);
        const double right = changeAt("reverse-warrior", 7.0, id, Side::Right);
        MESSAGE("reverse warrior: " << std::string(id) << " l " << left << " %, r " << right << " %");
        CHECK(left > 5.0); // the straight leg: every adductor
        const std::string name = id;
        if (name == "adductor_longus" || name == "adductor_brevis" || name == "adductor_magnus")
            CHECK(right > 5.0); // the bent leg: the three adductors proper
    }
    CHECK(changeAt("reverse-warrior", 7.0, "adductor_longus", Side::Left) >
          changeAt("reverse-warrior", 7.0, "adductor_longus", Side::Right));
}

TEST_CASE("the pigeon lengthens the front leg's piriformis and gluteus maximus") {
    CHECK(changeAt("pigeon", 8.0, "piriformis", Side::Right) > 5.0);
    CHECK(changeAt("pigeon", 8.0, "gluteus_maximus", Side::Right) > 10.0);
}

TEST_CASE("the psoas stretch lengthens the back leg's psoas and shortens the other one in the side bend") {
    CHECK(changeAt("psoas-stretch", 7.0, "psoas_major", Side::Right) > 2.0);
    CHECK(changeAt("psoas-stretch", 7.0, "psoas_major", Side::Left) < -2.0);
}

TEST_CASE("the internal rotation stretch lengthens the hip's outward rotators and shortens inward ones") {
    for (const char* id : {"quadratus_femoris", "gemelli", "obturator_internus", "piriformis"})
        CHECK(changeAt("internal-rotator-stretch", 5.0, id, Side::Left) > kUnchangedPercent);
    CHECK(stateAt("internal-rotator-stretch", 5.0, "gluteus_minimus", Side::Left, 0).change == LengthChange::Shortened);
}

TEST_CASE("roles come from the current moment arms: piriformis turns outward standing and inward at 90 degrees") {
    StretchMap map(model());
    const PartRef pir{hv::test::muscle("piriformis", Side::Right), 0};
    std::vector<double> q = model().defaultPose();
    CHECK(map.evaluate(pir, q).role[2] == Action::ExternalRotator);
    q[static_cast<std::size_t>(hv::test::coordinate("hip_flexion_r"))] = toRadians(90);
    CHECK(map.evaluate(pir, q).role[2] == Action::InternalRotator);
}

TEST_CASE("a muscle's change from part states is the same force-weighted rule as the stretch map's") {
    StretchMap map(model());
    const PoseSample s = samplePose(model(), hv::test::movementById("pigeon"), 9.0);
    const std::vector<PartState> states = map.evaluate(s.q);
    for (const char* id : {"gluteus_maximus", "piriformis", "gluteus_medius", "adductor_magnus"}) {
        INFO(id);
        const int m = hv::test::muscle(id, Side::Right);
        const auto fromStates = muscleChangePercent(model(), m, states);
        REQUIRE(fromStates.has_value());
        CHECK(*fromStates == doctest::Approx(map.muscleChangePercent(m, s.q)));
    }
    // No state of that muscle: no number.
    CHECK_FALSE(muscleChangePercent(model(), hv::test::muscle("piriformis", Side::Right), std::vector<PartState>{}).has_value());
}

TEST_CASE("the callout words say how much longer or shorter than standing, in whole percent") {
    CHECK(lengthChangeWords(16.4) == "16 % longer than standing");
    CHECK(lengthChangeWords(-4.6) == "5 % shorter than standing");
    CHECK(lengthChangeWords(0.4) == "about as long as standing");
    CHECK(lengthChangeWords(-0.99) == "about as long as standing");
}

TEST_CASE("the three muscles lengthened most are sorted, longer than standing, and agree with the rule") {
    StretchMap map(model());
    const PoseSample s = samplePose(model(), hv::test::movementById("figure-4"), 8.0);
    const std::vector<PartState> states = map.evaluate(s.q);
    const auto top = mostLengthened(model(), states, 3);
    REQUIRE(top.size() == 3);
    for (std::size_t i = 0; i < top.size(); ++i) {
        CHECK(top[i].changePercent > kUnchangedPercent);
        CHECK(top[i].changePercent == doctest::Approx(map.muscleChangePercent(top[i].muscle, s.q)));
        if (i > 0) CHECK(top[i - 1].changePercent >= top[i].changePercent);
    }
    // Nothing else is longer than the third.
    for (std::size_t m = 0; m < model().muscles.size(); ++m) {
        const bool listed = std::any_of(top.begin(), top.end(), [&](const MuscleChange& c) { return c.muscle == static_cast<int>(m); });
        if (!listed) CHECK(map.muscleChangePercent(static_cast<int>(m), s.q) <= top.back().changePercent + 1e-9);
    }
    // Standing: nothing is lengthened, the list is empty.
    CHECK(mostLengthened(model(), map.evaluate(model().defaultPose()), 3).empty());
}
