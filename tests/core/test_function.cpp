#include "core/function.hpp"

#include <doctest/doctest.h>

#include <cmath>

using hv::ScalarFunction;

TEST_CASE("a spline through samples of a cubic reproduces the cubic exactly (FMM end conditions)") {
    const auto cubic = [](double x) { return 0.5 * x * x * x - 2.0 * x * x + x + 3.0; };
    std::vector<double> xs{-1.0, -0.2, 0.5, 1.1, 2.0, 3.3};
    std::vector<double> ys;
    for (double x : xs) ys.push_back(cubic(x));
    const ScalarFunction f = ScalarFunction::spline(xs, ys);
    for (double x = -1.0; x <= 3.3; x += 0.0913) {
        CHECK(f.value(x) == doctest::Approx(cubic(x)).epsilon(1e-10));
        const double d = 1.5 * x * x - 4.0 * x + 1.0;
        CHECK(f.derivative(x) == doctest::Approx(d).epsilon(1e-9));
    }
}

TEST_CASE("a spline continues linearly with its end slopes beyond its knots") {
    const ScalarFunction f = ScalarFunction::spline({0.0, 1.0, 2.0, 3.0}, {0.0, 1.0, 4.0, 9.0});
    const double slopeEnd = f.derivative(3.0);
    CHECK(f.value(4.0) == doctest::Approx(9.0 + slopeEnd));
    CHECK(f.derivative(10.0) == doctest::Approx(slopeEnd));
    const double slopeStart = f.derivative(0.0);
    CHECK(f.value(-2.0) == doctest::Approx(-2.0 * slopeStart));
}

TEST_CASE("two-knot splines are straight lines and one-knot splines constants") {
    const ScalarFunction line = ScalarFunction::spline({1.0, 3.0}, {2.0, 6.0});
    CHECK(line.value(2.0) == doctest::Approx(4.0));
    CHECK(line.derivative(0.0) == doctest::Approx(2.0));
    const ScalarFunction c = ScalarFunction::spline({1.0}, {7.0});
    CHECK(c.value(-5.0) == 7.0);
    CHECK(c.derivative(3.0) == 0.0);
}

TEST_CASE("constant and linear functions") {
    CHECK(ScalarFunction::constant(2.5).value(100.0) == 2.5);
    CHECK(ScalarFunction::constant(2.5).derivative(1.0) == 0.0);
    CHECK(ScalarFunction::linear(2.0, 1.0).value(3.0) == 7.0);
    CHECK(ScalarFunction().value(1.0) == 0.0);
}
