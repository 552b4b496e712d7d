// Muscle paths against the generated bones (bonegen/path_depth.hpp) on the shipped content: the
// depth rule itself (the attachment regions, the skipping walk against plain 2 mm sampling), then
// every part of every muscle, both sides, in standing and over every movement's samples: no path
// deeper than 3 mm inside a bone and fibres within 0.5 to 1.6 of optimal, or the part's
// `path_exception` in the content names the movement and says why (and then it must still fail,
// so an exception cannot go stale).
#include "bonegen/bone_distance.hpp"
#include "bonegen/path_depth.hpp"
#include "content/content_fixture.hpp"
#include "core/fiber_length.hpp"
#include "core/kinematics.hpp"
#include "core/path.hpp"
#include "movement/loader.hpp"
#include "movement/player.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

using namespace hv;
using namespace hv::bonegen;

namespace {

constexpr double kSampleStep = 0.25;                // s between a movement's samples
constexpr const char* kStanding = "standing";       // path_exception's name for the default pose

const BoneDistance& projectBones() {
    static const BoneDistance bones(test::projectContent());
    return bones;
}

const movement::MovementLibrary& projectMovements() {
    static const movement::MovementLoad load =
        movement::loadMovements(HV_SOURCE_DIR "/content/movements.toml", test::projectContent());
    if (!load.library) FAIL(formatAll(load.diagnostics));
    return *load.library;
}

// The worst of one part over some poses.
struct PartWorst {
    double depth = 0.0;        // m
    double depthTime = 0.0;    // s
    std::string bone;          // the bone of the deepest point
    double shortest = 1e9;     // fraction of optimal
    double longest = 0.0;      // fraction of optimal
    bool fails() const {
        return depth > kMaxPathDepth || (longest > 0.0 && (shortest < kMinMovingFibre || longest > kMaxMovingFibre));
    }
};

void measure(const Model& model, const MusclePart& part, std::span<const Transform> bodies, std::span<const double> q,
             double time, PathGeometry& g, PartWorst& w) {
    pathGeometry(model, part, bodies, q, g);
    const PathDepth d = deepestInBone(projectBones(), part, g, bodies);
    if (d.depth > w.depth) {
        w.depth = d.depth;
        w.depthTime = time;
        w.bone = model.bodies[static_cast<std::size_t>(d.body)].name;
    }
    if (part.architecture.optimalFiberLength > 0.0) {
        const double ratio = normalizedFiberLength(part.architecture, g.length);
        w.shortest = std::min(w.shortest, ratio);
        w.longest = std::max(w.longest, ratio);
    }
}

// A two-point part on one body, for the rule's own tests.
MusclePart straightPart(int body, const Vec3& from, const Vec3& to) {
    MusclePart part;
    part.points = {PathPoint{body, from, std::nullopt}, PathPoint{body, to, std::nullopt}};
    return part;
}

} // namespace

TEST_CASE("a path from the femoral head centre is exempt from the femur near its origin but not beyond its attachment region") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    const int femur = model.findBody("femur_r");
    REQUIRE(femur >= 0);
    const std::vector<double> q = model.defaultPose();
    const std::vector<Transform> bodies = computeBodyTransforms(model, q);
    // From the centre of the head (the femur's origin) 10 cm straight forward, out of the head.
    const MusclePart part = straightPart(femur, Vec3{0.0}, Vec3{0.1, 0.0, 0.0});
    PathGeometry g;
    pathGeometry(model, part, bodies, q, g);
    const PathDepth counted = deepestInBone(projectBones(), part, g, bodies, {0.002, 0.0});
    CHECK(counted.depth > 0.015);
    CHECK(counted.body == femur);
    CHECK(counted.along < 0.05);
    const PathDepth exempt = deepestInBone(projectBones(), part, g, bodies, {0.002, 0.05});
    CHECK(exempt.body != femur);
    CHECK(exempt.depth < counted.depth);
    // Reversed, the head is at the insertion: the same depth, at the other end.
    const MusclePart reversed = straightPart(femur, Vec3{0.1, 0.0, 0.0}, Vec3{0.0});
    pathGeometry(model, reversed, bodies, q, g);
    const PathDepth atInsertion = deepestInBone(projectBones(), reversed, g, bodies, {0.002, 0.0});
    CHECK(atInsertion.depth == doctest::Approx(counted.depth).epsilon(0.05));
    CHECK(atInsertion.along > 0.95);
}

