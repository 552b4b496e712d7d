// hipview validate: load the content and say what is wrong with it, or what it holds.
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/load_content.hpp"

#include "movement/loader.hpp"

#include <cstdio>

namespace hv::cli {

namespace {
constexpr const char* kHelp =
    "usage: hipview validate [--content DIR]\n\n"
    "Reads every content file (sources.toml, groups.toml, skeleton.toml, muscles/*.toml,\n"
    "movements.toml) and"
    "prints one line per problem: file:line:column: field: reason. Exits 0 when the content is\n"
    "valid (and prints a summary), 1 when it has problems, 2 for a wrong command line.\n\n"
    "  --content DIR   the content folder (default: the installed content/)\n";
} // namespace

int runValidate(std::span<const std::string> argv) {
    Args args("validate", argv);
    if (args.help(kHelp)) return kExitOk;
    const std::string dir = contentDirectory(args);
    if (!args.finish()) return kExitUsage;
    if (const auto extra = args.positionals(); !extra.empty()) {
        args.error("unexpected argument \"" + extra.front() + "\"; see hipview validate --help");
        return kExitUsage;
    }
    const auto content = loadContentOrPrint(dir);
    if (!content) return kExitFailure;
    const movement::MovementLoad movements = movement::loadMovements(movement::defaultMovementFile(*content), *content);
    for (const Diagnostic& d : movements.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!movements.library) {
        std::fprintf(stderr, "hipview validate: %zu problem%s in the movements file\n", movements.diagnostics.size(),
                     movements.diagnostics.size() == 1 ? "" : "s");
        return kExitFailure;
    }
    std::size_t parts = 0, muscles = 0;
    for (const Muscle& m : content->model.muscles)
        if (m.side == Side::Right) {
            ++muscles;
            parts += m.parts.size();
        }
    std::size_t actions = 0;
    for (const MuscleInfo& info : content->muscles) actions += info.actions.size();
    std::printf("%s is valid: %zu muscles with %zu parts on each side, %zu textbook actions, %zu bodies, "
                "%zu coordinates, %zu wrap cylinders, %zu sources, %zu movements\n",
                dir.c_str(), muscles, parts, actions, content->model.bodies.size(),
                content->model.coordinates.size(), content->model.wrapCylinders.size(), content->sources.size(),
                movements.library->movements.size());
    return kExitOk;
}

} // namespace hv::cli
