// COLLADA array counts checked before Assimp reads the file: a <float_array count="N"> that
// disagrees with the values it holds, or an <accessor> whose offset + count * stride reads past
// its array, is refused with the file, the line and the numbers (Assimp 5.2 would read past the
// array and produce garbage vertices).
#include "io/model_loader.hpp"

#include "support/collada_text.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace hv;
using hv::test::TempDir;

namespace {

// The one-triangle COLLADA text with `from` replaced by `to` (which must occur).
std::string edited(const std::string& from, const std::string& to) {
    std::string text = hv::test::colladaText({{hv::test::smallTriangle()}});
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

io::ModelLoad loadText(const TempDir& dir, const std::string& text) {
    const auto file = dir / "model.dae";
    hv::test::writeText(file, text);
    return io::loadModel(file);
}

} // namespace

TEST_CASE("a well-formed COLLADA triangle passes the count checks and loads") {
    TempDir dir;
    const io::ModelLoad load = loadText(dir, hv::test::colladaText({{hv::test::smallTriangle()}}));
    INFO(formatAll(load.diagnostics));
    REQUIRE(load.ok());
    CHECK(load.scene->meshes.size() == 1);
}

TEST_CASE("a float_array whose count exceeds its values is refused with the line and both numbers") {
    TempDir dir;
    const io::ModelLoad load = loadText(dir, edited("-arr\" count=\"9\">", "-arr\" count=\"12\">"));
    REQUIRE_FALSE(load.ok());
    REQUIRE(load.diagnostics.size() == 1);
    const Diagnostic& d = load.diagnostics[0];
    CHECK(d.file == (dir / "model.dae").string());
    CHECK(d.field == "COLLADA line 5, float_array \"g0-arr\"");
    CHECK(d.message == "count=\"12\" but it holds 9 values");
}

TEST_CASE("a float_array whose count is below its values is refused too") {
    TempDir dir;
    const io::ModelLoad load = loadText(dir, edited("-arr\" count=\"9\">", "-arr\" count=\"6\">"));
    REQUIRE_FALSE(load.ok());
    CHECK(load.diagnostics[0].message == "count=\"6\" but it holds 9 values");
}

TEST_CASE("an accessor whose count times stride reads past its float_array is refused") {
    TempDir dir;
    const io::ModelLoad load =
        loadText(dir, edited("count=\"3\" stride=\"3\"", "count=\"4\" stride=\"3\""));
    REQUIRE_FALSE(load.ok());
    REQUIRE(load.diagnostics.size() == 1);
    CHECK(load.diagnostics[0].field == "COLLADA line 5, accessor");
    CHECK(load.diagnostics[0].message ==
          "count 4 x stride 3 from offset 0 reads past float_array \"g0-arr\", which holds 9 values");
}

TEST_CASE("an accessor offset that pushes the last element past the array is refused") {
    TempDir dir;
    const io::ModelLoad load = loadText(dir, edited("stride=\"3\"", "stride=\"3\" offset=\"1\""));
    REQUIRE_FALSE(load.ok());
    CHECK(load.diagnostics[0].message.find("from offset 1 reads past") != std::string::npos);
}

TEST_CASE("a count that is not a whole number is refused naming the attribute") {
    TempDir dir;
    const io::ModelLoad load = loadText(dir, edited("-arr\" count=\"9\">", "-arr\" count=\"nine\">"));
    REQUIRE_FALSE(load.ok());
    CHECK(load.diagnostics[0].message == "count=\"nine\" is not a whole number");
}

TEST_CASE("single-quoted counts on their own line are read and a mismatch names the tag's line") {
    TempDir dir;
    const io::ModelLoad load =
        loadText(dir, edited("<float_array id=\"g0-arr\" count=\"9\">", "\n<float_array id='g0-arr'\n  count = '10'>"));
    REQUIRE_FALSE(load.ok());
    CHECK(load.diagnostics[0].field == "COLLADA line 6, float_array \"g0-arr\"");
    CHECK(load.diagnostics[0].message == "count=\"10\" but it holds 9 values");
}

TEST_CASE("a mismatched float_array inside an XML comment is not checked") {
    TempDir dir;
    const io::ModelLoad load = loadText(
        dir, edited("<library_geometries>", "<!-- <float_array id=\"x\" count=\"99\">1 2</float_array> -->\n<library_geometries>"));
    INFO(formatAll(load.diagnostics));
    CHECK(load.ok());
}
