// An OpenGL 3.3 core context with no window and no display: EGL on Mesa's surfaceless platform
// (EGL_MESA_platform_surfaceless). Used by `hipview render` and the tests; rendering goes into
// the renderer's own framebuffers. GLFW is not involved.
#pragma once

#include <memory>
#include <string>

namespace hv::render {

class HeadlessContext {
public:
    // Creates the context and makes it current on this thread. On failure returns null and sets
    // `error` to one line saying what failed (no EGL, no surfaceless platform, no GL 3.3 core).
    static std::unique_ptr<HeadlessContext> create(std::string& error);
    ~HeadlessContext();
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;

    bool makeCurrent();
    std::string description() const; // "OpenGL 4.5 (Core Profile) Mesa 22.3.6, llvmpipe (LLVM ...)"

private:
    HeadlessContext() = default;
    void* m_display = nullptr;
    void* m_context = nullptr;
};

} // namespace hv::render
