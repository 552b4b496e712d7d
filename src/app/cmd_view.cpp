// hipview view (also `hipview` with no command, and `hipview FILE`): the interactive window,
// optionally opened straight into a lesson (a selected muscle, a pose, a view, a movement).
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/load_content.hpp"

#include "anatomy_draw/figure_spec.hpp"
#include "core/pose_text.hpp"
#include "movement/loader.hpp"
#include "document/input_script.hpp"
#include "document/start_state.hpp"
#include "ui/viewer.hpp"

#include <cstdio>
#include <optional>

namespace hv::cli {

namespace {

constexpr const char* kHelp =
    "usage: hipview [FILE] [options]          (the same as: hipview view [FILE] [options])\n\n"
    "Opens the interactive window: the hip and low-back muscles in 3D on the skeleton, what each one\n"
    "does at the current pose (computed from its path), movements, stretches and exercises. FILE is a\n"
    "model to open (glTF, GLB, FBX, COLLADA, .x, OBJ, STL, ...) instead of the default one; models can\n"
    "also be opened from the File menu or dropped on the window. Needs a display; without one,\n"
    "render figures with `hipview render` (see hipview render --help).\n\n"
    "Start state (so a lesson opens ready):\n"
    "  --select ID              select a muscle (ID, or ID_r / ID_l for one side), e.g. piriformis\n"
    "  --pose NAME=VALUE,...    coordinates in degrees (metres for translations), e.g. hip_flexion_r=90;\n"
    "                           a name without _r/_l sets both sides\n"
    "  --view NAME              anterior, posterior, lateral-left, lateral-right, medial-left,\n"
    "                           medial-right, superior, inferior\n"
    "  --movement ID            play a movement, stretch or exercise (content/movements.toml)\n"
    "  --at SECONDS             with --movement: start paused this far into it\n"
    "  --colour MODE            muscle colours: group (default), stretch (length change against\n"
    "                           standing: longer warm, shorter blue), role (action about hip rotation)\n"
    "                           or pelvis (tips the pelvis forward / back, thighs and trunk still)\n"
    "  --moment-arm NAME        with --select: draw the muscle's moment arm about hip_flexion,\n"
    "                           hip_adduction or hip_rotation, or for a trunk muscle lumbar_flexion,\n"
    "                           lumbar_bending or lumbar_rotation at its strongest level (axis, line\n"
    "                           of action, perpendicular, turning arrow; the bones see-through; also\n"
    "                           \"Draw it\" in the info panel)\n"
    "  --peel N                 ghost the muscle layers 1 to N (0..4; also the View panel's Peel slider)\n"
    "  --profile FILE.toml      a client profile (content/profiles/*.toml; also File > Open profile...):\n"
    "                           measured hip ranges and gluteus medius strength per side, applied to\n"
    "                           every movement\n"
    "  --restrict NAME=MIN:MAX  a restricted hip, degrees (e.g. hip_flexion_r=:25; a name without _r/_l\n"
    "                           limits both; repeatable; on top of a profile)\n"
    "  --gluteus-medius-strength F  fraction of normal strength, 0 to 1, both sides, or per side\n"
    "                           (left=0.4 or right=1,left=0.4): the weak gluteus medius option\n"
    "  --compare                with --movement and a restriction, strength or profile: the movement\n"
    "                           twice side by side and in step, normal hips on the left, each side\n"
    "                           labelled with its low-back share or pelvic drop (also \"Compare with\n"
    "                           normal\" in the Movements panel)\n"
    "  --no-floor               no floor and contact shadow, also with a movement (also the View\n"
    "                           panel's Floor)\n"
    "  --wording WORDS          anatomical (default) or plain: the info card, the action bars and the\n"
    "                           movement explanations in everyday words, for clients\n"
    "  --model FILE             open this model (the same as FILE)\n"
    "  --quiz FILE.toml         take a quiz (content/quizzes/*.toml; also File > Start quiz...): one\n"
    "                           question at a time with its pose and view, names hidden, each answer\n"
    "                           said right or wrong and explained with the live actions, the score at the end\n"
    "  --size WxH               window size in pixels (default 1600x900, or the screen's work\n"
    "                           area where that is smaller)\n"
    "  --text-size F            text and widgets F times their size on this monitor (0.75 to 2;\n"
    "                           also in the View panel)\n"
    "  --no-adaptive            always draw at full quality (slower while moving on software OpenGL)\n"
    "  --no-panels              start with the panels hidden (Tab shows them)\n"
    "  --content DIR            the content folder\n\n"
    "For tests and scripts (done once the start state is shown at full quality; a movement or a\n"
    "model's animation then starts paused):\n"
    "  --screenshot FILE.png    write the window's pixels\n"
    "  --save-figure FILE.toml  write the view as a scene file (hipview render FILE.toml draws it)\n"
    "  --report-state FILE      write what is shown (viewport, wording, selection, action bars) as key=value lines\n"
    "  --quiz-results FILE.csv  with --quiz: write the results (question, prompt, answer given, key,\n"
    "                           right, seconds) after every answer\n"
    "  --script FILE            then replay FILE, one command a line: click X Y (framebuffer pixels,\n"
    "                           as --report-state writes them), key NAME (escape, enter, space, tab,\n"
    "                           arrows left/right/up/down, pageup, pagedown, home, f, 1-6),\n"
    "                           wait-frames N, report FILE (the --report-state lines), screenshot\n"
    "                           FILE.png, quit; each waits for a still picture. '#' starts a comment\n"
    "  --quit                   then close the window (after the script, with --script)\n"
    "  --benchmark N            orbit for N frames with and without adaptive quality, then N still\n"
    "                           frames; print frame times and quit\n";

} // namespace

int runView(std::span<const std::string> argv) {
    Args args("view", argv);
    if (args.help(kHelp)) return kExitOk;
    doc::StartOptions start;
    start.select = args.option("--select");
    start.pose = args.option("--pose");
    start.view = args.option("--view");
    start.movement = args.option("--movement");
    start.at = args.option("--at");
    start.model = args.option("--model");
    start.colour = args.option("--colour");
    start.momentArm = args.option("--moment-arm");
    start.peel = args.option("--peel");
    start.wording = args.option("--wording");
    start.quiz = args.option("--quiz");
    start.profile = args.option("--profile");
    start.restrict = args.options("--restrict");
    start.gluteusMediusStrength = args.option("--gluteus-medius-strength");
    start.compare = args.flag("--compare");
    start.noFloor = args.flag("--no-floor");
    const auto size = args.option("--size");
    const auto textSize = args.option("--text-size");
    const bool noAdaptive = args.flag("--no-adaptive");
    const bool noPanels = args.flag("--no-panels");
    ui::ViewerOptions options;
    options.screenshot = args.option("--screenshot").value_or("");
    options.figure = args.option("--save-figure").value_or("");
    options.stateReport = args.option("--report-state").value_or("");
    options.quit = args.flag("--quit");
    options.quizResults = args.option("--quiz-results").value_or("");
    const auto script = args.option("--script");
    const auto bench = args.option("--benchmark");
    const std::string contentDir = contentDirectory(args);
    const std::vector<std::string> files = args.positionals();
    if (!args.finish()) return kExitUsage;
    if (files.size() > 1) {
        args.error("give at most one model file; got " + joinNames(files));
        return kExitUsage;
    }
    if (!files.empty()) {
        if (start.model) {
            args.error("give the model either as FILE or with --model, not both");
            return kExitUsage;
        }
        start.model = files[0];
    }
    if (size) {
        const auto s = draw::parseSize(*size);
        if (!s || s->x < 320 || s->y < 240) {
            args.error("--size \"" + *size + "\": expected WIDTHxHEIGHT in pixels, at least 320x240, e.g. 1600x900");
            return kExitUsage;
        }
        options.width = s->x, options.height = s->y;
    }
    if (textSize) {
        const auto f = parseNumber(*textSize);
        if (!f || *f < 0.75 || *f > 2.0) {
            args.error("--text-size \"" + *textSize + "\": expected a number from 0.75 to 2, e.g. 1.25");
            return kExitUsage;
        }
        options.textSize = static_cast<float>(*f);
    }
    if (bench) {
        const auto n = parseNumber(*bench);
        if (!n || *n < 1 || *n > 100000 || static_cast<int>(*n) != *n) {
            args.error("--benchmark \"" + *bench + "\": expected a whole number of frames from 1 to 100000");
            return kExitUsage;
        }
        options.benchmarkFrames = static_cast<int>(*n);
    }
    if (!options.quizResults.empty() && !start.quiz) {
        args.error("--quiz-results: needs --quiz FILE.toml");
        return kExitUsage;
    }
    if (script) {
        const doc::InputScript s = doc::readInputScript(*script, *script);
        if (!s.diagnostics.empty()) {
            for (const Diagnostic& d : s.diagnostics) args.error("--script: " + d.format());
            return kExitUsage;
        }
        options.script = s.commands;
    }
    options.quality.adaptive = !noAdaptive;
    options.panels = !noPanels;

    const auto content = loadContentOrPrint(contentDir);
    if (!content) return kExitFailure;
    auto movements = movement::loadMovements(movement::defaultMovementFile(*content), *content);
    for (const Diagnostic& d : movements.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    const movement::MovementLibrary* library = movements.library ? &*movements.library : nullptr;

    std::vector<std::string> errors;
    const auto state = doc::resolveStartState(*content, library, start, errors);
    if (!state) {
        for (const std::string& e : errors) args.error(e);
        return kExitUsage;
    }
    options.start = *state;
    options.dataDirectory = dataDirectory();
    return ui::runViewer(*content, library, options);
}

} // namespace hv::cli
