// DirectX .x (text) meshes whose indices run past their counts are refused before Assimp reads
// them (io/detail/format_precheck.cpp): Debian's Assimp 5.2.5 reads past a heap buffer for an
// out-of-range normal index (found by fuzzing, tools/ci-fuzz.sh) and writes past one for an
// out-of-range skin vertex index (found by mutation testing). Sound files still load.
#include "io/model_loader.hpp"

#include "support/shared_models.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace hv;
using hv::test::TempDir;
using hv::test::writeText;

namespace {

// A tetrahedron with the objects a teaching model's .x file carries: a template definition, a
// named material, a frame, normals with their own faces, texture coordinates, a material list
// with a reference, a skin. `face`, `normalFace` and `skinIndex` are spliced in.
std::string tetrahedron(const std::string& face, const std::string& normalFace, const std::string& skinIndex) {
    return "xof 0303txt 0032\n"
           "// written for HipView's tests\n"
           "template Mesh {\n <3d82ab44-62da-11cf-ab39-0020af71e433>\n DWORD nVertices;\n"
           " array Vector vertices[nVertices];\n DWORD nFaces;\n array MeshFace faces[nFaces];\n [...]\n}\n"
           "Material Bone {\n 0.9;0.85;0.7;1.0;;\n 10.0;\n 0.1;0.1;0.1;;\n 0.0;0.0;0.0;;\n}\n"
           "Frame Pelvis {\n"
           " FrameTransformMatrix {\n  1.0,0.0,0.0,0.0,0.0,1.0,0.0,0.0,0.0,0.0,1.0,0.0,0.0,0.0,0.0,1.0;;\n }\n"
           " Mesh tetra {\n  4;\n  0.0;0.0;0.0;,\n  1.0;0.0;0.0;,\n  0.0;1.0;0.0;,\n  0.0;0.0;1.0;;\n"
           "  4;\n  3;0,2,1;,\n  3;0,1,3;,\n  3;0,3,2;,\n  " + face + ";;\n"
           "  MeshNormals {\n   4;\n   0.0;0.0;-1.0;,\n   0.0;-1.0;0.0;,\n   -1.0;0.0;0.0;,\n   0.577;0.577;0.577;;\n"
           "   4;\n   3;0,0,0;,\n   3;1,1,1;,\n   3;2,2,2;,\n   " + normalFace + ";;\n  }\n"
           "  MeshTextureCoords {\n   4;\n   0.0;0.0;,\n   1.0;0.0;,\n   0.0;1.0;,\n   1.0;1.0;;\n  }\n"
           "  MeshMaterialList {\n   1;\n   4;\n   0,0,0,0;;\n   { Bone }\n  }\n"
           "  SkinWeights {\n   \"Pelvis\";\n   2;\n   0,\n   " + skinIndex + ";\n   1.0,\n   1.0;\n"
           "   1.0,0.0,0.0,0.0,0.0,1.0,0.0,0.0,0.0,0.0,1.0,0.0,0.0,0.0,0.0,1.0;;\n  }\n"
           " }\n"
           "}\n";
}

io::ModelLoad loadText(const TempDir& dir, const std::string& text) {
    writeText(dir / "tetra.x", text);
    return io::loadModel(dir / "tetra.x");
}

} // namespace

TEST_CASE("a sound .x mesh with normals, texture coordinates, materials and a skin loads") {
    TempDir dir;
    const io::ModelLoad r = loadText(dir, tetrahedron("3;1,2,3", "3;3,3,3", "3"));
    INFO(formatAll(r.diagnostics));
    REQUIRE(r.ok());
    std::size_t vertices = 0;
    for (const scene::Mesh& m : r.scene->meshes)
        for (const scene::Primitive& p : m.primitives) vertices += p.positions.size();
    CHECK(vertices == 12); // Assimp gives each face corner its own vertex
}

// The one message for a refused file: its name, the place and the reason.
void checkRefused(const TempDir& dir, const io::ModelLoad& r, const std::string& field, const std::string& message) {
    INFO(formatAll(r.diagnostics));
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].file == (dir / "tetra.x").string());
    CHECK(r.diagnostics[0].field == field);
    CHECK(r.diagnostics[0].message == message);
}

TEST_CASE(".x: a face naming a vertex past the mesh's vertices is refused with the line and the numbers") {
    TempDir dir;
    checkRefused(dir, loadText(dir, tetrahedron("3;1,2,4", "3;3,3,3", "3")), "DirectX .x line 31, Mesh",
                 "face 3 names vertex 4, but there are only 4");
}

TEST_CASE(".x: a normal face naming a normal past the mesh's normals is refused (Assimp would read past "
          "its buffer)") {
    TempDir dir;
    checkRefused(dir, loadText(dir, tetrahedron("3;1,2,3", "3;3,33432,3", "3")), "DirectX .x line 42, MeshNormals",
                 "face 3 names normal 33432, but there are only 4");
}

TEST_CASE(".x: a skin weight naming a vertex past the mesh is refused (Assimp would write past its "
          "buffer)") {
    TempDir dir;
    checkRefused(dir, loadText(dir, tetrahedron("3;1,2,3", "3;3,3,3", "2000000000")),
                 "DirectX .x line 61, SkinWeights", "weight 1 names vertex 2000000000, but the mesh has only 4");
}

TEST_CASE(".x: what the check does not follow (a cut-off file) is left to Assimp, which says what is wrong") {
    TempDir dir;
    const std::string whole = tetrahedron("3;1,2,3", "3;3,3,3", "3");
    const io::ModelLoad r = loadText(dir, whole.substr(0, whole.find("MeshNormals")));
    INFO(formatAll(r.diagnostics));
    CHECK_FALSE(r.diagnostics.empty());
    CHECK(formatAll(r.diagnostics).find("DirectX .x line") == std::string::npos);
}

TEST_CASE(".x: the fuzzer's find, one normal index of BCN_Epileptic.X raised to 33432, is refused "
          "(regression)") {
    const auto original = hv::test::testModel("assimp/x/BCN_Epileptic.X");
    if (!original) return;
    std::string text = hv::test::readText(*original);
    // The head mesh's normal faces (the second "3;334,332,335;," of the file, line 16936).
    const std::size_t first = text.find("3;334,332,335;,");
    const std::size_t at = text.find("3;334,332,335;,", first + 1);
    REQUIRE(at != std::string::npos);
    text.replace(at, 15, "3;33432,3,335;,");
    TempDir dir;
    checkRefused(dir, loadText(dir, text), "DirectX .x line 16936, MeshNormals",
                 "face 273 names normal 33432, but there are only 1196");
    // The file as it is loads whole.
    CHECK(io::loadModel(*original).diagnostics.empty());
}
