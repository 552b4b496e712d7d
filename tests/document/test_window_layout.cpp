// The window's layout rules: where it opens on a screen and how the panels share it, for windows
// from 1024x568 to 4K and text sizes from 0.75 to 3 times normal.
#include "document/window_layout.hpp"

#include <doctest/doctest.h>

#include <array>
#include <utility>

using hv::doc::initialWindowSize;
using hv::doc::panelLayout;

TEST_CASE("the window opens at 1600x900 where that fits and at the work area less a title bar where it does not") {
    CHECK(initialWindowSize(1920, 1050).w == 1600);
    CHECK(initialWindowSize(1920, 1050).h == 900);
    CHECK(initialWindowSize(1366, 728).w == 1366);
    CHECK(initialWindowSize(1366, 728).h == 696);
    CHECK(initialWindowSize(1280, 720).h == 688);
    CHECK(initialWindowSize(0, 0).w == 1600); // unknown work area
    CHECK(initialWindowSize(200, 100).w == 320);
    CHECK(initialWindowSize(200, 100).h == 240);
}

TEST_CASE("every panel lies inside the window and the 3D view keeps at least a third of its width") {
    constexpr std::array<std::pair<float, float>, 5> kWindows{{{1024.0f, 568.0f}, {1280.0f, 688.0f}, {1366.0f, 736.0f}, {1600.0f, 900.0f}, {3840.0f, 2128.0f}}};
    for (const auto& [W, H] : kWindows)
        for (const float scale : {0.75f, 1.0f, 1.45f, 2.0f, 3.0f})
            for (const bool info : {false, true}) {
                CAPTURE(W);
                CAPTURE(scale);
                CAPTURE(info);
                const auto l = panelLayout(W, H, 24.0f * scale, scale, true, info);
                CHECK(l.hasLeft);
                CHECK(l.hasInfo == info);
                for (const auto& r : {l.left, l.view}) {
                    CHECK(r.x >= 0.0f);
                    CHECK(r.y >= 0.0f);
                    CHECK(r.right() <= W + 0.01f);
                    CHECK(r.bottom() <= H + 0.01f);
                }
                if (info) {
                    CHECK(l.info.x >= l.view.right() - 0.01f);
                    CHECK(l.info.right() <= W + 0.01f);
                    CHECK(l.info.w >= 200.0f);
                }
                CHECK(l.left.w >= 200.0f);
                CHECK(l.view.x >= l.left.right() - 0.01f);
                CHECK(l.view.w >= 0.34f * W - 0.01f);
            }
}

TEST_CASE("panels keep their preferred widths where there is room and the view fills the window without panels") {
    const auto roomy = panelLayout(1600.0f, 900.0f, 24.0f, 1.0f, true, true);
    CHECK(roomy.left.w == doctest::Approx(360.0f));
    CHECK(roomy.info.w == doctest::Approx(420.0f));
    CHECK(roomy.view.w == doctest::Approx(820.0f));
    const auto bare = panelLayout(1600.0f, 900.0f, 24.0f, 1.0f, false, true);
    CHECK_FALSE(bare.hasLeft);
    CHECK_FALSE(bare.hasInfo);
    CHECK(bare.view.x == 0.0f);
    CHECK(bare.view.w == doctest::Approx(1600.0f));
    CHECK(bare.view.h == doctest::Approx(876.0f));
}
