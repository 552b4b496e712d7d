// hipview render: figures for course material, rendered headlessly (EGL surfaceless, no window)
// through the same renderer as the viewer. One figure from the command line, or every figure of
// one or more scene files (anatomy_draw/figure_spec.hpp) in one process.
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/figure_options.hpp"
#include "app/figure_output.hpp"
#include "app/figure_render.hpp"
#include "app/load_content.hpp"

#include "anatomy_draw/anatomy_drawer.hpp"
#include "anatomy_draw/callout_planner.hpp"
#include "anatomy_draw/figure_spec.hpp"
#include "document/document.hpp"
#include "document/figure_export.hpp"
#include "document/lesson.hpp"
#include "core/pose_text.hpp"
#include "gfx/camera.hpp"
#include "io/atomic_file.hpp"
#include "io/gif_writer.hpp"
#include "io/model_loader.hpp"
#include "movement/loader.hpp"
#include "movement/player.hpp"
#include "render/figure_renderer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace hv::cli {

namespace {

constexpr const char* kHelp =
    "usage: hipview render -o FILE.png [options]\n"
    "       hipview render SCENE.toml [SCENE.toml ...] [--content DIR]\n"
    "       hipview render LESSON.toml -o DIR | -o PATTERN [--content DIR]\n\n"
    "Renders a figure headlessly (no display needed) through the viewer's renderer: bones and\n"
    "muscles at a pose, optionally with muscles highlighted (the rest ghosted) and labelled.\n"
    "A scene file describes one or many figures (see docs in src/anatomy_draw/figure_spec.hpp);\n"
    "all of them are rendered in one process. A lesson (`hipview present`'s file; content/README.md)\n"
    "gives one figure per step, the slides' pictures: -o DIR writes DIR/LESSON_step01.png, ...;\n"
    "-o PATTERN with {step} in it writes PATTERN with {step} replaced by 01, 02, ...\n"
    "Files are written atomically.\n\n"
    "  -o, --output FILE        the PNG to write (with --frames: FILE's stem + _0000.png, ...)\n"
    "  --size WxH               image size in pixels (default 1920x1080)\n"
    "  --view NAME              anterior, posterior, lateral-left, lateral-right, medial-left,\n"
    "                           medial-right, superior, inferior (default anterior)\n"
    "  --camera AZ,EL,DIST      orbit camera instead: azimuth (0 front, 90 the subject's right),\n"
    "                           elevation (deg, + from above), distance (m) from the figure's centre\n"
    "  --pose NAME=VALUE,...    coordinates in degrees (metres for translations); a name without\n"
    "                           _r/_l sets both sides\n"
    "  --movement ID            take the pose from a movement (content/movements.toml) ...\n"
    "  --at SECONDS             ... at this time (default 0), or\n"
    "  --frames N               ... as N frames over the whole movement (numbered PNGs)\n"
    "  --gif                    with --movement: also an animated GIF (FILE's stem + .gif)\n"
    "  --mp4                    with --movement: also an H.264 MP4 (yuv420p; needs ffmpeg)\n"
    "  --compare                with --movement and --restrict, --gluteus-medius-strength or --profile:\n"
    "                           each picture as two halves side by side and in step, normal hips on\n"
    "                           the left, each labelled with its low-back share (or, standing on one\n"
    "                           leg with a weak gluteus medius, its pelvic drop) written large\n"
    "  --fps N                  frames per second of the GIF or MP4 (1..60, default 30): the\n"
    "                           movement's duration gives the frame count, so it plays in real\n"
    "                           time (with --frames N instead: N frames, played in real time)\n"
    "  --highlight ID[,ID...]   muscles to highlight (ID, or ID_r / ID_l for one side); the\n"
    "                           other muscles are ghosted\n"
    "  --show LAYER[,LAYER...]  what to draw: bones (or ghosted-bones, an x-ray), muscles, wraps,\n"
    "                           model, outline (the ghosted body outline), group ids, muscle ids,\n"
    "                           floor (the floor and its contact shadow; on by default with --movement)\n"
    "                           (default bones and all muscles, and the outline and the floor with\n"
    "                           --movement; --show outline or floor alone adds it to the default)\n"
    "  --no-floor               no floor, also with --movement\n"
    "  --labels                 callouts naming each highlighted muscle\n"
    "  --attachments            paint the highlighted muscles' origins (vermilion) and insertions\n"
    "                           (blue) on the bones; with nothing highlighted (e.g. --show bones),\n"
    "                           every muscle's: the attachment view\n"
    "  --peel N                 ghost the muscle layers 1 to N (0..4): 1 peels gluteus maximus and the\n"
    "                           other superficial muscles, 2 medius too, 3 minimus and the deep rotators\n"
    "  --background VALUE       transparent or #RRGGBB (default #ffffff)\n"
    "  --scale N                supersampling: render N x the size and filter down (1..4)\n"
    "  --colour MODE            muscle colours: groups (default), stretch (longer or shorter than\n"
    "                           standing), role (the action about --role-coordinate at this pose),\n"
    "                           pelvis (tips the pelvis forward or back with the thighs and the trunk\n"
    "                           held still: hipview report --pelvis)\n"
    "  --role-coordinate NAME   hip_flexion, hip_adduction or hip_rotation (default) for --colour role\n"
    "  --moment-arm NAME        draw the first highlighted muscle's moment arm about this hip\n"
    "                           coordinate (hip_flexion, hip_adduction, hip_rotation) or, for a trunk\n"
    "                           muscle, lumbar motion at its strongest level (lumbar_flexion,\n"
    "                           lumbar_bending, lumbar_rotation): the joint's axis, the line of action,\n"
    "                           the perpendicular with its length, the turning arrow; the bones are\n"
    "                           drawn see-through\n"
    "  --restrict NAME=MIN:MAX  with --movement: a restricted hip, degrees (e.g. hip_flexion_r=:25;\n"
    "                           repeat for more); the pelvis and low back take up the rest\n"
    "  --gluteus-medius-strength F  with --movement: fraction of normal strength, 0 to 1, both sides,\n"
    "                           or per side (left=0.4, right=1,left=0.4)\n"
    "  --profile FILE.toml      with --movement: a client profile's hip ranges and strengths\n"
    "                           (content/profiles/*.toml), under any --restrict given\n"    "  --anatomy NAME=VALUE,... bone shape: anteversion (deg), neck_shaft (deg), pelvis_width (mm)\n"
    "  --side both|right|left   the side of the body drawn (default both)\n"
    "  --model FILE             draw this model (glTF, GLB, FBX, COLLADA, OBJ, STL, ...) instead\n"
    "                           of the default one (assets/hip.glb)\n"
    "  --save-scene FILE        also write the figure as a scene file (re-render it any time)\n"
    "  --samples N              multisample anti-aliasing samples (default 4; 1 = none)\n"
    "  --no-ao                  leave out ambient occlusion\n"
    "  --content DIR            the content folder\n";

} // namespace

