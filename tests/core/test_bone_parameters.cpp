// Bone parameters: the --anatomy text, the neck axis the angles give, and the maps that carry a
// bone to new values (continuous, orientation-preserving, rigid where they should be).
#include "core/bone_parameters.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace hv;

namespace {

BoneParameterSpec spec() {
    BoneParameterSpec s;
    s.info[0] = {"anteversion", "Femoral anteversion", toRadians(9.7), toRadians(-15.0), toRadians(45.0), "src"};
    s.info[1] = {"neck_shaft", "Neck-shaft angle", toRadians(129.2), toRadians(110.0), toRadians(150.0), "src"};
    s.info[2] = {"pelvis_width", "Pelvis width", 0.24, 0.20, 0.30, "src"};
    return s;
}

// A model with just the hip joint the pelvis map reads.
Model hipModel() {
    Model m;
    Joint hip;
    hip.name = "hip_r";
    hip.parentOffset.translation = {-0.056276, -0.07849, 0.07726};
    m.joints.push_back(hip);
    return m;
}

double angleBetween(const Vec3& a, const Vec3& b) { return std::acos(std::clamp(glm::dot(glm::normalize(a), glm::normalize(b)), -1.0, 1.0)); }

} // namespace

TEST_CASE("--anatomy text sets the named parameters in degrees and millimetres and keeps the others") {
    std::string error;
    const auto p = parseAnatomy(spec(), "anteversion=20,pelvis_width=260", error);
    REQUIRE(p.has_value());
    CHECK(p->anteversion == doctest::Approx(toRadians(20.0)));
    CHECK(p->neckShaftAngle == doctest::Approx(toRadians(129.2)));
    CHECK(p->pelvisWidth == doctest::Approx(0.26));
    const auto empty = parseAnatomy(spec(), "", error);
    REQUIRE(empty.has_value());
    CHECK(*empty == spec().defaults());
    CHECK(formatAnatomy(*p) == "anteversion=20,neck_shaft=129.2,pelvis_width=260");
}

TEST_CASE("--anatomy reports unknown names with a hint, bad numbers and values out of range") {
    std::string error;
    CHECK_FALSE(parseAnatomy(spec(), "antversion=20", error).has_value());
    CHECK(error.find("did you mean \"anteversion\"") != std::string::npos);
    CHECK_FALSE(parseAnatomy(spec(), "neck_shaft=abc", error).has_value());
    CHECK(error.find("not a number") != std::string::npos);
    CHECK_FALSE(parseAnatomy(spec(), "neck_shaft=170", error).has_value());
    CHECK(error.find("between 110 and 150 deg") != std::string::npos);
    CHECK_FALSE(parseAnatomy(spec(), "pelvis_width", error).has_value());
    CHECK(error.find("NAME=VALUE") != std::string::npos);
}

TEST_CASE("the neck axis makes the neck-shaft angle with the shaft and the anteversion with the condylar axis") {
    const FemurAxes& f = femurAxes();
    for (const auto& [v, c] : {std::pair{9.7, 129.2}, std::pair{-10.0, 115.0}, std::pair{35.0, 145.0}}) {
        const Vec3 towardsHead = -femoralNeckDirection(toRadians(v), toRadians(c));
        INFO("anteversion " << v << ", neck-shaft " << c);
        CHECK(toDegrees(angleBetween(towardsHead, -f.shaftAxis)) == doctest::Approx(c).epsilon(1e-9));
        // seen along the shaft: the angle between the neck (head to base) and the condylar axis
        const auto flat = [&](const Vec3& u) { return u - glm::dot(u, f.shaftAxis) * f.shaftAxis; };
        const Vec3 neck = flat(-towardsHead);
        const Vec3 lateral = flat(f.condylarAxis);
        CHECK(toDegrees(angleBetween(neck, lateral)) == doctest::Approx(std::abs(v)).epsilon(1e-9));
        // anteversion > 0: the head lies in front of the base
        if (v > 0) CHECK(towardsHead.x > 0.0);
    }
    // the default neck passes within a millimetre of the shaft axis (the pivot lies on both)
    const Vec3 pivot = femoralNeckPivot(toRadians(9.7), toRadians(129.2));
    const Vec3 w = pivot - f.shaftProximal;
    CHECK(glm::length(w - glm::dot(w, f.shaftAxis) * f.shaftAxis) < 0.001);
}

