// The renderer on small synthetic scenes whose right pictures are known by hand: culling,
// skinning with 8 influences, morph targets, anti-aliasing, outline, ghosts, picking, and
// shader errors that name their file.
#include "render/detail/gl_program.hpp"
#include "render_support.hpp"

#include "io/model_loader.hpp"
#include "scene/evaluate.hpp"
#include "scene/geometry.hpp"

#include <doctest/doctest.h>

using namespace hv;
using namespace hv::gfx;

namespace {

constexpr int kW = 160, kH = 120;

Camera frontCamera() {
    Camera c;
    c.eye = {0, 0, 2};
    c.target = {0, 0, 0};
    c.nearZ = 0.1f;
    c.farZ = 10.0f;
    return c;
}

// A square in the z = 0 plane, counter-clockwise seen from +Z (so it faces the camera).
scene::Primitive square(float half, bool facingCamera = true) {
    scene::Primitive p;
    p.positions = {{-half, -half, 0}, {half, -half, 0}, {half, half, 0}, {-half, half, 0}};
    p.normals.assign(4, {0, 0, 1});
    p.indices = facingCamera ? std::vector<std::uint32_t>{0, 1, 2, 0, 2, 3} : std::vector<std::uint32_t>{0, 2, 1, 0, 3, 2};
    return p;
}

DrawItem itemOf(scene::Primitive p, std::uint32_t pick = 1) {
    DrawItem i;
    i.mesh = std::make_shared<const scene::Primitive>(std::move(p));
    i.pickId = pick;
    i.material.baseColor = {0.0f, 0.0f, 0.0f, 1.0f};
    for (const auto& v : i.mesh->positions) i.bounds.add(v);
    return i;
}

// Pick-id coverage box of the id image (pixels), or an empty box.
struct Box {
    int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
    int count = 0;
};
Box coverage(const std::vector<std::uint32_t>& ids, int w, std::uint32_t id) {
    Box b;
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == id) {
            const int x = static_cast<int>(i % static_cast<std::size_t>(w)), y = static_cast<int>(i / static_cast<std::size_t>(w));
            b.x0 = std::min(b.x0, x), b.y0 = std::min(b.y0, y), b.x1 = std::max(b.x1, x), b.y1 = std::max(b.y1, y);
            ++b.count;
        }
    return b;
}

scene::Image renderItems(std::span<const DrawItem> items, int samples = 4, glm::vec4 bg = {1, 1, 1, 1}) {
    render::FigureOptions o;
    o.width = kW;
    o.height = kH;
    o.samples = samples;
    o.background = bg;
    o.ambientOcclusion = false;
    return test::figureRenderer()->render(items, frontCamera(), o).image;
}

} // namespace

TEST_CASE("back faces are culled: a clockwise square is invisible unless its material is double-sided") {
    auto* fr = test::figureRenderer();
    if (!fr) return;
    std::vector<DrawItem> items{itemOf(square(0.2f, true), 1)};
    CHECK(coverage(fr->renderer().renderIds(items, frontCamera(), kW, kH), kW, 1).count > 1000);
    items = {itemOf(square(0.2f, false), 1)};
    CHECK(coverage(fr->renderer().renderIds(items, frontCamera(), kW, kH), kW, 1).count == 0);
    items[0].material.doubleSided = true;
    CHECK(coverage(fr->renderer().renderIds(items, frontCamera(), kW, kH), kW, 1).count > 1000);
}

TEST_CASE("GPU skinning with 8 influences puts vertices where CPU skinning does") {
    auto* fr = test::figureRenderer();
    if (!fr) return;
    // Eight joints each moving the square by a different offset; every vertex weighs all eight
    // equally (1/8), so the square moves by the mean offset: (0.1, -0.05, 0) here.
    scene::Primitive p = square(0.1f);
    p.influenceCount = 8;
    for (int v = 0; v < 4; ++v)
        for (int j = 0; j < 8; ++j) {
            p.joints.push_back(static_cast<std::uint16_t>(j));
            p.weights.push_back(0.125f);
        }
    std::vector<glm::mat4> mats;
    for (int j = 0; j < 8; ++j) {
        glm::mat4 m(1.0f);
        m[3] = glm::vec4(j < 4 ? 0.2f : 0.0f, j % 2 ? -0.1f : 0.0f, 0.0f, 1.0f);
        mats.push_back(m);
    }
    DrawItem item = itemOf(p, 7);
    item.jointMatrices = std::make_shared<const std::vector<glm::mat4>>(mats);
    REQUIRE(item.skinned());
    const auto cpu = scene::skinPositions(p, p.positions, mats);
    const Camera cam = frontCamera();
    glm::vec2 lo(1e9f), hi(-1e9f);
    for (const auto& v : cpu) {
        const glm::vec2 px = projectToPixels(cam, v, kW, kH);
        lo = glm::min(lo, px), hi = glm::max(hi, px);
    }
    std::vector<DrawItem> items{item};
    const Box b = coverage(fr->renderer().renderIds(items, cam, kW, kH), kW, 7);
    REQUIRE(b.count > 0);
    CHECK(std::abs(b.x0 - lo.x) <= 1.5f);
    CHECK(std::abs(b.x1 + 1 - hi.x) <= 1.5f);
    CHECK(std::abs(b.y0 - lo.y) <= 1.5f);
    CHECK(std::abs(b.y1 + 1 - hi.y) <= 1.5f);
}

