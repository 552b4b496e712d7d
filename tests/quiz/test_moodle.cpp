// Quiz figures and the Moodle XML of a quiz, GL-free: the scene each question's figure shows
// (lettered pins for find-it), the fractions Moodle's importer accepts, and the XML read back by
// a real XML parser (libxml2) with every key, tolerance and alias where Moodle looks for it.
#include "quiz_fixture.hpp"

#include "quiz/keys.hpp"
#include "quiz/moodle.hpp"
#include "quiz/question_figure.hpp"

#include "anatomy_draw/figure_spec.hpp"
#include "core/text.hpp"
#include "support/moodle_reader.hpp"

#include <algorithm>
#include <cmath>

using namespace hv;
using namespace hv::test;

namespace {

quiz::Quiz shipped(const std::string& name) {
    const quiz::QuizLoad load =
        quiz::loadQuiz(HV_SOURCE_DIR "/content/quizzes/" + name, name, content(), movements());
    if (!load.quiz) FAIL(formatAll(load.diagnostics));
    return *load.quiz;
}

// One fake "figure" per question (moodleXml does not look at the bytes), with its pins.
std::vector<quiz::MoodleFigure> fakeFigures(const quiz::Quiz& quiz) {
    std::vector<quiz::MoodleFigure> f;
    for (std::size_t i = 0; i < quiz.questions.size(); ++i) {
        std::string name = std::to_string(i + 1);
        name.append(".png");
        const quiz::QuestionFigure qf = quiz::questionFigure(quiz.questions[i], quiz.file, content(), movements(), 1, 1, name);
        f.push_back({name, {0x89, 'P', 'N', 'G', static_cast<std::uint8_t>(i)}, "a figure", qf.spec.pins, qf.keyPin});
    }
    return f;
}

bool isMoodleGrade(const std::string& fraction) {
    const double v = std::abs(std::stod(fraction));
    return std::any_of(quiz::moodleGrades().begin(), quiz::moodleGrades().end(),
                       [&](double g) { return std::abs(g - v) < 1e-5; });
}

} // namespace

TEST_CASE("fractions are snapped to the grades Moodle accepts and written as Moodle writes them") {
    CHECK(quiz::moodleFraction(100.0) == "100");
    CHECK(quiz::moodleFraction(100.0 / 3.0) == "33.33333");
    CHECK(quiz::moodleFraction(100.0 / 7.0) == "14.28571");
    CHECK(quiz::moodleFraction(-25.0) == "-25");
    CHECK(quiz::moodleFraction(-100.0 / 6.0) == "-16.66667");
    CHECK(quiz::moodleFraction(0.0) == "0");
    CHECK(quiz::moodleFraction(97.0) == "100");
}

TEST_CASE("a find-it figure pins the key and three well-spaced others with letters in id order") {
    const quiz::Quiz names = shipped("names.toml");
    const quiz::Question& find = names.questions[3]; // gluteus minimus, no choices
    REQUIRE(find.kind == quiz::Kind::FindIt);
    const quiz::QuestionFigure f = quiz::questionFigure(find, names.file, content(), movements(), 640, 360, "q4.png");
    REQUIRE(f.pinned.size() == quiz::kMaxPins);
    CHECK(std::is_sorted(f.pinned.begin(), f.pinned.end()));
    CHECK(std::count(f.pinned.begin(), f.pinned.end(), "gluteus_minimus") == 1);
    CHECK(f.spec.pins == std::vector<std::string>{"A", "B", "C", "D"});
    // Asked again without one of the others, it pins another muscle in its place.
    std::string other = f.pinned[0] == "gluteus_minimus" ? f.pinned[1] : f.pinned[0];
    const quiz::QuestionFigure g = quiz::questionFigure(find, names.file, content(), movements(), 640, 360, "q4.png", {other});
    CHECK(g.pinned.size() == quiz::kMaxPins);
    CHECK(std::count(g.pinned.begin(), g.pinned.end(), other) == 0);
    CHECK(std::count(g.pinned.begin(), g.pinned.end(), "gluteus_minimus") == 1);
    const auto at = std::find(f.pinned.begin(), f.pinned.end(), "gluteus_minimus") - f.pinned.begin();
    CHECK(f.keyPin == f.spec.pins[static_cast<std::size_t>(at)]);
    CHECK(f.spec.labels);
    CHECK(f.spec.highlight.size() == 4);
    CHECK(std::count(f.spec.highlight.begin(), f.spec.highlight.end(), "gluteus_minimus_r") == 1);
    CHECK(f.spec.view == "lateral-right");
    CHECK(f.spec.width == 640);
    CHECK(draw::validateFigure(f.spec, &content()).empty());
    // The draw options give each highlighted muscle its pin as its callout text.
    const draw::DrawOptions o = draw::figureDrawOptions(f.spec, content());
    REQUIRE(o.highlight.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) CHECK(o.highlight[i].pin == f.spec.pins[i]);
}

