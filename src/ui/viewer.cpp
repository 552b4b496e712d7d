// The window: its lifetime, the frame loop, GLFW callbacks and input turned into calls on the
// document. What is painted over the 3D view is in viewer_overlays.cpp; the start state, the
// scripted outputs and the benchmark driver are in viewer_script.cpp.
#include "ui/viewer.hpp"

#include "anatomy_draw/standard_view.hpp"
#include "document/window_layout.hpp"
#include "render/label_overlay.hpp"
#include "ui/detail/viewer_impl.hpp"

#include <epoxy/gl.h>

#include <GLFW/glfw3.h>

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace hv::ui {

using namespace hv::doc;

namespace detail {

namespace {

std::string g_glfwError;
void onGlfwError(int, const char* description) { g_glfwError = description ? description : "unknown GLFW error"; }

} // namespace

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

Viewer::Viewer(const Content& content, const movement::MovementLibrary* movements, const ViewerOptions& options)
    : m_options(options), m_doc(content, movements, options.dataDirectory + "/assets/hip.glb"), m_policy(options.quality) {}

Viewer::~Viewer() {
    m_view.reset();
    m_normalView.reset();
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

void Viewer::cursorInViewport(const ImVec2& mouse, int& x, int& y) const {
    x = static_cast<int>((mouse.x - m_viewport.x) * (static_cast<float>(m_fbW) / std::max(1, m_winW)));
    y = static_cast<int>((mouse.y - m_viewport.y) * (static_cast<float>(m_fbH) / std::max(1, m_winH)));
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
    // The size asked for, else one that fits the screen's work area; centred on it.
    int workX = 0, workY = 0;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) glfwGetMonitorWorkarea(monitor, &workX, &workY, &m_screenW, &m_screenH);
    doc::WindowSize size{m_options.width, m_options.height};
    if (size.w <= 0 || size.h <= 0) size = doc::initialWindowSize(m_screenW, m_screenH);
    GLFWmonitor* fullScreen = nullptr; // presenter mode: the whole primary monitor
    if (m_options.fullScreen)
        if (GLFWmonitor* monitor = glfwGetPrimaryMonitor())
            if (const GLFWvidmode* mode = glfwGetVideoMode(monitor)) {
                size = {mode->width, mode->height};
                fullScreen = monitor;
            }
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    m_window = glfwCreateWindow(size.w, size.h, "HipView", fullScreen, nullptr);
    if (!m_window) {
        error = "the window could not open (" + g_glfwError +
                "); figures render without one: hipview render (see hipview render --help)";
        return false;
    }
    if (m_screenW > 0 && m_screenH > 0 && !fullScreen)
        glfwSetWindowPos(m_window, workX + std::max(0, (m_screenW - size.w) / 2), workY + std::max(0, (m_screenH - size.h) / 2));
    glfwShowWindow(m_window);
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(benchmarking() ? 0 : 1);
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
    m_contentScale = std::clamp(xs, 1.0f, 3.0f);
    m_textSize = std::clamp(m_options.textSize, 0.75f, 2.0f);
    m_options.textSize = m_textSize;
    loadFonts();
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    glfwSetKeyCallback(m_window, onKeyForImGui); // in front of ImGui's (which chains to onKey)
    ImGui_ImplOpenGL3_Init("#version 330 core");
    m_adaptive = m_options.quality.adaptive;
    m_showPanels = m_options.panels;
    return true;
}

void Viewer::loadFonts() {
    m_uiScale = presenting() ? presenterFontPixels() / 16.0f : m_contentScale * m_textSize;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
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
        m_large = std::filesystem::is_regular_file(bold, ec) ? io.Fonts->AddFontFromFileTTF(bold.c_str(), 30.0f * m_uiScale, &cfg)
                                                             : nullptr;
    } else {
        static bool said = false;
        if (!said)
            std::fprintf(stderr, "hipview: %s not found (install fonts-dejavu-core); using Dear ImGui's small built-in font\n",
                         regular.c_str());
        said = true;
        io.Fonts->AddFontDefault();
        m_bold = m_small = m_large = nullptr;
    }
    ImGui::GetStyle() = ImGuiStyle();
    applyTheme(m_uiScale);
}

void Viewer::notePanel(const char* name) {
    const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
    m_panelRects.emplace_back(name, Rect{p.x, p.y, s.x, s.y});
}

gfx::Camera Viewer::currentCamera(const draw::DrawList& list) const {
    scene::Bounds all;
    for (const auto& i : list.items) all.add(i.bounds);
    return m_camera.camera(all);
}

float Viewer::playbackBarHeight() const {
    if (!m_doc.activeMovement() || presenting()) return 0.0f;
    // The bar's two rows (title, controls), its padding and its gap to the view's bottom edge.
    const ImGuiStyle& st = ImGui::GetStyle();
    return 2.0f * ImGui::GetFrameHeightWithSpacing() + 2.0f * st.WindowPadding.y + 8.0f;
}

float Viewer::compareCaptionHeight() const {
    // drawCompareCaptions()'s box (padding, the title, the large number) and the gauge line under it.
    const float pad = 10.0f * m_uiScale;
    const float title = m_bold ? m_bold->FontSize : ImGui::GetFontSize(), big = m_large ? m_large->FontSize : ImGui::GetFontSize();
    return pad + title + big + 2.5f * pad + ImGui::GetFontSize() + 20.0f;
}

void Viewer::frameScene(bool selectionOnly, const draw::DrawList& list, bool wholeBody) {
    const float aspect = m_viewport.h > 0 ? m_viewport.w / m_viewport.h : 1.0f;
    const float barFree = m_viewport.h > 0 ? playbackBarHeight() / m_viewport.h : 0.0f;
    const float captionFree = m_comparing && m_viewport.h > 0 ? compareCaptionHeight() / m_viewport.h : 0.0f;
    if (selectionOnly) {
        scene::Bounds b = gfx::focusBounds(list.items, 0.15f);
        m_camera.frameAbove(b, aspect, barFree, 0.08f, captionFree);
    } else {
        // "Frame everything": every drawn item, the lower legs and feet included.
        m_camera.frameAbove(wholeBody ? gfx::wholeBodyBounds(list.items) : gfx::framingBounds(list.items), aspect, barFree, 0.05f,
                            captionFree);
    }
}

void Viewer::layoutAndPanels(PanelContext& ctx) {
    ImGuiIO& io = ImGui::GetIO();
    drawMenuBar(ctx);
    const float top = ImGui::GetFrameHeight();
    const float W = io.DisplaySize.x, H = io.DisplaySize.y;
    m_panelRects.clear();
    m_panelRects.emplace_back("menu", Rect{0.0f, 0.0f, W, top});
    m_comparing = false;
    if (m_quiz) { // the quiz's own layout: no panel that names muscles
        layoutQuiz(ctx, W, H, top);
        return;
    }
    const doc::PanelLayout layout = doc::panelLayout(W, H, top, m_uiScale, m_showPanels, !m_doc.selection.empty());
    const bool info = layout.hasInfo;
    m_viewport = {layout.view.x, layout.view.y, layout.view.w, layout.view.h};
    m_viewArea = m_viewport;
    m_comparing = m_doc.comparing();
    if (m_comparing) { // normal hips on the left, the compared side on the right, a 2 px seam between
        const float half = std::floor(m_viewArea.w * 0.5f);
        m_normalViewport = {m_viewArea.x, m_viewArea.y, half - 1.0f, m_viewArea.h};
        m_viewport = {m_viewArea.x + half + 1.0f, m_viewArea.y, m_viewArea.w - half - 1.0f, m_viewArea.h};
    }
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (m_showPanels) {
        ImGui::SetNextWindowPos(ImVec2(layout.left.x, layout.left.y));
        ImGui::SetNextWindowSize(ImVec2(layout.left.w, layout.left.h));
        ImGui::Begin("##left", nullptr, fixed);
        notePanel("left");
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
        ImGui::SetNextWindowPos(ImVec2(layout.info.x, layout.info.y));
        ImGui::SetNextWindowSize(ImVec2(layout.info.w, layout.info.h));
        ImGui::Begin("##info", nullptr, fixed);
        notePanel("info");
        drawInfoPanel(ctx, m_bars);
        ImGui::End();
    }
    const ImVec4 bar = drawPlaybackBar(ctx, m_viewArea.x, m_viewArea.y + m_viewArea.h - 8, m_viewArea.w);
    if (bar.z > 0.0f) m_panelRects.emplace_back("playback", Rect{bar.x, bar.y, bar.z, bar.w});
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
                int x = 0, y = 0;
                cursorInViewport(io.MousePos, x, y);
                // The id image is drawn from the light meshes (same items, same pick ids): a quarter
                // of the triangles, for a picture the user never sees.
                const std::uint32_t id = m_view->pickAt(m_doc.drawList(Detail::Coarse).items, cam, x, y, isMusclePick(list));
                Selection s = selectionFromPick(m_doc.model(), list, id);
                if (!s.empty() && s.muscleId == m_doc.selection.muscleId) s.bothSides = m_doc.selection.bothSides && s.side == m_doc.selection.side;
                if (!quizTakesPick(s)) m_doc.select(s);
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
            else if (k.key == GLFW_KEY_ESCAPE && !m_quiz) m_doc.select({});
            else if (k.key == GLFW_KEY_TAB) m_showPanels = !m_showPanels;
            else if (k.key == GLFW_KEY_SPACE && m_doc.activeMovement()) m_doc.playback.playing = !m_doc.playback.playing;
            else if (k.key == GLFW_KEY_F12) ctx.screenshotDialog = true;
        }
    }
    m_keyPresses.clear();
    interacting |= m_keysMoving;
    m_mouseMoved |= io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f;
    hoverTip(over, interacting);
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
    if (ctx.openProfileDialog) m_profileDialog.open(FileDialog::Mode::Open, "Open a client profile", {".toml"});
    if (auto p = m_profileDialog.draw()) {
        // A bad profile shows its messages; the window keeps the limits and strengths it had.
        Diagnostics d;
        if (const auto profile = movement::loadClientProfile(m_doc.model(), *p, d)) m_doc.applyProfile(*profile);
        else addMessages(d, "");
    }
    if (auto p = m_figureDialog.draw()) writeFigure(p->string(), false);
    if (auto p = m_shotDialog.draw()) m_pendingScreenshot = p->string();
    quizDialogs(ctx);

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

