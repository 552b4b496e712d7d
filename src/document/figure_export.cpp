#include "document/figure_export.hpp"

#include "core/pose_text.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace hv::doc {

std::vector<std::string> showList(const Content& content, const LayerState& layers, bool thirdPartyModel) {
    std::vector<std::string> out;
    const bool allGroups = layers.hiddenGroups.empty();
    const bool defaults = layers.bones && layers.muscles && allGroups && !layers.wraps;
    if (defaults && !thirdPartyModel) return out; // the default
    if (layers.bones) out.emplace_back("bones");
    if (layers.muscles) {
        if (allGroups) out.emplace_back("muscles");
        else
            for (const MuscleGroup& g : content.groups)
                if (std::find(layers.hiddenGroups.begin(), layers.hiddenGroups.end(), g.id) == layers.hiddenGroups.end())
                    out.push_back(g.id);
    }
    if (layers.wraps) out.emplace_back("wraps");
    if (thirdPartyModel) out.emplace_back("model");
    return out;
}

draw::FigureSpec figureFromView(Document& doc, const OrbitCamera& camera, const FigureExportOptions& options,
                                std::vector<std::string>& notes) {
    draw::FigureSpec spec;
    spec.output = options.output;
    spec.width = options.width;
    spec.height = options.height;
    spec.labels = options.labels;
    spec.background = options.background;
    spec.scale = options.scale;
    spec.camera = camera.orbitSpec();
    const Playback& pb = doc.playback;
    const bool restricted = std::any_of(pb.restriction.begin(), pb.restriction.end(), [](const auto& side) {
        return std::any_of(side.begin(), side.end(), [](const HipRestriction& r) { return r.enabled; });
    });
    const movement::Movement* mov = doc.activeMovement();
    if (mov && !restricted && pb.gluteusMediusStrength >= 1.0) {
        spec.movement = mov->id;
        const double d = mov->duration();
        double t = pb.time;
        if (pb.loop && d > 0.0) t = std::fmod(t, d);
        spec.at = std::clamp(t, 0.0, d);
    } else {
        spec.pose = poseText(doc.model(), doc.pose());
        if (mov) notes.push_back("the movement's pose is written as a pose (a restricted hip or a weak gluteus medius is not part of figures)");
    }
    if (!doc.selection.empty()) {
        std::string h = doc.selection.muscleId;
        if (!doc.selection.bothSides) h += doc.selection.side == Side::Left ? "_l" : "_r";
        spec.highlight.push_back(std::move(h));
        if (!doc.layers.ghostOthers) notes.push_back("figures always ghost the muscles that are not highlighted");
    }
    const bool thirdParty = !doc.isDefaultModel() && !doc.drawer().modelIsAnatomical();
    spec.show = showList(doc.content(), doc.layers, thirdParty);
    if (!doc.isDefaultModel()) spec.model = std::filesystem::absolute(doc.modelPath()).lexically_normal().string();
    if (!(doc.boneParameters() == doc.content().boneParameters.defaults()))
        notes.push_back("figures show the published bone shape (bone parameters are not part of figures)");
    if (doc.colourMode != draw::ColourMode::Groups) notes.push_back("figures use the group colours (not the stretch or role colours)");
    if (doc.layers.sides != draw::SideFilter::Both) notes.push_back("figures show both sides (use a medial view for one side)");
    return spec;
}

} // namespace hv::doc
