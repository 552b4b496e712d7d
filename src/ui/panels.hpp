// The window's panels (Dear ImGui): muscle list, pose, movement and hip-back, view and layers,
// info for the selection, the playback bar, dialogs. Each draws part of a Document and turns
// what the user does into changes of it. Window-only: tested through the window under Xvfb.
#pragma once

#include "document/document.hpp"
#include "document/orbit_camera.hpp"

#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

namespace hv::ui {

// What the panels share with the window for one frame.
struct PanelContext {
    PanelContext(doc::Document& d, doc::OrbitCamera& c) : doc(d), camera(c) {}
    doc::Document& doc;
    doc::OrbitCamera& camera;
    ImFont* bold = nullptr;       // headings
    ImFont* small = nullptr;      // captions
    // Requests the window carries out after the panels are drawn.
    bool frameSelection = false;
    bool frameAll = false;
    bool openModelDialog = false;
    bool saveFigureDialog = false;
    bool screenshotDialog = false;
    bool startQuizDialog = false; // File > Start quiz...
    bool openProfileDialog = false; // File > Open profile...
    bool quit = false;
    std::vector<std::string> messages; // shown in a message box, also printed to stderr
    // Status for the view panel.
    double frameMs = 0.0;
    std::string qualityText;
    bool* adaptiveQuality = nullptr;
    // The plot's choices (persist across frames).
    int* plotPart = nullptr;
    int* plotDof = nullptr;
    bool* showPanels = nullptr;
    float* textSize = nullptr; // the user's text size (the window rebuilds its fonts when it changes)
};

void drawMenuBar(PanelContext& ctx);
void drawMusclePanel(PanelContext& ctx);
void drawPosePanel(PanelContext& ctx);
void drawMovementPanel(PanelContext& ctx);
void drawViewPanel(PanelContext& ctx);
// The selected muscle's info and live actions. `barRects` receives, for tests, each drawn action
// bar's rectangle in window pixels: part, dof, x0, y0, x1, y1, centre x. The dof is the hip
// dof (0..2, kHipDofs), 3 + the pelvic dof (kPelvisDofs) or kLumbarBarDof + the lumbar dof
// (kLumbarDofs) of a trunk muscle's lumbar bars.
inline constexpr int kLumbarBarDof = 5;
struct BarRect {
    int part = 0, dof = 0;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0, centre = 0;
    double momentArmMm = 0.0;
    std::string word;
};
void drawInfoPanel(PanelContext& ctx, std::vector<BarRect>& barRects);
// The info card's live part for the selected muscle: its action bars at the current pose and the
// plot of a moment arm against hip flexion (the quiz's explanations show the same widgets).
// Nothing without a selection.
void drawLiveActions(PanelContext& ctx, std::vector<BarRect>& barRects);
// The playback bar over the bottom of the viewport (x, y, w, h in window pixels, top-left origin).
// The bar over the bottom of the 3D view while a movement is active. Returns its rectangle
// (x, y, w, h in window pixels); w = 0 when there is no active movement.
ImVec4 drawPlaybackBar(PanelContext& ctx, float x, float y, float w);

// sRGB ImGui colour from a linear RGB colour.
ImU32 linearToImColor(float r, float g, float b, float a = 1.0f);

// A heading in the bold font; a small colour square before a legend's word (linear RGB).
void heading(PanelContext& ctx, const char* text);
void swatch(const glm::vec3& linear);
// The muscle colouring choice (group, length change, role) with its legend, under `title`; the
// view panel and the movement panel both offer it.
void drawColourModeChoice(PanelContext& ctx, const char* title);
// The wording switch (anatomical / plain words, Document::wording) on one line; the info panel
// and the movement panel both offer it.
void drawWordingChoice(PanelContext& ctx);

// Colours and spacing: a calm, light, atlas-like theme.
void applyTheme(float scale);

} // namespace hv::ui
