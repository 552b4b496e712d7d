// Runs a command through the shell and captures its output and exit status (tests only).
#pragma once

#include <array>
#include <cstdio>
#include <string>

#include <sys/wait.h>

namespace hv::test {

struct ProcessResult {
    int exitCode = -1;
    std::string out; // stdout and stderr together when the command asks for 2>&1
};

inline ProcessResult runProcess(const std::string& command) {
    ProcessResult r;
    std::FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    const int status = ::pclose(pipe);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    return r;
}

inline std::string hipview() { return std::string(HV_BINARY_DIR) + "/hipview"; }

// True when ffmpeg and ffprobe run here (the MP4 tests need both; they skip without them).
inline bool haveFfmpeg() { return runProcess("ffmpeg -version >/dev/null 2>&1 && ffprobe -version >/dev/null 2>&1").exitCode == 0; }

} // namespace hv::test
