#include "render/headless_context.hpp"

#include <epoxy/egl.h>
#include <epoxy/gl.h>

#include <cstring>

namespace hv::render {

namespace {

std::string eglErrorText(EGLint e) {
    switch (e) {
    case EGL_NOT_INITIALIZED: return "EGL_NOT_INITIALIZED";
    case EGL_BAD_ACCESS: return "EGL_BAD_ACCESS";
    case EGL_BAD_ALLOC: return "EGL_BAD_ALLOC";
    case EGL_BAD_ATTRIBUTE: return "EGL_BAD_ATTRIBUTE";
    case EGL_BAD_CONFIG: return "EGL_BAD_CONFIG";
    case EGL_BAD_CONTEXT: return "EGL_BAD_CONTEXT";
    case EGL_BAD_DISPLAY: return "EGL_BAD_DISPLAY";
    case EGL_BAD_MATCH: return "EGL_BAD_MATCH";
    case EGL_BAD_PARAMETER: return "EGL_BAD_PARAMETER";
    default: return "EGL error " + std::to_string(e);
    }
}

} // namespace

std::unique_ptr<HeadlessContext> HeadlessContext::create(std::string& error) {
    const char* clientExtensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    if (!clientExtensions || !std::strstr(clientExtensions, "EGL_MESA_platform_surfaceless")) {
        error = "EGL has no surfaceless platform (EGL_MESA_platform_surfaceless); install libegl-mesa0 and libgl1-mesa-dri";
        return nullptr;
    }
    EGLDisplay display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (display == EGL_NO_DISPLAY) {
        error = "eglGetPlatformDisplayEXT(surfaceless) failed: " + eglErrorText(eglGetError());
        return nullptr;
    }
    EGLint major = 0, minor = 0;
    if (!eglInitialize(display, &major, &minor)) {
        error = "eglInitialize failed: " + eglErrorText(eglGetError());
        return nullptr;
    }
    if (!eglBindAPI(EGL_OPENGL_API)) {
        error = "eglBindAPI(EGL_OPENGL_API) failed: " + eglErrorText(eglGetError());
        eglTerminate(display);
        return nullptr;
    }
    EGLConfig config = nullptr;
    const EGLint configAttributes[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_NONE};
    EGLint count = 0;
    if (!eglChooseConfig(display, configAttributes, &config, 1, &count) || count < 1) config = nullptr;
    const char* displayExtensions = eglQueryString(display, EGL_EXTENSIONS);
    if (!config && !(displayExtensions && std::strstr(displayExtensions, "EGL_KHR_no_config_context"))) {
        error = "EGL offers no OpenGL config and no EGL_KHR_no_config_context";
        eglTerminate(display);
        return nullptr;
    }
    const EGLint contextAttributes[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                        EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                        EGL_NONE};
    EGLContext context = eglCreateContext(display, config ? config : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, contextAttributes);
    if (context == EGL_NO_CONTEXT) {
        error = "no OpenGL 3.3 core context: " + eglErrorText(eglGetError());
        eglTerminate(display);
        return nullptr;
    }
    if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
        error = "eglMakeCurrent without a surface failed: " + eglErrorText(eglGetError());
        eglDestroyContext(display, context);
        eglTerminate(display);
        return nullptr;
    }
    std::unique_ptr<HeadlessContext> c(new HeadlessContext);
    c->m_display = display;
    c->m_context = context;
    if (epoxy_gl_version() < 33) {
        error = "OpenGL " + std::to_string(epoxy_gl_version() / 10) + "." + std::to_string(epoxy_gl_version() % 10) +
                " is too old; HipView needs 3.3 core";
        return nullptr;
    }
    return c;
}

HeadlessContext::~HeadlessContext() {
    if (m_display) {
        eglMakeCurrent(m_display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        if (m_context) eglDestroyContext(m_display, m_context);
        // No eglTerminate(): it unloads Mesa's driver, whose few never-freed allocations then
        // show up in leak checkers as coming from an unknown module that no suppression can
        // name. The display is process-wide anyway; the next create() initialises it again.
    }
}

bool HeadlessContext::makeCurrent() {
    return eglMakeCurrent(m_display, EGL_NO_SURFACE, EGL_NO_SURFACE, m_context) == EGL_TRUE;
}

std::string HeadlessContext::description() const {
    const auto str = [](GLenum e) {
        const auto* s = reinterpret_cast<const char*>(glGetString(e));
        return std::string(s ? s : "?");
    };
    return "OpenGL " + str(GL_VERSION) + ", " + str(GL_RENDERER);
}

} // namespace hv::render
