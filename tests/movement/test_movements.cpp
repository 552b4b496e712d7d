// Every movement in the project's file is anatomically possible: inside every coordinate's range
// at every moment, with the options on or off; the cited normal ranges are shown; planted feet
// stay planted.
#include "movement_fixture.hpp"

#include "core/kinematics.hpp"
#include "core/pose_text.hpp"
#include "core/roles.hpp"
#include "movement/sampling.hpp"
#include "movement/support.hpp"

#include <cmath>

using namespace hv;
using namespace hv::movement;

namespace {

const Model& model() { return hv::test::content().model; }

void checkInRange(const Movement& m, const PlayOptions& options) {
    const MovementPlayer player(model(), m, options);
    for (double t = 0.0; t <= m.duration() + 1e-9; t += 0.05) {
        const PoseSample s = player.sample(t);
        INFO(m.id << " at t = " << t);
        CHECK(s.clamped.empty());
        for (std::size_t c = 0; c < s.q.size(); ++c) {
            const Coordinate& k = model().coordinates[c];
            const bool inside = s.q[c] >= k.minValue - 1e-9 && s.q[c] <= k.maxValue + 1e-9 && std::isfinite(s.q[c]);
            if (!inside) FAIL_CHECK(k.name << " = " << coordinateToUser(k, s.q[c]) << " outside its range");
        }
    }
}

} // namespace

TEST_CASE("every movement stays within coordinate ranges, with and without a restricted hip or weak gluteus medius") {
    PlayOptions stiff;
    for (const char* name : {"hip_flexion_r", "hip_flexion_l"}) {
        const int c = hv::test::coordinate(name);
        stiff.hipLimits.push_back({c, toRadians(-10.0), toRadians(30.0)});
    }
    const int rot = hv::test::coordinate("hip_rotation_r");
    stiff.hipLimits.push_back({rot, toRadians(-15.0), toRadians(15.0)});
    PlayOptions weak;
    weak.gluteusMediusStrength = movement::GluteusMediusStrength::both(0.0);
    for (const Movement& m : hv::test::movements().movements) {
        checkInRange(m, {});
        checkInRange(m, stiff);
        checkInRange(m, weak);
    }
}

TEST_CASE("the normal-range movements reach their cited range, or the model's limit where it stops short") {
    int checked = 0;
    for (const Movement& m : hv::test::movements().movements) {
        if (!m.normalRange) continue;
        ++checked;
        const NormalRange& n = *m.normalRange;
        const int c = hv::test::coordinate(n.coordinate + "_r");
        const Coordinate& k = model().coordinates[static_cast<std::size_t>(c)];
        const double limit = n.positive ? std::min(n.degrees, toDegrees(k.maxValue)) : std::min(n.degrees, -toDegrees(k.minValue));
        double extreme = 0.0;
        for (double t = 0.0; t <= m.duration() + 1e-9; t += 0.05) {
            const double v = toDegrees(samplePose(model(), m, t).q[static_cast<std::size_t>(c)]);
            extreme = std::max(extreme, n.positive ? v : -v);
        }
        INFO(m.id << ": reaches " << extreme << " deg, normal " << n.degrees << " deg");
        CHECK(extreme == doctest::Approx(limit).epsilon(0.005));
        CHECK(hv::test::content().sources.contains(n.source));
    }
    CHECK(checked == 6);
}

TEST_CASE("planted feet stay where they were") {
    for (const char* id : {"squat", "hip-hinge", "bridge", "split-squat", "single-leg-stance", "step-up", "single-leg-deadlift",
                           "hip-thrust", "cable-pull-through"}) {
        const Movement& m = hv::test::movementById(id);
        const MovementPlayer player(model(), m, {});
        const Support support = m.keys.front().support;
        REQUIRE(support != Support::None);
        const auto where = [&](double t) {
            return *supportPoint(model(), computeBodyTransforms(model(), player.sample(t).q), support);
        };
        const Vec3 start = where(0.0);
        double worst = 0.0;
        for (double t = 0.0; t <= m.duration() + 1e-9; t += 0.1) worst = std::max(worst, glm::length(where(t) - start));
        INFO(id << ": support point moves up to " << worst * 1000 << " mm");
        CHECK(worst < 1e-4);
    }
}

TEST_CASE("a squat lowers the pelvis and a bridge lifts it off the floor") {
    const Movement& squat = hv::test::movementById("squat");
    const double standing = samplePose(model(), squat, 0.0).q[static_cast<std::size_t>(hv::test::coordinate("pelvis_ty"))];
    const double bottom = samplePose(model(), squat, 2.25).q[static_cast<std::size_t>(hv::test::coordinate("pelvis_ty"))];
    CHECK(standing - bottom > 0.3);
    // Lying on the back, the model's forward axis points at the ceiling.
    const Movement& bridge = hv::test::movementById("bridge");
    REQUIRE(bridge.posture == Posture::Supine);
    const Transform room = roomFromModel(Posture::Supine);
    CHECK(room.applyVector(Vec3{1.0, 0.0, 0.0}).y == doctest::Approx(1.0));
    const auto pelvisHeight = [&](double t) {
        return room.apply(computeBodyTransforms(model(), samplePose(model(), bridge, t).q)[0].translation).y;
    };
    // Lying with the feet flat on the floor and the pelvis on it (its back kSupinePelvisHeight
    // behind its origin), the hips rise well off it.
    CHECK(std::abs(pelvisHeight(0.0) - kSupinePelvisHeight) < 0.005);
    CHECK(pelvisHeight(2.25) - pelvisHeight(0.0) > 0.13);
}

TEST_CASE("the self-test moves each hip through the same movements, the right side first, then the left") {
    const Movement& m = hv::test::movementById("self-test");
    const auto extremes = [&](const char* name, double from, double to) {
        double lo = 0.0, hi = 0.0;
        for (double t = from; t <= to; t += 0.05) {
            const double v = toDegrees(samplePose(model(), m, t).q[static_cast<std::size_t>(hv::test::coordinate(name))]);
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        return std::pair{lo, hi};
    };
    for (const char* side : {"r", "l"}) {
        const bool right = std::string(side) == "r";
        const double from = right ? 0.0 : 14.0, to = right ? 14.0 : m.duration();
        const auto flex = extremes((std::string("hip_flexion_") + side).c_str(), from, to);
        const auto rot = extremes((std::string("hip_rotation_") + side).c_str(), from, to);
        const auto add = extremes((std::string("hip_adduction_") + side).c_str(), from, to);
        CHECK(flex.second > 100.0);
        CHECK(flex.first < -20.0);
        CHECK(rot.second > 30.0);
        CHECK(rot.first < -30.0);
        CHECK(add.first < -30.0);
        // The other hip stays put meanwhile.
        const auto other = extremes((std::string("hip_flexion_") + (right ? "l" : "r")).c_str(), from, to);
        CHECK(other.second - other.first < 1e-6);
    }
}
