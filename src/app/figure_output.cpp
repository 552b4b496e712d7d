#include "app/figure_output.hpp"

#include <gif_lib.h>
#include <png.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace hv::cli {

bool writeFileAtomically(const std::string& path, std::string_view bytes, std::string& error) {
    static std::atomic<unsigned> counter{0};
    const std::filesystem::path target(path);
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    std::string tmpName = ".";
    tmpName += target.filename().string();
    tmpName += ".tmp-";
    tmpName += std::to_string(::getpid());
    tmpName += "-";
    tmpName += std::to_string(counter++);
    const std::string tmp = (dir / tmpName).string();
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = path + ": cannot write here: " + std::strerror(errno);
        return false;
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            error = path + ": write failed: " + std::strerror(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        error = path + ": write failed: " + std::strerror(errno);
        ::unlink(tmp.c_str());
        return false;
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        error = path + ": cannot replace the file: " + std::strerror(errno);
        ::unlink(tmp.c_str());
        return false;
    }
    return true;
}

namespace {

// libpng's error handling longjmps: keep this function free of locals that change after setjmp.
bool encodePngRows(const scene::Image& image, bool opaque, std::vector<png_byte>& row, std::string& out) {
    const std::size_t w = static_cast<std::size_t>(image.width), h = static_cast<std::size_t>(image.height);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(
        png, &out,
        [](png_structp p, png_bytep data, png_size_t n) {
            static_cast<std::string*>(png_get_io_ptr(p))->append(reinterpret_cast<const char*>(data), n);
        },
        nullptr);
    // Fast settings: zlib level 2 with run-length-friendly strategy and the Sub/Up filters, which
    // suit figures (large flat backgrounds, smooth shading).
    png_set_compression_level(png, 2);
    png_set_compression_strategy(png, Z_RLE);
    png_set_filter(png, 0, PNG_FILTER_SUB | PNG_FILTER_UP);
    png_set_IHDR(png, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), 8,
                 opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
    png_write_info(png, info);
    for (std::size_t y = 0; y < h; ++y) {
        const std::uint8_t* src = image.rgba.data() + y * w * 4;
        if (opaque) {
            for (std::size_t x = 0; x < w; ++x) std::memcpy(&row[x * 3], src + x * 4, 3);
            png_write_row(png, row.data());
        } else {
            png_write_row(png, const_cast<png_bytep>(src));
        }
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

} // namespace

std::string encodePng(const scene::Image& image) {
    bool opaque = true;
    for (std::size_t i = 3; i < image.rgba.size() && opaque; i += 4) opaque = image.rgba[i] == 255;
    std::vector<png_byte> row(static_cast<std::size_t>(image.width) * (opaque ? 3 : 4));
    std::string out;
    if (!encodePngRows(image, opaque, row, out)) return {};
    return out;
}

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

void FigureWriter::writePng(std::string path, scene::Image image) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_jobs.size() < 2; });
    m_jobs.push_back({std::move(path), std::move(image)});
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
        const std::string png = encodePng(job.image);
        if (png.empty()) error = job.path + ": PNG encoding failed";
        else writeFileAtomically(job.path, png, error);
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

bool readPng(const std::string& path, scene::Image& out) {
    png_image img;
    std::memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path.c_str())) return false;
    img.format = PNG_FORMAT_RGBA;
    out.width = static_cast<int>(img.width);
    out.height = static_cast<int>(img.height);
    out.rgba.resize(PNG_IMAGE_SIZE(img));
    if (!png_image_finish_read(&img, nullptr, out.rgba.data(), 0, nullptr)) {
        png_image_free(&img);
        return false;
    }
    return true;
}

