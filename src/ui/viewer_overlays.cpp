// What the window paints over its 3D view, in window pixels on Dear ImGui's background draw list,
// clipped to the viewport: the callouts of the labelled muscles, the lumbar level numbers of a
// movement, the colour legend, and the hover tip naming the muscle under the cursor.
#include "ui/detail/viewer_impl.hpp"

#include "anatomy_draw/callout_planner.hpp"
#include "anatomy_draw/colouring.hpp"
#include "core/kinematics.hpp"
#include "gfx/camera.hpp"
#include "movement/player.hpp"
#include "scene/scene.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hv::ui::detail {

using namespace hv::doc;

std::size_t tintedLumbarPlane(const movement::PoseSample& sample) {
    return static_cast<std::size_t>(draw::lumbarTintOf(sample.lumbar).plane);
}

void Viewer::overlay(const draw::DrawList& list, const gfx::Camera& cam) {
    drawLabels(list, cam);
    drawLumbarNumbers(cam);
    drawLegend();
    drawCompareCaptions();
}

void Viewer::drawCompareCaptions() {
    m_compareCaptions.clear();
    if (!m_comparing) return;
    const std::optional<CompareNumbers> numbers = m_doc.compareNumbers();
    if (!numbers) return;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    // The seam between the halves.
    dl->AddRectFilled(ImVec2(m_normalViewport.x + m_normalViewport.w, m_viewArea.y),
                      ImVec2(m_viewport.x, m_viewArea.y + m_viewArea.h), IM_COL32(150, 145, 138, 255));
    const auto caption = [&](const Rect& r, const char* side, const std::string& label, const CompareValue& v, ImU32 accent) {
        ImFont* big = m_large ? m_large : ImGui::GetFont();
        ImFont* title = m_bold ? m_bold : ImGui::GetFont();
        const float pad = 10.0f * m_uiScale;
        const float bigSize = big->FontSize, titleSize = title->FontSize;
        const float wrap = r.w - 4.0f * pad;
        const ImVec2 t = title->CalcTextSizeA(titleSize, FLT_MAX, wrap, label.c_str());
        const ImVec2 n = big->CalcTextSizeA(bigSize, FLT_MAX, wrap, v.text.c_str());
        const float w = std::min(r.w - 2.0f * pad, std::max(t.x, n.x) + 2.0f * pad);
        const ImVec2 b0(r.x + pad, r.y + pad), b1(b0.x + w, b0.y + t.y + n.y + 2.5f * pad);
        dl->PushClipRect(ImVec2(r.x, r.y), ImVec2(r.x + r.w, r.y + r.h));
        dl->AddRectFilled(b0, b1, IM_COL32(255, 255, 255, 235), 6.0f);
        dl->AddRect(b0, b1, accent, 6.0f, 0, 2.0f);
        dl->AddText(title, titleSize, ImVec2(b0.x + pad, b0.y + pad), IM_COL32(30, 30, 34, 255), label.c_str(), nullptr, wrap);
        dl->AddText(big, bigSize, ImVec2(b0.x + pad, b0.y + 1.5f * pad + t.y), accent, v.text.c_str(), nullptr, wrap);
        dl->PopClipRect();
        m_compareCaptions.push_back({side, label, v.text, v.value, v.defined, Rect{b0.x, b0.y, b1.x - b0.x, b1.y - b0.y}});
    };
    caption(m_normalViewport, "normal", kNormalLabel, numbers->normal, IM_COL32(40, 110, 70, 255));
    caption(m_viewport, "compared", m_doc.comparedSideLabel(), numbers->compared, IM_COL32(170, 40, 110, 255));
    // The compared side's lumbar gauge in words, wrapped under its caption.
    if (const movement::PoseSample* s = m_doc.sample()) {
        const std::string gauge = draw::lumbarGaugeText(draw::lumbarTintOf(s->lumbar));
        const Rect& box = m_compareCaptions.back().box;
        if (!gauge.empty()) {
            const float wrap = m_viewport.w - 2.0f * (box.x - m_viewport.x) - 16.0f;
            const ImVec2 t = ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, wrap, gauge.c_str());
            const ImVec2 at(box.x + 8.0f, box.y + box.h + 10.0f);
            dl->PushClipRect(ImVec2(m_viewport.x, m_viewport.y), ImVec2(m_viewport.x + m_viewport.w, m_viewport.y + m_viewport.h));
            dl->AddRectFilled(ImVec2(at.x - 8, at.y - 5), ImVec2(at.x + t.x + 8, at.y + t.y + 5), IM_COL32(255, 246, 225, 235), 4.0f);
            dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, IM_COL32(110, 60, 10, 255), gauge.c_str(), nullptr, wrap);
            dl->PopClipRect();
        }
    }
}

