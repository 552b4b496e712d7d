// Writing what `hipview render` makes: PNGs on a background thread (encoding one figure overlaps
// rendering the next), frames of animated GIFs, and MP4s through an installed ffmpeg. The file
// formats and atomic writes are hv::io's (png_writer.hpp, gif_writer.hpp, atomic_file.hpp): a
// failure leaves no partial file and never replaces a good file with a broken one.
#pragma once

#include "io/gif_writer.hpp"
#include "scene/scene.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hv::cli {

class FigureWriter {
public:
    FigureWriter();
    ~FigureWriter();
    // Queues an image to be encoded and written (blocks while two are already waiting). With
    // `gif`, the image is also added to it as the next frame, shown for `delayCs` 1/100 s
    // (frames are added in the order they were queued).
    void writePng(std::string path, scene::Image image, io::GifWriter* gif = nullptr, int delayCs = 10);
    // Waits for every queued file; prints each failure; false if any failed.
    bool finish();

private:
    struct Job {
        std::string path;
        scene::Image image;
        io::GifWriter* gif = nullptr;
        int delayCs = 10;
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
// An H.264 MP4 of PNG frames (yuv420p, even size) through ffmpeg, written atomically.
bool writeMp4(const std::string& path, const std::vector<std::string>& framePngs, double fps, std::string& error);

} // namespace hv::cli
