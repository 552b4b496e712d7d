// hv_fuzz_seeds OUTDIR MODEL...: the seed corpus of fuzz_scene_stream. Each model is loaded the
// way HipView loads it and the result (scene or diagnostics) is written serialised, as a child
// process would send it, to OUTDIR/<file name>.hvs. Images above 8x8 pixels are replaced by a
// 2x2 one first, so seeds stay small (the fuzzer mutates structure, not pixels).
#include "io/detail/scene_serialize.hpp"
#include "io/model_loader.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace hv;

int main(int argc, char** argv) {
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