int runRender(std::span<const std::string> argv) {
    Args args("render", argv);
    if (args.help(kHelp)) return kExitOk;
    draw::FigureSpec spec;
    const FigureOptionText figure = readFigureOptions(args);
    const auto& model = figure.model;
    const auto saveScene = args.option("--save-scene");
    const auto samples = args.option("--samples");
    const bool noAo = args.flag("--no-ao");
    const std::string contentDir = contentDirectory(args);
    const std::vector<std::string> sceneFiles = args.positionals();
    if (!args.finish()) return kExitUsage;

    RenderQuality quality;
    quality.ambientOcclusion = !noAo;
    if (samples) {
        const auto n = parseNumber(*samples);
        if (!n || *n < 1 || *n > 16 || static_cast<int>(*n) != *n) {
            args.error("--samples \"" + *samples + "\": expected a whole number from 1 to 16");
            return kExitUsage;
        }
        quality.samples = static_cast<int>(*n);
    }

    // A lesson: one figure per step, named from -o.
    const bool lesson = sceneFiles.size() == 1 && doc::isLessonFile(sceneFiles[0]);
    for (const std::string& f : sceneFiles)
        if (!lesson && doc::isLessonFile(f)) {
            args.error(f + " is a lesson: render it on its own, hipview render " + f + " -o DIR");
            return kExitUsage;
        }
    if (lesson) {
        FigureOptionText other = figure;
        const bool onlyOutput = !other.size && !other.view && !other.camera && !other.pose && !other.movement && !other.at &&
                                !other.frames && !other.fps && !other.background && !other.scale && !other.colour &&
                                !other.roleCoordinate && !other.momentArm && !other.peel && !other.strength && !other.anatomy && !other.side &&
                                other.highlight.empty() && other.show.empty() && other.restrict.empty() && !other.gif && !other.attachments &&
                                !other.mp4 && !other.labels && !other.compare;
        if (!onlyOutput) {
            args.error("a lesson says each step's figure itself; give only -o DIR (or -o PATTERN with {step}) and --model");
            return kExitUsage;
        }
        if (!figure.output || figure.output->empty()) {
            args.error("say where to write the steps' figures: -o DIR, or -o PATTERN with {step} in it (e.g. slides/step_{step}.png)");
            return kExitUsage;
        }
    }
    if (!sceneFiles.empty() && figure.any && !lesson) {
        args.error("figure options (-o, --view, --pose, ...) go either on the command line or in a scene file, "
                   "not both; scene files: " + joinNames(sceneFiles));
        return kExitUsage;
    }
    if (sceneFiles.empty()) {
        if (!figure.output) {
            args.error("say where to write the figure: -o FILE.png (or give a scene file); see hipview render --help");
            return kExitUsage;
        }
        if (!figureSpecFromOptions(figure, args, spec)) return kExitUsage;
    }

    timer().mark("start");
    const auto content = loadContentOrPrint(contentDir);
    if (!content) return kExitFailure;
    timer().mark("content");

    std::vector<draw::FigureSpec> specs;
    if (sceneFiles.empty()) {
        if (!applyProfileOption(figure, content->model, spec)) return kExitFailure;
        // Command-line mistakes are usage errors, reported with the option's name.
        Diagnostics d = draw::validateFigure(spec, &*content);
        if (!d.empty()) {
            for (const Diagnostic& x : d) args.error("--" + x.field + ": " + x.message);
            return kExitUsage;
        }
        // A stretch drawn in the stretch colours with nothing highlighted shows its targets
        // (doc::Document::targetHighlight); on the command line they carry their callouts, since
        // the number is the point of that picture. A scene file says `labels` itself.
        if (spec.highlight.empty() && spec.colour == "stretch" && !spec.movement.empty()) {
            const movement::MovementLoad movements = movement::loadMovements(movement::defaultMovementFile(*content), *content);
            const movement::Movement* m = movements.library ? movements.library->find(spec.movement) : nullptr;
            if (m && !m->targets.empty()) spec.labels = true;
        }
        // So with a weak gluteus medius: the pelvic drop's callout states the angle.
        if (spec.gluteusMediusStrength.weak() && !spec.movement.empty()) spec.labels = true;
        specs.push_back(spec);
    } else if (lesson) {
        const movement::MovementLoad movements = movement::loadMovements(movement::defaultMovementFile(*content), *content);
        const doc::LessonLoad load = doc::loadLessonFile(sceneFiles[0], *content, movements.library ? &*movements.library : nullptr);
        if (!load.lesson) {
            printFigureDiagnostics(load.diagnostics);
            return kExitFailure;
        }
        const std::string& out = *figure.output;
        const bool pattern = out.find("{step}") != std::string::npos;
        if (!pattern) {
            std::error_code ec;
            std::filesystem::create_directories(out, ec);
            if (!std::filesystem::is_directory(out, ec)) {
                std::fprintf(stderr, "hipview render: %s: the folder for the steps' figures cannot be made\n", out.c_str());
                return kExitFailure;
            }
        }
        const std::string stem = std::filesystem::path(sceneFiles[0]).stem().string();
        for (std::size_t i = 0; i < load.lesson->steps.size(); ++i) {
            char number[24];
            std::snprintf(number, sizeof number, "%02zu", i + 1);
            draw::FigureSpec s = load.lesson->steps[i].figure;
            if (pattern) {
                s.output = out;
                for (std::size_t at; (at = s.output.find("{step}")) != std::string::npos;) s.output.replace(at, 6, number);
            } else {
                s.output = (std::filesystem::path(out) / (stem + "_step" + number + ".png")).string();
            }
            if (model && s.model.empty()) s.model = *model;
            specs.push_back(std::move(s));
        }
    } else {
        Diagnostics all;
        for (const std::string& f : sceneFiles) {
            draw::FigureFileLoad load = draw::loadFigureFile(f, &*content);
            for (auto& d : load.diagnostics) all.push_back(std::move(d));
            if (load.figures)
                for (auto& s : *load.figures) {
                    if (model && s.model.empty()) s.model = *model;
                    specs.push_back(std::move(s));
                }
        }
        if (!all.empty()) {
            printFigureDiagnostics(all);
            return kExitFailure;
        }
    }
    if (saveScene) {
        if (const auto d = io::writeFileAtomic(*saveScene, draw::figureFileText(specs))) {
            std::fprintf(stderr, "hipview render: %s\n", d->format().c_str());
            return kExitFailure;
        }
    }

    FigureSession session(*content, dataDirectory());
    FigureWriter writer;
    int code = kExitOk;
    for (const draw::FigureSpec& s : specs) {
        const int c = renderFigure(session, *content, s, quality, &writer);
        if (c != kExitOk) {
            code = c;
            if (sceneFiles.empty()) break;
        }
    }
    if (!writer.finish()) code = kExitFailure;
    timer().mark("files written");
    return code;
}

} // namespace hv::cli
