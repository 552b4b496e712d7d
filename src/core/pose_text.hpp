// Coordinates and poses as people type them: "hip_flexion_r=90,knee_angle_r=30". Values are in
// the user units of core/units.hpp (degrees for rotational coordinates, metres for translational
// ones). A sided name without its suffix ("hip_flexion") means both sides. Used by the command
// line, scene files and the window's start state and figure export, so every caller reads and
// writes the same text and reports the same messages.
#pragma once

#include "core/model.hpp"
#include "core/units.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hv {

struct PoseAssignment {
    int coordinate = -1;
    double value = 0.0; // SI (rad or m)
};

// Indices of the coordinates `name` means: itself, or both sides for a side-less sided name.
// Empty if unknown.
std::vector<int> resolveCoordinates(const Model& model, std::string_view name);

// "unknown coordinate "x" (did you mean "y"?); valid: ..." for messages.
std::string unknownCoordinateMessage(const Model& model, std::string_view name);

// Parses "NAME=VALUE[,NAME=VALUE...]". On a problem returns nullopt and sets `error` to one
// message naming the item and the reason (unknown name with the valid ones, bad number, value
// outside the coordinate's range).
std::optional<std::vector<PoseAssignment>> parsePose(const Model& model, std::string_view text,
                                                     std::string& error);

void applyPose(std::span<const PoseAssignment> assignments, std::vector<double>& q);

// The pose `q` (SI, one value per model coordinate; extra values are ignored) as
// "NAME=VALUE,..." in user units, listing only coordinates more than 1e-9 (rad or m) away from
// their defaults, in model order; "" for the default pose. Values carry 9 significant digits, so
// parsePose() of the text, applied to the default pose, gives `q` back to about 1e-8 relative
// (for a `q` inside every coordinate's range).
std::string poseText(const Model& model, std::span<const double> q);

// Parses a whole number or decimal, with nothing else in the string (no locale).
std::optional<double> parseNumber(std::string_view text);

} // namespace hv
