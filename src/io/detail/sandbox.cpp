#include "io/detail/sandbox.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <new>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace hv::io::detail {

namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) ||                         \
    __has_feature(thread_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// The child's exit statuses for the ways its work can end without bytes.
constexpr int kExitThrew = 3;
constexpr int kExitWriteFailed = 4;
constexpr int kExitOutOfMemory = 5;

// Bytes of address space the process maps now (/proc/self/statm, first field, in pages).
std::uint64_t mappedBytes() {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f) return 0;
    unsigned long long pages = 0;
    const int n = std::fscanf(f, "%llu", &pages);
    std::fclose(f);
    return n == 1 ? pages * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE)) : 0;
}

[[noreturn]] void childMain(int fd, const std::function<std::vector<std::uint8_t>()>& work,
                            const SandboxLimits& limits) {
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
    for (const int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT})
        ::signal(sig, SIG_DFL);
    if (!kSanitized && limits.memoryBytes > 0) {
        const std::uint64_t cap = mappedBytes() + limits.memoryBytes;
        const rlimit as{static_cast<rlim_t>(cap), static_cast<rlim_t>(cap)};
        ::setrlimit(RLIMIT_AS, &as);
    }
    std::vector<std::uint8_t> out;
    try {
        out = work();
    } catch (const std::bad_alloc&) {
        ::_exit(kExitOutOfMemory);
    } catch (...) {
        ::_exit(kExitThrew);
    }
    const std::uint8_t* p = out.data();
    std::size_t left = out.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) ::_exit(kExitWriteFailed);
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    ::_exit(0);
}

} // namespace

bool sandboxLimitsMemory() { return !kSanitized; }

SandboxResult runSandboxed(const std::function<std::vector<std::uint8_t>()>& work,
                           const SandboxLimits& limits) {
    SandboxResult result;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return result;
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return result;
    }
    if (pid == 0) {
        ::close(fds[0]);
        childMain(fds[1], work, limits);
    }

    ::close(fds[1]);
    bool timedOut = false;
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::seconds(limits.seconds);
    std::vector<std::uint8_t> chunk(1 << 16);
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                              deadline - std::chrono::steady_clock::now())
                              .count();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        pollfd pfd{fds[0], POLLIN, 0};
        const int ready = ::poll(&pfd, 1, static_cast<int>(std::min<long long>(left, 1000)));
        if (ready < 0 && errno != EINTR) break;
        if (ready <= 0) continue;
        const ssize_t n = ::read(fds[0], chunk.data(), chunk.size());
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n <= 0) break; // the child closed its end
        result.bytes.insert(result.bytes.end(), chunk.data(), chunk.data() + n);
    }
    ::close(fds[0]);
    if (timedOut) ::kill(pid, SIGKILL);
    int status = 0;
    pid_t waited;
    do {
        waited = ::waitpid(pid, &status, 0);
    } while (waited < 0 && errno == EINTR);
    result.statusKnown = waited == pid;

    using Outcome = SandboxResult::Outcome;
    if (timedOut) {
        result.outcome = Outcome::TimedOut;
    } else if (result.statusKnown && WIFSIGNALED(status)) {
        result.outcome = Outcome::Signalled;
        result.signal = WTERMSIG(status);
    } else if (result.statusKnown && WIFEXITED(status)) {
        result.exitStatus = WEXITSTATUS(status);
        result.outcome = result.exitStatus == 0                  ? Outcome::Finished
                         : result.exitStatus == kExitOutOfMemory ? Outcome::OutOfMemory
                                                                 : Outcome::Failed;
    } else {
        // The end is unknown: the bytes speak for themselves (the caller validates them).
        result.outcome = Outcome::Finished;
    }
    return result;
}

} // namespace hv::io::detail
