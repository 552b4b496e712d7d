// Private to the window's files, not part of hv_ui's interface:
//   viewer.cpp           the window's lifetime, the frame loop, GLFW callbacks, input -> document
//   viewer_overlays.cpp  what is painted over the 3D view: legend, callouts, lumbar level numbers,
//                        the hover tip
//   viewer_script.cpp    the start state, what scripts and tests ask for (screenshot, figure, state
//                        report), the --script replay and the --benchmark driver
//   quiz_mode.cpp        the quiz mode: one question at a time in its panel, the answer checked and
//                        explained, the score and the results
//   presenter.cpp        presenter mode: a lesson's steps, their transitions, the caption
// Window pixels: Dear ImGui's coordinates, top-left origin; framebuffer pixels are window pixels
// times pixelScale() (1 except on high-DPI screens).
#pragma once

#include "ui/viewer.hpp"

#include "anatomy_draw/draw_list.hpp"
#include "document/adaptive_quality.hpp"
#include "document/document.hpp"
#include "document/input_script.hpp"
#include "document/orbit_camera.hpp"
#include "gfx/camera.hpp"
#include "quiz/session.hpp"
#include "ui/file_dialog.hpp"
#include "ui/panels.hpp"
#include "ui/scene_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

struct GLFWwindow;

namespace hv::ui::detail {

// Seconds since the first call (steady clock).
double now();

// True for the pick ids of `list` that name a muscle part (what clicks and hover tips look for);
// `list` must outlive the function.
std::function<bool(std::uint32_t)> isMusclePick(const draw::DrawList& list);

// A rectangle in window pixels, top-left origin.
struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    bool contains(ImVec2 p) const { return p.x >= x && p.y >= y && p.x < x + w && p.y < y + h; }
};

// Frame times of one benchmark run, ms.
struct FrameTimes {
    std::vector<double> ms;
    // One line on stdout: count, median, mean, 95th percentile and frames a second; nothing when empty.
    void print(const char* what) const;
};

// The index (into LumbarShares::planes) of the plane a movement sample's lumbar spine moved most
// in: the plane whose share the figure's amber tint shows (draw::lumbarTintOf).
std::size_t tintedLumbarPlane(const movement::PoseSample& sample);

// A quiz being taken in the window, and what the window showed before it (restored on leaving).
struct QuizMode {
    QuizMode(const Content& content, const movement::MovementLibrary& movements, quiz::Quiz quiz)
        : session(content, movements, std::move(quiz)) {}
    quiz::QuizSession session;
    enum class Phase { Asking, Feedback, Finished } phase = Phase::Asking;
    quiz::Question asked;       // the question on screen (kept through its explanation)
    std::size_t askedIndex = 0; // 0-based
    quiz::AnswerResult result;  // of the last answer
    std::string given;          // the last answer as given
    double askedAt = 0.0;       // now() when the question was shown
    std::string typed;          // the text field of typed answers
    std::vector<char> ticked;   // which_muscles stretched: the ticked choices
    std::string savedTo;        // where "Save results..." last wrote
    // Before the quiz.
    doc::Selection selection;
    doc::LayerState layers;
    std::vector<double> manualPose;
    doc::OrbitCamera camera;
    draw::ColourMode colourMode = draw::ColourMode::Groups;
    HipDof roleDof = HipDof::Rotation;
    std::string movement;
    double movementTime = 0.0;
    int plotPart = 0, plotDof = 2;
};

