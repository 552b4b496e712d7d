// Movements, stretches and exercises (issue 6): the list, playback, the explanation, and the
// hip-back connection (restricted hip, lumbar shares, the weak gluteus medius option).
#include "ui/panels.hpp"

#include "anatomy_draw/colouring.hpp"
#include "movement/lumbar.hpp"
#include "movement/stretch_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hv::ui {

using namespace hv::doc;

namespace {

const char* categoryTitle(movement::Category c) {
    switch (c) {
    case movement::Category::Movement: return "Hip movements";
    case movement::Category::RoleChange: return "Role changes";
    case movement::Category::Stretch: return "Stretches";
    case movement::Category::Exercise: return "Exercises";
    case movement::Category::SelfTest: return "Self-test";
    case movement::Category::HipBack: return "Hip and back";
    case movement::Category::Gait: return "Walking";
    }
    return "Other";
}

void playbackControls(PanelContext& ctx, bool compact) {
    Document& doc = ctx.doc;
    Playback& pb = doc.playback;
    const double duration = doc.movementDuration();
    if (ImGui::Button(pb.playing ? "Pause" : "Play", ImVec2(70, 0))) {
        if (!pb.playing && !pb.loop && pb.time >= duration - 1e-9) doc.seek(0.0);
        pb.playing = !pb.playing;
    }
    ImGui::SameLine();
    if (ImGui::Button("Stop")) {
        doc.stopMovement();
        return;
    }
    ImGui::SameLine();
    float t = static_cast<float>(std::min(pb.time, duration));
    ImGui::SetNextItemWidth(compact ? ImGui::GetContentRegionAvail().x - 260 : ImGui::GetContentRegionAvail().x);
    char fmt[48];
    std::snprintf(fmt, sizeof fmt, "%%.1f / %.1f s", duration);
    if (ImGui::SliderFloat("##time", &t, 0.0f, static_cast<float>(duration), fmt)) doc.seek(static_cast<double>(t));
    if (!compact) ImGui::SetNextItemWidth(140);
    else {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(120);
    }
    float speed = static_cast<float>(pb.speed);
    if (ImGui::SliderFloat("##speed", &speed, 0.25f, 2.0f, "speed %.2fx")) pb.speed = speed;
    ImGui::SameLine();
    ImGui::Checkbox("Loop", &pb.loop);
}

} // namespace

