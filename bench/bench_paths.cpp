// Muscle paths against the bones over every movement: each movement of content/movements.toml
// sampled every 0.25 s, every part of both sides. Prints per movement the deepest point of any
// path inside a generated bone (bonegen/path_depth.hpp: the check's rule, attachment regions
// exempt for the bone attached to)
// and the shortest and longest fibres (fraction of optimal, core/fiber_length.hpp), naming the
// part and the time of each, and how many parts fail the check's limits (path_depth.hpp; the test
// tests/bonegen/test_paths_in_bone.cpp requires each failure to be a path_exception in the
// content), then how long the whole check took. With a movement, a line per part, failures marked.
#include "bench_timing.hpp"

#include "bonegen/bone_distance.hpp"
#include "bonegen/path_depth.hpp"
#include "content/content.hpp"
#include "core/fiber_length.hpp"
#include "core/kinematics.hpp"
#include "core/path.hpp"
#include "movement/loader.hpp"
#include "movement/player.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

using namespace hv;

namespace {

struct Worst {
    double value = 0.0;
    std::string part;
    double time = 0.0;
    std::string bone;     // depth only: the bone it is inside
    double along = 0.0;   // depth only: where along the path, 0 at the origin, 1 at the insertion
};

struct MovementResult {
    Worst depth;                 // m, most negative signed distance (0 if never inside)
    Worst shortest{1e9, "", 0.0, {}, 0.0};  // fraction of optimal
    Worst longest{0.0, "", 0.0, {}, 0.0};
    int failing = 0; // parts (both sides) failing the check: too deep or fibres out of range
};

bool fails(const MovementResult& p) {
    return -p.depth.value > bonegen::kMaxPathDepth ||
           (p.longest.value > 0.0 && (p.shortest.value < bonegen::kMinMovingFibre || p.longest.value > bonegen::kMaxMovingFibre));
}

// `perPart`: also print each part's deepest point and fibre range over the movement.
MovementResult check(const Model& model, const bonegen::BoneDistance& bones, const movement::Movement& m, bool perPart) {
    MovementResult r;
    const movement::MovementPlayer player(model, m);
    const auto parts = model.allParts();
    PathGeometry g;
    std::vector<MovementResult> partResults(parts.size());
    for (double t = 0.0; t <= player.duration() + 1e-9; t += 0.25) {
        const movement::PoseSample s = player.sample(t);
        const std::vector<Transform> bodies = computeBodyTransforms(model, s.q);
        for (std::size_t pr = 0; pr < parts.size(); ++pr) {
            const PartRef& ref = parts[pr];
            MovementResult& mine = partResults[pr];
            const Muscle& mu = model.muscles[static_cast<std::size_t>(ref.muscle)];
            const MusclePart& part = mu.parts[static_cast<std::size_t>(ref.part)];
            pathGeometry(model, part, bodies, s.q, g);
            const std::string id = musclePartId(mu, static_cast<std::size_t>(ref.part));
            if (part.architecture.optimalFiberLength > 0.0) {
                const double ratio = normalizedFiberLength(part.architecture, g.length);
                if (ratio < r.shortest.value) r.shortest = {ratio, id, s.time, {}, 0.0};
                if (ratio > r.longest.value) r.longest = {ratio, id, s.time, {}, 0.0};
                if (ratio < mine.shortest.value) mine.shortest = {ratio, id, s.time, {}, 0.0};
                if (ratio > mine.longest.value) mine.longest = {ratio, id, s.time, {}, 0.0};
            }
            const bonegen::PathDepth d = bonegen::deepestInBone(bones, part, g, bodies);
            if (d.depth > 0.0) {
                const Worst w{-d.depth, id, s.time, model.bodies[static_cast<std::size_t>(d.body)].name, d.along};
                if (w.value < r.depth.value) r.depth = w;
                if (w.value < mine.depth.value) mine.depth = w;
            }
        }
    }
    for (const MovementResult& p : partResults) r.failing += fails(p) ? 1 : 0;
    if (perPart) {
        for (std::size_t pr = 0; pr < parts.size(); ++pr) {
            const MovementResult& p = partResults[pr];
            const Muscle& mu = model.muscles[static_cast<std::size_t>(parts[pr].muscle)];
            std::printf("    %-34s deepest %5.1f mm at %5.2f s (in %s, %.2f along), fibres %4.2f to %4.2f%s\n",
                        musclePartId(mu, static_cast<std::size_t>(parts[pr].part)).c_str(), -p.depth.value * 1000.0 + 0.0, p.depth.time,
                        p.depth.bone.c_str(), p.depth.along,
                        p.shortest.value > 1e8 ? 0.0 : p.shortest.value, p.longest.value, fails(p) ? "  FAILS" : "");
        }
    }
    return r;
}

} // namespace

// Usage: bench_paths [MOVEMENT]: with a movement id, only that one, with a line per part.
int main(int argc, char** argv) {
    const ContentLoad load = loadContent(HV_SOURCE_DIR "/content");
    if (!load.content) {
        std::fputs(formatAll(load.diagnostics).c_str(), stderr);
        return 1;
    }
    const Content& content = *load.content;
    const movement::MovementLoad moves = movement::loadMovements(HV_SOURCE_DIR "/content/movements.toml", content);
    if (!moves.library) {
        std::fputs(formatAll(moves.diagnostics).c_str(), stderr);
        return 1;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const bonegen::BoneDistance bones(content);
    const std::string only = argc > 1 ? argv[1] : "";
    if (!only.empty() && !moves.library->find(only)) {
        std::fputs(movement::unknownMovementMessage(*moves.library, only).c_str(), stderr);
        std::fputs("\n", stderr);
        return 2;
    }
    std::printf("%-22s %-34s %-34s %-34s %s\n", "movement", "deepest in bone (mm, part, s)", "shortest fibres (x optimal)",
                "longest fibres (x optimal)", "parts failing");
    const auto start = std::chrono::steady_clock::now();
    for (const movement::Movement& m : moves.library->movements) {
        if (!only.empty() && m.id != only) continue;
        const MovementResult r = check(content.model, bones, m, !only.empty());
        std::printf("%-22s %6.1f %-22s %5.2f  %5.2f %-22s %5.2f  %5.2f %-22s %5.2f  %d\n", m.id.c_str(), -r.depth.value * 1000.0 + 0.0,
                    r.depth.part.c_str(), r.depth.time, r.shortest.value, r.shortest.part.c_str(), r.shortest.time,
                    r.longest.value, r.longest.part.c_str(), r.longest.time, r.failing);
    }
    std::printf("whole check: %.1f s\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return 0;
}
