// Playing a movement's keyframes: where a time falls, and the keyed pose there. This is the
// raw keyframe interpolation; MovementPlayer (player.hpp) adds the hip-back connection, the
// planted feet and the optional restricted hip and weak gluteus medius on top.
#pragma once

#include "movement/movement.hpp"

#include <span>
#include <string_view>
#include <vector>

namespace hv::movement {

// The movement's time (s) for a playback time `t` (s): looping wraps t into [0, duration),
// otherwise t is clamped to [0, duration]. A movement of zero duration gives 0.
double playbackTime(const Movement& movement, double t, bool loop);

// Index of the keyframe segment holding time `t` (already through playbackTime): the last key
// whose time is <= t, never the last key unless t is at or past the end.
std::size_t segmentAt(const Movement& movement, double t);

struct KeyedSample {
    double time = 0.0;           // s, after playbackTime
    std::size_t segment = 0;     // see segmentAt()
    std::vector<double> q;       // every model coordinate, SI
    double singleSupport = 0.0;  // 0..1, interpolated like a coordinate
    Support support = Support::None; // in force at this time
    Side stance = Side::Midline;      // leg in single-leg stance at this time (Midline: both or none)
    std::string_view label;      // the latest non-empty key label at or before this time ("" if none)
};

// The keyed pose at playback time `t`: the movement's tracks interpolated (Movement::interpolation),
// every other coordinate at `base` (one value per model coordinate, SI; the model's default pose
// if empty). With Smooth interpolation a looping movement whose first and last keys are equal on a
// track moves through the loop point without stopping on that track.
KeyedSample sampleKeyed(const Model& model, const Movement& movement, double t, bool loop,
                        std::span<const double> base = {});

// One track's value at movement time `t` (s, inside [0, duration]); `periodic` joins the last key
// to the first when their values are equal. Exposed for tests.
double interpolateTrack(const Movement& movement, std::size_t track, double t, bool periodic);

} // namespace hv::movement
