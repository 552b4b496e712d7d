// blur.frag: 4x4 box blur of the ambient occlusion term, matching the 4x4 noise period.
#version 330 core

in vec2 v_uv;

uniform sampler2D u_source;

layout(location = 0) out vec4 o_value;

void main() {
    vec2 texel = 1.0 / vec2(textureSize(u_source, 0));
    float sum = 0.0;
    for (int y = -2; y < 2; ++y)
        for (int x = -2; x < 2; ++x) sum += texture(u_source, v_uv + (vec2(x, y) + 0.5) * texel).r;
    o_value = vec4(sum / 16.0);
}
