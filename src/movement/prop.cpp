#include "movement/prop.hpp"

#include "movement/support.hpp"

#include <array>

namespace hv::movement {

namespace {
constexpr std::array<std::string_view, 5> kKindNames{"couch", "bench", "step", "band", "cable"};
} // namespace

std::string_view propKindName(PropKind k) { return kKindNames[static_cast<std::size_t>(k)]; }

std::optional<PropKind> propKindFromName(std::string_view name) {
    for (std::size_t i = 0; i < kKindNames.size(); ++i)
        if (kKindNames[i] == name) return static_cast<PropKind>(i);
    return std::nullopt;
}

std::vector<std::string> propKindNames() { return {kKindNames.begin(), kKindNames.end()}; }

std::vector<std::string> bodyPointNames() { return {"knee_r", "knee_l", "ankle_r", "ankle_l", "hip_r", "hip_l", "pelvis"}; }

std::optional<BodyPoint> namedBodyPoint(const Model& model, std::string_view name) {
    const auto at = [&](std::string_view body, Vec3 local) -> std::optional<BodyPoint> {
        const int b = model.findBody(body);
        if (b < 0) return std::nullopt;
        return BodyPoint{b, local, std::string(name)};
    };
    if (name == "knee_r") return at("tibia_r", Vec3{0.0});
    if (name == "knee_l") return at("tibia_l", Vec3{0.0});
    if (name == "ankle_r") return at("tibia_r", kAnkleInTibia);
    if (name == "ankle_l") return at("tibia_l", mirrorZ(kAnkleInTibia));
    if (name == "hip_r") return at("femur_r", Vec3{0.0});
    if (name == "hip_l") return at("femur_l", Vec3{0.0});
    if (name == "pelvis") return at("pelvis", Vec3{0.0});
    return std::nullopt;
}

std::optional<std::pair<Vec3, Vec3>> propEnds(const Prop& prop, std::span<const Transform> groundFromBody,
                                              const Transform& room) {
    const auto place = [&](const BodyPoint& p) -> std::optional<Vec3> {
        if (p.body < 0 || static_cast<std::size_t>(p.body) >= groundFromBody.size()) return std::nullopt;
        return room.apply(groundFromBody[static_cast<std::size_t>(p.body)].apply(p.local));
    };
    if (prop.kind == PropKind::Band && !prop.anchored) {
        const auto a = place(prop.from), b = place(prop.to);
        if (!a || !b) return std::nullopt;
        return std::pair{*a, *b};
    }
    if (prop.kind == PropKind::Cable || prop.kind == PropKind::Band) {
        const auto b = place(prop.to);
        if (!b) return std::nullopt;
        return std::pair{prop.anchor, *b};
    }
    return std::nullopt;
}

} // namespace hv::movement
