// The window's frame times (they print numbers, never fail), through the headless renderer path:
// the same Document, OrbitCamera, SceneView and quality settings the window uses, at 1280x720,
// on an EGL surfaceless context (no display needed). Issue 4's budget: at least 15 frames a
// second while orbiting on this 2-core llvmpipe machine (adaptive quality allowed).
//
//   bench_viewer [frames]            headless: scene drawing only (no panels, no swap)
//   bench_viewer FRAMES MOVEMENT [no-floor]
//                                    the same showing a movement paused half way (its props and
//                                    the floor with its contact shadow, or without the floor)
//   xvfb-run -a -s "-screen 0 1920x1080x24" ./hipview --size 1280x720 --benchmark N
//                                    the real window under Xvfb: panels, blit and swap included
//
// Each case orbits the camera 3 degrees a frame (so every frame draws), draws, and waits for the
// GPU (glFinish) before the clock stops. The model is assets/hip.glb when it exists (else the
// stand-in bones), or HV_BENCH_MODEL.
#include "bench_timing.hpp"

#include "content/content.hpp"
#include "movement/loader.hpp"
#include "render/headless_context.hpp"
#include "render/renderer.hpp"
#include "document/adaptive_quality.hpp"
#include "document/document.hpp"
#include "document/orbit_camera.hpp"
#include "ui/scene_view.hpp"

#include <epoxy/gl.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <sys/resource.h>

using namespace hv;

namespace {

// CPU time of the whole process (llvmpipe's threads included), ms: on a shared, busy machine the
// wall clock also counts other people's work; this does not.
double cpuMs() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-3;
}

struct Case {
    const char* name;
    doc::Quality quality;
    bool selection;
};

} // namespace

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::max(3, std::atoi(argv[1])) : 40;
    const std::string source = HV_SOURCE_DIR;
    const ContentLoad load = loadContent(source + "/content");
    if (!load.content) {
        std::fprintf(stderr, "%s\n", formatAll(load.diagnostics).c_str());
        return 1;
    }
    const Content& content = *load.content;
    const auto movements = movement::loadMovements(source + "/content/movements.toml", content);
    const char* modelEnv = std::getenv("HV_BENCH_MODEL");
    const std::string modelPath = modelEnv ? modelEnv : source + "/assets/hip.glb";

    std::string error;
    auto context = render::HeadlessContext::create(error);
    if (!context) {
        std::printf("no OpenGL here (%s): nothing to measure\n", error.c_str());
        return 0;
    }
    auto renderer = render::Renderer::create(error);
    if (!renderer) {
        std::printf("the renderer did not start: %s\n", error.c_str());
        return 0;
    }
    std::printf("%s\n", context->description().c_str());
    doc::Document doc(content, movements.library ? &*movements.library : nullptr, modelPath);
    std::printf("model: %s\n", doc.modelDisplayName().c_str());
    if (argc > 2) {
        const movement::Movement* mov = movements.library ? movements.library->find(argv[2]) : nullptr;
        if (!mov) {
            std::fprintf(stderr, "unknown movement %s\n", argv[2]);
            return 1;
        }
        doc.startMovement(mov->id);
        doc.playback.playing = false;
        doc.seek(mov->duration() / 2.0);
        doc.layers.floor = !(argc > 3 && std::string(argv[3]) == "no-floor");
        std::printf("movement: %s at %.2f s, floor %s\n", mov->id.c_str(), mov->duration() / 2.0, *doc.layers.floor ? "on" : "off");
    }
    {
        std::size_t full = 0, coarse = 0;
        for (const auto& i : doc.drawList(doc::Detail::Full).items) full += i.mesh ? i.mesh->indices.size() / 3 : 0;
        for (const auto& i : doc.drawList(doc::Detail::Coarse).items) coarse += i.mesh ? i.mesh->indices.size() / 3 : 0;
        std::printf("triangles drawn: %zu at full detail, %zu at moving detail\n", full, coarse);
        const auto s = bench::time(5, [&] {
            doc.manualPose[0] += 0.001;
            doc.drawList(doc::Detail::Coarse);
        });
        bench::print("draw list rebuilt at moving detail (pose changed)", s);
        doc.resetPose();
    }

    const int width = 1280, height = 720;
    ui::SceneView view(*renderer);
    render::RenderSettings base;
    base.background = glm::vec4(1.0f);

    // Building the draw list: what a pose change (a slider, a movement frame) costs.
    {
        int i = 0;
        const auto s = bench::time(10, [&] {
            doc.manualPose[static_cast<std::size_t>(content.model.findCoordinate("hip_flexion_r"))] = 0.01 * ++i;
            doc.drawList();
        });
        bench::print("draw list rebuilt (pose changed: every muscle along its path)", s);
        doc.resetPose();
    }

    const doc::QualitySettings defaults;
    const Case cases[] = {
        {"orbit, moving quality (adaptive)", defaults.moving, false},
        {"orbit, moving quality, muscle selected (x-ray)", defaults.moving, true},
        {"orbit, full quality (4x MSAA, AO)", defaults.full, false},
        {"orbit, full quality, muscle selected (x-ray)", defaults.full, true},
        {"orbit, moving quality but full detail", doc::Quality{0.6f, 1, false, true}, false},
        {"orbit, full resolution, no MSAA, no AO", doc::Quality{1.0f, 1, false, true}, false},
        {"orbit, 0.5 resolution, no MSAA, no AO", doc::Quality{0.5f, 1, false, true}, false},
        {"orbit, 0.25 resolution, no MSAA, no AO", doc::Quality{0.25f, 1, false, true}, false},
    };
    for (const Case& c : cases) {
        doc.select(c.selection ? doc::Selection{"piriformis", Side::Right, true} : doc::Selection{});
        const draw::DrawList& list = doc.drawList(c.quality.fullDetail ? doc::Detail::Full : doc::Detail::Coarse);
        doc::OrbitCamera camera;
        camera.azimuthDeg = 30.0;
        camera.elevationDeg = 12.0;
        camera.frame(gfx::framingBounds(list.items), static_cast<float>(width) / height, 0.05f);
        scene::Bounds all;
        for (const auto& i : list.items) all.add(i.bounds);
        // Warm up (shaders, framebuffers, mesh uploads).
        view.draw(list.items, camera.camera(all), width, height, c.quality, base);
        glFinish();
        const double cpu0 = cpuMs();
        const auto s = bench::time(frames, [&] {
            camera.orbit(3.0, 0.0);
            view.draw(list.items, camera.camera(all), width, height, c.quality, base);
            glFinish();
        });
        const double cpuPerFrame = (cpuMs() - cpu0) / frames;
        char line[160];
        std::snprintf(line, sizeof line, "%s (%.0f fps)", c.name, 1000.0 / s.medianMs);
        bench::print(line, s);
        std::printf("%-58s cpu %8.3f ms a frame (all threads)\n", "", cpuPerFrame);
    }
    const auto& stats = renderer->lastFrame();
    std::printf("last frame: %d draw calls, %zu triangles\n", stats.drawCalls, stats.triangles);

    // The pick-id image the window renders once the picture settles (hover, click, labels).
    {
        const draw::DrawList& list = doc.drawList();
        doc::OrbitCamera camera;
        camera.frame(gfx::framingBounds(list.items), static_cast<float>(width) / height, 0.05f);
        const auto s = bench::time(5, [&] {
            view.draw(list.items, camera.camera({}), width, height, doc::Quality{0.1f, 1, false, true}, base);
            view.ids(list.items, camera.camera({}));
            glFinish();
        });
        bench::print("pick-id image, 1280x720 (after each settled picture)", s);
    }
    return 0;
}
