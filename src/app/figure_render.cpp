#include "app/figure_render.hpp"

#include "app/cli.hpp"

#include "anatomy_draw/callout_planner.hpp"
#include "core/pose_text.hpp"
#include "document/figure_export.hpp"
#include "gfx/camera.hpp"
#include "io/gif_writer.hpp"
#include "document/compare.hpp"
#include "movement/player.hpp"

#include <algorithm>
#include <cmath>
#include <cassert>
#include <cstdio>
#include <filesystem>

namespace hv::cli {

PhaseTimer& timer() {
    static PhaseTimer t;
    return t;
}

namespace {

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

// Compare mode: the figure framed into the part of each half below its caption (the caption's
// height estimated from the label font's size: LabelOverlay::drawCaptions's layout, the number
// line at twice the size wrapped at the half's width): the camera backs off so the framed box
// fills (1 - f) of the height, and the picture's centre moves up by f / 2 of it.
gfx::Camera belowCaptions(gfx::Camera c, int height, int halfWidth) {
    const float h = static_cast<float>(height);
    const float font = std::clamp(std::round(h * 0.024f), 11.0f, 400.0f), pad = std::round(font * 0.4f);
    const float top = std::max(8.0f, std::round(h * 0.015f));
    const float numberWidth = 0.68f * 2.0f * font * 28.0f; // "Low back: 66 % of the bend", bold
    const float lines = std::ceil(numberWidth / std::max(1.0f, static_cast<float>(halfWidth) - 2.0f * top - 2.0f * pad));
    const float f = std::clamp((top + 1.2f * font + lines * 2.4f * font + 2.5f * pad + pad) / h, 0.0f, 0.6f);
    const glm::vec3 dir = glm::normalize(c.target - c.eye);
    const glm::vec3 up = glm::normalize(c.up - glm::dot(c.up, dir) * dir);
    const float distance = glm::length(c.target - c.eye) / (1.0f - f);
    const float halfTan = std::tan(glm::radians(c.fovYDegrees) * 0.5f);
    c.target += up * (f * halfTan * distance);
    c.eye = c.target - dir * distance;
    c.farZ += distance * f / (1.0f - f) + 0.1f;
    return c;
}

// Compare mode's picture of one instant: the normal side (left, `leftWidth` pixels) and the
// compared side (right, fo.width pixels) rendered with one camera, each with its callouts and its
// caption (label, and the number written large), put side by side.
render::Figure renderCompareFrame(render::FigureRenderer& renderer, const doc::Document& document, const draw::DrawList& compared,
                                  const draw::DrawList& normal, const gfx::Camera& camera, render::FigureOptions fo, int leftWidth) {
    const std::optional<doc::CompareNumbers> numbers = document.compareNumbers();
    assert(numbers);
    const float pad = std::max(8.0f, std::round(static_cast<float>(fo.height) * 0.015f));
    const auto caption = [&](const std::string& title, const doc::CompareValue& v, glm::vec3 accent, int width) {
        render::LabelOverlay::Caption c;
        c.title = title;
        c.number = v.text;
        c.accent = accent;
        c.topLeft = glm::vec2(pad);
        c.maxWidth = static_cast<float>(width) - 2.0f * pad;
        return c;
    };
    const int rightWidth = fo.width;
    fo.captions = {caption(document.comparedSideLabel(), numbers->compared, glm::vec3(0.40f, 0.02f, 0.15f), rightWidth)};
    render::Figure right = renderer.render(compared.items, camera, fo, draw::figureCallouts(compared, camera));
    fo.width = leftWidth;
    fo.captions = {caption(doc::kNormalLabel, numbers->normal, glm::vec3(0.02f, 0.16f, 0.06f), leftWidth)};
    render::Figure left = renderer.render(normal.items, camera, fo, draw::figureCallouts(normal, camera));
    render::Figure out;
    out.image.width = leftWidth + rightWidth;
    out.image.height = fo.height;
    out.image.rgba.assign(static_cast<std::size_t>(out.image.width) * static_cast<std::size_t>(out.image.height) * 4, 0);
    for (int y = 0; y < fo.height; ++y) {
        const auto row = [&](const scene::Image& im, int x0) {
            std::copy_n(im.rgba.begin() + static_cast<std::ptrdiff_t>(y) * im.width * 4, static_cast<std::size_t>(im.width) * 4,
                        out.image.rgba.begin() + (static_cast<std::ptrdiff_t>(y) * out.image.width + x0) * 4);
        };
        row(left.image, 0);
        row(right.image, leftWidth);
        // The seam: one column in a warm grey at the left half's last pixel.
        std::uint8_t* seam = &out.image.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(out.image.width) +
                                              static_cast<std::size_t>(leftWidth - 1)) * 4];
        seam[0] = 150, seam[1] = 145, seam[2] = 138, seam[3] = 255;
    }
    for (auto* f : {&left, &right}) out.warnings.insert(out.warnings.end(), f->warnings.begin(), f->warnings.end());
    for (render::Figure::PlacedLabel l : left.labels) out.labels.push_back(l);
    for (render::Figure::PlacedLabel l : right.labels) {
        const glm::vec2 shift(static_cast<float>(leftWidth), 0.0f);
        l.anchor += shift, l.boxMin += shift, l.boxMax += shift;
        out.labels.push_back(l);
    }
    return out;
}

} // namespace

