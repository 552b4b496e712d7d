// Rendering timings (they print numbers, never fail):
//  - in process: EGL context, shader compilation (first frame), building the draw list (every
//    muscle rebuilt along its path), and frame times at 1280x720 without and with 4x MSAA (the
//    viewer's budget: 15 frames a second while orbiting on this 2-core llvmpipe machine);
//  - whole process, as a teacher runs it: `hipview render -o FILE.png` of one 1920x1080 figure of
//    the default model (issue 5: median <= 1.0 s), and a scene file of 50 figures (<= 15 s).
// Usage: bench_render [repetitions] [--frames-only]
// (the model is assets/hip.glb when it exists, or HV_BENCH_MODEL)
#include "bench_timing.hpp"

#include "anatomy_draw/anatomy_drawer.hpp"
#include "anatomy_draw/figure_spec.hpp"
#include "content/content.hpp"
#include "io/model_loader.hpp"
#include "render/figure_renderer.hpp"
#include "render/headless_context.hpp"
#include "render/renderer.hpp"

#include <epoxy/gl.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <sys/resource.h>

using namespace hv;
using hv::bench::loadAverage;
using hv::bench::msSince;
using hv::bench::timeCommand;

namespace {

// CPU time of the whole process (every thread, llvmpipe's included), ms: less sensitive than
// wall time to other work on a shared machine.
double cpuMs() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
            static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-3);
}

} // namespace