TEST_CASE("name-it figures highlight the muscle with a question mark and stretch figures show the movement without highlights") {
    const quiz::Quiz names = shipped("names.toml");
    const quiz::QuestionFigure name = quiz::questionFigure(names.questions[2], names.file, content(), movements(), 960, 540, "n.png");
    CHECK(name.spec.highlight == std::vector<std::string>{"tensor_fasciae_latae_r"});
    CHECK(name.spec.labels);
    CHECK(name.spec.pins == std::vector<std::string>{"?"}); // the callout must not say the answer
    CHECK(name.pinned == std::vector<std::string>{"tensor_fasciae_latae"});
    const quiz::Quiz roles = shipped("roles.toml");
    const quiz::QuestionFigure what = quiz::questionFigure(roles.questions[0], roles.file, content(), movements(), 960, 540, "w.png");
    CHECK(what.spec.pins == std::vector<std::string>{"Piriformis"}); // the prompt names it
    CHECK(contains(name.spec.pose, "hip_flexion_r=45"));
    const quiz::Quiz stretches = shipped("stretches.toml");
    const quiz::QuestionFigure s = quiz::questionFigure(stretches.questions[0], stretches.file, content(), movements(), 960, 540, "s.png");
    CHECK(s.spec.movement == "figure-4");
    CHECK(s.spec.at == doctest::Approx(stretches.questions[0].time));
    CHECK(s.spec.highlight.empty());
    CHECK(draw::validateFigure(s.spec, &content()).empty());
    const quiz::Quiz hipBack = shipped("hip_back.toml");
    const quiz::QuestionFigure h = quiz::questionFigure(hipBack.questions[0], hipBack.file, content(), movements(), 960, 540, "h.png");
    CHECK(h.spec.restrict == hipBack.questions[0].restrict);
    CHECK_FALSE(h.spec.restrict.empty());
}

TEST_CASE("pins need one text per highlight and labels, and survive a scene file") {
    draw::FigureSpec spec;
    spec.output = "pins.png";
    spec.highlight = {"piriformis_r", "gluteus_medius_r"};
    spec.pins = {"A"};
    spec.labels = true;
    CHECK(contains(formatAll(draw::validateFigure(spec, &content())), "one pin per highlighted muscle"));
    spec.pins = {"A", "B"};
    spec.labels = false;
    CHECK(contains(formatAll(draw::validateFigure(spec, &content())), "needs labels"));
    spec.labels = true;
    CHECK(draw::validateFigure(spec, &content()).empty());
    const draw::FigureFileLoad back = draw::parseFigureText(draw::figureFileText({&spec, 1}), "pins.toml", ".", &content());
    REQUIRE(back.figures);
    CHECK(back.figures->at(0).pins == spec.pins);
}

