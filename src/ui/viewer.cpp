#include "ui/viewer.hpp"

#include "anatomy_draw/callout_planner.hpp"
#include "anatomy_draw/standard_view.hpp"
#include "core/kinematics.hpp"
#include "io/atomic_file.hpp"
#include "io/png_writer.hpp"
#include "render/label_overlay.hpp"
#include "document/document.hpp"
#include "document/figure_export.hpp"
#include "ui/file_dialog.hpp"
#include "document/orbit_camera.hpp"
#include "ui/panels.hpp"
#include "ui/scene_view.hpp"

#include <epoxy/gl.h>

#include <GLFW/glfw3.h>

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hv::ui {

using namespace hv::doc;

namespace {

std::string g_glfwError;
void onGlfwError(int, const char* description) { g_glfwError = description ? description : "unknown GLFW error"; }

std::function<bool(std::uint32_t)> isMusclePick(const draw::DrawList& list) {
    return [&list](std::uint32_t id) {
        const draw::PickTarget* t = list.target(id);
        return t && t->kind == draw::PickTarget::Kind::MusclePart;
    };
}

double now() {
    using clock = std::chrono::steady_clock;
    static const clock::time_point start = clock::now();
    return std::chrono::duration<double>(clock::now() - start).count();
}

struct Rect {
    float x = 0, y = 0, w = 0, h = 0; // window pixels, top-left origin
    bool contains(ImVec2 p) const { return p.x >= x && p.y >= y && p.x < x + w && p.y < y + h; }
};

struct FrameTimes {
    std::vector<double> ms;
    void print(const char* what) const {
        if (ms.empty()) return;
        std::vector<double> s = ms;
        std::sort(s.begin(), s.end());
        double sum = 0;
        for (double v : s) sum += v;
        const double mean = sum / static_cast<double>(s.size());
        std::printf("%-44s frames %4zu  median %6.1f ms  mean %6.1f ms  p95 %6.1f ms  (%5.1f fps)\n", what, s.size(),
                    s[s.size() / 2], mean, s[std::min(s.size() - 1, s.size() * 95 / 100)], 1000.0 / mean);
    }
};

class Viewer {
public:
    Viewer(const Content& content, const movement::MovementLibrary* movements, const ViewerOptions& options)
        : m_options(options), m_doc(content, movements, options.dataDirectory + "/assets/hip.glb"),
          m_policy(options.quality) {}
    ~Viewer();
    int run();

private:
    ViewerOptions m_options;
    Document m_doc;
    OrbitCamera m_camera;
    QualityPolicy m_policy;
    GLFWwindow* m_window = nullptr;
    std::unique_ptr<render::Renderer> m_renderer;
    std::unique_ptr<SceneView> m_view;
    bool m_imgui = false;
    ImFont* m_bold = nullptr;
    ImFont* m_small = nullptr;
    float m_uiScale = 1.0f;

    // Interaction.
    int m_dragButton = -1;
    float m_dragDistance = 0.0f;
    bool m_keysMoving = false;
    bool m_mouseMoved = false; // no hover tip before the user moves the mouse (scripted starts)
    bool m_showPanels = true;
    bool m_adaptive = true;
    int m_plotPart = 0, m_plotDof = 2;
    bool m_pendingFrame = true;     // frame the scene once the viewport is known
    bool m_pendingFrameSelection = false;
    std::vector<std::string> m_dropped;
    std::vector<std::string> m_messages;
    bool m_showMessages = false;
    FileDialog m_openDialog, m_figureDialog, m_shotDialog;
    std::string m_pendingScreenshot;

    // The kept picture.
    std::uint64_t m_drawnRevision = ~0ull;
    OrbitCamera m_drawnCamera;
    Rect m_drawnViewport;
    Rect m_viewport;
    int m_fbW = 0, m_fbH = 0, m_winW = 0, m_winH = 0;
    std::string m_qualityText = "-";
    std::string m_title;
    double m_frameMs = 0.0;
    int m_stableFrames = 0;
    bool m_startWritten = false;
    int m_exitCode = 0;
    std::vector<BarRect> m_bars;
    std::optional<glm::vec2> m_selectedAnchor; // window pixels

    // Benchmark.
    int m_benchPhase = 0, m_benchFrame = 0;
    FrameTimes m_benchTimes[3];
    // Per phase of the frame (benchmark only): panels (CPU), scene, present + panels (GL), swap.
    std::array<FrameTimes, 4> m_phaseTimes[3];
    std::array<double, 4> m_phase{};
    double m_lastFrameStart = 0.0;

    bool setUp(std::string& error);
    bool scripted() const {
        return !m_options.screenshot.empty() || !m_options.figure.empty() || !m_options.stateReport.empty();
    }
    double m_startTime = 0.0;
    void applyStartState();
    void frame(double dt);
    void layoutAndPanels(PanelContext& ctx);
    void handleViewportInput(PanelContext& ctx, double dt, bool& interacting);
    void overlay(const draw::DrawList& list, const gfx::Camera& cam);
    void drawLabels(const draw::DrawList& list, const gfx::Camera& cam);
    void drawLumbarNumbers(const gfx::Camera& cam);
    void drawLegend();
    void dialogs(PanelContext& ctx);
    void carryOut(PanelContext& ctx, const draw::DrawList& list);
    void frameScene(bool selectionOnly, const draw::DrawList& list);
    gfx::Camera currentCamera(const draw::DrawList& list) const;
    bool writeScreenshot(const std::string& path);
    bool writeFigure(const std::string& path, bool quiet);
    bool writeStateReport(const std::string& path);
    void benchmarkStep(double frameMs, bool& done);
    void addMessages(const Diagnostics& d, const std::string& context);
    void message(const std::string& m) {
        std::fprintf(stderr, "hipview: %s\n", m.c_str());
        m_messages.push_back(m);
        m_showMessages = true;
    }
    static void onDrop(GLFWwindow* w, int count, const char** paths);
    // Key presses, queued by our own GLFW callback (Dear ImGui 1.86 keeps only a key's state per
    // frame, so a press and release within one frame, e.g. a quick tap at a low frame rate,
    // would be lost for shortcuts).
    struct KeyPress {
        int key = 0, mods = 0;
    };
    std::vector<KeyPress> m_keyPresses;
    static void onKey(GLFWwindow* w, int key, int scancode, int action, int mods);
    // In front of Dear ImGui's key callback: a key released in the same batch of events as it
    // was pressed is released one frame later, so ImGui (its text fields' Enter, Backspace...)
    // sees the press.
    struct HeldRelease {
        int key = 0, scancode = 0, mods = 0;
    };
    std::vector<int> m_pressedThisBatch;
    std::vector<HeldRelease> m_heldReleases;
    static void onKeyForImGui(GLFWwindow* w, int key, int scancode, int action, int mods);
    void releaseHeldKeys();
    bool pressed(int key, int mods = 0) const {
        for (const KeyPress& k : m_keyPresses)
            if (k.key == key && (mods == 0 || (k.mods & mods) == mods)) return true;
        return false;
    }
};

Viewer::~Viewer() {
    m_view.reset();
    m_renderer.reset();
    if (m_imgui) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (m_window) glfwDestroyWindow(m_window);
    // No glfwTerminate(): it closes the X display, which unloads Mesa's driver, and the driver's
    // never-freed allocations would then show up in leak checks from an unknown module instead
    // of being matched by tools/lsan.supp (the same choice as the headless context). The process
    // ends right after.
}

void Viewer::onDrop(GLFWwindow* w, int count, const char** paths) {
    auto* self = static_cast<Viewer*>(glfwGetWindowUserPointer(w));
    if (!self) return;
    for (int i = 0; i < count; ++i) self->m_dropped.emplace_back(paths[i]);
}

void Viewer::onKey(GLFWwindow* w, int key, int, int action, int mods) {
    auto* self = static_cast<Viewer*>(glfwGetWindowUserPointer(w));
    if (self && action == GLFW_PRESS) self->m_keyPresses.push_back({key, mods});
}

void Viewer::onKeyForImGui(GLFWwindow* w, int key, int scancode, int action, int mods) {
    auto* self = static_cast<Viewer*>(glfwGetWindowUserPointer(w));
    if (self && action == GLFW_PRESS) self->m_pressedThisBatch.push_back(key);
    if (self && action == GLFW_RELEASE &&
        std::find(self->m_pressedThisBatch.begin(), self->m_pressedThisBatch.end(), key) != self->m_pressedThisBatch.end()) {
        self->m_heldReleases.push_back({key, scancode, mods});
        return;
    }
    ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
}

void Viewer::releaseHeldKeys() {
    std::vector<HeldRelease> held;
    held.swap(m_heldReleases);
    m_pressedThisBatch.clear();
    for (const HeldRelease& h : held) ImGui_ImplGlfw_KeyCallback(m_window, h.key, h.scancode, GLFW_RELEASE, h.mods);
}

void Viewer::addMessages(const Diagnostics& d, const std::string& context) {
    for (const Diagnostic& x : d) message(context + x.format());
}

bool Viewer::setUp(std::string& error) {
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) {
        error = "no display to open the window on (" + g_glfwError +
                "); figures render without one: hipview render (see hipview render --help)";
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SAMPLES, 0);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    m_window = glfwCreateWindow(m_options.width, m_options.height, "HipView", nullptr, nullptr);
    if (!m_window) {
        error = "the window could not open (" + g_glfwError +
                "); figures render without one: hipview render (see hipview render --help)";
        return false;
    }
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(m_options.benchmarkFrames > 0 ? 0 : 1);
    glfwSetWindowUserPointer(m_window, this);
    glfwSetDropCallback(m_window, onDrop);
    glfwSetKeyCallback(m_window, onKey); // before ImGui's backend, which chains to it

    std::string rerr;
    m_renderer = render::Renderer::create(rerr);
    if (!m_renderer) {
        error = "the renderer could not start: " + rerr;
        return false;
    }
    m_view = std::make_unique<SceneView>(*m_renderer);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    m_imgui = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // no imgui.ini in the user's folder
    io.LogFilename = nullptr;
    float xs = 1.0f, ys = 1.0f;
    glfwGetWindowContentScale(m_window, &xs, &ys);
    m_uiScale = std::clamp(xs, 1.0f, 3.0f);
    const std::string regular = render::kDefaultFontPath;
    const std::string bold = std::filesystem::path(regular).parent_path() / "DejaVuSans-Bold.ttf";
    std::error_code ec;
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    if (std::filesystem::is_regular_file(regular, ec)) {
        io.Fonts->AddFontFromFileTTF(regular.c_str(), 16.0f * m_uiScale, &cfg);
        m_bold = std::filesystem::is_regular_file(bold, ec) ? io.Fonts->AddFontFromFileTTF(bold.c_str(), 16.5f * m_uiScale, &cfg)
                                                            : nullptr;
        m_small = io.Fonts->AddFontFromFileTTF(regular.c_str(), 13.5f * m_uiScale, &cfg);
    } else {
        std::fprintf(stderr, "hipview: %s not found (install fonts-dejavu-core); using Dear ImGui's small built-in font\n",
                     regular.c_str());
        io.Fonts->AddFontDefault();
    }
    applyTheme(m_uiScale);
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    glfwSetKeyCallback(m_window, onKeyForImGui); // in front of ImGui's (which chains to onKey)
    ImGui_ImplOpenGL3_Init("#version 330 core");
    m_adaptive = m_options.quality.adaptive;
    m_showPanels = m_options.panels;
    return true;
}

void Viewer::applyStartState() {
    const StartState& s = m_options.start;
    if (!s.model.empty()) {
        const Diagnostics d = m_doc.openModel(s.model);
        if (m_doc.modelPath() != s.model) addMessages(d, "");
        else
            for (const Diagnostic& x : d) std::fprintf(stderr, "hipview: %s\n", x.format().c_str());
    }
    applyPose(s.pose, m_doc.manualPose);
    if (s.select) {
        Selection sel;
        sel.muscleId = s.select->muscleId;
        sel.side = s.select->side.value_or(Side::Right);
        sel.bothSides = !s.select->side;
        m_doc.select(sel);
        m_pendingFrameSelection = true;
    }
    m_doc.colourMode = s.colour == "stretch" ? draw::ColourMode::Stretch : s.colour == "role" ? draw::ColourMode::Role : draw::ColourMode::Groups;
    if (!s.movement.empty()) m_doc.startMovement(s.movement);
    if (s.at) {
        m_doc.playback.playing = false;
        m_doc.seek(*s.at);
    }
    // Scripted starts (screenshot, figure, state report) wait for a still, full-quality picture:
    // nothing plays.
    if (scripted()) {
        m_doc.playback.playing = false;
        m_doc.animation.playing = false;
    }
    if (s.view) {
        m_camera.setView(*s.view);
        if (const auto keep = draw::medialViewKeeps(*s.view))
            m_doc.layers.sides = *keep == Side::Left ? draw::SideFilter::LeftOnly : draw::SideFilter::RightOnly;
    } else {
        m_camera.azimuthDeg = 30.0; // anterolateral, from a little above: the hip's shape reads best
        m_camera.elevationDeg = 12.0;
    }
}

gfx::Camera Viewer::currentCamera(const draw::DrawList& list) const {
    scene::Bounds all;
    for (const auto& i : list.items) all.add(i.bounds);
    return m_camera.camera(all);
}

void Viewer::frameScene(bool selectionOnly, const draw::DrawList& list) {
    const float aspect = m_viewport.h > 0 ? m_viewport.w / m_viewport.h : 1.0f;
    if (selectionOnly) {
        scene::Bounds b = gfx::focusBounds(list.items, 0.15f);
        m_camera.frame(b, aspect, 0.08f);
    } else {
        m_camera.frame(gfx::framingBounds(list.items), aspect, 0.05f);
    }
}

void Viewer::layoutAndPanels(PanelContext& ctx) {
    ImGuiIO& io = ImGui::GetIO();
    drawMenuBar(ctx);
    const float top = ImGui::GetFrameHeight();
    const float W = io.DisplaySize.x, H = io.DisplaySize.y;
    const float leftW = m_showPanels ? std::min(360.0f * m_uiScale, W * 0.32f) : 0.0f;
    const bool info = m_showPanels && !m_doc.selection.empty();
    const float rightW = info ? std::min(420.0f * m_uiScale, W * 0.34f) : 0.0f;
    m_viewport = {leftW, top, std::max(1.0f, W - leftW - rightW), std::max(1.0f, H - top)};
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (m_showPanels) {
        ImGui::SetNextWindowPos(ImVec2(0, top));
        ImGui::SetNextWindowSize(ImVec2(leftW, H - top));
        ImGui::Begin("##left", nullptr, fixed);
        if (ImGui::BeginTabBar("##tabs")) {
            static bool first = true;
            const bool startOnMovement = first && !m_options.start.movement.empty();
            if (ImGui::BeginTabItem("Muscles")) {
                drawMusclePanel(ctx);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Pose")) {
                drawPosePanel(ctx);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Movements", nullptr, startOnMovement ? ImGuiTabItemFlags_SetSelected : 0)) {
                drawMovementPanel(ctx);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("View")) {
                drawViewPanel(ctx);
                ImGui::EndTabItem();
            }
            first = false;
            ImGui::EndTabBar();
        }
        ImGui::End();
    }
    m_bars.clear();
    if (info) {
        ImGui::SetNextWindowPos(ImVec2(W - rightW, top));
        ImGui::SetNextWindowSize(ImVec2(rightW, H - top));
        ImGui::Begin("##info", nullptr, fixed);
        drawInfoPanel(ctx, m_bars);
        ImGui::End();
    }
    drawPlaybackBar(ctx, m_viewport.x, m_viewport.y + m_viewport.h - 8, m_viewport.w);
}

void Viewer::handleViewportInput(PanelContext& ctx, double dt, bool& interacting) {
    ImGuiIO& io = ImGui::GetIO();
    const bool over = m_viewport.contains(io.MousePos) && !io.WantCaptureMouse;
    // Mouse drags: left orbits, right/middle (or Shift + left) pans; a press without a drag picks.
    for (int b = 0; b < 3; ++b)
        if (over && m_dragButton < 0 && ImGui::IsMouseClicked(b)) {
            m_dragButton = b;
            m_dragDistance = 0.0f;
        }
    if (m_dragButton >= 0) {
        const ImVec2 d = io.MouseDelta;
        m_dragDistance += std::abs(d.x) + std::abs(d.y);
        if (m_dragDistance > 3.0f && (d.x != 0.0f || d.y != 0.0f)) {
            const bool pan = m_dragButton != 0 || io.KeyShift;
            if (pan) m_camera.pan({d.x, d.y}, m_viewport.h);
            else m_camera.orbit(-0.35 * static_cast<double>(d.x), 0.35 * static_cast<double>(d.y));
        }
        if (m_dragDistance > 3.0f) interacting = true;
        if (!ImGui::IsMouseDown(m_dragButton)) {
            if (m_dragButton == 0 && m_dragDistance <= 3.0f) {
                const draw::DrawList& list = m_doc.drawList();
                const gfx::Camera cam = currentCamera(list);
                const int x = static_cast<int>((io.MousePos.x - m_viewport.x) * (static_cast<float>(m_fbW) / std::max(1, m_winW)));
                const int y = static_cast<int>((io.MousePos.y - m_viewport.y) * (static_cast<float>(m_fbH) / std::max(1, m_winH)));
                // The id image is drawn from the light meshes (same items, same pick ids): a quarter
                // of the triangles, for a picture the user never sees.
                const std::uint32_t id = m_view->pickAt(m_doc.drawList(Detail::Coarse).items, cam, x, y, isMusclePick(list));
                Selection s = selectionFromPick(m_doc.model(), list, id);
                if (!s.empty() && s.muscleId == m_doc.selection.muscleId) s.bothSides = m_doc.selection.bothSides && s.side == m_doc.selection.side;
                m_doc.select(s);
            }
            m_dragButton = -1;
        }
    }
    if (over && io.MouseWheel != 0.0f) {
        m_camera.zoom(std::pow(0.88, static_cast<double>(io.MouseWheel)));
        interacting = true;
    }
    // Keys.
    m_keysMoving = false;
    if (!io.WantCaptureKeyboard) {
        const double rate = 90.0 * dt; // deg/s
        const bool shift = io.KeyShift;
        const float panRate = static_cast<float>(400.0 * dt);
        if (ImGui::IsKeyDown(GLFW_KEY_LEFT)) shift ? m_camera.pan({panRate, 0}, m_viewport.h) : m_camera.orbit(rate, 0), m_keysMoving = true;
        if (ImGui::IsKeyDown(GLFW_KEY_RIGHT)) shift ? m_camera.pan({-panRate, 0}, m_viewport.h) : m_camera.orbit(-rate, 0), m_keysMoving = true;
        if (ImGui::IsKeyDown(GLFW_KEY_UP)) shift ? m_camera.pan({0, panRate}, m_viewport.h) : m_camera.orbit(0, rate), m_keysMoving = true;
        if (ImGui::IsKeyDown(GLFW_KEY_DOWN)) shift ? m_camera.pan({0, -panRate}, m_viewport.h) : m_camera.orbit(0, -rate), m_keysMoving = true;
        if (ImGui::IsKeyDown(GLFW_KEY_PAGE_UP) || ImGui::IsKeyDown(GLFW_KEY_EQUAL) || ImGui::IsKeyDown(GLFW_KEY_KP_ADD))
            m_camera.zoom(std::pow(0.4, dt)), m_keysMoving = true;
        if (ImGui::IsKeyDown(GLFW_KEY_PAGE_DOWN) || ImGui::IsKeyDown(GLFW_KEY_MINUS) || ImGui::IsKeyDown(GLFW_KEY_KP_SUBTRACT))
            m_camera.zoom(std::pow(2.5, dt)), m_keysMoving = true;
        const struct {
            int key;
            draw::StandardView view;
        } views[] = {{GLFW_KEY_1, draw::StandardView::Anterior},     {GLFW_KEY_2, draw::StandardView::Posterior},
                     {GLFW_KEY_3, draw::StandardView::LateralLeft},  {GLFW_KEY_4, draw::StandardView::LateralRight},
                     {GLFW_KEY_5, draw::StandardView::Superior},     {GLFW_KEY_6, draw::StandardView::Inferior}};
        for (const auto& v : views)
            if (pressed(v.key) || pressed(v.key - GLFW_KEY_0 + GLFW_KEY_KP_0)) {
                m_camera.setView(v.view);
                ctx.frameAll = true;
            }
        for (const KeyPress& k : m_keyPresses) {
            const bool c = (k.mods & GLFW_MOD_CONTROL) != 0;
            if (c && k.key == GLFW_KEY_O) ctx.openModelDialog = true;
            else if (c && k.key == GLFW_KEY_S) ctx.saveFigureDialog = true;
            else if (c && k.key == GLFW_KEY_Q) ctx.quit = true;
            else if (c) continue;
            else if (k.key == GLFW_KEY_F && !m_doc.selection.empty()) ctx.frameSelection = true;
            else if (k.key == GLFW_KEY_HOME) ctx.frameAll = true;
            else if (k.key == GLFW_KEY_ESCAPE) m_doc.select({});
            else if (k.key == GLFW_KEY_TAB) m_showPanels = !m_showPanels;
            else if (k.key == GLFW_KEY_SPACE && m_doc.activeMovement()) m_doc.playback.playing = !m_doc.playback.playing;
            else if (k.key == GLFW_KEY_F12) ctx.screenshotDialog = true;
        }
    }
    m_keyPresses.clear();
    interacting |= m_keysMoving;
    // Hover: the name under the cursor, from the kept picture's id image (only when still).
    m_mouseMoved |= io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f;
    if (over && m_mouseMoved && m_dragButton < 0 && !interacting && m_policy.atFullQuality()) {
        const draw::DrawList& list = m_doc.drawList();
        const int x = static_cast<int>((io.MousePos.x - m_viewport.x) * (static_cast<float>(m_fbW) / std::max(1, m_winW)));
        const int y = static_cast<int>((io.MousePos.y - m_viewport.y) * (static_cast<float>(m_fbH) / std::max(1, m_winH)));
        const std::string tip =
            hoverText(list, m_view->pickAt(m_doc.drawList(Detail::Coarse).items, currentCamera(list), x, y, isMusclePick(list)));
        if (!tip.empty()) ImGui::SetTooltip("%s", tip.c_str());
    }
}

void Viewer::drawLabels(const draw::DrawList& list, const gfx::Camera& cam) {
    m_selectedAnchor.reset();
    if (list.labels.empty()) return;
    const float sx = static_cast<float>(m_fbW) / std::max(1, m_winW);
    const int vw = static_cast<int>(m_viewport.w * sx), vh = static_cast<int>(m_viewport.h * sx);
    // The kept picture's id image when it is there or cheap to get; without it labels point where
    // their anchors project.
    std::span<const std::uint32_t> ids;
    if (m_view->idsReady() || m_policy.atFullQuality()) ids = m_view->ids(m_doc.drawList(Detail::Coarse).items, cam);
    draw::CalloutPlanParams p;
    p.sides = draw::CalloutSides::Each;
    p.size = glm::vec2(m_viewport.w, m_viewport.h);
    p.margin = 12.0f;
    const auto boxSize = [](std::string_view text) {
        const ImVec2 t = ImGui::CalcTextSize(text.data(), text.data() + text.size());
        return glm::vec2(t.x + 16.0f, t.y + 10.0f);
    };
    const gfx::CalloutPlan plan = draw::planCallouts(list, cam, draw::IdImage{ids, vw, vh}, boxSize, p);
    for (const gfx::LabelCallout& c : plan.callouts) {
        const draw::LabelAnchor& a = list.labels[c.source];
        if (a.muscleId == m_doc.selection.muscleId && a.side == m_doc.selection.side)
            m_selectedAnchor = glm::vec2(m_viewport.x, m_viewport.y) + c.callout.anchor;
    }
    if (plan.callouts.empty() || !m_doc.layers.labels) return;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const ImVec2 o(m_viewport.x, m_viewport.y);
    dl->PushClipRect(o, ImVec2(o.x + m_viewport.w, o.y + m_viewport.h));
    for (const gfx::LabelCallout& l : plan.callouts) {
        const gfx::Callout& c = l.callout;
        if (!c.placed) continue;
        const ImVec2 a(o.x + c.anchor.x, o.y + c.anchor.y), s(o.x + c.leaderStart.x, o.y + c.leaderStart.y);
        dl->AddLine(s, a, IM_COL32(255, 255, 255, 200), 4.0f);
        dl->AddLine(s, a, IM_COL32(40, 40, 44, 240), 1.8f);
        const glm::vec4 col = l.color;
        dl->AddCircleFilled(a, 6.0f, IM_COL32(255, 255, 255, 255), 20);
        dl->AddCircleFilled(a, 4.5f, IM_COL32(30, 30, 34, 255), 20);
        dl->AddCircleFilled(a, 2.5f, linearToImColor(col.r, col.g, col.b), 16);
        const ImVec2 b0(o.x + c.boxMin.x, o.y + c.boxMin.y), b1(o.x + c.boxMax.x, o.y + c.boxMax.y);
        dl->AddRectFilled(b0, b1, IM_COL32(255, 255, 255, 225), 4.0f);
        dl->AddRect(b0, b1, IM_COL32(150, 145, 138, 230), 4.0f);
        dl->AddText(ImVec2(b0.x + 8.0f, b0.y + 5.0f), IM_COL32(30, 30, 34, 255), l.text.c_str());
    }
    dl->PopClipRect();
}

void Viewer::drawLumbarNumbers(const gfx::Camera& cam) {
    const movement::PoseSample* s = m_doc.sample();
    const movement::Movement* mov = m_doc.activeMovement();
    if (!s || !mov) return;
    std::size_t plane = 0;
    for (std::size_t p = 1; p < 3; ++p)
        if (s->lumbar.planes[p].lumbarDeg > s->lumbar.planes[plane].lumbarDeg) plane = p;
    if (s->lumbar.planes[plane].lumbarDeg < 0.5) return;
    const Model& model = m_doc.model();
    const std::vector<Transform> bodies = computeBodyTransforms(model, s->q);
    const Transform room = movement::roomFromModel(mov->posture);
    const float sx = static_cast<float>(m_fbW) / std::max(1, m_winW);
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const ImVec2 o(m_viewport.x, m_viewport.y);
    dl->PushClipRect(o, ImVec2(o.x + m_viewport.w, o.y + m_viewport.h));
    if (m_small) ImGui::PushFont(m_small);
    for (const auto& l : s->lumbar.levels) {
        const int body = draw::levelBody(model, l.name);
        if (body < 0) continue;
        const Vec3 g = (room * bodies[static_cast<std::size_t>(body)]).translation;
        const glm::vec3 p = scene::osimToGltf(glm::vec3(g));
        float depth = 0;
        const glm::vec2 px = gfx::projectToPixels(cam, p, m_viewport.w * sx, m_viewport.h * sx, &depth) / sx;
        if (depth <= 0) continue;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*s  %+.1f deg  %.0f %%", static_cast<int>(l.name.size()), l.name.data(), l.deg[plane],
                      100.0 * l.share[plane]);
        const ImVec2 at(o.x + px.x + 30, o.y + px.y - 8);
        const ImVec2 t = ImGui::CalcTextSize(buf);
        dl->AddLine(ImVec2(o.x + px.x, o.y + px.y), ImVec2(at.x - 2, at.y + t.y * 0.5f), IM_COL32(160, 100, 20, 220), 1.5f);
        dl->AddRectFilled(ImVec2(at.x - 4, at.y - 2), ImVec2(at.x + t.x + 4, at.y + t.y + 2), IM_COL32(255, 246, 225, 230), 3.0f);
        dl->AddText(at, IM_COL32(110, 60, 10, 255), buf);
    }
    if (m_small) ImGui::PopFont();
    dl->PopClipRect();
}

