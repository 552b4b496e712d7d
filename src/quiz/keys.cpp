#include "quiz/keys.hpp"


#include "anatomy_draw/standard_view.hpp"
#include "core/lumbar_actions.hpp"
#include "core/pose_text.hpp"
#include "core/sweep.hpp"
#include "core/text.hpp"
#include "movement/player.hpp"
#include "movement/stretch_map.hpp"

#include <algorithm>
#include <cmath>

namespace hv::quiz {

namespace {

std::string mm(double metres) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.1f mm", metres * 1000.0);
    return buf;
}

std::string deg1(double deg) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", std::abs(deg) < 0.05 ? 0.0 : deg);
    return buf;
}

struct Reporter {
    const Question& question;
    const std::string& file;
    Diagnostics& out;
    bool ok = true;
    void operator()(const std::string& field, const std::string& message) {
        Diagnostic d;
        d.file = file;
        d.line = question.lineOf(field);
        d.field = field.empty() ? question.path : question.path + "." + field;
        d.message = message;
        out.push_back(std::move(d));
        ok = false;
    }
};

bool needsMuscle(Kind k) { return k != Kind::WhichMuscles; }

} // namespace

const std::vector<std::string>& lumbarLevelNames() {
    static const std::vector<std::string> names(kLumbarLevelNames.begin(), kLumbarLevelNames.end());
    return names;
}

std::vector<std::string> actionNames(HipDof dof) {
    switch (dof) {
    case HipDof::Flexion: return {"flexor", "extensor"};
    case HipDof::Adduction: return {"adductor", "abductor"};
    case HipDof::Rotation: return {"internal rotator", "external rotator"};
    }
    return {};
}

std::optional<HipDof> hipDofFromName(std::string_view name) {
    for (HipDof d : kHipDofs)
        if (hipDofName(d) == name) return d;
    return std::nullopt;
}

