#include "io/png_writer.hpp"

#include "io/atomic_file.hpp"

#include <png.h>
#include <zlib.h>

#include <csetjmp>

namespace hv::io {

namespace {

struct Sink {
    std::vector<std::uint8_t>* out;
};

void writeToVector(png_structp png, png_bytep data, png_size_t length) {
    auto* sink = static_cast<Sink*>(png_get_io_ptr(png));
    sink->out->insert(sink->out->end(), data, data + length);
}

void flushNothing(png_structp) {}

bool opaque(std::span<const std::uint8_t> rgba) {
    for (std::size_t i = 3; i < rgba.size(); i += 4)
        if (rgba[i] != 255) return false;
    return true;
}

// libpng reports errors by longjmp; nothing with a destructor may live across setjmp in the
// function that calls it, so the encoding itself is plain C-style.
bool encodeInto(std::vector<std::uint8_t>& out, const std::uint8_t* rgba, int width, int height,
                const PngOptions& options, bool rgb) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        return false;
    }
    Sink sink{&out};
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, &sink, &writeToVector, &flushNothing);
    png_set_compression_level(png, options.compressionLevel < 0   ? 0
                                   : options.compressionLevel > 9 ? 9
                                                                  : options.compressionLevel);
    png_set_compression_strategy(png, Z_DEFAULT_STRATEGY);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
                 rgb ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    if (rgb) png_set_filler(png, 0, PNG_FILLER_AFTER); // drop the 4th byte of each input pixel
    const std::size_t stride = static_cast<std::size_t>(width) * 4;
    for (int y = 0; y < height; ++y) {
        const int row = options.flipVertically ? height - 1 - y : y;
        png_write_row(png, const_cast<png_bytep>(rgba + static_cast<std::size_t>(row) * stride));
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}

} // namespace

std::vector<std::uint8_t> encodePng(std::span<const std::uint8_t> rgba, int width, int height,
                                    const PngOptions& options) {
    if (width <= 0 || height <= 0 || width > 1'000'000 || height > 1'000'000) return {};
    if (rgba.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4)
        return {};
    const bool rgb = !options.keepOpaqueAlpha && opaque(rgba);
    std::vector<std::uint8_t> out;
    out.reserve(rgba.size() / 8);
    if (!encodeInto(out, rgba.data(), width, height, options, rgb)) return {};
    return out;
}

std::optional<Diagnostic> writePng(const std::filesystem::path& path,
                                   std::span<const std::uint8_t> rgba, int width, int height,
                                   const PngOptions& options) {
    const std::vector<std::uint8_t> bytes = encodePng(rgba, width, height, options);
    if (bytes.empty())
        return Diagnostic{path.string(), 0, 0, "",
                          "cannot encode a " + std::to_string(width) + "x" +
                              std::to_string(height) + " image from " +
                              std::to_string(rgba.size()) + " bytes of RGBA"};
    return writeFileAtomic(path, bytes);
}

} // namespace hv::io
