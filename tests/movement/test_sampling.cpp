// Keyframe playback: through every key, smooth and without overshoot between keys, looping or
// clamped at the ends.
#include "movement_fixture.hpp"

#include "movement/sampling.hpp"

#include <cmath>

using namespace hv;
using namespace hv::movement;

namespace {

// A one-track movement on hip_flexion_r with the given keys (time s, value deg).
Movement oneTrack(std::vector<std::pair<double, double>> keys, Interpolation mode = Interpolation::Smooth) {
    Movement m;
    m.id = "test";
    m.interpolation = mode;
    m.coordinates = {hv::test::coordinate("hip_flexion_r")};
    for (const auto& [t, v] : keys) {
        Keyframe k;
        k.time = t;
        m.keys.push_back(k);
        m.values.push_back(toRadians(v));
    }
    return m;
}

double deg(const Movement& m, double t, bool periodic = false) { return toDegrees(interpolateTrack(m, 0, t, periodic)); }

} // namespace

TEST_CASE("smooth interpolation passes through every key") {
    const Movement m = oneTrack({{0, 0}, {1, 40}, {2.5, 10}, {3, 90}});
    CHECK(deg(m, 0) == doctest::Approx(0));
    CHECK(deg(m, 1) == doctest::Approx(40));
    CHECK(deg(m, 2.5) == doctest::Approx(10));
    CHECK(deg(m, 3) == doctest::Approx(90));
}

TEST_CASE("smooth interpolation never leaves the range of the two keys around it") {
    // Catmull-Rom would overshoot past 40 before coming down to 10; the monotone cubic does not.
    const Movement m = oneTrack({{0, 0}, {1, 40}, {1.2, 40.5}, {2, 10}, {3, 90}});
    for (double t = 0.0; t <= 3.0; t += 0.01) {
        const double v = deg(m, t);
        const std::size_t k = segmentAt(m, t);
        const double a = toDegrees(m.value(k, 0));
        const double b = toDegrees(m.value(std::min(k + 1, m.keys.size() - 1), 0));
        INFO("t = " << t << ", v = " << v);
        CHECK(v >= std::min(a, b) - 1e-9);
        CHECK(v <= std::max(a, b) + 1e-9);
    }
}

TEST_CASE("a hold between two equal keys stays exactly still, and the motion starts and ends at rest") {
    const Movement m = oneTrack({{0, 0}, {1, 60}, {3, 60}, {4, 0}});
    for (double t = 1.0; t <= 3.0; t += 0.1) CHECK(deg(m, t) == doctest::Approx(60).epsilon(1e-12));
    // Zero slope at the ends: a small step from the start moves far less than linearly.
    CHECK(deg(m, 0.01) < 0.01 * 60.0 * 0.1);
    CHECK(deg(m, 3.99) < 0.01 * 60.0 * 0.1);
}

TEST_CASE("linear interpolation is linear") {
    const Movement m = oneTrack({{0, 0}, {2, 40}}, Interpolation::Linear);
    CHECK(deg(m, 0.5) == doctest::Approx(10));
    CHECK(deg(m, 1.5) == doctest::Approx(30));
}

TEST_CASE("looping wraps the time and a loop with equal ends does not stop at the seam") {
    const Movement m = oneTrack({{0, 0}, {1, 30}, {2, 0}, {3, -20}, {4, 0}});
    CHECK(playbackTime(m, 5.5, true) == doctest::Approx(1.5));
    CHECK(playbackTime(m, -0.5, true) == doctest::Approx(3.5));
    CHECK(playbackTime(m, 5.5, false) == doctest::Approx(4.0));
    CHECK(playbackTime(m, -1.0, false) == doctest::Approx(0.0));
    // At the seam the periodic curve keeps moving (slope from -20 at t=3 up to 30 at t=1).
    const double before = deg(m, 3.95, true), after = deg(m, 0.05, true);
    CHECK(after - before > 0.5);
    // Clamped, it comes to rest at the end; looping, it is still moving there.
    CHECK(std::abs(deg(m, 4.0) - deg(m, 3.99)) < 0.02);
    CHECK(std::abs(deg(m, 4.0, true) - deg(m, 3.99, true)) > 0.1);
}

TEST_CASE("sampleKeyed fills the pose, the support in force and the latest label") {
    const Movement& m = hv::test::movementById("self-test");
    const Model& model = hv::test::content().model;
    const KeyedSample early = sampleKeyed(model, m, 1.0, false);
    CHECK(early.q.size() == model.coordinates.size());
    CHECK(early.support == Support::Left);
    CHECK(early.label == "Right hip: flexion");
    const KeyedSample late = sampleKeyed(model, m, 16.0, false);
    CHECK(late.support == Support::Right);
    CHECK(late.label == "Left hip: flexion");
    CHECK(toDegrees(late.q[static_cast<std::size_t>(hv::test::coordinate("hip_flexion_l"))]) == doctest::Approx(120));
}
