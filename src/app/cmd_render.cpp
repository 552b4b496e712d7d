// hipview render: figures for course material, rendered headlessly (EGL surfaceless, no window)
// through the same renderer as the viewer. One figure from the command line, or every figure of
// one or more scene files (anatomy_draw/figure_spec.hpp) in one process.
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/figure_options.hpp"
#include "app/figure_output.hpp"
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
    "  --fps N                  frames per second of the GIF or MP4 (1..60, default 30): the\n"
    "                           movement's duration gives the frame count, so it plays in real\n"
    "                           time (with --frames N instead: N frames, played in real time)\n"
    "  --highlight ID[,ID...]   muscles to highlight (ID, or ID_r / ID_l for one side); the\n"
    "                           other muscles are ghosted\n"
    "  --show LAYER[,LAYER...]  what to draw: bones, muscles, wraps, model, group ids, muscle ids\n"
    "                           (default bones and all muscles)\n"
    "  --labels                 callouts naming each highlighted muscle\n"
    "  --background VALUE       transparent or #RRGGBB (default #ffffff)\n"
    "  --scale N                supersampling: render N x the size and filter down (1..4)\n"
    "  --colour MODE            muscle colours: groups (default), stretch (longer or shorter than\n"
    "                           standing), role (the action about --role-coordinate at this pose)\n"
    "  --role-coordinate NAME   hip_flexion, hip_adduction or hip_rotation (default) for --colour role\n"
    "  --restrict NAME=MIN:MAX  with --movement: a restricted hip, degrees (e.g. hip_flexion_r=:25;\n"
    "                           repeat for more); the pelvis and low back take up the rest\n"
    "  --gluteus-medius-strength F  with --movement: fraction of normal strength, 0 to 1\n"
    "  --anatomy NAME=VALUE,... bone shape: anteversion (deg), neck_shaft (deg), pelvis_width (mm)\n"
    "  --side both|right|left   the side of the body drawn (default both)\n"
    "  --model FILE             draw this model (glTF, GLB, FBX, COLLADA, OBJ, STL, ...) instead\n"
    "                           of the default one (assets/hip.glb)\n"
    "  --save-scene FILE        also write the figure as a scene file (re-render it any time)\n"
    "  --samples N              multisample anti-aliasing samples (default 4; 1 = none)\n"
    "  --no-ao                  leave out ambient occlusion\n"
    "  --content DIR            the content folder\n";

// HIPVIEW_TIMING=1 prints where the time goes (for bench/ and for finding slow steps).
class PhaseTimer {
public:
    PhaseTimer() : m_on(std::getenv("HIPVIEW_TIMING") != nullptr), m_last(std::chrono::steady_clock::now()) {}
    void mark(const char* what) {
        if (!m_on) return;
        const auto now = std::chrono::steady_clock::now();
        std::fprintf(stderr, "timing: %-28s %8.1f ms\n", what, std::chrono::duration<double, std::milli>(now - m_last).count());
        m_last = now;
    }

private:
    bool m_on;
    std::chrono::steady_clock::time_point m_last;
};

PhaseTimer& timer() {
    static PhaseTimer t;
    return t;
}

// Everything loaded once per process: the movements, one document per model file (the same
// GL-free view state the window draws, so a figure shows what the window shows), the renderer.
class Session {
public:
    Session(const Content& content, std::string dataDir) : m_content(content), m_dataDir(std::move(dataDir)) {}

    const movement::MovementLibrary* movements(Diagnostics& out) {
        if (!m_movementsTried) {
            m_movementsTried = true;
            auto load = movement::loadMovements(movement::defaultMovementFile(m_content), m_content);
            for (auto& d : load.diagnostics) out.push_back(std::move(d));
            if (load.library) m_movements = std::move(*load.library);
        }
        return m_movements ? &*m_movements : nullptr;
    }

    // The document for a model file ("" = the default model, or stand-in bones without one);
    // null with the loader's messages when the file cannot be drawn.
    doc::Document* document(const std::string& modelPath, Diagnostics& out) {
        auto it = m_documents.find(modelPath);
        if (it != m_documents.end()) return it->second.get();
        Diagnostics ignored;
        auto d = std::make_unique<doc::Document>(m_content, movements(ignored), m_dataDir + "/assets/hip.glb");
        if (!modelPath.empty()) {
            Diagnostics load = d->openModel(modelPath);
            if (d->modelPath() != modelPath) {
                for (auto& x : load) out.push_back(std::move(x));
                return nullptr;
            }
            // What was left out or repaired; each already names the file.
            for (const Diagnostic& w : load) std::fprintf(stderr, "%s\n", w.format().c_str());
        }
        return m_documents.emplace(modelPath, std::move(d)).first->second.get();
    }

