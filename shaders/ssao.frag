// ssao.frag: screen-space ambient occlusion (normal-oriented hemisphere, after Crytek's SSAO as
// refined by e.g. Bavoil and Sainz 2008), at half resolution. Samples are spread over a
// hemisphere of u_radius metres, rotated per pixel by interleaved gradient noise
// (Jimenez 2014); the blur pass removes the pattern.
#version 330 core

in vec2 v_uv;

uniform sampler2D u_depth;   // window-space depth of the opaque surfaces
uniform sampler2D u_normals; // view-space normals, packed 0..1
uniform mat4 u_projection;
uniform mat4 u_inverseProjection;
uniform float u_radius;      // m
uniform float u_strength;

layout(location = 0) out vec4 o_ao;

vec3 viewPosition(vec2 uv, float depth) {
    vec4 clip = vec4(uv * 2.0 - 1.0, depth * 2.0 - 1.0, 1.0);
    vec4 v = u_inverseProjection * clip;
    return v.xyz / v.w;
}

const int kSamples = 12;

void main() {
    float depth = texture(u_depth, v_uv).r;
    if (depth >= 1.0) {
        o_ao = vec4(1.0);
        return;
    }
    vec3 p = viewPosition(v_uv, depth);
    vec3 n = normalize(texture(u_normals, v_uv).xyz * 2.0 - 1.0);
    float noise = fract(52.9829189 * fract(dot(gl_FragCoord.xy, vec2(0.06711056, 0.00583715))));
    float angle = noise * 6.2831853;
    vec3 rand = vec3(cos(angle), sin(angle), 0.0);
    vec3 t = normalize(rand - n * dot(rand, n));
    vec3 b = cross(n, t);
    mat3 tbn = mat3(t, b, n);
    float occlusion = 0.0;
    for (int i = 0; i < kSamples; ++i) {
        // A fixed spiral of directions in the hemisphere, denser near the centre.
        float fi = float(i) + 0.5;
        float r = sqrt(fi / float(kSamples));
        float phi = fi * 2.3999632;
        vec3 d = vec3(r * cos(phi), r * sin(phi), sqrt(max(0.0, 1.0 - r * r)) * 0.9 + 0.1);
        float scale = mix(0.15, 1.0, (fi / float(kSamples)) * (fi / float(kSamples)));
        vec3 s = p + tbn * d * (u_radius * scale);
        vec4 clip = u_projection * vec4(s, 1.0);
        vec2 suv = clip.xy / clip.w * 0.5 + 0.5;
        if (suv.x < 0.0 || suv.y < 0.0 || suv.x > 1.0 || suv.y > 1.0) continue;
        float sceneDepth = viewPosition(suv, texture(u_depth, suv).r).z;
        float range = smoothstep(0.0, 1.0, u_radius / max(abs(p.z - sceneDepth), 1e-4));
        occlusion += (sceneDepth >= s.z + 0.002 * u_radius / 0.03 ? 1.0 : 0.0) * range;
    }
    float ao = 1.0 - u_strength * occlusion / float(kSamples);
    o_ao = vec4(clamp(ao, 0.0, 1.0));
}
