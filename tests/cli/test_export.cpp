// hipview export: the figure as an animated GLB. The export of figure-4 passes the Khronos
// validator (when tools/test-tools is installed), HipView reads it back with the animation at
// the movement's duration and the content's ids as names, and bad options or an unwritable
// output give one message, a non-zero exit and no file.
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using hv::test::hipview;
using hv::test::runProcess;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string fileText(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("an export of figure-4 is a GLB that HipView reads back with the movement's animation and content ids") {
    hv::test::TempDir dir;
    const auto out = dir.path() / "figure4.glb";
    const auto r = runProcess(hipview() + " export --movement figure-4 --colour stretch -o " + out.string() + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    const std::string bytes = fileText(out);
    REQUIRE(bytes.size() > 20);
    CHECK(bytes.substr(0, 4) == "glTF");
    // Names are content ids; the asset says where it came from.
    CHECK(contains(bytes, "\"name\":\"piriformis_r\""));
    CHECK(contains(bytes, "\"name\":\"gluteus_medius_r_anterior\""));
    CHECK(contains(bytes, "\"name\":\"femur_r\""));
    CHECK(contains(bytes, "\"movement\":\"figure-4\""));
    CHECK(contains(bytes, "\"hipview\":"));
    CHECK(contains(bytes, "\"targets\":"));
    const auto inspect = runProcess(hipview() + " inspect " + out.string() + " 2>&1");
    INFO(inspect.out);
    CHECK(inspect.exitCode == 0);
    CHECK(contains(inspect.out, "animations 1: \"figure-4\" 14.00 s"));
    CHECK(contains(inspect.out, "read whole: no problems"));

    const std::filesystem::path tools = HV_SOURCE_DIR "/tools/test-tools";
    if (!std::filesystem::exists(tools / "node_modules" / "gltf-validator") ||
        runProcess("node --version > /dev/null 2>&1").exitCode != 0) {
        MESSAGE("validator skipped: node or gltf-validator is not installed (npm ci --prefix tools/test-tools)");
        return;
    }
    const auto v = runProcess("node " + (tools / "validate_gltf.mjs").string() + " " + out.string() + " 2>&1");
    INFO(v.out);
    CHECK(v.exitCode == 0);
    CHECK(contains(v.out, "\"errors\":0"));
    CHECK(contains(v.out, "\"warnings\":0"));
}

TEST_CASE("a still pose exports without an animation") {
    hv::test::TempDir dir;
    const auto out = dir.path() / "still.glb";
    const auto r = runProcess(hipview() + " export --pose hip_flexion_r=90 --highlight piriformis -o " + out.string() + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    const auto inspect = runProcess(hipview() + " inspect " + out.string() + " 2>&1");
    INFO(inspect.out);
    CHECK(contains(inspect.out, "animations 0"));
    CHECK(contains(fileText(out), "ghost_muscle_"));
}

TEST_CASE("an unknown movement muscle or layer or an unwritable output is one message with no file left") {
    hv::test::TempDir dir;
    const std::string out = (dir.path() / "x.glb").string();
    const auto movement = runProcess(hipview() + " export --movement no-such-stretch -o " + out + " 2>&1");
    CHECK(movement.exitCode == 2);
    CHECK(contains(movement.out, "--movement: unknown movement \"no-such-stretch\""));
    const auto muscle = runProcess(hipview() + " export --highlight no_such_muscle -o " + out + " 2>&1");
    CHECK(muscle.exitCode == 2);
    CHECK(contains(muscle.out, "no_such_muscle"));
    const auto layer = runProcess(hipview() + " export --show bogus -o " + out + " 2>&1");
    CHECK(layer.exitCode == 2);
    CHECK(contains(layer.out, "--show: unknown layer \"bogus\""));
    const auto type = runProcess(hipview() + " export -o " + (dir.path() / "x.png").string() + " 2>&1");
    CHECK(type.exitCode == 2);
    CHECK(contains(type.out, "must end in .glb"));
    CHECK(std::filesystem::is_empty(dir.path()));
    const auto unwritable = runProcess(hipview() + " export -o " + (dir.path() / "missing" / "x.glb").string() + " 2>&1");
    CHECK(unwritable.exitCode == 1);
    CHECK(contains(unwritable.out, "missing"));
    CHECK(std::filesystem::is_empty(dir.path()));
}
