#include "bonegen/sdf.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace hv::bonegen {

double Aabb::distance(const Vec3& p) const {
    const Vec3 d = glm::max(glm::max(lo - p, p - hi), Vec3(0.0));
    return glm::length(d);
}

double Aabb::distance(const Aabb& b) const {
    const Vec3 d = glm::max(glm::max(lo - b.hi, b.lo - hi), Vec3(0.0));
    return glm::length(d);
}

namespace {

double dot2(const Vec3& v) { return glm::dot(v, v); }

// Closest point of triangle abc to p as barycentric weights (u, v, w) of a, b, c, by the
// Voronoi regions of the corners, edges and face (Ericson, Real-Time Collision Detection,
// 2005, section 5.1.5).
Vec3 closestBarycentric(const Vec3& p, const Vec3& a, const Vec3& b, const Vec3& c) {
    const Vec3 ab = b - a, ac = c - a, ap = p - a;
    const double d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0 && d2 <= 0.0) return {1, 0, 0};
    const Vec3 bp = p - b;
    const double d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0 && d4 <= d3) return {0, 1, 0};
    const double vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0 && d1 >= 0.0 && d3 <= 0.0) {
        const double t = d1 / (d1 - d3);
        return {1 - t, t, 0};
    }
    const Vec3 cp = p - c;
    const double d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0 && d5 <= d6) return {0, 0, 1};
    const double vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0 && d2 >= 0.0 && d6 <= 0.0) {
        const double t = d2 / (d2 - d6);
        return {1 - t, 0, t};
    }
    const double va = d3 * d6 - d5 * d4;
    if (va <= 0.0 && (d4 - d3) >= 0.0 && (d5 - d6) >= 0.0) {
        const double t = (d4 - d3) / ((d4 - d3) + (d5 - d6));
        return {0, 1 - t, t};
    }
    const double denom = 1.0 / (va + vb + vc);
    const double v = vb * denom, w = vc * denom;
    return {1 - v - w, v, w};
}

Aabb sphereBounds(const Vec3& c, double r) { return {c - Vec3(r), c + Vec3(r)}; }

} // namespace

double Primitive::distance(const Vec3& p) const {
    switch (kind) {
    case PrimitiveKind::Sphere: return glm::length(p - a) - r0;
    case PrimitiveKind::SphereCap: return std::max(glm::length(p - a) - r0, r1 - glm::dot(p - a, size));
    case PrimitiveKind::Ellipsoid: {
        const Vec3 q = toLocal * (p - a);
        const double k0 = glm::length(q / size);
        const double k1 = glm::length(q / (size * size));
        if (k1 <= 0.0) return -std::min(size.x, std::min(size.y, size.z));
        return k0 * (k0 - 1.0) / k1;
    }
    case PrimitiveKind::RoundCone: {
        // In the plane of the axis and p: y along the axis from a, x away from it. The side is
        // the common tangent of the end circles; its normal makes the slope angle with the radial
        // direction.
        const Vec3 ap = p - a;
        const double y = glm::dot(ap, axis);
        const double x = std::sqrt(std::max(dot2(ap) - y * y, 0.0));
        if (length <= std::abs(r0 - r1)) // one sphere holds the other
            return std::min(glm::length(p - a) - r0, glm::length(p - b) - r1);
        const double s = y * cosSlope - x * sinSlope; // along the side, from a's tangent point
        if (s < 0.0) return std::sqrt(x * x + y * y) - r0;
        if (s > length * cosSlope) return std::sqrt(x * x + (y - length) * (y - length)) - r1;
        return y * sinSlope + x * cosSlope - r0;
    }
    case PrimitiveKind::Box: {
        const Vec3 q = glm::abs(toLocal * (p - a)) - (size - Vec3(r0));
        const double outside = glm::length(glm::max(q, Vec3(0.0)));
        const double inside = std::min(std::max(q.x, std::max(q.y, q.z)), 0.0);
        return outside + inside - r0;
    }
    case PrimitiveKind::Triangle: {
        const Vec3 w = closestBarycentric(p, a, b, c);
        const Vec3 q = w.x * a + w.y * b + w.z * c;
        return glm::length(p - q) - (w.x * r0 + w.y * r1 + w.z * r2);
    }
    case PrimitiveKind::Cylinder: {
        const Vec3 q = toLocal * (p - a);
        const double radial = std::sqrt(q.x * q.x + q.y * q.y) - size.x;
        const double axial = std::abs(q.z) - size.y;
        const double outside = std::sqrt(std::max(radial, 0.0) * std::max(radial, 0.0) + std::max(axial, 0.0) * std::max(axial, 0.0));
        return outside + std::min(std::max(radial, axial), 0.0);
    }
    case PrimitiveKind::EllipticCylinder: {
        const Vec3 q = toLocal * (p - a);
        const double ex = q.x / size.x, ey = q.y / size.y;
        const double k0 = std::sqrt(ex * ex + ey * ey);
        const double k1 = std::sqrt(ex * ex / (size.x * size.x) + ey * ey / (size.y * size.y));
        const double section = k1 > 0.0 ? k0 * (k0 - 1.0) / k1 : -std::min(size.x, size.y);
        const double dr = section + r0, da = std::abs(q.z) - size.z + r0;
        const double outside = std::sqrt(std::max(dr, 0.0) * std::max(dr, 0.0) + std::max(da, 0.0) * std::max(da, 0.0));
        return outside + std::min(std::max(dr, da), 0.0) - r0;
    }
    case PrimitiveKind::Torus: {
        const Vec3 q = toLocal * (p - a);
        const double ring = std::sqrt(q.x * q.x + q.y * q.y) - size.x;
        return std::sqrt(ring * ring + q.z * q.z) - size.y;
    }
    case PrimitiveKind::HalfSpace: return glm::dot(p - a, size);
    }
    return 1e9;
}

