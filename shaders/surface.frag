// surface.frag: the lit surface of every material, the x-ray ghost and the flat outline colour.
// Lighting is in view space so every view is lit the same way: a warm key light from the upper
// left, a cool fill from the right, a rim light from behind, and a sky/ground ambient term
// darkened by ambient occlusion. Output: sRGB-encoded colour, premultiplied by alpha.
//
// Built in variants (the renderer puts one #define after the #version line), because a software
// rasterizer runs every branch of a shader for every pixel sample:
//   SURFACE_GENERIC  bones, wrap glass and third-party materials (texture, vertex colour)
//   SURFACE_MUSCLE   muscle bellies with fibre striations, tendons outside u_bellyRange
//   SURFACE_GHOST    the faint x-ray look of ghosted items
//   SURFACE_FLAT     one flat colour (the selection outline)
//   SURFACE_FLOOR    the floor: its base colour, fading out towards the rim of its unit disc
//                    (texcoord0), darkened by the contact shadow (u_contact), seen from above only
#version 330 core
// (variant define inserted here)

in vec3 v_viewPos;
in vec3 v_viewNormal;
in vec2 v_uv0;
in vec2 v_uv1;
in vec4 v_color;

uniform int u_kind;            // 0 generic, 1 bone, 2 muscle, 3 wrap (MaterialKind)
uniform vec4 u_baseColor;      // linear RGBA
uniform float u_roughness;
uniform vec2 u_bellyRange;
uniform int u_intersectionCount;  // tendinous intersections across the belly (0..4)
uniform float u_intersections[4]; // their texcoord0.x positions
uniform int u_banded;          // muscles: pale bands across the belly (a cue beside colour)
uniform int u_useVertexColor;
uniform int u_hasTexture;
uniform int u_texCoord;
uniform mat3 u_uvTransform;
uniform sampler2D u_texture;   // sRGB texture: samples come back linear
uniform float u_alphaCutoff;   // < 0: off
uniform int u_highlighted;
uniform vec4 u_flatColor;      // SURFACE_FLAT: linear RGBA
uniform int u_hasAO;
uniform sampler2D u_ao;
uniform vec2 u_viewportSize;   // pixels of the colour target
uniform mat4 u_model;          // SURFACE_FLOOR: the disc's frame -> scene
uniform sampler2D u_contact;   // SURFACE_FLOOR: contact shadow, 0 none .. 1 full
// SURFACE_FLOOR: the shadow texture's square on the floor: centre x, centre z, half side (m);
// w = 0: no shadow.
uniform vec4 u_contactRect;

layout(location = 0) out vec4 o_color;

// sRGB encoding, approximated without pow() (costly when every multisample is shaded): within
// 0.4% of the exact curve above 0.02, exact at 0 and 1.
vec3 toSrgb(vec3 c) {
    c = clamp(c, 0.0, 1.0);
    vec3 s1 = sqrt(c), s2 = sqrt(s1), s3 = sqrt(s2);
    return 0.585122381 * s1 + 0.783140355 * s2 - 0.368262736 * s3;
}

float wrapDiffuse(vec3 n, vec3 l, float w) { return max(0.0, (dot(n, l) + w) / (1.0 + w)); }

// Fibre bundles: faint stripes along the muscle (texcoord0.x runs along it, texcoord0.y around
// or across it). Triangle waves instead of sines: cheaper, and as soft once lit.
float tri(float x) { return abs(fract(x) - 0.5) * 4.0 - 1.0; }
float striation(vec2 uv) {
    float a = tri(uv.y * 23.0 + tri(uv.x * 5.0) * 0.1);
    float b = tri(uv.y * 57.0 + uv.x * 1.1);
    return 0.5 + 0.32 * a + 0.18 * b;
}

