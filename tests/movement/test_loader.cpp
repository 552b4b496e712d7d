// Bad movement files get one message per problem naming the file, the line and the field, like
// the content files; good ones load into tracks that follow the hold rule.
#include "movement_fixture.hpp"

#include "movement/lumbar.hpp"

#include <algorithm>
#include <cmath>

using namespace hv;
using namespace hv::movement;
using hv::test::contains;

namespace {

const std::string& kGood = hv::test::kLiftMovementFile;

std::string replaced(const std::string& from, const std::string& to) {
    std::string text = kGood;
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "not in the template: " << from);
    text.replace(at, from.size(), to);
    return text;
}

// 1-based line of the first occurrence of `marker` in `text`.
int lineOf(const std::string& text, const std::string& marker) {
    const auto at = text.find(marker);
    REQUIRE(at != std::string::npos);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

MovementLoad load(const std::string& text) { return loadMovementsFromString(text, "movements.toml", hv::test::content()); }

Diagnostic only(const MovementLoad& l) {
    INFO(formatAll(l.diagnostics));
    CHECK_FALSE(l.library.has_value());
    REQUIRE(l.diagnostics.size() == 1);
    return l.diagnostics.front();
}

} // namespace

TEST_CASE("the project's movements file loads without a single diagnostic and has every movement the issue names") {
    const MovementLoad l = loadMovements(HV_SOURCE_DIR "/content/movements.toml", hv::test::content());
    INFO(formatAll(l.diagnostics));
    REQUIRE(l.library.has_value());
    CHECK(l.diagnostics.empty());
    for (const char* id : {"flexion", "extension", "abduction", "adduction", "internal-rotation", "external-rotation",
                           "circumduction", "piriformis-role-change", "adductor-role-change", "gluteus-maximus-role-change",
                           "90-90", "figure-4", "pigeon", "couch-stretch", "psoas-stretch", "reverse-warrior",
                           "internal-rotator-stretch", "bridge", "squat", "hip-hinge", "split-squat", "step-up",
                           "single-leg-stance", "lateral-band-walk", "single-leg-deadlift", "self-test", "walking",
                           "walking-trendelenburg-compensated", "hip-thrust", "cable-pull-through", "monster-walk",
                           "banded-lunge"}) {
        INFO(id);
        const Movement* m = l.library->find(id);
        REQUIRE(m != nullptr);
        CHECK_FALSE(m->title.empty());
        CHECK(m->summary.size() > 40);
        CHECK(m->keys.size() >= 2);
        CHECK(m->duration() > 0.0);
    }
}

TEST_CASE("a valid file loads, and a key that leaves a coordinate out keeps its value") {
    const std::string text = kGood + R"(
[[movement.key]]
t = 3
pose = { knee_angle_r = 40 }
)";
    const MovementLoad l = load(text);
    INFO(formatAll(l.diagnostics));
    REQUIRE(l.library.has_value());
    const Movement& m = l.library->movements.at(0);
    const int hip = m.track(hv::test::coordinate("hip_flexion_r"));
    const int knee = m.track(hv::test::coordinate("knee_angle_r"));
    REQUIRE(hip >= 0);
    REQUIRE(knee >= 0);
    CHECK(m.value(0, static_cast<std::size_t>(hip)) == doctest::Approx(0.0));
    CHECK(m.value(1, static_cast<std::size_t>(hip)) == doctest::Approx(toRadians(30)));
    CHECK(m.value(2, static_cast<std::size_t>(hip)) == doctest::Approx(toRadians(30))); // held
    CHECK(m.value(1, static_cast<std::size_t>(knee)) == doctest::Approx(0.0));      // default until set
    CHECK(m.value(2, static_cast<std::size_t>(knee)) == doctest::Approx(toRadians(40)));
    CHECK(m.duration() == doctest::Approx(3.0));
}

TEST_CASE("a coordinate name without its side sets both sides") {
    const MovementLoad l = load(replaced("hip_flexion_r = 30", "hip_flexion = 30"));
    REQUIRE(l.library.has_value());
    const Movement& m = l.library->movements.at(0);
    for (const char* name : {"hip_flexion_r", "hip_flexion_l"}) {
        const int tr = m.track(hv::test::coordinate(name));
        REQUIRE(tr >= 0);
        CHECK(m.value(1, static_cast<std::size_t>(tr)) == doctest::Approx(toRadians(30)));
    }
}

