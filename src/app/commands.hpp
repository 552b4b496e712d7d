// The subcommands of `hipview`. Each takes its arguments (after the subcommand's name) and
// returns the process exit code (see cli.hpp).
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace hv::cli {

struct Command {
    std::string_view name;
    std::string_view summary;
    int (*run)(std::span<const std::string> args);
};

int runReport(std::span<const std::string> args);
int runValidate(std::span<const std::string> args);
int runRender(std::span<const std::string> args);
int runBake(std::span<const std::string> args);
int runExport(std::span<const std::string> args);
int runQuiz(std::span<const std::string> args);
int runHandout(std::span<const std::string> args);
int runInspect(std::span<const std::string> args);
int runView(std::span<const std::string> args); // the window (built with the UI)
int runPresent(std::span<const std::string> args); // a lesson in the window's presenter mode

} // namespace hv::cli
