// Client profiles (hv::movement::parseClientProfile) against the project's content, loaded once.
// Checked: no crash, leak or UB; refusals have a diagnostic naming the file; an accepted profile
// holds only limits inside their coordinate's range (min <= max) and strengths from 0 to 1, and
// single-leg stance played with it gives finite poses inside the limits.
#include "content_fixture.hpp"
#include "fuzz_support.hpp"

#include "movement/loader.hpp"
#include "movement/player.hpp"
#include "movement/profile.hpp"

#include <cmath>

using namespace hv;

namespace {
const movement::MovementLibrary& library() {
    static const movement::MovementLoad load =
        movement::loadMovements(movement::defaultMovementFile(hv::fuzz::projectContent()), hv::fuzz::projectContent());
    if (!load.library) hv::fuzz::fuzzFail("the project's movements do not load");
    return *load.library;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)library();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Content& content = hv::fuzz::projectContent();
    const Model& model = content.model;
    const std::string name = "profiles/fuzz.toml";
    Diagnostics d;
    const auto profile = movement::parseClientProfile(model, hv::fuzz::asText(data, size), name, d);
    if (!profile && d.empty()) hv::fuzz::fuzzFail("refused without a diagnostic");
    for (const Diagnostic& x : d)
        if (x.file != name || x.message.empty()) hv::fuzz::fuzzFail("a diagnostic naming another file or saying nothing", x.format());
    if (!profile) return 0;
    if (!d.empty()) hv::fuzz::fuzzFail("accepted with diagnostics");
    for (const movement::HipLimit& l : profile->hipLimits) {
        if (l.coordinate < 0 || l.coordinate >= static_cast<int>(model.coordinates.size()))
            hv::fuzz::fuzzFail("a limit on no coordinate");
        const Coordinate& c = model.coordinates[static_cast<std::size_t>(l.coordinate)];
        if (!(l.min <= l.max) || l.min < c.minValue - 1e-6 || l.max > c.maxValue + 1e-6)
            hv::fuzz::fuzzFail("a limit outside its coordinate's range", c.name);
    }
    for (const double f : {profile->gluteusMediusStrength.right, profile->gluteusMediusStrength.left})
        if (!(f >= 0.0 && f <= 1.0)) hv::fuzz::fuzzFail("a strength outside 0..1");
    const movement::Movement* stance = library().find("single-leg-stance");
    if (!stance) return 0;
    movement::PlayOptions o;
    o.hipLimits = profile->hipLimits;
    o.gluteusMediusStrength = profile->gluteusMediusStrength;
    const movement::MovementPlayer player(model, *stance, o);
    for (const double t : {0.0, 2.0, 4.0}) {
        const movement::PoseSample s = player.sample(t);
        for (const double v : s.q)
            if (!std::isfinite(v)) hv::fuzz::fuzzFail("a sampled pose is not finite");
    }
    (void)movement::describeClientProfile(model, *profile);
    return 0;
}
