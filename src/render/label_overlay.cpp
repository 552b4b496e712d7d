#include "render/label_overlay.hpp"

#include <epoxy/gl.h>

#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <filesystem>
#include <functional>

namespace hv::render {

struct LabelOverlay::Impl {
    ImGuiContext* context = nullptr;
    std::string fontPath;
    float fontPixels = 0.0f; // size the atlas was built at
    ImFont* font = nullptr;
    ImFont* bigFont = nullptr; // the same face at twice fontPixels (captions' numbers)
    bool backendReady = false;

    // Makes our ImGui context current for the scope, restoring the caller's afterwards.
    struct Scope {
        ImGuiContext* previous;
        explicit Scope(ImGuiContext* c) : previous(ImGui::GetCurrentContext()) { ImGui::SetCurrentContext(c); }
        ~Scope() { ImGui::SetCurrentContext(previous); }
    };

    void ensureFont(float px) {
        px = std::round(px);
        if (font && px == fontPixels) return;
        ImGuiIO& io = ImGui::GetIO();
        io.Fonts->Clear();
        ImFontConfig cfg;
        cfg.OversampleH = 2;
        cfg.OversampleV = 1;
        font = io.Fonts->AddFontFromFileTTF(fontPath.c_str(), px, &cfg);
        const std::string bold = (std::filesystem::path(fontPath).parent_path() / "DejaVuSans-Bold.ttf").string();
        std::error_code ec;
        bigFont = io.Fonts->AddFontFromFileTTF(std::filesystem::is_regular_file(bold, ec) ? bold.c_str() : fontPath.c_str(), 2.0f * px, &cfg);
        fontPixels = px;
        io.Fonts->Build();
        if (backendReady) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }

    // Paints an overlay into `target` (width x height pixels) with `paint` filling the foreground
    // draw list: our context current, the font at `fontPx`, two frames (the first lets ImGui
    // settle its fonts and first-frame windows, the second is drawn).
    void overlay(float fontPx, int width, int height, unsigned target, const std::function<void(ImDrawList*)>& paint) {
        Scope scope(context);
        ensureFont(fontPx);
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
        io.DeltaTime = 1.0f / 60.0f;
        glBindFramebuffer(GL_FRAMEBUFFER, target);
        glViewport(0, 0, width, height);
        for (int frame = 0; frame < 2; ++frame) {
            ImGui_ImplOpenGL3_NewFrame();
            ImGui::NewFrame();
            paint(ImGui::GetForegroundDrawList());
            ImGui::Render();
            if (frame == 1) ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        }
    }
};

std::unique_ptr<LabelOverlay> LabelOverlay::create(const std::string& fontPath, std::string& error) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(fontPath, ec)) {
        error = "font not found: " + fontPath + " (install fonts-dejavu-core)";
        return nullptr;
    }
    std::unique_ptr<LabelOverlay> o(new LabelOverlay);
    o->m = std::make_unique<Impl>();
    Impl& I = *o->m;
    I.fontPath = fontPath;
    ImGuiContext* previous = ImGui::GetCurrentContext();
    I.context = ImGui::CreateContext();
    ImGui::SetCurrentContext(I.context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    I.ensureFont(24.0f);
    if (!I.font) {
        error = "cannot read the font " + fontPath;
        ImGui::DestroyContext(I.context);
        ImGui::SetCurrentContext(previous);
        return nullptr;
    }
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        error = "Dear ImGui's OpenGL 3 backend did not start";
        ImGui::DestroyContext(I.context);
        ImGui::SetCurrentContext(previous);
        return nullptr;
    }
    I.backendReady = true;
    ImGui::SetCurrentContext(previous);
    return o;
}

LabelOverlay::~LabelOverlay() {
    if (!m || !m->context) return;
    Impl::Scope scope(m->context);
    if (m->backendReady) ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(m->context);
    scope.previous = scope.previous == m->context ? nullptr : scope.previous;
}

glm::vec2 LabelOverlay::boxSize(std::string_view text, const LabelStyle& style) {
    Impl::Scope scope(m->context);
    m->ensureFont(style.fontPixels);
    const std::string s(text);
    const ImVec2 t = m->font->CalcTextSizeA(m->fontPixels, 1e9f, 0.0f, s.c_str());
    return {std::ceil(t.x) + 2.0f * style.padding, std::ceil(t.y) + 1.2f * style.padding};
}

namespace {

// sRGB encoding of a linear channel, for ImGui's colours.
float srgb(float v) {
    v = std::clamp(v, 0.0f, 1.0f);
    return v <= 0.0031308f ? v * 12.92f : 1.055f * std::pow(v, 1.0f / 2.4f) - 0.055f;
}

ImU32 col(float r, float g, float b, float a) { return ImGui::ColorConvertFloat4ToU32(ImVec4(r, g, b, a)); }

} // namespace

