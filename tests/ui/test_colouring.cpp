#include "ui/muscle_colouring.hpp"

#include "anatomy_draw/palette.hpp"

#include "ui_fixture.hpp"

using namespace hv;
using namespace hv::ui;

TEST_CASE("the stretch colours are neutral when unchanged, warm when lengthened, blue when shortened, stronger with more change") {
    const glm::vec3 none = stretchColour(0.0);
    CHECK(stretchColour(0.5) == none);
    const glm::vec3 longer = stretchColour(10.0), shorter = stretchColour(-10.0);
    CHECK(longer.r > longer.b);
    CHECK(shorter.b > shorter.r);
    CHECK(glm::length(stretchColour(14.0) - none) > glm::length(stretchColour(4.0) - none));
    CHECK(stretchColour(100.0) == stretchColour(kStretchFullScalePercent));
}

TEST_CASE("every action has its own colour") {
    const Action all[] = {Action::None, Action::Flexor, Action::Extensor, Action::Adductor, Action::Abductor,
                          Action::InternalRotator, Action::ExternalRotator};
    for (std::size_t i = 0; i < std::size(all); ++i)
        for (std::size_t j = i + 1; j < std::size(all); ++j) CHECK(glm::length(roleColour(all[i]) - roleColour(all[j])) > 0.05f);
}

TEST_CASE("colouring by role paints each muscle part by the sign of its moment arm, group mode changes nothing") {
    draw::DrawList list;
    draw::PickTarget t;
    t.kind = draw::PickTarget::Kind::MusclePart;
    t.part = {3, 1};
    gfx::DrawItem item;
    item.pickId = list.addTarget(t);
    item.material.baseColor = glm::vec4(0.1f, 0.2f, 0.3f, 1.0f);
    list.items.push_back(item);
    gfx::DrawItem bone;
    draw::PickTarget b;
    b.kind = draw::PickTarget::Kind::Bone;
    bone.pickId = list.addTarget(b);
    bone.material.baseColor = glm::vec4(0.9f, 0.9f, 0.8f, 1.0f);
    list.items.push_back(bone);

    movement::PartState s;
    s.part = {3, 1};
    s.changePercent = 12.0;
    s.role = {Action::Flexor, Action::Abductor, Action::ExternalRotator};
    const movement::PartState states[] = {s};

    draw::DrawList g = list;
    colourMuscles(g, states, ColourMode::Groups, HipDof::Rotation);
    CHECK(g.items[0].material.baseColor == list.items[0].material.baseColor);

    draw::DrawList r = list;
    colourMuscles(r, states, ColourMode::Role, HipDof::Rotation);
    CHECK(glm::vec3(r.items[0].material.baseColor) == roleColour(Action::ExternalRotator));
    CHECK(r.items[1].material.baseColor == list.items[1].material.baseColor);
    colourMuscles(r, states, ColourMode::Role, HipDof::Adduction);
    CHECK(glm::vec3(r.items[0].material.baseColor) == roleColour(Action::Abductor));

    draw::DrawList st = list;
    colourMuscles(st, states, ColourMode::Stretch, HipDof::Rotation);
    CHECK(glm::vec3(st.items[0].material.baseColor) == stretchColour(12.0));
}

TEST_CASE("the lumbar level that took most of a movement is tinted most, a still spine is not tinted") {
    const Model& m = test::uiContent().model;
    draw::DrawList list;
    for (const char* v : {"L1", "L2", "L3", "L4", "L5"}) {
        draw::PickTarget t;
        t.kind = draw::PickTarget::Kind::Bone;
        t.body = m.findBody(v);
        REQUIRE(t.body >= 0);
        gfx::DrawItem i;
        i.pickId = list.addTarget(t);
        i.material.baseColor = glm::vec4(draw::boneColor(), 1.0f);
        list.items.push_back(i);
    }
    movement::LumbarShares shares;
    const char* names[] = {"L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2"};
    for (std::size_t i = 0; i < 5; ++i) shares.levels[i].name = names[i];
    draw::DrawList still = list;
    tintLumbarLevels(still, m, shares, movement::Plane::Sagittal);
    for (std::size_t i = 0; i < 5; ++i) CHECK(still.items[i].material.baseColor == list.items[i].material.baseColor);

    for (std::size_t i = 0; i < 5; ++i) {
        shares.levels[i].deg[0] = 10.0 - 2.0 * static_cast<double>(i);
        shares.levels[i].share[0] = 0.2 - 0.03 * static_cast<double>(i);
    }
    tintLumbarLevels(list, m, shares, movement::Plane::Sagittal);
    const auto distance = [&](std::size_t i) { return glm::length(glm::vec3(list.items[i].material.baseColor) - draw::boneColor()); };
    CHECK(levelBody(m, "L5-S1") == m.findBody("L5"));
    CHECK(levelBody(m, "nonsense") == -1);
    // items are L1..L5; L5 (L5-S1) took most.
    CHECK(distance(4) > distance(0));
    CHECK(distance(0) > 0.01f);
}
