// The info panel: what the selected muscle is (content) and what it does at this pose (computed).
#include "ui/panels.hpp"

#include "document/live_actions.hpp"
#include "anatomy_draw/colouring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <span>

namespace hv::ui {

using namespace hv::doc;

namespace {

std::string citation(const Content& c, const std::string& key) {
    const auto it = c.sources.find(key);
    if (it == c.sources.end()) return key;
    return it->second.citation;
}

void field(const char* label, const std::string& text) {
    ImGui::TextDisabled("%s", label);
    ImGui::Indent();
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::Unindent();
}

// Greyed, wrapped text: prefix, text, suffix (formatted, not concatenated: GCC 12 warns
// falsely, -Wrestrict, on some literal + std::string chains).
void wrappedDisabled(const std::string& text, const char* prefix = "", const char* suffix = "") {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s%s%s", prefix, text.c_str(), suffix);
    ImGui::PopStyleColor();
}

// One bar (a table row), whatever it measures: the title, a track with a centre line filled from
// the centre towards the sign of the moment arm (full track at `fullScaleMm`), the value (in
// anatomical words) and the word. Its rectangle goes into `rects` as (part, dof, ..., reported).
struct BarRow {
    std::string title;
    double momentArmMm = 0.0;
    double fullScaleMm = 60.0;
    glm::vec3 colour{0.0f};
    int part = 0, dof = 0;
    std::string word;     // shown in the last column
    std::string reported; // what --report-state says of it
    bool none = false;    // no clear action: the word greyed
    bool wrap = false;    // long words wrap in their column
};

void barRow(const Document& doc, const BarRow& b, std::vector<BarRect>& rects) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(b.title.c_str());
    ImGui::TableNextColumn();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float trackW = std::max(40.0f, ImGui::GetContentRegionAvail().x);
    const float h = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a(p.x, p.y + 1), z(p.x + trackW, p.y + h - 1);
    dl->AddRectFilled(a, z, IM_COL32(228, 223, 214, 255), 3.0f);
    const float cx = 0.5f * (a.x + z.x);
    const float f = static_cast<float>(barFraction(b.momentArmMm, b.fullScaleMm));
    if (std::abs(f) > 0.0f) {
        const float end = cx + f * 0.5f * trackW;
        dl->AddRectFilled(ImVec2(std::min(cx, end), a.y + 1), ImVec2(std::max(cx, end), z.y - 1),
                          linearToImColor(b.colour.r, b.colour.g, b.colour.b), 2.0f);
    }
    dl->AddLine(ImVec2(cx, a.y - 1), ImVec2(cx, z.y + 1), IM_COL32(80, 80, 86, 255), 1.5f);
    rects.push_back({b.part, b.dof, a.x, a.y, z.x, z.y, cx, b.momentArmMm, b.reported});
    ImGui::Dummy(ImVec2(trackW, h));
    if (doc.wording == Wording::Anatomical) { // plain words leave the numbers out: the bar says how strong
        ImGui::TableNextColumn();
        ImGui::Text("%+.1f mm", b.momentArmMm);
    }
    ImGui::TableNextColumn();
    if (b.wrap) {
        if (b.none) wrappedDisabled(b.word);
        else ImGui::TextWrapped("%s", b.word.c_str());
    } else if (b.none) {
        ImGui::TextDisabled("%s", b.word.c_str());
    } else {
        ImGui::TextUnformatted(b.word.c_str());
    }
}

// A hip action bar, in the role colours.
void actionBar(const Document& doc, const ActionBar& b, int part, std::vector<BarRect>& rects) {
    const std::string word = barWord(doc.content(), b, doc.wording);
    barRow(doc, {std::string(dofTitle(b.dof, doc.wording)), b.momentArmMm, 60.0, draw::roleColour(b.action), part,
                 static_cast<int>(b.dof), word, word, b.action == Action::None, false},
           rects);
}

// One pelvic bar: tilt in the pelvis colour mode's pair, obliquity in a neutral slate. Its
// rectangle goes into `rects` with dof 3 + the pelvic dof (kPelvisDofs).
void pelvicBar(const Document& doc, const PelvicBar& b, int part, std::vector<BarRect>& rects) {
    const glm::vec3 col = b.dof == PelvisDof::Tilt ? draw::pelvicTiltColour(draw::pelvicTiltOf(b.momentArmMm / 1000.0))
                                                   : glm::vec3(0.16f, 0.19f, 0.25f);
    barRow(doc, {std::string(pelvicDofTitle(b.dof, doc.wording)), b.momentArmMm, 60.0, col, part, 3 + static_cast<int>(b.dof),
                 pelvicBarWord(b, doc.wording), pelvicBarSentence(b, doc.wording), b.word == "none", false},
           rects);
}

// A trunk muscle's colour along its lumbar plot (mm).
glm::vec3 lumbarCurveColour(LumbarDof dof, double mm) { return draw::lumbarRoleColour(dof, mm / 1000.0); }

// One lumbar bar of a trunk muscle: flexion in the role colours of hip flexion and extension
// (same sense), bending and rotation in a neutral slate; long words wrap. Its rectangle goes
// into `rects` with dof kLumbarBarDof + the lumbar dof (kLumbarDofs).
void lumbarBar(const Document& doc, const LumbarBar& b, int part, std::vector<BarRect>& rects) {
    const std::string word = lumbarBarWord(b, doc.wording);
    barRow(doc, {std::string(lumbarDofTitle(b.dof, doc.wording)), b.momentArmMm, kLumbarBarFullScaleMm,
                 lumbarCurveColour(b.dof, b.momentArmMm), part, kLumbarBarDof + static_cast<int>(b.dof), word, word,
                 b.role == "none", true},
           rects);
}

// What plotCurve() draws: a moment arm (mm) against an angle (deg), the crossovers and the pose.
struct CurveView {
    std::span<const double> xDeg, yMm;
    std::vector<double> crossoverDeg;
    double currentDeg = 0.0, currentMm = 0.0, minMm = 0.0, maxMm = 0.0;
    std::function<glm::vec3(double mm)> colour; // the curve's colour on each side of zero
    const char* tooltipAxis = "hip flexion";    // "hip flexion 30 deg: +12.0 mm"
};

void plotCurve(const CurveView& p) {
    const float w = ImGui::GetContentRegionAvail().x, h = 170.0f;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##plot", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float left = o.x + 44, right = o.x + w - 8, top = o.y + 6, bottom = o.y + h - 22;
    dl->AddRectFilled(ImVec2(left, top), ImVec2(right, bottom), IM_COL32(252, 251, 248, 255));
    dl->AddRect(ImVec2(left, top), ImVec2(right, bottom), IM_COL32(200, 194, 184, 255));
    if (p.xDeg.size() < 2) return;
    const double x0 = p.xDeg.front(), x1 = p.xDeg.back();
    double y0 = p.minMm, y1 = p.maxMm;
    const double pad = std::max(2.0, 0.1 * (y1 - y0));
    y0 -= pad, y1 += pad;
    const auto X = [&](double v) { return left + static_cast<float>((v - x0) / (x1 - x0)) * (right - left); };
    const auto Y = [&](double v) { return bottom - static_cast<float>((v - y0) / (y1 - y0)) * (bottom - top); };
    const ImU32 ink = IM_COL32(70, 70, 76, 255), faint = IM_COL32(150, 146, 140, 255);
    // Zero line and the axis labels; ticks every 30 deg, or 5 deg over a short range.
    dl->AddLine(ImVec2(left, Y(0)), ImVec2(right, Y(0)), faint, 1.0f);
    char buf[32];
    const float lineH = ImGui::GetTextLineHeight();
    for (double v : {y0 + pad, 0.0, y1 - pad}) {
        if (v != 0.0 && std::abs(Y(v) - Y(0)) < lineH) continue; // keep labels apart
        std::snprintf(buf, sizeof buf, "%.0f", v == 0.0 ? 0.0 : v);
        const ImVec2 t = ImGui::CalcTextSize(buf);
        dl->AddText(ImVec2(left - 6 - t.x, Y(v) - 0.5f * t.y), ink, buf);
    }
    const double tick = x1 - x0 > 60.0 ? 30.0 : x1 - x0 > 20.0 ? 10.0 : 5.0;
    for (double v = std::ceil(x0 / tick) * tick; v <= x1 + 1e-9; v += tick) {
        std::snprintf(buf, sizeof buf, "%.0f", std::abs(v) < 1e-9 ? 0.0 : v);
        const ImVec2 t = ImGui::CalcTextSize(buf);
        dl->AddLine(ImVec2(X(v), bottom), ImVec2(X(v), bottom + 4), ink);
        dl->AddText(ImVec2(X(v) - 0.5f * t.x, bottom + 4), ink, buf);
    }
    // Crossovers.
    for (double cd : p.crossoverDeg) {
        const float x = X(cd);
        for (float y = top; y < bottom; y += 6) dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(bottom, y + 3)), IM_COL32(120, 60, 160, 255), 1.5f);
        std::snprintf(buf, sizeof buf, "%.1f deg", cd);
        const float tw = ImGui::CalcTextSize(buf).x;
        const float tx = x + 4 + tw > right - 2 ? x - 4 - tw : x + 4; // keep it inside the plot
        dl->AddText(ImVec2(tx, top + 2), IM_COL32(100, 40, 140, 255), buf);
    }
    // The curve, coloured by the action on each side of zero.
    for (std::size_t i = 1; i < p.xDeg.size(); ++i) {
        const glm::vec3 c = p.colour(0.5 * (p.yMm[i - 1] + p.yMm[i]));
        dl->AddLine(ImVec2(X(p.xDeg[i - 1]), Y(p.yMm[i - 1])), ImVec2(X(p.xDeg[i]), Y(p.yMm[i])),
                    linearToImColor(c.r * 0.85f, c.g * 0.85f, c.b * 0.85f), 2.5f);
    }
    // The current angle.
    const float cx = X(std::clamp(p.currentDeg, x0, x1)), cy = Y(p.currentMm);
    dl->AddLine(ImVec2(cx, top), ImVec2(cx, bottom), IM_COL32(40, 40, 44, 120), 1.0f);
    dl->AddCircleFilled(ImVec2(cx, cy), 5.5f, IM_COL32(255, 255, 255, 255));
    dl->AddCircleFilled(ImVec2(cx, cy), 4.0f, IM_COL32(30, 30, 34, 255));
    if (hovered) {
        const double v = x0 + static_cast<double>((ImGui::GetIO().MousePos.x - left) / (right - left)) * (x1 - x0);
        const auto it = std::lower_bound(p.xDeg.begin(), p.xDeg.end(), v);
        if (it != p.xDeg.end()) {
            const std::size_t i = static_cast<std::size_t>(it - p.xDeg.begin());
            ImGui::SetTooltip("%s %.0f deg: %+.1f mm", p.tooltipAxis, p.xDeg[i], p.yMm[i]);
        }
    }
}