class Viewer {
public:
    Viewer(const Content& content, const movement::MovementLibrary* movements, const ViewerOptions& options);
    ~Viewer();
    Viewer(const Viewer&) = delete;
    Viewer& operator=(const Viewer&) = delete;
    int run(); // the process exit code (runViewer)

private:
    ViewerOptions m_options;
    doc::Document m_doc;
    doc::OrbitCamera m_camera;
    doc::QualityPolicy m_policy;
    GLFWwindow* m_window = nullptr;
    std::unique_ptr<render::Renderer> m_renderer;
    std::unique_ptr<SceneView> m_view;
    std::unique_ptr<SceneView> m_normalView; // compare mode's normal side (made on first use)
    bool m_imgui = false;
    ImFont* m_bold = nullptr;
    ImFont* m_small = nullptr;
    ImFont* m_large = nullptr;    // compare mode's numbers
    float m_uiScale = 1.0f;       // m_contentScale * m_textSize: what fonts and panel widths scale by
    float m_contentScale = 1.0f;  // the monitor's (HiDPI)
    float m_textSize = 1.0f;      // the user's (View panel, --text-size)
    int m_screenW = 0, m_screenH = 0; // the monitor's work area (0: unknown)
    // The panels' rectangles this frame (window pixels), by name, for the state report.
    std::vector<std::pair<std::string, Rect>> m_panelRects;
    void loadFonts(); // at m_uiScale, with the theme

    // Interaction (viewer.cpp).
    int m_dragButton = -1;
    float m_dragDistance = 0.0f;
    bool m_keysMoving = false;
    bool m_mouseMoved = false; // no hover tip before the user moves the mouse (scripted starts)
    bool m_showPanels = true;
    bool m_adaptive = true;
    int m_plotPart = 0, m_plotDof = 2;
    bool m_pendingFrame = true; // frame the scene once the viewport is known
    std::string m_cameraMovement; // the movement whose own camera was last applied ("" none)
    bool m_pendingFrameBody = false; // frame the whole body (feet included) from the movement's camera
    bool m_pendingFrameSelection = false;
    std::vector<std::string> m_dropped;
    std::vector<std::string> m_messages;
    bool m_showMessages = false;
    FileDialog m_openDialog, m_figureDialog, m_shotDialog, m_quizDialog, m_quizSaveDialog, m_profileDialog;
    std::string m_pendingScreenshot;

    // The kept picture.
    std::uint64_t m_drawnRevision = ~0ull;
    doc::OrbitCamera m_drawnCamera;
    Rect m_drawnViewport;
    // The 3D view's rectangle (window pixels). In compare mode (Document::comparing()) the view
    // area is split in two halves: m_viewport is the right one (the compared side, where the
    // mouse, the callouts and the legend work as without compare mode) and m_normalViewport the
    // left (normal hips); both drawn with one camera. m_viewArea is the whole area.
    Rect m_viewport;
    Rect m_normalViewport;
    Rect m_viewArea;
    bool m_comparing = false;     // this frame's layout is split
    // Height (window pixels) kept free at the bottom of the view area for the playback bar when a
    // movement is active; 0 otherwise.
    float playbackBarHeight() const;
    // Height (window pixels) of compare mode's captions and the gauge line under them, kept free
    // at the top of each half by the framing.
    float compareCaptionHeight() const;
    bool m_framedComparing = false; // the split the camera was last framed for
    int m_fbW = 0, m_fbH = 0, m_winW = 0, m_winH = 0;
    std::string m_qualityText = "-";
    std::string m_title;
    double m_frameMs = 0.0;
    int m_stableFrames = 0;

    // What scripts and tests read (viewer_script.cpp; the overlays and panels fill it).
    double m_startTime = 0.0;
    bool m_startWritten = false;
    int m_exitCode = 0;
    std::vector<BarRect> m_bars;
    std::optional<glm::vec2> m_selectedAnchor; // window pixels
    // The callouts painted this frame: box (window pixels) and text.
    struct CalloutBox {
        Rect box;
        std::string text;
    };
    std::vector<CalloutBox> m_calloutBoxes;

    // Benchmark (viewer_script.cpp). Phase 0 settles, 1 orbits with adaptive quality, 2 orbits at
    // full quality, 3 is still, 4 is done.
    int m_benchPhase = 0, m_benchFrame = 0;
    FrameTimes m_benchTimes[3];
    // Per phase of the frame: panels (CPU), scene, present + panels (GL), swap.
    std::array<FrameTimes, 4> m_phaseTimes[3];
    std::array<double, 4> m_phase{};
    double m_lastFrameStart = 0.0;