TEST_CASE("lumbar_flexion is spread over the levels in proportion to their segmental ranges") {
    const MovementLoad l = load(replaced("hip_flexion_r = 30", "lumbar_flexion = 37"));
    REQUIRE(l.library.has_value());
    const Movement& m = l.library->movements.at(0);
    const Model& model = hv::test::content().model;
    const LumbarSpine spine = findLumbarSpine(model);
    double sum = 0.0;
    for (const LumbarLevel& level : spine.levels) {
        const int tr = m.track(level.coordinates[0]);
        REQUIRE(tr >= 0);
        sum += m.value(1, static_cast<std::size_t>(tr));
    }
    CHECK(toDegrees(sum) == doctest::Approx(37.0));
    // White and Panjabi: flexion plus extension 17 deg at L5-S1, 12 deg at L1-L2.
    const double l5 = m.value(1, static_cast<std::size_t>(m.track(spine.levels[0].coordinates[0])));
    const double l1 = m.value(1, static_cast<std::size_t>(m.track(spine.levels[4].coordinates[0])));
    CHECK(l5 / l1 == doctest::Approx(17.0 / 12.0));
}

TEST_CASE("an unknown coordinate is named with its line and field, and the valid ones are listed") {
    const std::string text = replaced("hip_flexion_r = 30", "hip_flex_r = 30");
    const Diagnostic d = only(load(text));
    CHECK(d.file == "movements.toml");
    CHECK(d.line == lineOf(text, "hip_flex_r"));
    CHECK(d.field == "movement[1].key[2].pose.hip_flex_r");
    CHECK(contains(d.message, "unknown coordinate \"hip_flex_r\""));
    CHECK(contains(d.message, "did you mean \"hip_flexion_r\""));
    CHECK(contains(d.message, "knee_angle_l"));
    CHECK(contains(d.message, "L3_L4_rotation"));
    CHECK(contains(d.format(), "movements.toml:" + std::to_string(d.line) + ":"));
}

TEST_CASE("keyframe times must increase") {
    const std::string text = replaced("t = 1.5", "t = 0");
    const Diagnostic d = only(load(text));
    CHECK(d.line == lineOf(text, "[[movement.key]]\nt = 0\npose"));
    CHECK(d.field == "movement[1].key[2].t");
    CHECK(contains(d.message, "keyframe times must increase"));
    CHECK(contains(d.message, "previous keyframe's t = 0"));
}

TEST_CASE("the first keyframe must be at t = 0") {
    const std::string text = replaced("t = 0\n", "t = 0.5\n");
    const Diagnostic d = only(load(text));
    CHECK(d.field == "movement[1].key[1].t");
    CHECK(contains(d.message, "first keyframe must be at t = 0"));
}

TEST_CASE("a value outside the coordinate's range names the range") {
    const std::string text = replaced("hip_flexion_r = 30", "hip_flexion_r = 130");
    const Diagnostic d = only(load(text));
    CHECK(d.line == lineOf(text, "hip_flexion_r = 130"));
    CHECK(d.field == "movement[1].key[2].pose.hip_flexion_r");
    CHECK(contains(d.message, "hip_flexion_r = 130 deg is outside its range -30 to 120 deg"));
}

TEST_CASE("a whole-spine angle beyond the sum of the levels' ranges is refused") {
    const Diagnostic d = only(load(replaced("hip_flexion_r = 30", "lumbar_flexion = 60")));
    CHECK(d.field == "movement[1].key[2].pose.lumbar_flexion");
    CHECK(contains(d.message, "outside the lumbar spine's range"));
}

TEST_CASE("NaN and infinity are refused as values") {
    for (const char* bad : {"nan", "inf", "-nan"}) {
        const std::string text = replaced("hip_flexion_r = 30", std::string("hip_flexion_r = ") + bad);
        const Diagnostic d = only(load(text));
        CHECK(d.line == lineOf(text, "hip_flexion_r = "));
        CHECK(d.field == "movement[1].key[2].pose.hip_flexion_r");
        CHECK(contains(d.message, "must be a finite number"));
    }
    const Diagnostic t = only(load(replaced("t = 1.5", "t = nan")));
    CHECK(t.field == "movement[1].key[2].t");
    CHECK(contains(t.message, "finite"));
}

