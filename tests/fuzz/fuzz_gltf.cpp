// glTF 2.0 loading, JSON (.gltf) or binary (.glb) by how the target is compiled (HV_FUZZ_GLB):
// the bytes go to the in-memory entry below hv::io::loadModel() (io/detail/loaders.hpp) as the
// file "model.gltf"/"model.glb" of a scratch folder that also holds files an input may name
// (buffer.bin, image.png, sub/inner.bin) and a symbolic link leading out of it (outside.bin ->
// ../secret/outside.bin). Checked: tinygltf and the converter never crash, leak or run past a
// limit; failures name the file; accepted scenes are sound and can be evaluated, skinned and
// framed; nothing outside the folder is read (the secret file's bytes never reach a scene).
#include "fuzz_support.hpp"

#include "io/detail/loaders.hpp"

#include <bit>
#include <cstring>
#include <fstream>
#include <vector>

namespace fs = std::filesystem;
using namespace hv;

namespace {

#ifdef HV_FUZZ_GLB
constexpr bool kBinary = true;
constexpr const char* kName = "model.glb";
#else
constexpr bool kBinary = false;
constexpr const char* kName = "model.gltf";
#endif

// The secret's bytes decode to this float; a scene holding it has read outside the folder.
constexpr float kSecret = 12345.678f;

fs::path g_model;

void writeFile(const fs::path& path, const void* data, std::size_t size) {
    std::ofstream out(path, std::ios::binary);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
}

void setUp() {
    const fs::path root = hv::fuzz::scratchDir();
    const fs::path folder = root / "model";
    fs::create_directories(folder / "sub");
    fs::create_directories(root / "secret");
    // 64 floats: 0, 1, 2, ... (triangles and matrices an input can point at).
    std::vector<float> floats(64);
    for (std::size_t i = 0; i < floats.size(); ++i)
        floats[i] = static_cast<float>(i);
    writeFile(folder / "buffer.bin", floats.data(), floats.size() * sizeof(float));
    writeFile(folder / "sub" / "inner.bin", floats.data(), 48);
    // A 1x1 PNG.
    static const unsigned char png[] = {
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F,
        0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8,
        0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
    writeFile(folder / "image.png", png, sizeof png);
    std::vector<float> secret(64, kSecret);
    writeFile(root / "secret" / "outside.bin", secret.data(), secret.size() * sizeof(float));
    std::error_code ec;
    fs::create_symlink("../secret/outside.bin", folder / "outside.bin", ec);
    g_model = folder / kName;
}

// libFuzzer watches comparisons (memcmp, integer compares) and copies the values it sees into
// its inputs, so a plain comparison with the secret teaches it the secret's bytes, which it then
// writes into a GLB's own binary chunk: a false alarm (two were found this way). So each float
// is compared through a hash of its bits (the fuzzer sees only the hash, which it cannot turn
// back into the float), and an input that carries the secret's bytes itself proves nothing.
std::uint64_t mix(std::uint32_t bits) {
    std::uint64_t z = bits + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::uint64_t mixOf(float f) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &f, sizeof bits);
    return mix(bits);
}

bool isSecret(float f) {
    static const std::uint64_t secret = mixOf(kSecret);
    return mixOf(f) == secret;
}

bool inputCarriesSecret(const std::uint8_t* data, std::size_t size) {
    std::uint32_t bits = 0;
    for (std::size_t i = 0; i + sizeof bits <= size; ++i) {
        std::memcpy(&bits, data + i, sizeof bits);
        if (isSecret(std::bit_cast<float>(bits))) return true;
    }
    return false;
}

bool holdsSecret(const scene::Scene& s) {
    for (const scene::Mesh& m : s.meshes)
        for (const scene::Primitive& p : m.primitives)
            for (const glm::vec3& v : p.positions)
                if (isSecret(v.x) || isSecret(v.y) || isSecret(v.z)) return true;
    for (const scene::Animation& a : s.animations)
        for (const scene::AnimationChannel& c : a.channels) {
            for (float t : c.times)
                if (isSecret(t)) return true;
            for (float v : c.values)
                if (isSecret(v)) return true;
        }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    setUp();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const io::LoadLimits limits = hv::fuzz::fuzzLimits();
    const std::string name = g_model.string();
    const io::ModelLoad load = io::detail::loadGltf(
        g_model, name, std::vector<std::uint8_t>(data, data + size), kBinary, limits);
    hv::fuzz::checkModelLoad(load, name);
    if (load.ok()) {
        if (holdsSecret(*load.scene) && !inputCarriesSecret(data, size))
            hv::fuzz::fuzzFail("a file outside the model's folder was read");
        hv::fuzz::exerciseScene(*load.scene);
    }
    return 0;
}
