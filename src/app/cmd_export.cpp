// hipview export: the figure as an animated 3D scene for slides and web pages. A GLB (glTF 2.0
// binary: bones and muscles as meshes named by content id, with the movement's animation over
// its whole duration; see scene_export.hpp for how things move), or a single-file HTML lesson
// page holding that GLB and a three.js viewer (html_export.hpp); the output's extension decides.
// Takes the figure options of `hipview render`.
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/figure_options.hpp"
#include "app/html_export.hpp"
#include "app/load_content.hpp"
#include "app/scene_export.hpp"

#include "anatomy_draw/figure_spec.hpp"
#include "core/pose_text.hpp"
#include "document/document.hpp"
#include "document/figure_export.hpp"
#include "io/atomic_file.hpp"
#include "io/glb_writer.hpp"
#include "movement/loader.hpp"
#include "movement/movement.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#ifndef HV_VERSION
#define HV_VERSION "unknown"
#endif

namespace hv::cli {

namespace {

constexpr const char* kHelp =
    "usage: hipview export -o FILE.glb|FILE.html [figure options]\n\n"
    "Exports the figure as 3D: bones and muscles as meshes named by their content ids\n"
    "(piriformis_r, gluteus_medius_r_anterior, femur_r), materials in the colour mode's colours,\n"
    "and with --movement the movement's animation over its whole duration (bones move rigidly,\n"
    "muscles change shape along their paths through morph targets). The file goes into\n"
    "PowerPoint, Keynote, Blender, three.js or <model-viewer>.\n"
    "With -o FILE.html: one lesson page holding that scene and a viewer (three.js r111 from\n"
    "Debian's libjs-three, inlined; $HIPVIEW_THREE_DIR overrides /usr/share/javascript/three):\n"
    "it opens from a file with no network, fills its container (an iframe), starts from the\n"
    "figure's camera (--view or --camera, framed for --size), orbits and zooms, plays, pauses\n"
    "and scrubs the movement, and a click on a muscle shows its name, its summary and its hip\n"
    "actions at that moment. A URL hash #t=SECONDS&paused&select=NODE&bare sets the start\n"
    "(bare: the figure without the title, legend and controls).\n\n"
    "  -o, --output FILE        the .glb or .html to write (atomically)\n"
    "  --movement ID            animate this movement (content/movements.toml), or\n"
    "  --pose NAME=VALUE,...    a still pose: coordinates in degrees (metres for translations)\n"
    "  --at SECONDS             with --movement: the time whose colours the materials take\n"
    "                           (default: the end of the movement)\n"
    "  --frames N               evenly spaced keyframes over the movement (default: the movement's\n"
    "                           keys, and between keys that differ at most 1 s apart, 16 at most)\n"
    "  --highlight ID[,ID...]   muscles to highlight; the others are ghosted (translucent)\n"
    "  --show LAYER[,LAYER...]  bones (or ghosted-bones), muscles, wraps, group ids, muscle ids\n"
    "  --colour MODE            groups (default), stretch or role (with --role-coordinate NAME)\n"
    "  --restrict NAME=MIN:MAX  with --movement: a restricted hip (deg); repeat for more\n"
    "  --gluteus-medius-strength F  with --movement: fraction of normal strength, 0 to 1, both sides,\n"
    "                           or per side (left=0.4, right=1,left=0.4)\n"
    "  --profile FILE.toml      with --movement: a client profile's hip ranges and strengths\n"
    "                           (content/profiles/*.toml), under any --restrict given\n"    "  --anatomy NAME=VALUE,... bone shape: anteversion (deg), neck_shaft (deg), pelvis_width (mm)\n"
    "  --side both|right|left   the side of the body exported (default both)\n"

