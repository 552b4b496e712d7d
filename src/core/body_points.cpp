#include "core/body_points.hpp"

namespace hv {

std::vector<BodyPoint> namedBodyPoints(const Model& model) {
    std::vector<BodyPoint> out;
    for (const char side : {'r', 'l'}) {
        const int hand = model.findBody(std::string("hand_") + side);
        if (hand < 0) continue;
        Vec3 p = kPalmInHand;
        if (side == 'l') p.z = -p.z;
        out.push_back({std::string("palm_") + side, hand, p});
    }
    return out;
}

std::optional<BodyPoint> findBodyPoint(const Model& model, std::string_view name) {
    for (BodyPoint& p : namedBodyPoints(model))
        if (p.name == name) return p;
    return std::nullopt;
}

} // namespace hv
