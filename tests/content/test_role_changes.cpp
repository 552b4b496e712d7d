// What the issue says HipView must find from the geometry alone.
#include "content_fixture.hpp"

#include "core/sweep.hpp"

#include <regex>

using namespace hv;

namespace {

struct Found {
    std::vector<PartRoleChange> changes;
};

// Role changes of every part of `muscle` along hip flexion 0..120 (both sides swept together).
std::vector<PartRoleChange> roleChangesAlongFlexion(const Content& content, const std::string& muscle) {
    const Model& model = content.model;
    SweepSpec sweep;
    sweep.coordinates = {model.findCoordinate("hip_flexion_r"), model.findCoordinate("hip_flexion_l")};
    for (double deg = 0; deg <= 120; deg += 5) sweep.values.push_back(toRadians(deg));
    std::vector<PartRef> parts;
    for (Side side : {Side::Right, Side::Left}) {
        const int m = model.findMuscle(muscle, side);
        REQUIRE(m >= 0);
        for (std::size_t p = 0; p < model.muscles[static_cast<std::size_t>(m)].parts.size(); ++p)
            parts.push_back({m, static_cast<int>(p)});
    }
    const auto pose = model.defaultPose();
    const SweepTable table = runSweep(model, pose, sweep, parts);
    return findRoleChanges(model, pose, sweep, table);
}

double momentArmAt(const Content& content, const std::string& muscle, Side side, const std::string& part,
                   HipDof dof, double flexionDeg) {
    const Model& model = content.model;
    const int m = model.findMuscle(muscle, side);
    REQUIRE(m >= 0);
    int p = -1;
    for (std::size_t i = 0; i < model.muscles[static_cast<std::size_t>(m)].parts.size(); ++i)
        if (model.muscles[static_cast<std::size_t>(m)].parts[i].name == part) p = static_cast<int>(i);
    REQUIRE(p >= 0);
    auto q = model.defaultPose();
    q[static_cast<std::size_t>(model.findCoordinate(hipCoordinateName(HipDof::Flexion, side)))] = toRadians(flexionDeg);
    return momentArm(model, {m, p}, q, model.findCoordinate(hipCoordinateName(dof, side)));
}

} // namespace

TEST_CASE("piriformis changes from external to internal rotator between 45 and 70 degrees of flexion, both sides") {
    const auto changes = roleChangesAlongFlexion(test::projectContent(), "piriformis");
    int found = 0;
    for (const PartRoleChange& c : changes) {
        if (c.change.dof != HipDof::Rotation) continue;
        ++found;
        CHECK(c.change.from == Action::ExternalRotator);
        CHECK(c.change.to == Action::InternalRotator);
        CHECK(toDegrees(c.change.at) > 45.0);
        CHECK(toDegrees(c.change.at) < 70.0);
    }
    CHECK(found == 2);
}

TEST_CASE("adductor longus changes from flexor to extensor between 50 and 80 degrees of flexion") {
    const auto changes = roleChangesAlongFlexion(test::projectContent(), "adductor_longus");
    int found = 0;
    for (const PartRoleChange& c : changes) {
        if (c.change.dof != HipDof::Flexion) continue;
        ++found;
        CHECK(c.change.from == Action::Flexor);
        CHECK(c.change.to == Action::Extensor);
        CHECK(toDegrees(c.change.at) > 50.0);
        CHECK(toDegrees(c.change.at) < 80.0);
    }
    CHECK(found == 2);
}

TEST_CASE("at neutral the anterior gluteus medius rotates inward and the posterior part outward") {
    const Content& content = test::projectContent();
    for (Side side : {Side::Right, Side::Left}) {
        CHECK(classifyAction(HipDof::Rotation, momentArmAt(content, "gluteus_medius", side, "anterior", HipDof::Rotation, 0)) ==
              Action::InternalRotator);
        CHECK(classifyAction(HipDof::Rotation, momentArmAt(content, "gluteus_medius", side, "posterior", HipDof::Rotation, 0)) ==
              Action::ExternalRotator);
    }
}

TEST_CASE("every part of psoas and iliacus flexes the hip at every degree from 0 to 90") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    for (const std::string muscle : {"psoas_major", "iliacus"})
        for (Side side : {Side::Right, Side::Left}) {
            const int m = model.findMuscle(muscle, side);
            REQUIRE(m >= 0);
            for (const MusclePart& part : model.muscles[static_cast<std::size_t>(m)].parts)
                for (int deg = 0; deg <= 90; ++deg) {
                    const double r = momentArmAt(content, muscle, side, part.name, HipDof::Flexion, deg);
                    INFO(muscle << "/" << part.name << " " << sideSuffix(side) << " at " << deg << " deg: " << r * 1000 << " mm");
                    CHECK(classifyAction(HipDof::Flexion, r) == Action::Flexor);
                }
        }
}

// A card that says where a role changes ("with the hip flexed beyond about 50 to 60 degrees") must
// bracket the angle the geometry finds: the words are the textbook's, the number the path's, and a
// card that names a range the model does not reach teaches something the picture contradicts.
TEST_CASE("every card that names the flexion angle where a role changes brackets the angle the paths give") {
    const Content& content = test::projectContent();
    const std::regex beyond(R"(beyond about (\d+)(?: to (\d+))? degrees)");
    int checked = 0;
    for (const MuscleInfo& info : content.muscles) {
        for (const TextbookAction& action : info.actions) {
            std::smatch m;
            if (!std::regex_search(action.when, m, beyond)) continue;
            const double from = std::stod(m[1].str());
            const double to = m[2].matched ? std::stod(m[2].str()) : from;
            CAPTURE(info.id);
            CAPTURE(action.when);
            bool bracketed = false;
            for (const PartRoleChange& c : roleChangesAlongFlexion(content, info.id)) {
                if (hipDofName(c.change.dof) != action.coordinate) continue;
                const double at = toDegrees(c.change.at);
                CAPTURE(at);
                if (at >= from - 5.0 && at <= to + 5.0) bracketed = true;
            }
            CHECK(bracketed);
            ++checked;
        }
    }
    CHECK(checked >= 2); // piriformis (rotation) and adductor longus (flexion)
}