TEST_CASE("a duplicate movement id points at the first one") {
    const std::string second = R"(
[[movement]]
id = "lift"
title = "Lift again"
category = "exercise"
summary = "Twice."
plain = "Twice."

[[movement.key]]
t = 0

[[movement.key]]
t = 1
)";
    const std::string text = kGood + second;
    const Diagnostic d = only(load(text));
    CHECK(d.field == "movement[2].id");
    CHECK(d.line == lineOf(text, "id = \"lift\"\ntitle = \"Lift again\""));
    CHECK(contains(d.message, "duplicate movement id \"lift\" (first defined at line 3)"));
}

TEST_CASE("a mistyped field, a missing field, a bad choice and an unknown source each give one message") {
    {
        const Diagnostic d = only(load(replaced("summary =", "sumary =")));
        CHECK(d.field == "movement[1].sumary");
        CHECK(contains(d.message, "did you mean \"summary\"? It is required and missing"));
    }
    {
        const Diagnostic d = only(load(replaced("category = \"movement\"", "category = \"strech\"")));
        CHECK(d.field == "movement[1].category");
        CHECK(contains(d.message, "did you mean \"stretch\""));
    }
    {
        const Diagnostic d = only(load(replaced("summary = \"The right thigh comes up.\"",
                                                "summary = \"The right thigh comes up.\"\nsources = [\"aaos1966\"]")));
        CHECK(d.field == "movement[1].sources");
        CHECK(contains(d.message, "unknown source \"aaos1966\""));
        CHECK(contains(d.message, "aaos1965"));
    }
    {
        const Diagnostic d = only(load(replaced("[[movement.key]]\nt = 1.5\npose = { hip_flexion_r = 30 }\n", "")));
        CHECK(contains(d.message, "at least two keyframes"));
    }
}

TEST_CASE("with a planted foot, later keys may not set the pelvis' position") {
    const std::string text = replaced("summary = \"The right thigh comes up.\"", "summary = \"Up.\"\nsupport = \"left\"");
    const std::string bad = text.substr(0, text.find("pose = {")) + "pose = { hip_flexion_r = 30, pelvis_ty = 0.8 }\n";
    const Diagnostic d = only(load(bad));
    CHECK(d.field == "movement[1].key[2].pose.pelvis_ty");
    CHECK(contains(d.message, "computed from the support (\"left\")"));
}

TEST_CASE("a keyframe's stance hands the standing leg from one side to the other and back") {
    const std::string text = replaced("summary = \"The right thigh comes up.\"", "summary = \"Steps.\"\nsupport = \"treadmill\"") +
                             R"(single_support = 1
stance = "r"

[[movement.key]]
t = 2
stance = "both"
single_support = 0

[[movement.key]]
t = 3
stance = "l"
)";
    const MovementLoad l = load(text);
    INFO(formatAll(l.diagnostics));
    REQUIRE(l.library.has_value());
    const Movement& m = l.library->movements.at(0);
    REQUIRE(m.keys.size() == 4);
    CHECK(m.keys[0].stance == Side::Midline); // nothing said yet, and the movement has no stance of its own
    CHECK(m.keys[1].stance == Side::Right);
    CHECK(m.keys[2].stance == Side::Midline);
    CHECK(m.keys[3].stance == Side::Left);
    CHECK(m.stance == Side::Right); // the first leg a key names
    CHECK(m.keys[3].support == Support::Treadmill);
}

TEST_CASE("a bad keyframe stance, or single support with both feet down, is reported at its line and field") {
    const std::string base = replaced("pose = { hip_flexion_r = 30 }", "pose = { hip_flexion_r = 30 }\nstance = \"middle\"");
    {
        const Diagnostic d = only(load(base));
        CHECK(d.line == lineOf(base, "stance = \"middle\""));
        CHECK(d.field == "movement[1].key[2].stance");
        CHECK(contains(d.message, "both"));
    }
    {
        const std::string text =
            replaced("pose = { hip_flexion_r = 30 }", "pose = { hip_flexion_r = 30 }\nstance = \"both\"\nsingle_support = 0.5")
                .replace(kGood.find("plain"), 0, "stance = \"r\"\n");
        const Diagnostic d = only(load(text));
        CHECK(d.line == lineOf(text, "[[movement.key]]\nt = 1.5"));
        CHECK(d.field == "movement[1].key[2].single_support");
        CHECK(contains(d.message, "\"both\""));
    }
    {
        // Held from the key before: the message names the stance that ends it.
        const std::string text = replaced("pose = { hip_flexion_r = 30 }", "pose = { hip_flexion_r = 30 }\nstance = \"r\"\nsingle_support = 1") +
                                 "\n[[movement.key]]\nt = 3\nstance = \"both\"\n";
        const Diagnostic d = only(load(text));
        CHECK(d.field == "movement[1].key[3].stance");
        CHECK(contains(d.message, "single_support = 0"));
    }
    {
        const Diagnostic d = only(load(replaced("summary = \"The right thigh comes up.\"", "summary = \"Up.\"\nsupport = \"treadmil\"")));
        CHECK(d.field == "movement[1].support");
        CHECK(contains(d.message, "treadmill"));
    }
}

