// The muscle list and the view panel (layers, colours, camera, quality, the model's animation).
#include "ui/panels.hpp"

#include "anatomy_draw/palette.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hv::ui {

using namespace hv::doc;

void drawMusclePanel(PanelContext& ctx) {
    Document& doc = ctx.doc;
    static char search[64] = "";
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##search", "Search muscles...", search, sizeof search);
    const auto groups = muscleList(doc.content(), search);
    if (groups.empty()) ImGui::TextDisabled("No muscle matches \"%s\".", search);
    for (const MuscleListGroup& g : groups) {
        ImGui::SetNextItemOpen(true, ImGuiCond_Once);
        const std::string header = g.name + "##" + g.id;
        if (!ImGui::CollapsingHeader(header.c_str())) continue;
        if (!g.function.empty()) {
            if (ctx.small) ImGui::PushFont(ctx.small);
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", g.function.c_str());
            ImGui::PopStyleColor();
            if (ctx.small) ImGui::PopFont();
        }
        for (const MuscleListEntry& m : g.muscles) {
            swatch(draw::muscleColor(doc.content(), m.id));
            const bool selected = doc.selection.muscleId == m.id;
            if (ImGui::Selectable(m.name.c_str(), selected)) {
                if (selected) doc.select({});
                else {
                    Selection s = doc.selection;
                    s.muscleId = m.id;
                    doc.select(s);
                    ctx.frameSelection = true;
                }
            }
        }
    }
}

void drawViewPanel(PanelContext& ctx) {
    Document& doc = ctx.doc;
    LayerState& l = doc.layers;
    if (ctx.textSize) {
        heading(ctx, "Text size");
        static constexpr const char* kNames[] = {"small", "normal", "large", "larger"};
        static constexpr float kSizes[] = {0.85f, 1.0f, 1.2f, 1.45f};
        for (int i = 0; i < 4; ++i) {
            if (i > 0) ImGui::SameLine();
            if (ImGui::RadioButton(kNames[i], std::abs(*ctx.textSize - kSizes[i]) < 0.01f)) *ctx.textSize = kSizes[i];
        }
    }
    heading(ctx, "Layers");
    ImGui::Checkbox("Bones", &l.bones);
    ImGui::SameLine();
    ImGui::Checkbox("Muscles", &l.muscles);
    ImGui::SameLine();
    ImGui::Checkbox("Labels", &l.labels);
    ImGui::Checkbox("X-ray the other muscles when one is selected", &l.ghostOthers);
    ImGui::Checkbox("Wrap surfaces", &l.wraps);
    ImGui::SameLine();
    if (bool outline = doc.layerOptions().layers.outline; ImGui::Checkbox("Body outline", &outline)) l.outline = outline;
    ImGui::SameLine();
    ImGui::Checkbox("Attachments", &l.attachments);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Paints the selected muscle's origins and insertions on the bones; with the muscles off and nothing\nselected, every muscle's (the attachment view)");
    {
        // The floor: shown with a movement unless switched off; the choice sticks once made.
        bool floor = draw::floorShown(l.floor, doc.activeMovement() != nullptr);
        if (ImGui::Checkbox("Floor", &floor)) l.floor = floor;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The floor under the body, with its contact shadow (on by default while a movement plays)");
    }
    // Peeling: superficial to deep, the peeled layers ghosted (content: each muscle's layer).
    {
        static const char* peeled[kMaxMuscleLayer + 1] = {"none peeled", "gluteus maximus and the superficial layer", "gluteus medius too",
                                       "minimus and the deep rotators too", "every layer"};
        ImGui::SetNextItemWidth(-1);
        ImGui::SliderInt("##peel", &l.peel, 0, kMaxMuscleLayer, "%d");
        ImGui::TextDisabled("Peel layers: %s", peeled[std::clamp(l.peel, 0, kMaxMuscleLayer)]);
    }
    int sides = static_cast<int>(l.sides);
    ImGui::TextUnformatted("Sides:");
    ImGui::SameLine();
    ImGui::RadioButton("both", &sides, 0);
    ImGui::SameLine();
    ImGui::RadioButton("right", &sides, 1);
    ImGui::SameLine();
    ImGui::RadioButton("left", &sides, 2);
    l.sides = static_cast<draw::SideFilter>(sides);
    ImGui::BeginDisabled(!l.muscles);
    ImGui::TextUnformatted("Muscle groups:");
    for (const MuscleGroup& g : doc.content().groups) {
        bool shown = std::find(l.hiddenGroups.begin(), l.hiddenGroups.end(), g.id) == l.hiddenGroups.end();
        swatch(draw::groupColor(g.id));
        if (ImGui::Checkbox(g.name.c_str(), &shown)) {
            if (shown) std::erase(l.hiddenGroups, g.id);
            else l.hiddenGroups.push_back(g.id);
        }
    }
    ImGui::EndDisabled();

    ImGui::Spacing();
    drawColourModeChoice(ctx, "Muscle colours");

    ImGui::Spacing();
    heading(ctx, "Camera");
    const struct {
        const char* label;
        draw::StandardView view;
    } views[] = {{"Anterior", draw::StandardView::Anterior},        {"Posterior", draw::StandardView::Posterior},
                 {"Left", draw::StandardView::LateralLeft},          {"Right", draw::StandardView::LateralRight},
                 {"Superior", draw::StandardView::Superior},         {"Inferior", draw::StandardView::Inferior}};
    for (std::size_t i = 0; i < std::size(views); ++i) {
        if (i % 3) ImGui::SameLine();
        if (ImGui::Button(views[i].label, ImVec2(ImGui::GetContentRegionAvail().x / static_cast<float>(3 - i % 3) - (i % 3 == 2 ? 0 : 4), 0))) {
            ctx.camera.setView(views[i].view);
            ctx.frameAll = true;
        }
    }
    ImGui::BeginDisabled(doc.selection.empty());
    if (ImGui::Button("Frame the selection")) ctx.frameSelection = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Frame everything")) ctx.frameAll = true;
    ImGui::TextDisabled("azimuth %.0f deg, elevation %.0f deg, %.2f m", ctx.camera.azimuthDeg, ctx.camera.elevationDeg,
                        ctx.camera.distance);

    // A third-party model's own animation.
    const auto names = doc.animationNames();
    if (!names.empty() && !doc.drawer().modelIsAnatomical()) {
        ImGui::Spacing();
        heading(ctx, "Model animation");
        ModelAnimation& a = doc.animation;
        const char* current = a.index >= 0 && a.index < static_cast<int>(names.size()) ? names[static_cast<std::size_t>(a.index)].c_str() : "rest pose";
        if (ImGui::BeginCombo("##anim", current)) {
            if (ImGui::Selectable("rest pose", a.index < 0)) a.index = -1;
            for (std::size_t i = 0; i < names.size(); ++i)
                if (ImGui::Selectable(names[i].c_str(), a.index == static_cast<int>(i))) a.index = static_cast<int>(i), a.time = 0;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        if (ImGui::Button(a.playing ? "Pause##anim" : "Play##anim")) a.playing = !a.playing;
    }

    ImGui::Spacing();
    heading(ctx, "Drawing");
    if (ctx.adaptiveQuality) ImGui::Checkbox("Adaptive quality (faster while moving)", ctx.adaptiveQuality);
    ImGui::TextDisabled("%s, %.1f ms a frame", ctx.qualityText.c_str(), ctx.frameMs);
    ImGui::TextDisabled("Model: %s", doc.modelDisplayName().c_str());
}

} // namespace hv::ui
