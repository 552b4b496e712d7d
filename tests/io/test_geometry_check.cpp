// Plausibility of loaded geometry (io/detail/geometry_check.hpp), through loadModel() on small
// COLLADA files written here: vertices far beyond any model's size, a mesh at one point, and a
// model too far from the origin for its size each get a message naming the file and the reason.
#include "io/model_loader.hpp"

#include "support/collada_text.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <string>

using hv::test::ColladaMesh;
using hv::test::colladaText;
using hv::test::smallTriangle;

namespace {

std::string everything(const hv::io::ModelLoad& load) {
    std::string out;
    for (const auto& d : load.diagnostics) out += d.format() + "\n";
    return out;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

} // namespace

TEST_CASE("a mesh with vertices 1e28 m away is left out and the model has nothing to draw, saying why") {
    hv::test::TempDir dir;
    const auto file = dir / "far.dae";
    std::vector<float> positions = smallTriangle();
    for (const float v : {0.0f, 0.0f, 0.0f, 1e28f, 0.0f, 0.0f, 0.0f, 1e28f, 0.0f}) positions.push_back(v);
    hv::test::writeText(file, colladaText({ColladaMesh{positions}}));
    const hv::io::ModelLoad load = hv::io::loadModel(file);
    INFO(everything(load));
    REQUIRE(load.ok());
    CHECK_FALSE(hv::io::hasTriangles(*load.scene));
    const auto none = hv::io::nothingToDraw(file.string(), load);
    REQUIRE(none.has_value());
    CHECK(none->file == file.string());
    CHECK(contains(none->message, "nothing to draw"));
    CHECK(contains(none->message, "mesh 0 primitive 0"));
    CHECK(contains(none->message, "span 1e+28 m"));
}

TEST_CASE("a far-off mesh beside a good one is left out with a warning and the good one stays") {
    hv::test::TempDir dir;
    const auto file = dir / "mixed.dae";
    hv::test::writeText(file, colladaText({ColladaMesh{smallTriangle()},
                                           ColladaMesh{{0, 0, 0, 5e27f, 0, 0, 0, 3e28f, 0}}}));
    const hv::io::ModelLoad load = hv::io::loadModel(file);
    INFO(everything(load));
    REQUIRE(load.ok());
    CHECK(hv::io::hasTriangles(*load.scene));
    CHECK_FALSE(hv::io::nothingToDraw(file.string(), load).has_value());
    REQUIRE(load.diagnostics.size() == 1);
    CHECK(load.diagnostics[0].file == file.string());
    CHECK(contains(load.diagnostics[0].message, "left out"));
    CHECK(contains(load.diagnostics[0].message, "more than the 1e+03 m a model may span"));
    CHECK(load.scene->warnings.size() == 1);
}

TEST_CASE("a mesh that its node places 1e14 m from the origin is left out naming the node") {
    hv::test::TempDir dir;
    const auto file = dir / "placed.dae";
    hv::test::writeText(file, colladaText({ColladaMesh{smallTriangle()}, ColladaMesh{smallTriangle(), 1e14f}}));
    const hv::io::ModelLoad load = hv::io::loadModel(file);
    INFO(everything(load));
    REQUIRE(load.ok());
    CHECK(hv::io::hasTriangles(*load.scene));
    CHECK(contains(everything(load), "as node "));
    CHECK(contains(everything(load), "from the origin"));
}

TEST_CASE("a mesh whose vertices all lie at one point is nothing to draw with the loader's reason") {
    hv::test::TempDir dir;
    const auto file = dir / "point.dae";
    hv::test::writeText(file, colladaText({ColladaMesh{{0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f}}}));
    const hv::io::ModelLoad load = hv::io::loadModel(file);
    INFO(everything(load));
    REQUIRE(load.ok());
    const auto none = hv::io::nothingToDraw(file.string(), load);
    REQUIRE(none.has_value());
    CHECK(contains(none->message, "every vertex lies at one point (0.5, 0.5, 0.5)"));
}

TEST_CASE("a small model far from the origin for its size is refused with the ratio") {
    hv::test::TempDir dir;
    const auto file = dir / "offset.dae";
    // A 1 mm triangle 500 m out: 500000 times its size.
    hv::test::writeText(file, colladaText({ColladaMesh{{500, 0, 0, 500.001f, 0, 0, 500, 0.001f, 0}}}));
    const hv::io::ModelLoad load = hv::io::loadModel(file);
    INFO(everything(load));
    CHECK_FALSE(load.ok());
    REQUIRE_FALSE(load.diagnostics.empty());
    CHECK(load.diagnostics[0].file == file.string());
    CHECK(contains(load.diagnostics[0].message, "from the origin"));
    CHECK(contains(load.diagnostics[0].message, "too far out"));
}

TEST_CASE("a plain small model passes the plausibility checks without a warning") {
    hv::test::TempDir dir;
    const auto file = dir / "good.dae";
    hv::test::writeText(file, colladaText({ColladaMesh{smallTriangle()}, ColladaMesh{smallTriangle(0.5f), 0.2f}}));
    const hv::io::ModelLoad load = hv::io::loadModel(file);
    INFO(everything(load));
    REQUIRE(load.ok());
    CHECK(load.diagnostics.empty());
    CHECK(hv::io::hasTriangles(*load.scene));
}
