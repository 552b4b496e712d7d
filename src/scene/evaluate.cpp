#include "scene/evaluate.hpp"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace hv::scene {

glm::mat4 LocalTransform::matrix() const {
    glm::mat4 m = glm::mat4_cast(rotation);
    m[0] *= scale.x;
    m[1] *= scale.y;
    m[2] *= scale.z;
    m[3] = glm::vec4(translation, 1.0f);
    return m;
}

namespace {

std::size_t morphTargetCount(const Mesh& mesh) {
    std::size_t n = mesh.defaultMorphWeights.size();
    for (const Primitive& p : mesh.primitives)
        n = std::max(n, p.morphTargets.size());
    return n;
}

int componentsOf(AnimationPath path, std::size_t weightCount) {
    switch (path) {
    case AnimationPath::Translation:
    case AnimationPath::Scale:
        return 3;
    case AnimationPath::Rotation:
        return 4;
    case AnimationPath::Weights:
        return static_cast<int>(weightCount);
    }
    return 0;
}

// Key interval containing t: index k with times[k] <= t < times[k+1], and the fraction in it.
struct KeySpan {
    std::size_t k0 = 0, k1 = 0;
    float s = 0.0f;  // 0..1 inside the interval
    float dt = 0.0f; // interval length, seconds
};

KeySpan findKeys(const std::vector<float>& times, float t) {
    const std::size_t n = times.size();
    if (n == 1 || !(t > times.front())) return {0, 0, 0.0f, 0.0f};
    if (t >= times.back()) return {n - 1, n - 1, 0.0f, 0.0f};
    const auto it = std::upper_bound(times.begin(), times.end(), t);
    const std::size_t k1 = static_cast<std::size_t>(it - times.begin());
    const std::size_t k0 = k1 - 1;
    const float dt = times[k1] - times[k0];
    const float s = dt > 0.0f ? std::clamp((t - times[k0]) / dt, 0.0f, 1.0f) : 0.0f;
    return {k0, k1, s, dt};
}

// Samples `comps` floats of a channel at t into out.
void sample(const AnimationChannel& ch, int comps, float t, float* out) {
    const KeySpan ks = findKeys(ch.times, t);
    const std::size_t c = static_cast<std::size_t>(comps);
    if (ch.interpolation == Interpolation::CubicSpline) {
        // Per key: in-tangent a, value v, out-tangent b.
        const float* v0 = &ch.values[(ks.k0 * 3 + 1) * c];
        if (ks.k0 == ks.k1) {
            std::copy(v0, v0 + c, out);
            return;
        }
        const float* b0 = &ch.values[(ks.k0 * 3 + 2) * c];
        const float* a1 = &ch.values[(ks.k1 * 3 + 0) * c];
        const float* v1 = &ch.values[(ks.k1 * 3 + 1) * c];
        const float s = ks.s, s2 = s * s, s3 = s2 * s;
        const float h00 = 2 * s3 - 3 * s2 + 1, h10 = s3 - 2 * s2 + s;
        const float h01 = -2 * s3 + 3 * s2, h11 = s3 - s2;
        for (std::size_t i = 0; i < c; ++i)
            out[i] = h00 * v0[i] + h10 * ks.dt * b0[i] + h01 * v1[i] + h11 * ks.dt * a1[i];
        return;
    }
    const float* v0 = &ch.values[ks.k0 * c];
    if (ch.interpolation == Interpolation::Step || ks.k0 == ks.k1) {
        std::copy(v0, v0 + c, out);
        return;
    }
    const float* v1 = &ch.values[ks.k1 * c];
    if (ch.path == AnimationPath::Rotation) {
        const glm::quat q0(v0[3], v0[0], v0[1], v0[2]); // glTF stores x, y, z, w
        const glm::quat q1(v1[3], v1[0], v1[1], v1[2]);
        const glm::quat q = glm::slerp(q0, q1, ks.s); // shortest path
        out[0] = q.x;
        out[1] = q.y;
        out[2] = q.z;
        out[3] = q.w;
        return;
    }
    for (std::size_t i = 0; i < c; ++i)
        out[i] = v0[i] + (v1[i] - v0[i]) * ks.s;
}

glm::quat normalizedOrIdentity(const glm::quat& q) {
    const float len = glm::length(q);
    if (!(len > 1e-12f) || !std::isfinite(len)) return glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
    return q / len;
}

} // namespace

NodePose restPose(const Scene& scene) {
    NodePose pose;
    pose.locals.resize(scene.nodes.size());
    pose.morphWeights.resize(scene.nodes.size());
    for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
        const Node& n = scene.nodes[i];
        pose.locals[i] = {n.translation, n.rotation, n.scale};
        if (n.mesh >= 0 && static_cast<std::size_t>(n.mesh) < scene.meshes.size()) {
            const Mesh& mesh = scene.meshes[static_cast<std::size_t>(n.mesh)];
            const std::size_t count = morphTargetCount(mesh);
            if (count == 0) continue;
            std::vector<float> w =
                n.morphWeights.empty() ? mesh.defaultMorphWeights : n.morphWeights;
            w.resize(count, 0.0f);
            pose.morphWeights[i] = std::move(w);
        }
    }
    return pose;
}

