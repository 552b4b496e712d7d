// Content and geometry held together: each textbook action that names a position agrees with
// the moment arm computed there, or the content says why not (and then the geometry must
// really disagree, so the note cannot go stale).
#include "content_fixture.hpp"

#include "core/moment_arm.hpp"
#include "core/pose_text.hpp"

using namespace hv;

namespace {

// The force-weighted moment arm of a muscle's parts (or of one named part), metres.
double muscleMomentArm(const Model& model, int muscle, const std::string& part, std::span<const double> q, int coordinate) {
    PathEvaluator e(model);
    e.setPose(q);
    double sum = 0.0, weight = 0.0;
    const Muscle& m = model.muscles[static_cast<std::size_t>(muscle)];
    for (std::size_t p = 0; p < m.parts.size(); ++p) {
        if (!part.empty() && m.parts[p].name != part) continue;
        const double w = m.parts[p].architecture.maxIsometricForce;
        sum += w * e.momentArm({muscle, static_cast<int>(p)}, coordinate);
        weight += w;
    }
    return weight > 0 ? sum / weight : 0.0;
}

int sidedCoordinate(const Model& model, const std::string& base) {
    const int r = model.findCoordinate(base + "_r");
    return r >= 0 ? r : model.findCoordinate(base);
}

} // namespace

TEST_CASE("every textbook action agrees with the geometry where it names a position, or says why not") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    int checked = 0, disagreements = 0;
    for (const MuscleInfo& info : content.muscles) {
        const int m = model.findMuscle(info.id, Side::Right);
        REQUIRE(m >= 0);
        for (const TextbookAction& a : info.actions) {
            auto q = model.defaultPose();
            for (const auto& [name, value] : a.checkAt) q[static_cast<std::size_t>(sidedCoordinate(model, name))] = value;
            const int c = sidedCoordinate(model, a.coordinate);
            REQUIRE(c >= 0);
            const double r = muscleMomentArm(model, m, a.part, q, c);
            const bool agrees = a.positive ? r > 0.0 : r < 0.0;
            INFO(info.file << ":" << a.line << ": " << info.id << (a.part.empty() ? "" : "/" + a.part) << " " << a.sense
                           << " (" << a.when << "): moment arm " << r * 1000 << " mm about " << a.coordinate);
            if (a.geometryDisagrees.empty()) {
                CHECK(agrees);
            } else {
                CHECK_FALSE(agrees);
                ++disagreements;
            }
            ++checked;
        }
    }
    CHECK(checked >= 40);
    MESSAGE(checked << " textbook actions checked, " << disagreements << " marked as disagreeing with the geometry");
}

TEST_CASE("every muscle has a source for its text and for each action, and all the muscles the issue lists") {
    const Content& content = test::projectContent();
    for (const char* id : {"gluteus_maximus", "gluteus_medius", "gluteus_minimus", "piriformis", "gemelli",
                           "obturator_internus", "obturator_externus", "quadratus_femoris", "tensor_fasciae_latae",
                           "iliacus", "psoas_major", "rectus_femoris", "sartorius", "semimembranosus", "semitendinosus",
                           "biceps_femoris_long_head", "adductor_longus", "adductor_brevis", "adductor_magnus",
                           "pectineus", "gracilis"}) {
        INFO(id);
        const MuscleInfo* info = content.findMuscleInfo(id);
        REQUIRE(info != nullptr);
        CHECK(content.sources.contains(info->textSource));
        CHECK_FALSE(info->actions.empty());
        for (const TextbookAction& a : info->actions) CHECK(content.sources.contains(a.source));
        CHECK(content.model.findMuscle(id, Side::Right) >= 0);
        CHECK(content.model.findMuscle(id, Side::Left) >= 0);
    }
    const MuscleInfo* gmed = content.findMuscleInfo("gluteus_medius");
    REQUIRE(gmed);
    REQUIRE(gmed->parts.size() == 3);
    CHECK(gmed->parts[0].name == "anterior");
}

TEST_CASE("left and right muscles have equal moment arms and lengths in mirrored poses") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    auto q = model.defaultPose();
    std::string error;
    const auto pose = parsePose(model, "hip_flexion=50,hip_adduction=-10,hip_rotation=15,knee_angle=40,L3_L4_flexion=0", error);
    REQUIRE(pose);
    applyPose(*pose, q);
    PathEvaluator e(model);
    e.setPose(q);
    for (std::size_t m = 0; m < model.muscles.size(); ++m) {
        const Muscle& right = model.muscles[m];
        if (right.side != Side::Right) continue;
        const int left = model.findMuscle(right.id, Side::Left);
        REQUIRE(left >= 0);
        for (std::size_t p = 0; p < right.parts.size(); ++p) {
            INFO(right.id << "/" << right.parts[p].name);
            const PartRef r{static_cast<int>(m), static_cast<int>(p)}, l{left, static_cast<int>(p)};
            CHECK(e.length(l) == doctest::Approx(e.length(r)).epsilon(1e-9));
            for (const char* dof : {"hip_flexion", "hip_adduction", "hip_rotation"})
                CHECK(e.momentArm(l, model.findCoordinate(std::string(dof) + "_l")) ==
                      doctest::Approx(e.momentArm(r, model.findCoordinate(std::string(dof) + "_r"))).epsilon(1e-6));
        }
    }
}

TEST_CASE("the pelvis stands on its coordinates: hip moment arms do not depend on where the pelvis is") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    auto q = model.defaultPose();
    const int piri = model.findMuscle("piriformis", Side::Right);
    const int rot = model.findCoordinate("hip_rotation_r");
    const double before = momentArm(model, {piri, 0}, q, rot);
    std::string error;
    applyPose(*parsePose(model, "pelvis_tilt=20,pelvis_rotation=30,pelvis_tx=0.4", error), q);
    CHECK(momentArm(model, {piri, 0}, q, rot) == doctest::Approx(before).epsilon(1e-6));
}
