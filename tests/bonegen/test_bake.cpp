// Baking: deterministic (a fresh bake equals the committed assets/hip.glb byte for byte), and the
// command line's errors.
#include "model_fixture.hpp"

#include "bonegen/bonegen.hpp"
#include "support/run_process.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <unistd.h>

using namespace hv;
namespace fs = std::filesystem;

namespace {

std::vector<std::uint8_t> readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

fs::path tempDir() {
    const fs::path d = fs::temp_directory_path() / ("hipview-bake-test-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

} // namespace

TEST_CASE("baking the default parameters again gives assets/hip.glb byte for byte") {
    const Content& content = test::projectContent();
    const std::vector<std::uint8_t> fresh = bonegen::bakeModel(content, content.boneParameters.defaults());
    const std::vector<std::uint8_t> committed = readBytes(test::assetPath());
    REQUIRE_MESSAGE(!committed.empty(), "assets/hip.glb is missing: run hipview bake -o assets/hip.glb");
    CHECK(fresh.size() == committed.size());
    std::size_t firstDifference = 0;
    while (firstDifference < std::min(fresh.size(), committed.size()) && fresh[firstDifference] == committed[firstDifference]) ++firstDifference;
    INFO("first difference at byte " << firstDifference << " (rebuild assets/hip.glb with hipview bake -o assets/hip.glb if the generator changed)");
    CHECK(fresh == committed);
}

TEST_CASE("hipview bake --help describes the command and its options") {
    const auto r = test::runProcess(test::hipview() + " bake --help 2>&1");
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("usage: hipview bake -o FILE.glb") != std::string::npos);
    CHECK(r.out.find("--anatomy") != std::string::npos);
    CHECK(r.out.find("neck_shaft") != std::string::npos);
}

TEST_CASE("hipview bake refuses an unwritable output path, names it, exits 1 and leaves no file") {
    const fs::path dir = tempDir() / "no-such-folder";
    const fs::path out = dir / "hip.glb";
    const auto r = test::runProcess(test::hipview() + " bake -o " + out.string() + " 2>&1");
    CHECK(r.exitCode == 1);
    CHECK(r.out.find(out.string()) != std::string::npos);
    CHECK_FALSE(fs::exists(out));
    CHECK_FALSE(fs::exists(dir));
    fs::remove_all(dir.parent_path());
}

TEST_CASE("hipview bake reports a bad command line: missing output, unknown or out-of-range anatomy") {
    auto r = test::runProcess(test::hipview() + " bake 2>&1");
    CHECK(r.exitCode == 2);
    CHECK(r.out.find("-o FILE") != std::string::npos);
    const fs::path out = tempDir() / "x.glb";
    r = test::runProcess(test::hipview() + " bake -o " + out.string() + " --anatomy antversion=20 2>&1");
    CHECK(r.exitCode == 2);
    CHECK(r.out.find("did you mean \"anteversion\"") != std::string::npos);
    r = test::runProcess(test::hipview() + " bake -o " + out.string() + " --anatomy neck_shaft=200 2>&1");
    CHECK(r.exitCode == 2);
    CHECK(r.out.find("neck_shaft must lie between") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
    fs::remove_all(out.parent_path());
}

namespace {

// The moment arm (mm) of one row of `hipview report`'s csv: muscle,part,side,...,dof,moment_arm_mm,...
double csvMomentArm(const std::string& csv, const std::string& part, const std::string& dof) {
    std::istringstream in(csv);
    std::string line;
    while (std::getline(in, line))
        if (line.find("," + part + ",") != std::string::npos && line.find("," + dof + ",") != std::string::npos) {
            std::vector<std::string> cells;
            std::stringstream s(line);
            std::string c;
            while (std::getline(s, c, ',')) cells.push_back(c);
            return std::stod(cells.at(6));
        }
    FAIL("no row for " << part << " " << dof << " in:\n" << csv);
    return 0.0;
}

} // namespace

TEST_CASE("hipview report --anatomy reshapes the bones first: a higher neck-shaft angle shortens gluteus medius' abduction moment arm") {
    const std::string base = test::hipview() + " report --muscle gluteus_medius --side r --sweep hip_flexion=0:0:5 --format csv";
    const auto normal = test::runProcess(base + " 2>&1");
    const auto valga = test::runProcess(base + " --anatomy neck_shaft=140 2>&1");
    REQUIRE(normal.exitCode == 0);
    REQUIRE(valga.exitCode == 0);
    const double r0 = csvMomentArm(normal.out, "middle", "hip_adduction");
    const double r1 = csvMomentArm(valga.out, "middle", "hip_adduction");
    CHECK(r0 < 0.0);
    CHECK(std::abs(r1) < std::abs(r0) - 1.0);
    const auto bad = test::runProcess(base + " --anatomy pelvis_width=90 2>&1");
    CHECK(bad.exitCode == 2);
    CHECK(bad.out.find("pelvis_width must lie between 200 and 300 mm") != std::string::npos);
}