void Viewer::drawLabels(const draw::DrawList& list, const gfx::Camera& cam) {
    m_selectedAnchor.reset();
    m_calloutBoxes.clear();
    if (list.labels.empty()) return;
    const float sx = pixelScale();
    const int vw = static_cast<int>(m_viewport.w * sx), vh = static_cast<int>(m_viewport.h * sx);
    // The kept picture's id image when it is there or cheap to get; without it labels point where
    // their anchors project.
    std::span<const std::uint32_t> ids;
    if (m_view->idsReady() || m_policy.atFullQuality()) ids = m_view->ids(m_doc.drawList(Detail::Coarse).items, cam);
    draw::CalloutPlanParams p;
    p.sides = draw::CalloutSides::Each;
    p.size = glm::vec2(m_viewport.w, m_viewport.h);
    p.margin = 12.0f;
    const auto boxSize = [](std::string_view text) {
        const ImVec2 t = ImGui::CalcTextSize(text.data(), text.data() + text.size());
        return glm::vec2(t.x + 16.0f, t.y + 10.0f);
    };
    const gfx::CalloutPlan plan = draw::planCallouts(list, cam, draw::IdImage{ids, vw, vh}, boxSize, p);
    for (const gfx::LabelCallout& c : plan.callouts) {
        const draw::LabelAnchor& a = list.labels[c.source];
        if (a.muscleId == m_doc.selection.muscleId && a.side == m_doc.selection.side)
            m_selectedAnchor = glm::vec2(m_viewport.x, m_viewport.y) + c.callout.anchor;
    }
    if (plan.callouts.empty() || !m_doc.layers.labels) return;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const ImVec2 o(m_viewport.x, m_viewport.y);
    dl->PushClipRect(o, ImVec2(o.x + m_viewport.w, o.y + m_viewport.h));
    for (const gfx::LabelCallout& l : plan.callouts) {
        const gfx::Callout& c = l.callout;
        if (!c.placed) continue;
        const ImVec2 a(o.x + c.anchor.x, o.y + c.anchor.y), s(o.x + c.leaderStart.x, o.y + c.leaderStart.y);
        dl->AddLine(s, a, IM_COL32(255, 255, 255, 200), 4.0f);
        dl->AddLine(s, a, IM_COL32(40, 40, 44, 240), 1.8f);
        const glm::vec4 col = l.color;
        dl->AddCircleFilled(a, 6.0f, IM_COL32(255, 255, 255, 255), 20);
        dl->AddCircleFilled(a, 4.5f, IM_COL32(30, 30, 34, 255), 20);
        dl->AddCircleFilled(a, 2.5f, linearToImColor(col.r, col.g, col.b), 16);
        const ImVec2 b0(o.x + c.boxMin.x, o.y + c.boxMin.y), b1(o.x + c.boxMax.x, o.y + c.boxMax.y);
        dl->AddRectFilled(b0, b1, IM_COL32(255, 255, 255, 225), 4.0f);
        dl->AddRect(b0, b1, IM_COL32(150, 145, 138, 230), 4.0f);
        dl->AddText(ImVec2(b0.x + 8.0f, b0.y + 5.0f), IM_COL32(30, 30, 34, 255), l.text.c_str());
        m_calloutBoxes.push_back({Rect{b0.x, b0.y, b1.x - b0.x, b1.y - b0.y}, l.text});
    }
    dl->PopClipRect();
}