TEST_CASE("the Moodle XML of every shipped quiz parses and holds one question per quiz question with computed keys") {
    for (const char* name : {"names.toml", "roles.toml", "stretches.toml", "attachments.toml", "hip_back.toml"}) {
        CAPTURE(name);
        const quiz::Quiz quiz = shipped(name);
        const std::vector<quiz::MoodleFigure> figures = fakeFigures(quiz);
        const std::string xml = quiz::moodleXml(quiz, content(), movements(), figures);
        CHECK(xml == quiz::moodleXml(quiz, content(), movements(), figures)); // deterministic
        const MoodleBank bank = readMoodleXmlText(xml);
        REQUIRE(bank.parsed);
        CHECK(bank.rootName == "quiz");
        REQUIRE(bank.questions.size() == quiz.questions.size() + 1);
        CHECK(bank.questions[0].type == "category");
        CHECK(bank.questions[0].category == "$course$/top/HipView/" + quiz.title);
        for (std::size_t i = 0; i < quiz.questions.size(); ++i) {
            const quiz::Question& q = quiz.questions[i];
            const MoodleQuestion& m = bank.questions[i + 1];
            CAPTURE(q.prompt);
            CHECK_FALSE(m.name.empty());
            REQUIRE(m.files.size() == 1);
            CHECK(m.files[0].encoding == "base64");
            CHECK(m.files[0].path == "/");
            CHECK(m.files[0].bytes == figures[i].png);
            CHECK(contains(m.questionText, "src=\"@@PLUGINFILE@@/" + figures[i].name + "\""));
            CHECK(contains(m.feedback, "The answer:"));
            REQUIRE_FALSE(m.answers.empty());
            for (const MoodleAnswer& a : m.answers) CHECK(isMoodleGrade(a.fraction));
            Diagnostics ignored;
            const quiz::Resolved r = quiz::resolve(q, quiz.file, content(), movements(), ignored);
            switch (q.kind) {
            case quiz::Kind::WhereDoesItChange: {
                CHECK(m.type == "numerical");
                REQUIRE(m.answers.size() == 1);
                REQUIRE(m.answers[0].tolerance);
                CHECK(std::stod(*m.answers[0].tolerance) == doctest::Approx(q.toleranceDeg));
                REQUIRE(r.ok);
                CHECK(std::stod(m.answers[0].text) == doctest::Approx(quiz::computeKey(q, r, content(), movements()).keyDeg).epsilon(0.002));
                break;
            }
            case quiz::Kind::WhichMuscles:
                CHECK(m.type == "multichoice");
                if (q.ask == quiz::Ask::Stretched) {
                    CHECK(m.single == "false");
                    double positive = 0.0;
                    std::size_t right = 0;
                    for (const MoodleAnswer& a : m.answers)
                        if (std::stod(a.fraction) > 0) {
                            positive += std::stod(a.fraction);
                            ++right;
                        }
                    CHECK(positive == doctest::Approx(100.0).epsilon(1e-4));
                    CHECK(right == std::max<std::size_t>(1, quiz::computeKey(q, r, content(), movements()).keys.size()));
                    break;
                }
                [[fallthrough]];
            default: {
                const bool typed = m.type == "shortanswer";
                CHECK((m.type == "multichoice" || typed));
                if (m.type == "multichoice") CHECK(m.single == "true");
                std::size_t full = 0;
                for (const MoodleAnswer& a : m.answers) full += a.fraction == "100";
                if (!typed) CHECK(full == 1);
                else CHECK(full == m.answers.size());
            }
            }
        }
    }
}

TEST_CASE("a find-it question's right answer in Moodle is its key's pin and a typed name accepts every alias") {
    quiz::Quiz quiz = shipped("names.toml");
    const std::vector<quiz::MoodleFigure> figures = fakeFigures(quiz);
    const MoodleBank bank = readMoodleXmlText(quiz::moodleXml(quiz, content(), movements(), figures));
    REQUIRE(bank.questions.size() == 6);
    const MoodleQuestion& find = bank.questions[4];
    CHECK(contains(find.questionText, "Which letter marks gluteus minimus?"));
    REQUIRE(find.answers.size() == 4);
    for (const MoodleAnswer& a : find.answers)
        CHECK((a.fraction == "100") == contains(a.text, ">" + figures[3].keyPin + "<"));
    CHECK_FALSE(figures[3].keyPin.empty());
    CHECK(find.shuffle == "false");

    // A typed name_it question: the name, the id in words and every alias, case ignored.
    const MuscleInfo* info = nullptr;
    for (const MuscleInfo& m : content().muscles)
        if (!m.aliases.empty()) info = &m;
    REQUIRE(info);
    quiz::Quiz typed;
    typed.title = "Typed";
    typed.file = "typed.toml";
    quiz::Question q;
    q.kind = quiz::Kind::NameIt;
    q.prompt = "Name the muscle <b>shown</b> & highlighted.";
    q.muscle = q.key = info->id;
    typed.questions.push_back(q);
    const MoodleBank t = readMoodleXmlText(quiz::moodleXml(typed, content(), movements(), fakeFigures(typed)));
    REQUIRE(t.questions.size() == 2);
    CHECK(t.questions[1].type == "shortanswer");
    CHECK(t.questions[1].usecase == "0");
    // The prompt's markup is text, not HTML: escaped once for HTML inside the XML.
    CHECK(contains(t.questions[1].questionText, "&lt;b&gt;shown&lt;/b&gt; &amp; highlighted"));
    std::vector<std::string> accepted;
    for (const MoodleAnswer& a : t.questions[1].answers) accepted.push_back(a.text);
    CHECK(std::count(accepted.begin(), accepted.end(), info->name) == 1);
    for (const std::string& alias : info->aliases) CHECK(std::count(accepted.begin(), accepted.end(), alias) <= 1);
    std::size_t aliasesIn = 0;
    for (const std::string& alias : info->aliases)
        aliasesIn += std::any_of(accepted.begin(), accepted.end(), [&](const std::string& a) { return toLower(a) == toLower(alias); });
    CHECK(aliasesIn == info->aliases.size());
}
