// The anatomy drawer's output at one pose: the draw items (gfx::DrawItem, the renderer's
// vocabulary) plus what the anatomy gives them meaning by: pick targets (what a pick id refers
// to) and label anchors (where a callout may point). Built by AnatomyDrawer (anatomy_drawer.hpp).
// No OpenGL here.
//
// Frame and units: the scene frame, glTF's (right handed, Y up, +Z the subject's front, metres);
// the anatomy core's OpenSim ground maps into it by scene::osimToGltf(). Colours are linear RGBA.
#pragma once

#include "core/model.hpp"
#include "gfx/draw_item.hpp"

#include <glm/glm.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace hv::draw {

// What a pick id refers to.
struct PickTarget {
    enum class Kind : std::uint8_t { MusclePart, Bone, ModelNode };
    Kind kind = Kind::ModelNode;
    PartRef part;          // MusclePart: the muscle (index into Model::muscles) and its part
    int body = -1;         // Bone: index into Model::bodies
    int node = -1;         // ModelNode (and a bone drawn from a loaded model): scene node index
    std::string name;      // what a hover tip shows, e.g. "Gluteus medius (right), anterior fibres"
    std::string muscleId;  // MusclePart: the content id, e.g. "gluteus_medius"
};

// A place a callout may point at: one per highlighted muscle and side.
struct LabelAnchor {
    std::string muscleId;             // content id
    Side side = Side::Right;
    std::string text;                 // the content file's name, e.g. "Piriformis", or its pin ("A")
    // What the callout says after the name and a colon ("" nothing): in the stretch colour mode
    // the muscle's number, e.g. "16 % longer than standing". The callout planner joins the two
    // ("Piriformis (right): 16 % longer than standing"); a pin has none.
    std::string detail;
    glm::vec3 position{0.0f};         // scene frame: the thickest point of the largest belly
    std::vector<std::uint32_t> pickIds; // every pick id of the muscle's parts on this side
    glm::vec4 color{1.0f};            // linear RGBA, the muscle's colour (for the leader's dot)
};

struct DrawList {
    std::vector<gfx::DrawItem> items;
    std::vector<PickTarget> pickTargets;
    std::vector<LabelAnchor> labels;

    const PickTarget* target(std::uint32_t pickId) const {
        return pickId == 0 || pickId > pickTargets.size() ? nullptr : &pickTargets[pickId - 1];
    }
    std::uint32_t addTarget(PickTarget t) {
        pickTargets.push_back(std::move(t));
        return static_cast<std::uint32_t>(pickTargets.size());
    }
};

} // namespace hv::draw