TEST_CASE("the maps are the identity at the default parameters") {
    const Model m = hipModel();
    const BoneDeformation map(m, spec().defaults(), spec().defaults());
    CHECK(map.isIdentity());
    const Vec3 p{-0.02, -0.01, 0.05};
    CHECK(map.apply(BoneRegion::FemurRight, p) == p);
    CHECK(map.apply(BoneRegion::Pelvis, p) == p);
}

TEST_CASE("a new neck moves the head as a rigid piece that stays centred on the hip joint centre") {
    const Model m = hipModel();
    BoneParameters target = spec().defaults();
    target.anteversion = toRadians(30.0);
    target.neckShaftAngle = toRadians(140.0);
    const BoneDeformation map(m, spec().defaults(), target);
    const double r = femurAxes().headRadius;
    CHECK(glm::length(map.apply(BoneRegion::FemurRight, Vec3(0.0))) < 1e-12);
    // points on the head keep their distance from the centre (rigid), and the neck axis turns
    // to the new one
    for (const Vec3& d : {Vec3(-0.5, 0.7, -0.5), Vec3(0.1, 0.2, -1.0), Vec3(0.6, 0.5, -0.6)}) {
        const Vec3 p = r * glm::normalize(d);
        CHECK(map.femurHeadWeight(p) == doctest::Approx(1.0));
        CHECK(glm::length(map.apply(BoneRegion::FemurRight, p)) == doctest::Approx(r).epsilon(1e-9));
    }
    const Vec3 oldNeck = femoralNeckDirection(spec().defaults().anteversion, spec().defaults().neckShaftAngle);
    const Vec3 newNeck = femoralNeckDirection(target.anteversion, target.neckShaftAngle);
    const Vec3 moved = map.apply(BoneRegion::FemurRight, 0.015 * oldNeck) - map.apply(BoneRegion::FemurRight, Vec3(0.0));
    CHECK(angleBetween(moved, newNeck) < 1e-9);
    // the shaft (far from the neck) only shifts, as a whole
    const Vec3 a{0.02, -0.25, 0.02}, b{0.0, -0.38, -0.01};
    CHECK(glm::length((map.apply(BoneRegion::FemurRight, a) - map.apply(BoneRegion::FemurRight, b)) - (a - b)) < 1e-12);
}

// Points of a femur-shaped set: the head, the neck (a tube around its axis), the trochanters'
// published insertions and the shaft (right femur frame, default parameters).
std::vector<Vec3> femurMaterialPoints() {
    std::vector<Vec3> pts;
    const Vec3 n = femoralNeckDirection(toRadians(9.7), toRadians(129.2));
    const Vec3 up = glm::normalize(femurAxes().shaftAxis - glm::dot(femurAxes().shaftAxis, n) * n);
    const Vec3 side = glm::cross(n, up);
    for (double t = 0.0; t <= 1.0001; t += 0.05)
        for (double a = 0.0; a < 2 * kPi; a += kPi / 8) {
            pts.push_back(femurAxes().headRadius * (std::cos(a) * std::sin(kPi * t) * up + std::sin(a) * std::sin(kPi * t) * side - std::cos(kPi * t) * n));
            for (double r : {0.005, 0.010, 0.015})
                pts.push_back((0.005 + 0.05 * t) * n + r * (std::cos(a) * up + std::sin(a) * side));
        }
    for (const Vec3& p : {Vec3(-0.0218, -0.0117, 0.0555), Vec3(-0.0309, -0.0047, 0.0518), Vec3(-0.0072, -0.0104, 0.056), Vec3(-0.0148, -0.0036, 0.0437),
                          Vec3(-0.024, -0.022, 0.037), Vec3(-0.0381, -0.0359, 0.0366), Vec3(-0.0235, -0.0524, 0.0088), Vec3(-0.0122, -0.0637, 0.0196)})
        pts.push_back(p);
    for (double y = -0.05; y >= -0.40; y -= 0.025) pts.push_back({0.01, y, 0.02});
    return pts;
}