void LabelOverlay::draw(std::span<const gfx::LabelCallout> labels, const LabelStyle& style, int width, int height,
                        unsigned target) {
    Impl& I = *m;
    I.overlay(style.fontPixels, width, height, target, [&](ImDrawList* dl) {
        const ImU32 ink = col(0.11f, 0.11f, 0.12f, 1.0f);
        const ImU32 leader = col(0.15f, 0.15f, 0.16f, 0.95f);
        const ImU32 paper = col(1.0f, 1.0f, 1.0f, style.onTransparent ? 0.94f : 0.86f);
        const ImU32 edge = col(0.55f, 0.55f, 0.58f, 0.9f);
        const float rounding = 0.3f * style.padding;
        for (const gfx::LabelCallout& l : labels) {
            if (!l.callout.placed) continue;
            const gfx::Callout& c = l.callout;
            // White under-stroke so the leader reads on dark structures too.
            dl->AddLine(ImVec2(c.leaderStart.x, c.leaderStart.y), ImVec2(c.anchor.x, c.anchor.y),
                        col(1, 1, 1, 0.8f), style.lineWidth + 2.0f * std::max(1.0f, style.lineWidth * 0.5f));
            dl->AddLine(ImVec2(c.leaderStart.x, c.leaderStart.y), ImVec2(c.anchor.x, c.anchor.y), leader, style.lineWidth);
        }
        for (const gfx::LabelCallout& l : labels) {
            if (!l.callout.placed) continue;
            const gfx::Callout& c = l.callout;
            // The dot: a white ring around the structure's own colour (sRGB for ImGui).
            dl->AddCircleFilled(ImVec2(c.anchor.x, c.anchor.y), style.dotRadius + std::max(1.5f, style.lineWidth), col(1, 1, 1, 1), 24);
            dl->AddCircleFilled(ImVec2(c.anchor.x, c.anchor.y), style.dotRadius, ink, 24);
            dl->AddCircleFilled(ImVec2(c.anchor.x, c.anchor.y), style.dotRadius * 0.55f,
                                col(srgb(l.color.r), srgb(l.color.g), srgb(l.color.b), 1.0f), 24);
            dl->AddRectFilled(ImVec2(c.boxMin.x, c.boxMin.y), ImVec2(c.boxMax.x, c.boxMax.y), paper, rounding);
            dl->AddRect(ImVec2(c.boxMin.x, c.boxMin.y), ImVec2(c.boxMax.x, c.boxMax.y), edge, rounding, 0,
                        std::max(1.0f, style.lineWidth * 0.5f));
            dl->AddText(I.font, I.fontPixels, ImVec2(c.boxMin.x + style.padding, c.boxMin.y + 0.6f * style.padding), ink,
                        l.text.c_str());
        }
    });
}

void LabelOverlay::drawCaptions(std::span<const Caption> captions, const LabelStyle& style, int width, int height,
                                unsigned target) {
    Impl& I = *m;
    I.overlay(style.fontPixels, width, height, target, [&](ImDrawList* dl) {
        const ImU32 ink = col(0.11f, 0.11f, 0.12f, 1.0f);
        const ImU32 paper = col(1.0f, 1.0f, 1.0f, style.onTransparent ? 0.94f : 0.9f);
        const float pad = style.padding, big = 2.0f * I.fontPixels;
        for (const Caption& c : captions) {
            const ImU32 accent = col(srgb(c.accent.r), srgb(c.accent.g), srgb(c.accent.b), 1.0f);
            const float wrap = std::max(10.0f, c.maxWidth - 2.0f * pad);
            const ImVec2 t = I.font->CalcTextSizeA(I.fontPixels, FLT_MAX, wrap, c.title.c_str());
            const ImVec2 n = I.bigFont->CalcTextSizeA(big, FLT_MAX, wrap, c.number.c_str());
            const ImVec2 b0(c.topLeft.x, c.topLeft.y);
            const ImVec2 b1(b0.x + std::max(t.x, n.x) + 2.0f * pad, b0.y + t.y + n.y + 2.5f * pad);
            dl->AddRectFilled(b0, b1, paper, 0.3f * pad);
            dl->AddRect(b0, b1, accent, 0.3f * pad, 0, std::max(2.0f, style.lineWidth));
            dl->AddText(I.font, I.fontPixels, ImVec2(b0.x + pad, b0.y + pad), ink, c.title.c_str(), nullptr, wrap);
            dl->AddText(I.bigFont, big, ImVec2(b0.x + pad, b0.y + 1.5f * pad + t.y), accent, c.number.c_str(), nullptr, wrap);
        }
    });
}

} // namespace hv::render
