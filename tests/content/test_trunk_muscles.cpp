// The trunk muscles' textbook actions held against their geometry in neutral standing, on both
// sides, from the moment arms (-dL/dq) about the lumbar coordinates.
//
// Sign conventions (content/skeleton.toml), each about the upper vertebra relative to the lower:
//  - *_flexion: rotation about the joint's -Z axis, positive = flexion (bending forwards), so a
//    positive moment arm flexes and a negative one extends;
//  - *_bending: about +X, positive = bends to the right; these coordinates are midline ones, not
//    mirrored, so the right quadratus lumborum has a positive moment arm and the left one a
//    negative one when each bends the trunk to its own side;
//  - *_rotation: about +Y, positive = turns to the left (the front of the trunk turns to the
//    subject's left); the right external oblique (opposite side) is positive and the right
//    internal oblique (same side) negative, the left ones the other way round.
// "Summed over the levels" is the moment arm about all five lumbar levels moved together by the
// same angle (the sum of the per-level moment arms), the lumbar action `hipview report` prints.
#include "content_fixture.hpp"

#include "core/kinematics.hpp"
#include "core/lumbar_actions.hpp"
#include "core/moment_arm.hpp"
#include "core/path.hpp"

#include <array>
#include <cmath>
#include <string>

using namespace hv;

namespace {

constexpr std::array<const char*, 5> kLevels{"L5_S1", "L4_L5", "L3_L4", "L2_L3", "L1_L2"};

struct Lumbar {
    const Model& model;
    PathEvaluator eval;
    explicit Lumbar(const Model& m) : model(m), eval(m) { eval.setPose(m.defaultPose()); }

    int coordinate(const char* level, const char* motion) const {
        const int c = model.findCoordinate(std::string(level) + "_" + motion);
        REQUIRE(c >= 0);
        return c;
    }
    // Force-weighted over the muscle's parts, metres.
    double muscleArm(int muscle, int coord) {
        const Muscle& m = model.muscles[static_cast<std::size_t>(muscle)];
        double sum = 0.0, weight = 0.0;
        for (std::size_t p = 0; p < m.parts.size(); ++p) {
            const double w = m.parts[p].architecture.maxIsometricForce;
            sum += w * eval.momentArm({muscle, static_cast<int>(p)}, coord);
            weight += w;
        }
        return sum / weight;
    }
    double summedArm(int muscle, const char* motion) {
        double s = 0.0;
        for (const char* level : kLevels) s += muscleArm(muscle, coordinate(level, motion));
        return s;
    }
    int muscle(const char* id, Side side) const {
        const int m = model.findMuscle(id, side);
        REQUIRE_MESSAGE(m >= 0, id);
        return m;
    }
};

// The levels a part crosses: those whose coordinates move some of its points and not others.
bool crosses(const Model& model, const MusclePart& part, int coord) {
    bool moved = false, still = false;
    for (const PathPoint& p : part.points) (model.coordinateMovesBody(coord, p.body) ? moved : still) = true;
    return moved && still;
}

} // namespace

TEST_CASE("the trunk muscles the issue lists are in the trunk group on both sides") {
    const Content& c = test::projectContent();
    for (const char* id : {"quadratus_lumborum", "iliocostalis_lumborum", "longissimus_thoracis", "multifidus", "psoas_minor",
                           "rectus_abdominis", "external_oblique", "internal_oblique"}) {
        INFO(id);
        const MuscleInfo* info = c.findMuscleInfo(id);
        REQUIRE(info != nullptr);
        CHECK(info->group == "trunk");
        CHECK(c.model.findMuscle(id, Side::Right) >= 0);
        CHECK(c.model.findMuscle(id, Side::Left) >= 0);
        for (const TextbookAction& a : info->actions) CHECK(c.sources.contains(a.source));
    }
    CHECK(c.model.findBody("thorax") >= 0);
}