void Viewer::carryOut(PanelContext& ctx, const draw::DrawList& list) {
    // A movement that starts turns the camera to its own view and frames it (not in a quiz or a
    // lesson, which set their own cameras, nor for the movement a --view started with).
    const movement::Movement* mov = m_doc.activeMovement();
    const std::string movementId = mov ? mov->id : std::string();
    if (m_comparing != m_framedComparing) { // compare mode on or off: another aspect, captions at the top
        m_framedComparing = m_comparing;
        if (mov && !m_quiz && !presenting()) m_pendingFrameBody = true;
    }
    if (movementId != m_cameraMovement) {
        m_cameraMovement = movementId;
        if (mov && mov->camera && !m_quiz && !presenting()) {
            m_camera.azimuthDeg = (*mov->camera)[0];
            m_camera.elevationDeg = (*mov->camera)[1];
            m_pendingFrameBody = true;
        }
    }
    if (m_pendingFrameBody) {
        frameScene(false, list, true);
        m_pendingFrameBody = m_pendingFrame = false;
    }
    if (ctx.frameSelection || m_pendingFrameSelection) frameScene(!m_doc.selection.empty(), list);
    else if (ctx.frameAll) frameScene(false, list, true);
    else if (m_pendingFrame) frameScene(false, list);
    m_pendingFrame = m_pendingFrameSelection = false;
    for (const std::string& m : ctx.messages) message(m);
    if (ctx.quit) glfwSetWindowShouldClose(m_window, GLFW_TRUE);
}

