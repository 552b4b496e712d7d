#include "document/start_state.hpp"

#include "core/diagnostic.hpp"
#include "document/compare.hpp"

#include <algorithm>
#include <cmath>

namespace hv::doc {

std::optional<StartState> resolveStartState(const Content& content, const movement::MovementLibrary* movements,
                                            const StartOptions& options, std::vector<std::string>& errors) {
    StartState s;
    const std::size_t before = errors.size();
    if (options.select) {
        std::string error;
        if (auto ref = draw::parseHighlight(content, *options.select, error)) s.select = *ref;
        else errors.push_back("--select: " + error);
    }
    if (options.pose) {
        std::string error;
        if (auto p = parsePose(content.model, *options.pose, error)) s.pose = std::move(*p);
        else errors.push_back("--pose: " + error);
    }
    if (options.view) {
        if (auto v = draw::standardViewFromName(*options.view)) {
            s.view = *v;
        } else {
            const std::string hint = closestMatch(*options.view, draw::standardViewNames());
            errors.push_back("--view: unknown view \"" + *options.view + "\"" +
                             (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") +
                             "; valid views: " + joinNames(draw::standardViewNames()));
        }
    }
    if (options.movement) {
        if (!movements) errors.push_back("--movement: the movements file could not be read, so no movement can be played");
        else if (!movements->find(*options.movement))
            errors.push_back("--movement: " + movement::unknownMovementMessage(*movements, *options.movement));
        else s.movement = *options.movement;
    }
    if (options.at) {
        const auto t = parseNumber(*options.at);
        if (!t || *t < 0.0) errors.push_back("--at: \"" + *options.at + "\": expected seconds, 0 or more");
        else if (!options.movement) errors.push_back("--at: needs --movement ID");
        else s.at = *t;
    }
    if (options.colour) {
        const std::vector<std::string> valid{"group", "stretch", "role", "pelvis"};
        if (std::find(valid.begin(), valid.end(), *options.colour) != valid.end()) s.colour = *options.colour;
        else {
            const std::string hint = closestMatch(*options.colour, valid);
            errors.push_back("--colour: unknown colouring \"" + *options.colour + "\"" +
                             (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") + "; valid: " + joinNames(valid));
        }
    }
    if (options.profile) {
        Diagnostics d;
        s.profile = movement::loadClientProfile(content.model, *options.profile, d);
        for (const Diagnostic& x : d) errors.push_back("--profile: " + x.format());
        if (s.profile) s.hipLimits = s.profile->hipLimits;
    }
    for (const std::string& r : options.restrict) {
        std::string error;
        const auto limits = movement::parseHipRestriction(content.model, r, error);
        if (!limits) {
            errors.push_back("--restrict: " + error);
            continue;
        }
        for (const movement::HipLimit& l : *limits) {
            std::erase_if(s.hipLimits, [&](const movement::HipLimit& x) { return x.coordinate == l.coordinate; });
            s.hipLimits.push_back(l);
        }
    }
    if (options.gluteusMediusStrength) {
        std::string error;
        if (auto g = movement::parseGluteusMediusStrength(*options.gluteusMediusStrength, error)) s.gluteusMediusStrength = *g;
        else errors.push_back("--gluteus-medius-strength: " + error);
    } else if (s.profile) {
        s.gluteusMediusStrength = s.profile->gluteusMediusStrength;
    }
    if (options.compare) {
        if (!options.movement) errors.push_back("--compare: needs --movement ID, the movement shown twice");
        else if (!hasSomethingToCompare(s.hipLimits, s.gluteusMediusStrength.value_or(movement::GluteusMediusStrength{}))) {
            // A bad --restrict, --profile or --gluteus-medius-strength already said what is wrong.
            if (errors.size() == before) errors.push_back(std::string("--compare: ") + kNothingToCompare);
        }
        else s.compare = true;
    }
    if (options.noFloor) s.floor = false;
    if (options.peel) {
        const auto n = parseNumber(*options.peel);
        if (!n || *n != std::floor(*n) || *n < 0 || *n > kMaxMuscleLayer)
            errors.push_back("--peel: \"" + *options.peel + "\": expected a layer from 0 (none peeled) to " + std::to_string(kMaxMuscleLayer));
        else s.peel = static_cast<int>(*n);
    }
    if (options.momentArm) {
        const std::vector<std::string> valid = draw::momentArmAxisNames();
        const auto axis = draw::momentArmAxisFromName(*options.momentArm);
        if (!axis) {
            const std::string hint = closestMatch(*options.momentArm, valid);
            errors.push_back("--moment-arm: unknown hip or lumbar motion \"" + *options.momentArm + "\"" +
                             (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") + "; valid: " + joinNames(valid));
        } else if (!options.select) {
            errors.push_back("--moment-arm: needs --select MUSCLE, whose moment arm is drawn");
        } else {
            s.momentArm = *axis;
        }
    }
    if (options.wording) {
        if (const auto w = wordingFromName(*options.wording)) s.wording = *w;
        else {
            const std::string hint = closestMatch(*options.wording, wordingNames());
            errors.push_back("--wording: unknown wording \"" + *options.wording + "\"" +
                             (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") + "; valid: " + joinNames(wordingNames()));
        }
    }
    if (options.quiz) {
        if (options.quiz->empty()) errors.push_back("--quiz: give a quiz file, e.g. content/quizzes/roles.toml");
        else if (!movements) errors.push_back("--quiz: the movements file could not be read, so no quiz can be checked");
        else {
            quiz::QuizLoad load = quiz::loadQuiz(*options.quiz, *options.quiz, content, *movements);
            if (load.quiz) s.quiz = std::move(*load.quiz);
            else if (load.diagnostics.empty()) errors.push_back("--quiz: " + *options.quiz + ": the quiz could not be read");
            for (const Diagnostic& d : load.diagnostics) errors.push_back("--quiz: " + d.format());
        }
    }
    if (options.model) {
        if (options.model->empty()) errors.push_back("--model: give a model file");
        else s.model = *options.model;
    }
    if (errors.size() != before) return std::nullopt;
    return s;
}

} // namespace hv::doc
