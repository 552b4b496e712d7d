#include "anatomy_draw/palette.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace hv::draw {

float srgbToLinear(float c) {
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

float linearToSrgb(float c) {
    c = std::clamp(c, 0.0f, 1.0f);
    return c <= 0.0031308f ? c * 12.92f : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
}

glm::vec3 srgbHex(unsigned rgb) {
    return {srgbToLinear(static_cast<float>((rgb >> 16) & 0xff) / 255.0f),
            srgbToLinear(static_cast<float>((rgb >> 8) & 0xff) / 255.0f),
            srgbToLinear(static_cast<float>(rgb & 0xff) / 255.0f)};
}

namespace {

// HSL (h in turns, s and l in 0..1) -> sRGB 0..1.
glm::vec3 hsl(float h, float s, float l) {
    const auto f = [&](float n) {
        const float k = std::fmod(n + h * 12.0f, 12.0f);
        const float a = s * std::min(l, 1.0f - l);
        return l - a * std::max(-1.0f, std::min({k - 3.0f, 9.0f - k, 1.0f}));
    };
    return {f(0.0f), f(8.0f), f(4.0f)};
}

} // namespace

glm::vec3 groupColor(std::string_view groupId) {
    // Chosen to read as muscle (warm, saturated, not neon) while staying apart from each other
    // and from the ivory bones; checked side by side in rendered figures.
    if (groupId == "gluteals") return srgbHex(0xB8322A);      // deep red
    if (groupId == "deep_rotators") return srgbHex(0xE08A2E); // amber
    if (groupId == "hip_flexors") return srgbHex(0xD04F9A);   // orchid pink
    if (groupId == "adductors") return srgbHex(0x6C5BB5);     // violet
    if (groupId == "hamstrings") return srgbHex(0x2F8F7A);    // teal
    // Unknown group: a hue from a hash of the id (FNV-1a), muted like the others.
    std::uint32_t h = 2166136261u;
    for (char c : groupId) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    const glm::vec3 s = hsl(static_cast<float>(h % 360u) / 360.0f, 0.55f, 0.47f);
    return {srgbToLinear(s.r), srgbToLinear(s.g), srgbToLinear(s.b)};
}

glm::vec3 muscleColor(const Content& content, std::string_view muscleId) {
    const MuscleInfo* info = content.findMuscleInfo(muscleId);
    if (!info) return groupColor("");
    int rank = 0, count = 0;
    for (const MuscleInfo& m : content.muscles) {
        if (m.group != info->group) continue;
        if (m.id == info->id) rank = count;
        ++count;
    }
    const glm::vec3 base = groupColor(info->group);
    if (count <= 1) return base;
    // Alternate lighter / darker around the group colour: 0, +1, -1, +2, -2 ... steps of 9%.
    const int step = (rank + 1) / 2 * ((rank % 2) ? 1 : -1);
    const float k = std::clamp(1.0f + 0.18f * static_cast<float>(step) / std::max(1.0f, static_cast<float>(count) / 2.0f),
                               0.7f, 1.35f);
    return glm::clamp(base * k, glm::vec3(0.0f), glm::vec3(1.0f));
}

glm::vec3 boneColor() { return srgbHex(0xE9DFC9); }
glm::vec3 tendonColor() { return srgbHex(0xE6E3D8); }

} // namespace hv::draw