void main() {
#if defined(SURFACE_FLAT)
    o_color = vec4(toSrgb(u_flatColor.rgb) * u_flatColor.a, u_flatColor.a);
#elif defined(SURFACE_FLOOR)
    // Seen from below the floor is not there (views from under the body): its back faces are
    // culled. No discard here, so the depth test can reject hidden fragments before shading.
    float fade = 1.0 - smoothstep(0.12, 0.95, length(v_uv0));
    float shadow = 0.0;
    if (u_contactRect.w > 0.0) {
        vec2 floorPos = (u_model * vec4(v_uv0.x, 0.0, v_uv0.y, 1.0)).xz;
        vec2 st = (floorPos - u_contactRect.xy) / (2.0 * u_contactRect.z) + 0.5;
        // Scaled up so that the middle of a blob (a foot or a knee flat on the floor) is full.
        if (all(greaterThanEqual(st, vec2(0.0))) && all(lessThanEqual(st, vec2(1.0))))
            shadow = min(1.0, 1.5 * texture(u_contact, st).r);
    }
    // The shadow also shows where the floor has faded (it is the body's), a little weaker.
    float alpha = clamp(u_baseColor.a * fade + shadow * 0.5 * (1.0 - fade), 0.0, 1.0);
    vec3 colour = u_baseColor.rgb * (1.0 - 0.7 * shadow);
    o_color = vec4(toSrgb(colour) * alpha, alpha);
#else
    vec3 n = normalize(v_viewNormal);
    if (!gl_FrontFacing) n = -n;
    vec3 v = normalize(-v_viewPos);
    float facingAway = 1.0 - max(dot(n, v), 0.0);

    vec4 base = u_baseColor;
    vec3 albedo = base.rgb;
#if defined(SURFACE_GHOST)
    // X-ray ghost: a faint body, stronger where the surface turns away (the silhouette).
    float edge = facingAway * facingAway;
    vec3 grey = vec3(dot(albedo, vec3(0.3, 0.55, 0.15)));
    vec3 tint = mix(grey, albedo, 0.45) * 0.55 + vec3(0.35);
    float ghostAlpha = clamp(0.05 + 0.42 * edge, 0.0, 0.6);
    o_color = vec4(toSrgb(tint) * ghostAlpha, ghostAlpha);
#else
    float specStrength = 0.12;
    float shininess = mix(64.0, 6.0, clamp(u_roughness, 0.0, 1.0));
    float wrap = 0.25;
#if defined(SURFACE_MUSCLE)
    float t = v_uv0.x;
    float belly = smoothstep(u_bellyRange.x - 0.015, u_bellyRange.x + 0.025, t) *
                  (1.0 - smoothstep(u_bellyRange.y - 0.025, u_bellyRange.y + 0.015, t));
    const vec3 tendon = vec3(0.80, 0.78, 0.72);
    float s = striation(v_uv0);
    if (u_banded != 0) {
        // Bands across the muscle, ten along its length, soft-edged so they do not alias.
        float band = smoothstep(-0.25, 0.25, tri(t * 10.0));
        albedo = mix(albedo, mix(albedo, vec3(0.96, 0.95, 0.92), 0.62), band);
    }
    // Tendinous intersections: narrow tendon bands across the belly, soft-edged (half width
    // about 1 % of the path: some 4 mm on rectus abdominis).
    for (int i = 0; i < 4; ++i) {
        if (i >= u_intersectionCount) break;
        belly *= smoothstep(0.006, 0.013, abs(t - u_intersections[i]));
    }
    albedo = mix(tendon * mix(0.95, 1.03, s), albedo * mix(0.84, 1.10, s), belly);
    specStrength = mix(0.35, 0.16, belly);
    shininess = mix(48.0, 26.0, belly);
    wrap = mix(0.2, 0.3, belly);
#else
    if (u_useVertexColor != 0) base *= v_color;
    if (u_hasTexture != 0) {
        vec2 uv = u_texCoord == 1 ? v_uv1 : v_uv0;
        uv = (u_uvTransform * vec3(uv, 1.0)).xy;
        base *= texture(u_texture, uv);
    }
    if (u_alphaCutoff >= 0.0 && base.a < u_alphaCutoff) discard;
    albedo = base.rgb;
    if (u_kind == 1) { // bone: ivory, matte, soft light wrapping round (it scatters a little)
        wrap = 0.45;
        specStrength = 0.06;
        shininess = 14.0;
    } else if (u_kind == 3) { // wrap surface: glass
        specStrength = 0.5;
        shininess = 60.0;
    }
#endif
    if (u_highlighted != 0) albedo = min(albedo * 1.12 + vec3(0.015), vec3(1.0));

    float ao = 1.0;
    if (u_hasAO != 0) ao = texture(u_ao, gl_FragCoord.xy / u_viewportSize).r;

    const vec3 keyDir = normalize(vec3(-0.45, 0.65, 0.62));
    const vec3 fillDir = normalize(vec3(0.7, 0.05, 0.45));
    const vec3 rimDir = normalize(vec3(0.1, 0.35, -0.95));
    const vec3 keyColor = vec3(1.0, 0.96, 0.9) * 0.82;
    const vec3 fillColor = vec3(0.78, 0.85, 1.0) * 0.26;
    const vec3 rimColor = vec3(1.0, 1.0, 1.0) * 0.16;
    const vec3 sky = vec3(0.32, 0.33, 0.36), ground = vec3(0.17, 0.15, 0.14);
    vec3 ambient = mix(ground, sky, 0.5 + 0.5 * n.y) * ao;

    vec3 diffuse = keyColor * wrapDiffuse(n, keyDir, wrap) * mix(1.0, ao, 0.45) + fillColor * wrapDiffuse(n, fillDir, wrap) * ao;
    float rim = facingAway * facingAway * facingAway * max(dot(n, rimDir) + 0.6, 0.0);
    vec3 h = normalize(keyDir + v);
    // Blinn-Phong lobe via exp2 (one transcendental instead of pow's two).
    float nh = max(dot(n, h), 1e-4);
    float spec = specStrength * exp2(shininess * (nh - 1.0) * 1.4427) * (shininess + 8.0) / 40.0;
    vec3 lit = albedo * (ambient + diffuse) + rimColor * rim * albedo * 1.5 + keyColor * spec * mix(0.6, 1.0, ao);

    // Soft shoulder above 0.8 so light surfaces keep their shading instead of clipping to white.
    vec3 over = max(lit - 0.8, 0.0);
    lit = min(lit, 0.8) + 0.2 * over / (over + 0.2);
    float alpha = base.a;
#if !defined(SURFACE_MUSCLE)
    if (u_kind == 3) alpha = clamp(base.a + 0.4 * facingAway * facingAway, 0.0, 0.8);
#endif
    o_color = vec4(toSrgb(lit) * alpha, alpha);
#endif
#endif
}
