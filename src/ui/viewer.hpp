// The interactive window: `hipview` with no command (or `hipview FILE`, `hipview view ...`).
// GLFW opens the window, Dear ImGui draws the panels, hv::render draws the anatomy under them
// (scene_view.hpp) with adaptive quality (adaptive_quality.hpp). Everything the panels show and
// change lives in a Document (document.hpp), which is GL-free and tested on its own.
#pragma once

#include "content/content.hpp"
#include "movement/movement.hpp"
#include "document/adaptive_quality.hpp"
#include "document/input_script.hpp"
#include "document/lesson.hpp"
#include "document/start_state.hpp"

#include <memory>
#include <string>
#include <vector>

namespace hv::ui {

struct ViewerOptions {
    std::string dataDirectory;   // holds assets/hip.glb (the default model)
    doc::StartState start;            // checked start state (start_state.hpp)
    int width = 0, height = 0;   // window size, screen pixels; 0: fit the screen (doc::initialWindowSize)
    float textSize = 1.0f;       // text and widgets, times the monitor's content scale (0.75 to 2)
    doc::QualitySettings quality;
    bool panels = true;          // false: the figure fills the window (Tab toggles)
    bool fullScreen = false;     // the primary monitor, full screen (ignores width and height)
    // Presenter mode (`hipview present`, presenter.cpp): no panels, text sized for a room (at
    // least 3 % of the window's height), the lesson's steps one by one (Page Down / Page Up,
    // Right / Left, Space; Escape leaves), animated from one to the next.
    std::shared_ptr<const doc::Lesson> lesson;

    // For tests and scripts. Once the start state is shown at full quality:
    std::string screenshot;  // write the window's pixels (PNG) here
    std::string figure;      // write the view as a scene file (`hipview render FILE` draws it)
    std::string stateReport; // write what is shown (viewport, selection anchor, bars) as key=value lines
    std::string quizResults; // a quiz's results (CSV) are written here after every answer
    // Replayed once the start state is shown (input_script.hpp): clicks and keys through the same
    // paths as a person's, reports and screenshots between them. With --quit the window closes
    // after the script.
    std::vector<doc::ScriptCommand> script;
    bool quit = false;       // then close the window
    int benchmarkFrames = 0; // > 0: orbit for this many frames, then as many still ones; print frame times; quit
    // Presenter: key names (presenterKeyNames()) pressed one at a time, each once the step before
    // has settled; with stateReport, the report holds one block per stage, "---" lines between.
    std::vector<std::string> keys;
};

// The key names `ViewerOptions::keys` takes: pagedown, pageup, right, left, space, escape.
const std::vector<std::string>& presenterKeyNames();

// Runs the window until it is closed. Returns the process exit code: 0, or 1 when no window can
// open (no display: one line on stderr naming `hipview render`) or a requested file could not be
// written. `movements` may be null (the movements file could not be read).
int runViewer(const Content& content, const movement::MovementLibrary* movements, const ViewerOptions& options);

} // namespace hv::ui