TEST_CASE("a file that is not TOML or not there is reported with its name") {
    const Diagnostic d = only(load(kGood + "\n[[movement\n"));
    CHECK(d.file == "movements.toml");
    CHECK(d.line > 10);
    CHECK(contains(d.message, "not valid TOML"));
    const MovementLoad missing = loadMovements("/nonexistent/movements.toml", hv::test::content());
    REQUIRE(missing.diagnostics.size() == 1);
    CHECK(contains(missing.diagnostics[0].format(), "/nonexistent/movements.toml: file not found"));
}

TEST_CASE("every problem in one file is reported, one message each") {
    std::string text = replaced("hip_flexion_r = 30", "hip_flex_r = 30, knee_angle_r = 500");
    text = text.substr(0, text.find("t = 1.5")) + "t = 0\n" + text.substr(text.find("t = 1.5") + 7);
    const MovementLoad l = load(text);
    INFO(formatAll(l.diagnostics));
    CHECK_FALSE(l.library.has_value());
    CHECK(l.diagnostics.size() == 3); // unknown coordinate, knee out of range, time not increasing
}

TEST_CASE("unknownMovementMessage suggests the closest id and lists them all") {
    const std::string message = unknownMovementMessage(hv::test::movements(), "figure4");
    CHECK(contains(message, "unknown movement \"figure4\""));
    CHECK(contains(message, "did you mean \"figure-4\""));
    CHECK(contains(message, "single-leg-deadlift"));
}

TEST_CASE("targets name muscles for both sides or with _r and _l for one side") {
    const MovementLoad l = load(replaced("plain = \"Your right thigh comes up.\"",
                                         "plain = \"Your right thigh comes up.\"\ntargets = [\"piriformis_r\", \"iliacus\", \"gracilis_l\"]"));
    INFO(formatAll(l.diagnostics));
    REQUIRE(l.library.has_value());
    const Movement& m = l.library->movements.front();
    REQUIRE(m.targets.size() == 3);
    CHECK(m.targets[0] == TargetMuscle{"piriformis", Side::Right});
    CHECK(m.targets[1] == TargetMuscle{"iliacus", std::nullopt});
    CHECK(m.targets[2] == TargetMuscle{"gracilis", Side::Left});
}

TEST_CASE("an unknown target muscle is one message with its line and field and the closest and valid names") {
    const std::string text = replaced("plain = \"Your right thigh comes up.\"",
                                      "plain = \"Your right thigh comes up.\"\ntargets = [\"iliacus\", \"piriformus_r\"]");
    const Diagnostic d = only(load(text));
    CHECK(d.file == "movements.toml");
    CHECK(d.line == lineOf(text, "targets"));
    CHECK(d.field == "movement[1].targets");
    CHECK(contains(d.message, "target 2 \"piriformus_r\""));
    CHECK(contains(d.message, "unknown muscle \"piriformus\""));
    CHECK(contains(d.message, "did you mean \"piriformis\""));
    CHECK(contains(d.message, "gluteus_medius"));
}

TEST_CASE("a target named twice, or an empty or mistyped targets list, is refused with one message") {
    CHECK(contains(only(load(replaced("plain = \"Your right thigh comes up.\"",
                                      "plain = \"Your right thigh comes up.\"\ntargets = [\"piriformis\", \"piriformis_l\"]")))
                       .message,
                   "names piriformis a second time"));
    CHECK(contains(only(load(replaced("plain = \"Your right thigh comes up.\"",
                                      "plain = \"Your right thigh comes up.\"\ntargets = []")))
                       .message,
                   "targets is empty"));
    CHECK(only(load(replaced("plain = \"Your right thigh comes up.\"",
                             "plain = \"Your right thigh comes up.\"\ntargets = \"piriformis\"")))
              .field == "movement[1].targets");
}

