#include "document/start_state.hpp"

#include "document/document_fixture.hpp"

#include <filesystem>
#include <fstream>

using namespace hv;
using namespace hv::doc;
using hv::test::has;

TEST_CASE("the lesson start state is read: piriformis selected, right hip flexed 90, seen from the right") {
    StartOptions o;
    o.select = "piriformis";
    o.pose = "hip_flexion_r=90";
    o.view = "lateral-right";
    o.movement = "figure-4";
    std::vector<std::string> errors;
    const auto s = resolveStartState(test::uiContent(), &test::uiMovements(), o, errors);
    REQUIRE(s);
    CHECK(errors.empty());
    REQUIRE(s->select);
    CHECK(s->select->muscleId == "piriformis");
    CHECK_FALSE(s->select->side);
    REQUIRE(s->pose.size() == 1);
    CHECK(s->pose[0].coordinate == test::coord("hip_flexion_r"));
    CHECK(s->pose[0].value == doctest::Approx(hv::kPi / 2));
    CHECK(s->view == draw::StandardView::LateralRight);
    CHECK(s->movement == "figure-4");
}

TEST_CASE("a sided muscle id selects one side") {
    StartOptions o;
    o.select = "gluteus_medius_l";
    std::vector<std::string> errors;
    const auto s = resolveStartState(test::uiContent(), &test::uiMovements(), o, errors);
    REQUIRE(s);
    REQUIRE(s->select);
    CHECK(s->select->muscleId == "gluteus_medius");
    CHECK(s->select->side == Side::Left);
}

TEST_CASE("unknown names are refused with the valid ones listed, one message per option") {
    StartOptions o;
    o.select = "piriformus";
    o.view = "lateral";
    o.pose = "hip_flex_r=90";
    o.movement = "figure4";
    std::vector<std::string> errors;
    CHECK_FALSE(resolveStartState(test::uiContent(), &test::uiMovements(), o, errors));
    REQUIRE(errors.size() == 4);
    CHECK(has(errors[0], "--select: unknown muscle \"piriformus\""));
    CHECK(has(errors[0], "did you mean \"piriformis\""));
    CHECK(has(errors[0], "gluteus_medius"));
    CHECK(has(errors[1], "--pose: "));
    CHECK(has(errors[1], "hip_flexion_r"));
    CHECK(has(errors[2], "--view: unknown view \"lateral\""));
    CHECK(has(errors[2], "lateral-right"));
    CHECK(has(errors[2], "inferior"));
    CHECK(has(errors[3], "--movement: "));
    CHECK(has(errors[3], "figure-4"));
}

TEST_CASE("a pose outside the coordinate's range is refused") {
    StartOptions o;
    o.pose = "hip_flexion_r=400";
    std::vector<std::string> errors;
    CHECK_FALSE(resolveStartState(test::uiContent(), &test::uiMovements(), o, errors));
    REQUIRE(errors.size() == 1);
    CHECK(has(errors[0], "--pose: "));
    CHECK(has(errors[0], "hip_flexion_r"));
}

TEST_CASE("a movement cannot start when the movements file could not be read") {
    StartOptions o;
    o.movement = "figure-4";
    std::vector<std::string> errors;
    CHECK_FALSE(resolveStartState(test::uiContent(), nullptr, o, errors));
    REQUIRE(errors.size() == 1);
    CHECK(has(errors[0], "movements file"));
}

TEST_CASE("no options give an empty start state") {
    std::vector<std::string> errors;
    const auto s = resolveStartState(test::uiContent(), &test::uiMovements(), {}, errors);
    REQUIRE(s);
    CHECK_FALSE(s->select);
    CHECK(s->pose.empty());
    CHECK_FALSE(s->view);
    CHECK(s->movement.empty());
    CHECK(s->model.empty());
}

TEST_CASE("--at pauses a movement at a time, and needs a movement") {
    StartOptions o;
    o.movement = "figure-4";
    o.at = "2.5";
    std::vector<std::string> errors;
    const auto s = resolveStartState(test::uiContent(), &test::uiMovements(), o, errors);
    REQUIRE(s);
    REQUIRE(s->at);
    CHECK(*s->at == doctest::Approx(2.5));
    o.movement.reset();
    CHECK_FALSE(resolveStartState(test::uiContent(), &test::uiMovements(), o, errors));
    REQUIRE(errors.size() == 1);
    CHECK(has(errors[0], "--at: needs --movement"));
    errors.clear();
    o.movement = "figure-4";
    o.at = "-1";
    CHECK_FALSE(resolveStartState(test::uiContent(), &test::uiMovements(), o, errors));
    CHECK(has(errors.at(0), "--at"));
}

TEST_CASE("the muscle colouring can be chosen at start, an unknown one lists the valid ones") {
    StartOptions o;
    o.colour = "stretch";
    std::vector<std::string> errors;
    const auto s = resolveStartState(test::uiContent(), &test::uiMovements(), o, errors);
    REQUIRE(s);
    CHECK(s->colour == "stretch");
    o.colour = "strech";
    CHECK_FALSE(resolveStartState(test::uiContent(), &test::uiMovements(), o, errors));
    REQUIRE(errors.size() == 1);
    CHECK(has(errors[0], "did you mean \"stretch\""));
    CHECK(has(errors[0], "role"));
}

TEST_CASE("a quiz file given with --quiz is read and checked, with every question kept") {
    StartOptions o;
    o.quiz = HV_SOURCE_DIR "/content/quizzes/roles.toml";
    std::vector<std::string> errors;
    const auto s = resolveStartState(test::uiContent(), &test::uiMovements(), o, errors);
    REQUIRE_MESSAGE(s, (errors.empty() ? std::string() : errors[0]));
    REQUIRE(s->quiz);
    CHECK(s->quiz->questions.size() >= 2);
    CHECK(s->quiz->questions[0].key == "external rotator");
}

TEST_CASE("a missing or malformed quiz file is refused with the quiz library's messages naming the file") {
    StartOptions o;
    o.quiz = "no-such-quiz.toml";
    std::vector<std::string> errors;
    CHECK_FALSE(resolveStartState(test::uiContent(), &test::uiMovements(), o, errors));
    REQUIRE_FALSE(errors.empty());
    CHECK(has(errors[0], "--quiz: "));
    CHECK(has(errors[0], "no-such-quiz.toml"));

    const std::filesystem::path bad = std::filesystem::path(HV_BINARY_DIR) / "start-state-bad-quiz.toml";
    {
        std::ofstream f(bad);
        f << "title = \"bad\"\ntopic = \"roles\"\n\n[[question]]\nkind = \"what_does_it_do\"\nprompt = \"?\"\n"
             "muscle = \"piriformus\"\ndof = \"hip_rotation\"\nkey = \"external rotator\"\n";
    }
    o.quiz = bad.string();
    errors.clear();
    CHECK_FALSE(resolveStartState(test::uiContent(), &test::uiMovements(), o, errors));
    REQUIRE_FALSE(errors.empty());
    CHECK(has(errors[0], "start-state-bad-quiz.toml:"));
    CHECK(has(errors[0], "piriformus"));
    std::filesystem::remove(bad);
}