void Viewer::openDroppedModel() {
    for (const std::string& p : m_dropped) {
        const Diagnostics d = m_doc.openModel(p);
        if (m_doc.modelPath() == p) m_pendingFrame = true;
        else addMessages(d, "");
        break; // one model at a time: the first dropped file
    }
    m_dropped.clear();
}

void Viewer::drawPicture(const draw::DrawList& coarse, bool interacting) {
    // Drawn only when it changed (or to replace a moving-quality one).
    const bool changed = m_drawnRevision != m_doc.revision() || !(m_drawnCamera == m_camera) ||
                         m_drawnViewport.w != m_viewport.w || m_drawnViewport.h != m_viewport.h || m_fbW <= 0;
    const float sx = pixelScale();
    const int vw = std::max(1, static_cast<int>(m_viewport.w * sx)), vh = std::max(1, static_cast<int>(m_viewport.h * sx));
    if (const auto q = m_policy.next(now(), changed, interacting)) {
        const draw::DrawList& drawn = q->fullDetail ? m_doc.drawList(Detail::Full) : coarse;
        const gfx::Camera cam = currentCamera(drawn);
        render::RenderSettings base;
        base.background = glm::vec4(1.0f); // as figures: "Save figure..." gives the same picture
        base.outlinePixels = 3.0f;
        m_view->draw(drawn.items, cam, vw, vh, *q, base);
        if (m_comparing) { // the normal side: the same camera, the same quality, its own half
            if (!m_normalView) m_normalView = std::make_unique<SceneView>(*m_renderer);
            const draw::DrawList& normal = m_doc.normalDrawList(q->fullDetail ? Detail::Full : Detail::Coarse);
            const int nw = std::max(1, static_cast<int>(m_normalViewport.w * sx));
            m_normalView->draw(normal.items, cam, nw, vh, *q, base);
        }
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
}

void Viewer::present() {
    // The kept picture into the viewport, the panels over it.
    const float sx = pixelScale();
    const int vw = std::max(1, static_cast<int>(m_viewport.w * sx)), vh = std::max(1, static_cast<int>(m_viewport.h * sx));
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, m_fbW, m_fbH);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(0.93f, 0.92f, 0.90f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    m_view->present(0, static_cast<int>(m_viewport.x * sx), m_fbH - static_cast<int>((m_viewport.y + m_viewport.h) * sx), vw, vh);
    if (m_comparing && m_normalView && m_normalView->hasPicture())
        m_normalView->present(0, static_cast<int>(m_normalViewport.x * sx),
                              m_fbH - static_cast<int>((m_normalViewport.y + m_normalViewport.h) * sx),
                              std::max(1, static_cast<int>(m_normalViewport.w * sx)), vh);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Viewer::frame(double dt) {
    // Benchmarks time four phases of the frame (m_phase, ms): panels (CPU), scene, present +
    // panels (GL), swap; each GL phase ends with glFinish.
    const bool bench = benchmarking();
    const double frameStart = now();
    glfwGetFramebufferSize(m_window, &m_fbW, &m_fbH);
    glfwGetWindowSize(m_window, &m_winW, &m_winH);
    openDroppedModel();
    if (m_textSize != m_options.textSize) { // the View panel changed it last frame
        m_textSize = std::clamp(m_options.textSize, 0.75f, 2.0f);
        m_options.textSize = m_textSize;
        loadFonts();
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    scriptInput();
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
    ctx.textSize = &m_options.textSize;
    if (presenting()) presenterLayout();
    else layoutAndPanels(ctx);
    bool interacting = ImGui::IsAnyItemActive() || benchmarkOrbiting();
    if (presenting()) presenterInput(ctx);
    else handleViewportInput(ctx, dt, interacting);
    dialogs(ctx);
    m_policy.settings().adaptive = m_adaptive;

    if (presenting()) presenterAdvance();
    m_doc.advance(dt);
    interacting |= m_present.moving;
    interacting |= (m_doc.activeMovement() && m_doc.playback.playing) || (m_doc.animation.index >= 0 && m_doc.animation.playing);
    // The light list (cheap to rebuild) says whether anything changed and frames the camera; the
    // full one is built only for full-quality pictures.
    const draw::DrawList& coarse = m_doc.drawList(Detail::Coarse);
    carryOut(ctx, coarse);

    if (bench) m_phase[0] = (now() - frameStart) * 1000.0;
    const double sceneStart = now();
    drawPicture(coarse, interacting);
    if (bench) {
        glFinish();
        m_phase[1] = (now() - sceneStart) * 1000.0;
    }
    const double overlayStart = now();
    {
        const draw::DrawList& shown = m_policy.atFullQuality() ? m_doc.drawList(Detail::Full) : coarse;
        overlay(shown, currentCamera(shown));
        if (presenting()) presenterCaption();
    }
    ImGui::Render();
    if (bench) m_phase[0] += (now() - overlayStart) * 1000.0;
    const double presentStart = now();
    present();

    writeScriptedOutputs();
    scriptStep();
    if (presenting()) presenterScript();
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
                          !(m_doc.animation.index >= 0 && m_doc.animation.playing) && !benchmarking() &&
                          !m_present.moving && m_stableFrames > 3 && (m_startWritten || !scripted()) &&
                          !scriptRunning();
        releaseHeldKeys(); // the keys tapped during the last batch were seen pressed by a frame: release them
        if (idle && m_heldReleases.empty()) glfwWaitEventsTimeout(0.25);
        else glfwPollEvents();
        const double t = now();
        frame(std::min(0.1, t - last));
        last = t;
    }
    return m_exitCode;
}

} // namespace detail

int runViewer(const Content& content, const movement::MovementLibrary* movements, const ViewerOptions& options) {
    detail::Viewer viewer(content, movements, options);
    return viewer.run();
}

} // namespace hv::ui