TEST_CASE("the femur map keeps the bone's orientation over the whole range, and the left one mirrors it") {
    const Model m = hipModel();
    const std::vector<Vec3> pts = femurMaterialPoints();
    for (const auto& [v, c] : {std::pair{-15.0, 110.0}, std::pair{45.0, 150.0}, std::pair{45.0, 110.0}, std::pair{-15.0, 150.0}}) {
        BoneParameters target = spec().defaults();
        target.anteversion = toRadians(v);
        target.neckShaftAngle = toRadians(c);
        const BoneDeformation map(m, spec().defaults(), target);
        INFO("anteversion " << v << ", neck-shaft " << c);
        double minDet = 1e9, maxStretch = 0.0;
        for (const Vec3& p : pts) {
            const Mat3 j = map.jacobian(BoneRegion::FemurRight, p);
            minDet = std::min(minDet, glm::determinant(j));
            for (int k = 0; k < 3; ++k) maxStretch = std::max(maxStretch, glm::length(j[k]));
            const Vec3 l = map.apply(BoneRegion::FemurLeft, mirrorZ(p));
            CHECK(glm::length(l - mirrorZ(map.apply(BoneRegion::FemurRight, p))) < 1e-12);
        }
        CHECK(minDet > 0.25);    // never folds over
        CHECK(maxStretch < 3.0); // and never tears
    }
}

TEST_CASE("pelvis width stretches side to side, the spines land at the new width and each socket moves rigidly") {
    const Model m = hipModel();
    BoneParameters target = spec().defaults();
    target.pelvisWidth = 0.27;
    const BoneDeformation map(m, spec().defaults(), target);
    const Vec3 asis{0.0, 0.0, 0.12};
    CHECK(map.apply(BoneRegion::Pelvis, asis).z - map.apply(BoneRegion::Pelvis, mirrorZ(asis)).z == doctest::Approx(0.27));
    const Vec3 hip = m.joints[0].parentOffset.translation;
    const Vec3 shift = map.apply(BoneRegion::Pelvis, hip) - hip;
    CHECK(shift.z == doctest::Approx(0.07726 * (0.27 / 0.24 - 1.0)));
    for (const Vec3& d : {Vec3(0.02, 0.0, 0.0), Vec3(0.0, 0.02, 0.01), Vec3(-0.01, -0.015, 0.015)})
        CHECK(glm::length(map.apply(BoneRegion::Pelvis, hip + d) - hip - shift - d) < 1e-12);
    // the midline stays where it is, and the left side mirrors the right
    const Vec3 sacrum{-0.1, 0.0, 0.0};
    CHECK(map.apply(BoneRegion::Pelvis, sacrum) == sacrum);
    const Vec3 p{-0.08, 0.03, 0.07};
    CHECK(glm::length(map.apply(BoneRegion::Pelvis, mirrorZ(p)) - mirrorZ(map.apply(BoneRegion::Pelvis, p))) < 1e-15);
    CHECK(glm::determinant(map.jacobian(BoneRegion::Pelvis, p)) > 0.5);
}

TEST_CASE("applying the parameters to a model moves joint frames without turning them and turns wrap cylinders with the bone") {
    Model m = hipModel();
    m.bodies.push_back({"pelvis", "pelvis", 0, Side::Midline});
    m.joints[0].childBody = 1;
    m.bodies.push_back({"femur_r", "femur", 0, Side::Right});
    Joint knee;
    knee.name = "knee_r";
    knee.parentBody = 1;
    knee.parentOffset.translation = {-0.008, -0.408, -0.003};
    m.joints.push_back(knee);
    WrapCylinder neck;
    neck.name = "neck";
    neck.body = 1;
    const Vec3 n0 = femoralNeckDirection(spec().defaults().anteversion, spec().defaults().neckShaftAngle);
    neck.frame.translation = 0.015 * n0; // in the part that moves with the head
    neck.frame.rotation = Mat3{glm::normalize(glm::cross(n0, Vec3(0, 1, 0))), glm::cross(n0, glm::normalize(glm::cross(n0, Vec3(0, 1, 0)))), n0};
    m.wrapCylinders.push_back(neck);
    BoneParameters target = spec().defaults();
    target.neckShaftAngle = toRadians(140.0);
    REQUIRE(applyBoneParameters(m, spec().defaults(), target));
    const Vec3 n1 = femoralNeckDirection(target.anteversion, target.neckShaftAngle);
    CHECK(angleBetween(m.wrapCylinders[0].frame.rotation[2], n1) < toRadians(0.5)); // follows the neck
    CHECK(m.joints[1].parentOffset.rotation == Mat3{1.0});                          // knee frame not turned
    CHECK(m.joints[1].parentOffset.translation != Vec3(-0.008, -0.408, -0.003));    // ... but moved
    CHECK_FALSE(applyBoneParameters(m, target, target));
}
