// Atomic file writes, PNG encoding and animated GIF writing. PNGs and GIFs are decoded again
// (libpng, giflib) and compared pixel by pixel.
#include "io/atomic_file.hpp"
#include "io/gif_writer.hpp"
#include "io/png_writer.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <gif_lib.h>
#include <png.h>

#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <unistd.h>

using namespace hv;
using hv::test::readText;
using hv::test::TempDir;
using hv::test::writeText;

namespace {

std::size_t filesIn(const std::filesystem::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir))
        ++n;
    return n;
}

// Limits the size of files this process may write (RLIMIT_FSIZE) for its lifetime: a write past
// it fails with EFBIG, even for root, which ignores folder permissions.
class FileSizeLimit {
  public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN); // report EFBIG instead of killing the process
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }

  private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
};

// A test image: a colour ramp with a transparent corner.
std::vector<std::uint8_t> testImage(int w, int h, bool transparentCorner) {
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w * h * 4));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = &rgba[static_cast<std::size_t>((y * w + x) * 4)];
            p[0] = static_cast<std::uint8_t>(x * 255 / std::max(w - 1, 1));
            p[1] = static_cast<std::uint8_t>(y * 255 / std::max(h - 1, 1));
            p[2] = static_cast<std::uint8_t>((x + y) % 256);
            p[3] = transparentCorner && x < w / 4 && y < h / 4 ? 0 : 255;
        }
    return rgba;
}

std::vector<std::uint8_t> decodePng(const std::vector<std::uint8_t>& bytes, int& w, int& h) {
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) return {};
    image.format = PNG_FORMAT_RGBA;
    std::vector<std::uint8_t> out(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, out.data(), 0, nullptr)) return {};
    w = static_cast<int>(image.width);
    h = static_cast<int>(image.height);
    return out;
}

} // namespace

TEST_CASE("an atomic write creates a new file and replaces an old one") {
    TempDir dir;
    const auto path = dir / "settings.toml";
    REQUIRE_FALSE(io::writeFileAtomic(path, std::string_view("first")));
    CHECK(readText(path) == "first");
    REQUIRE_FALSE(io::writeFileAtomic(path, std::string_view("second, longer")));
    CHECK(readText(path) == "second, longer");
    CHECK(filesIn(dir.path()) == 1); // no temporary file left behind
}

TEST_CASE("an atomic write keeps the mode of the file it replaces") {
    TempDir dir;
    const auto path = dir / "figure.png";
    writeText(path, "old");
    std::filesystem::permissions(path, std::filesystem::perms::owner_read |
                                           std::filesystem::perms::owner_write |
                                           std::filesystem::perms::group_read);
    REQUIRE_FALSE(io::writeFileAtomic(path, std::string_view("new")));
    const auto perms = std::filesystem::status(path).permissions();
    CHECK((perms & std::filesystem::perms::group_read) != std::filesystem::perms::none);
    CHECK((perms & std::filesystem::perms::others_read) == std::filesystem::perms::none);
}

TEST_CASE(
    "a write that fails part-way leaves the old file intact and names the path and the OS reason") {
    TempDir dir;
    const auto path = dir / "scene.txt";
    writeText(path, "the teacher's old scene file");
    const std::string big(200000, 'x');
    std::optional<Diagnostic> d;
    {
        const FileSizeLimit limit(4096); // the write of 200 kB fails with EFBIG
        d = io::writeFileAtomic(path, big);
    }
    REQUIRE(d.has_value());
    CHECK(d->file == path.string());
    CHECK(d->message.find(std::strerror(EFBIG)) != std::string::npos);
    CHECK(readText(path) == "the teacher's old scene file");
    CHECK(filesIn(dir.path()) == 1); // the temporary file was removed
}

TEST_CASE("a write into an unwritable folder fails with a message and leaves the old file") {
    if (::geteuid() == 0) {
        // root ignores folder permissions; the size-limit case above covers failure for root.
        MESSAGE("skipped: running as root, folder permissions do not stop writes");
        return;
    }
    TempDir dir;
    const auto folder = dir / "locked";
    std::filesystem::create_directories(folder);
    const auto path = folder / "figure.png";
    writeText(path, "old");
    std::filesystem::permissions(folder, std::filesystem::perms::owner_read |
                                             std::filesystem::perms::owner_exec);
    const auto d = io::writeFileAtomic(path, std::string_view("new"));
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all);
    REQUIRE(d.has_value());
    CHECK(d->message.find(std::strerror(EACCES)) != std::string::npos);
    CHECK(readText(path) == "old");
}

TEST_CASE("a write into a folder that does not exist gets a message naming the path") {
    TempDir dir;
    const auto path = dir / "missing" / "figure.png";
    const auto d = io::writeFileAtomic(path, std::string_view("x"));
    REQUIRE(d.has_value());
    CHECK(d->file == path.string());
    CHECK(d->message.find(std::strerror(ENOENT)) != std::string::npos);
}

TEST_CASE("an atomic write through a symbolic link replaces the target and keeps the link") {
    TempDir dir;
    writeText(dir / "real.txt", "old");
    std::filesystem::create_symlink(dir / "real.txt", dir / "link.txt");
    REQUIRE_FALSE(io::writeFileAtomic(dir / "link.txt", std::string_view("new")));
    CHECK(std::filesystem::is_symlink(dir / "link.txt"));
    CHECK(readText(dir / "real.txt") == "new");
}

