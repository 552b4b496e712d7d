// Where the window opens and how its panels share it: the rules behind the window's layout, GL-
// and GLFW-free so they are tested for every screen size. All sizes are in window (screen
// coordinate) pixels; `uiScale` is the monitor's content scale times the user's text size.
#pragma once

namespace hv::doc {

struct PanelRect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
};

// The window's first size on a monitor whose work area (the screen less task bars and docks)
// is `workW` x `workH`: 1600 x 900 where that fits with room for the title bar (32 px), else the
// work area less that room, never below 320 x 240. A work area of 0 (unknown) gives 1600 x 900.
struct WindowSize {
    int w = 1600, h = 900;
};
WindowSize initialWindowSize(int workW, int workH);

// The panels of a window `W` x `H` under a menu bar `menuH` high: the muscle/pose/movement
// panel on the left, the selected muscle's info panel on the right (when `info`), the 3D view
// between them. Preferred widths are 360 and 420 pixels times `uiScale`, at most 32 % and 34 % of
// the window's width (the view keeps at least a third), and each at least 200 pixels wide where
// that is under 32 % of the width (panels scroll what does not fit). Without panels the view fills the
// window below the menu. Every rectangle lies inside the window.
// Precondition: W, H > 0, menuH >= 0, uiScale > 0.
struct PanelLayout {
    PanelRect left, info, view;
    bool hasLeft = false, hasInfo = false;
};
PanelLayout panelLayout(float W, float H, float menuH, float uiScale, bool panels, bool info);

} // namespace hv::doc
