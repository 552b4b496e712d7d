// hipview quiz: generate a quiz file from the content and the geometry, or check and list one.
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/load_content.hpp"

#include "core/text.hpp"
#include "io/atomic_file.hpp"
#include "movement/loader.hpp"
#include "quiz/generate.hpp"
#include "quiz/quiz.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace hv::cli {

namespace {

constexpr const char* kHelp =
    "usage: hipview quiz --generate N [--topic TOPIC] [--seed S] -o FILE [--content DIR]\n"
    "       hipview quiz FILE [--content DIR]\n\n"
    "Writes a quiz file (TOML; format in content/README.md, \"Quizzes\") of N distinct questions\n"
    "made from the content and the geometry: every key the geometry decides (what a muscle does at\n"
    "a pose, where its role changes, which muscles a stretch lengthens, which lumbar level takes\n"
    "most of a hip hinge with stiff hips) is computed, not typed. The same seed gives the same\n"
    "file, byte for byte. Asking for more questions than the topic can make is an error that says\n"
    "the maximum. With a FILE instead, checks the quiz (as hipview validate does) and lists its\n"
    "questions.\n\n"
    "  --generate N    how many questions, 1 or more\n"
    "  --topic TOPIC   roles, names, stretches, attachments, hip-back or mixed (default mixed:\n"
    "                  all six kinds of question in turn)\n"
    "  --seed S        a whole number, 0 or more (default 1)\n"
    "  -o FILE         the quiz file to write (written atomically)\n"
    "  --content DIR   the content folder\n";

std::optional<unsigned long long> parseWhole(const std::string& text) {
    unsigned long long v = 0;
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, v);
    if (r.ec != std::errc() || r.ptr != end || text.empty()) return std::nullopt;
    return v;
}

} // namespace

int runQuiz(std::span<const std::string> argv) {
    Args args("quiz", argv);
    if (args.help(kHelp)) return kExitOk;
    const auto generateArg = args.option("--generate");
    const auto topicArg = args.option("--topic");
    const auto seedArg = args.option("--seed");
    const auto outputArg = args.option("-o");
    const std::string dir = contentDirectory(args);
    const auto files = args.positionals();
    if (!args.finish()) return kExitUsage;

    if (!generateArg) {
        if (topicArg || seedArg || outputArg) {
            args.error(std::string(topicArg ? "--topic" : seedArg ? "--seed" : "-o") + " needs --generate N");
            return kExitUsage;
        }
        if (files.size() != 1) {
            args.error(files.empty() ? "expected --generate N or a quiz FILE; see hipview quiz --help"
                                     : "unexpected argument \"" + files[1] + "\"; one quiz file at a time");
            return kExitUsage;
        }
        const auto content = loadContentOrPrint(dir);
        if (!content) return kExitFailure;
        const movement::MovementLoad movements = movement::loadMovements(movement::defaultMovementFile(*content), *content);
        for (const Diagnostic& d : movements.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        if (!movements.library) return kExitFailure;
        const quiz::QuizLoad load = quiz::loadQuiz(files[0], files[0], *content, *movements.library);
        for (const Diagnostic& d : load.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        if (!load.quiz) {
            std::fprintf(stderr, "hipview quiz: %zu problem%s in %s\n", load.diagnostics.size(),
                         load.diagnostics.size() == 1 ? "" : "s", files[0].c_str());
            return kExitFailure;
        }
        std::printf("%s: %s, %zu questions\n", files[0].c_str(), load.quiz->title.c_str(), load.quiz->questions.size());
        for (std::size_t i = 0; i < load.quiz->questions.size(); ++i) {
            const quiz::Question& q = load.quiz->questions[i];
            std::printf("%zu. [%s] %s\n", i + 1, std::string(quiz::kindName(q.kind)).c_str(), q.prompt.c_str());
        }
        return kExitOk;
    }
    if (!files.empty()) {
        args.error("unexpected argument \"" + files.front() + "\"; --generate writes to -o FILE");
        return kExitUsage;
    }
    quiz::GenerateOptions options;
    const auto n = parseWhole(*generateArg);
    if (!n || *n == 0 || *n > 100000) {
        args.error("--generate \"" + *generateArg + "\": expected a number of questions from 1 to 100000");
        return kExitUsage;
    }
    options.count = static_cast<std::size_t>(*n);
    if (topicArg) {
        const auto& topics = quiz::topicNames();
        if (std::find(topics.begin(), topics.end(), *topicArg) == topics.end()) {
            const std::string hint = closestMatch(*topicArg, topics);
            args.error("unknown topic \"" + *topicArg + "\"" + (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") +
                       "; valid topics: " + joinNames(topics));
            return kExitUsage;
        }
        options.topic = *topicArg;
    }
    if (seedArg) {
        const auto s = parseWhole(*seedArg);
        if (!s) {
            args.error("--seed \"" + *seedArg + "\": expected a whole number, 0 or more");
            return kExitUsage;
        }
        options.seed = *s;
    }
    if (!outputArg) {
        args.error("--generate needs -o FILE, the quiz file to write");
        return kExitUsage;
    }
    const auto content = loadContentOrPrint(dir);
    if (!content) return kExitFailure;
    const movement::MovementLoad movements = movement::loadMovements(movement::defaultMovementFile(*content), *content);
    for (const Diagnostic& d : movements.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!movements.library) return kExitFailure;
    const quiz::GenerateResult result = quiz::generateQuiz(*content, *movements.library, options);
    if (!result.quiz) {
        args.error(result.error);
        return kExitUsage;
    }
    if (const auto problem = io::writeFileAtomic(*outputArg, quiz::quizText(*result.quiz))) {
        std::fprintf(stderr, "%s\n", problem->format().c_str());
        return kExitFailure;
    }
    std::printf("wrote %s: %zu questions (topic %s, seed %llu; the topic can make %zu)\n", outputArg->c_str(),
                result.quiz->questions.size(), options.topic.c_str(), static_cast<unsigned long long>(options.seed),
                result.maximum);
    return kExitOk;
}

} // namespace hv::cli
