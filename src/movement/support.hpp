// Planted feet and the floor: keeping a foot (or both) on the floor while the joints move, by
// moving the pelvis (its three translations; the rest of the body follows rigidly), and placing
// every posture on the floor through its contact points (contact_points.hpp).
#pragma once

#include "core/model.hpp"
#include "movement/movement.hpp"

#include <optional>
#include <span>
#include <vector>

namespace hv::movement {

// The ankle joint centre in the tibia's frame (m): Rajagopal et al. 2016 (ankle joint location
// in tibia_r, where the talus hangs); mirrored for the left side.
inline constexpr Vec3 kAnkleInTibia{-0.01, -0.40, 0.0};

// The floor: the room's Y = 0 (m), for every posture.
inline constexpr double kFloorHeight = 0.0;

// Where a foot stands, in ground (m): across the floor (x, z) the midpoint of the balls of the
// foot (under the first and fifth metatarsal heads), which stay put as a heel comes up; its
// height (y) that of the foot's lowest sole point (heel, balls, toe tips), so a flat foot, a
// raised heel and a foot on its toes all stand on it. A model without foot bodies
// ("calcn_r"/"calcn_l") falls back to the ankle centre (kAnkleInTibia). nullopt when the model
// has no tibia of that side either.
std::optional<Vec3> footPoint(const Model& model, std::span<const Transform> bodies, Side side);

// The point a support keeps in place, in ground (m): the foot point of that side; for Feet, the
// midpoint of both foot points across the floor (x, z) at the height of the lower one (y), so a
// foot that lifts (a step, a heel coming up) rises while the other stays down; for Treadmill,
// the lower of the two foot points (the foot on the belt). nullopt for None or when the model
// lacks the leg. `bodies` are ground transforms from computeBodyTransforms().
std::optional<Vec3> supportPoint(const Model& model, std::span<const Transform> bodies, Support support);

// Keeps planted feet flat: for each foot the movement stands on at any of its keys (both for
// Feet, that one for Right or Left: a foot that steps swings level and lands flat), and whose
// angle the movement does not key itself, sets the ankle
// (ankle_angle_r/_l) so the heel and the balls are at the same height in the room (the shin's
// lean taken up by dorsiflexion); then, where the toe tips would be below the balls (a heel up),
// bends the toes up (mtp_angle_r/_l) until they are level with the balls, so they stay on the
// floor. Treadmill: nothing (a gait keys its ankles; its toes stay straight). Each angle stays
// inside its range: a shin leaning further than the ankle bends lifts the heel. `posture` places
// the body in the room (a bridge's feet are flat on the floor of the room).
void levelPlantedFeet(const Model& model, const Movement& movement, Support support, std::vector<double>& q);

// Moves the pelvis so that the support point is at `anchor` (ground, m). No-op for None. For
// Treadmill only the height is matched (pelvis_ty): the lower foot point is brought to
// anchor.y and the pelvis keeps its forward and sideways position.
void plantSupport(const Model& model, Support support, const Vec3& anchor, std::vector<double>& q);

// The room height (m) of the pose's lowest contact point (every point of contact_points.hpp,
// both sides), the body placed in the room by roomFromModel(posture); nullopt if the model has
// none of their bodies.
std::optional<double> lowestContactHeight(const Model& model, Posture posture, std::span<const double> q);

// Moves the whole body `dy` metres up in the room (down if negative) through the pelvis'
// translations, whatever the posture.
void raiseInRoom(const Model& model, Posture posture, double dy, std::vector<double>& q);

// The floor rule, in one place: how far (m) to raise a pose of a movement so it rests on the
// floor. A movement with a foot support at any key is placed once, by its first key: that pose's
// lowest contact point goes onto the floor, so planted feet stand on it for the whole movement
// and a foot on a step or a heel coming up stays above it. A movement without a support
// (kneeling, sitting, lying) is placed pose by pose: the lowest contact point of each pose (a
// knee, the seat, the back) is on the floor at every instant.
class FloorPlacement {
public:
    FloorPlacement() = default; // raises nothing
    // `firstKey`: the movement's pose at its first key, with its support planted (SI).
    FloorPlacement(const Model& model, const Movement& movement, std::span<const double> firstKey);
    // The raise (m, room up) for the pose `q` of that movement.
    double raise(std::span<const double> q) const;

private:
    const Model* m_model = nullptr;
    Posture m_posture = Posture::Standing;
    std::optional<double> m_fixed; // the whole movement's raise, for a supported movement
};

// Whether any key of the movement has a foot support (the floor rule's first case).
bool hasFootSupport(const Movement& movement);

} // namespace hv::movement
