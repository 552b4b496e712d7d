#include "document/adaptive_quality.hpp"

#include <doctest/doctest.h>

using namespace hv::doc;

TEST_CASE("moving draws at the cheap quality, settling draws once at full quality, and stillness draws nothing") {
    QualityPolicy p;
    const QualitySettings s = p.settings();
    // First frame: nothing kept yet, and the scene is new.
    auto q = p.next(0.0, true, false);
    REQUIRE(q);
    CHECK(*q == s.moving);
    // Orbiting: every frame changes the picture, at the moving quality.
    for (int i = 1; i <= 5; ++i) {
        q = p.next(0.02 * i, true, true);
        REQUIRE(q);
        CHECK(*q == s.moving);
    }
    // Released, not settled yet: nothing to draw.
    CHECK_FALSE(p.next(0.15, false, false));
    // Settled: one full-quality picture, then nothing.
    q = p.next(0.10 + s.settleSeconds + 0.01, false, false);
    REQUIRE(q);
    CHECK(*q == s.full);
    CHECK(p.atFullQuality());
    CHECK_FALSE(p.next(1.0, false, false));
    CHECK_FALSE(p.next(2.0, false, false));
    // Resized: drawn again.
    p.invalidate();
    CHECK(p.next(2.1, false, false));
}

TEST_CASE("without adaptive quality every picture is at full quality") {
    QualitySettings s;
    s.adaptive = false;
    QualityPolicy p(s);
    for (int i = 0; i < 3; ++i) {
        const auto q = p.next(0.01 * i, true, true);
        REQUIRE(q);
        CHECK(*q == s.full);
    }
    CHECK_FALSE(p.next(1.0, false, false));
}

TEST_CASE("a quality's render size scales the viewport and never reaches zero") {
    int w = 0, h = 0;
    scaledSize(Quality{0.5f, 1, false, false}, 1280, 720, w, h);
    CHECK(w == 640);
    CHECK(h == 360);
    scaledSize(Quality{0.01f, 1, false, false}, 10, 10, w, h);
    CHECK(w == 1);
    CHECK(h == 1);
}
