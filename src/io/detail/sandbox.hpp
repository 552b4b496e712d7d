// Running a piece of work in a child process: the work's crash, hang or runaway memory ends the
// child, not the program. Used to read files with third-party code that hostile input can break
// (Assimp; see assimp_loader.cpp). POSIX only (fork, pipe, poll, setrlimit).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace hv::io::detail {

struct SandboxLimits {
    // Wall-clock seconds from the fork until the child's last byte; after that the child is
    // killed (SIGKILL). 0: the deadline has passed at the start (the child is stopped at once).
    std::uint64_t seconds = 120;
    // Bytes of address space the child may map beyond what the process mapped at the fork
    // (RLIMIT_AS). 0: no limit. Not applied in sanitizer builds (sandboxLimitsMemory()).
    std::uint64_t memoryBytes = 16ull << 30;
};

struct SandboxResult {
    enum class Outcome : std::uint8_t {
        NotStarted,  // no pipe or no child could be made (the caller may do the work itself)
        Finished,    // the work returned and all its bytes arrived; `bytes` holds them
        TimedOut,    // the deadline passed; the child was killed
        Signalled,   // the child ended by a signal (a crash); `signal` says which
        OutOfMemory, // the work threw std::bad_alloc (e.g. against the memory limit)
        Failed,      // the work threw something else, its bytes could not be written, or the
                     // child's exit status was not 0 (`exitStatus`, when known)
    };
    Outcome outcome = Outcome::NotStarted;
    int signal = 0;      // Signalled: the signal's number
    int exitStatus = -1; // the child's exit status when it exited and could be waited for
    // False when the child's end could not be learnt (the program reaps children itself, e.g. a
    // SIGCHLD handler with SA_NOCLDWAIT); the outcome then rests on the bytes alone.
    bool statusKnown = false;
    std::vector<std::uint8_t> bytes; // what the work returned (Finished), or what arrived
};

// Forks; the child disables core dumps, restores the default action of SIGSEGV, SIGBUS, SIGILL,
// SIGFPE and SIGABRT (a host's crash handler must not turn a crash into an exit), applies the
// memory limit, runs `work` and writes the bytes it returns to a pipe, then ends with _exit
// (no atexit handlers, no static destructors of the parent's state). The parent reads until
// the child closes the pipe or the deadline passes, then waits for the child.
// `work` runs in a copy of a process that may have other threads: it must not rely on locks
// other threads might have held at the fork (the caller's own state is fine).
// Thread safety: may be called from several threads at once.
SandboxResult runSandboxed(const std::function<std::vector<std::uint8_t>()>& work,
                           const SandboxLimits& limits);

// Whether SandboxLimits::memoryBytes is applied in this build (false under ASan, MSan, TSan,
// whose shadow memory needs the address space).
bool sandboxLimitsMemory();

} // namespace hv::io::detail