Mat3 frameFromAxis(const Vec3& axis, const Vec3& hint) {
    const Vec3 z = glm::normalize(axis);
    Vec3 x = hint - glm::dot(hint, z) * z;
    if (glm::length(x) < 1e-9) {
        const Vec3 other = std::abs(z.x) < 0.9 ? Vec3(1, 0, 0) : Vec3(0, 1, 0);
        x = other - glm::dot(other, z) * z;
    }
    x = glm::normalize(x);
    return Mat3{x, glm::cross(z, x), z};
}

Mat3 frameFromTwoAxes(const Vec3& first, const Vec3& secondHint) {
    const Vec3 x = glm::normalize(first);
    Vec3 y = secondHint - glm::dot(secondHint, x) * x;
    y = glm::normalize(y);
    return Mat3{x, y, glm::cross(x, y)};
}

Primitive sphere(const Vec3& centre, double radius) {
    Primitive p;
    p.kind = PrimitiveKind::Sphere;
    p.a = centre;
    p.r0 = radius;
    p.bounds = sphereBounds(centre, radius);
    return p;
}

Primitive sphereCap(const Vec3& centre, double radius, const Vec3& normal, double offset) {
    Primitive p;
    p.kind = PrimitiveKind::SphereCap;
    p.a = centre;
    p.r0 = radius;
    p.r1 = offset;
    p.size = glm::normalize(normal);
    p.bounds = sphereBounds(centre, radius);
    return p;
}

Primitive ellipsoid(const Vec3& centre, const Mat3& axes, const Vec3& radii) {
    Primitive p;
    p.kind = PrimitiveKind::Ellipsoid;
    p.a = centre;
    p.toLocal = glm::transpose(axes);
    p.size = radii;
    for (int i = 0; i < 8; ++i) {
        const Vec3 corner{(i & 1) ? radii.x : -radii.x, (i & 2) ? radii.y : -radii.y, (i & 4) ? radii.z : -radii.z};
        p.bounds.add(centre + axes * corner);
    }
    return p;
}

Primitive roundCone(const Vec3& a, const Vec3& b, double ra, double rb) {
    Primitive p;
    p.kind = PrimitiveKind::RoundCone;
    p.a = a;
    p.b = b;
    p.r0 = ra;
    p.r1 = rb;
    p.length = glm::length(b - a);
    p.axis = p.length > 0.0 ? (b - a) / p.length : Vec3(0, 1, 0);
    if (p.length > std::abs(ra - rb)) {
        p.sinSlope = (ra - rb) / p.length;
        p.cosSlope = std::sqrt(1.0 - p.sinSlope * p.sinSlope);
    }
    p.bounds = sphereBounds(a, ra);
    p.bounds.add(sphereBounds(b, rb));
    p.exact = true;
    return p;
}

Primitive box(const Vec3& centre, const Mat3& axes, const Vec3& halfExtents, double rounding) {
    Primitive p;
    p.kind = PrimitiveKind::Box;
    p.a = centre;
    p.toLocal = glm::transpose(axes);
    p.size = halfExtents;
    p.r0 = std::min(rounding, std::min(halfExtents.x, std::min(halfExtents.y, halfExtents.z)));
    for (int i = 0; i < 8; ++i) {
        const Vec3 corner{(i & 1) ? halfExtents.x : -halfExtents.x, (i & 2) ? halfExtents.y : -halfExtents.y,
                          (i & 4) ? halfExtents.z : -halfExtents.z};
        p.bounds.add(centre + axes * corner);
    }
    return p;
}

Primitive thickTriangle(const Vec3& a, const Vec3& b, const Vec3& c, double ta, double tb, double tc) {
    Primitive p;
    p.kind = PrimitiveKind::Triangle;
    p.a = a;
    p.b = b;
    p.c = c;
    p.r0 = ta;
    p.r1 = tb;
    p.r2 = tc;
    const double t = std::max(ta, std::max(tb, tc));
    p.exact = true;
    p.bounds.add(a);
    p.bounds.add(b);
    p.bounds.add(c);
    p.bounds = p.bounds.inflated(t);
    return p;
}

