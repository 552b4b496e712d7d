// The shaders under shaders/, embedded into the binary at build time (embed_shaders.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace hv::render::detail {

struct EmbeddedShader {
    std::string_view name; // file name, e.g. "surface.frag"
    const char* text;
    std::size_t size;
};

const std::vector<EmbeddedShader>& embeddedShaders();

// The source of shader file `name`; empty if there is no such file.
inline std::string_view shaderSource(std::string_view name) {
    for (const EmbeddedShader& s : embeddedShaders())
        if (s.name == name) return {s.text, s.size};
    return {};
}

} // namespace hv::render::detail
