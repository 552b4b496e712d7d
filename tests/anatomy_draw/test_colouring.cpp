// Muscle and lumbar colours are draw options: the drawer applies them while it builds the list.
#include "anatomy_draw/colouring.hpp"

#include "anatomy_draw/anatomy_drawer.hpp"
#include "anatomy_draw/palette.hpp"
#include "content/content_fixture.hpp"

#include <doctest/doctest.h>

using namespace hv;
using namespace hv::draw;
using hv::gfx::DrawItem;

namespace {

// The items of one muscle part in `list`.
std::vector<const DrawItem*> itemsOf(const DrawList& list, int muscle, int part) {
    std::vector<const DrawItem*> out;
    for (const DrawItem& i : list.items) {
        const PickTarget* t = list.target(i.pickId);
        if (t && t->kind == PickTarget::Kind::MusclePart && t->part.muscle == muscle && t->part.part == part) out.push_back(&i);
    }
    return out;
}

const DrawItem* boneItem(const DrawList& list, int body) {
    for (const DrawItem& i : list.items) {
        const PickTarget* t = list.target(i.pickId);
        if (t && t->kind == PickTarget::Kind::Bone && t->body == body) return &i;
    }
    return nullptr;
}

} // namespace

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

TEST_CASE("colour mode names read back to their modes and an unknown name is refused") {
    for (const std::string& n : colourModeNames()) {
        const auto m = colourModeFromName(n);
        REQUIRE(m.has_value());
        CHECK(colourModeName(*m) == n);
    }
    CHECK_FALSE(colourModeFromName("rainbow").has_value());
}

TEST_CASE("the drawer colours a muscle part by its role or its stretch from the part states, other parts keep their group colour") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    const AnatomyDrawer drawer(content);
    const int pir = model.findMuscle("piriformis", Side::Right);
    const int gmax = model.findMuscle("gluteus_maximus", Side::Right);
    REQUIRE(pir >= 0);
    REQUIRE(gmax >= 0);
    const auto q = model.defaultPose();

    movement::PartState s;
    s.part = {pir, 0};
    s.changePercent = 12.0;
    s.role = {Action::Flexor, Action::Abductor, Action::ExternalRotator};

    DrawOptions groups;
    const DrawList g = drawer.build(q, groups);
    REQUIRE_FALSE(itemsOf(g, pir, 0).empty());
    CHECK(glm::vec3(itemsOf(g, pir, 0)[0]->material.baseColor) == muscleColor(content, "piriformis"));

    DrawOptions role;
    role.colouring = {ColourMode::Role, HipDof::Rotation, {s}};
    const DrawList r = drawer.build(q, role);
    CHECK(glm::vec3(itemsOf(r, pir, 0)[0]->material.baseColor) == roleColour(Action::ExternalRotator));
    // The second cue: an external rotator is plain, an abductor (the negative sense too) plain,
    // a flexor banded; outside the role mode nothing is banded.
    CHECK_FALSE(itemsOf(r, pir, 0)[0]->material.banded);
    role.colouring.roleDof = HipDof::Flexion;
    CHECK(itemsOf(drawer.build(q, role), pir, 0)[0]->material.banded);
    CHECK_FALSE(itemsOf(g, pir, 0)[0]->material.banded);
    // A part without a state keeps its group colour.
    CHECK(glm::vec3(itemsOf(r, gmax, 0)[0]->material.baseColor) == muscleColor(content, "gluteus_maximus"));
    role.colouring.roleDof = HipDof::Adduction;
    CHECK(glm::vec3(itemsOf(drawer.build(q, role), pir, 0)[0]->material.baseColor) == roleColour(Action::Abductor));

    DrawOptions stretch;
    stretch.colouring = {ColourMode::Stretch, HipDof::Rotation, {s}};
    CHECK(glm::vec3(itemsOf(drawer.build(q, stretch), pir, 0)[0]->material.baseColor) == stretchColour(12.0));
    // Group mode ignores states.
    groups.colouring.parts = {s};
    CHECK(glm::vec3(itemsOf(drawer.build(q, groups), pir, 0)[0]->material.baseColor) == muscleColor(content, "piriformis"));
}

