// hipview: the one executable. `hipview COMMAND [options]`; `hipview --help` lists commands.
// With no command (`hipview`, `hipview FILE`, `hipview --select piriformis ...`) it opens the
// window (`hipview view`).
#include "app/cli.hpp"
#include "app/commands.hpp"

#include "core/diagnostic.hpp"

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {

constexpr std::array kCommands{
    hv::cli::Command{"report", "moment arms, lengths and role changes of the muscles along a sweep",
                     hv::cli::runReport},
    hv::cli::Command{"validate", "check the content files and report every problem", hv::cli::runValidate},
    hv::cli::Command{"inspect", "what a model file holds and what is wrong with it (no window, no OpenGL)",
                     hv::cli::runInspect},
    hv::cli::Command{"bake", "generate the rigged skeleton model (glTF 2.0) from the content's landmarks", hv::cli::runBake},
    hv::cli::Command{"view", "the interactive window (the default: `hipview [FILE] [options]`)", hv::cli::runView},
    hv::cli::Command{"present", "show a lesson full screen, step by step, for a class (presenter mode)", hv::cli::runPresent},
    hv::cli::Command{"render", "render figures (PNG, GIF, MP4) headlessly, from options or scene files",
                     hv::cli::runRender},
    hv::cli::Command{"quiz", "generate a quiz whose answers come from the geometry, or check and list one",
                     hv::cli::runQuiz},
    hv::cli::Command{"export", "the figure as an animated 3D scene (GLB) for slides and web pages", hv::cli::runExport},
    hv::cli::Command{"handout", "a printable PDF of an exercise programme (pictures, numbers, instructions)",
                     hv::cli::runHandout},
};

void printUsage(std::FILE* to) {
    std::fprintf(to, "usage: hipview COMMAND [options]   (hipview COMMAND --help for a command's options)\n"
                     "       hipview [FILE] [--select ID] [--pose NAME=VALUE,...] [--view NAME] [--movement ID]\n"
                     "               opens the window (hipview view --help)\n"
                     "\n"
                     "HipView shows how the hip and low-back muscles work, computed from their 3D paths.\n\n"
                     "commands:\n");
    for (const auto& c : kCommands) std::fprintf(to, "  %-10s %.*s\n", std::string(c.name).c_str(),
                                                 static_cast<int>(c.summary.size()), c.summary.data());
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return hv::cli::runView(args); // the window
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printUsage(stdout);
        return hv::cli::kExitOk;
    }
    for (const auto& c : kCommands)
        if (args[0] == c.name) return c.run(std::span<const std::string>(args).subspan(1));
    // No command: the window, with a model file and/or start-state options.
    std::error_code ec;
    if (args[0].starts_with("-") || args[0].find('/') != std::string::npos || args[0].find('.') != std::string::npos ||
        std::filesystem::exists(args[0], ec))
        return hv::cli::runView(args);
    std::vector<std::string> names;
    for (const auto& c : kCommands) names.emplace_back(c.name);
    const std::string hint = hv::closestMatch(args[0], names);
    std::fprintf(stderr, "hipview: unknown command \"%s\"%s; commands: %s\n", args[0].c_str(),
                 hint.empty() ? "" : (" (did you mean \"" + hint + "\"?)").c_str(), hv::joinNames(names).c_str());
    return hv::cli::kExitUsage;
}
