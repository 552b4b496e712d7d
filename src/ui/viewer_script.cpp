// The window driven by a script or a test: the start state from the command line, what is written
// once it is shown at full quality (screenshot, figure, state report) and the --benchmark driver
// that orbits the camera and prints frame times. The screenshot and figure writers also serve
// F12 and File > Save figure.
#include "ui/detail/viewer_impl.hpp"

#include "anatomy_draw/colouring.hpp"
#include "anatomy_draw/figure_spec.hpp"
#include "anatomy_draw/standard_view.hpp"
#include "document/figure_export.hpp"
#include "io/atomic_file.hpp"
#include "io/png_writer.hpp"
#include "movement/player.hpp"
#include "movement/stretch_map.hpp"
#include "core/lumbar_actions.hpp"
#include "core/pelvis_actions.hpp"

#include <epoxy/gl.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

namespace hv::ui::detail {

using namespace hv::doc;

void FrameTimes::print(const char* what) const {
    if (ms.empty()) return;
    std::vector<double> s = ms;
    std::sort(s.begin(), s.end());
    double sum = 0;
    for (double v : s) sum += v;
    const double mean = sum / static_cast<double>(s.size());
    std::printf("%-44s frames %4zu  median %6.1f ms  mean %6.1f ms  p95 %6.1f ms  (%5.1f fps)\n", what, s.size(),
                s[s.size() / 2], mean, s[std::min(s.size() - 1, s.size() * 95 / 100)], 1000.0 / mean);
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
    m_doc.colourMode = s.colour == "stretch" ? draw::ColourMode::Stretch
                       : s.colour == "role"  ? draw::ColourMode::Role
                       : s.colour == "pelvis" ? draw::ColourMode::Pelvis
                                              : draw::ColourMode::Groups;
    m_doc.wording = s.wording;
    m_doc.momentArmDof = s.momentArm;
    // The info panel's plot shows the motion drawn ("Draw it" follows the plot's choice).
    if (s.momentArm) m_plotDof = s.momentArm->lumbar ? static_cast<int>(s.momentArm->lumbarDof) : static_cast<int>(s.momentArm->hip);
    m_doc.layers.peel = s.peel;
    if (s.profile) m_doc.applyProfile(*s.profile);
    m_doc.setHipLimits(s.hipLimits);
    if (s.gluteusMediusStrength) m_doc.playback.gluteusMediusStrength = *s.gluteusMediusStrength;
    m_doc.playback.compare = s.compare;
    if (s.floor) m_doc.layers.floor = *s.floor;
    if (!s.movement.empty()) m_doc.startMovement(s.movement);
    if (s.view) m_cameraMovement = s.movement; // the view asked for wins over the movement's own
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
    if (s.quiz) startQuiz(*s.quiz);
}

void Viewer::writeScriptedOutputs() {
    // After 60 s regardless, so a script never waits forever. Benchmarks write nothing.
    const bool timedOut = now() - m_startTime > 60.0;
    if (m_startWritten || benchmarking() ||
        !((m_policy.atFullQuality() && m_stableFrames >= 3 && (!presenting() || presenterSettled())) || timedOut))
        return;
    if (timedOut) std::fprintf(stderr, "hipview: the picture did not settle within 60 s; writing what is shown\n");
    m_startWritten = true;
    bool ok = true;
    if (!m_options.screenshot.empty()) ok &= writeScreenshot(m_options.screenshot);
    if (!m_options.figure.empty()) ok &= writeFigure(m_options.figure, true);
    if (!m_options.stateReport.empty()) ok &= writeStateReport(m_options.stateReport);
    if (!ok) m_exitCode = 1;
    if (m_options.quit && m_options.script.empty()) glfwSetWindowShouldClose(m_window, GLFW_TRUE);
}

void Viewer::scriptInput() {
    ImGuiIO& io = ImGui::GetIO();
    if (m_clickPhase > 0) {
        m_scriptMouseSet = true;
        io.MouseDown[0] = m_clickPhase == 2;
        m_clickPhase = m_clickPhase == 4 ? 0 : m_clickPhase + 1;
    }
    // Once a script moved the mouse it stays where the script put it (the real pointer is not asked).
    if (m_scriptMouseSet) io.MousePos = m_scriptMouse;
    if (m_keyPhase == 1) {
        io.KeysDown[m_scriptKey] = true;
        m_keyPresses.push_back({m_scriptKey, 0}); // the shortcuts' queue, as our key callback fills it
        m_keyPhase = 2;
    } else if (m_keyPhase == 2) {
        io.KeysDown[m_scriptKey] = false;
        m_keyPhase = 0;
    }
}

void Viewer::scriptStep() {
    if (m_options.script.empty() || !m_startWritten || m_clickPhase > 0 || m_keyPhase > 0) return;
    if (m_scriptWait > 0) {
        --m_scriptWait;
        return;
    }
    if (m_scriptNext >= m_options.script.size()) {
        if (m_options.quit) glfwSetWindowShouldClose(m_window, GLFW_TRUE);
        return;
    }
    const ScriptCommand& c = m_options.script[m_scriptNext];
    if (c.op != ScriptCommand::Op::WaitFrames) { // the others wait for a still, full-quality picture (60 s at most)
        if (m_scriptWaitingSince < 0) m_scriptWaitingSince = now();
        const bool still = m_policy.atFullQuality() && m_stableFrames >= 3 && !m_doc.reshapingBones();
        if (!still && now() - m_scriptWaitingSince < 60.0) return;
        if (!still) std::fprintf(stderr, "hipview: script line %d: the picture did not settle within 60 s; going on\n", c.line);
    }
    m_scriptWaitingSince = -1.0;
    ++m_scriptNext;
    switch (c.op) {
    case ScriptCommand::Op::Click:
        m_scriptMouse = ImVec2(c.x / pixelScale(), c.y / pixelScale());
        m_mouseMoved = true;
        m_clickPhase = 1;
        break;
    case ScriptCommand::Op::Key: {
        static const int keys[] = {GLFW_KEY_ESCAPE, GLFW_KEY_ENTER, GLFW_KEY_SPACE,     GLFW_KEY_TAB,  GLFW_KEY_LEFT,
                                   GLFW_KEY_RIGHT,  GLFW_KEY_UP,    GLFW_KEY_DOWN,      GLFW_KEY_PAGE_UP, GLFW_KEY_PAGE_DOWN,
                                   GLFW_KEY_HOME,   GLFW_KEY_F,     GLFW_KEY_1,         GLFW_KEY_2,    GLFW_KEY_3,
                                   GLFW_KEY_4,      GLFW_KEY_5,     GLFW_KEY_6};
        const auto& names = scriptKeyNames();
        const auto at = std::find(names.begin(), names.end(), c.key);
        assert(names.size() == sizeof keys / sizeof keys[0]);
        if (at != names.end()) {
            m_scriptKey = keys[at - names.begin()];
            m_keyPhase = 1;
        }
        break;
    }
    case ScriptCommand::Op::WaitFrames: m_scriptWait = c.frames; break;
    case ScriptCommand::Op::Report:
        if (!writeStateReport(c.path)) m_exitCode = 1;
        break;
    case ScriptCommand::Op::Screenshot:
        if (!writeScreenshot(c.path)) m_exitCode = 1;
        break;
    case ScriptCommand::Op::Quit: glfwSetWindowShouldClose(m_window, GLFW_TRUE); break;
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
    const float sx = pixelScale();
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
    if (const auto d = io::writeFileAtomic(path, m_present.report + stateReportText())) {
        message(d->format());
        return false;
    }
    return true;
}

std::string Viewer::stateReportText() {
    std::ostringstream out;
    const float sx = pixelScale();
    out << "window=" << m_fbW << " " << m_fbH << "\n";
    int wx = 0, wy = 0;
    glfwGetWindowPos(m_window, &wx, &wy);
    out << "screen=" << m_screenW << " " << m_screenH << "\n";
    out << "window_pos=" << wx << " " << wy << "\n";
    out << "text_size=" << m_textSize << "\n";
    out << "ui_scale=" << m_uiScale << "\n";
    for (const auto& [name, r] : m_panelRects)
        out << "panel=" << name << " " << r.x * sx << " " << r.y * sx << " " << r.w * sx << " " << r.h * sx << "\n";
    out << "viewport=" << m_viewport.x * sx << " " << m_viewport.y * sx << " " << m_viewport.w * sx << " " << m_viewport.h * sx << "\n";
    out << "quality=" << (m_policy.atFullQuality() ? "full" : "moving") << "\n";
    out << "wording=" << wordingName(m_doc.wording) << "\n";
    out << "colour=" << draw::colourModeName(m_doc.colourMode) << "\n";
    out << "peel=" << m_doc.layers.peel << "\n";
    out << "selection=" << m_doc.selection.muscleId << " " << (m_doc.selection.side == Side::Left ? "l" : "r") << "\n";
    if (m_selectedAnchor) out << "anchor=" << m_selectedAnchor->x * sx << " " << m_selectedAnchor->y * sx << "\n";
    for (const BarRect& b : m_bars)
        if (b.dof < 3) out << "bar=" << b.part << " " << b.dof << " " << b.x0 * sx << " " << b.y0 * sx << " " << b.x1 * sx << " " << b.y1 * sx << " "
            << b.centre * sx << " " << b.momentArmMm << " " << b.word << "\n";
    if (const movement::ClientProfile* p = m_doc.profile()) out << "profile=" << p->title << "\n";
    for (const std::string& r : movement::hipRestrictionTexts(m_doc.model(), m_doc.hipLimits())) out << "restrict=" << r << "\n";
    out << "gluteus_medius_strength=" << movement::gluteusMediusStrengthText(m_doc.playback.gluteusMediusStrength) << "\n";
    // The hip bars (dof 0..2) as before, then the pelvic bars (dof 3 + the pelvic dof) on their own lines:
    // "pelvic_bar=PART pelvic_tilt X0 Y0 X1 Y1 CENTRE MM Tips the pelvis forward 23 mm".
    // A trunk muscle's lumbar bars, summed over the levels each part crosses:
    // "bar=PART lumbar_flexion X0 Y0 X1 Y1 CENTRE MM extends the low back".
    for (const BarRect& b : m_bars)
        if (b.dof >= kLumbarBarDof)
            out << "bar=" << b.part << " " << lumbarDofName(static_cast<LumbarDof>(b.dof - kLumbarBarDof)) << " " << b.x0 * sx << " "
                << b.y0 * sx << " " << b.x1 * sx << " " << b.y1 * sx << " " << b.centre * sx << " " << b.momentArmMm << " " << b.word << "\n";
    for (const BarRect& b : m_bars)
        if (b.dof >= 3 && b.dof < kLumbarBarDof)
            out << "pelvic_bar=" << b.part << " " << pelvisDofName(static_cast<PelvisDof>(b.dof - 3)) << " " << b.x0 * sx << " " << b.y0 * sx
                << " " << b.x1 * sx << " " << b.y1 * sx << " " << b.centre * sx << " " << b.momentArmMm << " " << b.word << "\n";
    if (const movement::Movement* mov = m_doc.activeMovement()) {
        out << "movement=" << mov->id << " " << m_doc.playback.time << "\n";
        if (const movement::PoseSample* s = m_doc.sample()) {
            const std::size_t plane = tintedLumbarPlane(*s);
            for (const auto& l : s->lumbar.levels) out << "lumbar=" << l.name << " " << l.deg[plane] << " " << l.share[plane] << "\n";
            out << "lumbar_share=" << s->lumbar.planes[plane].lumbarShare << "\n";
            out << "lumbar_gauge=" << draw::lumbarGaugeText(draw::lumbarTintOf(s->lumbar)) << "\n";
            out << "pelvic_drop=" << s->trendelenburg.dropDeg << "\n";
        }
        // Compare mode: the rule's number, each half's rectangle, and each side's number, label
        // and caption box: "compare_side=normal VALUE DEFINED X Y W H LABEL | NUMBER TEXT".
        out << "compare=" << (m_comparing ? "on" : "off") << "\n";
        if (m_comparing) {
            if (const auto n = m_doc.compareNumbers()) out << "compare_number=" << compareNumberName(n->kind) << "\n";
            out << "compare_view=normal " << m_normalViewport.x * sx << " " << m_normalViewport.y * sx << " "
                << m_normalViewport.w * sx << " " << m_normalViewport.h * sx << "\n";
            out << "compare_view=compared " << m_viewport.x * sx << " " << m_viewport.y * sx << " " << m_viewport.w * sx << " "
                << m_viewport.h * sx << "\n";
            for (const CompareCaption& c : m_compareCaptions)
                out << "compare_side=" << c.side << " " << c.value << " " << (c.defined ? 1 : 0) << " " << c.box.x * sx << " "
                    << c.box.y * sx << " " << c.box.w * sx << " " << c.box.h * sx << " " << c.label << " | " << c.number << "\n";
        }
    }
    if (m_doc.colourMode == draw::ColourMode::Stretch) {
        // The movement panel's list of the muscles lengthened most, and the legend's stops.
        for (const movement::MuscleChange& c : movement::mostLengthened(m_doc.model(), m_doc.partStates(), 3)) {
            const Muscle& m = m_doc.model().muscles[static_cast<std::size_t>(c.muscle)];
            out << "lengthened=" << m.id << " " << (m.side == Side::Left ? "l" : "r") << " " << c.changePercent << "\n";
        }
        for (const draw::StretchLegendEntry& e : draw::stretchLegend()) out << "legend=" << e.text << "\n";
    }
    if (m_doc.colourMode == draw::ColourMode::Pelvis)
        for (const draw::PelvicLegendEntry& e : draw::pelvicLegend(m_doc.wording == Wording::Plain)) out << "legend=" << e.text << "\n";
    out << "camera=" << m_camera.azimuthDeg << " " << m_camera.elevationDeg << " " << m_camera.distance << "\n";
    out << "model=" << m_doc.modelDisplayName() << "\n";
    writeQuizState(out, sx);
    for (const CalloutBox& c : m_calloutBoxes)
        out << "callout=" << c.box.x * sx << " " << c.box.y * sx << " " << c.box.w * sx << " " << c.box.h * sx << " " << c.text << "\n";
    if (presenting()) presenterReport(out);
    return out.str();
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
        printBenchmark();
        done = true;
        return;
    }
    if (benchmarkOrbiting()) m_camera.orbit(3.0, 0.0);
}

void Viewer::printBenchmark() const {
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
}


} // namespace hv::ui::detail
