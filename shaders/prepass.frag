// prepass.frag: view-space normals of the opaque surfaces for ambient occlusion (depth goes to
// the depth attachment).
#version 330 core

in vec3 v_viewPos;
in vec3 v_viewNormal;
in vec2 v_uv0;
in vec2 v_uv1;
in vec4 v_color;

layout(location = 0) out vec4 o_normal;

void main() {
    vec3 n = normalize(v_viewNormal);
    if (!gl_FrontFacing) n = -n;
    o_normal = vec4(n * 0.5 + 0.5, 1.0);
}
