// Presenter mode (`hipview present LESSON.toml`): the window without panels, text sized to be read
// from the back of a room, a lesson's steps shown one at a time with the keys a presentation
// clicker sends (Page Down / Right / Space: next; Page Up / Left: previous; Escape leaves), each
// step reached by a short animation of the orbit camera and the pose (doc::interpolateCamera,
// doc::interpolatePose) rather than a jump. What a step sets is the document's rule
// (doc::applyLessonStep); this file only drives it and paints the caption.
#include "ui/detail/viewer_impl.hpp"

#include "core/units.hpp"
#include "anatomy_draw/colouring.hpp"
#include "document/lesson.hpp"
#include "document/live_actions.hpp"
#include "document/wording.hpp"
#include "ui/panels.hpp"
#include "gfx/camera.hpp"

#include <GLFW/glfw3.h>

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace hv::ui {

namespace {

struct NamedKey {
    const char* name;
    int key;
};
constexpr NamedKey kKeys[] = {{"pagedown", GLFW_KEY_PAGE_DOWN}, {"pageup", GLFW_KEY_PAGE_UP}, {"right", GLFW_KEY_RIGHT},
                              {"left", GLFW_KEY_LEFT},          {"space", GLFW_KEY_SPACE},    {"escape", GLFW_KEY_ESCAPE}};

int keyCode(const std::string& name) {
    for (const NamedKey& k : kKeys)
        if (name == k.name) return k.key;
    return GLFW_KEY_UNKNOWN;
}

// Of a room's screen: a line of text at least this fraction of the window's height.
constexpr float kRoomTextFraction = 0.036f;

} // namespace

const std::vector<std::string>& presenterKeyNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const NamedKey& k : kKeys) n.emplace_back(k.name);
        return n;
    }();
    return names;
}