    render::FigureRenderer* renderer(std::string& error) {
        if (!m_renderer && !m_rendererTried) {
            m_rendererTried = true;
            m_renderer = render::FigureRenderer::createHeadless(m_rendererError);
        }
        error = m_rendererError;
        return m_renderer.get();
    }

private:
    const Content& m_content;
    std::string m_dataDir;
    bool m_movementsTried = false;
    std::optional<movement::MovementLibrary> m_movements;
    std::map<std::string, std::unique_ptr<doc::Document>> m_documents;
    std::unique_ptr<render::FigureRenderer> m_renderer;
    bool m_rendererTried = false;
    std::string m_rendererError;
};

struct Quality {
    int samples = 4;
    bool ambientOcclusion = true;
};

// One picture to render: its time in the movement (if any) and its file.
struct Frame {
    double time = 0.0;
    std::string output;
};

std::string frameName(const std::string& output, int index) {
    const std::filesystem::path p(output);
    char num[16];
    std::snprintf(num, sizeof num, "_%04d", index);
    const std::string ext = p.has_extension() ? p.extension().string() : ".png";
    return (p.parent_path() / (p.stem().string() + num + ext)).string();
}

std::string withExtension(const std::string& output, const char* ext) {
    std::filesystem::path p(output);
    p.replace_extension(ext);
    return p.string();
}

void printDiagnostics(const Diagnostics& d) {
    for (const Diagnostic& x : d) {
        // A figure from the command line: its fields are the options.
        if (x.file.empty() && !x.field.empty()) std::fprintf(stderr, "hipview render: --%s: %s\n", x.field.c_str(), x.message.c_str());
        else std::fprintf(stderr, "%s\n", x.format().c_str());
    }
}

