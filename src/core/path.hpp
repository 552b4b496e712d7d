// A muscle part's path at a pose: which points are active, where the wrap cylinders bend it,
// its length, and (for drawing) its polyline. All results are in the ground frame, metres.
#pragma once

#include "core/model.hpp"
#include "core/wrap_cylinder.hpp"

#include <span>
#include <vector>

namespace hv {

// Most points one part may have; the content loader rejects parts with more.
inline constexpr std::size_t kMaxPathPoints = 32;
// Most wrap surfaces one part may use; the content loader rejects parts with more.
inline constexpr std::size_t kMaxWrapsPerPart = 4;

struct PathGeometry {
    std::vector<Vec3> points;   // polyline from origin to insertion; wrap arcs sampled
    std::vector<int> pathPoint; // per vertex: index into MusclePart::points, or -1 on a wrap arc
    // per vertex: for wrap-arc vertices (tangent points included) the unit outward normal of the
    // wrap surface there (ground frame), so a drawn muscle can sit on the surface instead of
    // cutting into it; (0, 0, 0) elsewhere.
    std::vector<Vec3> surfaceNormal;
    double length = 0.0;        // metres; equals pathLength() for the same inputs
};

// True if the point's condition (if any) holds at q.
bool pathPointActive(const PathPoint& point, std::span<const double> q);

// Path length in metres. `bodies` are ground transforms from computeBodyTransforms(q).
// Where several segments of a wrap's range would wrap, only the one that lengthens the path
// least is wrapped (OpenSim's choice); a segment takes at most one wrap, the first listed.
// Fewer than two active points give 0.
double pathLength(const Model& model, const MusclePart& part, std::span<const Transform> bodies,
                  std::span<const double> q);

// The same path as a polyline for drawing; wrap arcs sampled at most `arcStep` rad apart.
void pathGeometry(const Model& model, const MusclePart& part, std::span<const Transform> bodies,
                  std::span<const double> q, PathGeometry& out, double arcStep = 0.15);

// True if the coordinate can change this part's length: it moves a body the path touches
// (a point's or wrap cylinder's body) relative to another, or it switches a conditional point.
bool partDependsOnCoordinate(const Model& model, const MusclePart& part, int coordinate);

} // namespace hv
