// The window's 3D picture through a headless context (skipped where no EGL/OpenGL is available).
#include "ui/scene_view.hpp"

#include "render/headless_context.hpp"
#include "document/document.hpp"
#include "document/orbit_camera.hpp"

#include "document/document_fixture.hpp"

#include <epoxy/gl.h>

#include <cmath>

using namespace hv;
using namespace hv::ui;
using namespace hv::doc;

namespace {

struct Gl {
    std::unique_ptr<render::HeadlessContext> context;
    std::unique_ptr<render::Renderer> renderer;
};

Gl* gl() {
    static Gl g = [] {
        Gl x;
        std::string error;
        x.context = render::HeadlessContext::create(error);
        if (x.context) x.renderer = render::Renderer::create(error);
        if (!x.renderer) MESSAGE("skipped: no headless OpenGL here: " << error);
        return x;
    }();
    return g.renderer ? &g : nullptr;
}

double meanDifference(const scene::Image& a, const scene::Image& b) {
    double sum = 0.0;
    for (std::size_t i = 0; i < a.rgba.size(); ++i) sum += std::abs(int(a.rgba[i]) - int(b.rgba[i]));
    return sum / static_cast<double>(a.rgba.size());
}

std::size_t nonBackground(const scene::Image& im) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < im.rgba.size(); i += 4) n += im.rgba[i] < 240 || im.rgba[i + 1] < 240 || im.rgba[i + 2] < 240;
    return n;
}

} // namespace

TEST_CASE("a moving-quality picture, scaled into the viewport, shows the same figure as a full one") {
    Gl* g = gl();
    if (!g) return;
    Document doc(test::uiContent(), &test::uiMovements(), test::kNoDefaultModel);
    const int w = 320, h = 240;
    OrbitCamera camera;
    const draw::DrawList& full = doc.drawList(Detail::Full);
    camera.frame(gfx::framingBounds(full.items), static_cast<float>(w) / h);
    const gfx::Camera cam = camera.camera({});
    render::RenderSettings base;
    base.background = glm::vec4(1.0f);

    SceneView view(*g->renderer);
    view.draw(full.items, cam, w, h, Quality{1.0f, 1, false, true}, base);
    CHECK(view.pictureWidth() == w);
    const scene::Image sharp = view.readPicture();

    view.draw(doc.drawList(Detail::Coarse).items, cam, w, h, Quality{0.5f, 1, false, false}, base);
    CHECK(view.pictureWidth() == w / 2);
    CHECK(view.pictureHeight() == h / 2);
    render::OffscreenTarget window(w, h);
    glBindFramebuffer(GL_FRAMEBUFFER, window.framebuffer());
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    view.present(window.framebuffer(), 0, 0, w, h);
    const scene::Image scaled = window.read();

    // The figure covers a good part of the picture, and the scaled, lighter picture lines up with
    // the full one (a shifted or upside-down copy would differ by far more).
    CHECK(nonBackground(sharp) > static_cast<std::size_t>(w * h / 20));
    CHECK(nonBackground(scaled) > nonBackground(sharp) * 8 / 10);
    const double same = meanDifference(sharp, scaled);
    MESSAGE("mean difference, full vs scaled moving picture: " << same);
    CHECK(same < 12.0);
    scene::Image flipped = scaled;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w * 4; ++x)
            flipped.rgba[static_cast<std::size_t>(y * w * 4 + x)] = scaled.rgba[static_cast<std::size_t>((h - 1 - y) * w * 4 + x)];
    CHECK(meanDifference(sharp, flipped) > same * 2.0);
}

TEST_CASE("clicking picks the muscle under the cursor from the id image, empty space picks nothing") {
    Gl* g = gl();
    if (!g) return;
    Document doc(test::uiContent(), &test::uiMovements(), test::kNoDefaultModel);
    doc.select({"gluteus_maximus", Side::Right, false});
    const int w = 320, h = 240;
    OrbitCamera camera;
    camera.setView(draw::StandardView::Posterior);
    const draw::DrawList& list = doc.drawList();
    camera.frame(gfx::focusBounds(list.items), static_cast<float>(w) / h);
    const gfx::Camera cam = camera.camera({});
    SceneView view(*g->renderer);
    view.draw(list.items, cam, w, h, Quality{1.0f, 1, false, true}, render::RenderSettings{});
    // Where gluteus maximus (right) shows on screen: its label anchor, projected.
    REQUIRE(!list.labels.empty());
    const glm::vec2 px = gfx::projectToPixels(cam, list.labels[0].position, static_cast<float>(w), static_cast<float>(h));
    const std::uint32_t id = view.pickAt(list.items, cam, static_cast<int>(px.x), static_cast<int>(px.y));
    const Selection s = selectionFromPick(doc.model(), list, id);
    CHECK(s.muscleId == "gluteus_maximus");
    CHECK(s.side == Side::Right);
    CHECK(view.pickAt(list.items, cam, 1, 1) == 0);
    CHECK(view.pickAt(list.items, cam, -5, 10) == 0);
}

TEST_CASE("a solid (selected) muscle wins a click over the x-ray in front of it, an x-ray muscle wins over bone") {
    Gl* g = gl();
    if (!g) return;
    Document doc(test::uiContent(), &test::uiMovements(), test::kNoDefaultModel);
    doc.select({"piriformis", Side::Right, false});
    const int w = 320, h = 240;
    OrbitCamera camera;
    camera.setView(draw::StandardView::Posterior);
    const draw::DrawList& list = doc.drawList();
    camera.frame(gfx::focusBounds(list.items), static_cast<float>(w) / h);
    const gfx::Camera cam = camera.camera({});
    SceneView view(*g->renderer);
    view.draw(list.items, cam, w, h, Quality{1.0f, 1, false, true}, render::RenderSettings{});
    const auto muscleOf = [&](std::uint32_t id) {
        const draw::PickTarget* t = list.target(id);
        return t && t->kind == draw::PickTarget::Kind::MusclePart ? t->muscleId : std::string();
    };
    const auto isMuscle = [&](std::uint32_t id) { return !muscleOf(id).empty(); };
    const std::vector<std::uint32_t> solid = view.ids(list.items, cam, false);
    const std::vector<std::uint32_t> ghosts = view.ids(list.items, cam, true);
    std::size_t piriformisUnderXray = 0, xrayOverBone = 0;
    for (int y = 0; y < h; y += 2)
        for (int x = 0; x < w; x += 2) {
            const std::size_t i = static_cast<std::size_t>(y * w + x);
            const std::uint32_t picked = view.pickAt(list.items, cam, x, y, isMuscle);
            if (muscleOf(solid[i]) == "piriformis") {
                CHECK(picked == solid[i]);
                piriformisUnderXray += isMuscle(ghosts[i]) && ghosts[i] != solid[i];
            } else if (isMuscle(ghosts[i])) {
                CHECK(picked == ghosts[i]);
                xrayOverBone += 1;
            } else {
                CHECK(picked == solid[i]);
            }
        }
    // Seen from behind, gluteus maximus' x-ray lies over piriformis, and over the pelvis elsewhere.
    CHECK(piriformisUnderXray > 0);
    CHECK(xrayOverBone > 0);
}
