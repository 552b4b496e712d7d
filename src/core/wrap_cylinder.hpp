// The shortest path of a muscle over a cylinder (a geodesic on a developable surface).
//
// Method: in the cylinder's cross-section the path runs from P along a tangent line onto the
// circle, follows the circle, and leaves along a tangent towards S; unrolling the cylinder
// turns the whole path into a straight line, so height varies linearly with the 2D path length
// and the 3D length is sqrt(L2^2 + dz^2). This is the single-cylinder case of the obstacle-set
// method (Garner and Pandy 2000, Comput Methods Biomech Biomed Engin 3:1-30) and gives the same
// lengths as OpenSim's WrapCylinder for an unconstrained or quadrant-constrained cylinder.
//
// When the path wraps: both points must lie outside the radius (else: no wrap, as OpenSim).
// Without a quadrant, it wraps when the straight segment's projection cuts the circle, around
// the shorter side. With a quadrant (e.g. NegX) it always goes round that side, and it also
// wraps when the straight segment passes the cylinder on the other side (the muscle may not
// slip across); it stays straight when it clears the cylinder on the allowed side.
#pragma once

#include "core/math.hpp"
#include "core/model.hpp"

#include <vector>

namespace hv {

struct CylinderWrap {
    bool wrapped = false;
    Vec3 tangent1{0.0};      // where the path meets the surface (cylinder frame, metres)
    Vec3 tangent2{0.0};      // where it leaves
    double startAngle = 0.0; // polar angle of tangent1 about the local Z axis, rad
    double sweepAngle = 0.0; // signed angle travelled on the surface, + counter-clockwise about +Z
    double length = 0.0;     // whole path length from p to s, metres (straight if not wrapped)
};

// p and s in the cylinder's frame (axis = local Z through the origin); radius > 0.
CylinderWrap wrapOverCylinder(const Vec3& p, const Vec3& s, double radius, WrapQuadrant quadrant);

// Points on the wrapped arc, from tangent1 to tangent2 inclusive, in the cylinder frame, at most
// `maxStep` radians apart. Appends nothing if !wrap.wrapped.
void sampleWrapArc(const CylinderWrap& wrap, double radius, double maxStep, std::vector<Vec3>& out);

} // namespace hv
