// The child-process sandbox (io/detail/sandbox.hpp): each way a child can end is told apart.
#include "io/detail/sandbox.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <cstdint>
#include <cstring>
#include <new>
#include <stdexcept>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

using hv::io::detail::runSandboxed;
using hv::io::detail::SandboxLimits;
using Outcome = hv::io::detail::SandboxResult::Outcome;

TEST_CASE("a child that returns bytes hands all of them back, more than a pipe buffer holds") {
    std::vector<std::uint8_t> expected(3 * 65536 + 17);
    for (std::size_t i = 0; i < expected.size(); ++i) expected[i] = static_cast<std::uint8_t>(i * 7 + 3);
    const auto r = runSandboxed([&] { return expected; }, SandboxLimits{30, 0});
    CHECK(r.outcome == Outcome::Finished);
    CHECK(r.statusKnown);
    CHECK(r.exitStatus == 0);
    CHECK(r.bytes == expected);
}

TEST_CASE("a child that returns nothing finishes with no bytes") {
    const auto r = runSandboxed([] { return std::vector<std::uint8_t>{}; }, SandboxLimits{30, 0});
    CHECK(r.outcome == Outcome::Finished);
    CHECK(r.bytes.empty());
}

TEST_CASE("a child that runs past its deadline is killed and reported as timed out") {
    const auto r = runSandboxed(
        [] {
            for (;;) ::pause(); // never returns
            return std::vector<std::uint8_t>{};
        },
        SandboxLimits{1, 0});
    CHECK(r.outcome == Outcome::TimedOut);
    CHECK(r.bytes.empty());
}

TEST_CASE("a child that crashes by a signal is reported with that signal, not as an exit") {
    const auto r = runSandboxed(
        [] {
            std::raise(SIGSEGV);
            return std::vector<std::uint8_t>{1, 2, 3};
        },
        SandboxLimits{30, 0});
    CHECK(r.outcome == Outcome::Signalled);
    CHECK(r.signal == SIGSEGV);
    CHECK(r.bytes.empty());

    const auto aborted = runSandboxed(
        []() -> std::vector<std::uint8_t> { std::abort(); }, SandboxLimits{30, 0});
    CHECK(aborted.outcome == Outcome::Signalled);
    CHECK(aborted.signal == SIGABRT);
}

TEST_CASE("a child that asks for more memory than its limit runs out of memory, the parent does not") {
    if (!hv::io::detail::sandboxLimitsMemory()) {
        MESSAGE("skipped: this build does not limit a child's memory (sanitizer)");
        return;
    }
    rlimit before{};
    ::getrlimit(RLIMIT_AS, &before);
    const auto r = runSandboxed(
        [] {
            std::vector<std::uint8_t> big(std::size_t{1} << 30); // 1 GiB against a 64 MiB limit
            std::memset(big.data(), 1, big.size());
            return std::vector<std::uint8_t>(big.begin(), big.begin() + 4);
        },
        SandboxLimits{30, 64ull << 20});
    CHECK(r.outcome == Outcome::OutOfMemory);
    CHECK(r.bytes.empty());
    // The limit was the child's: the parent's own is untouched.
    rlimit after{};
    ::getrlimit(RLIMIT_AS, &after);
    CHECK(after.rlim_cur == before.rlim_cur);
}

TEST_CASE("a child whose work throws fails with a non-zero exit status") {
    const auto r = runSandboxed(
        []() -> std::vector<std::uint8_t> { throw std::runtime_error("no"); }, SandboxLimits{30, 0});
    CHECK(r.outcome == Outcome::Failed);
    CHECK(r.exitStatus > 0);
}
