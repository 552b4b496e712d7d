// The speed target for quizzes: generating 200 questions (every candidate of all six
// kinds built, its key computed from the geometry) in under 1 s; also checking them again (what
// hipview validate does for a quiz file) and writing the file's text.
#include "bench_timing.hpp"

#include "content/content.hpp"
#include "movement/loader.hpp"
#include "quiz/generate.hpp"
#include "quiz/moodle.hpp"
#include "quiz/question_figure.hpp"
#include "quiz/quiz.hpp"

#include <cstdio>

using namespace hv;

int main() {
    const ContentLoad load = loadContent(HV_SOURCE_DIR "/content");
    if (!load.content) {
        std::fputs(formatAll(load.diagnostics).c_str(), stderr);
        return 1;
    }
    const movement::MovementLoad movements = movement::loadMovements(HV_SOURCE_DIR "/content/movements.toml", *load.content);
    if (!movements.library) {
        std::fputs(formatAll(movements.diagnostics).c_str(), stderr);
        return 1;
    }
    quiz::GenerateOptions options;
    options.count = 200;
    quiz::GenerateResult result;
    bench::print("generate 200 questions, mixed topic (target < 1000 ms)", bench::time(5, [&] {
                     result = quiz::generateQuiz(*load.content, *movements.library, options);
                 }));
    if (!result.quiz) {
        std::fprintf(stderr, "%s\n", result.error.c_str());
        return 1;
    }
    std::printf("candidates the mixed topic can make: %zu\n", result.maximum);
    std::size_t problems = 0;
    bench::print("check the 200 questions (recompute every key)", bench::time(5, [&] {
                     problems = quiz::checkQuiz(*result.quiz, *load.content, *movements.library).size();
                 }));
    std::printf("problems found: %zu\n", problems);
    std::string text;
    bench::print("write the quiz file's text", bench::time(5, [&] { text = quiz::quizText(*result.quiz); }));
    std::printf("quiz file: %zu bytes\n", text.size());

    // The Moodle XML of the same quiz, each figure a stand-in of 60 kB (about a 960x540 figure's
    // PNG): the writer's own cost, base64 included. Rendering the figures is `hipview quiz
    // --export moodle`'s other, larger part (GL; timed by hand in the notes).
    std::vector<quiz::MoodleFigure> figures;
    for (std::size_t i = 0; i < result.quiz->questions.size(); ++i) {
        const quiz::QuestionFigure f =
            quiz::questionFigure(result.quiz->questions[i], "bench", *load.content, *movements.library, 960, 540, "q.png");
        figures.push_back({"q" + std::to_string(i) + ".png", std::vector<std::uint8_t>(60000, std::uint8_t(i)), "figure",
                           f.spec.pins, f.keyPin});
    }
    bench::print("question figures' specs for the 200 questions", bench::time(5, [&] {
                     for (const quiz::Question& q : result.quiz->questions)
                         (void)quiz::questionFigure(q, "bench", *load.content, *movements.library, 960, 540, "q.png");
                 }));
    std::string xml;
    bench::print("write the Moodle XML of the 200 questions (60 kB figures)", bench::time(5, [&] {
                     xml = quiz::moodleXml(*result.quiz, *load.content, *movements.library, figures);
                 }));
    std::printf("Moodle XML: %.1f MB\n", static_cast<double>(xml.size()) / 1e6);
    return 0;
}
