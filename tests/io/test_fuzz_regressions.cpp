// Regression tests for what the fuzz targets (tests/fuzz) found in hv_io, one case per bug, each
// named after it. The inputs are generated here (small, no third-party bytes).
#include "io/detail/loaders.hpp"
#include "io/detail/scene_serialize.hpp"
#include "io/model_loader.hpp"
#include "scene/validate.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <string>

using namespace hv;

namespace {

// A scene with one material named `marker`, one node, and one animation channel on it.
io::ModelLoad sceneWithMaterial(const std::string& marker) {
    scene::Scene s;
    s.nodes.resize(1);
    s.roots = {0};
    scene::Material m;
    m.name = marker;
    m.alphaMode = scene::AlphaMode::Mask;
    m.doubleSided = true;
    s.materials.push_back(m);
    scene::Animation a;
    a.name = "anim-" + marker;
    scene::AnimationChannel c;
    c.node = 0;
    c.path = scene::AnimationPath::Rotation;
    c.interpolation = scene::Interpolation::Step;
    c.times = {0.0f};
    c.values = {0.0f, 0.0f, 0.0f, 1.0f};
    a.channels.push_back(c);
    s.animations.push_back(a);
    io::ModelLoad load;
    load.scene = std::move(s);
    return load;
}

std::size_t find(const std::vector<std::uint8_t>& bytes, const std::string& text) {
    const auto it = std::search(bytes.begin(), bytes.end(), text.begin(), text.end());
    REQUIRE(it != bytes.end());
    return static_cast<std::size_t>(it - bytes.begin());
}

} // namespace

TEST_CASE("fuzz_scene_stream: bool and enum bytes out of range in a child's scene are refused, "
          "not loaded as invalid values (UBSan: load of value 255 for type bool)") {
    const std::string marker = "material-marker";
    const std::vector<std::uint8_t> good = io::detail::serializeModelLoad(sceneWithMaterial(marker));
    const auto back = io::detail::deserializeModelLoad(good);
    REQUIRE(back.has_value());
    REQUIRE(back->scene.has_value());
    CHECK(back->scene->materials.at(0).alphaMode == scene::AlphaMode::Mask);
    CHECK(back->scene->materials.at(0).doubleSided);

    // Material layout after the name: baseColor (16 bytes), texture (28), metallic and roughness
    // (8), alphaMode (1), alphaCutoff (4), doubleSided (1).
    const std::size_t alphaMode = find(good, marker) + marker.size() + 16 + 28 + 8;
    const std::size_t doubleSided = alphaMode + 1 + 4;
    REQUIRE(good[alphaMode] == static_cast<std::uint8_t>(scene::AlphaMode::Mask));
    REQUIRE(good[doubleSided] == 1);
    // Channel layout after the animation's name and the channel count: node (4), path (1),
    // interpolation (1).
    const std::size_t path = find(good, "anim-" + marker) + marker.size() + 5 + 8 + 4;
    REQUIRE(good[path] == static_cast<std::uint8_t>(scene::AnimationPath::Rotation));
    REQUIRE(good[path + 1] == static_cast<std::uint8_t>(scene::Interpolation::Step));
    // The "has a scene" flag: the byte after the (empty) diagnostics list.
    const std::size_t hasScene = 4 + 8;
    REQUIRE(good[hasScene] == 1);

    for (const auto& [at, value] : {std::pair{doubleSided, 0xFF}, std::pair{doubleSided, 2},
                                    std::pair{alphaMode, 3}, std::pair{alphaMode, 0xFF},
                                    std::pair{path, 4}, std::pair{path + 1, 3},
                                    std::pair{hasScene, 0xFF}}) {
        std::vector<std::uint8_t> bad = good;
        bad[at] = static_cast<std::uint8_t>(value);
        CAPTURE(at);
        CAPTURE(value);
        CHECK_FALSE(io::detail::deserializeModelLoad(bad).has_value());
    }
}

TEST_CASE("fuzz_assimp: an empty file given to the Assimp back end is refused, not handed to "
          "Assimp's memory stream as a null buffer (UBSan: null pointer passed to memcpy)") {
    io::LoadLimits limits;
    limits.isolateAssimp = false;
    for (const char* name : {"/tmp/empty-model", "/tmp/empty-model.obj", "/tmp/empty-model.ply"}) {
        const io::ModelLoad r = io::detail::loadAssimp(name, name, {}, limits);
        CHECK_FALSE(r.ok());
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].file == name);
        CHECK(r.diagnostics[0].message == "the file is empty");
    }
}
