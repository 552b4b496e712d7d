#include "document/window_layout.hpp"

#include <algorithm>

namespace hv::doc {

WindowSize initialWindowSize(int workW, int workH) {
    constexpr int kTitleBar = 32;
    WindowSize s;
    if (workW <= 0 || workH <= 0) return s;
    s.w = std::max(320, std::min(s.w, workW));
    s.h = std::max(240, std::min(s.h, workH - kTitleBar));
    return s;
}

PanelLayout panelLayout(float W, float H, float menuH, float uiScale, bool panels, bool info) {
    PanelLayout l;
    const float top = std::min(menuH, H);
    const float h = std::max(0.0f, H - top);
    // At most 32 % and 34 % of the width, so the view keeps at least a third of it ...
    float left = panels ? std::min(360.0f * uiScale, W * 0.32f) : 0.0f;
    float right = panels && info ? std::min(420.0f * uiScale, W * 0.34f) : 0.0f;
    // ... but a panel narrower than 200 px is of no use: it takes that much while the window allows.
    const float minPanel = std::min(200.0f, W * 0.32f);
    if (panels) left = std::max(left, minPanel);
    if (panels && info) right = std::max(right, minPanel);
    l.hasLeft = panels;
    l.hasInfo = panels && info;
    l.left = {0.0f, top, left, h};
    l.info = {W - right, top, right, h};
    l.view = {left, top, std::max(1.0f, W - left - right), std::max(1.0f, h)};
    return l;
}

} // namespace hv::doc
