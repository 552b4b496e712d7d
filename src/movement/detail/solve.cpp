#include "movement/detail/solve.hpp"

#include "core/roles.hpp"

#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <cmath>

namespace hv::movement::detail {

Vec3 rotationVector(const Mat3& r) {
    glm::dquat q = glm::quat_cast(r);
    if (q.w < 0.0) q = -q;
    const Vec3 v{q.x, q.y, q.z};
    const double s = glm::length(v);
    if (s < 1e-15) return 2.0 * v; // small-angle limit
    return v * (2.0 * std::atan2(s, q.w) / s);
}

namespace {

// Solves the n x n system a x = b in place (Gaussian elimination, partial pivoting).
bool solveLinear(std::vector<double>& a, std::vector<double>& b, std::size_t n) {
    for (std::size_t col = 0; col < n; ++col) {
        std::size_t pivot = col;
        for (std::size_t r = col + 1; r < n; ++r)
            if (std::abs(a[r * n + col]) > std::abs(a[pivot * n + col])) pivot = r;
        if (std::abs(a[pivot * n + col]) < 1e-300) return false;
        if (pivot != col) {
            for (std::size_t c = 0; c < n; ++c) std::swap(a[col * n + c], a[pivot * n + c]);
            std::swap(b[col], b[pivot]);
        }
        for (std::size_t r = col + 1; r < n; ++r) {
            const double f = a[r * n + col] / a[col * n + col];
            for (std::size_t c = col; c < n; ++c) a[r * n + c] -= f * a[col * n + c];
            b[r] -= f * b[col];
        }
    }
    for (std::size_t i = n; i-- > 0;) {
        double s = b[i];
        for (std::size_t c = i + 1; c < n; ++c) s -= a[i * n + c] * b[c];
        b[i] = s / a[i * n + i];
    }
    return true;
}

double norm2(std::span<const double> r) {
    double s = 0.0;
    for (double v : r) s += v * v;
    return s;
}

} // namespace

double solveLeastSquares(const LeastSquares& problem, std::vector<double>& p, int maxIterations) {
    const std::size_t n = problem.parameters, m = problem.residuals;
    const auto clampToBounds = [&](std::vector<double>& x) {
        for (std::size_t i = 0; i < n; ++i) {
            if (!problem.lower.empty()) x[i] = std::max(x[i], problem.lower[i]);
            if (!problem.upper.empty()) x[i] = std::min(x[i], problem.upper[i]);
        }
    };
    clampToBounds(p);
    std::vector<double> r(m), rTry(m), jac(m * n), jtj(n * n), g(n), pTry(n);
    problem.residual(p, r);
    double cost = norm2(r);
    double lambda = 1e-3;
    constexpr double kStep = 1e-7;
    for (int it = 0; it < maxIterations && cost > 1e-24; ++it) {
        // Numerical Jacobian (forward differences, stepping inwards at a bound).
        for (std::size_t j = 0; j < n; ++j) {
            pTry = p;
            double h = kStep;
            if (!problem.upper.empty() && pTry[j] + h > problem.upper[j]) h = -h;
            pTry[j] += h;
            problem.residual(pTry, rTry);
            for (std::size_t i = 0; i < m; ++i) jac[i * n + j] = (rTry[i] - r[i]) / h;
        }
        for (std::size_t a = 0; a < n; ++a) {
            g[a] = 0.0;
            for (std::size_t i = 0; i < m; ++i) g[a] += jac[i * n + a] * r[i];
            for (std::size_t b = 0; b < n; ++b) {
                double s = 0.0;
                for (std::size_t i = 0; i < m; ++i) s += jac[i * n + a] * jac[i * n + b];
                jtj[a * n + b] = s;
            }
        }
        bool improved = false;
        for (int attempt = 0; attempt < 12 && !improved; ++attempt) {
            std::vector<double> a = jtj, b(n);
            for (std::size_t i = 0; i < n; ++i) {
                a[i * n + i] += lambda * (jtj[i * n + i] + 1e-12);
                b[i] = -g[i];
            }
            if (!solveLinear(a, b, n)) {
                lambda *= 10.0;
                continue;
            }
            for (std::size_t i = 0; i < n; ++i) pTry[i] = p[i] + b[i];
            clampToBounds(pTry);
            problem.residual(pTry, rTry);
            const double c = norm2(rTry);
            if (c < cost) {
                p = pTry;
                r = rTry;
                const double gain = cost - c;
                cost = c;
                lambda = std::max(lambda / 10.0, 1e-12);
                improved = true;
                if (gain < 1e-28) return std::sqrt(cost);
            } else {
                lambda *= 10.0;
            }
        }
        if (!improved) break;
    }
    return std::sqrt(cost);
}

std::array<int, 6> rootCoordinates(const Model& model) {
    std::array<int, 6> out{-1, -1, -1, -1, -1, -1};
    for (const Body& b : model.bodies) {
        const Joint& j = model.joints[static_cast<std::size_t>(b.joint)];
        if (j.parentBody >= 0) continue;
        for (std::size_t i = 0; i < 3; ++i) {
            out[i] = j.rotations[i].coordinate;
            out[3 + i] = j.translations[i].coordinate;
        }
        break;
    }
    return out;
}


double matchOrientation(const Model& model, std::vector<double>& q, int body, const Mat3& target,
                        std::span<const int> coordinates, std::span<const double> lower,
                        std::span<const double> upper) {
    std::vector<Transform> bodies(model.bodies.size());
    const auto error = [&](const std::vector<double>& pose) {
        computeBodyTransforms(model, pose, bodies);
        return rotationVector(glm::transpose(bodies[static_cast<std::size_t>(body)].rotation) * target);
    };
    LeastSquares problem;
    problem.parameters = coordinates.size();
    problem.residuals = 3;
    problem.lower.assign(lower.begin(), lower.end());
    problem.upper.assign(upper.begin(), upper.end());
    std::vector<double> work = q;
    problem.residual = [&](std::span<const double> p, std::span<double> r) {
        for (std::size_t i = 0; i < coordinates.size(); ++i) work[static_cast<std::size_t>(coordinates[i])] = p[i];
        const Vec3 e = error(work);
        r[0] = e.x;
        r[1] = e.y;
        r[2] = e.z;
    };
    std::vector<double> p;
    for (int c : coordinates) p.push_back(q[static_cast<std::size_t>(c)]);
    const double left = solveLeastSquares(problem, p);
    for (std::size_t i = 0; i < coordinates.size(); ++i) q[static_cast<std::size_t>(coordinates[i])] = p[i];
    return left;
}

void moveRootSoPointIsAt(const Model& model, std::vector<double>& q, int body, const Vec3& point,
                         const Vec3& target) {
    const auto root = rootCoordinates(model);
    const std::vector<Transform> bodies = computeBodyTransforms(model, q);
    const Vec3 now = bodies[static_cast<std::size_t>(body)].apply(point);
    const Vec3 shift = target - now;
    // Translation axes of the root joint, in ground (its parent offset is identity in HipView's
    // skeleton, and the core applies them after the rotations in the parent-offset frame).
    for (const Body& b : model.bodies) {
        const Joint& j = model.joints[static_cast<std::size_t>(b.joint)];
        if (j.parentBody >= 0) continue;
        for (std::size_t i = 0; i < 3; ++i) {
            const int c = root[3 + i];
            if (c < 0) continue;
            const Vec3 axis = j.parentOffset.applyVector(glm::normalize(j.translations[i].axis));
            q[static_cast<std::size_t>(c)] += glm::dot(axis, shift);
        }
        break;
    }
}

} // namespace hv::movement::detail