void applyAnimation(const Scene& scene, const Animation& animation, float seconds, NodePose& pose) {
    if (!std::isfinite(seconds)) seconds = 0.0f;
    float buffer[4];
    std::vector<float> weights;
    for (const AnimationChannel& ch : animation.channels) {
        if (ch.node < 0 || static_cast<std::size_t>(ch.node) >= pose.locals.size() ||
            ch.times.empty())
            continue;
        const std::size_t node = static_cast<std::size_t>(ch.node);
        const std::size_t weightCount =
            pose.morphWeights.size() > node ? pose.morphWeights[node].size() : 0;
        const int comps = componentsOf(ch.path, weightCount);
        if (comps <= 0) continue;
        const std::size_t perKey = static_cast<std::size_t>(comps) *
                                   (ch.interpolation == Interpolation::CubicSpline ? 3u : 1u);
        if (ch.values.size() != ch.times.size() * perKey) continue;

        float* out = buffer;
        if (ch.path == AnimationPath::Weights) {
            weights.assign(static_cast<std::size_t>(comps), 0.0f);
            out = weights.data();
        }
        sample(ch, comps, seconds, out);
        LocalTransform& local = pose.locals[node];
        switch (ch.path) {
        case AnimationPath::Translation:
            local.translation = {out[0], out[1], out[2]};
            break;
        case AnimationPath::Scale:
            local.scale = {out[0], out[1], out[2]};
            break;
        case AnimationPath::Rotation:
            local.rotation = normalizedOrIdentity(glm::quat(out[3], out[0], out[1], out[2]));
            break;
        case AnimationPath::Weights:
            pose.morphWeights[node] = weights;
            break;
        }
    }
    (void)scene;
}

float wrapTime(float seconds, float duration) {
    if (!(duration > 0.0f) || !std::isfinite(duration) || !std::isfinite(seconds)) return 0.0f;
    float t = std::fmod(seconds, duration);
    if (t < 0.0f) t += duration;
    if (t >= duration) t = 0.0f;
    return t;
}

std::vector<glm::mat4> worldMatrices(const Scene& scene, const NodePose& pose,
                                     std::span<const WorldOverride> overrides) {
    const std::size_t n = scene.nodes.size();
    std::vector<glm::mat4> world(n, glm::mat4(1.0f));
    std::vector<const glm::mat4*> override(n, nullptr);
    for (const WorldOverride& o : overrides)
        if (o.node >= 0 && static_cast<std::size_t>(o.node) < n)
            override[static_cast<std::size_t>(o.node)] = &o.world;

    // 0: not computed, 1: on the current chain, 2: done.
    std::vector<std::uint8_t> state(n, 0);
    std::vector<std::size_t> chain;
    for (std::size_t start = 0; start < n; ++start) {
        if (state[start] == 2) continue;
        chain.clear();
        std::size_t i = start;
        // Walk up until a computed node, a root, or a node already on this chain (a cycle).
        for (;;) {
            state[i] = 1;
            chain.push_back(i);
            const int p = scene.nodes[i].parent;
            if (p < 0 || static_cast<std::size_t>(p) >= n) break;
            const std::size_t pi = static_cast<std::size_t>(p);
            if (state[pi] != 0) break; // done (2) or a cycle (1): stop here
            i = pi;
        }
        // Compute from the top of the chain down.
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            const std::size_t k = *it;
            const glm::mat4 local =
                k < pose.locals.size() ? pose.locals[k].matrix() : glm::mat4(1.0f);
            const int p = scene.nodes[k].parent;
            const bool hasParent = p >= 0 && static_cast<std::size_t>(p) < n &&
                                   state[static_cast<std::size_t>(p)] == 2;
            if (override[k])
                world[k] = *override[k];
            else
                world[k] = hasParent ? world[static_cast<std::size_t>(p)] * local : local;
            state[k] = 2;
        }
    }
    return world;
}

std::vector<std::vector<glm::mat4>> skinMatrices(const Scene& scene,
                                                 std::span<const glm::mat4> world) {
    std::vector<std::vector<glm::mat4>> out(scene.skins.size());
    for (std::size_t s = 0; s < scene.skins.size(); ++s) {
        const Skin& skin = scene.skins[s];
        out[s].resize(skin.joints.size(), glm::mat4(1.0f));
        for (std::size_t j = 0; j < skin.joints.size(); ++j) {
            const int node = skin.joints[j];
            if (node < 0 || static_cast<std::size_t>(node) >= world.size()) continue;
            const glm::mat4 ibm =
                j < skin.inverseBindMatrices.size() ? skin.inverseBindMatrices[j] : glm::mat4(1.0f);
            out[s][j] = world[static_cast<std::size_t>(node)] * ibm;
        }
    }
    return out;
}

ScenePose evaluate(const Scene& scene, const EvaluateOptions& options) {
    NodePose pose = restPose(scene);
    if (options.animation >= 0 &&
        static_cast<std::size_t>(options.animation) < scene.animations.size())
        applyAnimation(scene, scene.animations[static_cast<std::size_t>(options.animation)],
                       options.time, pose);
    ScenePose out;
    out.world = worldMatrices(scene, pose, options.worldOverrides);
    out.skinMatrices = skinMatrices(scene, out.world);
    out.morphWeights = std::move(pose.morphWeights);
    return out;
}

std::vector<int> displayedNodes(const Scene& scene) {
    const std::size_t n = scene.nodes.size();
    std::vector<std::uint8_t> seen(n, 0);
    std::vector<int> order;
    std::vector<int> stack;
    for (auto it = scene.roots.rbegin(); it != scene.roots.rend(); ++it)
        stack.push_back(*it);
    while (!stack.empty()) {
        const int i = stack.back();
        stack.pop_back();
        if (i < 0 || static_cast<std::size_t>(i) >= n || seen[static_cast<std::size_t>(i)])
            continue;
        seen[static_cast<std::size_t>(i)] = 1;
        order.push_back(i);
        const auto& children = scene.nodes[static_cast<std::size_t>(i)].children;
        for (auto it = children.rbegin(); it != children.rend(); ++it)
            stack.push_back(*it);
    }
    return order;
}

} // namespace hv::scene
