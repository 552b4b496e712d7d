#include "document/selection.hpp"

#include "document/document_fixture.hpp"

#include <set>

using namespace hv;
using namespace hv::doc;

TEST_CASE("the muscle list shows every muscle once, grouped by function in the content's order") {
    const Content& c = test::uiContent();
    const auto groups = muscleList(c, "");
    std::set<std::string> seen;
    std::size_t count = 0;
    for (const auto& g : groups)
        for (const auto& m : g.muscles) {
            seen.insert(m.id);
            ++count;
            const MuscleInfo* info = c.findMuscleInfo(m.id);
            REQUIRE(info);
            CHECK(info->group == g.id);
        }
    CHECK(count == c.muscles.size());
    CHECK(seen.size() == c.muscles.size());
    REQUIRE(groups.size() >= 2);
    CHECK(groups[0].id == c.groups[0].id);
    CHECK(groups[1].id == c.groups[1].id);
}

TEST_CASE("searching the muscle list keeps matching muscles and whole matching groups") {
    const Content& c = test::uiContent();
    const auto piri = muscleList(c, "  PIRI ");
    REQUIRE(piri.size() == 1);
    CHECK(piri[0].id == "deep_rotators");
    REQUIRE(piri[0].muscles.size() == 1);
    CHECK(piri[0].muscles[0].id == "piriformis");

    const auto adductors = muscleList(c, "adductors");
    std::size_t inGroup = 0;
    for (const MuscleInfo& m : c.muscles) inGroup += m.group == "adductors";
    REQUIRE(!adductors.empty());
    std::size_t listed = 0;
    for (const auto& g : adductors)
        if (g.id == "adductors") listed = g.muscles.size();
    CHECK(listed == inGroup);

    CHECK(muscleList(c, "no such muscle anywhere").empty());
}

TEST_CASE("clicking a muscle part selects that muscle on its side, a bone or the background selects nothing") {
    const Content& c = test::uiContent();
    draw::DrawList list;
    draw::PickTarget muscle;
    muscle.kind = draw::PickTarget::Kind::MusclePart;
    const int left = c.model.findMuscle("piriformis", Side::Left);
    REQUIRE(left >= 0);
    muscle.part = {left, 0};
    muscle.muscleId = "piriformis";
    muscle.name = "Piriformis (left)";
    const auto muscleId = list.addTarget(muscle);
    draw::PickTarget bone;
    bone.kind = draw::PickTarget::Kind::Bone;
    bone.body = 0;
    bone.name = "Pelvis";
    const auto boneId = list.addTarget(bone);

    const Selection s = selectionFromPick(c.model, list, muscleId);
    CHECK(s.muscleId == "piriformis");
    CHECK(s.side == Side::Left);
    CHECK(selectedMuscleIndex(c.model, s) == left);
    CHECK(selectionFromPick(c.model, list, boneId).empty());
    CHECK(selectionFromPick(c.model, list, 0).empty());
    CHECK(selectionFromPick(c.model, list, 99).empty());
    CHECK(hoverText(list, muscleId) == "Piriformis (left)");
    CHECK(hoverText(list, boneId) == "Pelvis");
    CHECK(hoverText(list, 0).empty());
}

TEST_CASE("a selection highlights its side, or both sides when asked") {
    Selection s{"piriformis", Side::Right, false};
    auto h = highlightFor(s);
    REQUIRE(h.size() == 1);
    CHECK(h[0].muscleId == "piriformis");
    REQUIRE(h[0].side);
    CHECK(*h[0].side == Side::Right);
    s.bothSides = true;
    h = highlightFor(s);
    REQUIRE(h.size() == 1);
    CHECK_FALSE(h[0].side);
    CHECK(highlightFor(Selection{}).empty());
}