void plot(PanelContext& ctx, const MomentArmPlot& p) {
    CurveView v;
    v.xDeg = p.flexionDeg;
    v.yMm = p.momentArmMm;
    for (const Crossover& c : p.crossovers) v.crossoverDeg.push_back(c.flexionDeg);
    v.currentDeg = p.currentDeg, v.currentMm = p.currentMm, v.minMm = p.minMm, v.maxMm = p.maxMm;
    v.colour = [dof = p.dof](double mm) { return draw::roleColour(classifyAction(dof, mm / 1000.0)); };
    plotCurve(v);
    (void)ctx;
}

// "Draw it" beside a plot's choice of motion: the same motion's moment arm drawn in the picture
// (the axis, the line of action, the perpendicular and the turning arrow); while it is on, it
// follows the plot's choice.
void drawItCheckbox(Document& doc, draw::MomentArmAxis axis) {
    const bool plain = doc.wording == Wording::Plain;
    bool drawn = doc.momentArmDof.has_value();
    if (drawn) doc.momentArmDof = axis;
    ImGui::SameLine();
    if (ImGui::Checkbox(plain ? "Show in 3D" : "Draw it", &drawn)) doc.momentArmDof = drawn ? std::optional(axis) : std::nullopt;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", plain ? (axis.lumbar ? "Shows the low back's turning axis at one level, the muscle's line of pull and how far apart they are"
                                                     : "Shows the hip's turning axis, the muscle's line of pull and how far apart they are")
                                      : "Draws the joint axis, the line of action, the perpendicular (the moment arm) and the turn");
}

