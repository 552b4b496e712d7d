// Bone parameters on the real model: attachments and joints move with the bone, the moment arms
// follow, and the generated meshes deform with them without folding.
#include "model_fixture.hpp"

#include "core/bone_parameters.hpp"
#include "core/moment_arm.hpp"

using namespace hv;

namespace {

Model deformed(const BoneParameters& p) {
    Model m = test::projectContent().model;
    applyBoneParameters(m, test::projectContent().boneParameters.defaults(), p);
    return m;
}

BoneParameters with(double anteversionDeg, double neckShaftDeg, double widthMm) {
    BoneParameters p = test::projectContent().boneParameters.defaults();
    if (anteversionDeg == anteversionDeg) p.anteversion = toRadians(anteversionDeg);
    if (neckShaftDeg == neckShaftDeg) p.neckShaftAngle = toRadians(neckShaftDeg);
    if (widthMm == widthMm) p.pelvisWidth = widthMm / 1000.0;
    return p;
}

constexpr double kSame = std::numeric_limits<double>::quiet_NaN();

PartRef part(const Model& m, const char* muscle, const char* name, Side side = Side::Right) {
    const int i = m.findMuscle(muscle, side);
    REQUIRE(i >= 0);
    for (std::size_t p = 0; p < m.muscles[static_cast<std::size_t>(i)].parts.size(); ++p)
        if (m.muscles[static_cast<std::size_t>(i)].parts[p].name == name) return {i, static_cast<int>(p)};
    FAIL("no part " << name);
    return {};
}

double momentArmAtDefault(const Model& m, PartRef ref, const char* coordinate) {
    return momentArm(m, ref, m.defaultPose(), m.findCoordinate(coordinate));
}

} // namespace

TEST_CASE("the content's defaults are the published values and the model is unchanged by them") {
    const BoneParameterSpec& spec = test::projectContent().boneParameters;
    CHECK(toDegrees(spec[BoneParameterId::Anteversion].defaultValue) == doctest::Approx(9.7));
    CHECK(toDegrees(spec[BoneParameterId::NeckShaft].defaultValue) == doctest::Approx(129.2));
    CHECK(spec[BoneParameterId::PelvisWidth].defaultValue == doctest::Approx(0.24));
    for (std::size_t i = 0; i < kBoneParameterCount; ++i) CHECK_FALSE(spec.info[i].source.empty());
    Model m = test::projectContent().model;
    CHECK_FALSE(applyBoneParameters(m, spec.defaults(), spec.defaults()));
}

TEST_CASE("a higher neck-shaft angle brings the greater trochanter closer to the hip centre and shortens gluteus medius' abduction moment arm") {
    const Model base = test::projectContent().model;
    const Model valga = deformed(with(kSame, 140.0, kSame));
    const Model vara = deformed(with(kSame, 118.0, kSame));
    const PartRef gmed = part(base, "gluteus_medius", "middle");
    // the insertion's distance from the hip centre in the frontal plane (femur frame)
    const auto offset = [&](const Model& m) {
        const Vec3 p = m.part(gmed).points.back().location;
        return std::hypot(p.y, p.z);
    };
    CHECK(offset(valga) < offset(base));
    CHECK(offset(vara) > offset(base));
    const double r0 = momentArmAtDefault(base, gmed, "hip_adduction_r");
    const double rValga = momentArmAtDefault(valga, gmed, "hip_adduction_r");
    const double rVara = momentArmAtDefault(vara, gmed, "hip_adduction_r");
    MESSAGE("gluteus medius (middle) adduction moment arm: coxa vara 118 deg " << rVara * 1000 << " mm, default " << r0 * 1000
                                                                              << " mm, coxa valga 140 deg " << rValga * 1000 << " mm");
    CHECK(r0 < 0.0); // an abductor
    CHECK(std::abs(rValga) < std::abs(r0));
    CHECK(std::abs(rVara) > std::abs(r0));
    // the left side is changed the same way
    const PartRef gmedL = part(base, "gluteus_medius", "middle", Side::Left);
    CHECK(momentArmAtDefault(valga, gmedL, "hip_adduction_l") == doctest::Approx(rValga).epsilon(1e-6));
}

