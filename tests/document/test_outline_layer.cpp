// The body outline in the view state: off for a still pose, on while a movement plays unless the
// user says otherwise; drawn ghosted in skin-grey, never picked, posed with the skeleton; figures
// follow the same rule and keep the window's choice.
#include "document/document.hpp"
#include "document/figure_export.hpp"

#include "anatomy_draw/figure_spec.hpp"
#include "document/document_fixture.hpp"

#include <doctest/doctest.h>

using namespace hv;
using namespace hv::doc;

namespace {

Document defaultModelDocument() { return Document(test::uiContent(), &test::uiMovements(), HV_SOURCE_DIR "/assets/hip.glb"); }

std::vector<const gfx::DrawItem*> outlineItems(const draw::DrawList& list) {
    std::vector<const gfx::DrawItem*> out;
    for (const gfx::DrawItem& i : list.items)
        if (i.material.baseColor.r == doctest::Approx(draw::kOutlineColour.r) && i.material.baseColor.g == doctest::Approx(draw::kOutlineColour.g) &&
            i.material.baseColor.b == doctest::Approx(draw::kOutlineColour.b) && (i.flags & gfx::kGhosted))
            out.push_back(&i);
    return out;
}

} // namespace

TEST_CASE("the outline is off for a still pose, on while a movement plays, and the user's choice wins either way") {
    CHECK_FALSE(draw::outlineShown(std::nullopt, false));
    CHECK(draw::outlineShown(std::nullopt, true));
    CHECK_FALSE(draw::outlineShown(false, true));
    CHECK(draw::outlineShown(true, false));
    Document doc = defaultModelDocument();
    CHECK_FALSE(doc.layerOptions().layers.outline);
    REQUIRE(doc.startMovement("squat"));
    CHECK(doc.layerOptions().layers.outline);
    doc.layers.outline = false;
    CHECK_FALSE(doc.layerOptions().layers.outline);
    doc.stopMovement();
    doc.layers.outline = true;
    CHECK(doc.layerOptions().layers.outline);
}

TEST_CASE("the default model's outline is drawn ghosted in skin-grey and never picked, one item per piece") {
    const draw::AnatomyDrawer drawer(test::uiContent(), defaultModelDocument().drawer().model());
    REQUIRE(drawer.modelIsAnatomical());
    const std::vector<double> q = test::uiContent().model.defaultPose();
    draw::DrawOptions o;
    CHECK(outlineItems(drawer.build(q, o)).empty());
    o.layers.outline = true;
    const draw::DrawList list = drawer.build(q, o);
    const auto items = outlineItems(list);
    CHECK(items.size() == 11); // trunk, and upper arm, forearm, hand, thigh, shank per side
    for (const gfx::DrawItem* i : items) {
        CHECK(i->pickId == 0);
        CHECK((i->flags & gfx::kNoFraming) != 0); // a chosen view frames the anatomy; a movement's camera the whole person
        CHECK(i->skinned());
        CHECK_FALSE(i->bounds.empty());
    }
    // and it changes nothing else
    draw::DrawOptions without;
    CHECK(drawer.build(q, without).items.size() + items.size() == list.items.size());
}

TEST_CASE("the outline's boxes follow the pose: an arm raised overhead lifts its box above the head") {
    const draw::AnatomyDrawer drawer(test::uiContent(), defaultModelDocument().drawer().model());
    const Model& model = test::uiContent().model;
    std::vector<double> q = model.defaultPose();
    draw::DrawOptions o;
    o.layers.outline = true;
    const auto top = [&] {
        float y = -1e9f;
        const draw::DrawList list = drawer.build(q, o); // kept alive: outlineItems points into it
        for (const gfx::DrawItem* i : outlineItems(list)) y = std::max(y, i->bounds.max.y);
        return y;
    };
    const float standing = top();
    q[static_cast<std::size_t>(test::coord("arm_flexion_r"))] = 170.0 * 3.14159265358979 / 180.0;
    CHECK(top() > standing + 0.3f);
}

TEST_CASE("figures draw the outline with a movement, not for a still pose, and as a show list or the scene file says") {
    const Content& content = test::uiContent();
    draw::FigureSpec still;
    CHECK_FALSE(draw::figureDrawOptions(still, content).layers.outline);
    draw::FigureSpec moving;
    moving.movement = "squat";
    CHECK(draw::figureDrawOptions(moving, content).layers.outline);
    moving.outline = false;
    CHECK_FALSE(draw::figureDrawOptions(moving, content).layers.outline);
    draw::FigureSpec listed;
    listed.show = {"outline"};
    const draw::DrawOptions o = draw::figureDrawOptions(listed, content);
    CHECK(o.layers.outline);
    CHECK(o.layers.bones); // "outline" alone keeps the default layers
    CHECK(o.layers.muscles);
    draw::FigureSpec bonesOnly;
    bonesOnly.movement = "squat";
    bonesOnly.show = {"bones"};
    CHECK_FALSE(draw::figureDrawOptions(bonesOnly, content).layers.outline);
    // a scene file round trip keeps the choice
    draw::FigureSpec off;
    off.output = "x.png";
    off.movement = "squat";
    off.outline = false;
    const auto back = draw::parseFigureText(draw::figureFileText(std::vector<draw::FigureSpec>{off}), "t.toml", ".", &content);
    REQUIRE(back.figures);
    REQUIRE(back.figures->size() == 1);
    CHECK(back.figures->front().outline == std::optional<bool>(false));
}