void lumbarPlot(const LumbarMomentArmPlot& p) {
    CurveView v;
    v.xDeg = p.flexionDeg;
    v.yMm = p.momentArmMm;
    for (const LumbarCrossover& c : p.crossovers) v.crossoverDeg.push_back(c.flexionDeg);
    v.currentDeg = p.currentDeg, v.currentMm = p.currentMm, v.minMm = p.minMm, v.maxMm = p.maxMm;
    v.colour = [dof = p.dof](double mm) { return lumbarCurveColour(dof, mm); };
    v.tooltipAxis = "lumbar flexion per level";
    plotCurve(v);
}

} // namespace

void drawLiveActions(PanelContext& ctx, std::vector<BarRect>& barRects) {
    Document& doc = ctx.doc;
    if (doc.selection.empty()) return;
    const int mi = doc.selectedMuscle();
    const bool plain = doc.wording == Wording::Plain;
    // ---- Live actions.
    heading(ctx, plain ? "What it does now" : "What it does in this position");
    const auto lumbar = doc.lumbarActionsOfSelection();
    // A trunk muscle crosses no hip: its bars are about the low back, summed over the levels
    // each part crosses, instead of the hip's zeros.
    const bool trunk = !lumbar.empty();
    if (trunk) wrappedDisabled(plain ? "a longer bar is a stronger pull on your low back"
                                     : "lumbar moment arm (-dL/dq), mm, summed over the levels each part crosses");
    else if (plain) ImGui::TextDisabled("a longer bar is a stronger pull on your %s thigh", doc.selection.side == Side::Left ? "left" : "right");
    else ImGui::TextDisabled("moment arm about the %s hip (-dL/dq), mm", doc.selection.side == Side::Left ? "left" : "right");
    const auto actions = trunk ? std::vector<PartActions>{} : doc.liveActionsOfSelection();
    const auto pelvic = doc.pelvicActionsOfSelection();
    float wordW = ImGui::CalcTextSize("external rotator").x + 4.0f;
    // One word column for the hip and the pelvic bars, so that their tracks line up.
    for (const PartPelvicActions& pa : pelvic)
        for (const PelvicBar& b : pa.bars) wordW = std::max(wordW, ImGui::CalcTextSize(pelvicBarWord(b, doc.wording).c_str()).x + 4.0f);
    if (plain)
        for (const PartActions& pa : actions)
            for (const ActionBar& b : pa.bars) wordW = std::max(wordW, ImGui::CalcTextSize(barWord(doc.content(), b, doc.wording).c_str()).x + 4.0f);
    for (const PartLumbarActions& pa : lumbar)
        for (const LumbarBar& b : pa.bars) wordW = std::max(wordW, ImGui::CalcTextSize(lumbarBarWord(b, doc.wording).c_str()).x + 4.0f);
    const float mmW = ImGui::CalcTextSize("+00.0 mm").x + 4.0f;
    float dofW = std::max(ImGui::CalcTextSize(plain ? "forward-back" : "adduction").x,
                          ImGui::CalcTextSize(plain ? "pelvis side" : "pelvic tilt").x) + 4.0f;
    if (trunk) {
        dofW = std::max(dofW, ImGui::CalcTextSize(std::string(lumbarDofTitle(LumbarDof::Bending, doc.wording)).c_str()).x + 4.0f);
        // The trunk's words are long ("bends the trunk to the right"): they wrap, the track keeps a third.
        const float avail = ImGui::GetContentRegionAvail().x;
        wordW = std::max(ImGui::CalcTextSize("turns the trunk").x, std::min(wordW, avail - dofW - (plain ? 0.0f : mmW) - avail / 3.0f));
    }
    for (std::size_t p = 0; p < lumbar.size(); ++p) {
        wrappedDisabled(lumbarBarsCaption(lumbar[p], doc.wording));
        ImGui::PushID(static_cast<int>(p));
        if (ImGui::BeginTable("lumbar", plain ? 3 : 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoPadOuterX)) {
            ImGui::TableSetupColumn("dof", ImGuiTableColumnFlags_WidthFixed, dofW);
            ImGui::TableSetupColumn("bar", ImGuiTableColumnFlags_WidthStretch);
            if (!plain) ImGui::TableSetupColumn("mm", ImGuiTableColumnFlags_WidthFixed, mmW);
            ImGui::TableSetupColumn("word", ImGuiTableColumnFlags_WidthFixed, wordW);
            for (const LumbarBar& b : lumbar[p].bars) lumbarBar(doc, b, static_cast<int>(p), barRects);
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
    for (std::size_t p = 0; p < actions.size(); ++p) {
        if (!actions[p].name.empty()) ImGui::TextDisabled("%s", actions[p].name.c_str());
        ImGui::PushID(static_cast<int>(p));
        if (ImGui::BeginTable("bars", plain ? 3 : 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoPadOuterX)) {
            ImGui::TableSetupColumn("dof", ImGuiTableColumnFlags_WidthFixed, dofW);
            ImGui::TableSetupColumn("bar", ImGuiTableColumnFlags_WidthStretch);
            if (!plain) ImGui::TableSetupColumn("mm", ImGuiTableColumnFlags_WidthFixed, mmW);
            ImGui::TableSetupColumn("word", ImGuiTableColumnFlags_WidthFixed, wordW);
            for (const ActionBar& b : actions[p].bars) actionBar(doc, b, static_cast<int>(p), barRects);
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
    // ---- On the pelvis, thighs and trunk still (the closed chain).
    if (!pelvic.empty()) {
        ImGui::Spacing();
        wrappedDisabled(plain ? "on your pelvis, with your thighs and chest kept still:"
                              : "on the pelvis, thighs and trunk held still (closed chain), mm");
        for (std::size_t p = 0; p < pelvic.size(); ++p) {
            if (!pelvic[p].name.empty()) ImGui::TextDisabled("%s", pelvic[p].name.c_str());
            ImGui::PushID(1000 + static_cast<int>(p));
            if (ImGui::BeginTable("pelvic", plain ? 3 : 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoPadOuterX)) {
                ImGui::TableSetupColumn("dof", ImGuiTableColumnFlags_WidthFixed, dofW);
                ImGui::TableSetupColumn("bar", ImGuiTableColumnFlags_WidthStretch);
                if (!plain) ImGui::TableSetupColumn("mm", ImGuiTableColumnFlags_WidthFixed, mmW);
                ImGui::TableSetupColumn("word", ImGuiTableColumnFlags_WidthFixed, wordW);
                for (const PelvicBar& b : pelvic[p].bars) pelvicBar(doc, b, static_cast<int>(p), barRects);
                ImGui::EndTable();
            }
            ImGui::PopID();
        }
    }
    if (!actions.empty() && ctx.plotPart && ctx.plotDof) {
        ImGui::Spacing();
        int& part = *ctx.plotPart;
        int& dof = *ctx.plotDof;
        part = std::clamp(part, 0, static_cast<int>(actions.size()) - 1);
        ImGui::TextUnformatted("Plot:");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110);
        const std::string dofNames[] = {std::string(dofTitle(HipDof::Flexion, doc.wording)),
                                        std::string(dofTitle(HipDof::Adduction, doc.wording)),
                                        std::string(dofTitle(HipDof::Rotation, doc.wording))};
        const char* dofs[] = {dofNames[0].c_str(), dofNames[1].c_str(), dofNames[2].c_str()};
        ImGui::Combo("##dof", &dof, dofs, 3);
        drawItCheckbox(doc, draw::MomentArmAxis{false, static_cast<HipDof>(dof), LumbarDof::Flexion});
        if (actions.size() > 1) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(-1);
            const std::string cur = actions[static_cast<std::size_t>(part)].name;
            if (ImGui::BeginCombo("##part", cur.c_str())) {
                for (std::size_t p = 0; p < actions.size(); ++p)
                    if (ImGui::Selectable(actions[p].name.c_str(), part == static_cast<int>(p))) part = static_cast<int>(p);
                ImGui::EndCombo();
            }
        }
        // The sweep behind the plot is redone only when the pose or the choice changed.
        static struct {
            std::vector<double> q;
            PartRef part;
            int dof = -1;
            MomentArmPlot plot;
        } cache;
        const auto q = doc.pose();
        const PartRef ref{mi, part};
        if (!(cache.part == ref) || cache.dof != dof || cache.q.size() != q.size() ||
            !std::equal(q.begin(), q.end(), cache.q.begin())) {
            cache.plot = momentArmPlot(doc.model(), q, ref, static_cast<HipDof>(dof), 2.0);
            cache.q.assign(q.begin(), q.end());
            cache.part = ref;
            cache.dof = dof;
        }
        const MomentArmPlot& mp = cache.plot;
        if (plain) ImGui::TextDisabled("%s pull (mm) as your hip bends (deg)", dofs[dof]);
        else ImGui::TextDisabled("%s moment arm (mm) against hip flexion (deg)", dofs[dof]);
        plot(ctx, mp);
        if (mp.crossovers.empty())
            ImGui::TextDisabled("%s", plain ? "It does the same job however far your hip bends." : "No change of action across the range of hip flexion.");
        for (const Crossover& c : mp.crossovers)
            ImGui::TextWrapped("%s", crossoverText(doc.content(), mp.dof, c, doc.wording).c_str());
    }
    if (trunk && ctx.plotPart && ctx.plotDof) {
        // The plot of a trunk muscle: its summed moment arm against lumbar flexion, every level
        // moved together from the pose (document/live_actions.hpp: lumbarMomentArmPlot).
        ImGui::Spacing();
        int& part = *ctx.plotPart;
        int& dof = *ctx.plotDof;
        part = std::clamp(part, 0, static_cast<int>(lumbar.size()) - 1);
        dof = std::clamp(dof, 0, 2);
        ImGui::TextUnformatted("Plot:");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110);
        const std::string dofNames[] = {std::string(lumbarDofTitle(LumbarDof::Flexion, doc.wording)),
                                        std::string(lumbarDofTitle(LumbarDof::Bending, doc.wording)),
                                        std::string(lumbarDofTitle(LumbarDof::Rotation, doc.wording))};
        const char* dofs[] = {dofNames[0].c_str(), dofNames[1].c_str(), dofNames[2].c_str()};
        ImGui::Combo("##ldof", &dof, dofs, 3);
        drawItCheckbox(doc, draw::MomentArmAxis{true, HipDof::Rotation, static_cast<LumbarDof>(dof)});
        if (lumbar.size() > 1) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(-1);
            const std::string cur = lumbar[static_cast<std::size_t>(part)].name;
            if (ImGui::BeginCombo("##lpart", cur.c_str())) {
                for (std::size_t p = 0; p < lumbar.size(); ++p)
                    if (ImGui::Selectable(lumbar[p].name.c_str(), part == static_cast<int>(p))) part = static_cast<int>(p);
                ImGui::EndCombo();
            }
        }
        static struct {
            std::vector<double> q;
            PartRef part;
            int dof = -1;
            LumbarMomentArmPlot plot;
        } cache;
        const auto q = doc.pose();
        const PartRef ref{mi, part};
        if (!(cache.part == ref) || cache.dof != dof || cache.q.size() != q.size() ||
            !std::equal(q.begin(), q.end(), cache.q.begin())) {
            cache.plot = lumbarMomentArmPlot(doc.model(), q, ref, static_cast<LumbarDof>(dof), 1.0);
            cache.q.assign(q.begin(), q.end());
            cache.part = ref;
            cache.dof = dof;
        }
        const LumbarMomentArmPlot& mp = cache.plot;
        if (plain) wrappedDisabled(dofNames[dof], "", " pull (mm) as your low back bends forward (deg at each level)");
        else wrappedDisabled(dofNames[dof], "", " moment arm (mm, summed over the levels) against lumbar flexion (deg at each level, "
                                                "the five levels moved together)");
        lumbarPlot(mp);
        if (mp.crossovers.empty())
            ImGui::TextDisabled("%s", plain ? "It does the same job however far your low back bends." : "No change of action across the range of lumbar flexion.");
        for (const LumbarCrossover& c : mp.crossovers)
            ImGui::TextWrapped("At %.1f deg of lumbar flexion at each level it turns from %s to %s.", c.flexionDeg, c.from.c_str(), c.to.c_str());
    }
}