TEST_CASE("erector spinae and multifidus extend every lumbar level each part crosses and rectus abdominis flexes every level") {
    const Model& model = test::projectContent().model;
    Lumbar l(model);
    int checked = 0;
    for (const Side side : {Side::Right, Side::Left}) {
        for (const char* id : {"iliocostalis_lumborum", "longissimus_thoracis", "multifidus", "rectus_abdominis"}) {
            const int m = l.muscle(id, side);
            const bool flexor = std::string(id) == "rectus_abdominis";
            const Muscle& muscle = model.muscles[static_cast<std::size_t>(m)];
            for (std::size_t p = 0; p < muscle.parts.size(); ++p)
                for (const char* level : kLevels) {
                    const int c = l.coordinate(level, "flexion");
                    if (!crosses(model, muscle.parts[p], c)) continue;
                    const double r = l.eval.momentArm({m, static_cast<int>(p)}, c);
                    INFO(musclePartId(muscle, p) << " about " << level << "_flexion: " << r * 1000 << " mm");
                    CHECK((flexor ? r > 0.002 : r < -0.002));
                    ++checked;
                }
            CHECK((flexor ? l.summedArm(m, "flexion") > 0.0 : l.summedArm(m, "flexion") < 0.0));
        }
    }
    CHECK(checked > 60);
}

TEST_CASE("quadratus lumborum bends the trunk to its own side at every level it crosses: positive on the right and negative on the left") {
    const Model& model = test::projectContent().model;
    Lumbar l(model);
    const int right = l.muscle("quadratus_lumborum", Side::Right), left = l.muscle("quadratus_lumborum", Side::Left);
    for (const char* level : kLevels) {
        const int c = l.coordinate(level, "bending");
        const double r = l.muscleArm(right, c), lft = l.muscleArm(left, c);
        INFO(level << "_bending: right " << r * 1000 << " mm, left " << lft * 1000 << " mm");
        CHECK(r > 0.01);
        CHECK(lft < -0.01);
        CHECK(lft == doctest::Approx(-r).epsilon(1e-6));
    }
}

TEST_CASE("the external oblique turns the trunk to the opposite side and the internal oblique to its own side") {
    const Model& model = test::projectContent().model;
    Lumbar l(model);
    const int eoR = l.muscle("external_oblique", Side::Right), eoL = l.muscle("external_oblique", Side::Left);
    const int ioR = l.muscle("internal_oblique", Side::Right), ioL = l.muscle("internal_oblique", Side::Left);
    // Summed over the levels: the right external oblique turns the trunk left (positive), the
    // right internal oblique right (negative); the left ones mirror them.
    CHECK(l.summedArm(eoR, "rotation") > 0.01);
    CHECK(l.summedArm(eoL, "rotation") < -0.01);
    CHECK(l.summedArm(ioR, "rotation") < -0.01);
    CHECK(l.summedArm(ioL, "rotation") > 0.01);
    // Level by level from L4-L5 up. At L5-S1 the joint's axis leans about 20 degrees forwards
    // (the sacral slope less the L5-S1 lordosis), so the near-vertical lateral fibres of the
    // internal oblique read as a small turn to the other side there; that level is left out.
    for (const char* level : {"L4_L5", "L3_L4", "L2_L3", "L1_L2"}) {
        const int c = l.coordinate(level, "rotation");
        INFO(level << "_rotation: external oblique right " << l.muscleArm(eoR, c) * 1000 << " mm, internal oblique right "
                   << l.muscleArm(ioR, c) * 1000 << " mm");
        CHECK(l.muscleArm(eoR, c) > 0.0);
        CHECK(l.muscleArm(ioR, c) < 0.0);
        CHECK(l.muscleArm(eoL, c) < 0.0);
        CHECK(l.muscleArm(ioL, c) > 0.0);
    }
}

