// id.frag: the pick id of each pixel's nearest surface (0: background).
#version 330 core

in vec3 v_viewPos;
in vec3 v_viewNormal;
in vec2 v_uv0;
in vec2 v_uv1;
in vec4 v_color;

uniform uint u_pickId;

layout(location = 0) out uint o_id;

void main() { o_id = u_pickId; }