// Runs a program with arguments (no shell); true if it exited with 0.
bool runProgram(const std::vector<std::string>& argv) {
    const pid_t pid = ::fork();
    if (pid < 0) return false;
    if (pid == 0) {
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        const int null = ::open("/dev/null", O_WRONLY);
        if (null >= 0) {
            ::dup2(null, 1);
            ::dup2(null, 2);
        }
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

} // namespace

bool ffmpegAvailable() {
    static const bool available = runProgram({"ffmpeg", "-version"});
    return available;
}

bool writeGif(const std::string& path, const std::vector<std::string>& frames, double fps, std::string& error) {
    std::vector<scene::Image> images(frames.size());
    for (std::size_t i = 0; i < frames.size(); ++i)
        if (!readPng(frames[i], images[i])) {
            error = frames[i] + ": cannot read the frame back for the GIF";
            return false;
        }
    if (images.empty()) {
        error = path + ": no frames";
        return false;
    }
    const int w = images[0].width, h = images[0].height;
    // One palette for all frames (no flicker): quantise a sample of every frame's opaque
    // pixels together; index 255 is transparency.
    std::vector<GifByteType> r, g, b;
    const std::size_t stride = std::max<std::size_t>(1, images.size() * static_cast<std::size_t>(w) * static_cast<std::size_t>(h) / 400000);
    std::size_t k = 0;
    for (const auto& im : images)
        for (std::size_t i = 0; i + 3 < im.rgba.size(); i += 4, ++k)
            if (k % stride == 0 && im.rgba[i + 3] >= 128) {
                r.push_back(im.rgba[i]);
                g.push_back(im.rgba[i + 1]);
                b.push_back(im.rgba[i + 2]);
            }
    if (r.empty()) r = g = b = {255};
    int colours = 255;
    std::vector<GifColorType> palette(256);
    std::vector<GifByteType> scratch(r.size());
    if (GifQuantizeBuffer(static_cast<unsigned>(r.size()), 1, &colours, r.data(), g.data(), b.data(), scratch.data(),
                          palette.data()) == GIF_ERROR) {
        error = path + ": colour quantisation failed";
        return false;
    }
    // Nearest palette entry for every 5-bit-per-channel colour.
    std::vector<GifByteType> lookup(32768);
    for (int c = 0; c < 32768; ++c) {
        const int cr = ((c >> 10) & 31) * 255 / 31, cg = ((c >> 5) & 31) * 255 / 31, cb = (c & 31) * 255 / 31;
        int best = 0, bestD = 1 << 30;
        for (int p = 0; p < colours; ++p) {
            const int dr = cr - palette[static_cast<std::size_t>(p)].Red, dg = cg - palette[static_cast<std::size_t>(p)].Green,
                      db = cb - palette[static_cast<std::size_t>(p)].Blue;
            const int d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
            if (d < bestD) bestD = d, best = p;
        }
        lookup[static_cast<std::size_t>(c)] = static_cast<GifByteType>(best);
    }
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    int gifError = 0;
    GifFileType* gif = EGifOpenFileName(tmp.c_str(), false, &gifError);
    if (!gif) {
        error = path + ": cannot write here";
        return false;
    }
    EGifSetGifVersion(gif, true); // GIF89a: transparency and the looping extension
    palette.resize(256);
    palette[255] = {255, 255, 255};
    ColorMapObject* map = GifMakeMapObject(256, palette.data());
    bool ok = EGifPutScreenDesc(gif, w, h, 8, 0, map) == GIF_OK;
    // Loop forever (NETSCAPE2.0 application extension).
    const unsigned char netscape[] = "NETSCAPE2.0";
    const unsigned char loop[] = {1, 0, 0};
    ok = ok && EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) == GIF_OK &&
         EGifPutExtensionBlock(gif, 11, netscape) == GIF_OK && EGifPutExtensionBlock(gif, 3, loop) == GIF_OK &&
         EGifPutExtensionTrailer(gif) == GIF_OK;
    const int delay = static_cast<int>(std::lround(100.0 / std::max(1.0, fps)));
    static const int bayer[4][4] = {{0, 8, 2, 10}, {12, 4, 14, 6}, {3, 11, 1, 9}, {15, 7, 13, 5}};
    std::vector<GifByteType> line(static_cast<std::size_t>(w));
    for (const auto& im : images) {
        if (!ok) break;
        GraphicsControlBlock gcb;
        gcb.DisposalMode = DISPOSE_BACKGROUND;
        gcb.UserInputFlag = false;
        gcb.DelayTime = delay;
        gcb.TransparentColor = 255;
        GifByteType ext[4];
        EGifGCBToExtension(&gcb, ext);
        ok = EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, 4, ext) == GIF_OK &&
             EGifPutImageDesc(gif, 0, 0, w, h, false, nullptr) == GIF_OK;
        for (int y = 0; y < h && ok; ++y) {
            for (int x = 0; x < w; ++x) {
                const std::uint8_t* p = &im.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)) * 4];
                if (p[3] < 128) {
                    line[static_cast<std::size_t>(x)] = 255;
                    continue;
                }
                const int d = bayer[y & 3][x & 3] / 2 - 4; // ordered dither across the 5-bit steps
                const auto q = [&](int v) { return std::clamp(v + d, 0, 255) >> 3; };
                line[static_cast<std::size_t>(x)] = lookup[static_cast<std::size_t>((q(p[0]) << 10) | (q(p[1]) << 5) | q(p[2]))];
            }
            ok = EGifPutLine(gif, line.data(), w) == GIF_OK;
        }
    }
    GifFreeMapObject(map);
    if (EGifCloseFile(gif, &gifError) != GIF_OK) ok = false;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        error = path + ": writing the GIF failed";
        return false;
    }
    return true;
}

bool writeMp4(const std::string& path, const std::vector<std::string>& frames, double fps, std::string& error) {
    if (frames.empty()) {
        error = path + ": no frames";
        return false;
    }
    // ffmpeg reads the numbered frames through a concat list, so any names work.
    const std::string list = path + ".frames-" + std::to_string(::getpid()) + ".txt";
    std::string text;
    for (const auto& f : frames) {
        std::string abs = std::filesystem::absolute(f).string();
        std::string quoted;
        for (char c : abs) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        text += "file '" + quoted + "'\nduration " + std::to_string(1.0 / std::max(1.0, fps)) + "\n";
    }
    if (!writeFileAtomically(list, text, error)) return false;
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + ".mp4";
    const bool ok = runProgram({"ffmpeg", "-y", "-loglevel", "error", "-f", "concat", "-safe", "0", "-i", list, "-r",
                                std::to_string(fps), "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2:color=white,format=yuv420p",
                                "-c:v", "libx264", "-movflags", "+faststart", tmp});
    std::remove(list.c_str());
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        error = path + ": ffmpeg could not write the MP4";
        return false;
    }
    return true;
}

} // namespace hv::cli
