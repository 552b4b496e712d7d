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

// When each frame of an animation of a movement is taken and how long it is shown, so that GIFs
// and MP4s play in real time. Times in seconds of the movement; rates in frames per second.
struct AnimationTiming {
    int frames = 1;
    double step = 0.0; // s of the movement between two frames
    double fps = 30.0; // playback rate: 1 / step, so one second of video is one of the movement
    double duration = 0.0; // s, the movement's
    // The movement time of frame i (0 <= i < frames), never past the movement's end.
    double time(int i) const;
    // GIF delays are whole 1/100 s: frame i is shown from round(100 i / fps) to
    // round(100 (i + 1) / fps) centiseconds, so 30 frames per second alternate 3, 4 and 3 and every
    // second of the GIF is exactly 100 (no drift); at least 2, since browsers slow 0 and 1 to 10.
    int gifDelayCs(int i) const;
};
// frames > 0: that many frames spread over the movement (a looping one leaves out its last key,
// which equals its first); frames == 0: sampled at `fps` (1..60), round(duration * fps) frames,
// plus one for a movement that does not loop so its last key is shown. At most 10000 frames.
AnimationTiming animationTiming(double duration, bool loops, int frames, double fps);

bool ffmpegAvailable();
// An H.264 MP4 of PNG frames through ffmpeg, written atomically: yuv420p (odd sizes padded to even
// with white), constant `fps` frames per second, each frame shown 1 / fps s, the index at the
// front (faststart) so PowerPoint, phones and browsers play it while it loads.
bool writeMp4(const std::string& path, const std::vector<std::string>& framePngs, double fps, std::string& error);

} // namespace hv::cli
