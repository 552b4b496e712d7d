// A small command-line parser shared by every subcommand: options are `--name VALUE`,
// `--name=VALUE` or flags; unknown options are reported with the closest known one.
// Exit codes used by every command: 0 success, 1 the work failed (bad file, failed write),
// 2 the command line was wrong.
#pragma once

#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hv::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

class Args {
public:
    Args(std::string command, std::span<const std::string> args);

    bool flag(std::string_view name);                       // --name
    // --help or -h: prints `text` (the command's help) to stdout and returns true.
    bool help(const char* text);
    std::optional<std::string> option(std::string_view name); // --name VALUE (last wins)
    std::vector<std::string> options(std::string_view name);  // every --name VALUE
    std::vector<std::string> positionals();                    // everything not an option

    // After reading every option: reports unknown options and options missing their value.
    // Returns false (and printed why) if the command line was wrong.
    bool finish();

    // Prints "hipview COMMAND: message" to stderr.
    void error(const std::string& message) const;
    const std::string& command() const { return m_command; }

private:
    std::string m_command;
    std::vector<std::string> m_args;
    std::vector<bool> m_used;
    std::vector<std::string> m_known;
    bool m_ok = true;
};

// Splits "a,b,c" (empty items dropped).
std::vector<std::string> splitList(std::string_view text, char separator = ',');

// The folder holding content/, assets/ and shaders/: HIPVIEW_DATA, else the build's source tree.
std::string dataDirectory();
// --content DIR, else dataDirectory()/content.
std::string contentDirectory(Args& args);

} // namespace hv::cli
