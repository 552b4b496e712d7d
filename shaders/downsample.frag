// downsample.frag: box filter of u_factor x u_factor source pixels per output pixel
// (supersampled figures). Premultiplied colour, so transparent edges stay clean.
#version 330 core

uniform sampler2D u_source;
uniform int u_factor;

layout(location = 0) out vec4 o_color;

void main() {
    ivec2 base = ivec2(gl_FragCoord.xy) * u_factor;
    vec4 sum = vec4(0.0);
    for (int y = 0; y < u_factor; ++y)
        for (int x = 0; x < u_factor; ++x) sum += texelFetch(u_source, base + ivec2(x, y), 0);
    o_color = sum / float(u_factor * u_factor);
}
