// hipview bake: generates the default model (pelvis, lumbar spine and legs, rigged) as glTF 2.0.
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/load_content.hpp"

#include "bonegen/bonegen.hpp"
#include "core/bone_parameters.hpp"
#include "io/atomic_file.hpp"

#include <chrono>
#include <filesystem>
#include <cstdio>
#include <string>

namespace hv::cli {

namespace {

constexpr const char* kHelp =
    "usage: hipview bake -o FILE.glb [--anatomy NAME=VALUE,...] [--content DIR] [--quiet]\n\n"
    "Generates HipView's skeleton model: the pelvis with sacrum and coccyx, L1-L5, and both\n"
    "femurs, patellae, tibiae and fibulae, each sculpted in its body's frame from the content's\n"
    "landmarks (muscle attachments, joints) and rigged as one glTF 2.0 skin whose joints are the\n"
    "content's bodies, in anatomical position. The same inputs always give the same bytes\n"
    "(assets/hip.glb is `hipview bake -o assets/hip.glb`).\n\n"
    "  -o, --output FILE          where to write the .glb (written atomically: a failed bake\n"
    "                             leaves no partial file and keeps an existing one)\n"
    "  --anatomy NAME=VALUE,...   bone parameters (defaults and ranges in content/skeleton.toml):\n"
    "                             anteversion (deg, femoral anteversion), neck_shaft (deg,\n"
    "                             neck-shaft angle), pelvis_width (mm, between the anterior\n"
    "                             superior iliac spines), e.g. anteversion=20,neck_shaft=135\n"
    "  --content DIR              the content folder\n"
    "  --quiet                    print nothing on success\n";

} // namespace

int runBake(std::span<const std::string> argv) {
    Args args("bake", argv);
    if (args.help(kHelp)) return kExitOk;
    auto output = args.option("--output");
    if (auto o = args.option("-o")) output = o;
    const auto anatomyArg = args.option("--anatomy");
    const bool quiet = args.flag("--quiet");
    const std::string contentDir = contentDirectory(args);
    if (!args.finish()) return kExitUsage;
    if (const auto extra = args.positionals(); !extra.empty()) {
        args.error("unexpected argument \"" + extra.front() + "\"; see hipview bake --help");
        return kExitUsage;
    }
    if (!output || output->empty()) {
        args.error("missing -o FILE (where to write the model); see hipview bake --help");
        return kExitUsage;
    }

    const auto content = loadContentOrPrint(contentDir);
    if (!content) return kExitFailure;
    BoneParameters parameters = content->boneParameters.defaults();
    if (anatomyArg) {
        std::string error;
        const auto parsed = parseAnatomy(content->boneParameters, *anatomyArg, error);
        if (!parsed) {
            args.error("--anatomy: " + error);
            return kExitUsage;
        }
        parameters = *parsed;
    }

    // Refuse an output folder that does not exist before spending seconds on the bake.
    {
        std::error_code ec;
        const std::filesystem::path folder = std::filesystem::absolute(*output, ec).parent_path();
        if (ec || !std::filesystem::is_directory(folder, ec)) {
            std::fprintf(stderr, "hipview bake: cannot write %s: the folder %s does not exist\n", output->c_str(), folder.string().c_str());
            return kExitFailure;
        }
    }
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<std::uint8_t> glb = bonegen::bakeModel(*content, parameters);
    const auto t1 = std::chrono::steady_clock::now();
    if (const auto problem = io::writeFileAtomic(*output, glb)) {
        std::fprintf(stderr, "hipview bake: cannot write %s: %s\n", output->c_str(), problem->message.c_str());
        return kExitFailure;
    }
    if (!quiet)
        std::printf("wrote %s: %zu bytes (%s), baked in %.1f s\n", output->c_str(), glb.size(), formatAnatomy(parameters).c_str(),
                    std::chrono::duration<double>(t1 - t0).count());
    return kExitOk;
}

} // namespace hv::cli
