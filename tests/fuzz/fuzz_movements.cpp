// movements.toml (hv::movement::loadMovementsFromString) against the project's content, loaded
// once. Checked: no crash, leak or UB; refusals name the file; every accepted movement plays:
// the player samples it before, at and after each keyframe (keyframe interpolation, the
// hip-back connection, restricted hip, Trendelenburg, planted feet, clamping to ranges) and every
// sampled pose has one finite value per coordinate.
#include "content_fixture.hpp"
#include "fuzz_support.hpp"

#include "movement/loader.hpp"
#include "movement/player.hpp"
#include "movement/prop.hpp"
#include "core/kinematics.hpp"

#include <cmath>

using namespace hv;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)hv::fuzz::projectContent();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Content& content = hv::fuzz::projectContent();
    const std::string name = "content/movements.toml";
    const movement::MovementLoad load =
        movement::loadMovementsFromString(hv::fuzz::asText(data, size), name, content);
    if (!load.library && load.diagnostics.empty()) hv::fuzz::fuzzFail("refused without a diagnostic");
    for (const Diagnostic& d : load.diagnostics)
        if (d.file != name || d.message.empty())
            hv::fuzz::fuzzFail("a diagnostic naming another file or saying nothing", d.format());
    if (!load.library) return 0;
    const Model& model = content.model;
    for (const movement::Movement& m : load.library->movements) {
        movement::MovementPlayer player(model, m);
        const double d = player.duration();
        if (!std::isfinite(d) || d < 0) hv::fuzz::fuzzFail("a movement's duration is not finite", m.id);
        for (const double t : {-1.0, 0.0, 0.25 * d, 0.5 * d, 0.9 * d, d, d + 1.0, 1e12}) {
            const movement::PoseSample s = player.sample(t);
            if (s.q.size() != model.coordinates.size())
                hv::fuzz::fuzzFail("a sampled pose has the wrong size", m.id);
            for (const double v : s.q)
                if (!std::isfinite(v)) hv::fuzz::fuzzFail("a sampled pose is not finite", m.id);
        }
        // Accepted props have sizes in range and ends that exist and are finite at a pose.
        const auto bodies = computeBodyTransforms(model, player.sample(0.0).q);
        for (const movement::Prop& p : m.props) {
            const bool box = p.kind == movement::PropKind::Couch || p.kind == movement::PropKind::Bench ||
                             p.kind == movement::PropKind::Step;
            if (box && !(p.size.x > 0 && p.size.y > 0 && p.size.z > 0 && p.size.x <= movement::kMaxPropSize &&
                         p.size.y <= movement::kMaxPropSize && p.size.z <= movement::kMaxPropSize))
                hv::fuzz::fuzzFail("an accepted prop has a size out of range", m.id);
            if (box) continue;
            const auto ends = movement::propEnds(p, bodies, movement::roomFromModel(m.posture));
            if (!ends || !std::isfinite(ends->first.x + ends->first.y + ends->first.z + ends->second.x + ends->second.y + ends->second.z))
                hv::fuzz::fuzzFail("an accepted band or cable has no finite ends", m.id);
        }
    }
    return 0;
}
