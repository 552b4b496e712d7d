// Every malformed model of the shared corpus through the real command line (issue 7):
// `hipview inspect FILE` prints one clear message naming the file and the reason and exits 1;
// `hipview render --model FILE` refuses what it cannot draw with one such message and an exit
// status of 1 (no figure written), and draws what a file holds in part with the warnings named.
#include "support/collada_text.hpp"
#include "support/malformed_models.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <vector>

using hv::test::hipview;
using hv::test::kMalformedModels;
using hv::test::runProcess;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        if (!l.empty()) out.push_back(l);
    return out;
}

using Scratch = hv::test::TempDir;

struct Run {
    int exitCode;
    std::string out, err;
};

// Runs hipview with `arguments`, stdout and stderr apart.
Run run(const Scratch& s, const std::string& arguments) {
    const auto err = s.path() / "stderr.txt";
    const auto r = runProcess(hipview() + " " + arguments + " 2>" + err.string());
    return {r.exitCode, r.out, hv::test::readText(err)};
}

} // namespace

TEST_CASE("inspect: every malformed model gets one message naming the file and the reason, exit 1") {
    if (!hv::test::haveSharedModels()) return;
    Scratch s;
    for (const auto& m : kMalformedModels) {
        const std::string file = hv::test::sharedModels() + "/" + m.path;
        const Run r = run(s, "inspect '" + file + "'");
        CAPTURE(m.path);
        INFO(r.out << r.err);
        CHECK(r.exitCode == 1);
        const auto errs = lines(r.err);
        REQUIRE_FALSE(errs.empty());
        CHECK(errs[0].rfind(file + ":", 0) == 0); // the message starts with the file's name
        CHECK(contains(r.err, m.reason));
        if (!m.drawable) CHECK(errs.size() == 1);  // one message, not a cascade
        CHECK(contains(r.out, "read in part") == m.drawable);
    }
}

TEST_CASE("inspect: the good shared models and the default model are read whole, exit 0") {
    if (!hv::test::haveSharedModels()) return;
    Scratch s;
    const std::string models = hv::test::sharedModels();
    std::string files = HV_SOURCE_DIR "/assets/hip.glb";
    files = "'" + files + "'";
    int count = 1;
    for (const auto& e : std::filesystem::recursive_directory_iterator(models)) {
        const std::string ext = e.path().extension().string();
        if (e.path().string().find("/malformed/") != std::string::npos) continue;
        if (ext == ".glb" || ext == ".gltf" || ext == ".fbx" || ext == ".dae" || ext == ".X" || ext == ".obj" ||
            ext == ".stl") {
            files += " '" + e.path().string() + "'";
            ++count;
        }
    }
    const Run r = run(s, "inspect " + files);
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK(r.err.empty());
    std::size_t whole = 0;
    for (std::size_t at = 0; (at = r.out.find("read whole: no problems", at)) != std::string::npos; ++at) ++whole;
    CHECK(whole == static_cast<std::size_t>(count));
    CHECK(contains(r.out, "animations 3: \"Survey\""));
}

TEST_CASE("inspect --help describes the command, and a missing file or option is a usage error") {
    Scratch s;
    Run r = run(s, "inspect --help");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "usage: hipview inspect MODEL"));
    CHECK(contains(r.out, "Exits 0"));
    r = run(s, "--help");
    CHECK(contains(r.out, "inspect"));
    r = run(s, "inspect");
    CHECK(r.exitCode == 2);
    r = run(s, "inspect --nosuch x.glb");
    CHECK(r.exitCode == 2);
    r = run(s, "inspect " + (s.path() / "missing.glb").string());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "missing.glb: cannot open it"));
}

