#include "bonegen/bone_distance.hpp"

#include <cmath>

namespace hv::bonegen {

namespace {
constexpr double kCell = 0.01; // m: the cells whose nearby primitives are listed once
} // namespace

BoneDistance::BoneDistance(const Content& content) {
    const Model& model = content.model;
    const BoneParameters defaults = content.boneParameters.defaults();
    const SkeletonLandmarks landmarks = skeletonLandmarks(model);
    m_boneOf.assign(model.bodies.size(), -1);
    m_mirrored.assign(model.bodies.size(), false);
    for (std::size_t b = 0; b < model.bodies.size(); ++b) {
        const Body& body = model.bodies[b];
        if (body.side == Side::Left) continue;
        BoneShape shape;
        if (!shapeFor(body.name, defaults, landmarks, shape)) continue;
        m_boneOf[b] = static_cast<int>(m_shapes.size());
        m_bounds.push_back(shape.sdf.bounds());
        CellGrid grid;
        const Aabb box = m_bounds.back().inflated(kCell);
        grid.origin = box.lo;
        grid.nx = static_cast<int>(std::ceil((box.hi.x - box.lo.x) / kCell));
        grid.ny = static_cast<int>(std::ceil((box.hi.y - box.lo.y) / kCell));
        grid.nz = static_cast<int>(std::ceil((box.hi.z - box.lo.z) / kCell));
        const auto cells = static_cast<std::size_t>(grid.nx) * static_cast<std::size_t>(grid.ny) * static_cast<std::size_t>(grid.nz);
        grid.primitives.resize(cells);
        grid.filled.assign(cells, false);
        m_grids.push_back(std::move(grid));
        m_shapes.push_back(std::move(shape));
    }
    for (std::size_t b = 0; b < model.bodies.size(); ++b) {
        const Body& body = model.bodies[b];
        if (body.side != Side::Left) continue;
        const int right = model.findBody(otherSideName(body.name));
        if (right < 0 || m_boneOf[static_cast<std::size_t>(right)] < 0) continue;
        m_boneOf[b] = m_boneOf[static_cast<std::size_t>(right)];
        m_mirrored[b] = true;
    }
}

bool BoneDistance::hasBone(int body) const {
    return body >= 0 && static_cast<std::size_t>(body) < m_boneOf.size() && m_boneOf[static_cast<std::size_t>(body)] >= 0;
}

double BoneDistance::signedDistance(int body, const Vec3& pointInBody) const {
    if (!hasBone(body)) return std::numeric_limits<double>::infinity();
    const auto b = static_cast<std::size_t>(body);
    const auto s = static_cast<std::size_t>(m_boneOf[b]);
    Vec3 p = pointInBody;
    if (m_mirrored[b]) p.z = -p.z;
    // Far outside the box where the bone can be: the distance to the box bounds it from below.
    const double toBox = m_bounds[s].distance(p);
    if (toBox > kExactBand) return toBox;
    CellGrid& grid = m_grids[s];
    const Vec3 local = (p - grid.origin) / kCell;
    const int i = static_cast<int>(std::floor(local.x)), j = static_cast<int>(std::floor(local.y)), k = static_cast<int>(std::floor(local.z));
    if (i < 0 || j < 0 || k < 0 || i >= grid.nx || j >= grid.ny || k >= grid.nz) return m_shapes[s].sdf.value(p);
    const std::size_t cell = (static_cast<std::size_t>(k) * static_cast<std::size_t>(grid.ny) + static_cast<std::size_t>(j)) * static_cast<std::size_t>(grid.nx) + static_cast<std::size_t>(i);
    if (!grid.filled[cell]) {
        const Vec3 lo = grid.origin + Vec3(i, j, k) * kCell;
        m_shapes[s].sdf.cull(Aabb{lo, lo + Vec3(kCell)}, kExactBand, grid.primitives[cell]);
        grid.filled[cell] = true;
    }
    return m_shapes[s].sdf.value(p, grid.primitives[cell]);
}

BoneDistance::Nearest BoneDistance::nearest(std::span<const Transform> bodies, const Vec3& pointInGround) const {
    Nearest best;
    for (std::size_t b = 0; b < m_boneOf.size() && b < bodies.size(); ++b) {
        if (m_boneOf[b] < 0) continue;
        const double d = signedDistance(static_cast<int>(b), bodies[b].inverse().apply(pointInGround));
        if (d < best.distance) best = {d, static_cast<int>(b)};
    }
    return best;
}

} // namespace hv::bonegen