    // Key presses, queued by our own GLFW callback (Dear ImGui 1.86 keeps only a key's state per
    // frame, so a press and release within one frame, e.g. a quick tap at a low frame rate,
    // would be lost for shortcuts).
    struct KeyPress {
        int key = 0, mods = 0;
    };
    std::vector<KeyPress> m_keyPresses;
    // In front of Dear ImGui's key callback: a key released in the same batch of events as it
    // was pressed is released one frame later, so ImGui (its text fields' Enter, Backspace...)
    // sees the press.
    struct HeldRelease {
        int key = 0, scancode = 0, mods = 0;
    };
    std::vector<int> m_pressedThisBatch;
    std::vector<HeldRelease> m_heldReleases;

    // viewer.cpp: the window, the frame, input.
    bool setUp(std::string& error);
    void frame(double dt);
    void openDroppedModel();
    void layoutAndPanels(PanelContext& ctx);
    void notePanel(const char* name); // the current ImGui window's rectangle into m_panelRects
    void handleViewportInput(PanelContext& ctx, double dt, bool& interacting);
    void dialogs(PanelContext& ctx);
    void carryOut(PanelContext& ctx, const draw::DrawList& list);
    void drawPicture(const draw::DrawList& coarse, bool interacting);
    void present();
    // Frames the selection, or the body (wholeBody: every drawn item, the feet included, as
    // "Frame everything" does; else gfx::framingBounds), above the playback bar.
    void frameScene(bool selectionOnly, const draw::DrawList& list, bool wholeBody = false);
    gfx::Camera currentCamera(const draw::DrawList& list) const;
    // Framebuffer pixels per window pixel (horizontally).
    float pixelScale() const { return static_cast<float>(m_fbW) / std::max(1, m_winW); }
    // The mouse position in framebuffer pixels from the viewport's top-left corner.
    void cursorInViewport(const ImVec2& mouse, int& x, int& y) const;
    void addMessages(const Diagnostics& d, const std::string& context);
    void message(const std::string& m) {
        std::fprintf(stderr, "hipview: %s\n", m.c_str());
        m_messages.push_back(m);
        m_showMessages = true;
    }
    static void onDrop(GLFWwindow* w, int count, const char** paths);
    static void onKey(GLFWwindow* w, int key, int scancode, int action, int mods);
    static void onKeyForImGui(GLFWwindow* w, int key, int scancode, int action, int mods);
    void releaseHeldKeys();
    bool pressed(int key, int mods = 0) const {
        for (const KeyPress& k : m_keyPresses)
            if (k.key == key && (mods == 0 || (k.mods & mods) == mods)) return true;
        return false;
    }

    // viewer_overlays.cpp: painted over the 3D view, in window pixels, clipped to the viewport.
    void overlay(const draw::DrawList& list, const gfx::Camera& cam);
    void drawLabels(const draw::DrawList& list, const gfx::Camera& cam); // also sets m_selectedAnchor
    void drawLumbarNumbers(const gfx::Camera& cam);
    void drawLegend();
    // Compare mode: each half's label and its number, large, at the top of the half.
    void drawCompareCaptions();
    struct CompareCaption {
        std::string side, label, number; // side: "normal" or "compared"
        double value = 0.0;
        bool defined = false;
        Rect box; // window pixels
    };
    std::vector<CompareCaption> m_compareCaptions; // painted this frame, for the state report
    // The name under the cursor (a tooltip), from the kept picture's id image; only when still.
    void hoverTip(bool overViewport, bool interacting);