void drawInfoPanel(PanelContext& ctx, std::vector<BarRect>& barRects) {
    Document& doc = ctx.doc;
    const MuscleInfo* info = doc.content().findMuscleInfo(doc.selection.muscleId);
    if (!info) {
        ImGui::TextWrapped("Click a muscle in the figure, or pick one from the list, to see what it is and what it "
                           "does in this position.");
        return;
    }
    if (ctx.bold) ImGui::PushFont(ctx.bold);
    ImGui::TextWrapped("%s", info->name.c_str());
    if (ctx.bold) ImGui::PopFont();
    if (const MuscleGroup* g = doc.content().findGroup(info->group)) ImGui::TextDisabled("%s", g->name.c_str());
    int side = doc.selection.bothSides ? 2 : doc.selection.side == Side::Left ? 1 : 0;
    ImGui::RadioButton("right", &side, 0);
    ImGui::SameLine();
    ImGui::RadioButton("left", &side, 1);
    ImGui::SameLine();
    ImGui::RadioButton("both sides", &side, 2);
    Selection s = doc.selection;
    s.side = side == 1 ? Side::Left : Side::Right;
    s.bothSides = side == 2;
    if (!(s == doc.selection)) doc.select(s);
    ImGui::SameLine();
    if (ImGui::SmallButton("Frame")) ctx.frameSelection = true;
    drawWordingChoice(ctx);
    ImGui::Separator();
    const bool plain = doc.wording == Wording::Plain;
    if (plain) { // what it is first: the plain text is the card
        ImGui::TextWrapped("%s", muscleText(*info, doc.wording).c_str());
        ImGui::Spacing();
    }

    drawLiveActions(ctx, barRects);
    ImGui::Separator();

    // ---- What the content says. In plain words the textbook's terms wait behind a header.
    if (plain) {
        heading(ctx, "What it does");
        for (const TextbookAction& a : info->actions) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", actionText(a, doc.wording).c_str());
        }
        ImGui::Spacing();
        if (!ImGui::CollapsingHeader("In anatomical words")) return;
    }
    if (!info->summary.empty()) ImGui::TextWrapped("%s", info->summary.c_str());
    if (info->parts.size() > 1) {
        std::string parts;
        for (const PartInfo& p : info->parts) parts += (parts.empty() ? "" : ", ") + (p.displayName.empty() ? p.name : p.displayName);
        field("Parts", parts);
    }
    field("Origin", info->origin);
    field("Insertion", info->insertion);
    field("Innervation", info->innervation);
    if (!info->textSource.empty()) wrappedDisabled(citation(doc.content(), info->textSource), "Source: ");
    ImGui::Spacing();
    heading(ctx, "Textbook actions");
    for (const TextbookAction& a : info->actions) {
        const std::string line = actionHeading(a, Wording::Anatomical);
        ImGui::Bullet();
        ImGui::TextWrapped("%s", line.c_str());
        ImGui::Indent();
        if (!a.text.empty()) ImGui::TextWrapped("%s", a.text.c_str());
        if (!a.geometryDisagrees.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.30f, 0.10f, 1.0f));
            ImGui::TextWrapped("The model's geometry disagrees: %s", a.geometryDisagrees.c_str());
            ImGui::PopStyleColor();
        }
        wrappedDisabled(citation(doc.content(), a.source), "[", "]");
        ImGui::Unindent();
    }
    for (const PartInfo& p : info->parts)
        if (!p.note.empty()) {
            std::string label = p.displayName.empty() ? p.name : p.displayName;
            label += ": ";
            wrappedDisabled(p.note, label.c_str());
        }
}

} // namespace hv::ui