TEST_CASE("the lumbar level that took most of a movement is tinted most, a still spine is not tinted") {
    const Content& content = test::projectContent();
    const Model& m = content.model;
    const AnatomyDrawer drawer(content); // stand-in bones include L1..L5
    const auto q = m.defaultPose();
    movement::LumbarShares shares;
    const char* names[] = {"L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2"};
    for (std::size_t i = 0; i < 5; ++i) shares.levels[i].name = names[i];
    DrawOptions still;
    still.lumbarTint = LumbarTint{shares, movement::Plane::Sagittal};
    const DrawList plain = drawer.build(q, DrawOptions{});
    const DrawList stillList = drawer.build(q, still);
    for (const char* v : {"L1", "L5"}) {
        REQUIRE(boneItem(stillList, m.findBody(v)) != nullptr);
        CHECK(boneItem(stillList, m.findBody(v))->material.baseColor == boneItem(plain, m.findBody(v))->material.baseColor);
    }

    for (std::size_t i = 0; i < 5; ++i) {
        shares.levels[i].deg[0] = 10.0 - 2.0 * static_cast<double>(i);
        shares.levels[i].share[0] = 0.2 - 0.03 * static_cast<double>(i);
    }
    DrawOptions moved;
    moved.lumbarTint = LumbarTint{shares, movement::Plane::Sagittal};
    const DrawList list = drawer.build(q, moved);
    const auto distance = [&](const char* v) {
        return glm::length(glm::vec3(boneItem(list, m.findBody(v))->material.baseColor) - boneColor());
    };
    CHECK(levelBody(m, "L5-S1") == m.findBody("L5"));
    CHECK(levelBody(m, "nonsense") == -1);
    CHECK(distance("L5") > distance("L1")); // L5-S1 took most
    CHECK(distance("L1") > 0.01f);
    // The femur is no lumbar level.
    CHECK(boneItem(list, m.findBody("femur_r"))->material.baseColor == boneItem(plain, m.findBody("femur_r"))->material.baseColor);
}

TEST_CASE("a movement's tint uses the plane in which the lumbar spine moved most") {
    movement::LumbarShares shares;
    shares.planes[0].lumbarDeg = 2.0;
    shares.planes[1].lumbarDeg = 9.0;
    shares.planes[2].lumbarDeg = 4.0;
    CHECK(lumbarTintOf(shares).plane == movement::kPlanes[1]);
}

TEST_CASE("while the lumbar levels are tinted the trunk muscles over them are ghosted and the hip muscles are not") {
    const Content& content = test::projectContent();
    const Model& m = content.model;
    const AnatomyDrawer drawer(content);
    const auto q = m.defaultPose();
    movement::LumbarShares shares;
    const char* names[] = {"L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2"};
    for (std::size_t i = 0; i < 5; ++i) {
        shares.levels[i].name = names[i];
        shares.levels[i].deg[0] = 5.0;
        shares.levels[i].share[0] = 0.2;
    }
    DrawOptions tinted;
    tinted.lumbarTint = LumbarTint{shares, movement::Plane::Sagittal};
    const int obliqueR = m.findMuscle("external_oblique", Side::Right), piriR = m.findMuscle("piriformis", Side::Right);
    REQUIRE(obliqueR >= 0);
    const DrawList plain = drawer.build(q, DrawOptions{}), list = drawer.build(q, tinted);
    REQUIRE_FALSE(itemsOf(list, obliqueR, 0).empty());
    CHECK((itemsOf(plain, obliqueR, 0)[0]->flags & gfx::kGhosted) == 0);
    CHECK((itemsOf(list, obliqueR, 0)[0]->flags & gfx::kGhosted) != 0);
    CHECK((itemsOf(list, piriR, 0)[0]->flags & gfx::kGhosted) == 0);
}
