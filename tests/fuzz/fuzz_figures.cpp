// Scene files for `hipview render SCENE.toml` (anatomy_draw/figure_spec.hpp), parsed against the
// project's content the way the render command reads them, then taken as far as the command goes
// before OpenGL: validation, draw options, pose, the movement a figure names, the draw list
// (stand-in bones and muscle solids at the figure's pose, every other figure), framing and the
// camera. Checked: no crash, leak or UB; refusals name the file; accepted figures pass
// validateFigure() and their pose parses; writing the figures out and reading them back is a fixed
// point (what "Save figure..." and --save-scene write re-renders the same).
#include "content_fixture.hpp"
#include "fuzz_support.hpp"

#include "anatomy_draw/anatomy_drawer.hpp"
#include "anatomy_draw/figure_spec.hpp"
#include "gfx/camera.hpp"
#include "movement/loader.hpp"
#include "movement/player.hpp"

using namespace hv;

namespace {

const movement::MovementLibrary& movements() {
    static const movement::MovementLibrary library = [] {
        const Content& c = hv::fuzz::projectContent();
        auto load = movement::loadMovements(movement::defaultMovementFile(c), c);
        if (!load.library) hv::fuzz::fuzzFail("the project's movements do not load");
        return std::move(*load.library);
    }();
    return library;
}

const draw::AnatomyDrawer& drawer() {
    static const draw::AnatomyDrawer d(hv::fuzz::projectContent());
    return d;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)movements();
    (void)drawer();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Content& content = hv::fuzz::projectContent();
    const std::string name = "figures/scene.toml";
    const std::filesystem::path base = "/figures";
    const draw::FigureFileLoad load =
        draw::parseFigureText(hv::fuzz::asText(data, size), name, base, &content);
    if (!load.figures && load.diagnostics.empty()) hv::fuzz::fuzzFail("refused without a diagnostic");
    for (const Diagnostic& d : load.diagnostics)
        if (d.file != name || d.message.empty())
            hv::fuzz::fuzzFail("a diagnostic naming another file or saying nothing", d.format());
    if (!load.figures) return 0;
    const std::vector<draw::FigureSpec>& figures = *load.figures;

    std::size_t built = 0;
    for (const draw::FigureSpec& spec : figures) {
        const Diagnostics problems = draw::validateFigure(spec, &content);
        if (!problems.empty())
            hv::fuzz::fuzzFail("an accepted figure fails validateFigure()", formatAll(problems));
        std::string error;
        auto q = draw::figurePose(spec, content.model, error);
        if (!q) hv::fuzz::fuzzFail("an accepted figure's pose does not parse", error);
        const draw::DrawOptions options = draw::figureDrawOptions(spec, content);
        if (!spec.movement.empty()) {
            if (const movement::Movement* m = movements().find(spec.movement))
                q = movement::samplePose(content.model, *m, spec.at).q;
        }
        if (built < 2) { // the draw list costs milliseconds: two figures per input
            ++built;
            const draw::DrawList list = drawer().build(*q, options);
            (void)draw::figureCamera(spec, gfx::focusBounds(list.items));
        } else {
            (void)draw::figureCamera(spec, scene::Bounds{});
        }
    }

    const std::string text = draw::figureFileText(figures);
    const draw::FigureFileLoad again = draw::parseFigureText(text, name, base, &content);
    if (!again.figures)
        hv::fuzz::fuzzFail("written figures do not read back", formatAll(again.diagnostics) + "\n" + text);
    if (again.figures->size() != figures.size())
        hv::fuzz::fuzzFail("written figures read back as another number of figures", text);
    const std::string text2 = draw::figureFileText(*again.figures);
    if (text2 != text)
        hv::fuzz::fuzzFail("written figures read back differently", text + "\n---\n" + text2);
    return 0;
}
