// Path confinement (io/detail/load_support.hpp, ModelFolder::resolve): every external reference a
// model names (glTF buffer and image URIs, OBJ material libraries, textures) goes through it. The
// input is one reference, as written in a file. The folder holds regular files, a sub-folder, a
// link to a file inside, a link leading out of it and a link to a folder outside; the folder's
// parent holds a file with the same names. Checked: whatever resolve() accepts is an existing
// regular file whose real path lies inside the folder; URI schemes (data: included: tinygltf
// decodes data: URIs itself), absolute paths and escapes by ".." are refused.
#include "fuzz_support.hpp"

#include "io/detail/load_support.hpp"

#include <algorithm>
#include <fstream>

namespace fs = std::filesystem;
using namespace hv;

namespace {

fs::path g_root;
std::optional<io::detail::ModelFolder> g_folder;

void setUp() {
    const fs::path base = hv::fuzz::scratchDir() / "confine";
    g_root = base / "model";
    fs::create_directories(g_root / "sub" / "deeper");
    fs::create_directories(base / "elsewhere");
    for (const fs::path& p : {g_root / "buffer.bin", g_root / "sub" / "inner.bin",
                              g_root / "sub" / "deeper" / "x.png", base / "buffer.bin",
                              base / "secret.bin", base / "elsewhere" / "secret.bin"})
        std::ofstream(p) << "x";
    std::error_code ec;
    fs::create_symlink("buffer.bin", g_root / "alias.bin", ec);
    fs::create_symlink("../secret.bin", g_root / "escape.bin", ec);
    fs::create_symlink("../elsewhere", g_root / "elsewhere", ec);
    fs::create_symlink("..", g_root / "up", ec);
    g_folder.emplace(g_root / "model.gltf");
}

bool startsWithScheme(const std::string& s) {
    const std::size_t colon = s.find(':');
    if (colon == std::string::npos || colon == 0) return false;
    if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
    for (std::size_t i = 1; i < colon; ++i) {
        const char c = s[i];
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    setUp();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 4096) return 0;
    const std::string ref(hv::fuzz::asText(data, size));
    const auto r = g_folder->resolve(ref);
    if (r.refusal != io::detail::ModelFolder::Refusal::None) {
        if (r.reason.empty()) hv::fuzz::fuzzFail("a refusal without a reason", ref);
        return 0;
    }
    std::string slashed = ref;
    std::replace(slashed.begin(), slashed.end(), '\\', '/');
    if (slashed.empty() || slashed[0] == '/') hv::fuzz::fuzzFail("an absolute path was accepted", ref);
    if (startsWithScheme(slashed)) hv::fuzz::fuzzFail("a URI with a scheme was accepted", ref);
    std::error_code ec;
    if (!fs::is_regular_file(r.path, ec)) hv::fuzz::fuzzFail("accepted something that is not a file", ref);
    const fs::path real = fs::canonical(r.path, ec);
    if (ec) hv::fuzz::fuzzFail("an accepted path cannot be resolved", ref);
    const std::string rs = real.string(), root = g_root.string() + "/";
    if (rs.compare(0, root.size(), root) != 0)
        hv::fuzz::fuzzFail("an accepted path leads outside the model's folder", ref + " -> " + rs);
    return 0;
}