void printFigureDiagnostics(const Diagnostics& d) {
    for (const Diagnostic& x : d) {
        // A figure from the command line: its fields are the options.
        if (x.file.empty() && !x.field.empty()) std::fprintf(stderr, "hipview render: --%s: %s\n", x.field.c_str(), x.message.c_str());
        else std::fprintf(stderr, "%s\n", x.format().c_str());
    }
}

int renderFigure(FigureSession& session, const Content& content, const draw::FigureSpec& spec, const RenderQuality& quality,
                 FigureWriter* writer, render::Figure* still) {
    assert((writer != nullptr) != (still != nullptr));
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
        printFigureDiagnostics(diags);
        return spec.file.empty() ? kExitUsage : kExitFailure;
    }
    if (spec.mp4 && !ffmpegAvailable()) {
        printFigureDiagnostics({{spec.file, spec.line, 0, "mp4", "ffmpeg is not installed (apt-get install ffmpeg), so no MP4 can be written"}});
        return kExitFailure;
    }
    doc::Document* document = session.document(spec.model, diags);
    if (!document) {
        printFigureDiagnostics(diags);
        return kExitFailure;
    }
    diags = doc::applyFigure(*document, spec);
    if (!diags.empty()) {
        printFigureDiagnostics(diags);
        return kExitFailure;
    }
    // Compare mode (applyFigure set it): the document plays the normal side beside the spec's.
    if (spec.compare && !document->canCompare()) {
        printFigureDiagnostics({{spec.file, spec.line, 0, "compare", doc::kNothingToCompare}});
        return spec.file.empty() ? kExitUsage : kExitFailure;
    }
    if (spec.compare && still) {
        printFigureDiagnostics({{spec.file, spec.line, 0, "compare", "a compare figure is drawn only into files"}});
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
    assert(!(animated && still) && "a picture in memory is a still");
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
    // Compare mode's normal side at the time listAt() last sought.
    const auto normalListNow = [&] {
        const movement::PoseSample* n = document->normalSample();
        assert(n);
        std::vector<double> q = n->q;
        applyPose(assignments, q);
        return document->buildNormalList(q, opts);
    };

    std::string rendererError;
    render::FigureRenderer* renderer = session.renderer(rendererError);
    timer().mark("renderer (EGL, shaders)");
    if (!renderer) {
        std::fprintf(stderr, "hipview render: cannot render without OpenGL: %s\n", rendererError.c_str());
        return kExitFailure;
    }
    render::FigureOptions fo;
    // Compare mode: each half is its own picture, normal hips left, the spec's side right.
    const int leftWidth = spec.compare ? spec.width / 2 : spec.width;
    const int rightWidth = spec.width - leftWidth;
    fo.width = spec.compare ? rightWidth : spec.width;
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
    draw::FigureSpec framing = spec; // a movement's own camera where the spec names no view
    if (mov) framing.framedFrom = mov->camera;
    if (spec.compare) framing.width = rightWidth; // framed for a half (both halves: one camera)
    const auto frameOf = [&](const draw::DrawList& l) { return draw::figureFrameBounds(framing, l.items); };
    const std::size_t step = std::max<std::size_t>(1, frames.size() / 6);
    for (std::size_t i = 0; i < frames.size(); i += step) {
        draw::DrawList list = listAt(frames[i]);
        if (i == 0)
            if (auto empty = doc::emptyFigure(list, spec, *document)) {
                printFigureDiagnostics({*empty});
                return kExitFailure;
            }
        bounds.add(frameOf(list));
        if (spec.compare) bounds.add(frameOf(normalListNow()));
        if (frames.size() == 1) firstList = std::move(list);
    }
    if (frames.size() > 1) {
        bounds.add(frameOf(listAt(frames.back())));
        if (spec.compare) bounds.add(frameOf(normalListNow()));
    }
    gfx::Camera camera = draw::figureCamera(framing, bounds);
    if (spec.compare) camera = belowCaptions(camera, spec.height, rightWidth);

    std::unique_ptr<io::GifWriter> gif;
    if (animated && spec.gif) gif = std::make_unique<io::GifWriter>(spec.width, spec.height);
    std::vector<std::string> animationFrames;
    int code = kExitOk;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const Frame& f = frames[i];
        const int delayCs = animated ? timing.gifDelayCs(static_cast<int>(i)) : 10;
        if (firstList && spec.compare && mov) document->seek(f.time);
        const draw::DrawList list = firstList ? std::move(*firstList) : listAt(f);
        timer().mark("draw list");
        render::Figure fig = spec.compare ? renderCompareFrame(*renderer, *document, list, normalListNow(), camera, fo, leftWidth)
                                          : renderer->render(list.items, camera, fo, draw::figureCallouts(list, camera));
        timer().mark("render + read back");
        if (still) {
            *still = std::move(fig);
            return kExitOk;
        }
        for (const std::string& w : fig.warnings) std::fprintf(stderr, "hipview render: %s: %s\n", f.output.c_str(), w.c_str());
        writer->writePng(f.output, std::move(fig.image), gif.get(), delayCs);
        timer().mark("queued for writing");
        animationFrames.push_back(f.output);
    }
    if (animated && (spec.gif || spec.mp4)) {
        if (!writer->finish()) return kExitFailure; // every frame written (and added to the GIF) first
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


} // namespace hv::cli