void Viewer::drawLumbarNumbers(const gfx::Camera& cam) {
    const movement::PoseSample* s = m_doc.sample();
    const movement::Movement* mov = m_doc.activeMovement();
    if (!s || !mov) return;
    const std::size_t plane = tintedLumbarPlane(*s);
    if (s->lumbar.planes[plane].lumbarDeg < 0.5) return;
    const Model& model = m_doc.model();
    const std::vector<Transform> bodies = computeBodyTransforms(model, s->q);
    const Transform room = movement::roomFromModel(mov->posture);
    const float sx = pixelScale();
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const ImVec2 o(m_viewport.x, m_viewport.y);
    dl->PushClipRect(o, ImVec2(o.x + m_viewport.w, o.y + m_viewport.h));
    if (m_small) ImGui::PushFont(m_small);
    for (const auto& l : s->lumbar.levels) {
        const int body = draw::levelBody(model, l.name);
        if (body < 0) continue;
        const Vec3 g = (room * bodies[static_cast<std::size_t>(body)]).translation;
        const glm::vec3 p = scene::osimToGltf(glm::vec3(g));
        float depth = 0;
        const glm::vec2 px = gfx::projectToPixels(cam, p, m_viewport.w * sx, m_viewport.h * sx, &depth) / sx;
        if (depth <= 0) continue;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*s  %+.1f deg  %.0f %%", static_cast<int>(l.name.size()), l.name.data(), l.deg[plane],
                      100.0 * l.share[plane]);
        const ImVec2 at(o.x + px.x + 30, o.y + px.y - 8);
        const ImVec2 t = ImGui::CalcTextSize(buf);
        dl->AddLine(ImVec2(o.x + px.x, o.y + px.y), ImVec2(at.x - 2, at.y + t.y * 0.5f), IM_COL32(160, 100, 20, 220), 1.5f);
        dl->AddRectFilled(ImVec2(at.x - 4, at.y - 2), ImVec2(at.x + t.x + 4, at.y + t.y + 2), IM_COL32(255, 246, 225, 230), 3.0f);
        dl->AddText(at, IM_COL32(110, 60, 10, 255), buf);
    }
    if (m_small) ImGui::PopFont();
    // The gauge in words, at the top right of the view: the low back's share of this bend, its
    // angle and band, and whether a stiff hip pushed part of it there.
    // In compare mode it goes under the compared side's caption (drawCompareCaptions()).
    const std::string gauge = draw::lumbarGaugeText(draw::lumbarTintOf(s->lumbar));
    if (!gauge.empty() && !m_comparing) {
        const ImVec2 t = ImGui::CalcTextSize(gauge.c_str());
        const ImVec2 at(o.x + m_viewport.w - t.x - 20, o.y + 14);
        dl->AddRectFilled(ImVec2(at.x - 8, at.y - 5), ImVec2(at.x + t.x + 8, at.y + t.y + 5), IM_COL32(255, 246, 225, 235), 4.0f);
        dl->AddText(at, IM_COL32(110, 60, 10, 255), gauge.c_str());
    }
    dl->PopClipRect();
}

