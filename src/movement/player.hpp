// Playing a movement: the pose at any time, with the hip-back connection applied. This is what
// the viewer calls every frame and the figure renderer calls per frame of an animation.
//
// For a time t the pose is built in this order:
//  1. the keyframes, interpolated (sampling.hpp);
//  2. Trendelenburg: if a leg is in stance at t (Keyframe::stance: the movement's stance leg, or a
//     gait's leg of the moment), the pelvis drops on the swing side when that hip's abductors fall
//     short (trendelenburg.hpp; only with weak gluteus medius in practice);
//  3. the spine mode: with SpineMode::Upright the lumbar levels counter-rotate so the trunk keeps
//     the orientation it would have over a level pelvis (lumbar.hpp);
//  4. the restricted hip, if any limits are set (restricted_hip.hpp);
//  5. the planted feet: each stays flat on the floor unless the keys move its ankle and toes,
//     and the pelvis is moved so the support foot stays where it was when that support began
//     (support.hpp);
//  6. the floor: the whole body is raised or lowered in the room so it rests on the floor, the
//     room's y = 0 (support.hpp, FloorPlacement: by the first key with a foot support, pose by
//     pose without one);
//  7. every coordinate is kept inside its range (PoseSample::clamped lists any that had to be).
// Then the lumbar shares are read from the final pose.
#pragma once

#include "movement/lumbar.hpp"
#include "movement/movement.hpp"
#include "movement/restricted_hip.hpp"
#include "movement/support.hpp"
#include "movement/trendelenburg.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace hv::movement {

struct PlayOptions {
    std::optional<bool> loop;          // default: the movement's own `loop`
    std::vector<HipLimit> hipLimits;   // a restricted hip (empty: none)
    GluteusMediusStrength gluteusMediusStrength; // per side (the "weak gluteus medius" option)
    // Side whose hip is compared with the lumbar spine in PoseSample::lumbar; Midline: the
    // restricted side when a limit is reached, else the leg in stance at that time, else the
    // movement's stance leg, else the right.
    Side sharesSide = Side::Midline;
};

struct PoseSample {
    double time = 0.0;              // s, movement time (after looping or clamping)
    std::vector<double> q;          // final pose, SI, one value per model coordinate
    std::vector<double> keyed;      // the keyframes' pose before steps 2-7, SI
    std::string_view label;         // the current key label ("" if none)
    Support support = Support::None;
    TrendelenburgResult trendelenburg;
    RestrictionResult restriction;
    LumbarShares lumbar;            // shares of the final pose
    std::vector<int> clamped;       // coordinates step 6 had to clamp (normally empty)
};

class MovementPlayer {
public:
    // The model and movement must outlive the player. Anchors for planted feet are worked out
    // here, once, for the given options.
    MovementPlayer(const Model& model, const Movement& movement, PlayOptions options = {});

    const Movement& movement() const { return *m_movement; }
    const PlayOptions& options() const { return m_options; }
    double duration() const { return m_movement->duration(); } // s
    bool loops() const;

    // The pose at playback time t (s); looping or clamping as the options say.
    PoseSample sample(double t) const;

private:
    const Model* m_model;
    const Movement* m_movement;
    PlayOptions m_options;
    LumbarSpine m_spine;
    std::vector<Vec3> m_anchors; // per key: where its support point stays (ground, m)
    FloorPlacement m_floor;      // where the floor is (set last in the constructor)
    PoseSample evaluate(double movementTime, bool loop, bool plant) const;
};

// Convenience: one movement's pose at time t with default options.
PoseSample samplePose(const Model& model, const Movement& movement, double t);

} // namespace hv::movement
