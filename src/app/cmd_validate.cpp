// hipview validate: load the content and say what is wrong with it, or what it holds.
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/load_content.hpp"

#include "document/lesson.hpp"
#include "movement/loader.hpp"
#include "movement/profile.hpp"
#include "quiz/quiz.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <vector>

namespace hv::cli {

namespace {
constexpr const char* kHelp =
    "usage: hipview validate [QUIZ.toml | LESSON.toml ...] [--content DIR]\n\n"
    "Reads every content file (sources.toml, groups.toml, skeleton.toml, muscles/*.toml,\n"
    "movements.toml, quizzes/*.toml, lessons/*.toml, profiles/*.toml) and prints one line per problem:\n"
    "file:line:column: field: reason. Quizzes have every key the geometry decides recomputed; a\n"
    "disagreement is an error with the computed value. With QUIZ.toml or LESSON.toml files (a\n"
    "lesson is told by its schema line or its [[step]]s), checks those instead of the content's. Exits 0 when everything is valid (and prints a summary), 1 when\n"
    "something has problems, 2 for a wrong command line.\n\n"
    "  --content DIR   the content folder (default: the installed content/)\n";

// The files of one kind to check: those named, else the content's FOLDER/*.toml in name order.
std::vector<std::filesystem::path> contentFiles(const std::vector<std::string>& named, const Content& content, const char* folder) {
    std::vector<std::filesystem::path> files(named.begin(), named.end());
    if (!named.empty()) return files;
    std::error_code ec;
    const std::filesystem::path dir = content.directory / folder;
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
    std::vector<std::string> namedQuizzes, namedLessons;
    for (const std::string& f : named) (doc::isLessonFile(f) ? namedLessons : namedQuizzes).push_back(f);
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
    const auto quizzes = named.empty() || !namedQuizzes.empty() ? contentFiles(namedQuizzes, *content, "quizzes")
                                                                 : std::vector<std::filesystem::path>{};
    for (const std::filesystem::path& file : quizzes) {
        const quiz::QuizLoad load = quiz::loadQuiz(file, file.string(), *content, *movements.library);
        for (const Diagnostic& d : load.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        quizProblems += load.diagnostics.size();
        if (load.quiz) quizQuestions += load.quiz->questions.size();
    }
    std::size_t lessonProblems = 0, lessonSteps = 0;
    const auto lessons = named.empty() || !namedLessons.empty() ? contentFiles(namedLessons, *content, "lessons")
                                                                 : std::vector<std::filesystem::path>{};
    for (const std::filesystem::path& file : lessons) {
        const doc::LessonLoad load = doc::loadLessonFile(file, *content, &*movements.library);
        for (const Diagnostic& d : load.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        lessonProblems += load.diagnostics.size();
        if (load.lesson) lessonSteps += load.lesson->steps.size();
    }
    std::size_t profileProblems = 0;
    const auto profiles = named.empty() ? contentFiles({}, *content, "profiles") : std::vector<std::filesystem::path>{};
    for (const std::filesystem::path& file : profiles) {
        Diagnostics d;
        movement::loadClientProfile(content->model, file, d);
        for (const Diagnostic& x : d) std::fprintf(stderr, "%s\n", x.format().c_str());
        profileProblems += d.size();
    }
    if (profileProblems > 0)
        std::fprintf(stderr, "hipview validate: %zu problem%s in the client profiles\n", profileProblems, profileProblems == 1 ? "" : "s");
    if (quizProblems > 0) std::fprintf(stderr, "hipview validate: %zu problem%s in the quizzes\n", quizProblems, quizProblems == 1 ? "" : "s");
    if (lessonProblems > 0)
        std::fprintf(stderr, "hipview validate: %zu problem%s in the lessons\n", lessonProblems, lessonProblems == 1 ? "" : "s");
    if (quizProblems + lessonProblems + profileProblems > 0) return kExitFailure;
    if (!named.empty()) {
        if (!quizzes.empty())
            std::printf("%zu quiz file%s valid: %zu questions, every computed key agreeing with the geometry\n",
                        quizzes.size(), quizzes.size() == 1 ? "" : "s", quizQuestions);
        if (!lessons.empty())
            std::printf("%zu lesson file%s valid: %zu steps\n", lessons.size(), lessons.size() == 1 ? "" : "s", lessonSteps);
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
                "%zu coordinates, %zu wrap cylinders, %zu sources, %zu movements, %zu quizzes with %zu questions, "
                "%zu lessons with %zu steps, %zu client profiles\n",
                dir.c_str(), muscles, parts, actions, content->model.bodies.size(),
                content->model.coordinates.size(), content->model.wrapCylinders.size(), content->sources.size(),
                movements.library->movements.size(), quizzes.size(), quizQuestions, lessons.size(), lessonSteps,
                profiles.size());
    return kExitOk;
}

} // namespace hv::cli
