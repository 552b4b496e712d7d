// What the info panel shows about the selected muscle at the current pose, computed from its
// path (moment arm = -dL/dq, core/moment_arm.hpp), never read from a table: for each part a bar
// per hip coordinate of the muscle's own side with the moment arm and the action word, and a
// plot of one part's moment arm against hip flexion with the current angle and the crossovers
// (where the action changes) marked. GL-free.
//
// Units: moment arms in millimetres, angles in degrees (the user's units). Signs are OpenSim's:
// positive = flexor, adductor, internal rotator.
#pragma once

#include "anatomy_draw/colouring.hpp"
#include "core/lumbar_actions.hpp"
#include "core/moment_arm.hpp"
#include "core/pelvis_actions.hpp"
#include "core/roles.hpp"

#include <array>
#include <span>
#include <string>
#include <vector>

namespace hv::doc {

struct ActionBar {
    HipDof dof = HipDof::Flexion;
    int coordinate = -1;      // the model coordinate (the muscle's side), -1 if the model lacks it
    double momentArmMm = 0.0; // mm
    Action action = Action::None;
    std::string word;         // "external rotator", "none"
};

struct PartActions {
    PartRef part;
    std::string name;                // "" for a single-part muscle, else e.g. "anterior fibres"
    std::array<ActionBar, 3> bars{}; // kHipDofs order
};

// The bars of every part of muscle `muscle` (index into model.muscles) at the evaluator's pose.
// Empty for an index out of range.
std::vector<PartActions> liveActions(const Model& model, PathEvaluator& evaluator, int muscle);

// What each part does to the pelvis with both thighs and the trunk held still in space
// (core/pelvis_actions.hpp): a bar about pelvic tilt (positive = tips the pelvis forward) and one
// about pelvic obliquity (positive = hikes the left side, negative = hikes the right), mm.
struct PelvicBar {
    PelvisDof dof = PelvisDof::Tilt;
    double momentArmMm = 0.0; // mm, closed-chain
    std::string word;         // the core's word: "tips forward", "hikes right", "none"
};
struct PartPelvicActions {
    PartRef part;
    std::string name;                 // as PartActions::name
    std::array<PelvicBar, 2> bars{};  // kPelvisDofs order
};
// The pelvic bars of every part of muscle `muscle` at pose q (SI, one value per coordinate).
// Empty for an index out of range.
std::vector<PartPelvicActions> pelvicActions(const Model& model, std::span<const double> q, int muscle);
// Every part's closed-chain tilt moment arm at q, for the pelvis colour mode.
std::vector<draw::PartPelvicTilt> pelvicTilts(const Model& model, std::span<const double> q);

// The bar length as a fraction of full scale, signed, in [-1, 1]: moment arm / `fullScaleMm`.
double barFraction(double momentArmMm, double fullScaleMm = 60.0);

struct Crossover {
    double flexionDeg = 0.0; // where the moment arm crosses zero
    Action from = Action::None, to = Action::None;
};

struct MomentArmPlot {
    PartRef part;
    HipDof dof = HipDof::Rotation;
    int flexionCoordinate = -1;      // the swept coordinate: hip flexion of the part's side
    std::vector<double> flexionDeg;  // samples, ascending, over the coordinate's range
    std::vector<double> momentArmMm; // one per sample
    std::vector<Crossover> crossovers;
    double currentDeg = 0.0;         // hip flexion at the pose
    double currentMm = 0.0;          // moment arm at the pose
    double minMm = 0.0, maxMm = 0.0; // range of the samples (and 0), for the axes
};

// The moment arm of `part` about its side's `dof` against its side's hip flexion, over that
// coordinate's whole range in steps of `stepDeg`, every other coordinate as in `q` (SI, one per
// coordinate). Crossovers are refined by bisection (core/roles.hpp). An empty plot (no samples)
// when the model has no hip flexion coordinate for that side.
MomentArmPlot momentArmPlot(const Model& model, std::span<const double> q, PartRef part, HipDof dof,
                            double stepDeg = 2.0);

// ---- Trunk muscles: what a part that crosses lumbar levels and no hip does to the low back.
// One bar per lumbar motion (kLumbarDofs order), its moment arm SUMMED over the lumbar levels the
// part crosses (core/lumbar_actions.hpp: the moment arm about those levels moved together by the
// same angle). Signs are the lumbar coordinates': flexion positive (negative = extends), bending
// positive = to the right, rotation positive = turns to the left; midline coordinates, so the
// left copy of a muscle has the opposite bending and rotation sign of the right one.
struct LumbarBar {
    LumbarDof dof = LumbarDof::Flexion;
    double momentArmMm = 0.0; // mm, summed over the levels crossed
    std::string role;         // the core's role word: "extensor", "right bender", "left rotator", "none"
};
struct PartLumbarActions {
    PartRef part;
    std::string name;                // as PartActions::name
    int lowestLevel = -1;            // index into kLumbarLevelNames (0 = L5-S1) of the lowest level crossed
    int highestLevel = -1;           // and of the highest; -1 when it crosses none
    std::array<LumbarBar, 3> bars{}; // kLumbarDofs order
};
// The lumbar bars' full scale (mm): five levels of the hip bars' 60 mm, as the bars sum the levels.
inline constexpr double kLumbarBarFullScaleMm = 300.0;
// True when every part of muscle `muscle` is a lumbar part (isLumbarPart: crosses a lumbar level
// and no hip of its side): quadratus lumborum, the erector spinae, the abdominals; not psoas
// major. False for an index out of range.
bool isTrunkMuscle(const Model& model, int muscle);
// The lumbar bars of every part of muscle `muscle` at pose q (SI, one value per coordinate), for
// a trunk muscle (isTrunkMuscle); empty otherwise or for an index out of range.
std::vector<PartLumbarActions> lumbarActions(const Model& model, std::span<const double> q, int muscle);
// "L5-S1 to L1-L2" for the levels a part crosses, "L4-L5" for one level, "" for none.
std::string levelSpan(const PartLumbarActions& part);

// A trunk muscle part's summed moment arm about `dof` against lumbar flexion: every lumbar
// flexion level is moved together by the same offset from the pose q (SI), over the offsets that
// keep every level inside its range, in steps of `stepDeg`; the x axis is the mean lumbar
// flexion per level (deg), so the pose itself lies on the curve. Crossovers are where the summed
// moment arm changes sign (refined by bisection). Empty (no samples) when the model has no
// lumbar flexion coordinates or the part is out of range.
struct LumbarCrossover {
    double flexionDeg = 0.0;       // mean lumbar flexion per level where the moment arm crosses zero
    std::string from, to;          // the core's role words on either side
};
struct LumbarMomentArmPlot {
    PartRef part;
    LumbarDof dof = LumbarDof::Flexion;
    std::vector<double> flexionDeg;  // samples, ascending: mean lumbar flexion per level, deg
    std::vector<double> momentArmMm; // one per sample, summed over the levels, mm
    std::vector<LumbarCrossover> crossovers;
    double currentDeg = 0.0;         // mean lumbar flexion per level at the pose
    double currentMm = 0.0;          // moment arm at the pose
    double minMm = 0.0, maxMm = 0.0; // range of the samples (and 0), for the axes
};
LumbarMomentArmPlot lumbarMomentArmPlot(const Model& model, std::span<const double> q, PartRef part, LumbarDof dof,
                                        double stepDeg = 1.0);

} // namespace hv::doc