TEST_CASE("a PNG decodes back to the same RGBA pixels, with and without alpha") {
    for (const bool transparent : {false, true}) {
        const int w = 37, h = 23;
        const std::vector<std::uint8_t> rgba = testImage(w, h, transparent);
        const std::vector<std::uint8_t> png = io::encodePng(rgba, w, h);
        REQUIRE(png.size() > 8);
        CHECK(std::memcmp(png.data(), "\x89PNG\r\n\x1a\n", 8) == 0);
        // IHDR colour type (byte 25): 2 = RGB for an opaque image, 6 = RGBA otherwise
        CHECK(png[25] == (transparent ? 6 : 2));
        int dw = 0, dh = 0;
        const std::vector<std::uint8_t> back = decodePng(png, dw, dh);
        CHECK(dw == w);
        CHECK(dh == h);
        CHECK(back == rgba);
    }
}

TEST_CASE("a PNG can be written bottom row first, as glReadPixels delivers it") {
    const int w = 4, h = 3;
    const std::vector<std::uint8_t> rgba = testImage(w, h, false);
    io::PngOptions options;
    options.flipVertically = true;
    int dw = 0, dh = 0;
    const std::vector<std::uint8_t> back = decodePng(io::encodePng(rgba, w, h, options), dw, dh);
    REQUIRE(back.size() == rgba.size());
    for (int y = 0; y < h; ++y)
        CHECK(std::memcmp(&back[static_cast<std::size_t>(y * w * 4)],
                          &rgba[static_cast<std::size_t>((h - 1 - y) * w * 4)],
                          static_cast<std::size_t>(w * 4)) == 0);
}

TEST_CASE("PNG encoding refuses a buffer whose size does not match the image") {
    const std::vector<std::uint8_t> rgba(10);
    CHECK(io::encodePng(rgba, 2, 2).empty());
    TempDir dir;
    const auto d = io::writePng(dir / "x.png", rgba, 2, 2);
    REQUIRE(d.has_value());
    CHECK(d->message.find("2x2") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "x.png"));
}

TEST_CASE("the same image gives the same PNG bytes every time") {
    const std::vector<std::uint8_t> rgba = testImage(64, 48, true);
    CHECK(io::encodePng(rgba, 64, 48) == io::encodePng(rgba, 64, 48));
}

TEST_CASE("an animated GIF keeps its frames, delays, loop and transparency") {
    const int w = 40, h = 30;
    TempDir dir;
    const auto path = dir / "movement.gif";
    {
        io::GifWriter gif(w, h, 0);
        for (int f = 0; f < 3; ++f) {
            std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w * h * 4));
            for (std::size_t i = 0; i < rgba.size(); i += 4) {
                rgba[i] = static_cast<std::uint8_t>(80 * f); // each frame a flat colour
                rgba[i + 1] = 100;
                rgba[i + 2] = 200;
                rgba[i + 3] =
                    f == 2 && i < 4 * 10 ? 0 : 255; // frame 2: first 10 pixels transparent
            }
            REQUIRE(gif.addFrame(rgba, 5 + f));
        }
        CHECK(gif.frameCount() == 3);
        REQUIRE_FALSE(gif.write(path));
    }
    int error = 0;
    GifFileType* gif = DGifOpenFileName(path.c_str(), &error);
    REQUIRE(gif != nullptr);
    REQUIRE(DGifSlurp(gif) == GIF_OK);
    CHECK(gif->SWidth == w);
    CHECK(gif->SHeight == h);
    REQUIRE(gif->ImageCount == 3);
    bool loops = false;
    for (int i = 0; i < gif->ImageCount; ++i) {
        GraphicsControlBlock gcb;
        REQUIRE(DGifSavedExtensionToGCB(gif, i, &gcb) == GIF_OK);
        CHECK(gcb.DelayTime == 5 + i);
        const SavedImage& img = gif->SavedImages[i];
        const ColorMapObject* map =
            img.ImageDesc.ColorMap ? img.ImageDesc.ColorMap : gif->SColorMap;
        REQUIRE(map != nullptr);
        const GifColorType c = map->Colors[img.RasterBits[w * h - 1]];
        CHECK(std::abs(c.Red - 80 * i) <= 8); // 5-bit quantisation
        CHECK(std::abs(c.Blue - 200) <= 8);
        if (i == 2) {
            CHECK(gcb.TransparentColor >= 0);
            CHECK(img.RasterBits[0] == gcb.TransparentColor);
            CHECK(img.RasterBits[w * h - 1] != gcb.TransparentColor);
        } else {
            CHECK(gcb.TransparentColor == NO_TRANSPARENT_COLOR);
        }
        for (int e = 0; e < img.ExtensionBlockCount; ++e)
            if (img.ExtensionBlocks[e].Function == APPLICATION_EXT_FUNC_CODE &&
                img.ExtensionBlocks[e].ByteCount == 11 &&
                std::memcmp(img.ExtensionBlocks[e].Bytes, "NETSCAPE2.0", 11) == 0)
                loops = true;
    }
    CHECK(loops);
    DGifCloseFile(gif, &error);
}

TEST_CASE("a GIF frame of the wrong size is refused and a GIF without frames is not written") {
    TempDir dir;
    io::GifWriter gif(8, 8);
    const std::vector<std::uint8_t> wrong(10);
    CHECK_FALSE(gif.addFrame(wrong, 10));
    CHECK(gif.error().find("8x8") != std::string::npos);
    const auto d = gif.write(dir / "empty.gif");
    REQUIRE(d.has_value());
    CHECK_FALSE(std::filesystem::exists(dir / "empty.gif"));
}
