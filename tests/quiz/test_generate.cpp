// Generated quizzes: every kind, determinism, distinct questions, and every key agreeing with the
// core recomputed here without the quiz library's key code.
#include "quiz_fixture.hpp"

#include "core/moment_arm.hpp"
#include "core/pose_text.hpp"
#include "core/sweep.hpp"
#include "movement/player.hpp"
#include "movement/stretch_map.hpp"
#include "quiz/generate.hpp"
#include "quiz/keys.hpp"

#include <algorithm>
#include <cmath>
#include <set>

using namespace hv;
using namespace hv::test;

namespace {

quiz::Quiz generated(std::size_t n, const std::string& topic = "mixed", std::uint64_t seed = 1) {
    quiz::GenerateOptions o;
    o.count = n;
    o.topic = topic;
    o.seed = seed;
    quiz::GenerateResult r = quiz::generateQuiz(content(), movements(), o);
    if (!r.quiz) FAIL(r.error);
    return *r.quiz;
}

PartRef partOf(const quiz::Question& q) {
    const Model& model = content().model;
    const int m = model.findMuscle(q.muscle, q.side);
    REQUIRE(m >= 0);
    const Muscle& muscle = model.muscles[static_cast<std::size_t>(m)];
    for (std::size_t p = 0; p < muscle.parts.size(); ++p)
        if (q.part.empty() || muscle.parts[p].name == q.part) return {m, static_cast<int>(p)};
    FAIL("no part " << q.part);
    return {};
}

std::vector<double> poseOf(const quiz::Question& q) {
    const Model& model = content().model;
    std::vector<double> pose = model.defaultPose();
    std::string error;
    const auto a = parsePose(model, q.pose, error);
    REQUIRE_MESSAGE(a, error);
    applyPose(*a, pose);
    return pose;
}

int hipCoordinate(const quiz::Question& q) {
    return content().model.findCoordinate(q.dof + "_" + std::string(sideSuffix(q.side)));
}

// The key the core gives, recomputed the way `hipview report` does (per part, -dL/dq).
void checkAgainstCore(const quiz::Question& q) {
    const Model& model = content().model;
    INFO(q.path << ": " << q.prompt);
    switch (q.kind) {
    case quiz::Kind::WhatDoesItDo: {
        const int c = hipCoordinate(q);
        REQUIRE(c >= 0);
        const double r = momentArm(model, partOf(q), poseOf(q), c);
        CHECK(std::abs(r) >= quiz::kQuizDeadZone);
        CHECK(std::string(actionName(classifyAction(*quiz::hipDofFromName(q.dof), r, quiz::kQuizDeadZone))) == q.key);
        break;
    }
    case quiz::Kind::WhereDoesItChange: {
        // a finer sweep than the generator's, linear crossings
        const int c = model.findCoordinate(q.sweep);
        REQUIRE(c >= 0);
        const int dof = hipCoordinate(q);
        const PartRef part = partOf(q);
        // a zero of the moment arm within 1 deg of the key, with clear actions of opposite signs
        // (outside the dead zone) before and after it
        std::vector<double> pose = model.defaultPose();
        double previous = 0.0, previousDeg = 0.0;
        bool found = false;
        int before = 0, after = 0; // sign of the clear action nearest to the key on each side
        for (double deg = q.sweepFromDeg; deg <= q.sweepToDeg + 1e-9; deg += 0.25) {
            pose[static_cast<std::size_t>(c)] = toRadians(deg);
            const double r = momentArm(model, part, pose, dof);
            if (deg > q.sweepFromDeg && (r > 0) != (previous > 0)) {
                const double at = previousDeg + (deg - previousDeg) * previous / (previous - r);
                if (std::abs(at - q.keyDeg) <= 1.0) found = true;
            }
            if (std::abs(r) >= quiz::kQuizDeadZone) {
                if (deg < q.keyDeg) before = r > 0 ? 1 : -1;
                else if (after == 0) after = r > 0 ? 1 : -1;
            }
            previous = r;
            previousDeg = deg;
        }
        CHECK(before * after == -1);
        CHECK_MESSAGE(found, "no sign change of the moment arm within 1 deg of " << q.keyDeg);
        break;
    }
    case quiz::Kind::WhichMuscles: {
        const movement::Movement* mov = movements().find(q.movement);
        REQUIRE(mov);
        movement::PlayOptions options;
        options.loop = false;
        for (const std::string& text : q.restrict) {
            std::string error;
            const auto limits = movement::parseHipRestriction(model, text, error);
            REQUIRE_MESSAGE(limits, error);
            options.hipLimits.insert(options.hipLimits.end(), limits->begin(), limits->end());
        }
        const movement::PoseSample s = movement::MovementPlayer(model, *mov, options).sample(q.time);
        if (q.ask == quiz::Ask::Stretched) {
            movement::StretchMap map(model);
            for (const std::string& id : q.choices) {
                const bool key = std::find(q.keys.begin(), q.keys.end(), id) != q.keys.end();
                const double change = map.muscleChangePercent(model.findMuscle(id, q.side), s.q);
                INFO(id << " changes " << change << " %");
                CHECK((change > quiz::kStretchedPercent) == key);
            }
        } else {
            std::size_t best = 0;
            for (std::size_t i = 1; i < movement::kLumbarLevels; ++i)
                if (std::abs(s.lumbar.levels[i].deg[0]) > std::abs(s.lumbar.levels[best].deg[0])) best = i;
            CHECK(std::string(s.lumbar.levels[best].name) == q.key);
            CHECK(s.restriction.active);
        }
        break;
    }
    case quiz::Kind::NameIt:
    case quiz::Kind::FindIt:
    case quiz::Kind::OriginInsertion: {
        const MuscleInfo* info = content().findMuscleInfo(q.key);
        REQUIRE(info);
        if (!q.choices.empty()) CHECK(std::find(q.choices.begin(), q.choices.end(), q.key) != q.choices.end());
        if (q.kind == quiz::Kind::OriginInsertion)
            CHECK(contains(q.prompt, q.ask == quiz::Ask::Origin ? info->origin : info->insertion));
        break;
    }
    }
}

} // namespace