TEST_CASE("trunk muscles that stay off the hip have no hip moment arm and psoas minor flexes the lowest lumbar level") {
    const Model& model = test::projectContent().model;
    Lumbar l(model);
    const int hip = model.findCoordinate("hip_flexion_r");
    REQUIRE(hip >= 0);
    for (const char* id : {"quadratus_lumborum", "multifidus", "rectus_abdominis", "external_oblique"})
        CHECK(l.muscleArm(l.muscle(id, Side::Right), hip) == 0.0);
    CHECK(l.muscleArm(l.muscle("psoas_minor", Side::Right), l.coordinate("L5_S1", "flexion")) > 0.005);
}

TEST_CASE("the summed lumbar moment arm is the sum of the per-level ones and only parts that cross the spine and not the hip are lumbar parts") {
    const Model& model = test::projectContent().model;
    Lumbar l(model);
    const int mf = l.muscle("multifidus", Side::Left), ra = l.muscle("rectus_abdominis", Side::Right);
    const int psoas = l.muscle("psoas_major", Side::Right), gmed = l.muscle("gluteus_medius", Side::Right);
    CHECK(isLumbarPart(model, {mf, 0}));
    CHECK(isLumbarPart(model, {ra, 0}));
    CHECK_FALSE(isLumbarPart(model, {psoas, 0})); // crosses the hip as well
    CHECK_FALSE(isLumbarPart(model, {gmed, 0}));  // crosses no lumbar level
    const std::vector<PartRef> parts{{mf, 0}, {mf, 4}, {ra, 0}, {gmed, 0}};
    std::vector<double> summed(parts.size() * 3);
    lumbarMomentArms(model, model.defaultPose(), parts, summed);
    for (std::size_t i = 0; i < parts.size(); ++i)
        for (std::size_t d = 0; d < 3; ++d) {
            double sum = 0.0;
            for (int c : lumbarCoordinates(model, kLumbarDofs[d])) sum += l.eval.momentArm(parts[i], c);
            INFO(musclePartId(model.muscles[static_cast<std::size_t>(parts[i].muscle)], static_cast<std::size_t>(parts[i].part)) << " " << lumbarDofName(kLumbarDofs[d]));
            CHECK(summed[i * 3 + d] == doctest::Approx(sum).epsilon(1e-5).scale(1e-6));
        }
    CHECK(summed[3 * 3] == 0.0);
    CHECK(lumbarRoleName(LumbarDof::Flexion, summed[0]) == "extensor");
    CHECK(lumbarRoleName(LumbarDof::Bending, summed[1]) == "left bender"); // the left multifidus
    CHECK(lumbarRoleName(LumbarDof::Rotation, 0.0005) == "none");
}

// Rectus abdominis' tendinous intersections lie where the anatomy puts them (Standring 2016): one
// at the umbilicus, one at the level of the xiphoid's free end and one midway, as fractions of its
// path. The umbilicus is the path's via point, so the first band must sit there.
TEST_CASE("rectus abdominis' first tendinous intersection lies at its via point at the umbilicus, the others above it") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    const MuscleInfo* info = content.findMuscleInfo("rectus_abdominis");
    REQUIRE(info);
    REQUIRE(info->tendinousIntersections.size() == 3);
    const int m = model.findMuscle("rectus_abdominis", Side::Right);
    REQUIRE(m >= 0);
    const MusclePart& part = model.muscles[static_cast<std::size_t>(m)].parts.front();
    REQUIRE(part.points.size() == 3);
    const auto q = model.defaultPose();
    const auto bodies = computeBodyTransforms(model, q);
    PathGeometry g;
    pathGeometry(model, part, bodies, q, g);
    double toVia = 0.0;
    bool reached = false;
    for (std::size_t i = 1; i < g.points.size() && !reached; ++i) {
        toVia += glm::length(g.points[i] - g.points[i - 1]);
        reached = g.pathPoint[i] == 1;
    }
    REQUIRE(reached);
    const double viaFraction = toVia / g.length;
    CAPTURE(viaFraction);
    CHECK(std::abs(info->tendinousIntersections[0] - viaFraction) < 0.03);
    CHECK(info->tendinousIntersections[2] > 0.8); // near the xiphoid's level, below the insertion
}
