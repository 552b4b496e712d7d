// A client profile: what a trainer or physiotherapist measured on one person (hip ranges,
// gluteus medius strength per side), applied to every movement that person is shown. A small
// TOML file (content/README.md, "Client profiles"; examples in content/profiles/):
//
//     title = "Stiff right hip, weak left gluteus medius"
//     notes = "Measured lying down, 30 November"        # optional, free text
//     [range]                                            # degrees; either end may be left out
//     hip_flexion_r = { max = 95 }                       # (the coordinate's own end then)
//     hip_rotation_r = { min = -25, max = 20 }           # OpenSim signs: internal rotation +
//     [strength]                                         # fractions of normal, 0..1
//     gluteus_medius_l = 0.4                             # gluteus_medius: both sides
//
// A range name without its side (hip_flexion) limits both hips. Ranges become the restricted hip
// of playback (restricted_hip.hpp), the strengths the weak gluteus medius option
// (trendelenburg.hpp). GL-free.
#pragma once

#include "core/diagnostic.hpp"
#include "core/model.hpp"
#include "movement/restricted_hip.hpp"
#include "movement/trendelenburg.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hv::movement {

struct ClientProfile {
    std::string title;
    std::string notes;
    std::vector<HipLimit> hipLimits;        // SI (rad), one per hip coordinate limited
    GluteusMediusStrength gluteusMediusStrength;
    std::string file;                       // how messages named the file it came from
};

// Reads a profile from `path` (`text`), against `model`'s coordinates. Every problem is one
// diagnostic with file, line and field (an unknown coordinate or key lists the valid names; a
// range outside the coordinate's range says the range). nullopt when there was any problem.
std::optional<ClientProfile> loadClientProfile(const Model& model, const std::filesystem::path& path, Diagnostics& out);
std::optional<ClientProfile> parseClientProfile(const Model& model, std::string_view text,
                                                const std::string& displayName, Diagnostics& out);

// One line per measure, for panels and reports: "Hip flexion (right): -30 to 95 deg",
// "Gluteus medius, left: 40 % of normal". Normal-strength sides are left out.
std::vector<std::string> describeClientProfile(const Model& model, const ClientProfile& profile);

} // namespace hv::movement
