// hipview quiz: generate a quiz file from the content and the geometry, or check and list one.
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/figure_render.hpp"
#include "app/load_content.hpp"

#include "core/text.hpp"
#include "io/atomic_file.hpp"
#include "io/png_writer.hpp"
#include "movement/loader.hpp"
#include "quiz/generate.hpp"
#include "quiz/moodle.hpp"
#include "quiz/question_figure.hpp"
#include "quiz/quiz.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>

namespace hv::cli {

namespace {

constexpr const char* kHelp =
    "usage: hipview quiz --generate N [--topic TOPIC] [--seed S] -o FILE [--content DIR]\n"
    "       hipview quiz FILE [--content DIR]\n"
    "       hipview quiz FILE --export moodle -o BANK.xml [--size WxH] [--content DIR]\n\n"
    "Writes a quiz file (TOML; format in content/README.md, \"Quizzes\") of N distinct questions\n"
    "made from the content and the geometry: every key the geometry decides (what a muscle does at\n"
    "a pose, where its role changes, which muscles a stretch lengthens, which lumbar level takes\n"
    "most of a hip hinge with stiff hips) is computed, not typed. The same seed gives the same\n"
    "file, byte for byte. Asking for more questions than the topic can make is an error that says\n"
    "the maximum. With a FILE instead, checks the quiz (as hipview validate does) and lists its\n"
    "questions. With --export moodle, writes the checked quiz as Moodle XML for a course site's\n"
    "question bank (Question bank > Import > Moodle XML format): multichoice, numerical with its\n"
    "tolerance and short answer with every alias; each question's figure rendered headlessly and\n"
    "embedded in the file; a find-it question becomes a figure with lettered pins.\n\n"
    "  --generate N    how many questions, 1 or more\n"
    "  --topic TOPIC   roles, names, stretches, attachments, hip-back or mixed (default mixed:\n"
    "                  all six kinds of question in turn)\n"
    "  --seed S        a whole number, 0 or more (default 1)\n"
    "  -o FILE         the quiz file (or with --export the bank) to write (written atomically)\n"
    "  --export moodle write FILE as Moodle XML\n"
    "  --size WxH      with --export: the figures' size in pixels (default 960x540)\n"
    "  --content DIR   the content folder\n";

std::optional<unsigned long long> parseWhole(const std::string& text) {
    unsigned long long v = 0;
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, v);
    if (r.ec != std::errc() || r.ptr != end || text.empty()) return std::nullopt;
    return v;
}

// The alt text of a question's figure: what it shows, not the answer.
std::string figureAlt(const quiz::QuestionFigure& f) {
    std::string alt = "HipView figure: the hip and low back, " + f.spec.view + " view";
    if (!f.spec.movement.empty()) alt += ", in the movement";
    if (f.spec.pins.size() > 1)
        alt += ", muscles pinned with the letters A to " + std::string(1, static_cast<char>('A' + f.spec.pins.size() - 1));
    else if (!f.spec.highlight.empty()) alt += ", one muscle highlighted";
    if (!f.spec.show.empty() && f.spec.show[0] == "ghosted-bones") alt += ", the bones see-through";
    return alt + ".";
}

// hipview quiz FILE --export moodle -o BANK.xml: every question's figure, then the XML.
int exportMoodle(const quiz::Quiz& quiz, const Content& content, const movement::MovementLibrary& movements,
                 const std::string& output, glm::ivec2 size) {
    // Rendering every figure takes a while: a folder that is not there fails now, not after.
    std::error_code ec;
    if (const auto folder = std::filesystem::path(output).parent_path(); !folder.empty() && !std::filesystem::is_directory(folder, ec)) {
        std::fprintf(stderr, "%s: cannot write the bank: the folder %s does not exist\n", output.c_str(), folder.string().c_str());
        return kExitFailure;
    }
    FigureSession session(content, dataDirectory());
    RenderQuality quality;
    std::vector<quiz::MoodleFigure> figures;
    int problems = 0;
    for (std::size_t i = 0; i < quiz.questions.size(); ++i) {
        const quiz::Question& q = quiz.questions[i];
        char name[32];
        std::snprintf(name, sizeof name, "q%03zu.png", i + 1);
        // A callout that points at a hidden muscle, or found no room, would leave the figure
        // without the muscle it asks about: a find-it figure pins another muscle instead of a
        // hidden one; a key hidden behind bone is shown through see-through bones.
        std::vector<std::string> avoid;
        bool bonesGhosted = false;
        quiz::QuestionFigure f;
        render::Figure figure;
        std::vector<std::string> missing;
        for (int attempt = 0; attempt < 6; ++attempt) {
            f = quiz::questionFigure(q, quiz.file, content, movements, size.x, size.y, name, avoid);
            if (bonesGhosted) f.spec.show = {"ghosted-bones", "muscles"};
            if (renderFigure(session, content, f.spec, quality, nullptr, &figure) != kExitOk) return kExitFailure;
            missing.clear();
            for (std::size_t p = 0; p < f.spec.pins.size(); ++p)
                if (std::none_of(figure.labels.begin(), figure.labels.end(),
                                 [&](const render::Figure::PlacedLabel& l) { return l.text == f.spec.pins[p]; }))
                    missing.push_back(f.pinned[p]);
            if (missing.empty()) break;
            const bool keyMissing = std::find(missing.begin(), missing.end(), q.kind == quiz::Kind::FindIt ? q.key : f.pinned[0]) !=
                                    missing.end();
            if (keyMissing && !bonesGhosted) bonesGhosted = true;
            else if (!keyMissing && q.kind == quiz::Kind::FindIt && q.choices.empty())
                avoid.insert(avoid.end(), missing.begin(), missing.end());
            else break;
        }
        if (!missing.empty()) {
            for (const std::string& w : figure.warnings) {
                const Diagnostic d{quiz.file, q.lineOf(""), 0, "question", q.path + " figure: " + w};
                std::fprintf(stderr, "%s\n", d.format().c_str());
            }
            const Diagnostic d{quiz.file, q.lineOf(""), 0, "question",
                               q.path + ": the figure cannot show " + joinNames(missing) + " in the " + q.view +
                                   " view, even through see-through bones; choose another view" +
                                   (q.choices.empty() ? "" : " or other choices")};
            std::fprintf(stderr, "%s\n", d.format().c_str());
            ++problems;
        } else if (bonesGhosted) {
            std::fprintf(stderr, "%s: %s: %s is hidden behind bone in the %s view; its figure draws the bones see-through\n",
                         quiz.file.c_str(), q.path.c_str(), (q.kind == quiz::Kind::FindIt ? q.key : f.pinned[0]).c_str(), q.view.c_str());
        }
        std::vector<std::uint8_t> png = io::encodePng(figure.image.rgba, figure.image.width, figure.image.height);
        if (png.empty()) {
            std::fprintf(stderr, "hipview quiz: %s: the figure of %s could not be encoded as PNG\n", quiz.file.c_str(), q.path.c_str());
            return kExitFailure;
        }
        figures.push_back({name, std::move(png), figureAlt(f), f.spec.pins, f.keyPin});
    }
    if (problems > 0) {
        std::fprintf(stderr, "hipview quiz: %d figure%s of %s cannot show what %s asks about; nothing written\n", problems,
                     problems == 1 ? "" : "s", quiz.file.c_str(), problems == 1 ? "its question" : "their questions");
        return kExitFailure;
    }
    const std::string xml = quiz::moodleXml(quiz, content, movements, figures);
    if (const auto problem = io::writeFileAtomic(output, xml)) {
        std::fprintf(stderr, "%s\n", problem->format().c_str());
        return kExitFailure;
    }
    std::printf("wrote %s: %zu questions with their figures (%dx%d), %.1f MB\n", output.c_str(), quiz.questions.size(), size.x,
                size.y, static_cast<double>(xml.size()) / 1e6);
    return kExitOk;
}

} // namespace

