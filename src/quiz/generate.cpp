#include "quiz/generate.hpp"

#include "quiz/keys.hpp"

#include "core/pose_text.hpp"
#include "core/sweep.hpp"
#include "core/text.hpp"
#include "movement/player.hpp"
#include "movement/stretch_map.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

namespace hv::quiz {

namespace {

using Rng = std::mt19937_64;

std::size_t pick(Rng& rng, std::size_t n) { return static_cast<std::size_t>(rng() % n); }

template <class T> void shuffle(std::vector<T>& v, Rng& rng) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[pick(rng, i)]);
}

const std::vector<std::string> kViews{"anterior", "posterior", "lateral-right", "medial-right"};

std::string viewWords(const std::string& view) { return view == "lateral-right" ? "right lateral" : view == "medial-right" ? "right medial" : view; }

std::string partLabel(const Model& model, PartRef p) {
    const Muscle& m = model.muscles[static_cast<std::size_t>(p.muscle)];
    const MusclePart& part = model.part(p);
    return m.parts.size() > 1 && !part.displayName.empty() ? m.displayName + " (" + part.displayName + ")" : m.displayName;
}

std::string dofWords(HipDof d) {
    switch (d) {
    case HipDof::Flexion: return "flex or extend the hip";
    case HipDof::Adduction: return "adduct or abduct the thigh";
    case HipDof::Rotation: return "turn the thigh inward (internal rotation) or outward (external rotation)";
    }
    return "";
}

// `count` muscle ids other than `key`, drawn with the rng, then the key, all sorted by id.
std::vector<std::string> muscleChoices(const Content& content, const std::string& key, std::size_t count, Rng& rng) {
    std::vector<std::string> others;
    for (const MuscleInfo& m : content.muscles)
        if (m.id != key) others.push_back(m.id);
    shuffle(others, rng);
    others.resize(std::min(count, others.size()));
    others.push_back(key);
    std::sort(others.begin(), others.end());
    return others;
}

struct Candidates {
    std::vector<std::vector<Question>> byKind; // one list per kind of the topic, fixed order
};

void nameCandidates(const Content& content, Rng& rng, Candidates& out) {
    std::vector<Question> names, finds;
    for (const MuscleInfo& info : content.muscles) {
        for (const std::string& view : kViews) {
            for (const char* pose : {"", "hip_flexion_r=45"}) {
                Question q;
                q.kind = Kind::NameIt;
                q.muscle = q.key = info.id;
                q.view = view;
                q.pose = pose;
                q.prompt = "Which muscle is highlighted? (" + viewWords(view) + " view, " +
                           (q.pose.empty() ? "standing" : "right hip flexed 45 degrees") + ")";
                q.choices = muscleChoices(content, info.id, 3, rng);
                names.push_back(std::move(q));
            }
            Question f;
            f.kind = Kind::FindIt;
            f.muscle = f.key = info.id;
            f.view = view;
            f.prompt = "Click the right " + info.name + " in the " + viewWords(view) + " view.";
            finds.push_back(std::move(f));
        }
    }
    out.byKind.push_back(std::move(names));
    out.byKind.push_back(std::move(finds));
}