void drawMovementPanel(PanelContext& ctx) {
    Document& doc = ctx.doc;
    const movement::MovementLibrary* lib = doc.movements();
    if (!lib) {
        ImGui::TextWrapped("The movements file could not be read (see the messages printed at start).");
        return;
    }
    const movement::Movement* active = doc.activeMovement();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##movement", active ? active->title.c_str() : "Choose a movement, stretch or exercise...",
                          ImGuiComboFlags_HeightLarge)) {
        for (int c = 0; c <= static_cast<int>(movement::kLastCategory); ++c) {
            const auto cat = static_cast<movement::Category>(c);
            bool any = false;
            for (const movement::Movement& m : lib->movements) any |= m.category == cat;
            if (!any) continue;
            ImGui::TextDisabled("%s", categoryTitle(cat));
            for (const movement::Movement& m : lib->movements) {
                if (m.category != cat) continue;
                ImGui::PushID(m.id.c_str());
                if (ImGui::Selectable(m.title.c_str(), active == &m)) doc.startMovement(m.id);
                ImGui::PopID();
            }
        }
        ImGui::EndCombo();
    }
    if (!active) {
        ImGui::TextWrapped("Each movement plays on the skeleton; the muscles stretch and slide with it, and the "
                           "selected muscle's action bars follow. Colour the muscles by how much they are "
                           "stretched (View > Muscle colours) to see what a stretch stretches.");
        return;
    }
    ImGui::Spacing();
    heading(ctx, active->title.c_str());
    drawWordingChoice(ctx);
    ImGui::TextWrapped("%s", movementText(*active, doc.wording).c_str());
    if (const movement::PoseSample* s = doc.sample(); s && !s->label.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.27f, 0.12f, 1.0f));
        ImGui::TextWrapped("Now: %.*s", static_cast<int>(s->label.size()), s->label.data());
        ImGui::PopStyleColor();
    }
    if (active->normalRange) {
        const auto& r = *active->normalRange;
        const auto src = doc.content().sources.find(r.source);
        ImGui::TextDisabled("Normal range: %.0f deg (%s)", r.degrees,
                            src != doc.content().sources.end() ? src->second.citation.c_str() : r.source.c_str());
    }
    playbackControls(ctx, false);
    // Compare mode: only with a restriction, a weak gluteus medius or a profile in force.
    {
        const bool can = doc.canCompare();
        ImGui::BeginDisabled(!can);
        bool on = doc.playback.compare && can;
        if (ImGui::Checkbox("Compare with normal", &on)) doc.playback.compare = on;
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", can ? "The movement twice, side by side and in step: normal hips on the left, "
                                          "this one on the right, each with its number"
                                        : "Limit a hip, weaken gluteus medius or open a client profile first");
        if (doc.comparing()) { // under the control, wrapped: the panel is narrow
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("Normal hips (left) against: %s (right)", doc.comparedSideLabel().c_str());
            ImGui::PopStyleColor();
        }
    }

    ImGui::Spacing();
    drawColourModeChoice(ctx, "Colour the muscles by");
    if (doc.colourMode == draw::ColourMode::Stretch) {
        // The three muscles lengthened most at this moment, with their numbers.
        const auto top = movement::mostLengthened(doc.model(), doc.partStates(), 3);
        ImGui::TextDisabled("%s", doc.wording == Wording::Plain ? "Stretched most now:" : "Lengthened most now:");
        if (top.empty()) ImGui::TextUnformatted("  none is longer than standing");
        for (const movement::MuscleChange& c : top) {
            const Muscle& m = doc.model().muscles[static_cast<std::size_t>(c.muscle)];
            const MuscleInfo* info = doc.content().findMuscleInfo(m.id);
            const std::string name = (info ? info->name : m.id) + (m.side == Side::Left ? " (left)" : " (right)");
            ImGui::ColorButton(("##top" + name).c_str(), ImGui::ColorConvertU32ToFloat4(linearToImColor(draw::stretchColour(c.changePercent).r, draw::stretchColour(c.changePercent).g,
                                                                                 draw::stretchColour(c.changePercent).b)),
                               ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoBorder, ImVec2(10, 10));
            ImGui::SameLine();
            ImGui::TextWrapped("%s: %s", name.c_str(), movement::lengthChangeWords(c.changePercent).c_str());
        }
    }

    // ---- The hip-back connection.
    const movement::PoseSample* s = doc.sample();
    ImGui::Spacing();
    heading(ctx, "Hip and low back");
    const bool plain = doc.wording == Wording::Plain;
    if (s) {
        const char* planes[] = {"forward/back", "sideways", "turning"};
        const char* hipCoordinates[] = {"hip_flexion", "hip_adduction", "hip_rotation"};
        if (ImGui::BeginTable("shares", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("plane");
            ImGui::TableSetupColumn(s->lumbar.hipSide == Side::Left ? "left hip" : "right hip");
            ImGui::TableSetupColumn(plain ? "low back" : "lumbar");
            ImGui::TableHeadersRow();
            for (std::size_t p = 0; p < 3; ++p) {
                const auto& ps = s->lumbar.planes[p];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(planes[p]);
                ImGui::TableNextColumn();
                ImGui::Text("%.1f deg", ps.hipDeg);
                if (!ps.hipMotion.empty()) { // under the angle, wrapped: the panel is narrow
                    const std::string motion = senseWords(doc.content(), hipCoordinates[p], ps.hipMotion, doc.wording);
                    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                    ImGui::TextWrapped("%s", motion.c_str());
                    ImGui::PopStyleColor();
                }
                ImGui::TableNextColumn();
                ImGui::Text("%.1f deg (%s)", ps.lumbarDeg, movement::shareText(ps.lumbarShare, ps.defined).c_str());
            }
            ImGui::EndTable();
        }
        // The plane the figure's lumbar tint shows: the one the lumbar spine moved most in.
        const auto plane = static_cast<std::size_t>(draw::lumbarTintOf(s->lumbar).plane);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        if (s->lumbar.planes[plane].lumbarDeg < 0.05)
            ImGui::TextWrapped("%s", plain ? "Your low back does not move here: your hips do all of it."
                                           : "The lumbar spine does not move here: the hips do all of it.");
        else
            ImGui::TextWrapped("%s. Lumbar levels (%s), tinted in the figure by how far the low back moved (amber: asked for; "
                               "magenta: taken up for a stiff hip):",
                               draw::lumbarGaugeText(draw::lumbarTintOf(s->lumbar)).c_str(), planes[plane]);
        ImGui::PopStyleColor();
        if (s->lumbar.planes[plane].lumbarDeg >= 0.05 && ImGui::BeginTable("levels", 4, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("level");
            ImGui::TableSetupColumn("angle");
            ImGui::TableSetupColumn("share");
            ImGui::TableSetupColumn("taken up");
            ImGui::TableHeadersRow();
            for (std::size_t i = movement::kLumbarLevels; i-- > 0;) {
                const auto& l = s->lumbar.levels[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(std::string(l.name).c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%+.1f deg", l.deg[plane]);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(movement::shareText(l.share[plane], s->lumbar.planes[plane].defined).c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%+.1f deg", l.takenUpDeg[plane]);
            }
            ImGui::EndTable();
        }
    }

    ImGui::Spacing();
    if (const movement::ClientProfile* profile = doc.profile()) {
        // What was measured on this person, applied to every movement (the limits below and the
        // gluteus medius strength come from it until they are edited).
        heading(ctx, "Client profile");
        ImGui::TextWrapped("%s", profile->title.c_str());
        for (const std::string& line : movement::describeClientProfile(doc.model(), *profile))
            ImGui::BulletText("%s", line.c_str());
        if (!profile->notes.empty()) ImGui::TextWrapped("%s", profile->notes.c_str());
        if (ImGui::SmallButton("Clear profile")) doc.clearProfile();
    } else if (ImGui::SmallButton("Open client profile...")) {
        ctx.openProfileDialog = true;
    }
    if (ImGui::TreeNodeEx("Restricted hip", !doc.hipLimits().empty() ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
        ImGui::TextWrapped("Limit a hip: when the movement asks for more, the pelvis and the lumbar spine take up "
                           "the rest.");
        const char* sides[] = {"Right", "Left"};
        const char* dofs[] = {"flexion", "adduction", "rotation"};
        for (int side = 0; side < 2; ++side) {
            const std::array<int, 3> coords = hipCoordinates(doc.model(), side == 0 ? Side::Right : Side::Left);
            for (int d = 0; d < 3; ++d) {
                if (coords[static_cast<std::size_t>(d)] < 0) continue;
                const Coordinate& c = doc.model().coordinates[static_cast<std::size_t>(coords[static_cast<std::size_t>(d)])];
                HipRestriction& r = doc.playback.restriction[static_cast<std::size_t>(side)][static_cast<std::size_t>(d)];
                ImGui::PushID(side * 3 + d);
                if (ImGui::Checkbox("##on", &r.enabled) && r.enabled && r.minDeg == 0.0 && r.maxDeg == 0.0) {
                    r.minDeg = toDegrees(c.minValue);
                    r.maxDeg = toDegrees(c.maxValue) * 0.5;
                }
                ImGui::SameLine();
                float lo = static_cast<float>(r.minDeg), hi = static_cast<float>(r.maxDeg);
                ImGui::BeginDisabled(!r.enabled);
                ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
                if (ImGui::DragFloatRange2("##range", &lo, &hi, 0.5f, static_cast<float>(toDegrees(c.minValue)),
                                           static_cast<float>(toDegrees(c.maxValue)), "%.0f deg", "%.0f deg",
                                           ImGuiSliderFlags_AlwaysClamp))
                    r.minDeg = lo, r.maxDeg = hi;
                ImGui::EndDisabled();
                ImGui::SameLine();
                ImGui::Text("%s hip %s", sides[side], dofs[d]);
                ImGui::PopID();
            }
        }
        if (s && s->restriction.active)
            ImGui::TextWrapped("Limit reached: the lumbar spine took up %.1f deg (sagittal), %.1f (frontal), %.1f "
                               "(turning).",
                               s->restriction.takenUpTotalDeg[0], s->restriction.takenUpTotalDeg[1],
                               s->restriction.takenUpTotalDeg[2]);
        ImGui::TreePop();
    }

    if (active->stance != Side::Midline) {
        ImGui::Spacing();
        heading(ctx, "Standing on one leg");
        auto& strength = doc.playback.gluteusMediusStrength;
        bool weak = strength.weak();
        if (ImGui::Checkbox("Weak gluteus medius", &weak))
            strength = movement::GluteusMediusStrength::both(weak ? 0.3 : 1.0);
        if (weak) {
            for (const Side side : {Side::Right, Side::Left}) {
                double& value = side == Side::Left ? strength.left : strength.right;
                float f = static_cast<float>(value * 100.0);
                ImGui::SetNextItemWidth(-1);
                const char* format = side == Side::Left ? "left %.0f %% of normal" : "right %.0f %% of normal";
                if (ImGui::SliderFloat(side == Side::Left ? "##strength_l" : "##strength_r", &f, 0.0f, 100.0f, format))
                    value = static_cast<double>(f) / 100.0;
            }
        }
        if (s && s->trendelenburg.applies) {
            const auto& t = s->trendelenburg;
            ImGui::TextWrapped("Holding the pelvis level needs %.0f N m about the %s hip; the gluteal muscles give %.0f "
                               "N m.",
                               t.demandNm, t.stance == Side::Left ? "left" : "right", t.supplyNm);
            if (t.dropDeg > 0.05) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.18f, 0.12f, 1.0f));
                ImGui::TextWrapped("The pelvis drops %.1f deg on the swing side (Trendelenburg sign).", t.dropDeg);
                ImGui::PopStyleColor();
            } else {
                ImGui::TextWrapped("The pelvis stays level.");
            }
        }
    }
}

ImVec4 drawPlaybackBar(PanelContext& ctx, float x, float y, float w) {
    const movement::Movement* active = ctx.doc.activeMovement();
    if (!active) return ImVec4(0, 0, 0, 0);
    ImGui::SetNextWindowPos(ImVec2(x + 10, y), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(w - 20, 0), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.88f);
    ImGui::Begin("##playback", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    if (ctx.bold) ImGui::PushFont(ctx.bold);
    ImGui::TextUnformatted(active->title.c_str());
    if (ctx.bold) ImGui::PopFont();
    if (const movement::PoseSample* s = ctx.doc.sample(); s && !s->label.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("- %.*s", static_cast<int>(s->label.size()), s->label.data());
    }
    playbackControls(ctx, true);
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    ImGui::End();
    return ImVec4(pos.x, pos.y, size.x, size.y);
}

} // namespace hv::ui
