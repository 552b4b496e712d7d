#include "io/model_loader.hpp"

#include "core/text.hpp"

#include "io/detail/load_support.hpp"
#include "io/detail/loaders.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>

namespace fs = std::filesystem;

namespace hv::io {

namespace {

// By the first bytes: "glTF" is a GLB; a JSON object mentioning "asset" is a .gltf.
std::optional<ModelFormat> sniff(std::span<const std::uint8_t> head) {
    if (head.size() >= 4 && std::memcmp(head.data(), "glTF", 4) == 0) return ModelFormat::Glb;
    std::size_t i = 0;
    if (head.size() >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        i = 3; // UTF-8 BOM
    while (i < head.size() && std::isspace(head[i]))
        ++i;
    if (i < head.size() && head[i] == '{') {
        const std::string_view text(reinterpret_cast<const char*>(head.data()), head.size());
        if (text.find("\"asset\"") != std::string_view::npos) return ModelFormat::Gltf;
    }
    return std::nullopt;
}

ModelFormat formatFor(const fs::path& path, std::span<const std::uint8_t> head) {
    const std::string ext = toLower(path.extension().string());
    if (ext == ".gltf") return ModelFormat::Gltf;
    if (ext == ".glb" || ext == ".vrm") return ModelFormat::Glb;
    if (ext.empty() || ext == ".bin") {
        if (const auto f = sniff(head)) return *f;
    }
    return ModelFormat::Assimp;
}

} // namespace

ModelFormat detectModelFormat(const fs::path& path) {
    std::vector<std::uint8_t> head(4096);
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    return formatFor(path, head);
}

bool hasTriangles(const scene::Scene& scene) {
    for (const scene::Mesh& m : scene.meshes)
        for (const scene::Primitive& p : m.primitives)
            if (!p.positions.empty() && !p.indices.empty()) return true;
    return false;
}

std::optional<Diagnostic> nothingToDraw(const std::string& path, const ModelLoad& load) {
    if (!load.scene || hasTriangles(*load.scene)) return std::nullopt;
    std::string why = "the model has nothing to draw (no triangles)";
    if (!load.diagnostics.empty()) {
        const Diagnostic& first = load.diagnostics.front();
        why += ": " + (first.field.empty() ? first.message : first.field + ": " + first.message);
    }
    return Diagnostic{path, 0, 0, "", why};
}

ModelLoad loadModel(const fs::path& path, const LoadLimits& limits) {
    const std::string name = path.string();
    detail::Report report(name);
    std::vector<std::uint8_t> bytes;
    std::string reason;
    if (!detail::readFileBounded(path, limits.maxFileBytes, bytes, reason)) {
        report.error("", reason);
        return report.finish(std::nullopt);
    }
    if (bytes.empty()) {
        report.error("", "the file is empty");
        return report.finish(std::nullopt);
    }
    const std::size_t headSize = std::min<std::size_t>(bytes.size(), 4096);
    switch (formatFor(path, std::span<const std::uint8_t>(bytes.data(), headSize))) {
    case ModelFormat::Gltf:
        return detail::loadGltf(path, name, std::move(bytes), false, limits);
    case ModelFormat::Glb:
        return detail::loadGltf(path, name, std::move(bytes), true, limits);
    case ModelFormat::Assimp:
        break;
    }
    return detail::loadAssimp(path, name, std::move(bytes), limits);
}

} // namespace hv::io