void roleCandidates(const Content& content, Candidates& out) {
    const Model& model = content.model;
    std::vector<Question> what, where;
    std::vector<PartRef> parts;
    for (const MuscleInfo& info : content.muscles) {
        const int m = model.findMuscle(info.id, Side::Right);
        if (m < 0) continue;
        for (std::size_t p = 0; p < model.muscles[static_cast<std::size_t>(m)].parts.size(); ++p)
            parts.push_back({m, static_cast<int>(p)});
    }
    const auto hip = hipCoordinates(model, Side::Right);
    PathEvaluator eval(model);
    for (int flexion : {0, 30, 60, 90}) {
        std::vector<double> q = model.defaultPose();
        q[static_cast<std::size_t>(hip[0])] = toRadians(flexion);
        eval.setPose(q);
        for (PartRef p : parts) {
            const Muscle& m = model.muscles[static_cast<std::size_t>(p.muscle)];
            for (std::size_t d = 0; d < 3; ++d) {
                const double r = eval.momentArm(p, hip[d]);
                const Action a = classifyAction(kHipDofs[d], r, kQuizDeadZone);
                if (a == Action::None) continue;
                Question k;
                k.kind = Kind::WhatDoesItDo;
                k.muscle = m.id;
                k.part = m.parts.size() > 1 ? model.part(p).name : "";
                k.view = "lateral-right";
                k.pose = flexion == 0 ? "" : "hip_flexion_r=" + std::to_string(flexion);
                k.dof = std::string(hipDofName(kHipDofs[d]));
                k.key = std::string(actionName(a));
                k.choices = actionNames(kHipDofs[d]);
                k.prompt = (flexion == 0 ? std::string("Standing upright") : "At " + std::to_string(flexion) + " degrees of hip flexion") +
                           ", does the right " + partLabel(model, p) + " " + dofWords(kHipDofs[d]) + "?";
                char buf[48];
                std::snprintf(buf, sizeof buf, "%+.1f mm", r * 1000.0);
                k.explanation = "Its moment arm about " + k.dof + " here is " + buf + " (" + k.key + ").";
                what.push_back(std::move(k));
            }
        }
    }
    const int sweepCoordinate = hip[0];
    SweepSpec sweep;
    sweep.coordinates = {sweepCoordinate};
    for (double d : sweepRange(0.0, 120.0, 1.0)) sweep.values.push_back(toRadians(d));
    const std::vector<double> base = model.defaultPose();
    const SweepTable table = runSweep(model, base, sweep, parts);
    for (const PartRoleChange& c : findRoleChanges(model, base, sweep, table, kQuizDeadZone)) {
        const Muscle& m = model.muscles[static_cast<std::size_t>(c.part.muscle)];
        Question k;
        k.kind = Kind::WhereDoesItChange;
        k.muscle = m.id;
        k.part = m.parts.size() > 1 ? model.part(c.part).name : "";
        k.view = "lateral-right";
        k.dof = std::string(hipDofName(c.change.dof));
        k.sweep = model.coordinates[static_cast<std::size_t>(sweepCoordinate)].name;
        k.sweepFromDeg = 0.0;
        k.sweepToDeg = 120.0;
        k.keyDeg = std::round(toDegrees(c.change.at)); // whole degrees: the question asks "about"
        k.toleranceDeg = kDefaultToleranceDeg;
        k.prompt = "Past about what angle of hip flexion does the right " + partLabel(model, c.part) + " stop being " +
                   (c.change.from == Action::InternalRotator || c.change.from == Action::ExternalRotator ||
                            c.change.from == Action::Extensor
                        ? "an "
                        : "a ") +
                   std::string(actionName(c.change.from)) + " and become " +
                   (c.change.to == Action::InternalRotator || c.change.to == Action::ExternalRotator ||
                            c.change.to == Action::Extensor
                        ? "an "
                        : "a ") +
                   std::string(actionName(c.change.to)) + "? (degrees)";
        k.explanation = "Its moment arm about " + k.dof + " changes sign at about " + formatNumber(k.keyDeg) +
                        " degrees of hip flexion.";
        where.push_back(std::move(k));
    }
    out.byKind.push_back(std::move(what));
    out.byKind.push_back(std::move(where));
}

std::vector<Question> stretchCandidates(const Content& content, const movement::MovementLibrary& movements, Rng& rng) {
    const Model& model = content.model;
    std::vector<Question> out;
    movement::StretchMap map(model);
    for (const movement::Movement& mov : movements.movements) {
        if (mov.category != movement::Category::Stretch) continue;
        movement::PlayOptions once;
        once.loop = false;
        const movement::MovementPlayer player(model, mov, once);
        for (std::size_t key = 1; key < mov.keys.size(); ++key) {
            const double t = mov.keys[key].time;
            const std::vector<double> q = player.sample(t).q;
            for (Side side : {Side::Right, Side::Left}) {
                std::vector<std::string> stretched, relaxed;
                for (const MuscleInfo& info : content.muscles) {
                    const int m = model.findMuscle(info.id, side);
                    if (m < 0) continue;
                    const double change = map.muscleChangePercent(m, q);
                    if (change > kStretchedPercent + 1.0) stretched.push_back(info.id);
                    if (change < kStretchedPercent - 1.0) relaxed.push_back(info.id);
                }
                if (stretched.empty() || relaxed.size() < 2) continue;
                shuffle(stretched, rng);
                shuffle(relaxed, rng);
                stretched.resize(std::min<std::size_t>(2, stretched.size()));
                relaxed.resize(std::min<std::size_t>(3, relaxed.size()));
                Question k;
                k.kind = Kind::WhichMuscles;
                k.ask = Ask::Stretched;
                k.side = side;
                k.view = side == Side::Right ? "lateral-right" : "lateral-left";
                k.movement = mov.id;
                k.time = t;
                k.keys = stretched;
                std::sort(k.keys.begin(), k.keys.end());
                k.choices = stretched;
                k.choices.insert(k.choices.end(), relaxed.begin(), relaxed.end());
                std::sort(k.choices.begin(), k.choices.end());
                const std::string sideWord = side == Side::Right ? "right" : "left";
                k.prompt = "In the " + mov.title + ", " + formatNumber(t) + " s in" +
                           (mov.keys[key].label.empty() ? std::string() : " (" + mov.keys[key].label + ")") +
                           ", which of these " + sideWord + " muscles are stretched?";
                k.explanation = "Stretched means at least " + formatNumber(kStretchedPercent) +
                                " % longer than in neutral standing.";
                out.push_back(std::move(k));
            }
        }
    }
    return out;
}

