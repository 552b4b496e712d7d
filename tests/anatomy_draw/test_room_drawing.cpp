// The room drawn: the floor item lies at y = 0 under the body, is left out of framing and comes
// only when asked; props become items where the file puts them (boxes) or between the body
// points at the pose (bands, cables); the floor's default follows floorShown().
#include "anatomy_draw/room_drawing.hpp"

#include "anatomy_draw/anatomy_drawer.hpp"
#include "anatomy_draw/figure_spec.hpp"
#include "content/content_fixture.hpp"
#include "core/kinematics.hpp"
#include "gfx/camera.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace hv;
using namespace hv::draw;

namespace {

const gfx::DrawItem* floorOf(const DrawList& list) {
    for (const auto& i : list.items)
        if (i.material.kind == gfx::MaterialKind::Floor) return &i;
    return nullptr;
}

} // namespace

TEST_CASE("the floor is drawn only when asked, at y = 0 under the body, and never framed") {
    const Content& content = test::projectContent();
    AnatomyDrawer drawer(content);
    const auto q = content.model.defaultPose();
    DrawOptions o;
    CHECK(floorOf(drawer.build(q, o)) == nullptr);
    const scene::Bounds without = gfx::wholeBodyBounds(drawer.build(q, o).items);
    o.layers.floor = true;
    const DrawList list = drawer.build(q, o);
    const gfx::DrawItem* floor = floorOf(list);
    REQUIRE(floor != nullptr);
    CHECK(floor->pickId == 0u);
    CHECK(floor->bounds.empty());
    CHECK(floor->transform[3].y == doctest::Approx(0.0f));
    // Under the body: its centre is below the middle of what is drawn.
    const scene::Bounds body = gfx::framingBounds(list.items);
    CHECK(std::abs(floor->transform[3].x - body.center().x) < 0.01f);
    CHECK(std::abs(floor->transform[3].z - body.center().z) < 0.01f);
    // Framing sees the same box with and without it.
    const scene::Bounds with = gfx::wholeBodyBounds(list.items);
    CHECK(with.min.y == doctest::Approx(without.min.y));
    CHECK(with.max.x == doctest::Approx(without.max.x));
}

TEST_CASE("the floor's default is on with a movement and off without, and an explicit choice wins") {
    CHECK(floorShown(std::nullopt, true));
    CHECK_FALSE(floorShown(std::nullopt, false));
    CHECK_FALSE(floorShown(false, true));
    CHECK(floorShown(true, false));
}

TEST_CASE("show floor alone adds the floor to the default layers, and a scene file's floor flag reads back") {
    const Content& content = test::projectContent();
    std::string error;
    const std::vector<std::string> items{"floor"};
    const auto layers = parseShowList(content, items, error);
    REQUIRE(layers);
    CHECK(layers->bones);
    CHECK(layers->muscles);
    CHECK(layers->floor == std::optional<bool>(true));
    const std::vector<std::string> bonesOnly{"bones", "floor"};
    const auto l2 = parseShowList(content, bonesOnly, error);
    REQUIRE(l2);
    CHECK_FALSE(l2->muscles);
    FigureSpec spec;
    spec.output = "a.png";
    spec.floor = false;
    const auto back = parseFigureText(figureFileText(std::span(&spec, 1)), "scene.toml", ".");
    REQUIRE(back.figures);
    REQUIRE(back.figures->size() == 1);
    CHECK(back.figures->front().floor == std::optional<bool>(false));
    CHECK(figureDrawOptions(back.figures->front(), content).layers.floor == std::optional<bool>(false));
}

TEST_CASE("a box prop is drawn where the file puts it and a band runs between its body points") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    movement::Prop step;
    step.kind = movement::PropKind::Step;
    step.top = Vec3{0.3, 0.2, 0.1}; // room: forward, up, right
    step.size = Vec3{0.4, 0.2, 0.6};
    movement::Prop band;
    band.kind = movement::PropKind::Band;
    band.from = *movement::namedBodyPoint(model, "ankle_r");
    band.to = *movement::namedBodyPoint(model, "ankle_l");
    const auto q = model.defaultPose();
    DrawList list;
    appendPropItems(std::vector<movement::Prop>{step, band}, computeBodyTransforms(model, q), Transform{}, list);
    REQUIRE(list.items.size() == 2);
    // The step in the scene (x = -room z, z = room x): on the floor, 0.2 m high.
    const scene::Bounds& b = list.items[0].bounds;
    CHECK(b.min.y == doctest::Approx(0.0f).epsilon(1e-4));
    CHECK(b.max.y == doctest::Approx(0.2f));
    CHECK(b.center().x == doctest::Approx(-0.1f));
    CHECK(b.center().z == doctest::Approx(0.3f));
    CHECK(b.size().z == doctest::Approx(0.4f));
    CHECK(b.size().x == doctest::Approx(0.6f));
    // The band spans both ankles (scene x is the body's left-right axis) and is framed.
    const scene::Bounds& t = list.items[1].bounds;
    const auto ends = movement::propEnds(band, computeBodyTransforms(model, q), Transform{});
    REQUIRE(ends);
    CHECK(t.min.x < static_cast<float>(-ends->first.z) + 0.02f);
    CHECK(t.max.x > static_cast<float>(-ends->second.z) - 0.02f);
    CHECK(t.min.y < static_cast<float>(ends->first.y));
    CHECK((list.items[1].flags & gfx::kNoFraming) == 0u);
}