TEST_CASE("a skinned glTF model (RiggedSimple) covers the pixels its CPU-skinned vertices project to") {
    auto* fr = test::figureRenderer();
    if (!fr) return;
    const std::string path = std::string(HV_SHARED_DIR) + "/testdata/models/gltf/RiggedSimple/RiggedSimple.glb";
    io::ModelLoad load = io::loadModel(path);
    if (!load.scene) {
        MESSAGE("skipped: " << path << " not available");
        return;
    }
    auto sceneModel = std::make_shared<const scene::Scene>(std::move(*load.scene));
    scene::EvaluateOptions eo;
    eo.animation = 0;
    eo.time = 0.5f;
    const scene::ScenePose pose = scene::evaluate(*sceneModel, eo);
    std::vector<DrawItem> items;
    std::vector<glm::vec3> cpu;
    for (int n : scene::displayedNodes(*sceneModel)) {
        const scene::Node& node = sceneModel->nodes[static_cast<std::size_t>(n)];
        if (node.mesh < 0) continue;
        for (std::size_t k = 0; k < sceneModel->meshes[static_cast<std::size_t>(node.mesh)].primitives.size(); ++k) {
            DrawItem i;
            i.mesh = MeshPtr(sceneModel, &sceneModel->meshes[static_cast<std::size_t>(node.mesh)].primitives[k]);
            i.transform = pose.world[static_cast<std::size_t>(n)];
            if (node.skin >= 0) i.jointMatrices = std::make_shared<const std::vector<glm::mat4>>(pose.skinMatrices[static_cast<std::size_t>(node.skin)]);
            i.pickId = 3;
            i.material.doubleSided = true;
            items.push_back(i);
            const auto posed = scene::posedPositions(*sceneModel, pose, n, static_cast<int>(k));
            cpu.insert(cpu.end(), posed.begin(), posed.end());
        }
    }
    REQUIRE(!items.empty());
    REQUIRE(items[0].skinned());
    scene::Bounds b;
    for (const auto& v : cpu) b.add(v);
    const Camera cam = frameBounds(b, ViewDirection{{0, 0, 1}, {0, 1, 0}}, float(kW) / kH);
    const auto ids = fr->renderer().renderIds(items, cam, kW, kH, true);
    int inside = 0, total = 0;
    for (const auto& v : cpu) {
        const glm::vec2 px = projectToPixels(cam, v, kW, kH);
        const int x = std::clamp(static_cast<int>(px.x), 0, kW - 1), y = std::clamp(static_cast<int>(px.y), 0, kH - 1);
        // Silhouette vertices may fall on the boundary: look at the pixel and its neighbours.
        bool hit = false;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) {
                const int xx = std::clamp(x + dx, 0, kW - 1), yy = std::clamp(y + dy, 0, kH - 1);
                hit |= ids[static_cast<std::size_t>(yy * kW + xx)] == 3;
            }
        inside += hit ? 1 : 0;
        ++total;
    }
    CHECK(inside >= total * 98 / 100);
}

