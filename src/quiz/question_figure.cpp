#include "quiz/question_figure.hpp"

#include "quiz/keys.hpp"
#include "quiz/session.hpp"

#include "core/moment_arm.hpp"
#include "core/path.hpp"
#include "core/pose_text.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace hv::quiz {

namespace {

// The mean point of every vertex of the muscle's parts' paths at the evaluator's pose (ground, m).
Vec3 meanPathPoint(const Model& model, PathEvaluator& eval, int muscle) {
    Vec3 sum{0.0, 0.0, 0.0};
    std::size_t n = 0;
    PathGeometry g;
    const Muscle& m = model.muscles[static_cast<std::size_t>(muscle)];
    for (std::size_t p = 0; p < m.parts.size(); ++p) {
        eval.geometry({muscle, static_cast<int>(p)}, g);
        for (const Vec3& v : g.points) sum += v;
        n += g.points.size();
    }
    return n ? sum / static_cast<double>(n) : sum;
}

// The muscles a find_it figure pins: the key first, then the choices or the nearest well-spaced
// others; sorted by id.
std::vector<std::string> pinnedMuscles(const Question& q, const Content& content, const std::vector<double>& pose,
                                       const std::vector<std::string>& avoid) {
    std::vector<std::string> ids{q.key};
    if (!q.choices.empty()) {
        for (const std::string& c : q.choices)
            if (std::find(ids.begin(), ids.end(), c) == ids.end() && ids.size() < kMaxPins) ids.push_back(c);
    } else {
        const Model& model = content.model;
        PathEvaluator eval(model);
        eval.setPose(pose);
        const int key = model.findMuscle(q.key, q.side);
        if (key >= 0) {
            std::vector<Vec3> taken{meanPathPoint(model, eval, key)};
            std::vector<std::pair<double, std::pair<std::string, Vec3>>> others;
            for (const MuscleInfo& info : content.muscles) {
                const int m = model.findMuscle(info.id, q.side);
                if (m < 0 || info.id == q.key || std::find(avoid.begin(), avoid.end(), info.id) != avoid.end()) continue;
                const Vec3 p = meanPathPoint(model, eval, m);
                others.push_back({glm::length(p - taken[0]), {info.id, p}});
            }
            std::sort(others.begin(), others.end(),
                      [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : a.second.first < b.second.first; });
            for (const auto& [distance, candidate] : others) {
                if (ids.size() >= kMaxPins) break;
                const bool spaced = std::all_of(taken.begin(), taken.end(), [&](const Vec3& t) {
                    return glm::length(candidate.second - t) >= kPinSpacing;
                });
                if (!spaced) continue;
                ids.push_back(candidate.first);
                taken.push_back(candidate.second);
            }
        }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

QuestionFigure questionFigure(const Question& q, const std::string& file, const Content& content,
                              const movement::MovementLibrary& movements, int width, int height, std::string output,
                              const std::vector<std::string>& avoid) {
    const Setting setting = questionSetting(q, file, content, movements);
    QuestionFigure f;
    draw::FigureSpec& s = f.spec;
    s.output = std::move(output);
    s.width = width;
    s.height = height;
    s.view = setting.view;
    if (q.kind == Kind::WhichMuscles) {
        s.movement = q.movement;
        s.at = q.time;
        s.outline = false; // a question about the anatomy: no body outline hazing it
        if (q.ask == Ask::LumbarLevel) s.restrict = q.restrict;
    } else {
        s.pose = poseText(content.model, setting.pose);
    }
    // Every highlighted muscle gets a callout, so a reader sees which one is meant and a renderer
    // can tell when one is hidden: "?" on the muscle to name, the name where the prompt says it.
    const auto pin = [&](const std::string& id, std::string text) {
        s.highlight.push_back(id + "_" + std::string(sideSuffix(setting.side)));
        s.pins.push_back(std::move(text));
        f.pinned.push_back(id);
        s.labels = true;
    };
    if (q.kind == Kind::FindIt) {
        const std::vector<std::string> ids = pinnedMuscles(q, content, setting.pose, avoid);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            pin(ids[i], std::string(1, static_cast<char>('A' + i)));
            if (ids[i] == q.key) f.keyPin = s.pins.back();
        }
    } else {
        for (const std::string& id : setting.highlight) {
            const MuscleInfo* info = content.findMuscleInfo(id);
            pin(id, q.kind == Kind::NameIt ? std::string("?") : info ? info->name : id);
        }
    }
    s.file = file;
    s.line = q.lineOf("");
    return f;
}

} // namespace hv::quiz
