// The content loader (hv::loadContent) on a folder in scratch space: the input's first byte picks
// which file the rest of it replaces (kFiles below), the other files are the project's own. The
// muscles folder holds the fuzzed muscle file (mode 0) beside a few of the project's muscles,
// which keeps one load at a few milliseconds. Checked: no crash, leak or UB in toml++ or our
// readers; a refused folder has diagnostics that name a file; accepted content is a model the
// core can pose and measure (paths, wraps, moment arms), both sides.
#include "content_fixture.hpp"
#include "fuzz_support.hpp"

#include <array>
#include <fstream>

namespace fs = std::filesystem;
using namespace hv;

namespace {

// Which file an input replaces; muscles/zz_fuzzed.toml sorts after the project's muscles.
constexpr std::array<const char*, 4> kFiles = {"muscles/zz_fuzzed.toml", "skeleton.toml",
                                               "sources.toml", "groups.toml"};

// Project muscles kept beside the fuzzed one: two with wrap cylinders, one plain.
constexpr std::array<const char*, 3> kMuscles = {"piriformis.toml", "gluteus_maximus.toml",
                                                 "gracilis.toml"};

fs::path g_dir;
std::array<std::string, kFiles.size()> g_originals; // "" for the fuzzed muscle (absent)

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeFile(const fs::path& p, std::string_view text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void setUp() {
    const fs::path src = hv::fuzz::sourceDir() / "content";
    g_dir = hv::fuzz::scratchDir() / "content";
    fs::create_directories(g_dir / "muscles");
    for (const char* f : {"skeleton.toml", "sources.toml", "groups.toml"})
        fs::copy_file(src / f, g_dir / f, fs::copy_options::overwrite_existing);
    for (const char* m : kMuscles)
        fs::copy_file(src / "muscles" / m, g_dir / "muscles" / m,
                      fs::copy_options::overwrite_existing);
    for (std::size_t i = 1; i < kFiles.size(); ++i)
        g_originals[i] = readFile(g_dir / kFiles[i]);
    const ContentLoad check = loadContent(g_dir);
    if (!check.content)
        hv::fuzz::fuzzFail("the fuzz content folder does not load as set up",
                           formatAll(check.diagnostics));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    setUp();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::size_t which = data[0] % kFiles.size();
    const fs::path file = g_dir / kFiles[which];
    writeFile(file, hv::fuzz::asText(data + 1, size - 1));
    const ContentLoad load = loadContent(g_dir);
    // Put the folder back first, so a failed check below leaves it as it was set up.
    if (which == 0)
        fs::remove(file);
    else
        writeFile(file, g_originals[which]);

    if (!load.content && load.diagnostics.empty()) hv::fuzz::fuzzFail("refused without a diagnostic");
    for (const Diagnostic& d : load.diagnostics)
        if (d.file.empty() || d.message.empty())
            hv::fuzz::fuzzFail("a diagnostic without a file or a message", d.format());
    if (load.content) {
        if (!load.diagnostics.empty()) hv::fuzz::fuzzFail("content with diagnostics");
        hv::fuzz::exerciseModel(load.content->model);
    }
    return 0;
}
