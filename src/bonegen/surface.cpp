#include "bonegen/surface.hpp"

#include <meshoptimizer.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <thread>
#include <unordered_map>

namespace hv::bonegen {

namespace {

constexpr int kBlock = 8; // cells per block edge
constexpr int kSuper = 8; // blocks per super-block edge

// Runs f(i) for i in [0, n) on `threads` threads, each taking every threads-th index.
template <class F> void parallelFor(std::size_t n, int threads, F&& f) {
    threads = std::max(1, threads);
    if (threads == 1 || n < 64) {
        for (std::size_t i = 0; i < n; ++i) f(i);
        return;
    }
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            for (std::size_t i = static_cast<std::size_t>(t); i < n; i += static_cast<std::size_t>(threads)) f(i);
        });
    for (auto& th : pool) th.join();
}

struct Grid {
    Vec3 origin{0.0};
    double h = 0.001;
    int cells[3]{0, 0, 0};  // cells per axis
    int blocks[3]{0, 0, 0}; // blocks per axis (covering every node 0..cells)
    int supers[3]{0, 0, 0};

    std::size_t blockIndex(int bx, int by, int bz) const {
        return (static_cast<std::size_t>(bx) * blocks[1] + by) * blocks[2] + bz;
    }
    std::size_t blockCount() const { return static_cast<std::size_t>(blocks[0]) * blocks[1] * blocks[2]; }
    Vec3 node(int i, int j, int k) const { return origin + h * Vec3(i, j, k); }
    Aabb blockBox(int bx, int by, int bz) const {
        return {node(bx * kBlock, by * kBlock, bz * kBlock), node((bx + 1) * kBlock, (by + 1) * kBlock, (bz + 1) * kBlock)};
    }
    std::uint64_t nodeKey(int i, int j, int k) const {
        return (static_cast<std::uint64_t>(i) * static_cast<std::uint64_t>(cells[1] + 1) + static_cast<std::uint64_t>(j)) *
                   static_cast<std::uint64_t>(cells[2] + 1) +
               static_cast<std::uint64_t>(k);
    }
};

// Gradient of the distance at p (central differences), using the given primitives.
Vec3 gradient(const Sdf& sdf, const Vec3& p, std::span<const std::uint32_t> prims, double step) {
    Vec3 g;
    for (int c = 0; c < 3; ++c) {
        Vec3 d(0.0);
        d[c] = step;
        g[c] = (sdf.value(p + d, prims) - sdf.value(p - d, prims)) / (2.0 * step);
    }
    return g;
}

// The six tetrahedra of a cube around its diagonal from corner 0 to corner 7 (corner bits:
// x = 1, y = 2, z = 4); each is a monotone path 0 -> a -> b -> 7.
constexpr std::array<std::array<int, 4>, 6> kTets{{
    {0, 1, 3, 7}, {0, 1, 5, 7}, {0, 2, 3, 7}, {0, 2, 6, 7}, {0, 4, 5, 7}, {0, 4, 6, 7},
}};

// meshopt_simplify, then vertex-cache and vertex-fetch order; `remap` maps old vertex indices to
// new ones (~0u for dropped vertices).
void simplifyIndexed(TriangleMesh& mesh, std::size_t maxTriangles, double maxError, std::vector<std::uint32_t>& remap) {
    remap.assign(mesh.positions.size(), ~0u);
    if (mesh.indices.empty()) return;
    std::vector<float> pos(mesh.positions.size() * 3);
    for (std::size_t i = 0; i < mesh.positions.size(); ++i)
        for (int c = 0; c < 3; ++c) pos[i * 3 + static_cast<std::size_t>(c)] = static_cast<float>(mesh.positions[i][c]);
    const float scale = meshopt_simplifyScale(pos.data(), mesh.positions.size(), sizeof(float) * 3);
    std::vector<std::uint32_t> out(mesh.indices.size());
    float resultError = 0.0f;
    // The budget always wins: when the error bound would stop short of it, go on to the budget.
    const std::size_t target = std::min(mesh.indices.size(), maxTriangles * 3);
    const float error = maxError > 0.0 ? static_cast<float>(maxError) / scale : 1e30f;
    std::size_t n = meshopt_simplify(out.data(), mesh.indices.data(), mesh.indices.size(), pos.data(), mesh.positions.size(),
                                     sizeof(float) * 3, target, error, 0, &resultError);
    if (n > target)
        n = meshopt_simplify(out.data(), out.data(), n, pos.data(), mesh.positions.size(), sizeof(float) * 3, target, 1e30f, 0,
                             &resultError);
    out.resize(n);
    std::vector<std::uint32_t> kept; // triangles with three different corners
    kept.reserve(out.size());
    for (std::size_t t = 0; t + 2 < out.size(); t += 3)
        if (out[t] != out[t + 1] && out[t + 1] != out[t + 2] && out[t] != out[t + 2])
            kept.insert(kept.end(), {out[t], out[t + 1], out[t + 2]});
    meshopt_optimizeVertexCache(kept.data(), kept.data(), kept.size(), mesh.positions.size());
    const std::size_t unique = meshopt_optimizeVertexFetchRemap(remap.data(), kept.data(), kept.size(), mesh.positions.size());
    std::vector<Vec3> positions(unique), normals(mesh.normals.empty() ? 0 : unique);
    for (std::size_t i = 0; i < remap.size(); ++i) {
        if (remap[i] == ~0u) continue;
        positions[remap[i]] = mesh.positions[i];
        if (!normals.empty()) normals[remap[i]] = mesh.normals[i];
    }
    for (std::uint32_t& i : kept) i = remap[i];
    mesh.positions = std::move(positions);
    mesh.normals = std::move(normals);
    mesh.indices = std::move(kept);
}

} // namespace