int main(int argc, char** argv) {
    const int reps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
    const std::string source = HV_SOURCE_DIR, binary = HV_BINARY_DIR;
    const ContentLoad load = loadContent(source + "/content");
    if (!load.content) {
        std::fprintf(stderr, "%s\n", formatAll(load.diagnostics).c_str());
        return 1;
    }
    const Content& content = *load.content;
    std::shared_ptr<const scene::Scene> model;
    const char* modelEnv = std::getenv("HV_BENCH_MODEL");
    const std::string modelPath = modelEnv ? modelEnv : source + "/assets/hip.glb";
    if (std::filesystem::exists(modelPath)) {
        io::ModelLoad m = io::loadModel(modelPath);
        if (m.scene) model = std::make_shared<const scene::Scene>(std::move(*m.scene));
    }
    std::printf("model: %s\n", model ? modelPath.c_str() : "none (stand-in bones)");

    auto t0 = std::chrono::steady_clock::now();
    std::string error;
    auto context = render::HeadlessContext::create(error);
    if (!context) {
        std::fprintf(stderr, "no OpenGL: %s\n", error.c_str());
        return 0;
    }
    std::printf("%-58s %8.1f ms   (%s)\n", "EGL surfaceless context", msSince(t0), context->description().c_str());
    t0 = std::chrono::steady_clock::now();
    auto renderer = render::Renderer::create(error);
    if (!renderer) {
        std::fprintf(stderr, "the renderer did not start: %s\n", error.c_str());
        return 1;
    }
    std::printf("%-58s %8.1f ms\n", "renderer (compile and link the main shaders)", msSince(t0));

    const draw::AnatomyDrawer drawer(content, model);
    draw::FigureSpec spec;
    spec.view = "lateral-right";
    spec.pose = "hip_flexion_r=90";
    spec.highlight = {"piriformis"};
    const auto q = *draw::figurePose(spec, content.model, error);
    const draw::DrawOptions opts = draw::figureDrawOptions(spec, content);
    draw::DrawList list;
    bench::print("draw list (bones posed, every muscle rebuilt)", bench::time(reps, [&] { list = drawer.build(q, opts); }));
    std::size_t triangles = 0;
    for (const auto& i : list.items) triangles += i.mesh->indices.size() / 3;
    std::printf("  %zu draw items, %zu triangles\n", list.items.size(), triangles);

    for (const auto& [w, h] : {std::pair{160, 90}, std::pair{1280, 720}, std::pair{1920, 1080}}) {
        spec.width = w;
        spec.height = h;
        const gfx::Camera camera = draw::figureCamera(spec, gfx::focusBounds(list.items));
        render::OffscreenTarget target(w, h);
        for (const auto& [samples, ao] : {std::pair{1, false}, std::pair{1, true}, std::pair{2, true}, std::pair{4, false}, std::pair{4, true}}) {
            render::RenderSettings s;
            s.width = w;
            s.height = h;
            s.samples = samples;
            s.ambientOcclusion = ao;
            t0 = std::chrono::steady_clock::now();
            renderer->render(list.items, camera, s, target.framebuffer());
            glFinish();
            const double first = msSince(t0);
            const double c0 = cpuMs();
            const auto stats = bench::time(reps, [&] {
                renderer->render(list.items, camera, s, target.framebuffer());
                glFinish();
            });
            const double cpuPerFrame = (cpuMs() - c0) / reps;
            char what[96];
            std::snprintf(what, sizeof what, "frame %dx%d, %s, %s", w, h, samples > 1 ? (samples == 2 ? "2x MSAA" : "4x MSAA") : "no MSAA", ao ? "SSAO" : "no AO");
            bench::print(what, stats);
            std::printf("  first frame (with shader variants compiled): %.1f ms; %.1f frames/s at the median; CPU %.1f ms a frame\n",
                        first, 1000.0 / stats.medianMs, cpuPerFrame);
        }
        bench::print("  read back (glReadPixels + un-premultiply)", bench::time(reps, [&] { (void)target.read(); }));
    }
    renderer.reset();
    context.reset();
    if (argc > 2 && std::string(argv[2]) == "--frames-only") return 0;

    // Whole process.
    const std::string hipview = binary + "/hipview";
    const std::string dir = (std::filesystem::temp_directory_path() / ("hv_bench_render_" + std::to_string(::getpid()))).string();
    std::filesystem::create_directories(dir);
    const std::string quiet = " >/dev/null 2>&1";
    std::vector<double> ms;
    const std::string figure = hipview + " render --view lateral-right --pose hip_flexion_r=90 --highlight piriformis --labels -o " + dir + "/fig.png";
    double cpu = 0.0;
    for (int i = 0; i < reps; ++i) ms.push_back(timeCommand(figure + quiet, &cpu));
    std::sort(ms.begin(), ms.end());
    std::printf("%-58s min %8.1f ms   median %8.1f ms   max %8.1f ms   CPU %.0f ms each\n", "whole process: one 1920x1080 figure, labelled",
                ms.front(), ms[ms.size() / 2], ms.back(), cpu / reps);
    ms.clear();
    const std::string plain = hipview + " render -o " + dir + "/plain.png";
    cpu = 0.0;
    for (int i = 0; i < reps; ++i) ms.push_back(timeCommand(plain + quiet, &cpu));
    std::sort(ms.begin(), ms.end());
    std::printf("%-58s min %8.1f ms   median %8.1f ms   max %8.1f ms   CPU %.0f ms each\n", "whole process: one 1920x1080 figure, defaults",
                ms.front(), ms[ms.size() / 2], ms.back(), cpu / reps);

    // A scene file of 50 figures: every view, poses, highlights, labels, backgrounds.
    {
        std::ofstream f(dir + "/fifty.toml");
        f << "schema = \"hipview-figures 1\"\n";
        const char* views[] = {"anterior", "posterior", "lateral-left", "lateral-right", "medial-left", "medial-right", "superior", "inferior"};
        const char* muscles[] = {"piriformis", "gluteus_medius", "gluteus_maximus", "psoas_major", "adductor_longus", "semitendinosus", "sartorius"};
        for (int i = 0; i < 50; ++i) {
            f << "\n[[figure]]\noutput = \"fig" << i << ".png\"\nview = \"" << views[i % 8] << "\"\n";
            f << "pose = \"hip_flexion_r=" << (i * 7) % 120 << ",knee_angle_r=" << (i * 11) % 90 << "\"\n";
            if (i % 2 == 0) f << "highlight = [\"" << muscles[i % 7] << "\"]\nlabels = true\n";
            if (i % 5 == 0) f << "background = \"transparent\"\n";
        }
    }
    ms.clear();
    cpu = 0.0;
    const int sceneReps = std::max(1, reps / 3);
    for (int i = 0; i < sceneReps; ++i) ms.push_back(timeCommand(hipview + " render " + dir + "/fifty.toml" + quiet, &cpu));
    std::sort(ms.begin(), ms.end());
    std::printf("%-58s min %8.1f ms   median %8.1f ms   max %8.1f ms   CPU %.0f ms each\n", "whole process: scene file of 50 figures, 1920x1080",
                ms.front(), ms[ms.size() / 2], ms.back(), cpu / sceneReps);
    std::printf("(load average now %.2f on %u cores: other work on this machine slows the wall times)\n", loadAverage(),
                std::thread::hardware_concurrency());
    std::filesystem::remove_all(dir);
    return 0;
}
