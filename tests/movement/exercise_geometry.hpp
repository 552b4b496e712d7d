// What a trainer looks at in an exercise, computed from the pose by forward kinematics: joint
// angles in degrees, knee and ankle centres in the room, the shins' and the trunk's angles from
// vertical. Used by the tests that hold the exercises to the way they are taught.
#pragma once

#include "movement_fixture.hpp"

#include "core/kinematics.hpp"
#include "core/math.hpp"
#include "movement/movement.hpp"
#include "movement/support.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace hv::test {

// A movement's pose at one moment, its bodies in ground (model frame: X anterior, Y up, Z right;
// m), and where the posture puts them in the room.
struct ExercisePose {
    const movement::Movement* movement = nullptr;
    movement::PoseSample sample;
    std::vector<Transform> bodies;

    // A coordinate of the final pose, in degrees (metres for translations).
    double deg(const std::string& name) const {
        const int c = coordinate(name);
        const double v = sample.q[static_cast<std::size_t>(c)];
        return content().model.coordinates[static_cast<std::size_t>(c)].kind == CoordinateKind::Rotational ? toDegrees(v) : v;
    }

    const Transform& body(const std::string& name) const {
        const int b = content().model.findBody(name);
        if (b < 0) FAIL("no body " << name);
        return bodies[static_cast<std::size_t>(b)];
    }

    // The knee centre (the tibia's origin, which sits on the knee joint's axis) and the ankle
    // centre (support.hpp's point in the tibia), in the model's ground frame (m); side "r"/"l".
    Vec3 knee(const std::string& side) const { return body("tibia_" + side).translation; }
    Vec3 ankle(const std::string& side) const {
        Vec3 p = movement::kAnkleInTibia;
        if (side == "l") p.z = -p.z;
        return body("tibia_" + side).apply(p);
    }
    Vec3 hip(const std::string& side) const { return body("femur_" + side).translation; }
    // Where the foot stands (support.hpp's foot point: the balls' midpoint across the floor at
    // the height of the lowest sole point), model ground (m); side "r"/"l".
    Vec3 foot(const std::string& side) const {
        return *movement::footPoint(content().model, bodies, side == "r" ? Side::Right : Side::Left);
    }

    // The same points in the room (posture applied; Y up from the floor).
    Vec3 room(const Vec3& p) const { return movement::roomFromModel(movement->posture).apply(p); }
};

inline ExercisePose exercisePose(const std::string& id, double t, const movement::PlayOptions& options = {}) {
    ExercisePose p;
    p.movement = &movementById(id);
    const movement::MovementPlayer player(content().model, *p.movement, options);
    p.sample = player.sample(t);
    p.bodies = computeBodyTransforms(content().model, p.sample.q);
    return p;
}

// Angle of a vector from the room's vertical, degrees (0: straight up or down).
inline double degreesFromVertical(const Vec3& v) {
    const double len = std::sqrt(v.x * v.x + v.y * v.y + v.z * v.z);
    return toDegrees(std::acos(std::abs(v.y) / len));
}

// Angle from vertical of the vector's projection on the frontal plane (Y-Z: seen from the
// front) or the sagittal plane (X-Y: seen from the side), degrees.
inline double frontalDegreesFromVertical(const Vec3& v) { return toDegrees(std::atan2(std::abs(v.z), std::abs(v.y))); }
inline double sagittalDegreesFromVertical(const Vec3& v) { return toDegrees(std::atan2(std::abs(v.x), std::abs(v.y))); }

// Trunk lean: the angle (degrees) between the trunk's long axis (the first lumbar vertebra's Y
// axis) in the room and where that axis points in neutral standing; 0 standing tall, 90 with the
// trunk horizontal. It takes the pelvis' tilt and every lumbar level.
inline double trunkLeanDegrees(const ExercisePose& p) {
    const Model& model = content().model;
    std::vector<double> neutral(model.coordinates.size());
    for (std::size_t c = 0; c < neutral.size(); ++c) neutral[c] = model.coordinates[c].defaultValue;
    const std::vector<Transform> standing = computeBodyTransforms(model, neutral);
    const int l1 = model.findBody("L1");
    if (l1 < 0) FAIL("no body L1");
    const Vec3 upStanding = standing[static_cast<std::size_t>(l1)].applyVector({0.0, 1.0, 0.0});
    const Vec3 up = movement::roomFromModel(p.movement->posture).applyVector(p.body("L1").applyVector({0.0, 1.0, 0.0}));
    return toDegrees(std::acos(std::clamp(glm::dot(up, upStanding), -1.0, 1.0)));
}

inline double distance(const Vec3& a, const Vec3& b) {
    const Vec3 d = a - b;
    return std::sqrt(d.x * d.x + d.y * d.y + d.z * d.z);
}

// The sum of the five lumbar levels' values of one kind ("flexion", "bending", "rotation"),
// degrees.
inline double lumbarSum(const ExercisePose& p, const std::string& kind) {
    double sum = 0.0;
    for (const char* level : {"L5_S1", "L4_L5", "L3_L4", "L2_L3", "L1_L2"}) sum += p.deg(std::string(level) + "_" + kind);
    return sum;
}

} // namespace hv::test
