#include "document/figure_export.hpp"

#include "anatomy_draw/colouring.hpp"
#include "core/bone_parameters.hpp"
#include "core/pose_text.hpp"
#include "core/roles.hpp"
#include "movement/restricted_hip.hpp"

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
    const Model& model = doc.model();
    if (const movement::Movement* mov = doc.activeMovement()) {
        spec.movement = mov->id;
        const double d = mov->duration();
        double t = pb.time;
        if (pb.loop && d > 0.0) t = std::fmod(t, d);
        spec.at = std::clamp(t, 0.0, d);
        spec.restrict = movement::hipRestrictionTexts(model, doc.hipLimits());
        spec.gluteusMediusStrength = pb.gluteusMediusStrength.clamped();
        spec.compare = doc.comparing();
    } else {
        spec.pose = poseText(model, doc.pose());
    }
    if (!doc.selection.empty()) {
        std::string h = doc.selection.muscleId;
        if (!doc.selection.bothSides) h += doc.selection.side == Side::Left ? "_l" : "_r";
        spec.highlight.push_back(std::move(h));
        if (!doc.layers.ghostOthers) notes.push_back("figures always ghost the muscles that are not highlighted");
    }
    const bool thirdParty = !doc.isDefaultModel() && !doc.drawer().modelIsAnatomical();
    spec.show = showList(doc.content(), doc.layers, thirdParty);
    spec.peel = doc.layers.peel;
    spec.floor = doc.layers.floor;
    // The outline as the window draws it, written wherever the figure's own default would differ.
    if (const bool outline = doc.layerOptions().layers.outline;
        !spec.show.empty() || outline != draw::outlineShown(std::nullopt, !doc.playback.movementId.empty()))
        spec.outline = outline;
    spec.attachments = doc.layers.attachments && (!doc.selection.empty() || !doc.layers.muscles);
    if (!doc.isDefaultModel()) spec.model = std::filesystem::absolute(doc.modelPath()).lexically_normal().string();
    if (!(doc.boneParameters() == doc.baseContent().boneParameters.defaults())) spec.anatomy = formatAnatomy(doc.boneParameters());
    spec.colour = std::string(draw::colourModeName(doc.colourMode));
    spec.roleCoordinate = std::string(hipDofName(doc.roleDof));
    spec.side = doc.layers.sides == draw::SideFilter::RightOnly ? "right" : doc.layers.sides == draw::SideFilter::LeftOnly ? "left" : "both";
    return spec;
}

std::optional<Diagnostic> emptyFigure(const draw::DrawList& list, const draw::FigureSpec& spec, const Document& doc) {
    if (!list.items.empty()) return std::nullopt;
    const draw::AnatomyDrawer& drawer = doc.drawer();
    const bool haveModel = drawer.model() != nullptr;
    const bool anatomical = !haveModel || drawer.modelIsAnatomical();
    const std::string modelName = doc.modelDisplayName();
    const std::string sideNote = spec.side == "both" ? "" : " on the " + spec.side + " side";
    std::vector<std::string> asked = spec.show;
    if (asked.empty()) asked = {"bones", "muscles"};
    std::string why;
    for (const std::string& layer : asked) {
        std::string reason;
        if (layer == "model") {
            reason = !haveModel ? "no model file is loaded (--model FILE)"
                     : anatomical ? modelName + " is HipView's own skeleton: its meshes are the `bones` layer"
                                  : "the model has no meshes to draw";
        } else if (layer == "bones") {
            reason = anatomical ? "no bone is shown" + sideNote + " in this view"
                                : modelName + " is not HipView's skeleton: its meshes are the `model` layer";
        } else if (layer == "wraps") {
            reason = anatomical ? "no muscle that uses a wrap surface is drawn" : "wrap surfaces go with HipView's skeleton only";
        } else {
            reason = anatomical ? "no muscle of it is shown" + sideNote : "muscles are drawn on HipView's skeleton only, not on " + modelName;
        }
        why += (why.empty() ? "" : "; ") + ("`" + layer + "`: " + reason);
    }
    return Diagnostic{spec.file, spec.line, 0, "show", "nothing to draw: " + why};
}

Diagnostics applyFigure(Document& doc, const draw::FigureSpec& spec) {
    Diagnostics out;
    const auto bad = [&](std::string field, std::string message) {
        out.push_back({spec.file, spec.line, 0, std::move(field), std::move(message)});
    };
    const Content& base = doc.baseContent();
    std::string error;
    // The bone shape first: it changes the model that poses and limits are read against.
    BoneParameters bones = base.boneParameters.defaults();
    if (!spec.anatomy.empty()) {
        const auto p = parseAnatomy(base.boneParameters, spec.anatomy, error);
        if (!p) bad("anatomy", error);
        else bones = *p;
    }
    const auto mode = draw::colourModeFromName(spec.colour);
    if (!mode) bad("colour", "unknown colour mode \"" + spec.colour + "\"");
    std::optional<HipDof> dof;
    for (HipDof d : kHipDofs)
        if (hipDofName(d) == spec.roleCoordinate) dof = d;
    if (!dof) bad("role_coordinate", "unknown hip coordinate \"" + spec.roleCoordinate + "\"");
    std::vector<movement::HipLimit> limits;
    for (const std::string& r : spec.restrict) {
        const auto l = movement::parseHipRestriction(base.model, r, error);
        if (!l) bad("restrict", error);
        else limits.insert(limits.end(), l->begin(), l->end());
    }
    if (!spec.movement.empty() && !(doc.movements() && doc.movements()->find(spec.movement)))
        bad("movement", "unknown movement \"" + spec.movement + "\"");
    std::optional<std::vector<double>> q;
    if (spec.movement.empty()) {
        q = draw::figurePose(spec, base.model, error);
        if (!q) bad("pose", error);
    }
    if (!out.empty()) return out; // nothing changed

    doc.setBoneParameters(bones);
    doc.finishBoneJob();
    doc.colourMode = *mode;
    doc.roleDof = *dof;
    doc.playback.gluteusMediusStrength = spec.gluteusMediusStrength.clamped();
    doc.setHipLimits(limits);
    doc.playback.compare = spec.compare;
    if (spec.movement.empty()) {
        doc.stopMovement();
        doc.manualPose = *q;
    } else {
        doc.startMovement(spec.movement);
        doc.playback.playing = false;
        doc.seek(spec.at);
    }
    // A third-party model shows its first animation at `at` seconds.
    doc.animation.playing = false;
    doc.animation.time = spec.at;
    return out;
}


} // namespace hv::doc
