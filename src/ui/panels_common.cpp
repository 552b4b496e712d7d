// Theme, colours and the menu bar.
#include "ui/panels.hpp"

#include "anatomy_draw/palette.hpp"

#include <algorithm>
#include <cmath>

namespace hv::ui {

using namespace hv::doc;

ImU32 linearToImColor(float r, float g, float b, float a) {
    return ImGui::ColorConvertFloat4ToU32(
        ImVec4(draw::linearToSrgb(std::clamp(r, 0.0f, 1.0f)), draw::linearToSrgb(std::clamp(g, 0.0f, 1.0f)),
               draw::linearToSrgb(std::clamp(b, 0.0f, 1.0f)), a));
}

void heading(PanelContext& ctx, const char* text) {
    if (ctx.bold) ImGui::PushFont(ctx.bold);
    ImGui::TextUnformatted(text);
    if (ctx.bold) ImGui::PopFont();
}

void swatch(const glm::vec3& linear) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + h, p.y + h - 1),
                                              linearToImColor(linear.r, linear.g, linear.b), 3.0f);
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
}

void drawColourModeChoice(PanelContext& ctx, const char* title) {
    heading(ctx, title);
    Document& doc = ctx.doc;
    int mode = static_cast<int>(doc.colourMode);
    // One row while they fit the panel's width, wrapped to the next row where one would not.
    const char* choices[] = {"By group", "Stretch map", "Role", "Pelvis tilt"};
    const ImGuiStyle& st = ImGui::GetStyle();
    for (int i = 0; i < 4; ++i) {
        if (i > 0) {
            const float need = ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + ImGui::CalcTextSize(choices[i]).x;
            if (ImGui::GetItemRectMax().x + st.ItemSpacing.x + need <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
                ImGui::SameLine();
        }
        ImGui::RadioButton(choices[i], &mode, i);
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", "What each muscle does to the pelvis with the thighs and the trunk held still: tips it forward or back");
    doc.colourMode = static_cast<draw::ColourMode>(mode);
    // (the viewport shows the legend; role colours need a choice of hip coordinate)
    if (doc.colourMode == draw::ColourMode::Role) {
        int dof = static_cast<int>(doc.roleDof);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("about");
        ImGui::SameLine();
        ImGui::RadioButton("flexion", &dof, 0);
        ImGui::SameLine();
        ImGui::RadioButton("adduction", &dof, 1);
        ImGui::SameLine();
        ImGui::RadioButton("rotation", &dof, 2);
        doc.roleDof = static_cast<HipDof>(dof);
    }
}

void drawWordingChoice(PanelContext& ctx) {
    Document& doc = ctx.doc;
    int w = static_cast<int>(doc.wording);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("Words:");
    ImGui::SameLine();
    ImGui::RadioButton("anatomical", &w, static_cast<int>(Wording::Anatomical));
    ImGui::SameLine();
    ImGui::RadioButton("plain", &w, static_cast<int>(Wording::Plain));
    doc.wording = static_cast<Wording>(w);
}

void applyTheme(float scale) {
    ImGui::StyleColorsLight();
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowRounding = 0.0f;
    s.ChildRounding = 4.0f;
    s.FrameRounding = 4.0f;
    s.GrabRounding = 4.0f;
    s.PopupRounding = 4.0f;
    s.TabRounding = 4.0f;
    s.WindowBorderSize = 1.0f;
    s.FrameBorderSize = 0.0f;
    s.WindowPadding = ImVec2(12, 10);
    s.FramePadding = ImVec2(8, 4);
    s.ItemSpacing = ImVec2(8, 6);
    s.IndentSpacing = 16.0f;
    s.ScrollbarSize = 12.0f;
    ImVec4* c = s.Colors;
    const auto rgb = [](unsigned hex, float a = 1.0f) {
        return ImVec4(static_cast<float>((hex >> 16) & 255) / 255.0f, static_cast<float>((hex >> 8) & 255) / 255.0f,
                      static_cast<float>(hex & 255) / 255.0f, a);
    };
    c[ImGuiCol_Text] = rgb(0x23262B);
    c[ImGuiCol_TextDisabled] = rgb(0x7C8088);
    c[ImGuiCol_WindowBg] = rgb(0xF6F4F0, 0.97f);
    c[ImGuiCol_PopupBg] = rgb(0xFBFAF7, 0.98f);
    c[ImGuiCol_Border] = rgb(0xD9D4CA);
    c[ImGuiCol_MenuBarBg] = rgb(0xECE8E0);
    c[ImGuiCol_FrameBg] = rgb(0xE8E3DA);
    c[ImGuiCol_FrameBgHovered] = rgb(0xDDD6C9);
    c[ImGuiCol_FrameBgActive] = rgb(0xD2C9B8);
    c[ImGuiCol_TitleBg] = rgb(0xE6E1D7);
    c[ImGuiCol_TitleBgActive] = rgb(0xDCD5C7);
    c[ImGuiCol_Button] = rgb(0xE3DCCF);
    c[ImGuiCol_ButtonHovered] = rgb(0xD6CAB4);
    c[ImGuiCol_ButtonActive] = rgb(0xC8B89B);
    c[ImGuiCol_Header] = rgb(0xE9D9C4);
    c[ImGuiCol_HeaderHovered] = rgb(0xE2CBAE);
    c[ImGuiCol_HeaderActive] = rgb(0xD9BC97);
    c[ImGuiCol_SliderGrab] = rgb(0xA0522D);
    c[ImGuiCol_SliderGrabActive] = rgb(0x8B3E1E);
    c[ImGuiCol_CheckMark] = rgb(0xA0522D);
    c[ImGuiCol_Tab] = rgb(0xE3DCCF);
    c[ImGuiCol_TabHovered] = rgb(0xD6CAB4);
    c[ImGuiCol_TabActive] = rgb(0xF6F4F0);
    c[ImGuiCol_Separator] = rgb(0xD9D4CA);
    c[ImGuiCol_PlotLines] = rgb(0xA0522D);
    s.ScaleAllSizes(scale);
}

void drawMenuBar(PanelContext& ctx) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open model...", "Ctrl+O")) ctx.openModelDialog = true;
        if (ImGui::MenuItem("Default model", nullptr, false, !ctx.doc.isDefaultModel())) {
            const Diagnostics d = ctx.doc.openModel("");
            for (const Diagnostic& x : d) ctx.messages.push_back(x.format());
            ctx.frameAll = true;
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Save figure...", "Ctrl+S")) ctx.saveFigureDialog = true;
        if (ImGui::MenuItem("Save screenshot...", "F12")) ctx.screenshotDialog = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Start quiz...")) ctx.startQuizDialog = true;
        if (ImGui::MenuItem("Open profile...")) ctx.openProfileDialog = true;
        if (ImGui::MenuItem("Clear profile", nullptr, false, ctx.doc.profile() != nullptr)) ctx.doc.clearProfile();
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) ctx.quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        struct V {
            const char* label;
            const char* key;
            draw::StandardView view;
        };
        const V views[] = {{"Anterior", "1", draw::StandardView::Anterior},
                           {"Posterior", "2", draw::StandardView::Posterior},
                           {"Lateral, left side", "3", draw::StandardView::LateralLeft},
                           {"Lateral, right side", "4", draw::StandardView::LateralRight},
                           {"Superior (from above)", "5", draw::StandardView::Superior},
                           {"Inferior (from below)", "6", draw::StandardView::Inferior}};
        for (const V& v : views)
            if (ImGui::MenuItem(v.label, v.key)) {
                ctx.camera.setView(v.view);
                ctx.frameAll = true;
            }
        ImGui::Separator();
        if (ImGui::MenuItem("Frame the selection", "F", false, !ctx.doc.selection.empty())) ctx.frameSelection = true;
        if (ImGui::MenuItem("Frame everything", "Home")) ctx.frameAll = true;
        ImGui::Separator();
        if (ctx.showPanels) ImGui::MenuItem("Panels", "Tab", ctx.showPanels);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        ImGui::TextUnformatted("Mouse");
        ImGui::BulletText("left drag: turn around the figure");
        ImGui::BulletText("right or middle drag, or Shift + left drag: move");
        ImGui::BulletText("wheel: nearer / farther");
        ImGui::BulletText("click a muscle: select it; click empty space: clear");
        ImGui::TextUnformatted("Keys");
        ImGui::BulletText("arrows: turn; Shift + arrows: move; +/- or Page Up/Down: nearer / farther");
        ImGui::BulletText("1-6: anterior, posterior, left, right, superior, inferior");
        ImGui::BulletText("F: frame the selection; Home: frame everything; Esc: clear the selection");
        ImGui::BulletText("Space: play / pause a movement; Tab: panels on / off");
        ImGui::BulletText("drop a model file on the window to open it");
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

} // namespace hv::ui