// Renders one figure spec (one picture, or every frame of an animation). Returns the exit code.
int renderFigure(Session& session, const Content& content, const draw::FigureSpec& spec, const Quality& quality,
                 FigureWriter& writer) {
    const Model& model = content.model;
    Diagnostics diags = draw::validateFigure(spec, &content);
    // The movement, if any.
    const movement::Movement* mov = nullptr;
    if (!spec.movement.empty()) {
        const movement::MovementLibrary* lib = session.movements(diags);
        if (lib) {
            mov = lib->find(spec.movement);
            if (!mov) diags.push_back({spec.file, spec.line, 0, "movement", movement::unknownMovementMessage(*lib, spec.movement)});
        } else if (diags.empty()) {
            diags.push_back({spec.file, spec.line, 0, "movement", "the movements file could not be read"});
        }
    }
    if (!diags.empty()) {
        printDiagnostics(diags);
        return spec.file.empty() ? kExitUsage : kExitFailure;
    }
    if (spec.mp4 && !ffmpegAvailable()) {
        printDiagnostics({{spec.file, spec.line, 0, "mp4", "ffmpeg is not installed (apt-get install ffmpeg), so no MP4 can be written"}});
        return kExitFailure;
    }
    doc::Document* document = session.document(spec.model, diags);
    if (!document) {
        printDiagnostics(diags);
        return kExitFailure;
    }
    diags = doc::applyFigure(*document, spec);
    if (!diags.empty()) {
        printDiagnostics(diags);
        return kExitFailure;
    }

    // Frames, and the pose of each: the document's (its movement at the frame's time, with the
    // restricted hip and gluteus medius applied, or the spec's pose), with `pose` on top of a
    // movement's.
    std::string error;
    std::vector<PoseAssignment> assignments;
    if (!spec.pose.empty() && mov) assignments = *parsePose(model, spec.pose, error);
    std::vector<Frame> frames;
    const bool animated = mov && (spec.frames > 0 || spec.gif || spec.mp4);
    const AnimationTiming timing =
        animated ? animationTiming(mov->duration(), movement::MovementPlayer(model, *mov).loops(), spec.frames, spec.fps)
                 : AnimationTiming{};
    if (animated) {
        for (int i = 0; i < timing.frames; ++i) frames.push_back({timing.time(i), frameName(spec.output, i)});
    } else {
        frames.push_back({spec.at, spec.output});
    }
    const draw::DrawOptions opts = draw::figureDrawOptions(spec, content);
    const auto listAt = [&](const Frame& f) {
        if (mov) document->seek(f.time);
        std::vector<double> q(document->pose().begin(), document->pose().end());
        applyPose(assignments, q);
        return document->buildList(q, opts);
    };

    std::string rendererError;
    render::FigureRenderer* renderer = session.renderer(rendererError);
    timer().mark("renderer (EGL, shaders)");
    if (!renderer) {
        std::fprintf(stderr, "hipview render: cannot render without OpenGL: %s\n", rendererError.c_str());
        return kExitFailure;
    }
    render::FigureOptions fo;
    fo.width = spec.width;
    fo.height = spec.height;
    fo.scale = spec.scale;
    fo.background = *draw::parseBackground(spec.background);
    fo.labels = spec.labels;
    fo.samples = quality.samples;
    fo.ambientOcclusion = quality.ambientOcclusion;

    // One camera for every frame, so an animation does not jitter: it frames the union of the
    // frames' boxes (sampled).
    scene::Bounds bounds;
    std::optional<draw::DrawList> firstList; // a single picture draws the list it framed
    const std::size_t step = std::max<std::size_t>(1, frames.size() / 6);
    for (std::size_t i = 0; i < frames.size(); i += step) {
        draw::DrawList list = listAt(frames[i]);
        if (i == 0)
            if (auto empty = doc::emptyFigure(list, spec, *document)) {
                printDiagnostics({*empty});
                return kExitFailure;
            }
        bounds.add(gfx::focusBounds(list.items));
        if (frames.size() == 1) firstList = std::move(list);
    }
    if (frames.size() > 1) bounds.add(gfx::focusBounds(listAt(frames.back()).items));
    const gfx::Camera camera = draw::figureCamera(spec, bounds);

    std::unique_ptr<io::GifWriter> gif;
    if (animated && spec.gif) gif = std::make_unique<io::GifWriter>(spec.width, spec.height);
    std::vector<std::string> animationFrames;
    int code = kExitOk;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const Frame& f = frames[i];
        const int delayCs = animated ? timing.gifDelayCs(static_cast<int>(i)) : 10;
        const draw::DrawList list = firstList ? std::move(*firstList) : listAt(f);
        timer().mark("draw list");
        render::Figure fig = renderer->render(list.items, camera, fo, draw::figureCallouts(list, camera));
        timer().mark("render + read back");
        for (const std::string& w : fig.warnings) std::fprintf(stderr, "hipview render: %s: %s\n", f.output.c_str(), w.c_str());
        writer.writePng(f.output, std::move(fig.image), gif.get(), delayCs);
        timer().mark("queued for writing");
        animationFrames.push_back(f.output);
    }
    if (animated && (spec.gif || spec.mp4)) {
        if (!writer.finish()) return kExitFailure; // every frame written (and added to the GIF) first
        if (gif) {
            if (const auto d = gif->write(withExtension(spec.output, ".gif"))) {
                std::fprintf(stderr, "hipview render: %s\n", d->format().c_str());
                code = kExitFailure;
            }
        }
        if (spec.mp4 && !writeMp4(withExtension(spec.output, ".mp4"), animationFrames, timing.fps, error)) {
            std::fprintf(stderr, "hipview render: %s\n", error.c_str());
            code = kExitFailure;
        }
    }
    return code;
}

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

    Quality quality;
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
                                !other.roleCoordinate && !other.strength && !other.anatomy && !other.side &&
                                other.highlight.empty() && other.show.empty() && other.restrict.empty() && !other.gif &&
                                !other.mp4 && !other.labels;
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
        // Command-line mistakes are usage errors, reported with the option's name.
        Diagnostics d = draw::validateFigure(spec, &*content);
        if (!d.empty()) {
            for (const Diagnostic& x : d) args.error("--" + x.field + ": " + x.message);
            return kExitUsage;
        }
        specs.push_back(spec);
    } else if (lesson) {
        const movement::MovementLoad movements = movement::loadMovements(movement::defaultMovementFile(*content), *content);
        const doc::LessonLoad load = doc::loadLessonFile(sceneFiles[0], *content, movements.library ? &*movements.library : nullptr);
        if (!load.lesson) {
            printDiagnostics(load.diagnostics);
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
            printDiagnostics(all);
            return kExitFailure;
        }
    }
    if (saveScene) {
        if (const auto d = io::writeFileAtomic(*saveScene, draw::figureFileText(specs))) {
            std::fprintf(stderr, "hipview render: %s\n", d->format().c_str());
            return kExitFailure;
        }
    }

    Session session(*content, dataDirectory());
    FigureWriter writer;
    int code = kExitOk;
    for (const draw::FigureSpec& s : specs) {
        const int c = renderFigure(session, *content, s, quality, writer);
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