namespace detail {

float Viewer::presenterFontPixels() const {
    int w = 0, h = 0;
    if (m_window) glfwGetWindowSize(m_window, &w, &h);
    return std::max(16.0f, kRoomTextFraction * static_cast<float>(h));
}

void Viewer::presenterLayout() {
    const ImGuiIO& io = ImGui::GetIO();
    m_panelRects.clear();
    m_bars.clear();
    m_viewport = {0.0f, 0.0f, io.DisplaySize.x, io.DisplaySize.y};
    m_pendingFrame = m_pendingFrameSelection = false; // each step frames itself
    if (m_present.step < 0 && m_viewport.w > 0 && m_viewport.h > 0 && !m_options.lesson->steps.empty()) presenterGo(0);
}

void Viewer::presenterGo(int index) {
    const doc::Lesson& lesson = *m_options.lesson;
    const int n = static_cast<int>(lesson.steps.size());
    if (index < 0 || index >= n || (index == m_present.step && !m_present.moving)) return;
    const bool first = m_present.step < 0;
    // From what is shown now (mid-transition too).
    const std::vector<double> fromPose(m_doc.pose().begin(), m_doc.pose().end());
    const doc::OrbitCamera fromCamera = m_camera;
    const doc::LessonStep& step = lesson.steps[static_cast<std::size_t>(index)];
    const Diagnostics d = doc::applyLessonStep(m_doc, step);
    if (!d.empty()) { // the window keeps what it had
        addMessages(d, "");
        return;
    }
    m_present.step = index;
    const float aspect = m_viewport.h > 0 ? m_viewport.w / m_viewport.h : 16.0f / 9.0f;
    const draw::DrawList& list = m_doc.drawList(doc::Detail::Coarse);
    m_present.toCamera = doc::stepCamera(step, gfx::framingBounds(list.items), aspect, m_camera);
    m_present.toPose.assign(m_doc.pose().begin(), m_doc.pose().end());
    if (first || fromPose.size() != m_present.toPose.size()) {
        m_camera = m_present.toCamera;
        m_present.moving = false;
        if (scripted()) m_doc.playback.playing = false;
        return;
    }
    m_present.fromCamera = fromCamera;
    m_present.fromPose = fromPose;
    m_present.moving = true;
    m_present.start = now();
    // During the transition the pose is the interpolated one; the step's movement (if any) takes
    // over when it ends (presenterAdvance applies the step again).
    if (m_doc.activeMovement()) m_doc.stopMovement();
    m_doc.manualPose = fromPose;
}

void Viewer::presenterAdvance() {
    if (!m_present.moving) return;
    const double t = (now() - m_present.start) / doc::kStepTransitionSeconds;
    if (t < 1.0) {
        m_camera = doc::interpolateCamera(m_present.fromCamera, m_present.toCamera, t);
        m_doc.manualPose = doc::interpolatePose(m_present.fromPose, m_present.toPose, t);
        return;
    }
    m_present.moving = false;
    const doc::LessonStep& step = m_options.lesson->steps[static_cast<std::size_t>(m_present.step)];
    addMessages(doc::applyLessonStep(m_doc, step), "");
    m_camera = m_present.toCamera;
    if (scripted()) m_doc.playback.playing = false; // scripted runs wait for a still picture
}

void Viewer::presenterInput(PanelContext& ctx) {
    for (const KeyPress& k : m_keyPresses) {
        if (k.key == GLFW_KEY_PAGE_DOWN || k.key == GLFW_KEY_RIGHT || k.key == GLFW_KEY_SPACE || k.key == GLFW_KEY_DOWN)
            presenterGo(m_present.step + 1);
        else if (k.key == GLFW_KEY_PAGE_UP || k.key == GLFW_KEY_LEFT || k.key == GLFW_KEY_BACKSPACE || k.key == GLFW_KEY_UP)
            presenterGo(m_present.step - 1);
        else if (k.key == GLFW_KEY_ESCAPE || ((k.mods & GLFW_MOD_CONTROL) && k.key == GLFW_KEY_Q))
            ctx.quit = true;
        else if (k.key == GLFW_KEY_F12)
            ctx.screenshotDialog = true;
    }
    m_keyPresses.clear();
    m_keysMoving = false;
}

void Viewer::presenterCaption() {
    if (m_present.step < 0) return;
    const doc::Lesson& lesson = *m_options.lesson;
    const doc::LessonStep& step = lesson.steps[static_cast<std::size_t>(m_present.step)];
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const float W = m_viewport.w, H = m_viewport.h;
    const float pad = 0.5f * ImGui::GetFontSize();
    // The title and where we are, top right (the legend is top left).
    {
        const std::string head = lesson.title + "   " + std::to_string(m_present.step + 1) + " / " + std::to_string(lesson.steps.size());
        if (m_small) ImGui::PushFont(m_small);
        const ImVec2 t = ImGui::CalcTextSize(head.c_str());
        const ImVec2 at(W - t.x - 2 * pad, pad);
        dl->AddRectFilled(ImVec2(at.x - pad, at.y - pad * 0.5f), ImVec2(W - pad, at.y + t.y + pad * 0.5f), IM_COL32(255, 255, 255, 215), 6.0f);
        dl->AddText(at, IM_COL32(70, 70, 76, 255), head.c_str());
        if (m_small) ImGui::PopFont();
    }
    presenterActionBar(pad);
    if (step.caption.empty()) return;
    // The caption: centred at the bottom, on a light band, one line per caption line.
    std::vector<std::string> lines;
    std::istringstream in(step.caption);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    const float lineH = ImGui::GetTextLineHeightWithSpacing();
    float w = 0.0f;
    for (const std::string& l : lines) w = std::max(w, ImGui::CalcTextSize(l.c_str()).x);
    const float h = lineH * static_cast<float>(lines.size());
    const ImVec2 b0(std::max(pad, 0.5f * (W - w) - 2 * pad), H - h - 3 * pad);
    const ImVec2 b1(std::min(W - pad, 0.5f * (W + w) + 2 * pad), H - pad);
    dl->AddRectFilled(b0, b1, IM_COL32(255, 255, 255, 235), 8.0f);
    dl->AddRect(b0, b1, IM_COL32(150, 145, 138, 230), 8.0f, 0, 2.0f);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const float lw = ImGui::CalcTextSize(lines[i].c_str()).x;
        dl->AddText(ImVec2(0.5f * (W - lw), b0.y + pad + lineH * static_cast<float>(i)), IM_COL32(25, 25, 30, 255), lines[i].c_str());
    }
    m_panelRects.emplace_back("caption", Rect{b0.x, b0.y, b1.x - b0.x, b1.y - b0.y});
}

