#include "app/figure_output.hpp"

#include "io/atomic_file.hpp"
#include "io/png_writer.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace hv::cli {

FigureWriter::FigureWriter() : m_thread([this] { run(); }) {}

FigureWriter::~FigureWriter() {
    finish();
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void FigureWriter::writePng(std::string path, scene::Image image, io::GifWriter* gif, int delayCs) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_jobs.size() < 2; });
    m_jobs.push_back({std::move(path), std::move(image), gif, delayCs});
    m_changed.notify_all();
}

void FigureWriter::run() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return m_stop || !m_jobs.empty(); });
            if (m_jobs.empty()) return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
            m_busy = true;
        }
        m_changed.notify_all();
        std::string error;
        if (const auto d = io::writePng(job.path, job.image.rgba, job.image.width, job.image.height)) error = d->format();
        if (job.gif && !job.gif->addFrame(job.image.rgba, job.delayCs))
            error += (error.empty() ? "" : "; ") + job.path + ": cannot add the frame to the GIF: " + job.gif->error();
        {
            std::lock_guard lock(m_mutex);
            if (!error.empty()) m_errors.push_back(error);
            m_busy = false;
        }
        m_changed.notify_all();
    }
}

bool FigureWriter::finish() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_jobs.empty() && !m_busy; });
    for (const std::string& e : m_errors) std::fprintf(stderr, "hipview render: %s\n", e.c_str());
    const bool ok = m_errors.empty();
    m_errors.clear();
    return ok;
}

namespace {

// Runs a program found on PATH with arguments (no shell; stdout and stderr to /dev/null); true
// if it exited with 0. posix_spawnp with everything built before the call: the process has
// other threads (the PNG writer), so nothing may be allocated between fork and exec.
bool runProgram(const std::vector<std::string>& argv) {
    if (argv.empty()) return false;
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    if (::posix_spawn_file_actions_init(&actions) != 0) return false;
    const bool redirected =
        ::posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0) == 0 &&
        ::posix_spawn_file_actions_adddup2(&actions, 1, 2) == 0;
    pid_t pid = -1;
    const int spawned =
        redirected ? ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ) : -1;
    ::posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return false; // not found, or no process could be made
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

} // namespace

double AnimationTiming::time(int i) const { return std::min(step * i, duration); }

int AnimationTiming::gifDelayCs(int i) const {
    const auto at = [&](int k) { return std::lround(100.0 * k / fps); };
    return std::max(2, static_cast<int>(at(i + 1) - at(i)));
}

AnimationTiming animationTiming(double duration, bool loops, int frames, double fps) {
    constexpr int kMaxFrames = 10000;
    AnimationTiming t;
    t.duration = std::max(0.0, duration);
    fps = std::clamp(fps, 1.0, 60.0);
    if (frames > 0) {
        t.frames = std::min(frames, kMaxFrames);
        const int intervals = loops ? t.frames : t.frames - 1;
        t.step = intervals > 0 ? t.duration / intervals : 0.0;
        t.fps = t.step > 0.0 ? std::clamp(1.0 / t.step, 0.1, 60.0) : fps;
    } else {
        const long n = std::lround(t.duration * fps);
        t.frames = static_cast<int>(std::clamp<long>(n + (loops ? 0 : 1), 1, kMaxFrames));
        t.step = 1.0 / fps;
        t.fps = fps;
    }
    return t;
}

bool ffmpegAvailable() {
    static const bool available = runProgram({"ffmpeg", "-version"});
    return available;
}

bool writeMp4(const std::string& path, const std::vector<std::string>& frames, double fps, std::string& error) {
    if (frames.empty()) {
        error = path + ": no frames";
        return false;
    }
    // ffmpeg reads the frames through a concat list, so any file names work.
    const std::string list = path + ".frames-" + std::to_string(::getpid()) + ".txt";
    std::string text;
    // Every frame is listed with its duration (the last one's is honoured too) and the output is
    // constant-rate, so n frames make an n / fps s video.
    char rate[32], shown[32];
    std::snprintf(rate, sizeof rate, "%.6g", fps);
    std::snprintf(shown, sizeof shown, "%.9f", 1.0 / std::max(0.1, fps));
    for (const auto& f : frames) {
        const std::string abs = std::filesystem::absolute(f).string();
        std::string quoted;
        for (char c : abs) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        text += "file '" + quoted + "'\nduration " + shown + "\n";
    }
    if (const auto d = io::writeFileAtomic(list, text)) {
        error = d->format();
        return false;
    }
    // ffmpeg writes a temporary file in the same folder; its bytes then replace the destination
    // through writeFileAtomic() like every file HipView writes (flushed, the old file kept on
    // failure, a link's target replaced, the mode kept).
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + ".mp4";
    const bool ok = runProgram({"ffmpeg", "-y", "-loglevel", "error", "-f", "concat", "-safe", "0", "-i", list,
                                "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2:color=white,format=yuv420p", "-fps_mode", "cfr",
                                "-r", rate, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart", tmp});
    std::remove(list.c_str());
    std::vector<std::uint8_t> video;
    if (ok) {
        std::ifstream in(tmp, std::ios::binary);
        video.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    std::remove(tmp.c_str());
    if (!ok || video.empty()) {
        error = path + ": ffmpeg could not write the MP4";
        return false;
    }
    if (const auto d = io::writeFileAtomic(path, video)) {
        error = d->format();
        return false;
    }
    return true;
}

} // namespace hv::cli
