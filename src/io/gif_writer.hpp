// Animated GIF writing (giflib) for slides: each frame is quantised to its own palette of up to
// 256 colours (giflib's median cut over 5-bit channels); pixels with alpha < 128 become
// transparent. Frames are encoded as they are added (memory holds the compressed GIF only); the
// file is written atomically at the end.
#pragma once

#include "core/diagnostic.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hv::io {

class GifWriter {
  public:
    // width, height in pixels (1..65535); loopCount 0 repeats forever, n plays n + 1 times.
    GifWriter(int width, int height, int loopCount = 0);
    ~GifWriter();
    GifWriter(const GifWriter&) = delete;
    GifWriter& operator=(const GifWriter&) = delete;

    // Adds a frame shown for delayCentiseconds (1/100 s; browsers raise 0 and 1 to about 10).
    // `rgba` is width * height * 4 bytes, rows top to bottom unless flipVertically. False (with
    // error() set) when the size does not match or encoding failed; later calls then fail too.
    bool addFrame(std::span<const std::uint8_t> rgba, int delayCentiseconds,
                  bool flipVertically = false);

    // Finishes the GIF and returns its bytes; the writer takes no more frames afterwards. Empty on
    // failure or when no frame was added.
    std::vector<std::uint8_t> finish();

    // finish() then writeFileAtomic(): nothing on success, else a Diagnostic naming `path`.
    [[nodiscard]] std::optional<Diagnostic> write(const std::filesystem::path& path);

    int frameCount() const { return m_frames; }
    const std::string& error() const { return m_error; }

  private:
    struct State;
    std::unique_ptr<State> m_state;
    int m_width, m_height, m_loopCount;
    int m_frames = 0;
    std::string m_error;
};

} // namespace hv::io