void Viewer::drawLegend() {
    if (m_doc.colourMode == draw::ColourMode::Groups) return;
    struct Entry {
        glm::vec3 colour;
        std::string text;
    };
    std::vector<Entry> entries;
    const char* title = "";
    if (m_doc.colourMode == draw::ColourMode::Stretch) {
        title = "Length against standing";
        entries = {{draw::stretchColour(12.0), "longer"}, {draw::stretchColour(0.0), "about the same"}, {draw::stretchColour(-12.0), "shorter"}};
    } else {
        const Action pairs[3][2] = {{Action::Flexor, Action::Extensor},
                                    {Action::Adductor, Action::Abductor},
                                    {Action::InternalRotator, Action::ExternalRotator}};
        const char* titles[] = {"Role now: hip flexion", "Role now: hip adduction", "Role now: hip rotation"};
        const auto d = static_cast<std::size_t>(m_doc.roleDof);
        title = titles[d];
        for (Action a : pairs[d]) entries.push_back({draw::roleColour(a), std::string(actionName(a))});
        entries.push_back({draw::roleColour(Action::None), "no action"});
    }
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 o(m_viewport.x + 12, m_viewport.y + 12);
    float w = ImGui::CalcTextSize(title).x;
    for (const Entry& e : entries) w = std::max(w, ImGui::CalcTextSize(e.text.c_str()).x + line + 6);
    dl->AddRectFilled(ImVec2(o.x - 8, o.y - 6), ImVec2(o.x + w + 8, o.y + line * static_cast<float>(entries.size() + 1) + 4),
                      IM_COL32(255, 255, 255, 215), 4.0f);
    dl->AddText(o, IM_COL32(30, 30, 34, 255), title);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const ImVec2 p(o.x, o.y + line * static_cast<float>(i + 1));
        const glm::vec3& c = entries[i].colour;
        dl->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + line - 4, p.y + line - 4), linearToImColor(c.r, c.g, c.b), 3.0f);
        dl->AddText(ImVec2(p.x + line + 2, p.y), IM_COL32(30, 30, 34, 255), entries[i].text.c_str());
    }
}

