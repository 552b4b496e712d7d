// hipview validate: load the content and say what is wrong with it, or what it holds.
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/load_content.hpp"

#include "movement/loader.hpp"
#include "quiz/quiz.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <vector>

namespace hv::cli {

namespace {
constexpr const char* kHelp =
    "usage: hipview validate [QUIZ.toml ...] [--content DIR]\n\n"
    "Reads every content file (sources.toml, groups.toml, skeleton.toml, muscles/*.toml,\n"
    "movements.toml, quizzes/*.toml) and prints one line per problem:\n"
    "file:line:column: field: reason. Quizzes have every key the geometry decides recomputed; a\n"
    "disagreement is an error with the computed value. With QUIZ.toml files, checks those quizzes\n"
    "instead of the content's. Exits 0 when everything is valid (and prints a summary), 1 when\n"
    "something has problems, 2 for a wrong command line.\n\n"
    "  --content DIR   the content folder (default: the installed content/)\n";

// The quiz files to check: those named, else the content's quizzes/*.toml in name order.
std::vector<std::filesystem::path> quizFiles(const std::vector<std::string>& named, const Content& content) {
    std::vector<std::filesystem::path> files(named.begin(), named.end());
    if (!named.empty()) return files;
    std::error_code ec;
    const std::filesystem::path dir = content.directory / "quizzes";
    if (!std::filesystem::is_directory(dir, ec)) return files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}
} // namespace

int runValidate(std::span<const std::string> argv) {
    Args args("validate", argv);
    if (args.help(kHelp)) return kExitOk;
    const std::string dir = contentDirectory(args);
    const std::vector<std::string> named = args.positionals();
    if (!args.finish()) return kExitUsage;
    const auto content = loadContentOrPrint(dir);
    if (!content) return kExitFailure;
    const movement::MovementLoad movements = movement::loadMovements(movement::defaultMovementFile(*content), *content);
    for (const Diagnostic& d : movements.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!movements.library) {
        std::fprintf(stderr, "hipview validate: %zu problem%s in the movements file\n", movements.diagnostics.size(),
                     movements.diagnostics.size() == 1 ? "" : "s");
        return kExitFailure;
    }
    std::size_t quizProblems = 0, quizQuestions = 0;
    const auto quizzes = quizFiles(named, *content);
    for (const std::filesystem::path& file : quizzes) {
        const quiz::QuizLoad load = quiz::loadQuiz(file, file.string(), *content, *movements.library);
        for (const Diagnostic& d : load.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        quizProblems += load.diagnostics.size();
        if (load.quiz) quizQuestions += load.quiz->questions.size();
    }
    if (quizProblems > 0) {
        std::fprintf(stderr, "hipview validate: %zu problem%s in the quizzes\n", quizProblems, quizProblems == 1 ? "" : "s");
        return kExitFailure;
    }
    if (!named.empty()) {
        std::printf("%zu quiz file%s valid: %zu questions, every computed key agreeing with the geometry\n",
                    quizzes.size(), quizzes.size() == 1 ? "" : "s", quizQuestions);
        return kExitOk;
    }
    std::size_t parts = 0, muscles = 0;
    for (const Muscle& m : content->model.muscles)
        if (m.side == Side::Right) {
            ++muscles;
            parts += m.parts.size();
        }
    std::size_t actions = 0;
    for (const MuscleInfo& info : content->muscles) actions += info.actions.size();
    std::printf("%s is valid: %zu muscles with %zu parts on each side, %zu textbook actions, %zu bodies, "
                "%zu coordinates, %zu wrap cylinders, %zu sources, %zu movements, %zu quizzes with %zu questions\n",
                dir.c_str(), muscles, parts, actions, content->model.bodies.size(),
                content->model.coordinates.size(), content->model.wrapCylinders.size(), content->sources.size(),
                movements.library->movements.size(), quizzes.size(), quizQuestions);
    return kExitOk;
}

} // namespace hv::cli
