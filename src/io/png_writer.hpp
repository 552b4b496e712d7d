// PNG encoding (libpng) tuned for rendered figures: zlib level 1 with the "up" filter, and RGB
// instead of RGBA when every pixel is opaque. At 1920x1080 that is about 35-45 ms on the 2-core
// reference machine against about 230 ms for stb_image_write's defaults (bench/bench_io prints
// the numbers).
#pragma once

#include "core/diagnostic.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <vector>

namespace hv::io {

struct PngOptions {
    int compressionLevel = 1;     // zlib 0 (store) .. 9 (smallest, slowest)
    bool flipVertically = false;  // true for glReadPixels output (bottom row first)
    bool keepOpaqueAlpha = false; // false: an image opaque everywhere is written as RGB
};

// Encodes `rgba` (width * height * 4 bytes, rows top to bottom unless flipVertically, 8-bit
// sRGB colour with straight alpha) as a PNG file's bytes. Returns an empty vector when the sizes
// do not match or are not positive, or libpng fails.
std::vector<std::uint8_t> encodePng(std::span<const std::uint8_t> rgba, int width, int height,
                                    const PngOptions& options = {});

// encodePng() then writeFileAtomic(): nothing on success, else a Diagnostic naming `path` and the
// reason; a failed write leaves an existing file intact.
[[nodiscard]] std::optional<Diagnostic> writePng(const std::filesystem::path& path,
                                                 std::span<const std::uint8_t> rgba, int width,
                                                 int height, const PngOptions& options = {});

} // namespace hv::io