TriangleMesh extractSurface(const Sdf& sdf, const Aabb& region, const ExtractionOptions& options) {
    TriangleMesh mesh;
    Grid g;
    g.h = options.cellSize;
    g.origin = region.lo;
    for (int a = 0; a < 3; ++a) {
        g.cells[a] = std::max(1, static_cast<int>(std::ceil((region.hi[a] - region.lo[a]) / g.h)));
        g.blocks[a] = g.cells[a] / kBlock + 1;
        g.supers[a] = (g.blocks[a] + kSuper - 1) / kSuper;
    }
    const double blockHalfDiagonal = 0.5 * std::sqrt(3.0) * kBlock * g.h;
    // A block may hold surface if |value at its centre| < 2 half-diagonals (distance bounds that
    // are up to twice too large stay safe); values must be exact within that band and a bit.
    const double activeLimit = 2.0 * blockHalfDiagonal;
    const double band = activeLimit + 2.0 * g.h;
    // Node values need to be exact only near the surface: where |value| < 3 cells (crossings,
    // their Newton steps and gradients); further away only their sign matters, and dropping a
    // primitive that is further than that from a node cannot change the sign there.
    const double nodeBand = 3.0 * g.h;

    // Primitive lists: per super-block, then per block.
    const std::size_t superCount = static_cast<std::size_t>(g.supers[0]) * g.supers[1] * g.supers[2];
    std::vector<std::vector<std::uint32_t>> superLists(superCount);
    parallelFor(superCount, options.threads, [&](std::size_t s) {
        const int sx = static_cast<int>(s / (static_cast<std::size_t>(g.supers[1]) * g.supers[2]));
        const int sy = static_cast<int>((s / g.supers[2]) % g.supers[1]);
        const int sz = static_cast<int>(s % g.supers[2]);
        const Aabb box{g.node(sx * kSuper * kBlock, sy * kSuper * kBlock, sz * kSuper * kBlock),
                       g.node((sx + 1) * kSuper * kBlock, (sy + 1) * kSuper * kBlock, (sz + 1) * kSuper * kBlock)};
        sdf.cull(box, band, superLists[s]);
    });
    const std::size_t blockCount = g.blockCount();
    std::vector<std::vector<std::uint32_t>> lists(blockCount);
    std::vector<char> active(blockCount, 0);
    parallelFor(blockCount, options.threads, [&](std::size_t b) {
        const int bx = static_cast<int>(b / (static_cast<std::size_t>(g.blocks[1]) * g.blocks[2]));
        const int by = static_cast<int>((b / g.blocks[2]) % g.blocks[1]);
        const int bz = static_cast<int>(b % g.blocks[2]);
        const std::size_t s = (static_cast<std::size_t>(bx / kSuper) * g.supers[1] + by / kSuper) * g.supers[2] + bz / kSuper;
        const Aabb box = g.blockBox(bx, by, bz);
        std::vector<std::uint32_t> wide;
        sdf.cull(superLists[s], box, band, wide);
        if (wide.empty()) return;
        const double d = sdf.value(0.5 * (box.lo + box.hi), wide);
        active[b] = std::abs(d) < activeLimit ? 1 : 0;
        sdf.cull(wide, box, nodeBand, lists[b]);
    });
    superLists.clear();

    // Node values of the active blocks and of their +x/+y/+z neighbours (cells reach one node
    // into them).
    std::vector<char> needed(blockCount, 0);
    for (int bx = 0; bx < g.blocks[0]; ++bx)
        for (int by = 0; by < g.blocks[1]; ++by)
            for (int bz = 0; bz < g.blocks[2]; ++bz) {
                if (!active[g.blockIndex(bx, by, bz)]) continue;
                for (int d = 0; d < 8; ++d) {
                    const int nx = bx + (d & 1), ny = by + ((d >> 1) & 1), nz = bz + ((d >> 2) & 1);
                    if (nx < g.blocks[0] && ny < g.blocks[1] && nz < g.blocks[2]) needed[g.blockIndex(nx, ny, nz)] = 1;
                }
            }
    std::vector<std::size_t> neededList;
    for (std::size_t b = 0; b < blockCount; ++b)
        if (needed[b]) neededList.push_back(b);
    std::vector<std::vector<float>> values(blockCount);
    parallelFor(neededList.size(), options.threads, [&](std::size_t n) {
        const std::size_t b = neededList[n];
        const int bx = static_cast<int>(b / (static_cast<std::size_t>(g.blocks[1]) * g.blocks[2]));
        const int by = static_cast<int>((b / g.blocks[2]) % g.blocks[1]);
        const int bz = static_cast<int>(b % g.blocks[2]);
        std::vector<float>& v = values[b];
        v.assign(kBlock * kBlock * kBlock, 1.0f);
        if (lists[b].empty()) return; // nothing near: outside
        // a neighbour that is not active itself only lends its first node layers to the cells
        // of the active blocks below it
        const bool whole = active[b] != 0;
        for (int i = 0; i < kBlock; ++i)
            for (int j = 0; j < kBlock; ++j)
                for (int k = 0; k < kBlock; ++k) {
                    if (!whole && i != 0 && j != 0 && k != 0) continue;
                    double d = sdf.value(g.node(bx * kBlock + i, by * kBlock + j, bz * kBlock + k), lists[b]);
                    // keep values away from exactly 0 so that every crossing lies strictly inside an edge
                    if (std::abs(d) < 1e-9) d = 1e-9;
                    v[(i * kBlock + j) * kBlock + k] = static_cast<float>(d);
                }
    });
    const auto valueAt = [&](int i, int j, int k) -> double {
        const std::size_t b = g.blockIndex(i / kBlock, j / kBlock, k / kBlock);
        const std::vector<float>& v = values[b];
        if (v.empty()) return 1.0;
        return static_cast<double>(v[((i % kBlock) * kBlock + (j % kBlock)) * kBlock + (k % kBlock)]);
    };

    // Marching tetrahedra.
    std::unordered_map<std::uint64_t, std::uint32_t> edgeVertex;
    std::vector<std::size_t> vertexBlock; // the block whose primitives refine each vertex
    const auto vertexOn = [&](const std::array<int, 3>& na, const std::array<int, 3>& nb, double va, double vb,
                              std::size_t block) -> std::uint32_t {
        // canonical: from the node with the smaller coordinates
        const bool swap = (na[0] + na[1] + na[2]) > (nb[0] + nb[1] + nb[2]);
        const auto& lo = swap ? nb : na;
        const auto& hi = swap ? na : nb;
        const int code = (hi[0] - lo[0]) + 2 * (hi[1] - lo[1]) + 4 * (hi[2] - lo[2]);
        const std::uint64_t key = g.nodeKey(lo[0], lo[1], lo[2]) * 8u + static_cast<std::uint64_t>(code);
        const auto it = edgeVertex.find(key);
        if (it != edgeVertex.end()) return it->second;
        // kept off the nodes, so that no triangle degenerates to a sliver (the Newton step later
        // puts the vertex on the surface anyway)
        const double t = std::clamp(va / (va - vb), 0.05, 0.95);
        const Vec3 pa = g.node(na[0], na[1], na[2]), pb = g.node(nb[0], nb[1], nb[2]);
        const auto index = static_cast<std::uint32_t>(mesh.positions.size());
        mesh.positions.push_back(pa + t * (pb - pa));
        vertexBlock.push_back(block);
        edgeVertex.emplace(key, index);
        return index;
    };
    for (int bx = 0; bx < g.blocks[0]; ++bx)
        for (int by = 0; by < g.blocks[1]; ++by)
            for (int bz = 0; bz < g.blocks[2]; ++bz) {
                const std::size_t b = g.blockIndex(bx, by, bz);
                if (!active[b]) continue;
                for (int i = bx * kBlock; i < std::min((bx + 1) * kBlock, g.cells[0]); ++i)
                    for (int j = by * kBlock; j < std::min((by + 1) * kBlock, g.cells[1]); ++j)
                        for (int k = bz * kBlock; k < std::min((bz + 1) * kBlock, g.cells[2]); ++k) {
                            std::array<double, 8> v{};
                            int inside = 0;
                            for (int c = 0; c < 8; ++c) {
                                v[static_cast<std::size_t>(c)] = valueAt(i + (c & 1), j + ((c >> 1) & 1), k + ((c >> 2) & 1));
                                inside += v[static_cast<std::size_t>(c)] < 0.0 ? 1 : 0;
                            }
                            if (inside == 0 || inside == 8) continue;
                            for (const auto& tet : kTets) {
                                std::array<int, 4> in{}, out{};
                                int nIn = 0, nOut = 0;
                                for (int c : tet) (v[static_cast<std::size_t>(c)] < 0.0 ? in[nIn++] : out[nOut++]) = c;
                                if (nIn == 0 || nOut == 0) continue;
                                const auto corner = [&](int c) {
                                    return std::array<int, 3>{i + (c & 1), j + ((c >> 1) & 1), k + ((c >> 2) & 1)};
                                };
                                const auto cross = [&](int a, int c) {
                                    return vertexOn(corner(a), corner(c), v[static_cast<std::size_t>(a)], v[static_cast<std::size_t>(c)], b);
                                };
                                // direction from inside to outside, to wind each triangle outwards
                                Vec3 inC(0.0), outC(0.0);
                                for (int q = 0; q < nIn; ++q) inC += Vec3(corner(in[q])[0], corner(in[q])[1], corner(in[q])[2]);
                                for (int q = 0; q < nOut; ++q) outC += Vec3(corner(out[q])[0], corner(out[q])[1], corner(out[q])[2]);
                                const Vec3 outward = outC / double(nOut) - inC / double(nIn);
                                const auto emit = [&](std::uint32_t p0, std::uint32_t p1, std::uint32_t p2) {
                                    const Vec3 n = glm::cross(mesh.positions[p1] - mesh.positions[p0], mesh.positions[p2] - mesh.positions[p0]);
                                    if (glm::dot(n, outward) < 0.0) std::swap(p1, p2);
                                    mesh.indices.insert(mesh.indices.end(), {p0, p1, p2});
                                };
                                if (nIn == 1) {
                                    emit(cross(in[0], out[0]), cross(in[0], out[1]), cross(in[0], out[2]));
                                } else if (nOut == 1) {
                                    emit(cross(in[0], out[0]), cross(in[1], out[0]), cross(in[2], out[0]));
                                } else {
                                    const std::uint32_t ac = cross(in[0], out[0]), ad = cross(in[0], out[1]);
                                    const std::uint32_t bd = cross(in[1], out[1]), bc = cross(in[1], out[0]);
                                    emit(ac, ad, bd);
                                    emit(ac, bd, bc);
                                }
                            }
                        }
            }

    // Simplify first (the crossings lie within a fraction of a cell of the surface already), then
    // refine only the vertices that remain.
    if (options.maxTriangles > 0) {
        std::vector<std::uint32_t> remap;
        simplifyIndexed(mesh, options.maxTriangles, options.maxError, remap);
        std::vector<std::size_t> blocks(mesh.positions.size());
        for (std::size_t i = 0; i < remap.size(); ++i)
            if (remap[i] != ~0u) blocks[remap[i]] = vertexBlock[i];
        vertexBlock = std::move(blocks);
    }
    // Move each crossing onto the zero level (one Newton step, at most half a cell) and take the
    // normal from the gradient there.
    mesh.normals.assign(mesh.positions.size(), Vec3(0.0));
    const double step = 0.25 * g.h;
    parallelFor(mesh.positions.size(), options.threads, [&](std::size_t vi) {
        const auto& prims = lists[vertexBlock[vi]];
        Vec3 p = mesh.positions[vi];
        const double d = sdf.value(p, prims);
        Vec3 grad = gradient(sdf, p, prims, step);
        const double len2 = glm::dot(grad, grad);
        if (len2 > 1e-12) {
            Vec3 move = -d * grad / len2;
            const double m = glm::length(move);
            if (m > 0.5 * g.h) move *= 0.5 * g.h / m;
            p += move;
            grad = gradient(sdf, p, prims, step);
        }
        mesh.positions[vi] = p;
        const double len = glm::length(grad);
        mesh.normals[vi] = len > 1e-12 ? grad / len : Vec3(0, 1, 0);
    });
    return mesh;
}

void simplifyMesh(TriangleMesh& mesh, std::size_t maxTriangles, double maxError) {
    std::vector<std::uint32_t> remap;
    simplifyIndexed(mesh, maxTriangles, maxError, remap);
}

void sdfNormals(const Sdf& sdf, TriangleMesh& mesh, double step) {
    mesh.normals.resize(mesh.positions.size());
    std::vector<std::uint32_t> prims;
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        const Vec3& p = mesh.positions[i];
        sdf.cull(Aabb{p, p}, 4.0 * step, prims);
        const Vec3 grad = gradient(sdf, p, prims, step);
        const double len = glm::length(grad);
        mesh.normals[i] = len > 1e-12 ? grad / len : Vec3(0, 1, 0);
    }
}

} // namespace hv::bonegen
