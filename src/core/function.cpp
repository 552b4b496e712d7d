#include "core/function.hpp"

#include <algorithm>
#include <cassert>

namespace hv {

ScalarFunction ScalarFunction::constant(double value) {
    ScalarFunction f;
    f.m_kind = Kind::Constant;
    f.m_a = value;
    return f;
}

ScalarFunction ScalarFunction::linear(double slope, double intercept) {
    ScalarFunction f;
    f.m_kind = Kind::Linear;
    f.m_a = slope;
    f.m_b = intercept;
    return f;
}

ScalarFunction ScalarFunction::spline(std::vector<double> x, std::vector<double> y) {
    assert(x.size() == y.size() && !x.empty());
    ScalarFunction f;
    f.m_kind = Kind::Spline;
    const std::size_t n = x.size();
    std::vector<double> b(n, 0.0), c(n, 0.0), d(n, 0.0);
    if (n == 1) {
        // constant: all slopes stay zero
    } else if (n == 2) {
        b[0] = b[1] = (y[1] - y[0]) / (x[1] - x[0]);
    } else {
        // Forsythe, Malcolm & Moler's SPLINE: tridiagonal system with diagonal b,
        // off-diagonal d and right-hand side c, then back substitution.
        const std::size_t last = n - 1;
        d[0] = x[1] - x[0];
        c[1] = (y[1] - y[0]) / d[0];
        for (std::size_t i = 1; i < last; ++i) {
            d[i] = x[i + 1] - x[i];
            b[i] = 2.0 * (d[i - 1] + d[i]);
            c[i + 1] = (y[i + 1] - y[i]) / d[i];
            c[i] = c[i + 1] - c[i];
        }
        b[0] = -d[0];
        b[last] = -d[n - 2];
        c[0] = 0.0;
        c[last] = 0.0;
        if (n > 3) {
            c[0] = c[2] / (x[3] - x[1]) - c[1] / (x[2] - x[0]);
            c[last] = c[n - 2] / (x[last] - x[n - 3]) - c[n - 3] / (x[n - 2] - x[n - 4]);
            c[0] = c[0] * d[0] * d[0] / (x[3] - x[0]);
            c[last] = -c[last] * d[n - 2] * d[n - 2] / (x[last] - x[n - 4]);
        }
        for (std::size_t i = 1; i <= last; ++i) {
            const double t = d[i - 1] / b[i - 1];
            b[i] -= t * d[i - 1];
            c[i] -= t * c[i - 1];
        }
        c[last] /= b[last];
        for (std::size_t k = 0; k < last; ++k) {
            const std::size_t i = last - 1 - k;
            c[i] = (c[i] - d[i] * c[i + 1]) / b[i];
        }
        b[last] = (y[last] - y[n - 2]) / d[n - 2] + d[n - 2] * (c[n - 2] + 2.0 * c[last]);
        for (std::size_t i = 0; i < last; ++i) {
            b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2.0 * c[i]);
            d[i] = (c[i + 1] - c[i]) / d[i];
            c[i] = 3.0 * c[i];
        }
        c[last] = 3.0 * c[last];
        d[last] = d[n - 2];
    }
    f.m_x = std::move(x);
    f.m_y = std::move(y);
    f.m_cb = std::move(b);
    f.m_cc = std::move(c);
    f.m_cd = std::move(d);
    return f;
}

std::size_t ScalarFunction::interval(double x) const {
    // index i with m_x[i] <= x < m_x[i+1], clamped to the valid range
    const auto it = std::upper_bound(m_x.begin(), m_x.end(), x);
    if (it == m_x.begin()) return 0;
    return std::min<std::size_t>(static_cast<std::size_t>(it - m_x.begin()) - 1, m_x.size() - 1);
}

double ScalarFunction::value(double x) const {
    switch (m_kind) {
    case Kind::Constant: return m_a;
    case Kind::Linear: return m_a * x + m_b;
    case Kind::Spline: break;
    }
    if (m_x.size() == 1) return m_y[0];
    if (x <= m_x.front()) return m_y.front() + m_cb.front() * (x - m_x.front());
    if (x >= m_x.back()) return m_y.back() + m_cb.back() * (x - m_x.back());
    const std::size_t i = interval(x);
    const double dx = x - m_x[i];
    return m_y[i] + dx * (m_cb[i] + dx * (m_cc[i] + dx * m_cd[i]));
}

double ScalarFunction::derivative(double x) const {
    switch (m_kind) {
    case Kind::Constant: return 0.0;
    case Kind::Linear: return m_a;
    case Kind::Spline: break;
    }
    if (m_x.size() == 1) return 0.0;
    if (x <= m_x.front()) return m_cb.front();
    if (x >= m_x.back()) return m_cb.back();
    const std::size_t i = interval(x);
    const double dx = x - m_x[i];
    return m_cb[i] + dx * (2.0 * m_cc[i] + 3.0 * dx * m_cd[i]);
}

} // namespace hv