    // quiz_mode.cpp.
    std::unique_ptr<QuizMode> m_quiz;
    // This frame's answer choices and buttons of the quiz panel (window pixels), for the state report.
    std::vector<std::pair<std::string, Rect>> m_quizChoices, m_quizButtons;
    void startQuiz(quiz::Quiz quiz);  // saves what is shown, asks the first question
    void askCurrent();                // shows the session's current question (pose, view, highlight)
    void answerQuiz(const std::string& given);
    void nextQuestion();              // after an explanation: the next question, or the score
    void leaveQuiz();                 // back to what the window showed before the quiz
    // While a quiz runs it replaces the panels: the 3D view on the left, the quiz panel on the right.
    void layoutQuiz(PanelContext& ctx, float W, float H, float top);
    void drawQuizPanel(PanelContext& ctx);
    void quizDialogs(PanelContext& ctx); // File > Start quiz..., Save results...
    // A click on the 3D view that picked `s`: true when the quiz takes it (a find_it answer, or
    // ignored while a quiz runs, so the highlight stays); false without a quiz.
    bool quizTakesPick(const doc::Selection& s);
    bool saveQuizResults(const std::string& path, bool quiet); // the session's CSV, written atomically
    void writeQuizState(std::ostream& out, float sx) const;    // the quiz_* lines of the state report

    // viewer_script.cpp: scripted starts, the --script replay and the benchmark.
    bool scripted() const {
        return !m_options.screenshot.empty() || !m_options.figure.empty() || !m_options.stateReport.empty() ||
               !m_options.script.empty();
    }
    std::size_t m_scriptNext = 0;  // the next command of m_options.script
    int m_scriptWait = 0;          // frames left of a wait-frames
    int m_clickPhase = 0;          // 1 move, 2 press, 3 release, 4 settle, 0 none
    int m_keyPhase = 0, m_scriptKey = 0; // 1 press, 2 release
    bool m_scriptMouseSet = false;
    ImVec2 m_scriptMouse{0, 0};    // window pixels
    double m_scriptWaitingSince = -1.0;
    bool scriptRunning() const { return m_scriptNext < m_options.script.size() || m_clickPhase > 0 || m_keyPhase > 0; }
    // After the GLFW backend's new frame, before ImGui's: the scripted mouse and keys into ImGui's input.
    void scriptInput();
    // After the frame is presented: the next script command once the picture is still.
    void scriptStep();
    void applyStartState();
    // Once the start state is shown at full quality (or after 60 s): the screenshot, figure and
    // state report asked for, then --quit.
    void writeScriptedOutputs();
    bool writeScreenshot(const std::string& path); // the window's framebuffer as a PNG
    bool writeFigure(const std::string& path, bool quiet);
    bool writeStateReport(const std::string& path);
    bool benchmarking() const { return m_options.benchmarkFrames > 0; }
    bool benchmarkOrbiting() const { return m_benchPhase == 1 || m_benchPhase == 2; }
    void benchmarkStep(double frameMs, bool& done);
    void printBenchmark() const;
    // The state report's text (writeStateReport() writes it).
    std::string stateReportText();

    // presenter.cpp: `hipview present`.
    struct Presenter {
        int step = -1;            // the step shown (or moved to); -1 before the first frame
        bool moving = false;      // a transition is running
        double start = 0.0;       // when it began (now())
        doc::OrbitCamera fromCamera, toCamera;
        std::vector<double> fromPose, toPose; // SI
        std::size_t nextKey = 0;  // into m_options.keys
        std::string report;       // the state report's blocks so far (scripted keys)
    };
    Presenter m_present;
    bool presenting() const { return m_options.lesson != nullptr; }
    // The font size for a room: at least 3.6 % of the window's height (window pixels).
    float presenterFontPixels() const;
    // The viewport is the whole window; the first step is shown once its size is known.
    void presenterLayout();
    // Key presses: next, previous, leave (the keys a presentation clicker sends).
    void presenterInput(PanelContext& ctx);
    void presenterGo(int index);
    // Per frame, before drawing: the transition's camera and pose.
    void presenterAdvance();
    // The step's caption, the lesson's title and the step number, over the picture.
    void presenterCaption();
    // The selected muscle's action about the colour's hip coordinate (a trunk muscle: its strongest
    // lumbar motion), as a large bar.
    void presenterActionBar(float pad);
    struct PresenterBar {
        std::string dof;
        double momentArmMm = 0.0;
        std::string word;
    };
    std::optional<PresenterBar> m_presentBar;
    // Scripted keys: the next one once the step shown has settled.
    void presenterScript();
    bool presenterSettled() const;
    void presenterReport(std::ostream& out) const;
};

} // namespace hv::ui::detail