void Viewer::drawLegend() {
    const bool painted = m_doc.layerOptions().attachments;
    if (m_doc.colourMode == draw::ColourMode::Groups && !painted) return;
    struct Entry {
        glm::vec3 colour;
        std::string text;
        bool banded = false;
    };
    std::vector<Entry> entries;
    const char* title = "";
    if (m_doc.colourMode == draw::ColourMode::Groups) {
        title = "On the bones";
    } else if (m_doc.colourMode == draw::ColourMode::Stretch) {
        title = "Length against standing";
        for (const draw::StretchLegendEntry& e : draw::stretchLegend()) entries.push_back({e.colour, e.text});
    } else if (m_doc.colourMode == draw::ColourMode::Pelvis) {
        const bool plain = m_doc.wording == Wording::Plain;
        title = plain ? "With your thighs and chest still" : "Pelvic tilt, thighs and trunk still";
        for (const draw::PelvicLegendEntry& e : draw::pelvicLegend(plain))
            entries.push_back({e.colour, e.text + (draw::pelvicTiltBanded(e.tilt) ? " (banded)" : ""), draw::pelvicTiltBanded(e.tilt)});
    } else {
        const bool plain = m_doc.wording == Wording::Plain;
        const char* titles[] = {"Role now: hip flexion", "Role now: hip adduction", "Role now: hip rotation"};
        const char* plainTitles[] = {"What each does now: forward-back", "What each does now: in-out", "What each does now: turning"};
        const auto d = static_cast<std::size_t>(m_doc.roleDof);
        title = plain ? plainTitles[d] : titles[d];
        const auto [pos, neg] = draw::roleOpposites(m_doc.roleDof);
        for (Action a : {pos, neg})
            entries.push_back({draw::roleColour(a),
                               actionWord(m_doc.content(), m_doc.roleDof, a, m_doc.wording) + (draw::roleBanded(a) ? " (banded)" : ""),
                               draw::roleBanded(a)});
        entries.push_back({draw::roleColour(Action::None), plain ? "no clear pull" : "no action"});
    }
    if (painted) {
        const bool plain = m_doc.wording == Wording::Plain;
        entries.push_back({draw::attachmentColour(true), plain ? "where it starts (origin)" : "origin"});
        entries.push_back({draw::attachmentColour(false), plain ? "where it ends (insertion)" : "insertion"});
    }
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 o(m_viewport.x + 12, m_viewport.y + 12);
    float w = ImGui::CalcTextSize(title).x;
    for (const Entry& e : entries) w = std::max(w, ImGui::CalcTextSize(e.text.c_str()).x + line + 6);
    dl->AddRectFilled(ImVec2(o.x - 8, o.y - 6), ImVec2(o.x + w + 8, o.y + line * static_cast<float>(entries.size() + 1) + 4),
                      IM_COL32(255, 255, 255, 215), 4.0f);
    dl->AddText(o, IM_COL32(30, 30, 34, 255), title);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const ImVec2 p(o.x, o.y + line * static_cast<float>(i + 1));
        const glm::vec3& c = entries[i].colour;
        dl->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + line - 4, p.y + line - 4), linearToImColor(c.r, c.g, c.b), 3.0f);
        if (entries[i].banded) // the same pale bands as the muscles, across the swatch
            for (float x = p.x + 2; x + 2 < p.x + line - 4; x += 5)
                dl->AddRectFilled(ImVec2(x, p.y + 2), ImVec2(x + 2, p.y + line - 4), IM_COL32(245, 242, 235, 190));
        dl->AddText(ImVec2(p.x + line + 2, p.y), IM_COL32(30, 30, 34, 255), entries[i].text.c_str());
    }
}

void Viewer::hoverTip(bool overViewport, bool interacting) {
    if (m_quiz) return; // the tip would name the muscle a question asks about
    if (!overViewport || !m_mouseMoved || m_dragButton >= 0 || interacting || !m_policy.atFullQuality()) return;
    const draw::DrawList& list = m_doc.drawList();
    int x = 0, y = 0;
    cursorInViewport(ImGui::GetIO().MousePos, x, y);
    const std::string tip =
        hoverText(list, m_view->pickAt(m_doc.drawList(Detail::Coarse).items, currentCamera(list), x, y, isMusclePick(list)));
    if (!tip.empty()) ImGui::SetTooltip("%s", tip.c_str());
}

} // namespace hv::ui::detail