TEST_CASE("200 generated questions are distinct and cover all six kinds") {
    const quiz::Quiz quiz = generated(200);
    REQUIRE(quiz.questions.size() == 200);
    std::set<std::string> seen;
    std::set<quiz::Kind> kinds;
    for (const quiz::Question& q : quiz.questions) {
        // the whole question as written, without its position
        quiz::Quiz one;
        one.title = "x";
        one.questions = {q};
        seen.insert(quiz::quizText(one));
        kinds.insert(q.kind);
    }
    CHECK(seen.size() == 200);
    CHECK(kinds.size() == quiz::kKindCount);
}

TEST_CASE("every key of 200 generated questions agrees with the core at the question's pose") {
    const quiz::Quiz quiz = generated(200);
    for (const quiz::Question& q : quiz.questions) checkAgainstCore(q);
}

TEST_CASE("every topic generates questions that validate clean") {
    for (const std::string& topic : quiz::topicNames()) {
        INFO(topic);
        quiz::Quiz quiz = generated(topic == "hip-back" || topic == "attachments" ? 20 : 40, topic, 7);
        quiz.file = topic + ".toml";
        CHECK(formatAll(quiz::checkQuiz(quiz, content(), movements())) == "");
        // and after a round trip through the file format
        const quiz::QuizLoad back = quiz::parseQuizString(quiz::quizText(quiz), quiz.file);
        REQUIRE_MESSAGE(back.quiz, formatAll(back.diagnostics));
        CHECK(formatAll(quiz::checkQuiz(*back.quiz, content(), movements())) == "");
        CHECK(quiz::quizText(*back.quiz) == quiz::quizText(quiz));
    }
}

TEST_CASE("the same seed gives byte-identical quiz text and another seed another quiz") {
    const std::string a = quiz::quizText(generated(50, "mixed", 42));
    const std::string b = quiz::quizText(generated(50, "mixed", 42));
    const std::string c = quiz::quizText(generated(50, "mixed", 43));
    CHECK(a == b);
    CHECK(a != c);
}

TEST_CASE("asking for more questions than a topic can make is an error naming the maximum") {
    quiz::GenerateOptions o;
    o.topic = "attachments";
    o.count = 100000;
    const quiz::GenerateResult r = quiz::generateQuiz(content(), movements(), o);
    CHECK_FALSE(r.quiz);
    REQUIRE(r.maximum > 0);
    CHECK(r.error == "topic attachments can make at most " + std::to_string(r.maximum) +
                         " distinct questions; asked for 100000");
    o.count = r.maximum;
    CHECK(quiz::generateQuiz(content(), movements(), o).quiz);
}

TEST_CASE("a generated what_does_it_do question is never inside the dead zone") {
    const quiz::Quiz quiz = generated(150, "roles", 3);
    std::size_t what = 0;
    for (const quiz::Question& q : quiz.questions) {
        if (q.kind != quiz::Kind::WhatDoesItDo) continue;
        ++what;
        CHECK(q.key != "none");
    }
    CHECK(what > 0);
}
