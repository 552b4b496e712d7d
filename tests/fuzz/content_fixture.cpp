#include "content_fixture.hpp"

#include "fuzz_support.hpp"

#include "core/kinematics.hpp"
#include "core/moment_arm.hpp"
#include "core/path.hpp"

#include <optional>

namespace hv::fuzz {

const Content& projectContent() {
    static const std::optional<Content> content = [] {
        ContentLoad load = loadContent(sourceDir() / "content");
        if (!load.content) fuzzFail("the project's content does not load", formatAll(load.diagnostics));
        return std::move(load.content);
    }();
    return *content;
}

void exerciseModel(const Model& model) {
    std::vector<double> q = model.defaultPose();
    if (q.size() != model.coordinates.size()) fuzzFail("defaultPose() has the wrong size");
    for (int round = 0; round < 2; ++round) {
        if (round == 1)
            for (std::size_t c = 0; c < q.size(); ++c) {
                const Coordinate& co = model.coordinates[c];
                q[c] = 0.5 * (co.minValue + co.maxValue); // mid-range
            }
        const std::vector<Transform> bodies = computeBodyTransforms(model, q);
        const std::vector<PartRef> parts = model.allParts();
        std::size_t arms = 0;
        for (const PartRef& ref : parts) {
            const MusclePart& part = model.part(ref);
            (void)pathLength(model, part, bodies, q);
            PathGeometry g;
            pathGeometry(model, part, bodies, q, g);
            for (std::size_t c = 0; c < q.size() && arms < 16; ++c)
                if (partDependsOnCoordinate(model, part, static_cast<int>(c))) {
                    (void)momentArm(model, ref, q, static_cast<int>(c));
                    ++arms;
                }
        }
    }
}

} // namespace hv::fuzz