    "  --content DIR            the content folder\n";

void printDiagnostics(const Diagnostics& d) {
    for (const Diagnostic& x : d) {
        if (x.file.empty() && !x.field.empty()) std::fprintf(stderr, "hipview export: --%s: %s\n", x.field.c_str(), x.message.c_str());
        else std::fprintf(stderr, "hipview export: %s\n", x.format().c_str());
    }
}

// A short fingerprint of the content files (FNV-1a over their names and bytes, every .toml in the
// folder and its subfolders), so a file says which content it came from.
std::string contentFingerprint(const Content& content) {
    std::uint64_t h = 1469598103934665603ull;
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& e : std::filesystem::recursive_directory_iterator(content.directory, ec))
        if (e.is_regular_file() && e.path().extension() == ".toml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        for (const char ch : std::filesystem::relative(f, content.directory).generic_string())
            h = (h ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
        std::ifstream in(f, std::ios::binary);
        for (std::istreambuf_iterator<char> it(in), end; it != end; ++it) h = (h ^ static_cast<unsigned char>(*it)) * 1099511628211ull;
    }
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

} // namespace

int runExport(std::span<const std::string> argv) {
    Args args("export", argv);
    if (args.help(kHelp)) return kExitOk;
    const FigureOptionText figure = readFigureOptions(args);
    const std::string contentDir = contentDirectory(args);
    const std::vector<std::string> extra = args.positionals();
    if (!args.finish()) return kExitUsage;
    if (!extra.empty()) {
        args.error("unexpected argument \"" + extra.front() + "\"; the figure comes from options (see hipview export --help)");
        return kExitUsage;
    }
    if (!figure.output) {
        args.error("say where to write the export: -o FILE.glb or -o FILE.html; see hipview export --help");
        return kExitUsage;
    }
    std::string ext = std::filesystem::path(*figure.output).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool html = ext == ".html" || ext == ".htm";
    if (ext != ".glb" && !html) {
        args.error("-o \"" + *figure.output + "\": the name must end in .glb (a glTF binary) or .html (a lesson page)");
        return kExitUsage;
    }
    for (const auto& [given, name] : {std::pair{figure.gif, "--gif"}, {figure.mp4, "--mp4"}, {figure.labels, "--labels"},
                                 {figure.compare, "--compare"}})
        if (given) {
            args.error(std::string(name) + " is not an export option (it belongs to hipview render)");
            return kExitUsage;
        }
    draw::FigureSpec spec;
    if (!figureSpecFromOptions(figure, args, spec)) return kExitUsage;
    const int keyframesAsked = spec.frames;
    spec.frames = 0; // keyframes are this command's business, not an animation of PNGs

    ThreeSources three;
    if (html)
        if (const auto missing = loadThreeSources(threeDirectory(), three)) {
            std::fprintf(stderr, "hipview export: %s\n", missing->format().c_str());
            return kExitFailure;
        }

    const auto content = loadContentOrPrint(contentDir);
    if (!content) return kExitFailure;
    if (!applyProfileOption(figure, content->model, spec)) return kExitFailure;
    Diagnostics diags = draw::validateFigure(spec, &*content);
    if (keyframesAsked != 0 && (keyframesAsked < 2 || keyframesAsked > 200))
        diags.push_back({"", 0, 0, "frames", "expected a whole number of keyframes from 2 to 200"});
    auto load = movement::loadMovements(movement::defaultMovementFile(*content), *content);
    const movement::Movement* mov = nullptr;
    if (!spec.movement.empty()) {
        if (!load.library) {
            for (auto& d : load.diagnostics) diags.push_back(std::move(d));
            if (load.diagnostics.empty()) diags.push_back({"", 0, 0, "movement", "the movements file could not be read"});
        } else if (!(mov = load.library->find(spec.movement))) {
            diags.push_back({"", 0, 0, "movement", movement::unknownMovementMessage(*load.library, spec.movement)});
        }
    }
    if (!diags.empty()) {
        printDiagnostics(diags);
        return kExitUsage;
    }

    doc::Document document(*content, load.library ? &*load.library : nullptr, dataDirectory() + "/assets/hip.glb");
    if (!spec.model.empty()) {
        Diagnostics ml = document.openModel(spec.model);
        if (document.modelPath() != spec.model) {
            printDiagnostics(ml);
            return kExitFailure;
        }
    }
    diags = doc::applyFigure(document, spec);
    if (!diags.empty()) {
        printDiagnostics(diags);
        return kExitFailure;
    }

    // Keyframe times: the movement's whole duration.
    std::vector<double> times{mov ? 0.0 : spec.at};
    if (mov && mov->duration() > 0.0) {
        times = exportKeyTimes(*mov);
        if (keyframesAsked > 0) {
            times.clear();
            for (int i = 0; i < keyframesAsked; ++i) times.push_back(mov->duration() * i / (keyframesAsked - 1));
        }
    }
    std::string error;
    std::vector<PoseAssignment> assignments;
    if (!spec.pose.empty() && mov) assignments = *parsePose(content->model, spec.pose, error);
    draw::DrawOptions opts = draw::figureDrawOptions(spec, *content);
    // An exported scene holds the body and its props; the floor is the viewer's (it fades out in
    // a shader, which a glTF file cannot carry), and the body outline is left out (a page's
    // raycast would take it for the surface in front), so neither is in the lists the page is
    // framed from either.
    opts.layers.floor = false;
    opts.layers.outline = false;
    opts.solid = exportSolidParams();
    std::vector<draw::DrawList> lists;
    std::vector<std::vector<double>> poses;
    for (double t : times) {
        if (mov) document.seek(t);
        std::vector<double> q(document.pose().begin(), document.pose().end());
        applyPose(assignments, q);
        lists.push_back(document.buildList(q, opts));
        poses.push_back(std::move(q));
    }
    if (auto empty = doc::emptyFigure(lists.front(), spec, document)) {
        printDiagnostics({*empty});
        return kExitFailure;
    }
    std::size_t colourFrame = lists.size() - 1;
    if (mov && figure.at) {
        const auto nearest = std::min_element(times.begin(), times.end(), [&](double a, double b) { return std::abs(a - spec.at) < std::abs(b - spec.at); });
        colourFrame = static_cast<std::size_t>(nearest - times.begin());
    }
    ExportedScene exported = buildExportScene(*content, lists, times, spec.movement, colourFrame);
    for (const std::string& w : exported.warnings) std::fprintf(stderr, "hipview export: %s\n", w.c_str());
    exported.extras.asset = {{"content", content->directory.filename().string() + " " + contentFingerprint(*content)},
                             {"hipview", HV_VERSION},
                             {"movement", spec.movement},
                             {"duration_s", mov ? std::to_string(mov->duration()) : "0"},
                             {"colour", spec.colour},
                             {"scene_frame", "glTF: Y up, +Z the subject's front, metres"}};
    const std::vector<std::uint8_t> glb = io::writeGlb(exported.scene, std::string("HipView ") + HV_VERSION + " " + std::string(scene::kExportGeneratorMark), exported.extras);

    std::optional<Diagnostic> written;
    if (html) {
        const LessonPage page = lessonPage(document, spec, mov, lists, poses, times, exported, glb);
        written = io::writeFileAtomic(spec.output, std::string_view(lessonHtml(page, three)));
    } else {
        written = io::writeFileAtomic(spec.output, std::span<const std::uint8_t>(glb));
    }
    if (written) {
        std::fprintf(stderr, "hipview export: %s\n", written->format().c_str());
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace hv::cli
