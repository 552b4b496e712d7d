// Handout timings (they print numbers, never fail):
//  - whole process, as a trainer runs it: `hipview handout content/programmes/hip-routine.toml`
//    (six exercises, every labelled key position rendered) at 200 dpi (the default) and 300 dpi,
//    with the PDF's size and page count;
//  - in process: the layout and PDF alone (hv_print, cairo and pango) for the same shape of
//    handout with flat synthetic pictures, so the share of rendering is visible.
// Usage: bench_handout [repetitions]
#include "bench_timing.hpp"

#include "print/handout_pdf.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

using namespace hv;

namespace {

double childCpuMs() {
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return (static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
            static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-3);
}

// Wall times of `cmd` (ms, -1 on failure), and the CPU time of all runs added to `cpu`.
std::vector<double> timeCommand(const std::string& cmd, int reps, double& cpu) {
    std::vector<double> ms;
    for (int i = 0; i < reps; ++i) {
        const double c0 = childCpuMs();
        const auto t0 = std::chrono::steady_clock::now();
        const int rc = std::system(cmd.c_str());
        ms.push_back(rc == 0 ? std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() : -1.0);
        cpu += childCpuMs() - c0;
    }
    std::sort(ms.begin(), ms.end());
    return ms;
}

} // namespace

int main(int argc, char** argv) {
    const int reps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const std::string hipview = std::string(HV_BINARY_DIR) + "/hipview";
    const std::string programme = std::string(HV_SOURCE_DIR) + "/content/programmes/hip-routine.toml";
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("hv_bench_handout_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);

    for (int dpi : {200, 300}) {
        const std::filesystem::path out = dir / ("handout" + std::to_string(dpi) + ".pdf");
        double cpu = 0.0;
        const auto ms = timeCommand(hipview + " handout " + programme + " -o " + out.string() + " --dpi " +
                                        std::to_string(dpi) + " >/dev/null 2>&1",
                                    reps, cpu);
        std::error_code ec;
        const auto size = std::filesystem::file_size(out, ec);
        const std::string what = "whole process: hip-routine.toml handout, " + std::to_string(dpi) + " dpi";
        std::printf("%-58s min %8.1f ms   median %8.1f ms   max %8.1f ms   CPU %.0f ms each   %.2f MB\n", what.c_str(),
                    ms.front(), ms[ms.size() / 2], ms.back(), cpu / reps, ec ? 0.0 : static_cast<double>(size) / 1e6);
    }

    // The layout and PDF alone: six exercises of two to five 464 x 348 pictures (200 dpi).
    print::Handout h;
    h.title = "Hip mobility and strength routine";
    h.client = "Example client";
    for (int e = 0; e < 6; ++e) {
        print::Exercise ex;
        ex.name = "Exercise " + std::to_string(e + 1);
        ex.numbers = "3 sets \u00d7 10 repetitions";
        ex.details = "Hold 30 s  \u00b7  Right side";
        for (int i = 0; i < 2 + e % 4; ++i) {
            print::Picture p;
            p.width = 464;
            p.height = 348;
            p.rgba.assign(static_cast<std::size_t>(p.width) * p.height * 4, 255);
            for (std::size_t k = 0; k < p.rgba.size(); k += 4 * 7) p.rgba[k] = static_cast<std::uint8_t>(k % 251);
            p.caption = "Position " + std::to_string(i + 1);
            ex.pictures.push_back(std::move(p));
        }
        for (int k = 0; k < 8; ++k) ex.instructions += "Breathe out slowly and let the hip settle. "; // ~350 characters
        ex.targets = {"Piriformis: 12% longer than in standing", "Gluteus maximus: 9% longer than in standing"};
        h.exercises.push_back(std::move(ex));
    }
    std::size_t bytes = 0;
    bench::print("in process: layout and PDF only (cairo, pango), 6 exercises",
                 bench::time(reps, [&] { bytes = print::writeHandoutPdf(h).bytes.size(); }));
    std::printf("  (%.2f MB of PDF; load average over %u cores slows the wall times)\n", static_cast<double>(bytes) / 1e6,
                std::thread::hardware_concurrency());
    std::filesystem::remove_all(dir);
    return 0;
}
