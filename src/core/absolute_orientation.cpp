#include "core/absolute_orientation.hpp"

#include <array>
#include <cmath>

namespace hv {

namespace {
using Mat4 = std::array<std::array<double, 4>, 4>;

// Eigenvector of the largest eigenvalue of a symmetric 4x4 matrix by cyclic Jacobi rotations.
std::array<double, 4> dominantEigenvector(Mat4 a) {
    Mat4 v{};
    for (int i = 0; i < 4; ++i) v[i][i] = 1.0;
    for (int sweep = 0; sweep < 64; ++sweep) {
        double off = 0.0;
        for (int p = 0; p < 4; ++p)
            for (int q = p + 1; q < 4; ++q) off += a[p][q] * a[p][q];
        if (off < 1e-30) break;
        for (int p = 0; p < 4; ++p)
            for (int q = p + 1; q < 4; ++q) {
                if (std::abs(a[p][q]) < 1e-300) continue;
                const double theta = 0.5 * (a[q][q] - a[p][p]) / a[p][q];
                const double t = (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1.0));
                const double c = 1.0 / std::sqrt(t * t + 1.0), s = t * c;
                for (int k = 0; k < 4; ++k) { // A <- A J
                    const double akp = a[k][p], akq = a[k][q];
                    a[k][p] = c * akp - s * akq;
                    a[k][q] = s * akp + c * akq;
                }
                for (int k = 0; k < 4; ++k) { // A <- J^T A
                    const double apk = a[p][k], aqk = a[q][k];
                    a[p][k] = c * apk - s * aqk;
                    a[q][k] = s * apk + c * aqk;
                }
                for (int k = 0; k < 4; ++k) {
                    const double vkp = v[k][p], vkq = v[k][q];
                    v[k][p] = c * vkp - s * vkq;
                    v[k][q] = s * vkp + c * vkq;
                }
            }
    }
    int best = 0;
    for (int i = 1; i < 4; ++i)
        if (a[i][i] > a[best][best]) best = i;
    return {v[0][best], v[1][best], v[2][best], v[3][best]};
}
} // namespace

SimilarityFit fitSimilarity(std::span<const Vec3> from, std::span<const Vec3> to, bool allowScale) {
    SimilarityFit fit;
    const std::size_t n = std::min(from.size(), to.size());
    if (n < 3) return fit;
    Vec3 cf{0.0}, ct{0.0};
    for (std::size_t i = 0; i < n; ++i) {
        cf += from[i];
        ct += to[i];
    }
    cf /= static_cast<double>(n);
    ct /= static_cast<double>(n);
    double s[3][3] = {};
    double normFrom = 0.0, normTo = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const Vec3 a = from[i] - cf, b = to[i] - ct;
        normFrom += glm::dot(a, a);
        normTo += glm::dot(b, b);
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c) s[r][c] += a[r] * b[c];
    }
    if (normFrom <= 0.0) return fit;
    const double sxx = s[0][0], sxy = s[0][1], sxz = s[0][2], syx = s[1][0], syy = s[1][1],
                 syz = s[1][2], szx = s[2][0], szy = s[2][1], szz = s[2][2];
    const Mat4 nmat{{{sxx + syy + szz, syz - szy, szx - sxz, sxy - syx},
                     {syz - szy, sxx - syy - szz, sxy + syx, szx + sxz},
                     {szx - sxz, sxy + syx, -sxx + syy - szz, syz + szy},
                     {sxy - syx, szx + sxz, syz + szy, -sxx - syy + szz}}};
    const auto q = dominantEigenvector(nmat);
    const double w = q[0], x = q[1], y = q[2], z = q[3];
    const Mat3 r{Vec3{w * w + x * x - y * y - z * z, 2 * (x * y + w * z), 2 * (x * z - w * y)},
                 Vec3{2 * (x * y - w * z), w * w - x * x + y * y - z * z, 2 * (y * z + w * x)},
                 Vec3{2 * (x * z + w * y), 2 * (y * z - w * x), w * w - x * x - y * y + z * z}};
    fit.transform.rotation = r;
    fit.transform.scale = allowScale ? std::sqrt(normTo / normFrom) : 1.0;
    fit.transform.translation = ct - fit.transform.scale * (r * cf);
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double e = glm::length(fit.transform.apply(from[i]) - to[i]);
        sum += e * e;
        fit.maxResidual = std::max(fit.maxResidual, e);
    }
    fit.rmsResidual = std::sqrt(sum / static_cast<double>(n));
    fit.ok = true;
    return fit;
}

} // namespace hv
