// Signed distance functions for sculpting bones: a few primitives (spheres, ellipsoids, round
// cones, rounded boxes, thick triangles, cylinders, tori, half-spaces) combined in order by
// smooth union, smooth subtraction and intersection.
//
// Conventions: metres, in the frame of the bone being built (OpenSim body frame: X anterior,
// Y superior, Z right); negative inside, positive outside. Smooth combinations use the
// quadratic polynomial smooth minimum (Quilez, "smooth minimum", 2013): within `blend` metres of
// each other two surfaces are joined by a fillet of about blend/4; `blend` = 0 is a sharp min.
// The primitives are exact distances except the ellipsoid (a bound, exact on its surface),
// which is all surface extraction needs: the sign everywhere and the distance near the surface.
#pragma once

#include <glm/glm.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace hv::bonegen {

using Vec3 = glm::dvec3;
using Mat3 = glm::dmat3;

struct Aabb {
    Vec3 lo{1e30};
    Vec3 hi{-1e30};
    bool empty() const { return lo.x > hi.x; }
    void add(const Vec3& p) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
    }
    void add(const Aabb& b) {
        if (b.empty()) return;
        lo = glm::min(lo, b.lo);
        hi = glm::max(hi, b.hi);
    }
    Aabb inflated(double r) const { return {lo - Vec3(r), hi + Vec3(r)}; }
    // Distance from a point to the box (0 inside).
    double distance(const Vec3& p) const;
    // Distance between two boxes (0 if they overlap).
    double distance(const Aabb& b) const;
};

enum class PrimitiveKind : std::uint8_t { Sphere, SphereCap, Ellipsoid, RoundCone, Box, Triangle, Cylinder, EllipticCylinder, Torus, HalfSpace };

// One primitive. Build them with the functions below; the fields are their parameters.
struct Primitive {
    PrimitiveKind kind = PrimitiveKind::Sphere;
    Vec3 a{0.0}, b{0.0}, c{0.0}; // centre, or end points, or triangle corners, or plane point
    Mat3 toLocal{1.0};           // world -> local rotation (ellipsoid, box, cylinder, torus)
    Vec3 size{0.0};              // radii, half extents, (radius, half length), (R, r), plane normal
    double r0 = 0.0, r1 = 0.0, r2 = 0.0; // round-cone radii, triangle thicknesses, box rounding
    // round cone: precomputed axis, length and side slope
    Vec3 axis{0.0};
    double length = 0.0, sinSlope = 0.0, cosSlope = 1.0;
    Aabb bounds; // contains every point where the primitive is negative; empty = unbounded
    bool exact = false; // distance() is the true distance (never below the distance to `bounds`)

    double distance(const Vec3& p) const;
};

Primitive sphere(const Vec3& centre, double radius);
// The part of a sphere beyond a plane: points within `radius` of `centre` whose offset from the
// centre along the unit `normal` exceeds `offset`.
Primitive sphereCap(const Vec3& centre, double radius, const Vec3& normal, double offset);
// An ellipsoid with the given radii along the columns of `axes` (an orthonormal frame).
Primitive ellipsoid(const Vec3& centre, const Mat3& axes, const Vec3& radii);
// The convex hull of two spheres (a, ra) and (b, rb): a capsule when ra == rb.
Primitive roundCone(const Vec3& a, const Vec3& b, double ra, double rb);
inline Primitive capsule(const Vec3& a, const Vec3& b, double r) { return roundCone(a, b, r, r); }
// A box with half extents along the columns of `axes`, edges rounded by `rounding` (< half extents).
Primitive box(const Vec3& centre, const Mat3& axes, const Vec3& halfExtents, double rounding);
// A triangle thickened by ta, tb, tc (half thickness at each corner, interpolated): plates are
// meshes of these.
Primitive thickTriangle(const Vec3& a, const Vec3& b, const Vec3& c, double ta, double tb, double tc);
// A solid cylinder with rounded-off nothing: axis from a to b, radius r.
Primitive cylinder(const Vec3& a, const Vec3& b, double r);
// A cylinder of elliptic section: axis `axes` column 2 through `centre`, semi-axes (rx, ry)
// along columns 0 and 1, half length h, all edges rounded by `rounding` (the section distance
// is a bound, like the ellipsoid's).
Primitive ellipticCylinder(const Vec3& centre, const Mat3& axes, double rx, double ry, double halfLength, double rounding);
// A torus around `axis` through `centre`: ring radius R, tube radius r.
Primitive torus(const Vec3& centre, const Vec3& axis, double ringRadius, double tubeRadius);
// The half-space behind a plane: negative where (p - point) . normal < 0.
Primitive halfSpace(const Vec3& point, const Vec3& normal);

// An orthonormal frame whose third column is `axis` (first column as close as possible to `hint`).
Mat3 frameFromAxis(const Vec3& axis, const Vec3& hint);
// An orthonormal frame from a first axis and a hint for the second.
Mat3 frameFromTwoAxes(const Vec3& first, const Vec3& secondHint);

enum class Combine : std::uint8_t { Union, Subtract, Intersect };

// Smooth minimum and maximum (see above); blend <= 0: min / max.
double smoothMin(double a, double b, double blend);
double smoothMax(double a, double b, double blend);

// A shape made by combining, in order, operations each holding one or more primitives (an
// operation's primitives are joined by a sharp min first: a plate of triangles, a chain of
// cones). Evaluation can be restricted to the primitives near a region (see cull()).
class Sdf {
public:
    // Starts an operation; add() puts primitives into it.
    void begin(Combine how, double blend);
    void add(const Primitive& p);
    // One-primitive operations.
    void unite(const Primitive& p, double blend) { begin(Combine::Union, blend), add(p); }
    void subtract(const Primitive& p, double blend) { begin(Combine::Subtract, blend), add(p); }
    void intersect(const Primitive& p, double blend) { begin(Combine::Intersect, blend), add(p); }
    // Appends another shape's operations after this one's.
    void append(const Sdf& other);

    double value(const Vec3& p) const; // every primitive

    // Indices of the primitives that can change the value by more than nothing at points of
    // `region` where |value| < band (in evaluation order). Unbounded primitives and those of
    // intersections are always kept.
    void cull(const Aabb& region, double band, std::vector<std::uint32_t>& out) const;
    void cull(std::span<const std::uint32_t> from, const Aabb& region, double band, std::vector<std::uint32_t>& out) const;
    double value(const Vec3& p, std::span<const std::uint32_t> primitives) const;

    // Where the shape can be negative: the union of its union-operations' bounds.
    Aabb bounds() const;
    std::size_t primitiveCount() const { return m_prims.size(); }
    const std::vector<Primitive>& primitives() const { return m_prims; }

private:
    struct Op {
        Combine how = Combine::Union;
        double blend = 0.0;
    };
    std::vector<Op> m_ops;
    std::vector<Primitive> m_prims;
    std::vector<std::uint32_t> m_opOf; // per primitive
    std::vector<std::uint32_t> m_all;  // 0..n-1
};

} // namespace hv::bonegen
