// Every file HipView writes is written atomically (io::writeFileAtomic): when the write fails the
// old file is left as it was and no temporary file remains (issue 7). The failure here is real
// and works for root too: the process runs with a file-size limit of 0 (`ulimit -f 0`, SIGXFSZ
// ignored), so every write() of a byte fails with EFBIG while creating, renaming and reading
// files still work. Each writer of the program is driven through its command: figures (PNG),
// animated GIFs, scene files (--save-scene), the baked model (bake), and the window's
// screenshot, scene file ("Save figure...") and state report under Xvfb.
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

using hv::test::hipview;
using hv::test::readText;
using hv::test::writeText;
using hv::test::runProcess;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// A scratch folder whose `/` gives strings, for command lines.
struct Scratch : hv::test::TempDir {
    std::string operator/(const std::string& name) const { return (path() / name).string(); }
    std::set<std::string> files() const {
        std::set<std::string> out;
        for (const auto& e : std::filesystem::directory_iterator(path())) out.insert(e.path().filename().string());
        return out;
    }
};

// `command` (a hipview command line, without "hipview") with writes failing; stdout and stderr.
hv::test::ProcessResult withoutDiskSpace(const std::string& command) {
    return runProcess("sh -c 'trap \"\" XFSZ; ulimit -f 0; exec " + hipview() + " " + command + "' 2>&1");
}

bool haveGl(const hv::test::ProcessResult& r) {
    if (!contains(r.out, "cannot render without OpenGL")) return true;
    MESSAGE("skipped: no OpenGL here");
    return false;
}

} // namespace

TEST_CASE("render: a figure, its GIF and its scene file that cannot be written leave the old files "
          "and no temporary file, the message names the file") {
    Scratch s;
    writeText(s / "fig.png", "the old figure");
    writeText(s / "fig.toml", "# the old scene file\n");
    auto r = withoutDiskSpace("render --size 120x90 --samples 1 --no-ao -o " + s / "fig.png" + " --save-scene " +
                              s / "fig.toml");
    INFO(r.out);
    if (!haveGl(r)) return;
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, s / "fig.toml"));
    CHECK(readText(s / "fig.toml") == "# the old scene file\n");
    CHECK(readText(s / "fig.png") == "the old figure");
    CHECK(s.files() == std::set<std::string>{"fig.png", "fig.toml"});

    // The figure alone (the scene file is written first and would stop the command).
    r = withoutDiskSpace("render --size 120x90 --samples 1 --no-ao -o " + s / "fig.png");
    INFO(r.out);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, s / "fig.png"));
    CHECK(contains(r.out, "File too large"));
    CHECK(readText(s / "fig.png") == "the old figure");
    CHECK(s.files() == std::set<std::string>{"fig.png", "fig.toml"});

    // An animation's frames and its GIF.
    writeText(s / "walk.gif", "the old GIF");
    writeText(s / "walk_0001.png", "the old frame");
    r = withoutDiskSpace("render --size 80x60 --samples 1 --no-ao --movement figure-4 --frames 3 --gif -o " +
                         s / "walk.png");
    INFO(r.out);
    CHECK(r.exitCode == 1);
    CHECK(readText(s / "walk.gif") == "the old GIF");
    CHECK(readText(s / "walk_0001.png") == "the old frame");
    CHECK(s.files() == std::set<std::string>{"fig.png", "fig.toml", "walk.gif", "walk_0001.png"});
}

TEST_CASE("bake: a model that cannot be written leaves the old file and no temporary file") {
    Scratch s;
    writeText(s / "hip.glb", "the old model");
    const auto r = withoutDiskSpace("bake -o " + s / "hip.glb");
    INFO(r.out);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, s / "hip.glb"));
    CHECK(readText(s / "hip.glb") == "the old model");
    CHECK(s.files() == std::set<std::string>{"hip.glb"});
}

TEST_CASE("the window: a screenshot, a scene file and a state report that cannot be written leave the "
          "old files, the window says so and exits 1") {
    if (runProcess("command -v xvfb-run >/dev/null 2>&1").exitCode != 0) {
        MESSAGE("skipped: xvfb-run is not installed");
        return;
    }
    Scratch s;
    writeText(s / "shot.png", "the old screenshot");
    writeText(s / "view.toml", "# the old scene file\n");
    writeText(s / "state.txt", "the old report");
    // The file-size limit applies to hipview only: Xvfb writes its keyboard map to /tmp.
    const std::string lock = (std::filesystem::temp_directory_path() / "hipview-xvfb-tests.lock").string();
    const auto r = runProcess("flock " + lock + " xvfb-run -a -s \"-screen 0 1280x800x24\" sh -c 'trap \"\" XFSZ; ulimit -f 0; exec " +
                              hipview() + " --size 640x480 --quit --screenshot " + s / "shot.png" + " --save-figure " +
                              s / "view.toml" + " --report-state " + s / "state.txt" + "' 2>&1");
    INFO(r.out);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, "shot.png"));
    CHECK(readText(s / "shot.png") == "the old screenshot");
    CHECK(readText(s / "view.toml") == "# the old scene file\n");
    CHECK(readText(s / "state.txt") == "the old report");
    CHECK(s.files() == std::set<std::string>{"shot.png", "view.toml", "state.txt"});
}