TEST_CASE("a morph target moves the surface by its weight") {
    auto* fr = test::figureRenderer();
    if (!fr) return;
    scene::Primitive p = square(0.1f);
    scene::MorphTarget t;
    t.positionDeltas.assign(4, glm::vec3(0.2f, 0.0f, 0.0f));
    p.morphTargets.push_back(t);
    DrawItem item = itemOf(p, 4);
    std::vector<DrawItem> items{item};
    const Box rest = coverage(fr->renderer().renderIds(items, frontCamera(), kW, kH), kW, 4);
    items[0].morphWeights = {0.5f};
    const Box half = coverage(fr->renderer().renderIds(items, frontCamera(), kW, kH), kW, 4);
    REQUIRE(rest.count > 0);
    REQUIRE(half.count > 0);
    // 0.1 m at 2 m with a 24 degree field of view is 0.1 / (2 tan 12 deg) * 120 / 2 = 14.1 px.
    CHECK(std::abs((half.x0 - rest.x0) - 14.1) <= 1.5);
    CHECK(half.count == doctest::Approx(rest.count).epsilon(0.05));
}

TEST_CASE("multisampling smooths edges: intermediate greys appear only with it") {
    if (!test::figureRenderer()) return;
    // A rotated square, so its edges are not aligned with pixels.
    scene::Primitive p = square(0.2f);
    for (auto& v : p.positions) v = glm::vec3(0.8f * v.x - 0.6f * v.y, 0.6f * v.x + 0.8f * v.y, 0.0f);
    std::vector<DrawItem> items{itemOf(p)};
    // Count pixels between the square's own colour (centre) and the background (corner).
    const auto greys = [](const scene::Image& im) {
        const int inside = test::pixel(im, kW / 2, kH / 2)[1], outside = test::pixel(im, 0, 0)[1];
        const int lo = std::min(inside, outside), hi = std::max(inside, outside), margin = (hi - lo) / 5;
        int n = 0;
        for (std::size_t i = 0; i < im.rgba.size(); i += 4) n += (im.rgba[i + 1] > lo + margin && im.rgba[i + 1] < hi - margin) ? 1 : 0;
        return n;
    };
    const int aliased = greys(renderItems(items, 1));
    const int smooth = greys(renderItems(items, 4));
    CHECK(aliased < 10);
    CHECK(smooth > 100);
}

