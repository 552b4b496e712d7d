#include "core/absolute_orientation.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace hv;

TEST_CASE("Horn's fit recovers a known rigid motion and scale exactly") {
    const Mat3 r = rotationXyzBodyFixed({0.2, -0.4, 0.9});
    const Vec3 t{0.01, -0.2, 0.05};
    std::vector<Vec3> from{{0, 0, 0}, {0.1, 0, 0}, {0, 0.2, 0}, {0, 0, 0.3}, {0.05, -0.07, 0.02}};
    for (bool scaled : {false, true}) {
        const double s = scaled ? 1.3 : 1.0;
        std::vector<Vec3> to;
        for (const Vec3& p : from) to.push_back(s * (r * p) + t);
        const SimilarityFit fit = fitSimilarity(from, to, scaled);
        REQUIRE(fit.ok);
        CHECK(fit.rmsResidual < 1e-12);
        CHECK(fit.transform.scale == doctest::Approx(s));
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) CHECK(fit.transform.rotation[i][j] == doctest::Approx(r[i][j]).epsilon(1e-9));
    }
}

TEST_CASE("fewer than three pairs cannot be fitted") {
    std::vector<Vec3> a{{0, 0, 0}, {1, 0, 0}};
    CHECK_FALSE(fitSimilarity(a, a, false).ok);
}
