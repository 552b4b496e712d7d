// Rendering figure specs headlessly, shared by the commands that draw figures (`hipview render`,
// the quiz bank's figures of `hipview quiz --export`): everything loaded once per process (the
// movements, one document per model file, the EGL renderer) and one spec rendered into files or
// into memory. Messages name the spec's file and line, or on the command line its option.
#pragma once

#include "app/figure_output.hpp"

#include "anatomy_draw/figure_spec.hpp"
#include "content/content.hpp"
#include "document/document.hpp"
#include "movement/loader.hpp"
#include "movement/movement.hpp"
#include "render/figure_renderer.hpp"
#include "scene/scene.hpp"

#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hv::cli {

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

// The process' one timer.
PhaseTimer& timer();

// Everything loaded once per process: the movements, one document per model file (the same
// GL-free view state the window draws, so a figure shows what the window shows), the renderer.
class FigureSession {
public:
    FigureSession(const Content& content, std::string dataDir) : m_content(content), m_dataDir(std::move(dataDir)) {}

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

struct RenderQuality {
    int samples = 4;              // multisample anti-aliasing samples (1 = none)
    bool ambientOcclusion = true;
};

// Prints figure problems to stderr: a command-line figure's (no file, a field) as "--FIELD: ...".
void printFigureDiagnostics(const Diagnostics& d);

// Renders one figure spec and returns the exit code (problems printed). With `writer`: every
// picture (one, or each frame of an animation, plus its GIF or MP4) written to the spec's output,
// the renderer's warnings (a callout with no room, a hidden muscle) printed. With `still`
// instead: a single picture (the spec must not animate) rendered into *still with its warnings
// and placed labels, nothing written or printed. Exactly one of writer and still is set.
int renderFigure(FigureSession& session, const Content& content, const draw::FigureSpec& spec, const RenderQuality& quality,
                 FigureWriter* writer, render::Figure* still = nullptr);

} // namespace hv::cli
