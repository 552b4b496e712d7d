// Quiz files: the shipped quizzes, a wrong key reported with its line and the computed value,
// and malformed files reported one message per problem.
#include "quiz_fixture.hpp"

#include "core/moment_arm.hpp"
#include "core/pose_text.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>

using namespace hv;
using namespace hv::test;

namespace {

const char* kWrongKey = R"(title = "Roles"

[[question]]
kind = "what_does_it_do"
prompt = "At 90 degrees of hip flexion, which way does piriformis turn the thigh?"
muscle = "piriformis"
key = "external rotator"
pose = "hip_flexion_r=90"
dof = "hip_rotation"
)";

} // namespace

TEST_CASE("the shipped quizzes validate clean and cover every topic") {
    std::set<std::string> topics;
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(HV_SOURCE_DIR "/content/quizzes")) {
        if (entry.path().extension() != ".toml") continue;
        ++files;
        const quiz::QuizLoad load = quiz::loadQuiz(entry.path(), entry.path().filename().string(), content(), movements());
        INFO(entry.path().string());
        CHECK(formatAll(load.diagnostics) == "");
        REQUIRE(load.quiz);
        CHECK(load.quiz->questions.size() >= 2);
        topics.insert(load.quiz->topic);
    }
    CHECK(files >= 5);
    for (const char* t : {"roles", "names", "stretches", "attachments", "hip-back"}) CHECK(topics.count(t) == 1);
}

TEST_CASE("a wrong key in an authored quiz gives the exact error with its line and the computed value") {
    const Model& model = content().model;
    std::vector<double> q = model.defaultPose();
    q[static_cast<std::size_t>(model.findCoordinate("hip_flexion_r"))] = toRadians(90.0);
    const double r = momentArm(model, {model.findMuscle("piriformis", Side::Right), 0}, q,
                               model.findCoordinate("hip_rotation_r"));
    REQUIRE(r > 0.002); // internal rotator at 90 degrees of flexion
    char mm[32];
    std::snprintf(mm, sizeof mm, "%+.1f mm", r * 1000.0);
    CHECK(quizProblems(kWrongKey, "roles.toml") ==
          "roles.toml:7: question[1].key: key says external rotator; computed moment arm about hip_rotation_r at "
          "hip_flexion_r=90 is " + std::string(mm) + ", internal rotator\n");
    std::string right = kWrongKey;
    right.replace(right.find("\"external rotator\""), 18, "\"internal rotator\"");
    CHECK(quizProblems(right) == "");
}

TEST_CASE("a crossover key outside its tolerance names the computed angle") {
    const std::string text = R"(title = "Roles"
[[question]]
kind = "where_does_it_change"
prompt = "Past what flexion does piriformis turn the thigh in?"
muscle = "piriformis"
dof = "hip_rotation"
sweep = "hip_flexion_r"
key_deg = 80
tolerance_deg = 5
)";
    const std::string p = quizProblems(text);
    CHECK(contains(p, "quiz.toml:8: question[1].key_deg: key says 80 deg; computed role change about hip_rotation "
                      "(external -> internal) at "));
    CHECK(contains(p, "outside the tolerance of 5 deg"));
}

TEST_CASE("a stretch key that the stretch map contradicts lists every choice's computed change") {
    const std::string text = R"(title = "Stretches"
[[question]]
kind = "which_muscles"
ask = "stretched"
prompt = "Which are stretched?"
movement = "figure-4"
time = 10
choices = ["piriformis", "psoas_major"]
keys = ["psoas_major"]
)";
    const std::string p = quizProblems(text);
    CHECK(contains(p, "quiz.toml:9: question[1].keys: keys say psoas_major stretched; computed length change from "
                      "neutral at figure-4 t=10 s: piriformis +"));
}

TEST_CASE("unknown names get the closest valid name or the valid list") {
    const std::string text = R"(title = "Bad names"
[[question]]
kind = "what_does_it_do"
prompt = "?"
muscle = "piriformus"
pose = "hip_flexon_r=30"
dof = "hip_rotation"
key = "external rotator"
view = "posterier"

[[question]]
kind = "which_muscles"
ask = "lumbar_level"
prompt = "?"
movement = "hip-hinj"
time = 1
key = "L5-S1"
)";
    const std::string p = quizProblems(text);
    CHECK(contains(p, "quiz.toml:9: question[1].view: unknown view \"posterier\" (did you mean \"posterior\"?); valid views: anterior"));
    CHECK(contains(p, "quiz.toml:5: question[1].muscle: unknown muscle \"piriformus\" (did you mean \"piriformis\"?)"));
    CHECK(contains(p, "quiz.toml:6: question[1].pose: "));
    CHECK(contains(p, "hip_flexon_r"));
    CHECK(contains(p, "quiz.toml:15: question[2].movement: unknown movement \"hip-hinj\" (did you mean \"hip-hinge\"?)"));
}

TEST_CASE("malformed quiz files give one message per problem with file line and field") {
    SUBCASE("bad TOML") {
        const std::string p = quizProblems("title = \"x\"\n[[question]\nkind = 1\n", "bad.toml");
        CHECK(p.rfind("bad.toml:2:", 0) == 0);
        CHECK(contains(p, "not valid TOML"));
    }
    SUBCASE("an unknown kind") {
        const std::string p = quizProblems("title = \"x\"\n[[question]]\nkind = \"name_ti\"\nprompt = \"?\"\n", "k.toml");
        CHECK(p == "k.toml:3:8: question[1].kind: \"name_ti\" is not one of: name_it, find_it, what_does_it_do, "
                   "where_does_it_change, which_muscles, origin_insertion (did you mean \"name_it\"?)\n");
    }
    SUBCASE("a missing key and a mistyped field") {
        const std::string p = quizProblems("title = \"x\"\n[[question]]\nkind = \"what_does_it_do\"\nprompt = \"?\"\n"
                                           "muscle = \"piriformis\"\ndof = \"hip_rotation\"\nkee = \"flexor\"\n",
                                           "m.toml");
        CHECK(p == "m.toml:7:7: question[1].kee: unknown field (did you mean \"key\"? It is required and missing)\n");
    }
    SUBCASE("a missing key") {
        const std::string p = quizProblems("title = \"x\"\n[[question]]\nkind = \"find_it\"\nprompt = \"?\"\n", "f.toml");
        CHECK(p == "f.toml:2: question[1].muscle: required field is missing\n");
    }
    SUBCASE("no questions") {
        CHECK(quizProblems("title = \"x\"\n", "e.toml") == "e.toml:1: question: required field is missing\n");
    }
}

TEST_CASE("choices that are not answers of the question's kind are reported") {
    const std::string text = R"(title = "Choices"
[[question]]
kind = "what_does_it_do"
prompt = "?"
muscle = "piriformis"
dof = "hip_rotation"
key = "external rotator"
choices = ["external rotator", "flexor"]

[[question]]
kind = "which_muscles"
ask = "lumbar_level"
prompt = "?"
movement = "hip-hinge"
time = 2.5
restrict = ["hip_flexion=:20"]
key = "L5-S1"
choices = ["L4-L5", "L6-S1"]
)";
    const std::string p = quizProblems(text);
    CHECK(contains(p, "quiz.toml:8: question[1].choices: choice \"flexor\" is not an action about hip_rotation; valid: "
                      "internal rotator, external rotator"));
    CHECK(contains(p, "quiz.toml:18: question[2].choices: choice \"L6-S1\" is not a lumbar level"));
    CHECK(contains(p, "quiz.toml:17: question[2].key: key \"L5-S1\" is not one of the choices: L4-L5, L6-S1"));
}