TEST_CASE("an outlined item gets a coloured rim outside its silhouette, others do not") {
    if (!test::figureRenderer()) return;
    // A closed cube with smooth (corner) normals, turned so its silhouette is not a square.
    scene::Primitive cube;
    const glm::vec3 c[8] = {{-.15f, -.15f, -.15f}, {.15f, -.15f, -.15f}, {.15f, .15f, -.15f}, {-.15f, .15f, -.15f},
                            {-.15f, -.15f, .15f},  {.15f, -.15f, .15f},  {.15f, .15f, .15f},  {-.15f, .15f, .15f}};
    const int faces[6][4] = {{4, 5, 6, 7}, {1, 0, 3, 2}, {5, 1, 2, 6}, {0, 4, 7, 3}, {7, 6, 2, 3}, {0, 1, 5, 4}};
    for (const auto& f : faces) {
        const auto base = static_cast<std::uint32_t>(cube.positions.size());
        for (int k = 0; k < 4; ++k) cube.positions.push_back(c[f[k]]), cube.normals.push_back(glm::normalize(c[f[k]]));
        cube.indices.insert(cube.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
    }
    std::vector<DrawItem> items{itemOf(cube)};
    items[0].material.kind = MaterialKind::Muscle;
    items[0].material.baseColor = {0.1f, 0.1f, 0.6f, 1.0f};
    items[0].transform = glm::mat4(glm::mat3(glm::vec3(0.8f, 0.0f, -0.6f), glm::vec3(0, 1, 0), glm::vec3(0.6f, 0.0f, 0.8f)));
    const auto rimPixels = [](const scene::Image& im) {
        int n = 0;
        for (std::size_t i = 0; i < im.rgba.size(); i += 4)
            n += (im.rgba[i] > 200 && im.rgba[i + 1] > 150 && im.rgba[i + 2] < 120) ? 1 : 0; // amber
        return n;
    };
    CHECK(rimPixels(renderItems(items)) == 0);
    items[0].flags = kHighlighted | kOutlined;
    const scene::Image im = renderItems(items);
    CHECK(rimPixels(im) > 40); // a 1.5-pixel rim around a cube about 40 pixels across
}

TEST_CASE("a ghosted item is see-through: it lets the background through on a transparent figure") {
    if (!test::figureRenderer()) return;
    std::vector<DrawItem> items{itemOf(square(0.2f))};
    items[0].material.kind = MaterialKind::Muscle;
    items[0].material.baseColor = {0.6f, 0.1f, 0.1f, 1.0f};
    const scene::Image solid = renderItems(items, 4, {0, 0, 0, 0});
    items[0].flags = kGhosted;
    const scene::Image ghost = renderItems(items, 4, {0, 0, 0, 0});
    CHECK(test::pixel(solid, kW / 2, kH / 2)[3] == 255);
    const int a = test::pixel(ghost, kW / 2, kH / 2)[3];
    CHECK(a > 0);
    CHECK(a < 128);
    // Ghosts never hide what is behind them from picking.
    auto* fr = test::figureRenderer();
    CHECK(coverage(fr->renderer().renderIds(items, frontCamera(), kW, kH, false), kW, 1).count == 0);
    CHECK(coverage(fr->renderer().renderIds(items, frontCamera(), kW, kH, true), kW, 1).count > 1000);
}

TEST_CASE("picking returns the nearest item's id under the cursor, 0 on the background") {
    auto* fr = test::figureRenderer();
    if (!fr) return;
    DrawItem back = itemOf(square(0.3f), 11);
    back.transform[3] = glm::vec4(0, 0, -0.2f, 1);
    DrawItem front = itemOf(square(0.1f), 12);
    std::vector<DrawItem> items{back, front};
    CHECK(fr->renderer().pick(items, frontCamera(), kW, kH, kW / 2, kH / 2) == 12);
    CHECK(fr->renderer().pick(items, frontCamera(), kW, kH, kW / 2 + 25, kH / 2) == 11);
    CHECK(fr->renderer().pick(items, frontCamera(), kW, kH, 2, 2) == 0);
}

TEST_CASE("a shader that fails to compile is reported with its file name") {
    if (!test::figureRenderer()) return;
    render::detail::GlProgram p;
    std::string error;
    const bool ok = p.buildFromSource("good.vert", "#version 330 core\nvoid main() { gl_Position = vec4(0.0); }\n",
                                      "broken.frag", "#version 330 core\nout vec4 c;\nvoid main() { c = vec4(oops); }\n", error);
    CHECK(!ok);
    CHECK(error.find("broken.frag: ") != std::string::npos);
    CHECK(p.build("mesh.vert", "no_such_shader.frag", error) == false);
    CHECK(error.find("no_such_shader.frag") != std::string::npos);
    // Every embedded shader pair the renderer uses builds.
    for (const char* variant : {"SURFACE_GENERIC", "SURFACE_MUSCLE", "SURFACE_GHOST", "SURFACE_FLAT"}) {
        render::detail::GlProgram q;
        INFO(variant);
        CHECK(q.build("mesh.vert", "surface.frag", std::string("#define ") + variant + " 1\n", error));
    }
    for (const auto& [vs, fs] : {std::pair{"mesh.vert", "prepass.frag"}, {"mesh.vert", "id.frag"},
                                 {"fullscreen.vert", "ssao.frag"}, {"fullscreen.vert", "blur.frag"},
                                 {"fullscreen.vert", "downsample.frag"}}) {
        render::detail::GlProgram q;
        INFO(vs << " + " << fs);
        CHECK(q.build(vs, fs, error));
    }
}

TEST_CASE("a banded muscle shows pale bands across its length and a plain one does not") {
    if (!test::figureRenderer()) return;
    // A square whose texcoord0.x runs from 0 (left) to 1 (right), all belly, in a deep blue.
    scene::Primitive sq = square(0.6f);
    sq.texcoords0 = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    std::vector<DrawItem> items{itemOf(sq)};
    items[0].material.kind = MaterialKind::Muscle;
    items[0].material.baseColor = {0.0f, 0.17f, 0.45f, 1.0f};
    // Along the middle row: how many times the red channel swings between dark (the colour) and
    // pale (a band), with hysteresis so shading noise does not count.
    const auto swings = [](const scene::Image& im) {
        const int y = im.height / 2;
        int n = 0, state = 0;
        for (int x = 0; x < im.width; ++x) {
            const int r = im.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(im.width) + static_cast<std::size_t>(x)) * 4];
            if (r > 150 && state != 1) n += state != 0, state = 1;
            else if (r < 80 && state != -1) n += state != 0, state = -1;
        }
        return n;
    };
    const int plain = swings(renderItems(items));
    items[0].material.banded = true;
    const int banded = swings(renderItems(items));
    MESSAGE("dark/pale swings along the square: plain " << plain << ", banded " << banded);
    CHECK(plain == 0);
    CHECK(banded >= 12); // ten bands along u: about two swings each
}
