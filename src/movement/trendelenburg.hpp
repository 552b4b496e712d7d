// Trendelenburg sign: standing on one leg, the pelvis drops on the side of the lifted leg when
// the stance leg's hip abductors (above all gluteus medius) cannot hold it level.
//
// HipView's model, a one-step quasi-static estimate (not a simulation):
//  - demand: the moment about the stance hip that holds the pelvis level,
//      M_req = w * m_above * g * d,
//    w the share of the body's weight on the stance leg alone (the movement's single_support,
//    0..1), m_above the body mass minus the stance leg (kBodyMass * (1 - kLegMassFraction)), and d
//    the frontal-plane lever arm from the stance hip centre to the centre of mass of that mass:
//    the hip centre's distance from the pelvis' midline, plus the shift the swing leg's mass
//    (taken in line with its own hip centre) gives it, minus the shift of the head, arms and
//    trunk (the rest, 1 - 2 * kLegMassFraction of the body) when the lumbar spine leans them
//    over the stance hip: their centre of mass is taken at the trunk point (the origin of the
//    thorax, the centre of the T12-L1 disc; L1's origin where there is no thorax), and its
//    sideways distance from the pelvis' midline, in the pelvis' frame, is what the lean gives
//    (zero with the lumbar spine unbent). This is the compensated Trendelenburg: leaning the
//    trunk over the stance hip shortens the lever, so weak abductors hold more;
//  - supply: what the stance side's gluteal muscles (the content's group "gluteals", which
//    steadies the pelvis over the standing leg: gluteus maximus, medius, minimus and tensor
//    fasciae latae) give at the current pose,
//      M_av = kStanceActivation * sum over their parts of f * F_max * max(0, -r_add),
//    r_add each part's hip-adduction moment arm from its path (-dL/dq), F_max its maximal
//    isometric force, f = gluteusMediusStrength for gluteus medius' parts and 1 for the others
//    (muscles that abduct only on the side of another job, such as rectus femoris, are left out);
//  - deficit = max(0, M_req - M_av) / M_req, 0..1;
//  - the pelvis drops on the swing side by deficit * (the stance hip's remaining adduction range),
//    i.e. with no abductor help at all it would hang on the end of hip adduction; the stance thigh
//    keeps its ground orientation (its hip adducts by the same angle), and the swing leg, hanging
//    free, drops with its hip centre but keeps its direction in the room (its hip abducts by the
//    same angle, so the legs do not swing into each other). With SpineMode::Upright the lumbar spine then bends to keep the trunk upright
//    (the uncompensated sign, trunk over the pelvis).
#pragma once

#include "core/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hv::movement {

// Body mass of the adult the model stands for (kg): team's choice of a typical adult, about the
// mass of the subject the Rajagopal et al. 2016 model was built to represent.
inline constexpr double kBodyMass = 75.0;
// Mass of one whole leg (thigh, shank and foot) as a fraction of body mass: 0.100 + 0.0465 +
// 0.0145 (Dempster's segment masses as tabulated by Winter 2009).
inline constexpr double kLegMassFraction = 0.161;
// Share of their maximal isometric force the gluteals are taken to give, at most, to hold the
// pelvis in unhurried single-leg stance. Team's choice, calibrated: with the content's muscle
// paths and forces, normal-strength gluteals then hold the pelvis with a margin of about 15 %,
// and the pelvis starts to drop once gluteus medius has lost about a quarter of its strength
// (standing on the right leg: demand 56.8 N m, supply 66.3 N m at full strength).
inline constexpr double kStanceActivation = 0.3;
// The content's group whose muscles hold the pelvis over the stance leg.
inline constexpr std::string_view kAbductorGroup = "gluteals";
inline constexpr double kGravity = 9.81; // m/s^2
// The content id of the muscle whose strength the weak gluteus medius option scales.
inline constexpr std::string_view kGluteusMediusId = "gluteus_medius";

// Gluteus medius strength per side, each a fraction of normal (0..1; 1 = normal strength): the
// "weak gluteus medius" option of playback, figures and client profiles.
struct GluteusMediusStrength {
    double right = 1.0;
    double left = 1.0;
    static GluteusMediusStrength both(double fraction) { return {fraction, fraction}; }
    double of(Side side) const { return side == Side::Left ? left : right; } // Midline: right
    bool weak() const { return right < 1.0 || left < 1.0; }
    GluteusMediusStrength clamped() const { // each side inside 0..1 (NaN: normal)
        const auto c = [](double f) { return f >= 0.0 ? (f <= 1.0 ? f : 1.0) : (f < 0.0 ? 0.0 : 1.0); };
        return {c(right), c(left)};
    }
    friend bool operator==(const GluteusMediusStrength&, const GluteusMediusStrength&) = default;
};

// Reads the strength as users write it on command lines: "F" (both sides), or "right=F",
// "left=F", "right=F,left=G" (also r= / l=), each F a fraction from 0 to 1; a side not named keeps
// normal strength. nullopt with `error` saying what is wrong.
std::optional<GluteusMediusStrength> parseGluteusMediusStrength(std::string_view text, std::string& error);
// The strength as parseGluteusMediusStrength() reads it back ("0.4" when both sides are equal).
std::string gluteusMediusStrengthText(const GluteusMediusStrength& strength);

struct TrendelenburgResult {
    bool applies = false;       // the movement has a stance leg and some single support
    Side stance = Side::Midline;
    double demandNm = 0.0;      // M_req, N m
    double supplyNm = 0.0;      // M_av at the given gluteus medius strength, N m
    double normalSupplyNm = 0.0; // M_av at full strength, N m
    double gluteusMediusShareOfSupply = 0.0; // gluteus medius' part of normalSupplyNm, 0..1
    double deficit = 0.0;       // 0..1
    double dropDeg = 0.0;       // how far the pelvis drops on the swing side, deg (>= 0)
    double trunkShiftM = 0.0;   // the trunk point's distance from the pelvis' midline toward the stance side, m
};

// Evaluates the model above for stance leg `stance` (Right or Left) at pose q and applies the drop
// to q (pelvic obliquity, the stance hip's adduction, and the pelvis' position so the stance hip
// centre stays put). `gluteusMediusStrength` is a fraction of normal, 0..1 (1 = normal strength).
// `singleSupport` is 0..1. Returns what it found; q is unchanged when nothing drops.
TrendelenburgResult applyTrendelenburg(const Model& model, Side stance, double singleSupport,
                                       double gluteusMediusStrength, std::vector<double>& q);

} // namespace hv::movement
