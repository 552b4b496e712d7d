// The pose panel's model: every coordinate grouped as a student looks for it (right hip, left
// hip, knees, lumbar levels, pelvis), reset, and mirroring one side onto the other. GL-free.
// Poses are SI (rad, m), one value per model coordinate.
#pragma once

#include "core/model.hpp"

#include <span>
#include <string>
#include <vector>

namespace hv::doc {

struct CoordinateGroup {
    std::string title;            // "Right hip", "Left hip", "Knees", "Lumbar spine", "Pelvis", ...
    std::vector<int> coordinates; // model indices, model order
};

// Every coordinate exactly once. Groups: hips per side (right first), knees, lumbar, pelvis, then
// any other content group under its own name.
std::vector<CoordinateGroup> coordinateGroups(const Model& model);

// Copies every coordinate of side `from` onto its counterpart on the other side (the model's
// left side mirrors the right, so the same value means the same anatomical motion). Midline
// coordinates are left alone. Values are clamped to the target coordinate's range.
void mirrorPose(const Model& model, Side from, std::vector<double>& q);

// A pose slider speaks the core's user units (core/units.hpp), as `--pose` and scene files do:
// its value from SI (deg, or m for translations), back to SI, and its printf format with the
// unit ("%.1f deg", "%.3f m").
double sliderValue(const Coordinate& c, double si);
double sliderToSi(const Coordinate& c, double value);
std::string sliderFormat(const Coordinate& c);

} // namespace hv::doc
