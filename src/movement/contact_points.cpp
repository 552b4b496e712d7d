#include "movement/contact_points.hpp"

#include "core/body_points.hpp"
#include "movement/movement.hpp"

#include <array>
#include <string>

namespace hv::movement {

namespace {
// Right side and midline. The sole points sit on the skin under the generated bones
// (src/bonegen/foot.cpp): 15.2 mm below the calcaneus frame and 13.2 mm below the toes frame,
// which is the floor at the default pose (the foot frames are then level, the calcaneus' origin
// 15.2 mm and the toes' 13.2 mm above the floor). The balls lie under the first and fifth
// metatarsal heads, on gait2392's metatarsophalangeal axis; the toe points under the pads of the
// great and little toes. The knee points lie 4-5 mm in front of the kneecap's and the tibial
// tuberosity's bone (the skin over them). The pelvis' back, front and sides are the lying
// postures' resting points, at the depths movement.hpp states (kSupinePelvisHeight ...); the
// ischial tuberosities are the published hamstring origins' level less about 20 mm of seated
// soft tissue (team's estimates). The palm lies where the body outline's palm is (kPalmInHand).
const std::array<ContactPoint, 12> kPoints{{
    {"heel", "calcn_r", {0.008, -0.0152, 0.002}, ContactPart::Foot, true},
    {"ball (first metatarsal head)", "calcn_r", {0.198, -0.0152, -0.026}, ContactPart::Foot, true},
    {"ball (fifth metatarsal head)", "calcn_r", {0.162, -0.0152, 0.024}, ContactPart::Foot, true},
    {"great toe", "toes_r", {0.059, -0.0132, -0.027}, ContactPart::Foot, true},
    {"little toe", "toes_r", {0.0096, -0.0132, 0.023}, ContactPart::Foot, true},
    {"front of the kneecap", "patella_r", {0.011, 0.024, 0.0}, ContactPart::Knee, true},
    {"tibial tuberosity", "tibia_r", {0.037, -0.062, 0.0}, ContactPart::Knee, true},
    {"back of the sacrum", "pelvis", {-kSupinePelvisHeight, -0.05, 0.0}, ContactPart::Pelvis, false},
    {"front of the pubis", "pelvis", {kPronePelvisHeight, -0.06, 0.0}, ContactPart::Pelvis, false},
    {"outside of the hip", "pelvis", {-0.06, -0.08, kSideLyingPelvisHeight}, ContactPart::Pelvis, true},
    {"ischial tuberosity", "pelvis", {-0.095, -0.145, 0.055}, ContactPart::Pelvis, true},
    {"palm", "hand_r", kPalmInHand, ContactPart::Hand, true},
}};
} // namespace

std::string_view contactPartName(ContactPart part) {
    switch (part) {
    case ContactPart::Foot: return "foot";
    case ContactPart::Knee: return "knee";
    case ContactPart::Pelvis: return "pelvis";
    case ContactPart::Hand: return "hand";
    }
    return "foot";
}

std::span<const ContactPoint> contactPoints() { return kPoints; }

bool ContactFilter::admits(const ContactPoint& p, Side s) const {
    const bool partOk = (p.part == ContactPart::Foot && foot) || (p.part == ContactPart::Knee && knee) ||
                        (p.part == ContactPart::Pelvis && pelvis) || (p.part == ContactPart::Hand && hand);
    return partOk && (side == Side::Midline || s == side);
}

std::vector<PlacedContact> placeContacts(const Model& model, std::span<const Transform> bodies, const ContactFilter& filter,
                                         const Transform& room) {
    std::vector<PlacedContact> out;
    for (const ContactPoint& p : kPoints) {
        const bool sided = p.body.size() > 2 && p.body.substr(p.body.size() - 2) == "_r";
        const auto place = [&](Side side, const std::string& bodyName, const Vec3& local) {
            if (!filter.admits(p, side)) return;
            const int b = model.findBody(bodyName);
            if (b < 0 || static_cast<std::size_t>(b) >= bodies.size()) return;
            out.push_back({&p, side, room.apply(bodies[static_cast<std::size_t>(b)].apply(local))});
        };
        const std::string body(p.body);
        if (!p.paired) {
            place(Side::Midline, body, p.local);
            continue;
        }
        place(Side::Right, body, p.local);
        place(Side::Left, sided ? otherSideName(body) : body, mirrorZ(p.local));
    }
    return out;
}

std::optional<PlacedContact> lowestPoint(const Model& model, std::span<const Transform> bodies, const ContactFilter& filter,
                                         const Transform& room) {
    std::optional<PlacedContact> best;
    for (const PlacedContact& c : placeContacts(model, bodies, filter, room))
        if (!best || c.position.y < best->position.y) best = c;
    return best;
}

} // namespace hv::movement
