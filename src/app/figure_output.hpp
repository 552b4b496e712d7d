// Writing what `hipview render` makes: PNGs (on a background thread, so encoding one figure
// overlaps rendering the next), animated GIFs (giflib) and MP4s (through an installed ffmpeg).
// Every file is written atomically: a temporary file in the same folder, then a rename, so a
// failure leaves no partial file and never replaces a good file with a broken one.
#pragma once

#include "scene/scene.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hv::cli {

// Writes `bytes` to `path` atomically. false with `error` ("PATH: reason") on failure.
bool writeFileAtomically(const std::string& path, std::string_view bytes, std::string& error);

// PNG bytes of an RGBA8 image (straight alpha, rows from the top); RGB when fully opaque.
std::string encodePng(const scene::Image& image);

class FigureWriter {
public:
    FigureWriter();
    ~FigureWriter();
    // Queues an image to be encoded and written (blocks while two are already waiting).
    void writePng(std::string path, scene::Image image);
    // Waits for every queued file; prints each failure; false if any failed.
    bool finish();

private:
    struct Job {
        std::string path;
        scene::Image image;
    };
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Job> m_jobs;
    bool m_busy = false, m_stop = false;
    std::vector<std::string> m_errors;
    std::thread m_thread;
    void run();
};

bool ffmpegAvailable();
// An animated GIF of PNG frames already written (global palette, transparency kept).
bool writeGif(const std::string& path, const std::vector<std::string>& framePngs, double fps, std::string& error);
// An H.264 MP4 of PNG frames (yuv420p, even size) through ffmpeg.
bool writeMp4(const std::string& path, const std::vector<std::string>& framePngs, double fps, std::string& error);

} // namespace hv::cli
