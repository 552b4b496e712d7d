#include "core/wrap_cylinder.hpp"

#include <algorithm>
#include <cmath>

namespace hv {

namespace {
double wrapPositive(double angle) { // into [0, 2 pi)
    angle = std::fmod(angle, 2.0 * kPi);
    return angle < 0.0 ? angle + 2.0 * kPi : angle;
}

// +1 or -1 for the side the quadrant allows along its axis; 0 for All.
double quadrantSign(WrapQuadrant q) {
    switch (q) {
    case WrapQuadrant::PosX:
    case WrapQuadrant::PosY: return 1.0;
    case WrapQuadrant::NegX:
    case WrapQuadrant::NegY: return -1.0;
    case WrapQuadrant::All: break;
    }
    return 0.0;
}

bool quadrantIsX(WrapQuadrant q) { return q == WrapQuadrant::PosX || q == WrapQuadrant::NegX; }

// Component of a 2D direction along the quadrant's axis, times the allowed sign.
double onAllowedSide(WrapQuadrant q, double x, double y) {
    return (quadrantIsX(q) ? x : y) * quadrantSign(q);
}
} // namespace

CylinderWrap wrapOverCylinder(const Vec3& p, const Vec3& s, double r, WrapQuadrant quadrant) {
    CylinderWrap out;
    out.length = glm::length(s - p);
    const double dp = std::hypot(p.x, p.y);
    const double ds = std::hypot(s.x, s.y);
    if (!(r > 0.0) || dp <= r || ds <= r) return out;

    // Closest approach of the projected straight segment to the axis.
    const double ex = s.x - p.x, ey = s.y - p.y;
    const double ee = ex * ex + ey * ey;
    const double t = ee > 0.0 ? std::clamp(-(p.x * ex + p.y * ey) / ee, 0.0, 1.0) : 0.0;
    const double cx = p.x + t * ex, cy = p.y + t * ey;
    const bool cuts = std::hypot(cx, cy) < r;
    const bool constrained = quadrant != WrapQuadrant::All;
    if (!cuts) {
        if (!constrained) return out;
        if (onAllowedSide(quadrant, cx, cy) >= 0.0) return out; // clears it on the allowed side
    }

    const double thetaP = std::atan2(p.y, p.x), alphaP = std::acos(r / dp);
    const double thetaS = std::atan2(s.y, s.x), alphaS = std::acos(r / ds);
    // Counter-clockwise: arrive at thetaP + alphaP, leave at thetaS - alphaS.
    const double ccwStart = thetaP + alphaP;
    const double ccwSweep = wrapPositive((thetaS - alphaS) - ccwStart);
    // Clockwise: arrive at thetaP - alphaP, leave at thetaS + alphaS.
    const double cwStart = thetaP - alphaP;
    const double cwSweep = -wrapPositive(cwStart - (thetaS + alphaS));

    bool useCcw = ccwSweep <= -cwSweep;
    if (constrained) {
        const double ccwMid = ccwStart + 0.5 * ccwSweep;
        const double cwMid = cwStart + 0.5 * cwSweep;
        const bool ccwOk = onAllowedSide(quadrant, std::cos(ccwMid), std::sin(ccwMid)) > 0.0;
        const bool cwOk = onAllowedSide(quadrant, std::cos(cwMid), std::sin(cwMid)) > 0.0;
        if (ccwOk != cwOk) useCcw = ccwOk;
    }
    const double start = useCcw ? ccwStart : cwStart;
    const double sweep = useCcw ? ccwSweep : cwSweep;

    const double l1 = std::sqrt(dp * dp - r * r);
    const double l2 = std::sqrt(ds * ds - r * r);
    const double arc = r * std::abs(sweep);
    const double planar = l1 + arc + l2;
    const double dz = s.z - p.z;
    out.wrapped = true;
    out.startAngle = start;
    out.sweepAngle = sweep;
    out.tangent1 = {r * std::cos(start), r * std::sin(start), p.z + dz * l1 / planar};
    out.tangent2 = {r * std::cos(start + sweep), r * std::sin(start + sweep),
                    p.z + dz * (l1 + arc) / planar};
    out.length = std::sqrt(planar * planar + dz * dz);
    return out;
}

void sampleWrapArc(const CylinderWrap& wrap, double r, double maxStep, std::vector<Vec3>& out) {
    if (!wrap.wrapped) return;
    const int steps = std::max(1, static_cast<int>(std::ceil(std::abs(wrap.sweepAngle) / maxStep)));
    for (int k = 0; k <= steps; ++k) {
        const double f = static_cast<double>(k) / steps;
        const double a = wrap.startAngle + wrap.sweepAngle * f;
        out.push_back({r * std::cos(a), r * std::sin(a),
                       wrap.tangent1.z + (wrap.tangent2.z - wrap.tangent1.z) * f});
    }
}

} // namespace hv
