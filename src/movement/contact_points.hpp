// The points where the body meets the floor: body-fixed points on the skin of the sole (heel,
// the balls of the foot under the first and fifth metatarsal heads, the tips of the great and
// little toes), on the front of the knee (the kneecap, and the tibial tuberosity below it that a
// kneeling knee rests on), around the pelvis (the back of the sacrum, the front of the pubis,
// the outside of each hip, the ischial tuberosities one sits on) and the palm of each hand
// (core/body_points.hpp: kPalmInHand). The support (support.hpp)
// keeps the sole on the floor and the floor rule places every posture on it through these
// points; tests check that none goes below the floor. This list is the one definition of them.
//
// Units and frames: metres, in each body's own frame (OpenSim: X anterior, Y superior, Z right);
// positions out are in the model's ground or in the room (movement.hpp, roomFromModel()).
#pragma once

#include "core/math.hpp"
#include "core/model.hpp"

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace hv::movement {

// What a point belongs to, so callers can ask for one kind (the sole, the knee, ...).
enum class ContactPart : unsigned char { Foot, Knee, Pelvis, Hand };
std::string_view contactPartName(ContactPart part); // "foot", "knee", "pelvis", "hand"

struct ContactPoint {
    std::string_view name; // e.g. "heel", "ball (first metatarsal head)"
    std::string_view body; // a right-side or midline body, e.g. "calcn_r", "pelvis"
    Vec3 local{0.0};       // m, in that body's frame (right side); the left twin is mirrored (Z -> -Z)
    ContactPart part = ContactPart::Foot;
    bool paired = true;    // on a right-side body, or a right-side point of a midline body with a mirrored left twin
};

// Every contact point, right side and midline only (each paired one stands for both sides).
std::span<const ContactPoint> contactPoints();

// A contact point placed in a pose: which point, which side, where.
struct PlacedContact {
    const ContactPoint* point = nullptr;
    Side side = Side::Right; // Midline for an unpaired midline point
    Vec3 position{0.0};      // m, in the frame asked for (ground, or the room)
};

// Which points to take: a set of parts and a side (Midline: both sides and the midline).
struct ContactFilter {
    bool foot = true, knee = true, pelvis = true, hand = true;
    Side side = Side::Midline;
    bool admits(const ContactPoint& p, Side s) const;
};
inline constexpr ContactFilter kFeetOnly{true, false, false, false, Side::Midline};
inline constexpr ContactFilter kHandsOnly{false, false, false, true, Side::Midline};

// The points of `filter` on the bodies the model has (a body it lacks contributes none), both
// sides, placed by `bodies` (ground transforms from computeBodyTransforms()) and then `room`
// (identity: ground). File order, right twin before left.
std::vector<PlacedContact> placeContacts(const Model& model, std::span<const Transform> bodies,
                                         const ContactFilter& filter = {}, const Transform& room = {});

// The lowest (smallest Y) of those points; nullopt when there is none.
std::optional<PlacedContact> lowestPoint(const Model& model, std::span<const Transform> bodies,
                                         const ContactFilter& filter = {}, const Transform& room = {});

} // namespace hv::movement
