// Adaptive quality for software OpenGL (Mesa llvmpipe on 2 cores): while the view moves (orbit,
// pan, zoom, a pose being dragged, a movement playing) the scene is drawn with lighter meshes
// (level_of_detail.hpp), at a lower resolution, without multisampling and without ambient
// occlusion; once everything has been still for a
// moment it is drawn once at full quality and that picture is kept (the window then only redraws
// its panels over it). See bench/bench_viewer.cpp for the frame times. GL-free.
#pragma once

#include <algorithm>
#include <optional>

namespace hv::doc {

struct Quality {
    float resolutionScale = 1.0f; // fraction of the viewport's pixels per side
    int samples = 4;              // MSAA samples (1 = none)
    bool ambientOcclusion = true;
    bool fullDetail = true;       // false: the simplified meshes (Detail::Coarse)
    friend bool operator==(const Quality&, const Quality&) = default;
};

struct QualitySettings {
    bool adaptive = true;                                    // false: always full quality
    Quality full{1.0f, 4, true, true};
    Quality moving{0.6f, 1, false, false};
    double settleSeconds = 0.25;                             // still this long -> full quality
};

// Decides, frame by frame, which quality to draw at and whether the scene needs drawing at all.
class QualityPolicy {
public:
    explicit QualityPolicy(QualitySettings settings = {}) : m_settings(settings) {}
    QualitySettings& settings() { return m_settings; }

    // Call once per frame: `now` in seconds (monotonic), `sceneChanged` true when the picture would
    // differ from the last one drawn (camera, draw list or viewport changed), `interacting` true
    // while the user holds a drag or a movement plays. Returns the quality to draw at, or nullopt
    // when the kept picture is still right.
    std::optional<Quality> next(double now, bool sceneChanged, bool interacting) {
        if (sceneChanged || interacting) m_lastMotion = now;
        const bool settled = !interacting && now - m_lastMotion >= m_settings.settleSeconds;
        const Quality want = !m_settings.adaptive || settled ? m_settings.full : m_settings.moving;
        // Draw when the picture changed, or when it is time to replace a moving-quality picture
        // with a full one.
        if (sceneChanged || !(want == m_drawn) || !m_haveDrawn) {
            m_drawn = want;
            m_haveDrawn = true;
            return want;
        }
        return std::nullopt;
    }
    // Forgets the kept picture (e.g. the window was resized).
    void invalidate() { m_haveDrawn = false; }
    bool atFullQuality() const { return m_haveDrawn && m_drawn == m_settings.full; }

private:
    QualitySettings m_settings;
    double m_lastMotion = -1e9;
    Quality m_drawn;
    bool m_haveDrawn = false;
};

// A quality's render size for a viewport of `width` x `height` pixels (at least 1 x 1).
inline void scaledSize(const Quality& q, int width, int height, int& outW, int& outH) {
    outW = std::max(1, static_cast<int>(static_cast<float>(width) * q.resolutionScale + 0.5f));
    outH = std::max(1, static_cast<int>(static_cast<float>(height) * q.resolutionScale + 0.5f));
}

} // namespace hv::doc
