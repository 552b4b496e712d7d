// "Save figure" carries everything the window shows: for each window state (stretch map, role
// colours about a chosen coordinate, restricted hip, weak gluteus medius, bone shape, one side),
// the document's own picture and `hipview render` of the scene file that figureFromView() wrote
// are the same image. Each state is also checked to change the picture, so a state the figure
// dropped would fail the comparison.
#include "anatomy_draw/callout_planner.hpp"
#include "anatomy_draw/standard_view.hpp"
#include "gfx/camera.hpp"
#include "anatomy_draw/figure_spec.hpp"
#include "core/bone_parameters.hpp"
#include "core/math.hpp"
#include "document/document.hpp"
#include "document/document_fixture.hpp"
#include "document/figure_export.hpp"
#include "document/orbit_camera.hpp"
#include "io/atomic_file.hpp"
#include "render/render_support.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <functional>

using namespace hv;
using namespace hv::doc;

namespace {

constexpr int kWidth = 480, kHeight = 270;

struct WindowState {
    const char* name;
    std::function<void(Document&)> set;
};

// The picture the document draws for `spec`'s camera, in this process.
scene::Image documentPicture(render::FigureRenderer& r, Document& d, const draw::FigureSpec& spec) {
    const draw::DrawList& list = d.drawList(Detail::Full);
    const gfx::Camera camera = draw::figureCamera(spec, gfx::focusBounds(list.items));
    render::FigureOptions o;
    o.width = spec.width;
    o.height = spec.height;
    return r.render(list.items, camera, o, draw::figureCallouts(list, camera)).image;
}

Document defaultModelDocument() {
    return Document(test::uiContent(), &test::uiMovements(), HV_SOURCE_DIR "/assets/hip.glb");
}

void pausedAt(Document& d, const char* movement, double t) {
    REQUIRE(d.startMovement(movement));
    d.playback.playing = false;
    d.seek(t);
}

} // namespace

TEST_CASE("every window state saves a figure that hipview render turns into the same picture") {
    render::FigureRenderer* renderer = test::figureRenderer();
    if (!renderer) return;
    const test::TempDir dir;
    const std::vector<WindowState> states = {
        {"stretch map on figure-4",
         [](Document& d) {
             pausedAt(d, "figure-4", 2.0);
             d.colourMode = draw::ColourMode::Stretch;
         }},
        {"role colours about hip adduction at 60 degrees of flexion",
         [](Document& d) {
             d.manualPose[static_cast<std::size_t>(test::coord("hip_flexion_r"))] = toRadians(60.0);
             d.colourMode = draw::ColourMode::Role;
             d.roleDof = HipDof::Adduction;
         }},
        {"hip hinge with both hips restricted to 25 degrees of flexion",
         [](Document& d) {
             pausedAt(d, "hip-hinge", 1.5);
             d.playback.restriction[0][0] = {true, -20.0, 25.0};
             d.playback.restriction[1][0] = {true, -20.0, 25.0};
             d.seek(1.5);
         }},
        {"single-leg stance with a weak gluteus medius",
         [](Document& d) {
             pausedAt(d, "single-leg-stance", 2.0);
             d.playback.gluteusMediusStrength = movement::GluteusMediusStrength::both(0.2);
             d.seek(2.0);
         }},
        {"bone shape with 35 degrees of femoral anteversion",
         [](Document& d) {
             BoneParameters p = d.baseContent().boneParameters.defaults();
             p.anteversion = toRadians(35.0);
             d.setBoneParameters(p);
             d.finishBoneJob();
             d.select({"gluteus_medius", Side::Right, false});
         }},
        {"the right side only, piriformis selected",
         [](Document& d) {
             d.layers.sides = draw::SideFilter::RightOnly;
             d.select({"piriformis", Side::Right, false});
         }},
    };
    for (const WindowState& state : states) {
        CAPTURE(state.name);
        Document d = defaultModelDocument();
        state.set(d);
        OrbitCamera camera;
        camera.setView(draw::StandardView::Anterior);
        camera.orbit(35.0, 15.0);
        camera.frame(gfx::focusBounds(d.drawList().items), static_cast<float>(kWidth) / kHeight);
        FigureExportOptions fo;
        fo.output = "saved.png";
        fo.width = kWidth;
        fo.height = kHeight;
        fo.labels = false;
        std::vector<std::string> notes;
        const draw::FigureSpec spec = figureFromView(d, camera, fo, notes);
        CHECK(notes.empty());
        const scene::Image window = documentPicture(*renderer, d, spec);

        const std::string sceneFile = (dir.path() / "saved.toml").string();
        REQUIRE_FALSE(io::writeFileAtomic(sceneFile, draw::figureFileText(std::span(&spec, 1))).has_value());
        const auto run = test::runProcess(test::hipview() + " render " + sceneFile + " 2>&1");
        INFO(run.out);
        REQUIRE(run.exitCode == 0);
        scene::Image rendered;
        REQUIRE(test::readPng((dir.path() / "saved.png").string(), rendered));
        const test::ImageDiff same = test::compareImages(window, rendered);
        CHECK(same.meanAbs < 0.5);
        CHECK(same.fractionOver < 0.002);

        // The same view without the state: a different picture (the state is visible).
        Document plain = defaultModelDocument();
        plain.layers.sides = draw::SideFilter::Both;
        draw::FigureSpec without = spec;
        without.colour = "groups";
        without.restrict.clear();
        without.gluteusMediusStrength = movement::GluteusMediusStrength::both(1.0);
        without.anatomy.clear();
        without.side = "both";
        REQUIRE(applyFigure(plain, without).empty());
        if (!spec.highlight.empty()) plain.select(d.selection);
        const test::ImageDiff differs = test::compareImages(window, documentPicture(*renderer, plain, without));
        CHECK(differs.fractionOver > 0.002);
    }
}
