// Atlas-like colours: one hue family per functional group (content/groups.toml), so a student
// sees at a glance which muscles work together, with neighbouring muscles of a group told apart
// by lightness. Bones are ivory, tendons silvery white. All colours are linear RGB.
#pragma once

#include "content/content.hpp"

#include <glm/glm.hpp>

#include <string_view>

namespace hv::draw {

// Linear RGB from an sRGB colour given as 0xRRGGBB.
glm::vec3 srgbHex(unsigned rgb);
float srgbToLinear(float c);
float linearToSrgb(float c);

// The base colour of a functional group. Known groups (gluteals, deep_rotators, hip_flexors,
// adductors, hamstrings) have fixed colours; any other group id gets a stable colour derived
// from its name, so content may add groups without code changes.
glm::vec3 groupColor(std::string_view groupId);

// The colour of one muscle: its group's colour, lighter or darker by its rank inside the group
// (content order), so neighbours differ. Linear RGB.
glm::vec3 muscleColor(const Content& content, std::string_view muscleId);

glm::vec3 boneColor();   // ivory
glm::vec3 tendonColor(); // silvery white

} // namespace hv::draw
