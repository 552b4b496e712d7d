// Body-fixed points the generated body outline (bonegen) and the contact points (movement) share,
// in one body's frame (OpenSim axes of that body: X anterior, Y superior, Z right; metres), right
// side; the left side's are their mirror images (Z -> -Z), as the skeleton builds the left side.
#pragma once

#include "core/model.hpp"

namespace hv {

// The palm's contact point in the right hand's frame (origin at the wrist centre, the palm facing
// +X at the default pose): the skin at the centre of the palm, 55 mm from the wrist toward the
// fingers and 14 mm in front of the hand's mid-plane, where the body outline's palm lies
// (src/bonegen/outline.cpp). A hand flat on the floor rests on it.
inline constexpr Vec3 kPalmInHand{0.014, -0.055, 0.0};

// The movement layer's contact points (movement/contact_points.hpp) hold it as "palm" on both
// hands, with the feet, knees and pelvis: the floor rule and the tests take them from there.

} // namespace hv
