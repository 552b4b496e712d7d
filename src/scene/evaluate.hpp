// Evaluating a scene::Scene at one instant: animation sampling, node world matrices, skinning
// matrices and morph weights. GL-free; the renderer uploads what this returns.
//
// Frames and units: every matrix maps a node's local frame into the scene frame (glTF's: right
// handed, Y up, +Z the model's front, metres). Times are seconds from the animation's start.
//
// Skinning follows glTF: a skinned vertex's scene-frame position is
//     sum_i weight_i * skinMatrices[skin][joint_i] * position
// where skinMatrices[skin][j] = world[skin.joints[j]] * skin.inverseBindMatrices[j]. The skinned
// mesh node's own transform is ignored (only its joints place it).
#pragma once

#include "scene/scene.hpp"

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include <span>
#include <vector>

namespace hv::scene {

// A node's transform relative to its parent (metres, unit quaternion, scale factors).
struct LocalTransform {
    glm::vec3 translation{0.0f};
    glm::quat rotation{1.0f, 0.0f, 0.0f, 0.0f};
    glm::vec3 scale{1.0f};

    glm::mat4 matrix() const; // T * R * S
};

// The animatable state of every node, index-aligned with scene.nodes.
struct NodePose {
    std::vector<LocalTransform> locals;
    // Per node: the morph weights of its mesh (one per morph target; empty when the node has no
    // mesh or the mesh has no targets).
    std::vector<std::vector<float>> morphWeights;
};

// The nodes' own TRS and morph weights (node.morphWeights, else the mesh's defaults, padded with
// zeros to the mesh's morph target count).
NodePose restPose(const Scene& scene);

// Overwrites the channels of `animation` in `pose` with their values at `seconds`. Before a
// channel's first key it holds the first value, after the last key the last (no wrapping: see
// wrapTime). Linear rotations use shortest-path slerp; cubic-spline values follow glTF's Hermite
// form (tangents scaled by the key interval) and rotations are renormalised. A channel whose
// data does not match its key count, or whose node is out of range, is skipped.
void applyAnimation(const Scene& scene, const Animation& animation, float seconds, NodePose& pose);

// seconds wrapped into [0, duration) for looping playback; 0 when duration <= 0 or not finite.
float wrapTime(float seconds, float duration);

// Replaces a node's world matrix (node frame -> scene frame); its descendants follow it. Used by
// the viewer to drive a skeleton's joints from the anatomy core.
struct WorldOverride {
    int node = -1;
    glm::mat4 world{1.0f};
};

// World matrices of all nodes (node frame -> scene frame), parents first. Nodes outside the
// displayed scene get matrices too. Overrides naming no node are ignored. A parent cycle (which
// the loaders refuse) is cut where it is found, so this always terminates.
std::vector<glm::mat4> worldMatrices(const Scene& scene, const NodePose& pose,
                                     std::span<const WorldOverride> overrides = {});

// Skinning matrices per skin, per joint: world[joint] * inverseBind[joint] (identity where the
// inverse bind matrix is missing; identity for a joint index outside `world`).
std::vector<std::vector<glm::mat4>> skinMatrices(const Scene& scene,
                                                 std::span<const glm::mat4> world);

struct EvaluateOptions {
    int animation = -1; // index into scene.animations; -1 (or out of range): the rest pose
    float time = 0.0f;  // seconds since the animation's start; clamped per channel, not wrapped
    std::span<const WorldOverride> worldOverrides;
};

// Everything a renderer needs for one instant.
struct ScenePose {
    std::vector<glm::mat4> world;                     // per node: node frame -> scene frame
    std::vector<std::vector<glm::mat4>> skinMatrices; // per skin, per joint (see above)
    std::vector<std::vector<float>> morphWeights;     // per node (see NodePose)
};

ScenePose evaluate(const Scene& scene, const EvaluateOptions& options = {});

// Nodes reachable from scene.roots through their children (each once, parents first). These are
// the nodes that are displayed.
std::vector<int> displayedNodes(const Scene& scene);

} // namespace hv::scene
