#include "core/path.hpp"

#include <array>
#include <cassert>

namespace hv {

bool pathPointActive(const PathPoint& point, std::span<const double> q) {
    if (!point.condition) return true;
    const double v = q[static_cast<std::size_t>(point.condition->coordinate)];
    return v >= point.condition->min && v <= point.condition->max;
}

namespace {

// The active points of a path and the wraps found on its segments. Sized for the largest
// allowed path but filled only as far as `count`, so resolving stays cheap on the hot path.
struct ResolvedPath {
    std::array<Vec3, kMaxPathPoints> world;
    std::array<int, kMaxPathPoints> index;
    std::array<signed char, kMaxPathPoints> wrapOf; // segment k (points k, k+1): slot in `wraps`, or -1
    std::array<CylinderWrap, kMaxWrapsPerPart> wraps;
    std::array<int, kMaxWrapsPerPart> wrapCylinder;
    std::size_t count = 0;
    std::size_t wrapCount = 0;
};

Transform cylinderToGround(const WrapCylinder& c, std::span<const Transform> bodies) {
    return bodies[static_cast<std::size_t>(c.body)] * c.frame;
}

void resolve(const Model& model, const MusclePart& part, std::span<const Transform> bodies,
             std::span<const double> q, ResolvedPath& out) {
    assert(part.points.size() <= kMaxPathPoints);
    assert(part.wraps.size() <= kMaxWrapsPerPart);
    out.count = 0;
    out.wrapCount = 0;
    for (std::size_t i = 0; i < part.points.size(); ++i) {
        const PathPoint& pt = part.points[i];
        if (!pathPointActive(pt, q)) continue;
        out.world[out.count] = bodies[static_cast<std::size_t>(pt.body)].apply(pt.location);
        out.index[out.count] = static_cast<int>(i);
        out.wrapOf[out.count] = -1;
        ++out.count;
    }
    for (const WrapUse& use : part.wraps) {
        const WrapCylinder& cyl = model.wrapCylinders[static_cast<std::size_t>(use.cylinder)];
        const Transform toGround = cylinderToGround(cyl, bodies);
        const Transform toCylinder = toGround.inverse();
        const int first = use.firstPoint < 0 ? 0 : use.firstPoint;
        const int last = use.lastPoint < 0 ? static_cast<int>(part.points.size()) - 1 : use.lastPoint;
        int best = -1;
        double bestIncrease = 0.0;
        CylinderWrap bestWrap;
        for (std::size_t k = 0; k + 1 < out.count; ++k) {
            if (out.index[k] < first || out.index[k + 1] > last) continue;
            if (out.wrapOf[k] >= 0) continue;
            const Vec3 a = toCylinder.apply(out.world[k]);
            const Vec3 b = toCylinder.apply(out.world[k + 1]);
            const CylinderWrap w = wrapOverCylinder(a, b, cyl.radius, cyl.quadrant);
            if (!w.wrapped) continue;
            const double increase = w.length - glm::length(b - a);
            if (best < 0 || increase < bestIncrease) {
                best = static_cast<int>(k);
                bestIncrease = increase;
                bestWrap = w;
            }
        }
        if (best >= 0) {
            out.wrapOf[static_cast<std::size_t>(best)] = static_cast<signed char>(out.wrapCount);
            out.wraps[out.wrapCount] = bestWrap;
            out.wrapCylinder[out.wrapCount] = use.cylinder;
            ++out.wrapCount;
        }
    }
}

} // namespace

double pathLength(const Model& model, const MusclePart& part, std::span<const Transform> bodies,
                  std::span<const double> q) {
    ResolvedPath path;
    resolve(model, part, bodies, q, path);
    double length = 0.0;
    for (std::size_t k = 0; k + 1 < path.count; ++k)
        length += path.wrapOf[k] >= 0 ? path.wraps[static_cast<std::size_t>(path.wrapOf[k])].length
                                      : glm::length(path.world[k + 1] - path.world[k]);
    return length;
}

void pathGeometry(const Model& model, const MusclePart& part, std::span<const Transform> bodies,
                  std::span<const double> q, PathGeometry& out, double arcStep) {
    ResolvedPath path;
    resolve(model, part, bodies, q, path);
    out.points.clear();
    out.pathPoint.clear();
    out.surfaceNormal.clear();
    out.length = 0.0;
    std::vector<Vec3> arc;
    for (std::size_t k = 0; k < path.count; ++k) {
        out.points.push_back(path.world[k]);
        out.pathPoint.push_back(path.index[k]);
        out.surfaceNormal.push_back(Vec3{0.0});
        if (k + 1 == path.count) break;
        if (path.wrapOf[k] < 0) {
            out.length += glm::length(path.world[k + 1] - path.world[k]);
            continue;
        }
        const auto slot = static_cast<std::size_t>(path.wrapOf[k]);
        const CylinderWrap& wrap = path.wraps[slot];
        out.length += wrap.length;
        const WrapCylinder& cyl = model.wrapCylinders[static_cast<std::size_t>(path.wrapCylinder[slot])];
        const Transform toGround = cylinderToGround(cyl, bodies);
        arc.clear();
        sampleWrapArc(wrap, cyl.radius, arcStep, arc);
        for (const Vec3& a : arc) {
            out.points.push_back(toGround.apply(a));
            out.pathPoint.push_back(-1);
            out.surfaceNormal.push_back(toGround.applyVector(glm::normalize(Vec3{a.x, a.y, 0.0})));
        }
    }
}

bool partDependsOnCoordinate(const Model& model, const MusclePart& part, int coordinate) {
    bool movesSome = false, keepsSome = false;
    const auto visit = [&](int body) {
        if (model.coordinateMovesBody(coordinate, body)) movesSome = true;
        else keepsSome = true;
    };
    for (const PathPoint& p : part.points) {
        visit(p.body);
        if (p.condition && p.condition->coordinate == coordinate) return true;
    }
    for (const WrapUse& w : part.wraps) visit(model.wrapCylinders[static_cast<std::size_t>(w.cylinder)].body);
    return movesSome && keepsSome;
}

} // namespace hv
