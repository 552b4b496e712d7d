// The pose panel: a slider for every coordinate, reset, mirror.
#include "ui/panels.hpp"

#include "core/bone_parameters.hpp"
#include "document/pose_controls.hpp"

#include <algorithm>

namespace hv::ui {

using namespace hv::doc;

namespace {

// Femoral anteversion, neck-shaft angle, pelvis width: edited, then applied (the bones take a
// few seconds to regenerate; the muscles and their moment arms follow at once).
void drawBoneShape(PanelContext& ctx) {
    Document& doc = ctx.doc;
    const BoneParameterSpec& spec = doc.content().boneParameters;
    static BoneParameters edit;
    static bool initialised = false;
    if (!initialised) edit = doc.boneParameters(), initialised = true;
    ImGui::SetNextItemOpen(false, ImGuiCond_Once);
    if (!ImGui::CollapsingHeader("Bone shape")) return;
    for (std::size_t i = 0; i < kBoneParameterCount; ++i) {
        const auto id = static_cast<BoneParameterId>(i);
        const BoneParameterInfo& info = spec[id];
        float v = static_cast<float>(boneParameterToUser(id, edit.get(id)));
        const std::string fmt = std::string("%.1f ") + std::string(boneParameterUserUnit(id));
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
        if (ImGui::SliderFloat(("##bone" + info.name).c_str(), &v, static_cast<float>(boneParameterToUser(id, info.minValue)),
                               static_cast<float>(boneParameterToUser(id, info.maxValue)), fmt.c_str(),
                               ImGuiSliderFlags_AlwaysClamp))
            edit.set(id, boneParameterFromUser(id, static_cast<double>(v)));
        ImGui::SameLine();
        ImGui::TextUnformatted(info.displayName.c_str());
    }
    const bool changed = !(edit == doc.boneParameters());
    ImGui::BeginDisabled(!changed);
    if (ImGui::Button("Apply")) doc.setBoneParameters(edit);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Published shape")) {
        edit = spec.defaults();
        doc.setBoneParameters(edit);
    }
    if (doc.reshapingBones()) ImGui::TextDisabled("Reshaping the bones (a few seconds)...");
    else ImGui::TextDisabled("Muscle attachments move with the bone; the actions follow.");
}

} // namespace

void drawPosePanel(PanelContext& ctx) {
    Document& doc = ctx.doc;
    const Model& model = doc.model();
    const bool moving = doc.activeMovement() != nullptr;
    if (moving) {
        ImGui::TextWrapped("A movement is playing: the sliders show its pose.");
        if (ImGui::Button("Stop the movement")) doc.stopMovement();
        ImGui::SameLine();
        if (ImGui::Button("Keep its pose")) {
            const auto q = doc.pose();
            doc.manualPose.assign(q.begin(), q.end());
            doc.stopMovement();
        }
    }
    ImGui::BeginDisabled(moving);
    if (ImGui::Button("Reset")) doc.resetPose();
    ImGui::SameLine();
    if (ImGui::Button("Right -> left")) mirrorPose(model, Side::Right, doc.manualPose);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Give the left side the right side's angles");
    ImGui::SameLine();
    if (ImGui::Button("Left -> right")) mirrorPose(model, Side::Left, doc.manualPose);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Give the right side the left side's angles");
    ImGui::EndDisabled();
    ImGui::TextDisabled("Ctrl + click a slider to type a value.");

    const auto q = doc.pose();
    drawBoneShape(ctx);
    for (const CoordinateGroup& g : coordinateGroups(model)) {
        const bool openByDefault = g.title == "Right hip" || g.title == "Left hip" || g.title == "Knees";
        ImGui::SetNextItemOpen(openByDefault, ImGuiCond_Once);
        if (!ImGui::CollapsingHeader(g.title.c_str())) continue;
        ImGui::PushID(g.title.c_str());
        for (int ci : g.coordinates) {
            const Coordinate& c = model.coordinates[static_cast<std::size_t>(ci)];
            float v = static_cast<float>(sliderValue(c, q[static_cast<std::size_t>(ci)]));
            const float lo = static_cast<float>(sliderValue(c, c.minValue)), hi = static_cast<float>(sliderValue(c, c.maxValue));
            ImGui::BeginDisabled(moving);
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
            const std::string fmt = sliderFormat(c);
            if (ImGui::SliderFloat(("##" + c.name).c_str(), &v, lo, hi, fmt.c_str(), ImGuiSliderFlags_AlwaysClamp))
                doc.manualPose[static_cast<std::size_t>(ci)] = sliderToSi(c, static_cast<double>(v));
            if (ImGui::IsItemClicked(ImGuiMouseButton_Right))
                doc.manualPose[static_cast<std::size_t>(ci)] = c.defaultValue;
            ImGui::EndDisabled();
            if (ImGui::IsItemHovered() && !c.positiveMeaning.empty())
                ImGui::SetTooltip("+ %s, - %s (right-click: default)", c.positiveMeaning.c_str(), c.negativeMeaning.c_str());
            ImGui::SameLine();
            ImGui::TextUnformatted((c.displayName.empty() ? c.name : c.displayName).c_str());
        }
        ImGui::PopID();
    }
}

} // namespace hv::ui
