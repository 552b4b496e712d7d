// Compare mode: the same movement twice, side by side and in step (the same playback time): as a
// normal body does it and as it is done with the hip-back options in force (a restricted hip, a
// weak gluteus medius, a client profile). Each side is labelled and carries one number written
// large. The rules here are shared by the window (two views, one camera, one clock) and by
// `hipview render --compare` (each frame as the two halves side by side). GL-free.
//
// Units: shares 0..1, angles in degrees, times in seconds.
#pragma once

#include "core/model.hpp"
#include "movement/movement.hpp"
#include "movement/player.hpp"
#include "movement/profile.hpp"
#include "movement/restricted_hip.hpp"
#include "movement/trendelenburg.hpp"

#include <span>
#include <string>
#include <string_view>

namespace hv::doc {

// Which number each side shows.
enum class CompareNumber : unsigned char {
    LowBackShare, // the lumbar gauge's number: the low back's share of the bend (movement/lumbar.hpp)
    PelvicDrop,   // how far the pelvis drops on the swing side, deg (movement/trendelenburg.hpp)
};
std::string_view compareNumberName(CompareNumber n); // "low_back_share", "pelvic_drop"

// The rule, in one place: a movement done on one leg (a stance leg and some key with single
// support: single-leg stance, the gait cycles) compared against a weak gluteus medius shows the
// pelvic drop; every other comparison shows the low-back share.
CompareNumber compareNumberOf(const movement::Movement& movement, const movement::GluteusMediusStrength& strength);

// True when the options differ from a normal body: some hip limit, or gluteus medius under full
// strength on either side. Without it there is nothing to compare against.
bool hasSomethingToCompare(std::span<const movement::HipLimit> limits, const movement::GluteusMediusStrength& strength);

// The message a compare request with nothing to compare against gets (command line and window).
inline constexpr const char* kNothingToCompare =
    "nothing to compare with normal: give a restricted hip (--restrict hip_flexion=:25), a weak gluteus medius "
    "(--gluteus-medius-strength 0.3) or a client profile (--profile FILE.toml)";

// The normal side's label.
inline constexpr const char* kNormalLabel = "Normal hips";
// The other side's label, from what is in force: a profile's title when one is given (non-empty),
// else the limits and the strength in words, joined by "; ": "Hip flexion limited to 25 deg",
// "Right hip flexion limited to -10 to 25 deg", "Gluteus medius at 30 % strength", "Left gluteus
// medius at 40 % strength". A limit is read against its coordinate's range: only the upper end
// moved gives "limited to MAX deg", only the lower end "limited to MIN deg and over", both
// "limited to MIN to MAX deg". A limit set the same on both sides names no side.
std::string comparedLabel(const Model& model, std::span<const movement::HipLimit> limits,
                          const movement::GluteusMediusStrength& strength, std::string_view profileTitle = {});

// One side's number at one instant.
struct CompareValue {
    double value = 0.0;   // the share (0..1) or the drop (deg)
    bool defined = false; // a share of under kShareMinTotalDeg of motion is undefined ("-")
    std::string text;     // "Low back: 38 % of the bend" ("Low back: no bend" when undefined), "Pelvic drop: 7.4 deg"
};
struct CompareNumbers {
    CompareNumber kind = CompareNumber::LowBackShare;
    movement::Plane plane = movement::Plane::Sagittal; // of the shares: where the compared side's low back moved most
    CompareValue normal, compared;
};
// Both numbers of one instant, from the two sides' samples at the same time. The low-back share is
// read in one plane for both sides: the plane in which the compared side's lumbar spine moved most
// (the plane its lumbar gauge tints, draw::lumbarTintOf), so the two numbers are about one bend.
CompareNumbers compareNumbers(CompareNumber kind, const movement::PoseSample& normal, const movement::PoseSample& compared);

} // namespace hv::doc
