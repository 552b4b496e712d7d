// present.frag: a rendered picture scaled into a rectangle of the window with bilinear filtering
// (the viewer draws moving frames at a lower resolution; a filtered blit is slow on llvmpipe).
#version 330 core

in vec2 v_uv;

uniform sampler2D u_source;

layout(location = 0) out vec4 o_color;

void main() {
    o_color = texture(u_source, v_uv);
}
