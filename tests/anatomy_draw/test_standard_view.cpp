// Standard views look from where anatomists expect.
#include "anatomy_draw/standard_view.hpp"

#include <doctest/doctest.h>

using namespace hv::draw;

TEST_CASE("standard views look from the anatomical directions in the glTF frame") {
    // glTF: +Z the subject's front, -X the subject's right, +Y up.
    CHECK(viewDirection(StandardView::Anterior).toEye == glm::vec3(0, 0, 1));
    CHECK(viewDirection(StandardView::Posterior).toEye == glm::vec3(0, 0, -1));
    CHECK(viewDirection(StandardView::LateralRight).toEye == glm::vec3(-1, 0, 0));
    CHECK(viewDirection(StandardView::LateralLeft).toEye == glm::vec3(1, 0, 0));
    CHECK(viewDirection(StandardView::Superior).toEye == glm::vec3(0, 1, 0));
    CHECK(medialViewKeeps(StandardView::MedialLeft) == hv::Side::Left);
    CHECK(!medialViewKeeps(StandardView::Anterior));
    REQUIRE(standardViewNames().size() == 8);
    for (const auto& n : standardViewNames()) CHECK(standardViewName(*standardViewFromName(n)) == n);
    CHECK(!standardViewFromName("lateral"));
}