TEST_CASE("every stretch of the project's movements file names its target muscles and cites a source") {
    const MovementLoad l = loadMovements(HV_SOURCE_DIR "/content/movements.toml", hv::test::content());
    REQUIRE(l.library.has_value());
    int stretches = 0;
    for (const Movement& m : l.library->movements) {
        if (m.category != Category::Stretch) continue;
        INFO(m.id);
        ++stretches;
        CHECK_FALSE(m.targets.empty());
        CHECK_FALSE(m.sources.empty());
    }
    CHECK(stretches >= 7);
    const Movement* f4 = l.library->find("figure-4");
    REQUIRE(f4 != nullptr);
    REQUIRE_FALSE(f4->targets.empty());
    CHECK(f4->targets.front() == TargetMuscle{"piriformis", Side::Right});
}

TEST_CASE("a movement's own camera is read as azimuth and elevation, and a bad one is one message with its line") {
    const MovementLoad good = load(replaced("category = \"movement\"", "category = \"movement\"\ncamera = [180, 5]"));
    INFO(formatAll(good.diagnostics));
    REQUIRE(good.library);
    const Movement* lift = good.library->find("lift");
    REQUIRE(lift);
    REQUIRE(lift->camera);
    CHECK((*lift->camera)[0] == doctest::Approx(180.0));
    CHECK((*lift->camera)[1] == doctest::Approx(5.0));
    CHECK_FALSE(load(kGood).library->find("lift")->camera);
    const std::string text = replaced("category = \"movement\"", "category = \"movement\"\ncamera = [90, 95]");
    const Diagnostic d = only(load(text));
    CHECK(d.line == lineOf(text, "camera = "));
    CHECK(d.field == "movement[1].camera");
    CHECK(contains(d.message, "elevation"));
    const Diagnostic three = only(load(replaced("category = \"movement\"", "category = \"movement\"\ncamera = [90, 5, 3]")));
    CHECK(three.field == "movement[1].camera");
    // The shipped movements the issue names carry their views: from the side, from behind, from above.
    for (const auto& [id, azimuth, above] : {std::tuple{"hip-hinge", 90.0, false}, {"bridge", 90.0, false}, {"couch-stretch", 90.0, false},
                                             {"single-leg-stance", 180.0, false}, {"figure-4", 60.0, true}, {"90-90", 50.0, true}}) {
        const Movement& m = hv::test::movementById(id);
        INFO(id);
        REQUIRE(m.camera);
        CHECK((*m.camera)[0] == doctest::Approx(azimuth));
        CHECK(((*m.camera)[1] > 30.0) == above);
    }
}

TEST_CASE("a key's arms line sets the arm coordinates and refuses any other, naming its line and field") {
    const MovementLoad good = load(replaced("pose = { hip_flexion_r = 30 }", "pose = { hip_flexion_r = 30 }\narms = { arm_flexion = 90, elbow_flexion_l = 20 }"));
    INFO(formatAll(good.diagnostics));
    REQUIRE(good.library.has_value());
    const Movement& m = good.library->movements.at(0);
    for (const char* c : {"arm_flexion_r", "arm_flexion_l", "elbow_flexion_l"}) {
        const int track = m.track(hv::test::coordinate(c));
        REQUIRE(track >= 0);
        CHECK(m.value(1, static_cast<std::size_t>(track)) == doctest::Approx(toRadians(std::string(c) == "elbow_flexion_l" ? 20 : 90)));
    }
    CHECK(m.track(hv::test::coordinate("elbow_flexion_r")) < 0);

    const std::string text = replaced("pose = { hip_flexion_r = 30 }", "pose = { hip_flexion_r = 30 }\narms = { knee_angle_r = 20 }");
    const Diagnostic d = only(load(text));
    CHECK(d.line == lineOf(text, "arms ="));
    CHECK(contains(d.message, "knee_angle_r"));
    CHECK(contains(d.message, "not an arm coordinate"));

    const std::string twice = replaced("pose = { hip_flexion_r = 30 }", "pose = { arm_flexion_r = 30 }\narms = { arm_flexion_r = 20 }");
    CHECK(contains(only(load(twice)).message, "set twice"));
}
