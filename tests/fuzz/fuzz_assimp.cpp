// The Assimp path (FBX, COLLADA, .x, OBJ, STL, PLY, OFF, ...), in this process: the input's first
// byte picks the file's extension (hv::fuzz::kAssimpExtensions; the last entry is no extension, so
// the format is recognised by content), the rest is the file. It runs through io::detail::
// loadAssimp() with LoadLimits::isolateAssimp = false, i.e. our header checks (PLY, OFF, STL,
// IQM), the COLLADA pre-pass, the confined IOSystem, Assimp itself and our aiScene -> scene::
// Scene converter, all in this process so that libFuzzer sees their coverage and ASan/UBSan see
// our code's memory and arithmetic. Production runs Assimp in a child process; the parent side
// of that boundary (the serialised scene) has its own target, fuzz_scene_stream.
//
// Debian's libassimp is not instrumented: libFuzzer is guided by our code's coverage only, and a
// crash inside Assimp (there are some in 5.2.5) is contained by the child process in production.
// tools/ci-fuzz.sh therefore sets aside a crash whose innermost frame is in libassimp, loads that
// input once more the production way to show it is contained, and restarts the target for the
// rest of its time; any other crash fails the stage. Where such a crash comes from a count or an
// index Assimp trusts, io/detail/format_precheck.cpp checks it first (the .x normal indices).
#include "fuzz_support.hpp"

#include "io/detail/loaders.hpp"

#include <fstream>

namespace fs = std::filesystem;
using namespace hv;

namespace {

fs::path g_folder;

void setUp() {
    g_folder = hv::fuzz::scratchDir() / "assimp";
    fs::create_directories(g_folder);
    // Files an OBJ may name: a material library and its texture (a 1x1 PNG).
    std::ofstream(g_folder / "model.mtl") << "newmtl skin\nKd 0.8 0.6 0.5\nmap_Kd image.png\n";
    static const unsigned char png[] = {
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F,
        0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8,
        0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
    std::ofstream(g_folder / "image.png", std::ios::binary)
        .write(reinterpret_cast<const char*>(png), sizeof png);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    setUp();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    static const io::LoadLimits limits = [] {
        io::LoadLimits l = hv::fuzz::fuzzLimits();
        l.isolateAssimp = false;
        return l;
    }();
    const char* ext = hv::fuzz::kAssimpExtensions[data[0] % hv::fuzz::kAssimpExtensions.size()];
    const fs::path path = g_folder / (*ext ? std::string("model.") + ext : std::string("model"));
    const std::string name = path.string();
    const io::ModelLoad load = io::detail::loadAssimp(
        path, name, std::vector<std::uint8_t>(data + 1, data + size), limits);
    hv::fuzz::checkModelLoad(load, name);
    if (load.ok()) hv::fuzz::exerciseScene(*load.scene);
    return 0;
}
