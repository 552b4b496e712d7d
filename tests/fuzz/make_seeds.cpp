// Seeds for the fuzz targets, written by tools/ci-fuzz.sh into the build folder:
//   hv_fuzz_seeds OUTDIR MODEL...   the seed corpus of fuzz_scene_stream: each model is loaded the
//       way HipView loads it and the result (scene or diagnostics) is written serialised, as a
//       child process would send it, to OUTDIR/<file name>.hvs. Images above 8x8 pixels are
//       replaced by a 2x2 one first, so seeds stay small (the fuzzer mutates structure, not
//       pixels).
//   hv_fuzz_seeds --load MODEL...   loads each model the way HipView does (Assimp in a child
//       process) and prints one line each: what it holds, or the message a user would see.
//       tools/ci-fuzz.sh uses it to show that an input which crashes Debian's libassimp inside
//       a fuzz target (in process) is contained in production.
//   hv_fuzz_seeds --extensions   fuzz_assimp's extensions in the order its first byte picks them
//       (hv::fuzz::kAssimpExtensions), one a line, "-" for none.
//   hv_fuzz_seeds --reduce-glb IN.glb OUT.glb KEEP   the model with only one triangle in KEEP of
//       each primitive (nodes, names, skin and materials as they were), written by the project's
//       GLB writer: HipView's own 3 MB default model as a seed of a size libFuzzer mutates well.
#include "fuzz_support.hpp"

#include "bonegen/bonegen.hpp"
#include "io/detail/scene_serialize.hpp"
#include "io/glb_writer.hpp"
#include "io/model_loader.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace hv;

namespace {

int reduceGlb(const std::filesystem::path& in, const std::filesystem::path& out, std::size_t keep) {
    io::ModelLoad load = io::loadModel(in);
    if (!load.scene) {
        std::fprintf(stderr, "hv_fuzz_seeds: %s\n", formatAll(load.diagnostics).c_str());
        return 1;
    }
    for (scene::Mesh& m : load.scene->meshes)
        for (scene::Primitive& p : m.primitives) {
            std::vector<std::int64_t> map(p.positions.size(), -1);
            scene::Primitive q;
            q.influenceCount = p.influenceCount;
            q.material = p.material;
            auto vertex = [&](std::uint32_t v) {
                if (map[v] < 0) {
                    map[v] = static_cast<std::int64_t>(q.positions.size());
                    q.positions.push_back(p.positions[v]);
                    if (!p.normals.empty()) q.normals.push_back(p.normals[v]);
                    const auto k = static_cast<std::size_t>(p.influenceCount);
                    for (std::size_t i = 0; i < k; ++i) {
                        q.joints.push_back(p.joints[v * k + i]);
                        q.weights.push_back(p.weights[v * k + i]);
                    }
                }
                return static_cast<std::uint32_t>(map[v]);
            };
            for (std::size_t t = 0; t + 2 < p.indices.size(); t += 3 * keep)
                for (std::size_t c = 0; c < 3; ++c)
                    q.indices.push_back(vertex(p.indices[t + c]));
            p = std::move(q);
        }
    const std::vector<std::uint8_t> bytes = io::writeGlb(*load.scene, "hv_fuzz_seeds (reduced)");
    std::ofstream(out, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    std::printf("hv_fuzz_seeds: %s reduced to %zu bytes in %s\n", in.c_str(), bytes.size(), out.c_str());
    return 0;
}

int loadEach(int argc, char** argv) {
    for (int i = 2; i < argc; ++i) {
        const io::ModelLoad load = io::loadModel(argv[i]);
        if (load.scene)
            std::printf("%s: read, %zu nodes, %zu meshes, %zu diagnostics\n", argv[i], load.scene->nodes.size(),
                        load.scene->meshes.size(), load.diagnostics.size());
        else
            std::printf("%s\n", formatAll(load.diagnostics).c_str());
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::string(argv[1]) == "--extensions") {
        for (const char* ext : hv::fuzz::kAssimpExtensions) std::printf("%s\n", *ext ? ext : "-");
        return 0;
    }
    if (argc >= 3 && std::string(argv[1]) == "--load") return loadEach(argc, argv);
    if (argc == 5 && std::string(argv[1]) == "--reduce-glb")
        return reduceGlb(argv[2], argv[3], static_cast<std::size_t>(std::max(1, std::atoi(argv[4]))));
    if (argc < 3) {
        std::fprintf(stderr, "usage: hv_fuzz_seeds OUTDIR MODEL...\n");
        return 2;
    }
    const std::filesystem::path out = argv[1];
    std::filesystem::create_directories(out);
    int written = 0;
    for (int i = 2; i < argc; ++i) {
        const std::filesystem::path model = argv[i];
        io::ModelLoad load = io::loadModel(model);
        if (load.scene)
            for (scene::Image& image : load.scene->images)
                if (image.width * image.height > 64) {
                    image.width = image.height = 2;
                    image.rgba.assign(16, 200);
                }
        const std::vector<std::uint8_t> bytes = io::detail::serializeModelLoad(load);
        if (bytes.size() > (4u << 20)) continue; // too large to be a useful seed
        std::ofstream(out / (model.filename().string() + ".hvs"), std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        ++written;
    }
    std::printf("hv_fuzz_seeds: %d seeds in %s\n", written, out.c_str());
    return 0;
}
