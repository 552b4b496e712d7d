// Draw lists over time -> an animated glTF scene (scene::Scene plus the extras io::writeGlb()
// writes): what `hipview export` writes as GLB and inlines into its HTML page.
//
// One node per draw item of the first list, named by content id: a muscle part
// `piriformis_r`, `gluteus_medius_r_anterior` (muscle id, side, part), a bone by its body
// (`femur_r`), anything else by its kind and order. Items are matched across lists by that
// name. What moves:
//  - an item that keeps its mesh and is rigid (not skinned, or skinned wholly to one joint, as
//    HipView's bones are) keeps its mesh in its own frame and gets translation, rotation and
//    scale channels;
//  - an item whose shape changes (a muscle rebuilt along its path at each pose, or a mesh
//    blended between joints) is written in the scene frame as the first list's shape plus one
//    morph target per later keyframe whose shape differs from every earlier one (position and
//    normal deltas; a keyframe that repeats an earlier shape, as a hold or a return to the start
//    does, reuses that shape), with a weights channel that goes linearly from each keyframe's
//    target to the next's, so at most two targets are active at any time (within every
//    viewer's limit; three.js blends 4 with normals). An item whose shape never changes gets no
//    morph targets. Morph targets need the same vertex count in
//    every list: build the muscles with a fixed sample count (exportSolidParams()). Where the
//    count changes anyway, the item keeps the first list's shape and `warnings` says so.
// Morph targets were chosen over skinning because a muscle's shape along its path is not a
// blend of its bones' motions (it slides over wrap surfaces and thickens as it shortens); the
// keyframe shapes are exactly what the window draws.
// Materials follow the draw items' colours (the colour mode) at the list `colourFrame`.
// Frame and units: the scene frame (glTF's: Y up, +Z front, metres); times in seconds.
#pragma once

#include "anatomy_draw/draw_list.hpp"
#include "anatomy_draw/muscle_mesh.hpp"
#include "content/content.hpp"
#include "io/glb_writer.hpp"
#include "movement/movement.hpp"
#include "scene/scene.hpp"

#include <span>
#include <string>
#include <vector>

namespace hv::cli {

struct ExportedScene {
    scene::Scene scene;
    io::GlbExtras extras;              // per node: content id, display name, what it is
    std::vector<std::string> warnings; // items that could not be animated, in words
};

// Muscle solids for export: the window's shapes with a fixed number of cross-sections along
// each path (so a solid keeps its vertex count at every pose) and a few fewer around it.
draw::SolidParams exportSolidParams();

// The keyframe times (s, ascending, from 0 to the movement's duration) an export samples: every
// key of the movement, and between two keys that differ, evenly spaced times at most `maxStep`
// apart (between two equal keys, a hold, none). When that makes more than `maxKeyframes` times,
// the spacing widens until it fits; the movement's own keys are always kept.
// Precondition: maxStep > 0, maxKeyframes >= 2.
std::vector<double> exportKeyTimes(const movement::Movement& movement, double maxStep = 1.0, std::size_t maxKeyframes = 16);

// `lists[k]` drawn at `times[k]` (seconds, ascending; one list = a still scene, no animation).
// `animationName` names the animation (the movement id). `assetExtras` go into asset.extras.
// Precondition: lists.size() == times.size() >= 1, colourFrame < lists.size().
ExportedScene buildExportScene(const Content& content, std::span<const draw::DrawList> lists, std::span<const double> times,
                               const std::string& animationName, std::size_t colourFrame);

} // namespace hv::cli
