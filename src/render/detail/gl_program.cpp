#include "render/detail/gl_program.hpp"

#include "render/detail/shader_sources.hpp"

#include <algorithm>
#include <vector>

namespace hv::render::detail {

namespace {

// Prefixes every line of a driver's log with the file name, so "0:12(3): error" becomes
// "surface.frag: 0:12(3): error".
std::string prefixLines(std::string_view name, const std::string& log) {
    std::string out;
    std::size_t start = 0;
    while (start < log.size()) {
        std::size_t end = log.find('\n', start);
        if (end == std::string::npos) end = log.size();
        if (end > start) out += std::string(name) + ": " + log.substr(start, end - start) + "\n";
        start = end + 1;
    }
    if (out.empty()) out = std::string(name) + ": failed without a log\n";
    return out;
}

} // namespace

GLuint compileShader(GLenum stage, std::string_view name, std::string_view source, std::string& error) {
    if (source.empty()) {
        error = std::string(name) + ": no such shader (is it under shaders/?)";
        return 0;
    }
    const GLuint shader = glCreateShader(stage);
    const char* text = source.data();
    const GLint length = static_cast<GLint>(source.size());
    glShaderSource(shader, 1, &text, &length);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint logLength = 0;
        glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &logLength);
        std::string log(static_cast<std::size_t>(std::max(logLength, 1)), '\0');
        glGetShaderInfoLog(shader, logLength, nullptr, log.data());
        while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
        error = prefixLines(name, log);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

GlProgram::~GlProgram() {
    if (m_id) glDeleteProgram(m_id);
}

bool GlProgram::build(std::string_view vertexFile, std::string_view fragmentFile, std::string& error) {
    return buildFromSource(vertexFile, shaderSource(vertexFile), fragmentFile, shaderSource(fragmentFile), error);
}

namespace {

// `source` with `defines` after its first line (the #version line). Line numbers in driver
// messages then run `defines`' line count ahead; a #line directive puts them back.
std::string withDefines(std::string_view source, std::string_view defines) {
    if (defines.empty() || source.empty()) return std::string(source);
    // The directive, not the word in a comment: "#version" at the start of a line.
    std::size_t version = source.starts_with("#version") ? 0 : source.find("\n#version");
    if (version != std::string_view::npos && version > 0) ++version;
    if (version == std::string_view::npos) return std::string(defines) + std::string(source);
    const std::size_t eol = source.find('\n', version);
    if (eol == std::string_view::npos) return std::string(source);
    const std::size_t versionLine = static_cast<std::size_t>(std::count(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(version), '\n')) + 1;
    return std::string(source.substr(0, eol + 1)) + std::string(defines) + "#line " + std::to_string(versionLine + 1) + "\n" +
           std::string(source.substr(eol + 1));
}

} // namespace

bool GlProgram::build(std::string_view vertexFile, std::string_view fragmentFile, std::string_view defines,
                      std::string& error) {
    const std::string vs = withDefines(shaderSource(vertexFile), defines);
    const std::string fs = withDefines(shaderSource(fragmentFile), defines);
    std::string label = std::string(fragmentFile);
    if (!defines.empty()) {
        std::string d(defines);
        while (!d.empty() && d.back() == '\n') d.pop_back();
        for (char& c : d) if (c == '\n') c = ' ';
        label += " [" + d + "]";
    }
    if (shaderSource(vertexFile).empty() || shaderSource(fragmentFile).empty())
        return buildFromSource(vertexFile, shaderSource(vertexFile), fragmentFile, shaderSource(fragmentFile), error);
    return buildFromSource(vertexFile, vs, label, fs, error);
}

bool GlProgram::buildFromSource(std::string_view vertexName, std::string_view vertexSource,
                                std::string_view fragmentName, std::string_view fragmentSource, std::string& error) {
    const GLuint vs = compileShader(GL_VERTEX_SHADER, vertexName, vertexSource, error);
    if (!vs) return false;
    const GLuint fs = compileShader(GL_FRAGMENT_SHADER, fragmentName, fragmentSource, error);
    if (!fs) {
        glDeleteShader(vs);
        return false;
    }
    const GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint logLength = 0;
        glGetProgramiv(program, GL_INFO_LOG_LENGTH, &logLength);
        std::string log(static_cast<std::size_t>(std::max(logLength, 1)), '\0');
        glGetProgramInfoLog(program, logLength, nullptr, log.data());
        while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
        error = prefixLines(std::string(vertexName) + " + " + std::string(fragmentName) + " (link)", log);
        glDeleteProgram(program);
        return false;
    }
    if (m_id) glDeleteProgram(m_id);
    m_id = program;
    m_locations.clear();
    return true;
}

GLint GlProgram::location(const char* name) {
    auto it = m_locations.find(name);
    if (it != m_locations.end()) return it->second;
    const GLint loc = glGetUniformLocation(m_id, name);
    m_locations.emplace(name, loc);
    return loc;
}

} // namespace hv::render::detail
