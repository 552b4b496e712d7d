// Small COLLADA files written by tests: each mesh a list of triangles given by their vertices
// (metres, Y up), each on its own node with an optional translation.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace hv::test {

struct ColladaMesh {
    std::vector<float> positions; // x y z per vertex; three vertices per triangle, in order
    float translateX = 0.0f;      // the node's translation along X (metres)
};

// A float as COLLADA files write it ("1e+28", "0.001").
inline std::string number(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(v));
    return buf;
}

inline std::string colladaText(const std::vector<ColladaMesh>& meshes) {
    std::string geometries, nodes;
    for (std::size_t m = 0; m < meshes.size(); ++m) {
        std::string id = "g";
        id += std::to_string(m);
        std::string floats, indices;
        for (const float v : meshes[m].positions) floats += number(v) + " ";
        const std::size_t vertices = meshes[m].positions.size() / 3;
        for (std::size_t i = 0; i < vertices; ++i) indices += std::to_string(i) + " ";
        geometries += "<geometry id=\"" + id + "\" name=\"" + id + "\"><mesh><source id=\"" + id + "-pos\">"
                      "<float_array id=\"" + id + "-arr\" count=\"" + std::to_string(meshes[m].positions.size()) +
                      "\">" + floats + "</float_array><technique_common><accessor source=\"#" + id +
                      "-arr\" count=\"" + std::to_string(vertices) +
                      "\" stride=\"3\"><param name=\"X\" type=\"float\"/><param name=\"Y\" type=\"float\"/>"
                      "<param name=\"Z\" type=\"float\"/></accessor></technique_common></source>"
                      "<vertices id=\"" + id + "-v\"><input semantic=\"POSITION\" source=\"#" + id +
                      "-pos\"/></vertices><triangles count=\"" + std::to_string(vertices / 3) +
                      "\"><input semantic=\"VERTEX\" source=\"#" + id + "-v\" offset=\"0\"/><p>" + indices +
                      "</p></triangles></mesh></geometry>\n";
        nodes += "<node id=\"n" + std::to_string(m) + "\" name=\"n" + std::to_string(m) + "\"><translate>" +
                 number(meshes[m].translateX) + " 0 0</translate><instance_geometry url=\"#" + id +
                 "\"/></node>\n";
    }
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
           "<COLLADA xmlns=\"http://www.collada.org/2005/11/COLLADASchema\" version=\"1.4.1\">\n"
           "<asset><unit name=\"meter\" meter=\"1\"/><up_axis>Y_UP</up_axis></asset>\n"
           "<library_geometries>\n" + geometries + "</library_geometries>\n"
           "<library_visual_scenes><visual_scene id=\"s\">\n" + nodes + "</visual_scene></library_visual_scenes>\n"
           "<scene><instance_visual_scene url=\"#s\"/></scene>\n</COLLADA>\n";
}

// A triangle of about 10 cm at (x, 0, 0).
inline std::vector<float> smallTriangle(float x = 0.0f) { return {x, 0, 0, x + 0.1f, 0, 0, x, 0.1f, 0}; }

} // namespace hv::test
