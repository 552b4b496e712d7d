// hipview handout: a printable PDF for a client, from an exercise programme (app/programme.hpp):
// per exercise its name, the numbers (sets x repetitions, hold, side), figures at the movement's
// labelled key positions rendered headlessly through the figure renderer, the instructions and
// the muscles the movement lengthens most (movement/stretch_map.hpp). The page layout and the
// PDF are hv::print's (print/handout_pdf.hpp); the file is written atomically.
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/load_content.hpp"
#include "app/programme.hpp"

#include "anatomy_draw/figure_spec.hpp"
#include "document/document.hpp"
#include "document/figure_export.hpp"
#include "gfx/camera.hpp"
#include "io/atomic_file.hpp"
#include "movement/loader.hpp"
#include "movement/stretch_map.hpp"
#include "print/handout_pdf.hpp"
#include "render/figure_renderer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

namespace hv::cli {

namespace {

constexpr const char* kHelp =
    "usage: hipview handout PROGRAMME.toml -o FILE.pdf [options]\n\n"
    "Writes a printable handout for a client: for each exercise of the programme (a movement with\n"
    "sets, repetitions, hold, side and a note; format in content/README.md, an example in\n"
    "content/programmes/hip-routine.toml) its name, the numbers in large type, pictures at the\n"
    "movement's labelled key positions, the instructions and the muscles it lengthens most.\n"
    "Text is real text with its fonts embedded; the file is written atomically.\n\n"
    "  -o, --output FILE   the PDF to write\n"
    "  --paper a4|letter   the paper size (default: the programme's, else a4)\n"
    "  --dpi N             print resolution of the pictures, 72 to 600 (default 200)\n"
    "  --content DIR       the content folder\n";

constexpr int kDefaultDpi = 200;
constexpr std::size_t kTargetCount = 4;   // muscles listed per exercise
constexpr double kTargetMinPercent = 2.0; // lengthened less than this: not listed

// The one place that picks the text a client reads about a movement (the instructions): its
// plain-language text (`plain` in content/movements.toml), the explanation where it has none.
std::string instructionsFor(const movement::Movement& m) { return m.plain.empty() ? m.summary : m.plain; }

std::string formatNumber(double v) {
    char buf[32];
    if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string numbersLine(const ProgrammeExercise& e) {
    return std::to_string(e.sets) + (e.sets == 1 ? " set" : " sets") + " \u00d7 " + std::to_string(e.repetitions) +
           (e.repetitions == 1 ? " repetition" : " repetitions");
}

std::string detailsLine(const ProgrammeExercise& e) {
    std::string s;
    if (e.holdSeconds > 0.0) s = "Hold " + formatNumber(e.holdSeconds) + " s  \u00b7  ";
    switch (e.side) {
    case ExerciseSide::Both: s += "Both sides"; break;
    case ExerciseSide::Right: s += "Right side"; break;
    case ExerciseSide::Left: s += "Left side (pictured with the right: do the same on the left)"; break;
    }
    return s;
}

// The movement's labelled keys, less those whose pose repeats one already shown (a movement that
// ends where it started shows its start once); a movement without labels shows its first key.
std::vector<std::size_t> keyPositions(const movement::Movement& m) {
    std::vector<std::size_t> out;
    const std::size_t n = m.coordinates.size();
    for (std::size_t k = 0; k < m.keys.size(); ++k) {
        if (m.keys[k].label.empty()) continue;
        const bool repeats = std::any_of(out.begin(), out.end(), [&](std::size_t j) {
            for (std::size_t c = 0; c < n; ++c)
                if (std::fabs(m.value(k, c) - m.value(j, c)) > 1e-9) return false;
            return true;
        });
        if (!repeats) out.push_back(k);
    }
    if (out.empty() && !m.keys.empty()) out.push_back(0); // no labels: its first position
    return out;
}

void printDiagnostics(const Diagnostics& d) {
    for (const Diagnostic& x : d) std::fprintf(stderr, "hipview handout: %s\n", x.format().c_str());
}

// The muscles a movement lengthens most over its key positions: muscles named without their
// side (the larger of the two), with the largest change of length against standing.
std::vector<std::string> targetsFor(const Model& model, const std::vector<std::vector<double>>& poses) {
    movement::StretchMap map(model);
    std::map<std::string, double> best; // display name -> percent
    for (const auto& q : poses)
        for (int i = 0; i < static_cast<int>(model.muscles.size()); ++i) {
            const double pct = map.muscleChangePercent(i, q);
            auto [it, added] = best.emplace(model.muscles[i].displayName, pct);
            if (!added) it->second = std::max(it->second, pct);
        }
    std::vector<std::pair<std::string, double>> ranked(best.begin(), best.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> out;
    for (const auto& [name, pct] : ranked) {
        if (out.size() == kTargetCount || pct < kTargetMinPercent) break;
        out.push_back(name + ": " + formatNumber(std::round(pct)) + "% longer");
    }
    return out;
}

} // namespace

int runHandout(std::span<const std::string> argv) {
    Args args("handout", argv);
    if (args.help(kHelp)) return kExitOk;
    auto output = args.option("--output");
    if (auto o = args.option("-o")) output = o;
    const auto paperText = args.option("--paper");
    const auto dpiText = args.option("--dpi");
    const std::string contentDir = contentDirectory(args);
    const std::vector<std::string> files = args.positionals();
    if (!args.finish()) return kExitUsage;
    if (files.size() != 1) {
        args.error(files.empty() ? "give the programme file: hipview handout PROGRAMME.toml -o FILE.pdf"
                                 : "one programme file at a time, given: " + joinNames(files));
        return kExitUsage;
    }
    if (!output) {
        args.error("say where to write the handout: -o FILE.pdf; see hipview handout --help");
        return kExitUsage;
    }
    std::string ext = std::filesystem::path(*output).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".pdf") {
        args.error("-o \"" + *output + "\": the name must end in .pdf");
        return kExitUsage;
    }
    std::optional<print::Paper> paper;
    if (paperText && !(paper = print::paperFromName(*paperText))) {
        args.error("--paper \"" + *paperText + "\": expected one of " + joinNames(print::paperNames()));
        return kExitUsage;
    }
    int dpi = kDefaultDpi;
    if (dpiText) {
        char* end = nullptr;
        const long v = std::strtol(dpiText->c_str(), &end, 10);
        if (dpiText->empty() || *end != '\0' || v < 72 || v > 600) {
            args.error("--dpi \"" + *dpiText + "\": expected a whole number from 72 to 600");
            return kExitUsage;
        }
        dpi = static_cast<int>(v);
    }

    // A folder that is not there fails now, not after every picture is rendered (the atomic
    // write below reports every other reason the file cannot be written).
    const std::filesystem::path folder = std::filesystem::absolute(*output).parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        std::fprintf(stderr, "hipview handout: %s: cannot write the handout: the folder %s does not exist\n",
                     output->c_str(), folder.string().c_str());
        return kExitFailure;
    }

