// Compiling and linking the embedded shaders; every message names the shader file.
#pragma once

#include <epoxy/gl.h>

#include <string>
#include <string_view>
#include <unordered_map>

namespace hv::render::detail {

class GlProgram {
public:
    GlProgram() = default;
    ~GlProgram();
    GlProgram(const GlProgram&) = delete;
    GlProgram& operator=(const GlProgram&) = delete;

    // Builds from two embedded shader files (e.g. "mesh.vert", "surface.frag"). On failure
    // returns false and sets `error` to the compiler's log prefixed by the file name, e.g.
    // "surface.frag: 0:42(7): error: ...".
    bool build(std::string_view vertexFile, std::string_view fragmentFile, std::string& error);
    // The same with `defines` (e.g. "#define SURFACE_MUSCLE 1\n") inserted after each stage's
    // #version line; messages name the files and the defines.
    bool build(std::string_view vertexFile, std::string_view fragmentFile, std::string_view defines, std::string& error);
    // Builds from source text; `vertexName`/`fragmentName` name them in messages.
    bool buildFromSource(std::string_view vertexName, std::string_view vertexSource,
                         std::string_view fragmentName, std::string_view fragmentSource, std::string& error);

    GLuint id() const { return m_id; }
    bool valid() const { return m_id != 0; }
    void use() const { glUseProgram(m_id); }
    GLint location(const char* name); // cached; -1 if the uniform is unused

private:
    GLuint m_id = 0;
    std::unordered_map<std::string, GLint> m_locations;
};

// Compiles one shader stage; on failure returns 0 and sets `error` ("NAME: log").
GLuint compileShader(GLenum stage, std::string_view name, std::string_view source, std::string& error);

} // namespace hv::render::detail