int runQuiz(std::span<const std::string> argv) {
    Args args("quiz", argv);
    if (args.help(kHelp)) return kExitOk;
    const auto generateArg = args.option("--generate");
    const auto topicArg = args.option("--topic");
    const auto seedArg = args.option("--seed");
    const auto outputArg = args.option("-o");
    const auto exportArg = args.option("--export");
    const auto sizeArg = args.option("--size");
    const std::string dir = contentDirectory(args);
    const auto files = args.positionals();
    if (!args.finish()) return kExitUsage;

    if (generateArg && (exportArg || sizeArg)) {
        args.error(std::string(exportArg ? "--export" : "--size") + " goes with a quiz FILE, not --generate; generate first, then export");
        return kExitUsage;
    }
    glm::ivec2 size{960, 540};
    if (sizeArg) {
        const auto s = draw::parseSize(*sizeArg);
        if (!s) {
            args.error("--size \"" + *sizeArg + "\": expected WIDTHxHEIGHT in pixels, e.g. 960x540");
            return kExitUsage;
        }
        size = *s;
    }
    if (exportArg && *exportArg != "moodle") {
        args.error("--export \"" + *exportArg + "\": the one export format is moodle (Moodle XML)");
        return kExitUsage;
    }
    if (!generateArg) {
        if (topicArg || seedArg || (outputArg && !exportArg)) {
            args.error(std::string(topicArg ? "--topic" : seedArg ? "--seed" : "-o") + " needs --generate N (or -o with --export)");
            return kExitUsage;
        }
        if (sizeArg && !exportArg) {
            args.error("--size needs --export moodle");
            return kExitUsage;
        }
        if (exportArg && !outputArg) {
            args.error("--export moodle needs -o BANK.xml, the file to write");
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
        if (exportArg) return exportMoodle(*load.quiz, *content, *movements.library, *outputArg, size);
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
