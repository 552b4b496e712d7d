// mesh.vert: every mesh pass (prepass, lit surface, outline hull, id buffer).
// Skinning: up to 8 influences per vertex, joint matrices in a texture buffer (4 RGBA32F texels
// per matrix, starting at u_jointOffset). Morph targets: up to 8 active targets, their position
// and normal deltas in a texture buffer laid out [target][vertex] (RGB32F), positions first.
#version 330 core

layout(location = 0) in vec3 a_position;
layout(location = 1) in vec3 a_normal;
layout(location = 2) in vec2 a_uv0;
layout(location = 3) in vec2 a_uv1;
layout(location = 4) in vec4 a_color;
layout(location = 5) in uvec4 a_joints0;
layout(location = 6) in uvec4 a_joints1;
layout(location = 7) in vec4 a_weights0;
layout(location = 8) in vec4 a_weights1;

uniform mat4 u_model;      // mesh -> scene (rigid items)
uniform mat3 u_normalMatrix; // rigid items: inverse transpose of mat3(u_view * u_model)
uniform mat4 u_view;
uniform mat4 u_projection;
uniform int u_skinned;     // 0: rigid; 4 or 8: influences per vertex
uniform int u_jointOffset; // first matrix of this item's skin in u_joints
uniform samplerBuffer u_joints;
uniform int u_morphCount;  // active morph targets (0..8)
uniform int u_morphVertexCount;
uniform int u_morphHasNormals;
uniform int u_morphTargetTotal;
uniform int u_morphIndex[8];
uniform float u_morphWeight[8];
uniform samplerBuffer u_morphs;
// Outline hull: push the surface out along its normal by this many pixels (0: off).
uniform float u_outlinePixels;
uniform float u_metresPerPixelAtUnitDepth;

out vec3 v_viewPos;
out vec3 v_viewNormal;
out vec2 v_uv0;
out vec2 v_uv1;
out vec4 v_color;

mat4 jointMatrix(uint j) {
    int base = (u_jointOffset + int(j)) * 4;
    return mat4(texelFetch(u_joints, base), texelFetch(u_joints, base + 1),
                texelFetch(u_joints, base + 2), texelFetch(u_joints, base + 3));
}

void main() {
    vec3 position = a_position;
    vec3 normal = a_normal;
    for (int i = 0; i < u_morphCount; ++i) {
        int target = u_morphIndex[i];
        position += u_morphWeight[i] * texelFetch(u_morphs, target * u_morphVertexCount + gl_VertexID).xyz;
        if (u_morphHasNormals != 0)
            normal += u_morphWeight[i] *
                      texelFetch(u_morphs, (u_morphTargetTotal + target) * u_morphVertexCount + gl_VertexID).xyz;
    }
    mat4 world = u_model;
    mat3 normalMatrix = u_normalMatrix;
    if (u_skinned > 0) {
        mat4 skin = a_weights0.x * jointMatrix(a_joints0.x) + a_weights0.y * jointMatrix(a_joints0.y) +
                    a_weights0.z * jointMatrix(a_joints0.z) + a_weights0.w * jointMatrix(a_joints0.w);
        if (u_skinned > 4)
            skin += a_weights1.x * jointMatrix(a_joints1.x) + a_weights1.y * jointMatrix(a_joints1.y) +
                    a_weights1.z * jointMatrix(a_joints1.z) + a_weights1.w * jointMatrix(a_joints1.w);
        world = skin;
        // Normals: inverse transpose of the upper 3x3 (handles scaled and mirrored joints).
        normalMatrix = transpose(inverse(mat3(u_view * skin)));
    }
    vec4 viewPos = u_view * (world * vec4(position, 1.0));
    vec3 viewNormal = normalize(normalMatrix * normal);
    if (u_outlinePixels > 0.0)
        viewPos.xyz += viewNormal * (u_outlinePixels * u_metresPerPixelAtUnitDepth * max(-viewPos.z, 1e-3));
    v_viewPos = viewPos.xyz;
    v_viewNormal = viewNormal;
    v_uv0 = a_uv0;
    v_uv1 = a_uv1;
    v_color = a_color;
    gl_Position = u_projection * viewPos;
}