std::vector<Question> attachmentCandidates(const Content& content, Rng& rng) {
    std::vector<Question> out;
    for (const MuscleInfo& info : content.muscles) {
        for (Ask ask : {Ask::Origin, Ask::Insertion}) {
            const std::string& text = ask == Ask::Origin ? info.origin : info.insertion;
            if (text.empty()) continue;
            Question k;
            k.kind = Kind::OriginInsertion;
            k.ask = ask;
            k.muscle = k.key = info.id;
            k.prompt = std::string("Which muscle has this ") + (ask == Ask::Origin ? "origin" : "insertion") + ": \"" +
                       text + "\"?";
            k.choices = muscleChoices(content, info.id, 3, rng);
            k.explanation = info.name + (ask == Ask::Origin ? " arises from: " : " inserts on: ") + text;
            out.push_back(std::move(k));
        }
    }
    return out;
}

std::vector<Question> hipBackCandidates(const Content& content, const movement::MovementLibrary& movements) {
    const Model& model = content.model;
    std::vector<Question> out;
    for (const movement::Movement& mov : movements.movements) {
        if (mov.category != movement::Category::Exercise && mov.category != movement::Category::HipBack) continue;
        for (int stop : {20, 30, 45}) {
            const std::string restriction = "hip_flexion=:" + std::to_string(stop);
            std::string error;
            const auto limits = movement::parseHipRestriction(model, restriction, error);
            if (!limits) continue;
            movement::PlayOptions options;
            options.loop = false;
            options.hipLimits = *limits;
            const movement::MovementPlayer player(model, mov, options);
            for (std::size_t key = 1; key < mov.keys.size(); ++key) {
                const double t = mov.keys[key].time;
                const movement::PoseSample s = player.sample(t);
                if (!s.restriction.active) continue;
                std::array<double, movement::kLumbarLevels> deg{};
                for (std::size_t i = 0; i < deg.size(); ++i) deg[i] = std::abs(s.lumbar.levels[i].deg[0]);
                std::array<double, movement::kLumbarLevels> sorted = deg;
                std::sort(sorted.begin(), sorted.end(), std::greater<>());
                if (sorted[0] < 1.0 || sorted[0] - sorted[1] < 0.1) continue;
                const std::size_t best = static_cast<std::size_t>(std::max_element(deg.begin(), deg.end()) - deg.begin());
                Question k;
                k.kind = Kind::WhichMuscles;
                k.ask = Ask::LumbarLevel;
                k.view = "lateral-right";
                k.movement = mov.id;
                k.time = t;
                k.restrict = {restriction};
                k.key = lumbarLevelNames()[best];
                k.choices = lumbarLevelNames();
                k.prompt = "In the " + mov.title + " with stiff hips that stop at " + std::to_string(stop) +
                           " degrees of flexion, which lumbar level bends the most " + formatNumber(t) + " s in?";
                k.explanation = "The spine takes up what the hips cannot give, each level in proportion to its range.";
                out.push_back(std::move(k));
            }
        }
    }
    return out;
}

} // namespace

GenerateResult generateQuiz(const Content& content, const movement::MovementLibrary& movements,
                            const GenerateOptions& options) {
    GenerateResult result;
    const auto& topics = topicNames();
    if (std::find(topics.begin(), topics.end(), options.topic) == topics.end()) {
        result.error = "unknown topic \"" + options.topic + "\"; valid topics: " + joinNames(topics);
        return result;
    }
    Rng rng(options.seed);
    const std::string& topic = options.topic;
    const bool mixed = topic == "mixed";
    Candidates c;
    if (mixed || topic == "names") nameCandidates(content, rng, c);
    if (mixed || topic == "roles") roleCandidates(content, c);
    if (mixed) {
        // stretched and lumbar_level are one kind: which_muscles
        std::vector<Question> which = stretchCandidates(content, movements, rng);
        std::vector<Question> back = hipBackCandidates(content, movements);
        which.insert(which.end(), back.begin(), back.end());
        c.byKind.push_back(std::move(which));
    } else if (topic == "stretches") {
        c.byKind.push_back(stretchCandidates(content, movements, rng));
    } else if (topic == "hip-back") {
        c.byKind.push_back(hipBackCandidates(content, movements));
    }
    if (mixed || topic == "attachments") c.byKind.push_back(attachmentCandidates(content, rng));

    for (auto& list : c.byKind) {
        shuffle(list, rng);
        result.maximum += list.size();
    }
    if (options.count == 0 || options.count > result.maximum) {
        result.error = "topic " + topic + " can make at most " + std::to_string(result.maximum) +
                       " distinct questions; asked for " + std::to_string(options.count);
        return result;
    }
    Quiz quiz;
    quiz.title = "Generated quiz: " + topic + " (seed " + std::to_string(options.seed) + ")";
    quiz.topic = topic;
    std::vector<std::size_t> next(c.byKind.size(), 0);
    while (quiz.questions.size() < options.count) {
        for (std::size_t k = 0; k < c.byKind.size() && quiz.questions.size() < options.count; ++k) {
            if (next[k] >= c.byKind[k].size()) continue;
            quiz.questions.push_back(c.byKind[k][next[k]++]);
        }
    }
    for (std::size_t i = 0; i < quiz.questions.size(); ++i) quiz.questions[i].path = "question[" + std::to_string(i + 1) + "]";
    result.quiz = std::move(quiz);
    return result;
}

} // namespace hv::quiz