Resolved resolve(const Question& question, const std::string& file, const Content& content,
                 const movement::MovementLibrary& movements, Diagnostics& problems) {
    Reporter report{question, file, problems};
    const Model& model = content.model;
    Resolved r;
    r.q = model.defaultPose();

    if (!draw::standardViewFromName(question.view))
        report("view", "unknown view \"" + question.view + "\"" +
                           [&] {
                               const std::string hint = closestMatch(question.view, draw::standardViewNames());
                               return hint.empty() ? std::string() : " (did you mean \"" + hint + "\"?)";
                           }() +
                           "; valid views: " + joinNames(draw::standardViewNames()));

    if (needsMuscle(question.kind)) {
        if (!content.findMuscleInfo(question.muscle)) {
            report("muscle", unknownMuscleMessage(content, question.muscle));
        } else {
            r.muscle = model.findMuscle(question.muscle, question.side);
            if (r.muscle < 0) {
                report("side", "muscle \"" + question.muscle + "\" has no side \"" +
                                   std::string(sideSuffix(question.side)) + "\"");
            } else {
                const Muscle& m = model.muscles[static_cast<std::size_t>(r.muscle)];
                std::vector<std::string> partNames;
                for (std::size_t p = 0; p < m.parts.size(); ++p) {
                    partNames.push_back(m.parts[p].name);
                    if (question.part.empty() || m.parts[p].name == question.part)
                        r.parts.push_back({r.muscle, static_cast<int>(p)});
                }
                if (!question.part.empty() && r.parts.empty())
                    report("part", "muscle \"" + question.muscle + "\" has no part \"" + question.part +
                                       "\"; its parts: " + joinNames(partNames));
                if (question.kind == Kind::WhereDoesItChange && question.part.empty() && m.parts.size() > 1)
                    report("part", "where_does_it_change needs one part of \"" + question.muscle +
                                       "\", which has several: " + joinNames(partNames));
            }
        }
    }
    // A choice that is a muscle id must be one (name_it, find_it, origin_insertion, stretched).
    const bool muscleChoices = question.kind == Kind::NameIt || question.kind == Kind::FindIt ||
                               question.kind == Kind::OriginInsertion ||
                               (question.kind == Kind::WhichMuscles && question.ask == Ask::Stretched);
    if (muscleChoices) {
        for (const std::string& c : question.choices)
            if (!content.findMuscleInfo(c)) report("choices", "choice: " + unknownMuscleMessage(content, c));
        for (const std::string& k : question.keys)
            if (!content.findMuscleInfo(k)) report("keys", "key: " + unknownMuscleMessage(content, k));
    }
    if (!question.choices.empty() && question.kind != Kind::WhichMuscles && question.kind != Kind::WhereDoesItChange &&
        std::find(question.choices.begin(), question.choices.end(), question.key) == question.choices.end())
        report("key", "key \"" + question.key + "\" is not one of the choices: " + joinNames(question.choices));
    for (const std::string& k : question.keys)
        if (std::find(question.choices.begin(), question.choices.end(), k) == question.choices.end())
            report("keys", "key \"" + k + "\" is not one of the choices: " + joinNames(question.choices));

    if (!question.pose.empty()) {
        std::string error;
        const auto assignments = parsePose(model, question.pose, error);
        if (!assignments)
            report("pose", error);
        else
            applyPose(*assignments, r.q);
    }

    if (question.kind == Kind::WhatDoesItDo || question.kind == Kind::WhereDoesItChange) {
        const auto dof = hipDofFromName(question.dof);
        if (!dof) {
            std::vector<std::string> names;
            for (HipDof d : kHipDofs) names.emplace_back(hipDofName(d));
            const std::string hint = closestMatch(question.dof, names);
            report("dof", "unknown dof \"" + question.dof + "\"" + (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") +
                              "; valid: " + joinNames(names));
        } else {
            r.dof = *dof;
            r.dofCoordinate = hipCoordinates(model, question.side)[static_cast<std::size_t>(*dof)];
            if (question.kind == Kind::WhatDoesItDo) {
                const auto valid = actionNames(*dof);
                if (std::find(valid.begin(), valid.end(), question.key) == valid.end())
                    report("key", "key \"" + question.key + "\" is not an action about " + question.dof +
                                      "; valid: " + joinNames(valid));
                for (const std::string& c : question.choices)
                    if (std::find(valid.begin(), valid.end(), c) == valid.end())
                        report("choices", "choice \"" + c + "\" is not an action about " + question.dof +
                                              "; valid: " + joinNames(valid));
            }
        }
    }
    if (question.kind == Kind::WhereDoesItChange) {
        std::string name = question.sweep;
        std::vector<int> coords = resolveCoordinates(model, name);
        if (coords.size() > 1) coords = resolveCoordinates(model, name + "_" + std::string(sideSuffix(question.side)));
        if (coords.empty()) {
            report("sweep", unknownCoordinateMessage(model, question.sweep));
        } else {
            const Coordinate& c = model.coordinates[static_cast<std::size_t>(coords.front())];
            if (c.kind != CoordinateKind::Rotational) {
                report("sweep", c.name + " is a translation; sweeps take rotational coordinates");
            } else if (!(question.sweepFromDeg < question.sweepToDeg) ||
                       toRadians(question.sweepFromDeg) < c.minValue - 1e-9 ||
                       toRadians(question.sweepToDeg) > c.maxValue + 1e-9) {
                report("sweep_range", "sweep range " + deg1(question.sweepFromDeg) + " to " + deg1(question.sweepToDeg) +
                                          " deg must be ascending and inside " + c.name + "'s range, " +
                                          deg1(toDegrees(c.minValue)) + " to " + deg1(toDegrees(c.maxValue)) + " deg");
            }
            r.sweepCoordinates = coords;
        }
    }
    if (question.kind == Kind::WhichMuscles) {
        const movement::Movement* mov = movements.find(question.movement);
        if (!mov) {
            report("movement", movement::unknownMovementMessage(movements, question.movement));
        } else if (question.time < 0.0 || question.time > mov->duration() + 1e-9) {
            report("time", "time " + formatNumber(question.time) + " s is outside movement \"" + mov->id + "\", 0 to " +
                               formatNumber(mov->duration()) + " s");
        } else {
            movement::PlayOptions options;
            options.loop = false;
            for (const std::string& text : question.restrict) {
                std::string error;
                const auto limits = movement::parseHipRestriction(model, text, error);
                if (!limits)
                    report("restrict", error);
                else
                    options.hipLimits.insert(options.hipLimits.end(), limits->begin(), limits->end());
            }
            if (question.ask == Ask::LumbarLevel) {
                const auto& names = lumbarLevelNames();
                if (std::find(names.begin(), names.end(), question.key) == names.end())
                    report("key", "key \"" + question.key + "\" is not a lumbar level; valid: " + joinNames(names));
                for (const std::string& c : question.choices)
                    if (std::find(names.begin(), names.end(), c) == names.end())
                        report("choices", "choice \"" + c + "\" is not a lumbar level; valid: " + joinNames(names));
                if (!question.choices.empty() &&
                    std::find(question.choices.begin(), question.choices.end(), question.key) == question.choices.end())
                    report("key", "key \"" + question.key + "\" is not one of the choices: " + joinNames(question.choices));
            }
            if (report.ok) {
                const movement::MovementPlayer player(model, *mov, options);
                r.q = player.sample(question.time).q;
            }
        }
    }
    r.ok = report.ok;
    return r;
}

ComputedKey computeKey(const Question& question, const Resolved& resolved, const Content& content,
                       const movement::MovementLibrary& movements) {
    const Model& model = content.model;
    ComputedKey k;
    const std::string poseWords = question.pose.empty() ? std::string("neutral standing") : question.pose;
    switch (question.kind) {
    case Kind::NameIt:
    case Kind::FindIt:
    case Kind::OriginInsertion: return k;
    case Kind::WhatDoesItDo: {
        k.decided = true;
        PathEvaluator eval(model);
        eval.setPose(resolved.q);
        double sum = 0.0, weights = 0.0;
        for (PartRef p : resolved.parts) {
            const double f = std::max(model.part(p).architecture.maxIsometricForce, 1e-9);
            sum += f * eval.momentArm(p, resolved.dofCoordinate);
            weights += f;
        }
        k.momentArm = weights > 0.0 ? sum / weights : 0.0;
        const Action a = classifyAction(resolved.dof, k.momentArm, kQuizDeadZone);
        k.key = std::string(actionName(a));
        k.description = "computed moment arm about " + model.coordinates[static_cast<std::size_t>(resolved.dofCoordinate)].name +
                        " at " + poseWords + " is " + mm(k.momentArm) + ", " +
                        (a == Action::None ? "inside the " + formatNumber(kQuizDeadZone * 1000.0) +
                                                 " mm dead zone (no clear action)"
                                           : k.key);
        return k;
    }
    case Kind::WhereDoesItChange: {
        k.decided = true;
        SweepSpec sweep;
        sweep.coordinates = resolved.sweepCoordinates;
        for (double d : sweepRange(question.sweepFromDeg, question.sweepToDeg, 1.0)) sweep.values.push_back(toRadians(d));
        const SweepTable table = runSweep(model, resolved.q, sweep, resolved.parts);
        const auto changes = findRoleChanges(model, resolved.q, sweep, table, kQuizDeadZone);
        std::vector<const PartRoleChange*> mine;
        for (const PartRoleChange& c : changes)
            if (c.change.dof == resolved.dof) mine.push_back(&c);
        const std::string sweepName = model.coordinates[static_cast<std::size_t>(resolved.sweepCoordinates.front())].name;
        if (mine.empty()) {
            k.found = false;
            k.description = "computed moment arm about " + question.dof + " does not change sign between " +
                            deg1(question.sweepFromDeg) + " and " + deg1(question.sweepToDeg) + " deg " + sweepName;
            return k;
        }
        const PartRoleChange* best = mine.front();
        for (const PartRoleChange* c : mine)
            if (std::abs(toDegrees(c->change.at) - question.keyDeg) < std::abs(toDegrees(best->change.at) - question.keyDeg))
                best = c;
        k.keyDeg = toDegrees(best->change.at);
        k.key = std::string(actionShort(best->change.from)) + " -> " + std::string(actionShort(best->change.to));
        k.description = "computed role change about " + question.dof + " (" + k.key + ") at " + deg1(k.keyDeg) + " deg " +
                        sweepName;
        return k;
    }
    case Kind::WhichMuscles: {
        k.decided = true;
        if (question.ask == Ask::Stretched) {
            movement::StretchMap map(model);
            std::string listed;
            for (const std::string& c : question.choices) {
                const int m = model.findMuscle(c, question.side);
                const double change = m >= 0 ? map.muscleChangePercent(m, resolved.q) : 0.0;
                k.values.push_back(change);
                if (change > kStretchedPercent) k.keys.push_back(c);
                char buf[64];
                std::snprintf(buf, sizeof buf, " %+.1f %%", change);
                listed += (listed.empty() ? "" : ", ") + c + buf;
            }
            k.description = "computed length change from neutral at " + question.movement + " t=" +
                            formatNumber(question.time) + " s: " + listed + " (stretched above " +
                            formatNumber(kStretchedPercent) + " %)";
        } else {
            const movement::Movement* mov = movements.find(question.movement);
            movement::PlayOptions options;
            options.loop = false;
            for (const std::string& text : question.restrict) {
                std::string error;
                if (const auto limits = movement::parseHipRestriction(model, text, error))
                    options.hipLimits.insert(options.hipLimits.end(), limits->begin(), limits->end());
            }
            const movement::MovementPlayer player(model, *mov, options);
            const movement::PoseSample s = player.sample(question.time);
            std::size_t best = 0;
            std::string listed;
            for (std::size_t i = 0; i < movement::kLumbarLevels; ++i) {
                const double d = s.lumbar.levels[i].deg[0];
                k.values.push_back(d);
                if (std::abs(d) > std::abs(k.values[best])) best = i;
                listed += (listed.empty() ? "" : ", ") + lumbarLevelNames()[i] + " " + deg1(d) + " deg";
            }
            k.key = lumbarLevelNames()[best];
            k.description = "computed lumbar flexion at " + question.movement + " t=" + formatNumber(question.time) +
                            " s" + (question.restrict.empty() ? "" : " with " + joinNames(question.restrict)) + ": " +
                            listed + "; most at " + k.key;
        }
        return k;
    }
    }
    return k;
}

} // namespace hv::quiz
