// The answers the geometry decides, computed for one question from the content, the movements
// and the core (never read from the quiz file), and the scene a question sets:
//   what_does_it_do       the action named by the sign of the moment arm (-dL/dq) about the
//                         question's hip coordinate at its pose; |moment arm| < kQuizDeadZone:
//                         no clear action, no question;
//   where_does_it_change  the angle of the swept coordinate where that moment arm changes sign
//                         (core/sweep.hpp's role changes, sampled every degree, refined by
//                         bisection); the one nearest the key when there are several;
//   which_muscles         stretched: the choices lengthened by more than kStretchedPercent at
//                         the movement's pose; lumbar_level: the level with the largest sagittal
//                         angle in the movement with the hip restrictions (movement/player.hpp);
//   name_it, find_it, origin_insertion: the key is a muscle id, not decided by the geometry.
#pragma once

#include "quiz/quiz.hpp"

#include "core/roles.hpp"

#include <string>
#include <vector>

namespace hv::quiz {

// A question's names resolved against the model. Problems (unknown names with the valid ones or
// the closest, out-of-range values) are appended to `problems`, each at its field's line.
struct Resolved {
    bool ok = false;
    int muscle = -1;              // index into model.muscles (the question's side), -1 if none
    std::vector<PartRef> parts;   // the part named, or every part of the muscle
    std::vector<double> q;        // the question's pose, SI (a movement's pose at `time`)
    int dofCoordinate = -1;       // the hip coordinate asked about
    HipDof dof = HipDof::Flexion;
    std::vector<int> sweepCoordinates; // where_does_it_change
};
Resolved resolve(const Question& question, const std::string& file, const Content& content,
                 const movement::MovementLibrary& movements, Diagnostics& problems);

struct ComputedKey {
    bool decided = false;          // false: the geometry does not decide this kind's key
    std::string key;               // action name ("internal rotator", "none") or lumbar level
    double keyDeg = 0.0;           // crossover angle, degrees (where_does_it_change)
    bool found = true;             // where_does_it_change: some crossover exists in the sweep
    std::vector<std::string> keys; // stretched choices, in choice order
    double momentArm = 0.0;        // metres (what_does_it_do)
    std::vector<double> values;    // per choice: change % (stretched); per level: sagittal deg (lumbar)
    // The computed value in words for messages and explanations, e.g.
    // "computed moment arm about hip_rotation_r at hip_flexion_r=30 is -12.4 mm, external rotator".
    std::string description;
};
// Requires resolved.ok.
ComputedKey computeKey(const Question& question, const Resolved& resolved, const Content& content,
                       const movement::MovementLibrary& movements);

// "L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2".
const std::vector<std::string>& lumbarLevelNames();
// The actions a what_does_it_do key may name for a dof: "flexor"/"extensor", ...
std::vector<std::string> actionNames(HipDof dof);
std::optional<HipDof> hipDofFromName(std::string_view name);

} // namespace hv::quiz
