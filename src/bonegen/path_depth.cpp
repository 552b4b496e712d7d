#include "bonegen/path_depth.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <vector>

namespace hv::bonegen {

namespace {

// The body of the path's first (or last) vertex that is one of the part's points; -1 if none.
int endBody(const MusclePart& part, const PathGeometry& path, bool first) {
    const std::size_t n = path.pathPoint.size();
    for (std::size_t k = 0; k < n; ++k) {
        const int i = path.pathPoint[first ? k : n - 1 - k];
        if (i >= 0) return part.points[static_cast<std::size_t>(i)].body;
    }
    return -1;
}

} // namespace

PathDepth deepestInBone(const BoneDistance& bones, const MusclePart& part, const PathGeometry& path,
                        std::span<const Transform> bodies, const PathDepthRule& rule) {
    assert(rule.step > 0.0);
    PathDepth worst;
    if (path.points.size() < 2) return worst;
    const int originBody = endBody(part, path, true), insertionBody = endBody(part, path, false);
    // The bodies with a bone and their ground-to-body transforms, once per call.
    std::vector<int> boned;
    std::vector<Transform> toBody;
    for (std::size_t b = 0; b < bodies.size(); ++b) {
        if (!bones.hasBone(static_cast<int>(b))) continue;
        boned.push_back(static_cast<int>(b));
        toBody.push_back(bodies[b].inverse());
    }
    const double total = std::max(path.length, 1e-12);
    constexpr double kSafety = 0.9; // of a sample's clearance, skipped ahead
    double travelled = 0.0;         // m along the path to the segment's start
    for (std::size_t i = 0; i + 1 < path.points.size(); ++i) {
        const Vec3 a = path.points[i], b = path.points[i + 1];
        const double segment = glm::length(b - a);
        double u = 0.0; // m along this segment
        while (true) {
            const double s = travelled + u;
            const Vec3 p = segment > 0.0 ? a + (b - a) * (u / segment) : a;
            const bool nearOrigin = s < rule.attachmentRegion;
            const bool nearInsertion = path.length - s < rule.attachmentRegion;
            double clearance = std::numeric_limits<double>::infinity();
            for (std::size_t j = 0; j < boned.size(); ++j) {
                const int body = boned[j];
                if ((nearOrigin && body == originBody) || (nearInsertion && body == insertionBody)) continue;
                const double d = bones.signedDistance(body, toBody[j].apply(p));
                clearance = std::min(clearance, d);
                if (-d > worst.depth) worst = {-d, body, std::clamp(s / total, 0.0, 1.0)};
            }
            if (u >= segment) break;
            double advance = std::max(rule.step, kSafety * std::min(clearance, BoneDistance::kExactBand));
            // Never skip over the end of an attachment region, where another bone starts to count.
            for (const double edge : {rule.attachmentRegion, path.length - rule.attachmentRegion}) {
                if (s < edge && s + advance > edge) advance = std::max(edge - s, 1e-6);
            }
            u = std::min(segment, u + advance);
        }
        travelled += segment;
    }
    return worst;
}

} // namespace hv::bonegen
