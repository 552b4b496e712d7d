#include "movement/movement.hpp"

#include "core/diagnostic.hpp"

#include <algorithm>

namespace hv::movement {

std::string_view categoryName(Category c) {
    switch (c) {
    case Category::Movement: return "movement";
    case Category::RoleChange: return "role-change";
    case Category::Stretch: return "stretch";
    case Category::Exercise: return "exercise";
    case Category::SelfTest: return "self-test";
    case Category::HipBack: return "hip-back";
    case Category::Gait: return "gait";
    }
    return "";
}

std::string_view postureName(Posture p) {
    switch (p) {
    case Posture::Standing: return "standing";
    case Posture::Supine: return "supine";
    case Posture::Prone: return "prone";
    case Posture::SideLying: return "side-lying";
    }
    return "";
}

std::string_view supportName(Support s) {
    switch (s) {
    case Support::None: return "none";
    case Support::Feet: return "feet";
    case Support::Right: return "right";
    case Support::Left: return "left";
    case Support::Treadmill: return "treadmill";
    }
    return "";
}

std::string_view spineModeName(SpineMode m) {
    return m == SpineMode::Upright ? "upright" : "with-pelvis";
}

int Movement::track(int coordinate) const {
    const auto it = std::find(coordinates.begin(), coordinates.end(), coordinate);
    return it == coordinates.end() ? -1 : static_cast<int>(it - coordinates.begin());
}

const Movement* MovementLibrary::find(std::string_view id) const {
    for (const Movement& m : movements)
        if (m.id == id) return &m;
    return nullptr;
}

std::vector<std::string> MovementLibrary::ids() const {
    std::vector<std::string> out;
    for (const Movement& m : movements) out.push_back(m.id);
    return out;
}

std::string unknownMovementMessage(const MovementLibrary& library, std::string_view id) {
    const auto ids = library.ids();
    std::string message = "unknown movement \"";
    message += id;
    message += "\"";
    const std::string hint = closestMatch(std::string(id), ids);
    if (!hint.empty()) message += " (did you mean \"" + hint + "\"?)";
    message += "; valid movements: " + joinNames(ids, 200);
    return message;
}

Transform roomFromModel(Posture posture) {
    Transform x;
    const Vec3 pivot{0.0, kStandingPelvisHeight, 0.0};
    switch (posture) {
    case Posture::Standing: return x;
    case Posture::Supine:
        x.rotation = rotationAboutAxis({0.0, 0.0, 1.0}, kPi / 2.0);
        x.translation = Vec3{0.0, kSupinePelvisHeight, 0.0} - x.rotation * pivot;
        return x;
    case Posture::Prone:
        x.rotation = rotationAboutAxis({0.0, 0.0, 1.0}, -kPi / 2.0);
        x.translation = Vec3{0.0, kPronePelvisHeight, 0.0} - x.rotation * pivot;
        return x;
    case Posture::SideLying:
        x.rotation = rotationAboutAxis({1.0, 0.0, 0.0}, -kPi / 2.0);
        x.translation = Vec3{0.0, kSideLyingPelvisHeight, 0.0} - x.rotation * pivot;
        return x;
    }
    return x;
}

} // namespace hv::movement
