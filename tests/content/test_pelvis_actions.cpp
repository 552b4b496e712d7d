// The pelvis' force couples held against the geometry: each muscle's closed-chain moment arm
// about pelvic tilt and obliquity (core/pelvis_actions.hpp) with both femurs and the thorax held
// still in space.
//
// Sign conventions found in the model's frames (content/skeleton.toml):
//  - pelvis_tilt turns the pelvis about its -Z axis, positive = anterior tilt; hip_flexion turns
//    the femur about +Z and the lumbar flexion levels the upper vertebra about -Z. Tipping the
//    pelvis forward by s with the femurs still therefore flexes both hips by s (at neutral
//    exactly), and with the thorax still it extends the lumbar spine by s in all (s / 5 at
//    each level, the even spread). So a hip flexor (shortened by hip flexion) and a back
//    extensor (shortened by lumbar extension) have positive tilt moment arms: they tip the
//    pelvis forward; the hip extensors and the abdominals negative ones: they tip it back.
//  - pelvis_obliquity turns the pelvis about +X, positive = the right side drops (the left
//    hikes); hip_adduction_r turns the right femur about +X, so with the femurs still a drop of
//    the right side abducts the right hip by s and adducts the left one by s. A right hip
//    abductor therefore drops the right side (positive: "hikes left", the stance-side gluteus
//    medius holding up the other side), and a right quadratus lumborum, which shortens as the
//    right side rises, has a negative obliquity moment arm ("hikes right"); the left copies the
//    other way round (obliquity is a midline coordinate, not mirrored).
// A muscle's action is its parts' moment arms weighted by their maximum isometric forces.
#include "content_fixture.hpp"

#include "core/kinematics.hpp"
#include "core/lumbar_actions.hpp"
#include "core/moment_arm.hpp"
#include "core/pelvis_actions.hpp"
#include "core/pose_text.hpp"

#include <string>
#include <vector>

using namespace hv;

namespace {

std::vector<double> bentPose(const Model& model) {
    std::string error;
    const auto pose = parsePose(model,
                                "pelvis_tilt=12,pelvis_obliquity=6,pelvis_rotation=-10,hip_flexion_r=45,hip_adduction_r=-8,"
                                "hip_rotation_r=15,hip_flexion_l=-10,hip_adduction_l=6,hip_rotation_l=-12,knee_angle_r=60,"
                                "L4_L5_flexion=5,L3_L4_bending=3,L2_L3_rotation=1",
                                error);
    REQUIRE_MESSAGE(pose.has_value(), error);
    std::vector<double> q = model.defaultPose();
    applyPose(*pose, q);
    return q;
}

// Force-weighted closed-chain moment arm of a whole muscle, metres.
double muscleArm(const Model& model, std::span<const double> q, const char* id, Side side, PelvisDof dof) {
    const int m = model.findMuscle(id, side);
    REQUIRE_MESSAGE(m >= 0, id);
    const Muscle& muscle = model.muscles[static_cast<std::size_t>(m)];
    std::vector<PartRef> parts;
    for (std::size_t p = 0; p < muscle.parts.size(); ++p) parts.push_back({m, static_cast<int>(p)});
    std::vector<double> arms(parts.size() * 2);
    pelvisMomentArms(model, q, parts, arms);
    double sum = 0.0, weight = 0.0;
    for (std::size_t p = 0; p < parts.size(); ++p) {
        const double w = muscle.parts[p].architecture.maxIsometricForce;
        sum += w * arms[p * 2 + static_cast<std::size_t>(dof)];
        weight += w;
    }
    return sum / weight;
}

} // namespace

TEST_CASE("the closed chain holds both femurs and the thorax still to first order while the pelvis turns") {
    const Model& model = test::projectContent().model;
    const int thorax = model.findBody("thorax"), pelvis = model.findBody("pelvis");
    const int femurR = model.findBody("femur_r"), femurL = model.findBody("femur_l"), tibiaR = model.findBody("tibia_r");
    REQUIRE(thorax >= 0);
    REQUIRE(femurR >= 0);
    REQUIRE(femurL >= 0);
    const ClosedChainBodies held = closedChainBodies(model);
    CHECK(held.femurRight == femurR);
    CHECK(held.femurLeft == femurL);
    CHECK(held.trunk == model.findBody("L1"));
    for (const std::vector<double>& q : {model.defaultPose(), bentPose(model)}) {
        for (PelvisDof dof : kPelvisDofs) {
            INFO(std::string(pelvisDofName(dof)));
            const std::vector<double> d = closedChainDirection(model, q, dof);
            REQUIRE(d.size() == model.coordinates.size());
            const std::vector<Vec3> w = bodyAngularVelocities(model, q, d);
            // The pelvis turns by one radian per radian; the held bodies do not turn.
            CHECK(glm::length(w[static_cast<std::size_t>(pelvis)]) == doctest::Approx(1.0).epsilon(1e-6));
            for (int b : {femurR, femurL, tibiaR, thorax}) {
                INFO(model.bodies[static_cast<std::size_t>(b)].name);
                CHECK(glm::length(w[static_cast<std::size_t>(b)]) < 1e-7);
            }
        }
    }
}

