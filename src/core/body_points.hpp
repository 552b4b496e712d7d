// Named body-fixed points: places on the body's surface that touch the floor or a prop, fixed in
// one body's frame (OpenSim axes of that body: X anterior, Y superior, Z right; metres). The
// right side's are written here; the left side's are their mirror images (Z -> -Z), as the
// skeleton builds the left side.
#pragma once

#include "core/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hv {

// The palm's contact point in the right hand's frame (origin at the wrist centre, the palm facing
// +X at the default pose): the skin at the centre of the palm, 55 mm from the wrist toward the
// fingers and 14 mm in front of the hand's mid-plane, where the body outline's palm lies
// (src/bonegen/outline.cpp). A hand flat on the floor rests on it.
inline constexpr Vec3 kPalmInHand{0.014, -0.055, 0.0};

struct BodyPoint {
    std::string name;   // "palm_r", "palm_l"
    int body = -1;      // model body index
    Vec3 location{0.0}; // in that body's frame, m
};

// Every named point whose body the model has: "palm_r" on hand_r and "palm_l" on hand_l (none
// for a model without hands).
std::vector<BodyPoint> namedBodyPoints(const Model& model);
// One of them by name; nullopt when the model lacks its body or the name is unknown.
std::optional<BodyPoint> findBodyPoint(const Model& model, std::string_view name);

} // namespace hv
