// Timing helpers shared by the benchmarks: run a function N times, report min/median/max.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

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

} // namespace hv::bench
