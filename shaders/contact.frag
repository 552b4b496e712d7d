// contact.frag: the floor's contact shadow, a separable blur run twice (across, then along).
// The first run reads u_source as the height texture: the depth of the lowest opaque surface
// above each point of the floor, seen from below by an orthographic camera whose depth range runs
// from a little below the floor (u_below of the range) to the shadow's reach (1; 1 also where
// nothing is); a surface on the floor counts fully, one at the reach not at all. The second run
// blurs the first's result. The outcome (0 no shadow, 1 full) is a soft blob, strong under a foot
// or a knee on the floor, spreading a little past it, and gone by the reach.
#version 330 core

in vec2 v_uv;

uniform sampler2D u_source;
uniform int u_fromHeight;   // 1: u_source is the height texture; 0: a first run's result
uniform vec2 u_step;        // tap spacing, texture coordinates (one axis)
uniform float u_below;      // the floor's depth in the height texture

layout(location = 0) out vec4 o_value;

float closeness(float depth) {
    float h = clamp((depth - u_below) / (1.0 - u_below), 0.0, 1.0);
    return (1.0 - h) * (1.0 - h);
}

void main() {
    float sum = 0.0, weight = 0.0;
    for (int i = -7; i <= 7; ++i) {
        float w = exp(-float(i * i) / 24.5); // Gaussian, sigma 3.5 taps
        float v = texture(u_source, v_uv + float(i) * u_step).r;
        sum += w * (u_fromHeight != 0 ? closeness(v) : v);
        weight += w;
    }
    o_value = vec4(sum / weight);
}