TEST_CASE("render --model: a malformed model it cannot draw gets one message naming the file and the "
          "reason, exit 1 and no figure, one it can draw in part is drawn with the warnings named") {
    if (!hv::test::haveSharedModels()) return;
    Scratch s;
    for (const auto& m : kMalformedModels) {
        const std::string file = hv::test::sharedModels() + "/" + m.path;
        const auto out = s.path() / "figure.png";
        const Run r = run(s, "render --size 64x64 --samples 1 --no-ao --model '" + file + "' -o " + out.string());
        CAPTURE(m.path);
        INFO(r.out << r.err);
        if (m.drawable && contains(r.err, "cannot render without OpenGL")) {
            MESSAGE("skipped drawing " << m.path << ": no OpenGL here");
            continue;
        }
        const auto errs = lines(r.err);
        REQUIRE_FALSE(errs.empty());
        CHECK(errs[0].rfind(file + ":", 0) == 0);
        CHECK(contains(r.err, m.reason));
        if (m.drawable) {
            CHECK(r.exitCode == 0);
            CHECK(std::filesystem::exists(out));
        } else {
            CHECK(r.exitCode >= 1);
            CHECK(r.exitCode <= 125);
            CHECK(errs.size() == 1);
            CHECK_FALSE(std::filesystem::exists(out));
        }
        std::filesystem::remove(out);
    }
}

TEST_CASE("inspect: a COLLADA file with vertices 1e28 m away says so naming the file and exits 1") {
    Scratch s;
    const auto file = s / "far.dae";
    hv::test::writeText(file, hv::test::colladaText({{{0, 0, 0, 1e28f, 0, 0, 0, 1e28f, 0}}}));
    const Run r = run(s, "inspect '" + file.string() + "'");
    INFO(r.out << r.err);
    CHECK(r.exitCode == 1);
    CHECK_FALSE(contains(r.out, "read whole"));
    const auto errs = lines(r.err);
    REQUIRE(errs.size() == 1);
    CHECK(errs[0].rfind(file.string() + ":", 0) == 0);
    CHECK(contains(errs[0], "nothing to draw"));
    CHECK(contains(errs[0], "span 1e+28 m"));
}

TEST_CASE("inspect: a far-off mesh beside a good one is read in part with the reason, exit 1") {
    Scratch s;
    const auto file = s / "mixed.dae";
    hv::test::writeText(file, hv::test::colladaText({{hv::test::smallTriangle()}, {{0, 0, 0, 5e27f, 0, 0, 0, 3e28f, 0}}}));
    const Run r = run(s, "inspect '" + file.string() + "'");
    INFO(r.out << r.err);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, "read in part: 1 problem"));
    CHECK(contains(r.err, file.string() + ": mesh 1 primitive 0: its vertices span"));
}

TEST_CASE("inspect: a COLLADA float_array whose count disagrees with its values names the file and line, exit 1") {
    Scratch s;
    const auto file = s / "count.dae";
    std::string text = hv::test::colladaText({{hv::test::smallTriangle()}});
    const std::string from = "-arr\" count=\"9\">";
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), "-arr\" count=\"900\">");
    hv::test::writeText(file, text);
    const Run r = run(s, "inspect '" + file.string() + "'");
    INFO(r.out << r.err);
    CHECK(r.exitCode == 1);
    CHECK_FALSE(contains(r.out, "read whole"));
    const auto errs = lines(r.err);
    REQUIRE(errs.size() == 1);
    CHECK(errs[0].rfind(file.string() + ":", 0) == 0);
    CHECK(contains(errs[0], "COLLADA line 5"));
    CHECK(contains(errs[0], "count=\"900\" but it holds 9 values"));
}

TEST_CASE("inspect: a COLLADA accessor reading past its float_array says the numbers, exit 1") {
    Scratch s;
    const auto file = s / "accessor.dae";
    std::string text = hv::test::colladaText({{hv::test::smallTriangle()}});
    const std::string from = "count=\"3\" stride=\"3\"";
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), "count=\"30\" stride=\"3\"");
    hv::test::writeText(file, text);
    const Run r = run(s, "inspect '" + file.string() + "'");
    INFO(r.out << r.err);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, file.string() + ":"));
    CHECK(contains(r.err, "count 30 x stride 3 from offset 0 reads past float_array \"g0-arr\", which holds 9 values"));
}
