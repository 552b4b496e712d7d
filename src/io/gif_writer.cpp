#include "io/gif_writer.hpp"

#include "io/atomic_file.hpp"

#include <gif_lib.h>

#include <algorithm>
#include <cstring>

namespace hv::io {

struct GifWriter::State {
    std::vector<std::uint8_t> bytes;
    GifFileType* gif = nullptr;
    bool started = false; // screen descriptor written
    bool finished = false;
    bool failed = false;
};

namespace {

int appendOutput(GifFileType* gif, const GifByteType* data, int length) {
    auto* bytes = static_cast<std::vector<std::uint8_t>*>(gif->UserData);
    bytes->insert(bytes->end(), data, data + length);
    return length;
}

std::string gifError(const char* step, int code) {
    const char* text = GifErrorString(code);
    return std::string(step) + ": " + (text ? text : "giflib error " + std::to_string(code));
}

} // namespace

GifWriter::GifWriter(int width, int height, int loopCount)
    : m_state(std::make_unique<State>()), m_width(width), m_height(height),
      m_loopCount(std::clamp(loopCount, 0, 65535)) {
    if (width <= 0 || height <= 0 || width > 65535 || height > 65535) {
        m_error = "a GIF is 1 to 65535 pixels wide and high, not " + std::to_string(width) + "x" +
                  std::to_string(height);
        m_state->failed = true;
        return;
    }
    int code = 0;
    m_state->gif = EGifOpen(&m_state->bytes, &appendOutput, &code);
    if (!m_state->gif) {
        m_error = gifError("cannot start the GIF", code);
        m_state->failed = true;
    }
}

GifWriter::~GifWriter() {
    if (m_state && m_state->gif) {
        int code = 0;
        EGifCloseFile(m_state->gif, &code);
    }
}

bool GifWriter::addFrame(std::span<const std::uint8_t> rgba, int delayCentiseconds,
                         bool flipVertically) {
    State& st = *m_state;
    if (st.failed || st.finished) {
        if (m_error.empty()) m_error = "the GIF is already finished";
        return false;
    }
    const std::size_t pixels =
        static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height);
    if (rgba.size() != pixels * 4) {
        m_error = "a frame of " + std::to_string(m_width) + "x" + std::to_string(m_height) +
                  " needs " + std::to_string(pixels * 4) + " bytes of RGBA, not " +
                  std::to_string(rgba.size());
        return false;
    }
    GifFileType* gif = st.gif;
    auto fail = [&](const char* step) {
        m_error = gifError(step, gif->Error);
        st.failed = true;
        return false;
    };

    if (!st.started) {
        EGifSetGifVersion(gif, true);
        if (EGifPutScreenDesc(gif, m_width, m_height, 8, 0, nullptr) == GIF_ERROR)
            return fail("cannot write the screen descriptor");
        // NETSCAPE2.0 application extension: the loop count.
        const GifByteType loop[3] = {1, static_cast<GifByteType>(m_loopCount & 0xFF),
                                     static_cast<GifByteType>(m_loopCount >> 8)};
        if (EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
            EGifPutExtensionBlock(gif, 11, "NETSCAPE2.0") == GIF_ERROR ||
            EGifPutExtensionBlock(gif, 3, loop) == GIF_ERROR ||
            EGifPutExtensionTrailer(gif) == GIF_ERROR)
            return fail("cannot write the loop extension");
        st.started = true;
    }

    // Planes for the quantiser, top row first.
    std::vector<GifByteType> r(pixels), g(pixels), b(pixels);
    bool transparent = false;
    for (int y = 0; y < m_height; ++y) {
        const int src = flipVertically ? m_height - 1 - y : y;
        const std::uint8_t* in =
            rgba.data() + static_cast<std::size_t>(src) * static_cast<std::size_t>(m_width) * 4;
        const std::size_t row = static_cast<std::size_t>(y) * static_cast<std::size_t>(m_width);
        for (int x = 0; x < m_width; ++x) {
            r[row + static_cast<std::size_t>(x)] = in[x * 4];
            g[row + static_cast<std::size_t>(x)] = in[x * 4 + 1];
            b[row + static_cast<std::size_t>(x)] = in[x * 4 + 2];
            if (in[x * 4 + 3] < 128) transparent = true;
        }
    }
    int colours = transparent ? 255 : 256; // one index kept for transparency
    std::vector<GifByteType> indices(pixels);
    GifColorType palette[256] = {};
    if (GifQuantizeBuffer(static_cast<unsigned>(m_width), static_cast<unsigned>(m_height), &colours,
                          r.data(), g.data(), b.data(), indices.data(), palette) == GIF_ERROR) {
        m_error = "cannot reduce the frame to 256 colours";
        st.failed = true;
        return false;
    }
    const int transparentIndex = 255;
    if (transparent) {
        for (int y = 0; y < m_height; ++y) {
            const int src = flipVertically ? m_height - 1 - y : y;
            const std::uint8_t* in =
                rgba.data() + static_cast<std::size_t>(src) * static_cast<std::size_t>(m_width) * 4;
            for (int x = 0; x < m_width; ++x)
                if (in[x * 4 + 3] < 128)
                    indices[static_cast<std::size_t>(y) * static_cast<std::size_t>(m_width) +
                            static_cast<std::size_t>(x)] = transparentIndex;
        }
    }

    GraphicsControlBlock gcb{};
    gcb.DisposalMode = transparent ? DISPOSE_BACKGROUND : DISPOSE_DO_NOT;
    gcb.UserInputFlag = false;
    gcb.DelayTime = std::clamp(delayCentiseconds, 0, 65535);
    gcb.TransparentColor = transparent ? transparentIndex : NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    EGifGCBToExtension(&gcb, extension);
    if (EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, 4, extension) == GIF_ERROR)
        return fail("cannot write the frame's timing");

    ColorMapObject* map = GifMakeMapObject(256, palette);
    if (!map) {
        m_error = "cannot make the frame's palette";
        st.failed = true;
        return false;
    }
    const bool described = EGifPutImageDesc(gif, 0, 0, m_width, m_height, false, map) != GIF_ERROR;
    GifFreeMapObject(map);
    if (!described) return fail("cannot write the frame's descriptor");
    for (int y = 0; y < m_height; ++y)
        if (EGifPutLine(gif,
                        indices.data() +
                            static_cast<std::size_t>(y) * static_cast<std::size_t>(m_width),
                        m_width) == GIF_ERROR)
            return fail("cannot compress the frame");
    ++m_frames;
    return true;
}

std::vector<std::uint8_t> GifWriter::finish() {
    State& st = *m_state;
    if (st.finished) return {};
    st.finished = true;
    int code = 0;
    const bool closed = st.gif && EGifCloseFile(st.gif, &code) != GIF_ERROR;
    st.gif = nullptr;
    if (!closed && !st.failed) m_error = gifError("cannot finish the GIF", code);
    if (!closed || st.failed || m_frames == 0) {
        if (m_error.empty()) m_error = "the GIF has no frames";
        return {};
    }
    return std::move(st.bytes);
}

std::optional<Diagnostic> GifWriter::write(const std::filesystem::path& path) {
    const std::vector<std::uint8_t> bytes = finish();
    if (bytes.empty())
        return Diagnostic{path.string(), 0, 0, "",
                          m_error.empty() ? "the GIF could not be encoded" : m_error};
    return writeFileAtomic(path, bytes);
}

} // namespace hv::io