TEST_CASE("the skipping walk finds the same deepest point as sampling every 2 mm on the paths of the 90-90 stretch") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    const movement::Movement* m = projectMovements().find("90-90");
    REQUIRE(m != nullptr);
    const movement::MovementPlayer player(model, *m);
    const movement::PoseSample s = player.sample(0.0);
    const std::vector<Transform> bodies = computeBodyTransforms(model, s.q);
    PathGeometry g;
    int inside = 0;
    for (const PartRef& ref : model.allParts()) {
        const MusclePart& part = model.muscles[static_cast<std::size_t>(ref.muscle)].parts[static_cast<std::size_t>(ref.part)];
        pathGeometry(model, part, bodies, s.q, g);
        const PathDepth walked = deepestInBone(projectBones(), part, g, bodies, {0.002, 0.0});
        double sampled = 0.0;
        for (std::size_t i = 0; i + 1 < g.points.size(); ++i) {
            const Vec3 a = g.points[i], b = g.points[i + 1];
            const int n = std::max(1, static_cast<int>(std::ceil(glm::length(b - a) / 0.0005)));
            for (int k = 0; k <= n; ++k)
                sampled = std::max(sampled, -projectBones().nearest(bodies, a + (b - a) * (static_cast<double>(k) / n)).distance);
        }
        INFO(musclePartId(model.muscles[static_cast<std::size_t>(ref.muscle)], static_cast<std::size_t>(ref.part)));
        // The walk samples inside bone every 2 mm, so it may miss up to 1 mm of a 0.5 mm-sampled peak.
        CHECK(walked.depth <= sampled + 0.0005);
        CHECK(walked.depth >= sampled - 0.0011);
        if (sampled > 0.0) ++inside;
    }
    CHECK(inside > 5);
}

TEST_CASE("in neutral standing no muscle part on either side runs deeper than 3 mm inside a bone beyond its attachment regions unless its path exception names standing") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    const std::vector<double> q = model.defaultPose();
    const std::vector<Transform> bodies = computeBodyTransforms(model, q);
    PathGeometry g;
    int passing = 0, excepted = 0;
    for (const PartRef& ref : model.allParts()) {
        const Muscle& m = model.muscles[static_cast<std::size_t>(ref.muscle)];
        const std::size_t p = static_cast<std::size_t>(ref.part);
        PartWorst w;
        measure(model, m.parts[p], bodies, q, 0.0, g, w);
        const MuscleInfo* info = content.findMuscleInfo(m.id);
        REQUIRE(info != nullptr);
        const std::vector<std::string>& listed = info->parts[p].pathExceptionMovements;
        INFO(musclePartId(m, p) << ": " << w.depth * 1000.0 << " mm inside " << w.bone << " in standing");
        if (std::find(listed.begin(), listed.end(), kStanding) != listed.end()) {
            CHECK_MESSAGE(w.depth > kMaxPathDepth, "the path exception is stale: the part passes in standing");
            MESSAGE("known exception: " << musclePartId(m, p) << " " << w.depth * 1000.0 << " mm inside " << w.bone
                                        << " in standing: " << info->parts[p].pathExceptionReason);
            ++excepted;
        } else {
            CHECK(w.depth <= kMaxPathDepth);
            ++passing;
        }
    }
    MESSAGE(passing << " parts pass in standing, " << excepted << " are known exceptions in the content");
    CHECK(passing > 100);
}

TEST_CASE("over every movement each muscle part stays within 3 mm of the bone surfaces with fibres at 0.5 to 1.6 of optimal or the content names the movement as a known exception") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    const movement::MovementLibrary& library = projectMovements();
    // Per muscle id and part index, per movement: the worst over both sides.
    std::map<std::pair<std::string, std::size_t>, std::map<std::string, PartWorst>> results;
    PathGeometry g;
    const std::vector<PartRef> parts = model.allParts();
    for (const movement::Movement& mv : library.movements) {
        const movement::MovementPlayer player(model, mv);
        for (double t = 0.0; t <= player.duration() + 1e-9; t += kSampleStep) {
            const movement::PoseSample s = player.sample(t);
            const std::vector<Transform> bodies = computeBodyTransforms(model, s.q);
            for (const PartRef& ref : parts) {
                const Muscle& m = model.muscles[static_cast<std::size_t>(ref.muscle)];
                const std::size_t p = static_cast<std::size_t>(ref.part);
                measure(model, m.parts[p], bodies, s.q, s.time, g, results[{m.id, p}][mv.id]);
            }
        }
    }
    int passing = 0, excepted = 0;
    for (const auto& [key, perMovement] : results) {
        const MuscleInfo* info = content.findMuscleInfo(key.first);
        REQUIRE(info != nullptr);
        REQUIRE(key.second < info->parts.size());
        const PartInfo& part = info->parts[key.second];
        const std::string id = key.first + (part.name.empty() ? "" : "_" + part.name);
        const std::set<std::string> listed(part.pathExceptionMovements.begin(), part.pathExceptionMovements.end());
        for (const std::string& name : listed) {
            INFO(id << ": path_exception names " << name);
            CHECK((library.find(name) != nullptr || name == kStanding));
        }
        for (const auto& [movementId, w] : perMovement) {
            INFO(id << " in " << movementId << ": deepest " << w.depth * 1000.0 << " mm in " << w.bone << " at " << w.depthTime
                    << " s, fibres " << w.shortest << " to " << w.longest << " of optimal");
            if (listed.count(movementId)) {
                CHECK_MESSAGE(w.fails(), "the path exception is stale: the part passes this movement");
                MESSAGE("known exception: " << id << " in " << movementId << ": " << w.depth * 1000.0 << " mm in " << w.bone
                                            << ", fibres " << w.shortest << " to " << w.longest);
                ++excepted;
            } else {
                CHECK_FALSE(w.fails());
                ++passing;
            }
        }
    }
    MESSAGE(passing << " part-movement pairs pass, " << excepted << " are known exceptions in the content");
    CHECK(passing > 0);
}
