// The callout planner without GL: synthetic draw lists and id images written by hand.
#include "anatomy_draw/callout_planner.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>

using namespace hv;
using namespace hv::draw;

namespace {

constexpr int kW = 100, kH = 50;

// Looks at the origin from +Z, so scene x maps to image x and scene y up to image y up.
gfx::Camera frontCamera() {
    gfx::Camera c;
    c.eye = {0, 0, 2};
    c.target = {0, 0, 0};
    c.nearZ = 0.1f;
    c.farZ = 10.0f;
    return c;
}

// Two muscles (left and right sides of one, plus another) with one item each.
DrawList twoSidedList() {
    DrawList list;
    for (int k = 0; k < 3; ++k) {
        PickTarget t;
        t.kind = PickTarget::Kind::MusclePart;
        t.muscleId = k < 2 ? "piriformis" : "psoas_major";
        const std::uint32_t id = list.addTarget(t);
        gfx::DrawItem item;
        item.pickId = id;
        item.flags = gfx::kHighlighted;
        const float x = -0.3f + 0.3f * static_cast<float>(k);
        item.bounds.add({x - 0.05f, -0.05f, -0.05f});
        item.bounds.add({x + 0.05f, 0.05f, 0.05f});
        list.items.push_back(item);
        LabelAnchor a;
        a.muscleId = t.muscleId;
        a.side = k == 0 ? Side::Left : Side::Right;
        a.text = k < 2 ? "Piriformis" : "Psoas major";
        a.position = {x, 0.0f, 0.0f};
        a.pickIds = {id};
        list.labels.push_back(a);
    }
    return list;
}

// An id image with a filled rectangle per (id, x0, y0, x1, y1).
std::vector<std::uint32_t> idImage(std::initializer_list<std::array<int, 5>> rects) {
    std::vector<std::uint32_t> ids(static_cast<std::size_t>(kW * kH), 0);
    for (const auto& r : rects)
        for (int y = r[2]; y < r[4]; ++y)
            for (int x = r[1]; x < r[3]; ++x) ids[static_cast<std::size_t>(y * kW + x)] = static_cast<std::uint32_t>(r[0]);
    return ids;
}

glm::vec2 fixedBox(std::string_view) { return {20.0f, 8.0f}; }

CalloutPlanParams params(CalloutSides sides) {
    CalloutPlanParams p;
    p.sides = sides;
    p.size = {2.0f * kW, 2.0f * kH}; // callouts placed at twice the id image's size
    p.margin = 4.0f;
    p.gap = 2.0f;
    p.leaderMin = 6.0f;
    return p;
}

} // namespace

TEST_CASE("a figure labels each muscle once on its most visible side and warns about a hidden one") {
    const DrawList list = twoSidedList();
    // Piriformis: left side 4 pixels, right side 40; psoas major not visible at all.
    const auto ids = idImage({{1, 10, 10, 12, 12}, {2, 60, 20, 68, 25}});
    const gfx::CalloutPlan plan = planCallouts(list, frontCamera(), IdImage{ids, kW, kH}, fixedBox, params(CalloutSides::MostVisible));
    REQUIRE(plan.callouts.size() == 1);
    CHECK(plan.callouts[0].text == "Piriformis");
    CHECK(plan.callouts[0].source == 1); // the right side's anchor
    CHECK(plan.callouts[0].callout.placed);
    // It points into the right side's visible pixels, scaled to the output image.
    const glm::vec2 a = plan.callouts[0].callout.anchor;
    CHECK(a.x >= 2.0f * 60);
    CHECK(a.x <= 2.0f * 68);
    CHECK(a.y >= 2.0f * 20);
    CHECK(a.y <= 2.0f * 25);
    REQUIRE(plan.warnings.size() == 1);
    CHECK(plan.warnings[0] == "no label for psoas_major: it is hidden in this view");
}

TEST_CASE("the window labels every visible side with its name and leaves hidden sides out silently") {
    const DrawList list = twoSidedList();
    const auto ids = idImage({{1, 10, 10, 12, 12}, {2, 60, 20, 68, 25}});
    const gfx::CalloutPlan plan = planCallouts(list, frontCamera(), IdImage{ids, kW, kH}, fixedBox, params(CalloutSides::Each));
    REQUIRE(plan.callouts.size() == 2);
    CHECK(plan.callouts[0].text == "Piriformis (left)");
    CHECK(plan.callouts[1].text == "Piriformis (right)");
    CHECK(plan.callouts[0].source == 0);
    CHECK(plan.warnings.empty());
    for (const auto& c : plan.callouts) {
        CHECK(c.callout.placed);
        CHECK(c.callout.boxMin.x >= 4.0f);
        CHECK(c.callout.boxMax.x <= 2.0f * kW - 4.0f);
    }
}

TEST_CASE("without an id image labels point where their anchors project") {
    const DrawList list = twoSidedList();
    const gfx::CalloutPlan plan = planCallouts(list, frontCamera(), IdImage{{}, kW, kH}, fixedBox, params(CalloutSides::Each));
    REQUIRE(plan.callouts.size() == 3);
    for (std::size_t k = 0; k < 3; ++k) {
        const glm::vec2 expected =
            gfx::projectToPixels(frontCamera(), list.labels[k].position, static_cast<float>(kW), static_cast<float>(kH)) * 2.0f;
        CHECK(plan.callouts[k].callout.anchor.x == doctest::Approx(expected.x));
        CHECK(plan.callouts[k].callout.anchor.y == doctest::Approx(expected.y));
    }
}

TEST_CASE("a label whose box cannot fit anywhere is not placed and says so") {
    const DrawList list = twoSidedList();
    const auto ids = idImage({{3, 40, 20, 50, 30}});
    const auto huge = [](std::string_view) { return glm::vec2(50.0f, 500.0f); };
    const gfx::CalloutPlan plan = planCallouts(list, frontCamera(), IdImage{ids, kW, kH}, huge, params(CalloutSides::MostVisible));
    REQUIRE(plan.callouts.size() == 1);
    CHECK(!plan.callouts[0].callout.placed);
    CHECK(std::find(plan.warnings.begin(), plan.warnings.end(), "no room for the label \"Psoas major\"") != plan.warnings.end());
}

TEST_CASE("only items whose screen boxes meet a labelled muscle's box are drawn into the id image") {
    DrawList list = twoSidedList();
    list.labels.resize(1); // label the left piriformis only
    gfx::DrawItem far, unknown;
    far.bounds.add({0.5f, 0.3f, -0.05f}); // up and to the right, clear of the left piriformis
    far.bounds.add({0.6f, 0.4f, 0.05f});
    list.items.push_back(far);
    list.items.push_back(unknown); // no bounds: its box is unknown, so it is drawn
    const auto occluders = calloutOccluders(list, frontCamera(), kW, kH);
    REQUIRE(occluders.size() == 2);
    CHECK(occluders[0].pickId == 1);
    CHECK(occluders[1].bounds.empty());
}
