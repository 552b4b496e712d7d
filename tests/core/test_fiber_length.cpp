// The fibre length of a muscle part from its path length: rigid tendon, constant thickness.
#include "core/fiber_length.hpp"
#include "core/math.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace hv;

TEST_CASE("a parallel-fibred part has its path length less its tendon as fibre length") {
    Architecture a;
    a.optimalFiberLength = 0.1;
    a.tendonSlackLength = 0.05;
    CHECK(fiberLength(a, 0.17) == doctest::Approx(0.12));
    CHECK(normalizedFiberLength(a, 0.15) == doctest::Approx(1.0));
}

TEST_CASE("a pennate part at the path length of its optimal fibres is at optimal length") {
    Architecture a;
    a.optimalFiberLength = 0.08;
    a.tendonSlackLength = 0.1;
    a.pennationAngle = 20.0 * kRadPerDeg;
    const double optimalPath = a.tendonSlackLength + a.optimalFiberLength * std::cos(a.pennationAngle);
    CHECK(normalizedFiberLength(a, optimalPath) == doctest::Approx(1.0));
    // Shortening the path by d shortens pennate fibres by less than d.
    CHECK(a.optimalFiberLength - fiberLength(a, optimalPath - 0.01) < 0.01);
    CHECK(a.optimalFiberLength - fiberLength(a, optimalPath - 0.01) > 0.0);
}

TEST_CASE("a path shorter than its tendon leaves the fibres at their thickness") {
    Architecture a;
    a.optimalFiberLength = 0.08;
    a.tendonSlackLength = 0.1;
    a.pennationAngle = 30.0 * kRadPerDeg;
    CHECK(fiberLength(a, 0.1) == doctest::Approx(0.04));
}
