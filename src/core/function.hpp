// Scalar functions of one coordinate, as OpenSim's CustomJoint uses them to drive a joint's
// rotations and translations: constant, linear, and SIMM's cubic spline.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace hv {

class ScalarFunction {
public:
    enum class Kind { Constant, Linear, Spline };

    ScalarFunction() = default; // the constant 0

    static ScalarFunction constant(double value);
    static ScalarFunction linear(double slope, double intercept);
    // Cubic spline through (x[i], y[i]) with the end conditions of Forsythe, Malcolm and Moler
    // (Computer Methods for Mathematical Computations, 1977), which OpenSim's SimmSpline uses:
    // the third derivative at each end matches that of the cubic through the four nearest knots,
    // so any cubic is reproduced exactly. Needs x strictly increasing and x.size() == y.size();
    // with one knot it is constant, with two linear. Beyond the knots it continues linearly with
    // the end slope. The caller validates the knots (the content loader reports bad ones).
    static ScalarFunction spline(std::vector<double> x, std::vector<double> y);

    Kind kind() const { return m_kind; }
    double value(double x) const;
    double derivative(double x) const;

    std::span<const double> knotsX() const { return m_x; }
    std::span<const double> knotsY() const { return m_y; }

private:
    Kind m_kind = Kind::Constant;
    double m_a = 0.0; // constant value, or slope
    double m_b = 0.0; // intercept
    std::vector<double> m_x, m_y, m_cb, m_cc, m_cd; // knots and per-interval coefficients
    std::size_t interval(double x) const;
};

} // namespace hv
