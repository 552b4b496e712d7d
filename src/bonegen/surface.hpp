// From a signed distance function to a triangle mesh, and from a dense mesh to a light one.
//
// Extraction: marching tetrahedra on a sparse grid. Space is cut into blocks of 8x8x8 cells; a
// block is evaluated only if the surface can pass through it (|value at its centre| below its
// half-diagonal, with a safety factor for the distance bounds), and each block evaluates only
// the primitives near it (Sdf::cull). Every cube is split into six tetrahedra around its main
// diagonal (Freudenthal-Kuhn), so neighbouring cubes cut their shared faces the same way and
// the surface is closed and manifold; each crossing is placed by linear interpolation along its
// edge and then moved onto the zero level by a Newton step. Normals are the normalised
// gradient of the distance function (central differences). Triangles are wound counter-
// clockwise seen from outside (positive side).
//
// Simplification: meshoptimizer's edge-collapse simplifier (Garland and Heckbert 1997 error
// quadrics, as implemented by meshopt_simplify), then vertex-cache and vertex-fetch ordering.
//
// Deterministic: the same inputs give the same mesh, bit for bit, whatever the thread count.
#pragma once

#include "bonegen/sdf.hpp"

#include <cstdint>
#include <vector>

namespace hv::bonegen {

struct TriangleMesh {
    std::vector<Vec3> positions; // metres
    std::vector<Vec3> normals;   // unit, outward
    std::vector<std::uint32_t> indices;
    std::size_t triangleCount() const { return indices.size() / 3; }
};

struct ExtractionOptions {
    double cellSize = 0.001; // metres
    int threads = 2;
    // Simplification (0: none): down to this many triangles or until the geometric error would
    // exceed maxError, whichever comes first; never more triangles than this, though.
    std::size_t maxTriangles = 0;
    double maxError = 0.0002; // metres
};

// The zero surface of `sdf` inside `region`, simplified as the options ask, its vertices then
// moved onto the zero level, with gradient normals. Empty if the surface does not cross it.
TriangleMesh extractSurface(const Sdf& sdf, const Aabb& region, const ExtractionOptions& options);

// Reduces `mesh` to at most `maxTriangles` while the geometric error stays under `maxError`
// metres (whichever stops first), drops unused vertices and orders for the GPU caches.
void simplifyMesh(TriangleMesh& mesh, std::size_t maxTriangles, double maxError);

// Recomputes normals from the distance function's gradient at each vertex.
void sdfNormals(const Sdf& sdf, TriangleMesh& mesh, double step);

} // namespace hv::bonegen