Primitive cylinder(const Vec3& a, const Vec3& b, double r) {
    Primitive p;
    p.kind = PrimitiveKind::Cylinder;
    p.a = 0.5 * (a + b);
    const Mat3 axes = frameFromAxis(b - a, Vec3(1, 0, 0));
    p.toLocal = glm::transpose(axes);
    p.size = {r, 0.5 * glm::length(b - a), 0.0};
    p.bounds = sphereBounds(a, r);
    p.bounds.add(sphereBounds(b, r));
    return p;
}

Primitive ellipticCylinder(const Vec3& centre, const Mat3& axes, double rx, double ry, double halfLength, double rounding) {
    Primitive p;
    p.kind = PrimitiveKind::EllipticCylinder;
    p.a = centre;
    p.toLocal = glm::transpose(axes);
    p.size = {rx, ry, halfLength};
    p.r0 = std::min(rounding, std::min(halfLength, std::min(rx, ry)) * 0.9);
    for (int i = 0; i < 8; ++i) {
        const Vec3 corner{(i & 1) ? rx : -rx, (i & 2) ? ry : -ry, (i & 4) ? halfLength : -halfLength};
        p.bounds.add(centre + axes * corner);
    }
    return p;
}

Primitive torus(const Vec3& centre, const Vec3& axis, double ringRadius, double tubeRadius) {
    Primitive p;
    p.kind = PrimitiveKind::Torus;
    p.a = centre;
    p.toLocal = glm::transpose(frameFromAxis(axis, Vec3(1, 0, 0)));
    p.size = {ringRadius, tubeRadius, 0.0};
    p.bounds = sphereBounds(centre, ringRadius + tubeRadius);
    return p;
}

Primitive halfSpace(const Vec3& point, const Vec3& normal) {
    Primitive p;
    p.kind = PrimitiveKind::HalfSpace;
    p.a = point;
    p.size = glm::normalize(normal);
    return p; // unbounded
}

double smoothMin(double a, double b, double blend) {
    if (blend <= 0.0) return std::min(a, b);
    const double h = std::max(blend - std::abs(a - b), 0.0) / blend;
    return std::min(a, b) - h * h * blend * 0.25;
}

double smoothMax(double a, double b, double blend) { return -smoothMin(-a, -b, blend); }

void Sdf::begin(Combine how, double blend) { m_ops.push_back({how, blend}); }

void Sdf::add(const Primitive& p) {
    assert(!m_ops.empty());
    m_opOf.push_back(static_cast<std::uint32_t>(m_ops.size() - 1));
    m_all.push_back(static_cast<std::uint32_t>(m_prims.size()));
    m_prims.push_back(p);
}

void Sdf::append(const Sdf& other) {
    const auto opBase = static_cast<std::uint32_t>(m_ops.size());
    m_ops.insert(m_ops.end(), other.m_ops.begin(), other.m_ops.end());
    for (std::size_t i = 0; i < other.m_prims.size(); ++i) {
        m_opOf.push_back(opBase + other.m_opOf[i]);
        m_all.push_back(static_cast<std::uint32_t>(m_prims.size()));
        m_prims.push_back(other.m_prims[i]);
    }
}

double Sdf::value(const Vec3& p) const { return value(p, m_all); }

double Sdf::value(const Vec3& p, std::span<const std::uint32_t> primitives) const {
    double d = 1e9;
    std::size_t i = 0;
    while (i < primitives.size()) {
        const std::uint32_t op = m_opOf[primitives[i]];
        double g = 1e9;
        while (i < primitives.size() && m_opOf[primitives[i]] == op) {
            const Primitive& prim = m_prims[primitives[i++]];
            // a primitive whose box lies beyond the best value so far cannot lower the minimum
            // (inside its box it must be evaluated: it may be more negative there)
            if (prim.exact) {
                const double box = prim.bounds.distance(p);
                if (box > 0.0 && box >= g) continue;
            }
            g = std::min(g, prim.distance(p));
        }
        const Op& o = m_ops[op];
        switch (o.how) {
        case Combine::Union: d = smoothMin(d, g, o.blend); break;
        case Combine::Subtract: d = smoothMax(d, -g, o.blend); break;
        case Combine::Intersect: d = smoothMax(d, g, o.blend); break;
        }
    }
    return d;
}

void Sdf::cull(const Aabb& region, double band, std::vector<std::uint32_t>& out) const { cull(m_all, region, band, out); }

void Sdf::cull(std::span<const std::uint32_t> from, const Aabb& region, double band, std::vector<std::uint32_t>& out) const {
    out.clear();
    for (std::uint32_t i : from) {
        const Primitive& p = m_prims[i];
        const Op& o = m_ops[m_opOf[i]];
        if (o.how == Combine::Intersect || p.bounds.empty() || p.bounds.distance(region) <= band + o.blend) out.push_back(i);
    }
}

Aabb Sdf::bounds() const {
    Aabb b;
    for (std::size_t i = 0; i < m_prims.size(); ++i)
        if (m_ops[m_opOf[i]].how == Combine::Union) b.add(m_prims[i].bounds);
    return b;
}

} // namespace hv::bonegen
