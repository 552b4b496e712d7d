// Conformance: the Khronos glTF validator (npm package gltf-validator, tools/test-tools) finds
// no errors and no warnings in assets/hip.glb.
#include "model_fixture.hpp"

#include "support/run_process.hpp"

#include <filesystem>

TEST_CASE("the Khronos glTF validator reports no errors and no warnings for assets/hip.glb") {
    const std::filesystem::path tools = HV_SOURCE_DIR "/tools/test-tools";
    if (!std::filesystem::exists(tools / "node_modules" / "gltf-validator")) {
        MESSAGE("skipped: the validator is not installed (sh tools/setup.sh test, or npm ci --prefix tools/test-tools)");
        return;
    }
    if (hv::test::runProcess("node --version > /dev/null 2>&1").exitCode != 0) {
        MESSAGE("skipped: node is not installed");
        return;
    }
    const auto r = hv::test::runProcess("node " + (tools / "validate_gltf.mjs").string() + " " + hv::test::assetPath() + " 2>&1");
    MESSAGE("gltf-validator: " << r.out);
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("\"errors\":0") != std::string::npos);
    CHECK(r.out.find("\"warnings\":0") != std::string::npos);
}
