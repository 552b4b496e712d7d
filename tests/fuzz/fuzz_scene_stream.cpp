// The trust boundary of the Assimp path: the serialised scene a child process sends back to
// HipView (io/detail/scene_serialize.hpp). The child may have been corrupted by a hostile file
// without crashing, so the parent treats these bytes as hostile: deserializeModelLoad() must
// refuse anything short, long or inconsistent in its lengths, and whatever scene it returns and
// scene::validateScene() accepts must be safe for everything the viewer and renderer do with it
// (evaluation, animation, skinning, morphing, framing). Seeds: the shared models, loaded and
// serialised by hv_fuzz_seeds.
#include "fuzz_support.hpp"

#include "io/detail/scene_serialize.hpp"
#include "scene/validate.hpp"

using namespace hv;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::optional<io::ModelLoad> load =
        io::detail::deserializeModelLoad(std::span<const std::uint8_t>(data, size));
    if (!load || !load->scene) return 0;
    if (!scene::validateScene(*load->scene, 1).empty()) return 0; // the parent refuses it
    hv::fuzz::exerciseScene(*load->scene);
    // What was accepted serialises back to the same bytes (nothing was lost or invented).
    const std::vector<std::uint8_t> again = io::detail::serializeModelLoad(*load);
    if (again.size() != size || !std::equal(again.begin(), again.end(), data))
        hv::fuzz::fuzzFail("a deserialised scene does not serialise back to the same bytes");
    return 0;
}