void Viewer::presenterActionBar(float pad) {
    m_presentBar.reset();
    if (m_doc.selection.empty()) return;
    // What the bar shows: for a hip muscle its moment arm about the colour's hip coordinate; for a
    // trunk muscle (no hip crossed) its strongest lumbar motion, summed over the levels it crosses.
    std::string dofName, word;
    double mm = 0.0, fraction = 0.0;
    glm::vec3 c{0.0f};
    if (const std::vector<doc::PartLumbarActions> lumbar = m_doc.lumbarActionsOfSelection(); !lumbar.empty()) {
        const doc::LumbarBar* strongest = &lumbar.front().bars.front();
        for (const doc::LumbarBar& b : lumbar.front().bars)
            if (std::abs(b.momentArmMm) > std::abs(strongest->momentArmMm)) strongest = &b;
        dofName = std::string(lumbarDofName(strongest->dof));
        word = doc::lumbarBarWord(*strongest, m_doc.wording);
        mm = strongest->momentArmMm;
        fraction = doc::barFraction(mm, doc::kLumbarBarFullScaleMm);
        c = draw::lumbarRoleColour(strongest->dof, mm / 1000.0);
    } else {
        const std::vector<doc::PartActions> parts = m_doc.liveActionsOfSelection();
        if (parts.empty()) return;
        const doc::ActionBar& bar = parts.front().bars[static_cast<std::size_t>(m_doc.roleDof)];
        if (bar.coordinate < 0) return;
        dofName = std::string(hipDofName(bar.dof));
        word = actionWord(m_doc.content(), bar.dof, bar.action, m_doc.wording);
        mm = bar.momentArmMm;
        fraction = doc::barFraction(mm);
        c = draw::roleColour(bar.action);
    }
    const MuscleInfo* info = m_doc.content().findMuscleInfo(m_doc.selection.muscleId);
    const std::string head = (info ? info->name : m_doc.selection.muscleId) + ": " + word;
    // Top right, under the title: the moment arm about the colour's hip coordinate as a bar
    // from the centre (as the info panel's action bars), in the role colour.
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const float lineH = ImGui::GetTextLineHeightWithSpacing();
    const float w = std::max(0.3f * m_viewport.w, ImGui::CalcTextSize(head.c_str()).x + 2 * pad);
    const ImVec2 b0(m_viewport.w - pad - w, 2.2f * lineH), b1(m_viewport.w - pad, 2.2f * lineH + 2.4f * lineH);
    dl->AddRectFilled(b0, b1, IM_COL32(255, 255, 255, 225), 6.0f);
    dl->AddText(ImVec2(b0.x + pad, b0.y + 0.2f * lineH), IM_COL32(25, 25, 30, 255), head.c_str());
    const float cx = 0.5f * (b0.x + b1.x), half = 0.5f * w - pad, y0 = b0.y + 1.35f * lineH, y1 = b1.y - 0.3f * lineH;
    dl->AddRectFilled(ImVec2(cx - half, y0), ImVec2(cx + half, y1), IM_COL32(232, 229, 224, 255), 3.0f);
    const float len = static_cast<float>(fraction) * half;
    dl->AddRectFilled(ImVec2(std::min(cx, cx + len), y0), ImVec2(std::max(cx, cx + len), y1), linearToImColor(c.r, c.g, c.b), 3.0f);
    dl->AddLine(ImVec2(cx, y0 - 3.0f), ImVec2(cx, y1 + 3.0f), IM_COL32(40, 40, 44, 255), 2.0f);
    m_presentBar = PresenterBar{dofName, mm, word};
    m_panelRects.emplace_back("action_bar", Rect{b0.x, b0.y, b1.x - b0.x, b1.y - b0.y});
}

bool Viewer::presenterSettled() const {
    return m_present.step >= 0 && !m_present.moving && m_present.nextKey >= m_options.keys.size() && m_keyPresses.empty();
}

void Viewer::presenterScript() {
    if (m_present.step < 0 || m_present.moving || m_present.nextKey >= m_options.keys.size() || !m_keyPresses.empty()) return;
    if (!(m_policy.atFullQuality() && m_stableFrames >= 3)) return;
    if (!m_options.stateReport.empty()) m_present.report += stateReportText() + "---\n";
    const std::string& name = m_options.keys[m_present.nextKey++];
    m_keyPresses.push_back({keyCode(name), 0}); // read next frame, as a real key press
}

void Viewer::presenterReport(std::ostream& out) const {
    const doc::Lesson& lesson = *m_options.lesson;
    out << "lesson=" << lesson.title << "\n";
    out << "lesson_step=" << (m_present.step + 1) << "/" << lesson.steps.size() << "\n";
    if (m_present.step >= 0) {
        std::string caption = lesson.steps[static_cast<std::size_t>(m_present.step)].caption;
        std::replace(caption.begin(), caption.end(), '\n', ' ');
        out << "caption=" << caption << "\n";
    }
    out << "font_px=" << ImGui::GetFontSize() * pixelScale() << "\n";
    out << "colour=" << draw::colourModeName(m_doc.colourMode) << "\n";
    if (m_presentBar) out << "action_bar=" << m_presentBar->dof << " " << m_presentBar->momentArmMm << " " << m_presentBar->word << "\n";
    const Model& model = m_doc.model();
    const std::span<const double> q = m_doc.pose();
    for (std::size_t i = 0; i < q.size() && i < model.coordinates.size(); ++i) {
        const Coordinate& c = model.coordinates[i];
        const bool rot = c.kind == CoordinateKind::Rotational;
        out << "pose=" << c.name << " " << (rot ? q[i] * 180.0 / 3.14159265358979323846 : q[i]) << "\n";
    }
}

} // namespace detail
} // namespace hv::ui
