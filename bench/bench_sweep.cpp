// The speed target: a full sweep (every part of both sides x 3 hip coordinates x 121
// flexion angles, with lengths) in under 10 ms on the 2-core machine.
#include "bench_timing.hpp"

#include "content/content.hpp"
#include "core/sweep.hpp"

#include <cstdio>

using namespace hv;

int main() {
    const ContentLoad load = loadContent(HV_SOURCE_DIR "/content");
    if (!load.content) {
        std::fputs(formatAll(load.diagnostics).c_str(), stderr);
        return 1;
    }
    const Model& model = load.content->model;
    const auto parts = model.allParts();
    SweepSpec sweep;
    sweep.coordinates = {model.findCoordinate("hip_flexion_r"), model.findCoordinate("hip_flexion_l")};
    for (int deg = 0; deg <= 120; ++deg) sweep.values.push_back(toRadians(deg));
    const auto pose = model.defaultPose();

    std::printf("full sweep: %zu parts (both sides) x 3 hip coordinates x %zu angles = %zu moment arms + %zu lengths\n",
                parts.size(), sweep.values.size(), parts.size() * 3 * sweep.values.size(), parts.size() * sweep.values.size());
    SweepTable table;
    bench::print("full sweep (runSweep)", bench::time(30, [&] { table = runSweep(model, pose, sweep, parts); }));
    std::size_t changes = 0;
    bench::print("role changes with bisection (findRoleChanges)",
                 bench::time(10, [&] { changes = findRoleChanges(model, pose, sweep, table).size(); }));
    std::printf("role changes found: %zu\n", changes);
    // A lumbar sweep: every part again, the trunk parts with their lumbar moment arms (summed over
    // the levels, core/lumbar_actions.hpp) at every sample, since the swept level moves them.
    SweepSpec lumbar;
    lumbar.coordinates = {model.findCoordinate("L4_L5_flexion")};
    for (int i = 0; i <= 120; ++i) lumbar.values.push_back(toRadians(-5.0 + 15.0 * i / 120.0));
    bench::print("lumbar sweep (L4_L5_flexion, 121 angles)", bench::time(10, [&] { table = runSweep(model, pose, lumbar, parts); }));
    bench::print("content load (all TOML files)", bench::time(10, [&] { (void)loadContent(HV_SOURCE_DIR "/content"); }));
    return 0;
}
