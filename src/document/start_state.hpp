// The window's start state from the command line, so a trainer can open straight into a lesson
// (`hipview --select piriformis --pose hip_flexion_r=90 --view lateral-right`) and tests can
// check the window. GL-free: the options arrive as typed and are checked against the content and
// the movements here, with the messages every other command gives for the same mistakes
// (unknown names come with the valid ones listed).
#pragma once

#include "anatomy_draw/anatomy_drawer.hpp"
#include "anatomy_draw/standard_view.hpp"
#include "content/content.hpp"
#include "core/pose_text.hpp"
#include "document/wording.hpp"
#include "movement/movement.hpp"
#include "movement/profile.hpp"
#include "quiz/quiz.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hv::doc {

// The options as typed (absent: not given).
struct StartOptions {
    std::optional<std::string> select;   // a muscle id, optionally with _r / _l
    std::optional<std::string> pose;     // "NAME=VALUE,..." (deg or m)
    std::optional<std::string> view;     // a standard view name
    std::optional<std::string> movement; // a movement id
    std::optional<std::string> at;       // seconds into the movement (paused there)
    std::optional<std::string> model;    // a model file
    std::optional<std::string> colour;   // "group", "stretch", "role" or "pelvis"
    std::optional<std::string> wording;  // "anatomical" or "plain"
    std::optional<std::string> momentArm; // "hip_flexion" ... "lumbar_rotation" (draw::momentArmAxisNames; needs select)
    std::optional<std::string> peel;      // muscle layers 1..N ghosted, "0" to "4"
    std::optional<std::string> quiz;     // a quiz file (content/quizzes/*.toml)
    std::optional<std::string> profile;  // a client profile file (content/profiles/*.toml)
    std::vector<std::string> restrict;   // "NAME=MIN:MAX" (deg) each, a restricted hip
    std::optional<std::string> gluteusMediusStrength; // "F" or "left=F,right=G"
    bool compare = false; // compare mode (compare.hpp): needs a movement and something to compare against
    bool noFloor = false; // --no-floor: no floor, also with a movement
};

struct StartState {
    std::optional<draw::HighlightRef> select; // side unset: the right side is shown first
    std::vector<PoseAssignment> pose;         // SI
    std::optional<draw::StandardView> view;
    std::string movement; // "" = none
    std::optional<double> at; // s into the movement, paused; nullopt: plays from the start
    std::string model;    // "" = the default model
    std::string colour = "group"; // how muscles are coloured: group, stretch (length change), role, pelvis (tips the pelvis forward / back)
    Wording wording = Wording::Anatomical; // the info card's, bars' and movement texts' words
    std::optional<draw::MomentArmAxis> momentArm; // the selected muscle's moment arm drawn about this motion
    int peel = 0;                    // LayerState::peel
    std::optional<quiz::Quiz> quiz; // a quiz to take, checked (quiz::loadQuiz: every key recomputed)
    // The client profile, then the restricted hip and the strength given on the command line on
    // top of it (a --restrict replaces the profile's limit on the same coordinate; a
    // --gluteus-medius-strength replaces the profile's strengths).
    std::optional<movement::ClientProfile> profile;
    std::vector<movement::HipLimit> hipLimits; // SI
    std::optional<movement::GluteusMediusStrength> gluteusMediusStrength;
    bool compare = false; // the movement side by side with normal hips, in step
    std::optional<bool> floor; // LayerState::floor: false for --no-floor, nullopt for the default
};

// Checks the options. On success returns the state; otherwise nullopt and one message per
// problem in `errors`, each starting with the option's name ("--select: unknown muscle ...";
// a quiz's problems are the quiz library's messages, with its file and line).
// `movements` may be null when the movements file could not be read: a --movement then fails.
std::optional<StartState> resolveStartState(const Content& content, const movement::MovementLibrary* movements,
                                            const StartOptions& options, std::vector<std::string>& errors);

} // namespace hv::doc