TEST_CASE("more anteversion puts the greater trochanter further behind the femoral head and changes the rotators' moment arms") {
    const Model base = test::projectContent().model;
    const Model ante = deformed(with(30.0, kSame, kSame));
    const PartRef gmedAnt = part(base, "gluteus_medius", "anterior");
    const PartRef piri = part(base, "piriformis", "");
    CHECK(ante.part(gmedAnt).points.back().location.x < base.part(gmedAnt).points.back().location.x - 0.003);
    const double r0 = momentArmAtDefault(base, gmedAnt, "hip_rotation_r");
    const double r1 = momentArmAtDefault(ante, gmedAnt, "hip_rotation_r");
    const double p0 = momentArmAtDefault(base, piri, "hip_rotation_r");
    const double p1 = momentArmAtDefault(ante, piri, "hip_rotation_r");
    MESSAGE("rotation moment arms at 9.7 -> 30 deg anteversion: gluteus medius anterior " << r0 * 1000 << " -> " << r1 * 1000
                                                                                          << " mm, piriformis " << p0 * 1000 << " -> " << p1 * 1000 << " mm");
    CHECK(std::abs(r1 - r0) > 0.001);
    CHECK(std::abs(p1 - p0) > 0.001);
}

TEST_CASE("a wider pelvis moves the hip joint centres and the pelvic attachments apart") {
    const Model base = test::projectContent().model;
    const Model wide = deformed(with(kSame, kSame, 270.0));
    const auto hipZ = [](const Model& m) {
        for (const Joint& j : m.joints)
            if (j.name == "hip_r") return j.parentOffset.translation.z;
        return 0.0;
    };
    CHECK(hipZ(wide) == doctest::Approx(hipZ(base) * 270.0 / 240.0));
    const PartRef tfl = part(base, "tensor_fasciae_latae", "");
    CHECK(wide.part(tfl).points.front().location.z > base.part(tfl).points.front().location.z + 0.01);
    for (const Joint& j : wide.joints)
        if (j.name == "L5_S1") CHECK(j.parentOffset.translation == Vec3(-0.07861, 0.03778, 0.0));
}

TEST_CASE("the bone meshes deform with their attachments and never fold, at the ends of the parameter ranges") {
    const Model& model = test::projectContent().model;
    const BoneParameters defaults = test::projectContent().boneParameters.defaults();
    const auto& meshes = test::committedBodyMeshes();
    for (const BoneParameters& target : {with(-15.0, 110.0, 200.0), with(45.0, 150.0, 300.0), with(45.0, 110.0, kSame), with(-15.0, 150.0, kSame)}) {
        const BoneDeformation map(model, defaults, target);
        const Model moved = deformed(target);
        INFO("anatomy " << formatAnatomy(target));
        for (const char* body : {"femur_r", "pelvis", "femur_l"}) {
            const BoneRegion region = boneRegionOf(model.bodies[static_cast<std::size_t>(model.findBody(body))]);
            const test::BodyMesh& mesh = meshes.at(body);
            test::BodyMesh out = mesh;
            double minDet = 1e9;
            for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
                out.positions[i] = map.apply(region, mesh.positions[i]);
                if (i % 7 == 0) minDet = std::min(minDet, glm::determinant(map.jacobian(region, mesh.positions[i])));
            }
            INFO(body);
            CHECK(minDet > 0.05); // positive: nothing turns inside out
            // every attachment on this bone, moved by the same map, stays as close to the moved
            // bone as it was (a stretch of up to 25 % may scale a gap by about as much; plus half a mm)
            double worst = 0.0;
            std::string worstName;
            for (std::size_t mi = 0; mi < moved.muscles.size(); ++mi)
                for (std::size_t pi = 0; pi < moved.muscles[mi].parts.size(); ++pi) {
                    const MusclePart& p = moved.muscles[mi].parts[pi];
                    const MusclePart& p0 = model.muscles[mi].parts[pi];
                    for (std::size_t k : {std::size_t{0}, p.points.size() - 1})
                        if (model.bodies[static_cast<std::size_t>(p.points[k].body)].name == body) {
                            const double before = test::distanceToMesh(p0.points[k].location, mesh);
                            const double after = test::distanceToMesh(p.points[k].location, out);
                            const double excess = after - (1.3 * before + 0.0005);
                            if (excess > worst || worstName.empty()) {
                                worst = excess;
                                worstName = moved.muscles[mi].id + " " + p.name;
                            }
                        }
                }
            INFO("worst: " << worstName);
            CHECK(worst <= 0.0);
        }
    }
}