    const auto content = loadContentOrPrint(contentDir);
    if (!content) return kExitFailure;
    auto movements = movement::loadMovements(movement::defaultMovementFile(*content), *content);
    if (!movements.library) {
        printDiagnostics(movements.diagnostics);
        return kExitFailure;
    }
    const ProgrammeLoad load = loadProgramme(files.front(), *movements.library);
    if (!load.programme) {
        printDiagnostics(load.diagnostics);
        return kExitFailure;
    }
    const Programme& programme = *load.programme;

    print::Handout handout;
    handout.title = programme.title;
    handout.client = programme.client;
    handout.date = programme.date;
    handout.paper = paper ? *paper : programme.paper ? *print::paperFromName(*programme.paper) : print::Paper::A4;

    std::string rendererError;
    auto renderer = render::FigureRenderer::createHeadless(rendererError);
    if (!renderer) {
        std::fprintf(stderr, "hipview handout: cannot render the pictures without OpenGL: %s\n", rendererError.c_str());
        return kExitFailure;
    }
    doc::Document document(*content, &*movements.library, dataDirectory() + "/assets/hip.glb");

    for (const ProgrammeExercise& ex : programme.exercises) {
        const movement::Movement& mov = *movements.library->find(ex.movement);
        const std::vector<std::size_t> keys = keyPositions(mov);
        const print::PictureSlot slot = print::pictureSlot(handout.paper, std::max<int>(1, static_cast<int>(keys.size())));

        draw::FigureSpec spec;
        spec.movement = mov.id;
        // The programme's view, else the movement's own camera, else from the subject's right.
        spec.view = ex.view.empty() ? "lateral-right" : ex.view;
        spec.viewGiven = !ex.view.empty();
        spec.framedFrom = mov.camera;
        spec.width = static_cast<int>(std::ceil(slot.width / 72.0 * dpi));
        spec.height = static_cast<int>(std::ceil(slot.height / 72.0 * dpi));
        spec.file = programme.file;
        spec.line = ex.line;
        Diagnostics diags = doc::applyFigure(document, spec);
        if (!diags.empty()) {
            printDiagnostics(diags);
            return kExitFailure;
        }
        const draw::DrawOptions opts = draw::figureDrawOptions(spec, *content);

        // Every key position, then one camera framing them all, so the pictures share one scale.
        std::vector<std::vector<double>> poses;
        std::vector<draw::DrawList> lists;
        scene::Bounds bounds;
        for (std::size_t k : keys) {
            document.seek(mov.keys[k].time);
            poses.emplace_back(document.pose().begin(), document.pose().end());
            lists.push_back(document.buildList(poses.back(), opts));
            bounds.add(gfx::wholeBodyBounds(lists.back().items)); // the feet too
        }
        const gfx::Camera camera = draw::figureCamera(spec, bounds);
        render::FigureOptions fo;
        fo.width = spec.width;
        fo.height = spec.height;

        print::Exercise out;
        out.name = mov.title;
        out.numbers = numbersLine(ex);
        out.details = detailsLine(ex);
        out.instructions = instructionsFor(mov);
        out.note = ex.note;
        out.targets = targetsFor(document.model(), poses);
        for (std::size_t i = 0; i < keys.size(); ++i) {
            render::Figure fig = renderer->render(lists[i].items, camera, fo);
            print::Picture pic;
            pic.width = fig.image.width;
            pic.height = fig.image.height;
            pic.rgba = std::move(fig.image.rgba);
            const std::string& label = mov.keys[keys[i]].label;
            pic.caption = std::to_string(i + 1) + ". " + (label.empty() ? mov.title : label);
            out.pictures.push_back(std::move(pic));
        }
        handout.exercises.push_back(std::move(out));
    }

    const print::PdfResult pdf = print::writeHandoutPdf(handout);
    if (pdf.bytes.empty()) {
        std::fprintf(stderr, "hipview handout: %s: %s\n", output->c_str(), pdf.error.c_str());
        return kExitFailure;
    }
    if (const auto d = io::writeFileAtomic(*output, pdf.bytes)) {
        std::fprintf(stderr, "hipview handout: %s\n", d->format().c_str());
        return kExitFailure;
    }
    std::printf("%s: %d page%s, %zu exercise%s\n", output->c_str(), pdf.pages, pdf.pages == 1 ? "" : "s",
                handout.exercises.size(), handout.exercises.size() == 1 ? "" : "s");
    return kExitOk;
}

} // namespace hv::cli
