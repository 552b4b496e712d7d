// Timing helpers shared by the benchmarks: run a function N times, report min/median/max.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <sys/resource.h>

namespace hv::bench {

struct Stats {
    double minMs = 0, medianMs = 0, maxMs = 0;
};

template <class F> Stats time(int repetitions, F&& f) {
    std::vector<double> ms;
    for (int i = 0; i < repetitions; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        const auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms.front(), ms[ms.size() / 2], ms.back()};
}

inline void print(const char* what, const Stats& s) {
    std::printf("%-58s min %8.3f ms   median %8.3f ms   max %8.3f ms\n", what, s.minMs, s.medianMs, s.maxMs);
}

// Timing other processes (the hipview command as a user runs it).
inline double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

inline double childCpuMs() {
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return (static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
            static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-3);
}

// Runs a shell command and returns its wall time in ms (-1 on failure); adds the CPU time of
// the command (all its threads) to `cpu`.
inline double timeCommand(const std::string& cmd, double* cpu = nullptr) {
    const double c0 = childCpuMs();
    const auto t0 = std::chrono::steady_clock::now();
    const int rc = std::system(cmd.c_str());
    const double ms = msSince(t0);
    if (cpu) *cpu += childCpuMs() - c0;
    return rc == 0 ? ms : -1.0;
}

inline double loadAverage() {
    double l = 0.0;
    if (std::FILE* f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf", &l) != 1) l = 0.0;
        std::fclose(f);
    }
    return l;
}

} // namespace hv::bench