TEST_CASE("at neutral the closed-chain tilt is hip flexion of both sides and lumbar extension spread evenly") {
    const Model& model = test::projectContent().model;
    const std::vector<double> q = model.defaultPose();
    const std::vector<double> d = closedChainDirection(model, q, PelvisDof::Tilt);
    CHECK(d[static_cast<std::size_t>(model.findCoordinate("pelvis_tilt"))] == doctest::Approx(1.0));
    CHECK(d[static_cast<std::size_t>(model.findCoordinate("hip_flexion_r"))] == doctest::Approx(1.0).epsilon(1e-6));
    CHECK(d[static_cast<std::size_t>(model.findCoordinate("hip_flexion_l"))] == doctest::Approx(1.0).epsilon(1e-6));
    for (int c : lumbarCoordinates(model, LumbarDof::Flexion)) CHECK(d[static_cast<std::size_t>(c)] == doctest::Approx(-0.2).epsilon(1e-6));
    const std::vector<double> o = closedChainDirection(model, q, PelvisDof::Obliquity);
    CHECK(o[static_cast<std::size_t>(model.findCoordinate("hip_adduction_r"))] == doctest::Approx(-1.0).epsilon(1e-6));
    CHECK(o[static_cast<std::size_t>(model.findCoordinate("hip_adduction_l"))] == doctest::Approx(1.0).epsilon(1e-6));
}

TEST_CASE("at neutral a hip muscle's closed-chain tilt moment arm is its hip flexion moment arm") {
    const Model& model = test::projectContent().model;
    const std::vector<double> q = model.defaultPose();
    PathEvaluator eval(model);
    eval.setPose(q);
    for (const char* id : {"gluteus_maximus", "iliacus", "semitendinosus", "adductor_longus"}) {
        INFO(id);
        const int m = model.findMuscle(id, Side::Right);
        REQUIRE(m >= 0);
        const PartRef part{m, 0};
        double arms[2] = {};
        pelvisMomentArms(model, q, std::span(&part, 1), arms);
        CHECK(arms[0] == doctest::Approx(eval.momentArm(part, model.findCoordinate("hip_flexion_r"))).epsilon(1e-5));
        CHECK(arms[1] == doctest::Approx(-eval.momentArm(part, model.findCoordinate("hip_adduction_r"))).epsilon(1e-5));
    }
}

TEST_CASE("the hip flexors and the back extensors tip the pelvis forward on both sides") {
    const Model& model = test::projectContent().model;
    const std::vector<double> q = model.defaultPose();
    for (const char* id : {"iliacus", "psoas_major", "rectus_femoris", "iliocostalis_lumborum", "longissimus_thoracis"})
        for (Side side : {Side::Right, Side::Left}) {
            INFO(id, " ", std::string(sideSuffix(side)));
            const double r = muscleArm(model, q, id, side, PelvisDof::Tilt);
            CHECK(r > kDefaultDeadZone);
            CHECK(pelvisActionName(PelvisDof::Tilt, r) == "tips forward");
        }
}

TEST_CASE("the abdominals, gluteus maximus and the hamstrings tip the pelvis back on both sides") {
    const Model& model = test::projectContent().model;
    const std::vector<double> q = model.defaultPose();
    for (const char* id : {"rectus_abdominis", "gluteus_maximus", "semitendinosus", "semimembranosus", "biceps_femoris_long_head"})
        for (Side side : {Side::Right, Side::Left}) {
            INFO(id, " ", std::string(sideSuffix(side)));
            const double r = muscleArm(model, q, id, side, PelvisDof::Tilt);
            CHECK(r < -kDefaultDeadZone);
            CHECK(pelvisActionName(PelvisDof::Tilt, r) == "tips back");
        }
}

TEST_CASE("quadratus lumborum hikes its own side of the pelvis") {
    const Model& model = test::projectContent().model;
    const std::vector<double> q = model.defaultPose();
    const double right = muscleArm(model, q, "quadratus_lumborum", Side::Right, PelvisDof::Obliquity);
    const double left = muscleArm(model, q, "quadratus_lumborum", Side::Left, PelvisDof::Obliquity);
    CHECK(right < -kDefaultDeadZone);
    CHECK(left > kDefaultDeadZone);
    CHECK(pelvisActionName(PelvisDof::Obliquity, right) == "hikes right");
    CHECK(pelvisActionName(PelvisDof::Obliquity, left) == "hikes left");
    CHECK(right == doctest::Approx(-left).epsilon(1e-6));
}

TEST_CASE("the pelvic action words keep the dead zone of the hip and lumbar words") {
    CHECK(pelvisActionName(PelvisDof::Tilt, 0.0009) == "none");
    CHECK(pelvisActionName(PelvisDof::Tilt, -0.0009) == "none");
    CHECK(pelvisActionName(PelvisDof::Tilt, 0.001) == "tips forward");
    CHECK(pelvisActionName(PelvisDof::Tilt, -0.002) == "tips back");
    CHECK(pelvisActionName(PelvisDof::Obliquity, 0.002, 0.003) == "none");
    CHECK(pelvisActionName(PelvisDof::Obliquity, 0.004, 0.003) == "hikes left");
    CHECK(pelvisActionName(PelvisDof::Obliquity, -0.004, 0.003) == "hikes right");
}
