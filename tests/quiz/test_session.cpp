// QuizSession: the scene a question sets, answers checked, score and CSV.
#include "quiz_fixture.hpp"

#include "quiz/session.hpp"

using namespace hv;
using namespace hv::test;

namespace {

quiz::Quiz shippedRoles() {
    const quiz::QuizLoad load =
        quiz::loadQuiz(HV_SOURCE_DIR "/content/quizzes/roles.toml", "roles.toml", content(), movements());
    if (!load.quiz) FAIL(formatAll(load.diagnostics));
    return *load.quiz;
}

} // namespace

TEST_CASE("a session answering wrongly then rightly scores 1 of 2 and writes both answers as CSV") {
    quiz::Quiz quiz = shippedRoles();
    quiz.questions.resize(2); // piriformis standing (external), then at 90 degrees (internal)
    quiz::QuizSession session(content(), movements(), quiz);
    REQUIRE(session.size() == 2);

    const quiz::Setting first = session.setting();
    CHECK(first.view == "posterior");
    CHECK(first.highlight == std::vector<std::string>{"piriformis"});
    const quiz::AnswerResult wrong = session.answer("internal rotator", 4.25);
    CHECK_FALSE(wrong.right);
    CHECK(wrong.key == "external rotator");
    CHECK(contains(wrong.explanation, "Computed moment arm about hip_rotation_r at neutral standing is -"));

    const quiz::Setting second = session.setting();
    const int flexion = content().model.findCoordinate("hip_flexion_r");
    CHECK(second.pose[static_cast<std::size_t>(flexion)] == doctest::Approx(toRadians(90.0)));
    const quiz::AnswerResult right = session.answer("Internal Rotator", 2.0);
    CHECK(right.right);
    CHECK(session.finished());
    CHECK(session.right() == 1);
    CHECK(session.answered() == 2);
    CHECK(session.resultsCsv() ==
          "question,prompt,answer_given,key,right,time_s\n"
          "1,\"Standing upright, which way does piriformis turn the thigh?\",internal rotator,external rotator,no,4.2\n"
          "2,\"At 90 degrees of hip flexion, which way does piriformis turn the thigh?\",Internal Rotator,internal rotator,yes,2.0\n");
}

TEST_CASE("a typed name is accepted by id name alias or a spelling slip and refused otherwise") {
    quiz::Quiz quiz;
    quiz.title = "names";
    for (int i = 0; i < 5; ++i) {
        quiz::Question q;
        q.kind = quiz::Kind::NameIt;
        q.prompt = "Which muscle?";
        q.muscle = q.key = "piriformis";
        quiz.questions.push_back(q);
    }
    quiz::QuizSession s(content(), movements(), quiz);
    CHECK(s.matchMuscle("Gluteus Medius") == "gluteus_medius");
    CHECK(s.answer("piriformis", 1).right);
    CHECK(s.answer("Piriformis", 1).right);
    CHECK(s.answer("pirifomis", 1).right);
    CHECK_FALSE(s.answer("gemelli", 1).right);
    CHECK_FALSE(s.answer("", 1).right);
    CHECK(s.right() == 3);
}

TEST_CASE("numeric and multiple answers are checked against the key and its tolerance") {
    quiz::Quiz quiz = shippedRoles();
    const quiz::Question crossover = quiz.questions[2]; // piriformis, key 50 +- 10
    REQUIRE(crossover.kind == quiz::Kind::WhereDoesItChange);
    quiz::Quiz q2;
    q2.title = "x";
    q2.questions = {crossover, crossover};
    const quiz::QuizLoad stretches =
        quiz::loadQuiz(HV_SOURCE_DIR "/content/quizzes/stretches.toml", "stretches.toml", content(), movements());
    REQUIRE(stretches.quiz);
    q2.questions.push_back(stretches.quiz->questions[0]);
    quiz::QuizSession s(content(), movements(), q2);
    CHECK(s.answer("45", 1).right);
    CHECK_FALSE(s.answer("75", 1).right);
    const auto& keys = stretches.quiz->questions[0].keys;
    REQUIRE(keys.size() == 2);
    CHECK(s.setting().highlight.empty()); // which_muscles gives nothing away
    CHECK(s.answer(keys[1] + ", " + keys[0], 1).right);
}