void Viewer::overlay(const draw::DrawList& list, const gfx::Camera& cam) {
    drawLabels(list, cam);
    drawLumbarNumbers(cam);
    drawLegend();
}

void Viewer::dialogs(PanelContext& ctx) {
    if (ctx.openModelDialog)
        m_openDialog.open(FileDialog::Mode::Open, "Open a model",
                          {".glb", ".gltf", ".fbx", ".dae", ".x", ".obj", ".stl", ".ply", ".off", ".3ds", ".blend"});
    if (ctx.saveFigureDialog) m_figureDialog.open(FileDialog::Mode::Save, "Save figure (scene file)", {".toml"}, "figure.toml");
    if (ctx.screenshotDialog) m_shotDialog.open(FileDialog::Mode::Save, "Save screenshot", {".png"}, "hipview.png");
    if (auto p = m_openDialog.draw()) {
        const Diagnostics d = m_doc.openModel(p->string());
        if (m_doc.modelPath() == p->string()) {
            m_pendingFrame = true;
            for (const Diagnostic& x : d) std::fprintf(stderr, "hipview: %s\n", x.format().c_str());
        } else {
            addMessages(d, "");
        }
    }
    if (auto p = m_figureDialog.draw()) writeFigure(p->string(), false);
    if (auto p = m_shotDialog.draw()) m_pendingScreenshot = p->string();

    if (m_showMessages && !m_messages.empty()) {
        ImGui::OpenPopup("Messages");
        m_showMessages = false;
    }
    ImGui::SetNextWindowSize(ImVec2(std::min(720.0f, ImGui::GetIO().DisplaySize.x - 40), 0), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Messages", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        for (const std::string& m : m_messages) ImGui::TextWrapped("%s", m.c_str());
        if (ImGui::Button("OK", ImVec2(100, 0))) {
            m_messages.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

bool Viewer::writeScreenshot(const std::string& path) {
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(m_fbW) * static_cast<std::size_t>(m_fbH) * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, m_fbW, m_fbH, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    for (std::size_t i = 3; i < rgba.size(); i += 4) rgba[i] = 255;
    io::PngOptions o;
    o.flipVertically = true;
    if (const auto d = io::writePng(path, rgba, m_fbW, m_fbH, o)) {
        message(d->format());
        return false;
    }
    std::fprintf(stderr, "hipview: screenshot written to %s\n", path.c_str());
    return true;
}

bool Viewer::writeFigure(const std::string& path, bool quiet) {
    std::filesystem::path scenePath(path);
    if (!scenePath.has_extension()) scenePath += ".toml";
    FigureExportOptions o;
    o.output = scenePath.stem().string() + ".png";
    const float sx = static_cast<float>(m_fbW) / std::max(1, m_winW);
    o.width = std::max(16, static_cast<int>(std::lround(m_viewport.w * sx)));
    o.height = std::max(16, static_cast<int>(std::lround(m_viewport.h * sx)));
    o.labels = m_doc.layers.labels && !m_doc.selection.empty();
    std::vector<std::string> notes;
    const draw::FigureSpec spec = figureFromView(m_doc, m_camera, o, notes);
    if (const auto d = io::writeFileAtomic(scenePath, draw::figureFileText(std::vector<draw::FigureSpec>{spec}))) {
        message(d->format());
        return false;
    }
    std::string text = "Figure saved to " + scenePath.string() + "; draw it at any time with: hipview render " + scenePath.string();
    for (const std::string& n : notes) text += "\nNote: " + n + ".";
    if (quiet) std::fprintf(stderr, "hipview: %s\n", text.c_str());
    else message(text);
    return true;
}

bool Viewer::writeStateReport(const std::string& path) {
    std::ostringstream out;
    const float sx = static_cast<float>(m_fbW) / std::max(1, m_winW);
    out << "window=" << m_fbW << " " << m_fbH << "\n";
    out << "viewport=" << m_viewport.x * sx << " " << m_viewport.y * sx << " " << m_viewport.w * sx << " " << m_viewport.h * sx << "\n";
    out << "quality=" << (m_policy.atFullQuality() ? "full" : "moving") << "\n";
    out << "selection=" << m_doc.selection.muscleId << " " << (m_doc.selection.side == Side::Left ? "l" : "r") << "\n";
    if (m_selectedAnchor) out << "anchor=" << m_selectedAnchor->x * sx << " " << m_selectedAnchor->y * sx << "\n";
    for (const BarRect& b : m_bars)
        out << "bar=" << b.part << " " << b.dof << " " << b.x0 * sx << " " << b.y0 * sx << " " << b.x1 * sx << " " << b.y1 * sx << " "
            << b.centre * sx << " " << b.momentArmMm << " " << b.word << "\n";
    if (const movement::Movement* mov = m_doc.activeMovement()) {
        out << "movement=" << mov->id << " " << m_doc.playback.time << "\n";
        if (const movement::PoseSample* s = m_doc.sample()) {
            std::size_t plane = 0;
            for (std::size_t p = 1; p < 3; ++p)
                if (s->lumbar.planes[p].lumbarDeg > s->lumbar.planes[plane].lumbarDeg) plane = p;
            for (const auto& l : s->lumbar.levels) out << "lumbar=" << l.name << " " << l.deg[plane] << " " << l.share[plane] << "\n";
            out << "lumbar_share=" << s->lumbar.planes[plane].lumbarShare << "\n";
            out << "pelvic_drop=" << s->trendelenburg.dropDeg << "\n";
        }
    }
    out << "camera=" << m_camera.azimuthDeg << " " << m_camera.elevationDeg << " " << m_camera.distance << "\n";
    out << "model=" << m_doc.modelDisplayName() << "\n";
    if (const auto d = io::writeFileAtomic(path, out.str())) {
        message(d->format());
        return false;
    }
    return true;
}

void Viewer::carryOut(PanelContext& ctx, const draw::DrawList& list) {
    if (ctx.frameSelection || m_pendingFrameSelection) frameScene(!m_doc.selection.empty(), list);
    else if (ctx.frameAll || m_pendingFrame) frameScene(false, list);
    m_pendingFrame = m_pendingFrameSelection = false;
    for (const std::string& m : ctx.messages) message(m);
    if (ctx.quit) glfwSetWindowShouldClose(m_window, GLFW_TRUE);
}

void Viewer::benchmarkStep(double frameMs, bool& done) {
    // Phase 0: settle. 1: orbit, adaptive. 2: orbit, full quality every frame. 3: still.
    const int n = m_options.benchmarkFrames;
    if (m_benchPhase == 0) {
        if (m_policy.atFullQuality() && ++m_benchFrame > 5) m_benchPhase = 1, m_benchFrame = 0;
        return;
    }
    if (m_benchFrame > 0) {
        m_benchTimes[m_benchPhase - 1].ms.push_back(frameMs);
        for (std::size_t ph = 0; ph < 4; ++ph) m_phaseTimes[m_benchPhase - 1][ph].ms.push_back(m_phase[ph]);
    }
    if (++m_benchFrame > n) {
        m_benchFrame = 0;
        ++m_benchPhase;
        m_policy.settings().adaptive = m_benchPhase != 2;
        m_adaptive = m_benchPhase != 2;
    }
    if (m_benchPhase == 4) {
        std::printf("window %dx%d, viewport %.0fx%.0f, %s\n", m_fbW, m_fbH, static_cast<double>(m_viewport.w), static_cast<double>(m_viewport.h),
                    reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
        m_benchTimes[0].print("orbiting, adaptive quality");
        m_benchTimes[1].print("orbiting, full quality every frame");
        m_benchTimes[2].print("still (kept picture, panels redrawn)");
        const char* phases[] = {"  panels (ImGui, CPU)", "  scene (hv::render, glFinish)", "  present + panels (GL, glFinish)",
                                "  swap (to the X server)"};
        const char* runs[] = {"orbiting, adaptive", "orbiting, full quality", "still"};
        for (int r = 0; r < 3; ++r) {
            std::printf("%s, by phase:\n", runs[r]);
            for (int ph = 0; ph < 4; ++ph) m_phaseTimes[r][static_cast<std::size_t>(ph)].print(phases[ph]);
        }
        std::fflush(stdout);
        done = true;
        return;
    }
    if (m_benchPhase == 1 || m_benchPhase == 2) m_camera.orbit(3.0, 0.0);
}

void Viewer::frame(double dt) {
    const double frameStart = now();
    glfwGetFramebufferSize(m_window, &m_fbW, &m_fbH);
    glfwGetWindowSize(m_window, &m_winW, &m_winH);
    for (const std::string& p : m_dropped) {
        const Diagnostics d = m_doc.openModel(p);
        if (m_doc.modelPath() == p) m_pendingFrame = true;
        else addMessages(d, "");
        break; // one model at a time: the first dropped file
    }
    m_dropped.clear();

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();

    PanelContext ctx(m_doc, m_camera);
    ctx.bold = m_bold;
    ctx.small = m_small;
    ctx.frameMs = m_frameMs;
    ctx.qualityText = m_qualityText;
    ctx.adaptiveQuality = &m_adaptive;
    ctx.plotPart = &m_plotPart;
    ctx.plotDof = &m_plotDof;
    ctx.showPanels = &m_showPanels;
    layoutAndPanels(ctx);
    bool interacting = ImGui::IsAnyItemActive() || m_benchPhase == 1 || m_benchPhase == 2;
    handleViewportInput(ctx, dt, interacting);
    dialogs(ctx);
    m_policy.settings().adaptive = m_adaptive;

    m_doc.advance(dt);
    interacting |= (m_doc.activeMovement() && m_doc.playback.playing) || (m_doc.animation.index >= 0 && m_doc.animation.playing);
    // The light list (cheap to rebuild) says whether anything changed and frames the camera; the
    // full one is built only for full-quality pictures.
    const draw::DrawList& coarse = m_doc.drawList(Detail::Coarse);
    carryOut(ctx, coarse);

    // The 3D picture, drawn only when it changed (or to replace a moving-quality one).
    const bool bench = m_options.benchmarkFrames > 0;
    if (bench) m_phase[0] = (now() - frameStart) * 1000.0;
    const double sceneStart = now();
    const bool changed = m_drawnRevision != m_doc.revision() || !(m_drawnCamera == m_camera) ||
                         m_drawnViewport.w != m_viewport.w || m_drawnViewport.h != m_viewport.h || m_fbW <= 0;
    const float sx = static_cast<float>(m_fbW) / std::max(1, m_winW);
    const int vw = std::max(1, static_cast<int>(m_viewport.w * sx)), vh = std::max(1, static_cast<int>(m_viewport.h * sx));
    if (const auto q = m_policy.next(now(), changed, interacting)) {
        const draw::DrawList& drawn = q->fullDetail ? m_doc.drawList(Detail::Full) : coarse;
        const gfx::Camera cam = currentCamera(drawn);
        render::RenderSettings base;
        base.background = glm::vec4(1.0f); // as figures: "Save figure..." gives the same picture
        base.outlinePixels = 3.0f;
        m_view->draw(drawn.items, cam, vw, vh, *q, base);
        m_drawnRevision = m_doc.revision();
        m_drawnCamera = m_camera;
        m_drawnViewport = m_viewport;
        m_stableFrames = 0;
        char buf[96];
        int w = 0, h = 0;
        scaledSize(*q, vw, vh, w, h);
        std::snprintf(buf, sizeof buf, "%s: %dx%d, %s, %s, %s", q->resolutionScale < 1.0f ? "moving" : "full quality", w, h,
                      q->samples > 1 ? (std::to_string(q->samples) + "x MSAA").c_str() : "no MSAA",
                      q->ambientOcclusion ? "AO" : "no AO", q->fullDetail ? "full detail" : "light meshes");
        m_qualityText = buf;
    } else {
        ++m_stableFrames;
    }
    if (bench) {
        glFinish();
        m_phase[1] = (now() - sceneStart) * 1000.0;
    }
    const double overlayStart = now();
    {
        const draw::DrawList& shown = m_policy.atFullQuality() ? m_doc.drawList(Detail::Full) : coarse;
        overlay(shown, currentCamera(shown));
    }
    ImGui::Render();
    if (bench) m_phase[0] += (now() - overlayStart) * 1000.0;
    const double presentStart = now();

    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, m_fbW, m_fbH);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(0.93f, 0.92f, 0.90f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    m_view->present(0, static_cast<int>(m_viewport.x * sx), m_fbH - static_cast<int>((m_viewport.y + m_viewport.h) * sx), vw, vh);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    // What tests and scripts asked for, once the start state is shown at full quality.
    // (After 60 s regardless, so a script never waits forever.)
    const bool timedOut = now() - m_startTime > 60.0;
    if (!m_startWritten && m_options.benchmarkFrames == 0 && ((m_policy.atFullQuality() && m_stableFrames >= 3) || timedOut)) {
        if (timedOut) std::fprintf(stderr, "hipview: the picture did not settle within 60 s; writing what is shown\n");
        m_startWritten = true;
        bool ok = true;
        if (!m_options.screenshot.empty()) ok &= writeScreenshot(m_options.screenshot);
        if (!m_options.figure.empty()) ok &= writeFigure(m_options.figure, true);
        if (!m_options.stateReport.empty()) ok &= writeStateReport(m_options.stateReport);
        if (!ok) m_exitCode = 1;
        if (m_options.quit) glfwSetWindowShouldClose(m_window, GLFW_TRUE);
    }
    if (!m_pendingScreenshot.empty() && !m_figureDialog.isOpen() && !m_shotDialog.isOpen()) {
        // Taken from a frame without the dialog on it.
        writeScreenshot(m_pendingScreenshot);
        m_pendingScreenshot.clear();
    }
    if (bench) {
        glFinish();
        m_phase[2] = (now() - presentStart) * 1000.0;
    }
    const double frameMs = (now() - frameStart) * 1000.0;
    m_frameMs = 0.9 * m_frameMs + 0.1 * frameMs;
    const double swapStart = now();
    glfwSwapBuffers(m_window);
    if (bench) {
        glFinish();
        m_phase[3] = (now() - swapStart) * 1000.0;
    }
    if (m_options.benchmarkFrames > 0) {
        bool done = false;
        benchmarkStep((now() - m_lastFrameStart) * 1000.0, done);
        m_lastFrameStart = now();
        if (done) glfwSetWindowShouldClose(m_window, GLFW_TRUE);
    }
    std::string title = "HipView - ";
    title += m_doc.modelDisplayName();
    if (title != m_title) {
        m_title = title;
        glfwSetWindowTitle(m_window, title.c_str());
    }
}

int Viewer::run() {
    std::string error;
    if (!setUp(error)) {
        std::fprintf(stderr, "hipview: %s\n", error.c_str());
        return 1;
    }
    applyStartState();
    m_startTime = now();
    double last = now();
    m_lastFrameStart = last;
    while (!glfwWindowShouldClose(m_window)) {
        // Sleep while nothing moves and the full-quality picture is shown.
        const bool idle = m_policy.atFullQuality() && m_dragButton < 0 && !m_keysMoving && !m_doc.playback.playing &&
                          !(m_doc.animation.index >= 0 && m_doc.animation.playing) && m_options.benchmarkFrames == 0 &&
                          m_stableFrames > 3 && (m_startWritten || !scripted());
        releaseHeldKeys(); // the keys tapped during the last batch were seen pressed by a frame: release them
        if (idle && m_heldReleases.empty()) glfwWaitEventsTimeout(0.25);
        else glfwPollEvents();
        const double t = now();
        frame(std::min(0.1, t - last));
        last = t;
    }
    return m_exitCode;
}

} // namespace

int runViewer(const Content& content, const movement::MovementLibrary* movements, const ViewerOptions& options) {
    Viewer viewer(content, movements, options);
    return viewer.run();
}

} // namespace hv::ui
