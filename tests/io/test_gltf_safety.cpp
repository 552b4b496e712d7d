// Hostile glTF files: references out of the model's folder, lying sizes and counts, cycles.
// Each is refused (or repaired) with a diagnostic naming the file, the place and the reason.
#include "io/model_loader.hpp"
#include "scene/validate.hpp"

#include "support/shared_models.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace hv;
using hv::test::TempDir;
using hv::test::writeText;

namespace {

// 36 bytes: the triangle (0,0,0), (1,0,0), (0,1,0) as little-endian floats.
std::string triangleBytes() {
    const float v[9] = {0, 0, 0, 1, 0, 0, 0, 1, 0};
    return std::string(reinterpret_cast<const char*>(v), sizeof v);
}

// A one-triangle glTF whose single buffer has the given uri; `extra` is spliced into the top
// level (e.g. an "images" array).
std::string triangleGltf(const std::string& bufferUri, const std::string& extra = "",
                         const std::string& accessor = "") {
    return R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0}],
"meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],
"accessors":[)" +
           (accessor.empty() ? R"({"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"})"
                             : accessor) +
           R"(],
"bufferViews":[{"buffer":0,"byteLength":36}],
"buffers":[{"uri":")" +
           bufferUri + R"(","byteLength":36}])" + extra + "}";
}

std::string everything(const io::ModelLoad& r) {
    return formatAll(r.diagnostics);
}

bool mentions(const io::ModelLoad& r, const std::string& text) {
    return everything(r).find(text) != std::string::npos;
}

// A model folder "model/" inside a temporary folder that also holds a secret outside it.
struct Sandbox {
    TempDir tmp;
    std::filesystem::path model;
    Sandbox() {
        model = tmp / "model";
        std::filesystem::create_directories(model);
        writeText(tmp / "secret.bin", triangleBytes());
        writeText(model / "inside.bin", triangleBytes());
    }
    io::ModelLoad loadWithUri(const std::string& uri) {
        const auto path = model / "m.gltf";
        writeText(path, triangleGltf(uri));
        return io::loadModel(path);
    }
};

} // namespace

TEST_CASE("a buffer inside the model's folder is read, also through ./ and a harmless ..") {
    Sandbox box;
    for (const char* uri : {"inside.bin", "./inside.bin", "sub/../inside.bin"}) {
        const io::ModelLoad r = box.loadWithUri(uri);
        INFO(uri << ": " << everything(r));
        REQUIRE(r.ok());
        CHECK(r.scene->meshes[0].primitives[0].positions[1] == glm::vec3(1, 0, 0));
    }
}

TEST_CASE("a buffer uri that climbs out of the model's folder with .. is refused with a message") {
    Sandbox box;
    for (const char* uri :
         {"../secret.bin", "sub/../../secret.bin", "%2e%2e/secret.bin", "..\\\\secret.bin"}) {
        const io::ModelLoad r = box.loadWithUri(uri);
        INFO(uri << ": " << everything(r));
        CHECK_FALSE(r.ok());
        REQUIRE_FALSE(r.diagnostics.empty());
        CHECK(r.diagnostics[0].file == (box.model / "m.gltf").string());
        CHECK(r.diagnostics[0].field.find("uri") == 0);
        CHECK(mentions(r, "outside the model's folder"));
    }
}

TEST_CASE("an absolute buffer path such as /etc/passwd is refused with a message") {
    Sandbox box;
    for (const std::string& uri :
         {std::string("/etc/passwd"), (box.tmp.path() / "secret.bin").string(),
          std::string("C:\\\\Windows\\\\win.ini")}) {
        const io::ModelLoad r = box.loadWithUri(uri);
        INFO(uri << ": " << everything(r));
        CHECK_FALSE(r.ok());
        CHECK(mentions(r, "absolute"));
    }
}

TEST_CASE("buffer uris with a scheme other than data: are refused with a message") {
    Sandbox box;
    for (const char* uri :
         {"file:///etc/passwd", "http://example.com/inside.bin", "https://example.com/x.bin"}) {
        const io::ModelLoad r = box.loadWithUri(uri);
        INFO(uri << ": " << everything(r));
        CHECK_FALSE(r.ok());
        CHECK(mentions(r, "scheme"));
    }
}

TEST_CASE("a symbolic link inside the folder that leads outside it is refused") {
    Sandbox box;
    std::filesystem::create_symlink(box.tmp / "secret.bin", box.model / "link.bin");
    const io::ModelLoad r = box.loadWithUri("link.bin");
    INFO(everything(r));
    CHECK_FALSE(r.ok());
    CHECK(mentions(r, "symbolic link"));
}

TEST_CASE("a ~ in a uri is not expanded to a home folder") {
    Sandbox box;
    const io::ModelLoad r = box.loadWithUri("~/inside.bin");
    CHECK_FALSE(r.ok());
    CHECK(mentions(r, "not found"));
}

TEST_CASE("an image uri outside the folder is refused but the model still loads without it") {
    Sandbox box;
    const auto path = box.model / "m.gltf";
    writeText(path, triangleGltf("inside.bin", R"(,"images":[{"uri":"../secret.png"}])"));
    const io::ModelLoad r = io::loadModel(path);
    INFO(everything(r));
    REQUIRE(r.ok());
    CHECK(mentions(r, "outside the model's folder"));
    REQUIRE(r.scene->images.size() == 1);
    CHECK(r.scene->images[0].rgba.empty());
}

TEST_CASE("an accessor that reaches past its buffer view is refused before it is read") {
    Sandbox box;
    const auto path = box.model / "m.gltf";
    writeText(path,
              triangleGltf("inside.bin", "",
                           R"({"bufferView":0,"componentType":5126,"count":4,"type":"VEC3"})"));
    const io::ModelLoad r = io::loadModel(path);
    CHECK_FALSE(r.ok());
    CHECK(mentions(r, "do not fit in buffer view 0"));
}

TEST_CASE(
    "an accessor claiming billions of vertices is refused against the limits, not allocated") {
    Sandbox box;
    const auto path = box.model / "m.gltf";
    writeText(path,
              triangleGltf(
                  "inside.bin", "",
                  R"({"bufferView":0,"componentType":5126,"count":353535235358,"type":"VEC3"})"));
    const io::ModelLoad r = io::loadModel(path);
    CHECK_FALSE(r.ok());
    CHECK(mentions(r, "accessor 0"));
    CHECK(mentions(r, "limit"));
}

TEST_CASE("a smaller vertex limit refuses a model that exceeds it") {
    Sandbox box;
    const auto path = box.model / "m.gltf";
    writeText(path, triangleGltf("inside.bin"));
    io::LoadLimits limits;
    limits.maxVertices = 2;
    const io::ModelLoad r = io::loadModel(path, limits);
    CHECK_FALSE(r.ok());
    CHECK(mentions(r, "vertices"));
}

TEST_CASE("an index beyond the vertex count drops the primitive with a warning") {
    Sandbox box;
    const std::string indices = std::string("\x00\x00\x01\x00\x07\x00", 6); // 0, 1, 7 as uint16
    writeText(box.model / "idx.bin", triangleBytes() + indices);
    const auto path = box.model / "m.gltf";
    writeText(path, R"({"asset":{"version":"2.0"},"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0}],
"meshes":[{"primitives":[{"attributes":{"POSITION":0},"indices":1}]}],
"accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"},
             {"bufferView":1,"componentType":5123,"count":3,"type":"SCALAR"}],
"bufferViews":[{"buffer":0,"byteLength":36},{"buffer":0,"byteOffset":36,"byteLength":6}],
"buffers":[{"uri":"idx.bin","byteLength":42}]})");
    const io::ModelLoad r = io::loadModel(path);
    INFO(everything(r));
    REQUIRE(r.ok());
    CHECK(r.scene->meshes[0].primitives.empty());
    CHECK(mentions(r, "index 7"));
}

TEST_CASE("an image whose buffer view lies outside its buffer is left out, not read") {
    // tinygltf 2.7 would hand the image loader a pointer past the buffer; the loader must not.
    Sandbox box;
    const auto path = box.model / "m.gltf";
    writeText(path, R"({"asset":{"version":"2.0"},"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0}],
"meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],
"accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"}],
"bufferViews":[{"buffer":0,"byteLength":36},{"buffer":0,"byteOffset":1000000,"byteLength":5000000}],
"buffers":[{"uri":"inside.bin","byteLength":36}],
"images":[{"bufferView":1,"mimeType":"image/png"}]})");
    const io::ModelLoad r = io::loadModel(path);
    INFO(everything(r));
    REQUIRE(r.ok());
    CHECK(r.scene->images[0].rgba.empty());
    CHECK(mentions(r, "image 0"));
}

TEST_CASE("JSON nested thousands of levels deep is refused before parsing") {
    Sandbox box;
    const auto path = box.model / "deep.gltf";
    writeText(path, R"({"asset":{"version":"2.0"},"extras":)" + std::string(100000, '[') +
                        std::string(100000, ']') + "}");
    const io::ModelLoad r = io::loadModel(path);
    CHECK_FALSE(r.ok());
    CHECK(mentions(r, "nest deeper"));
}

TEST_CASE("a required extension HipView cannot read is named in the message") {
    Sandbox box;
    const auto path = box.model / "m.gltf";
    writeText(path, triangleGltf("inside.bin",
                                 R"(,"extensionsRequired":["KHR_draco_mesh_compression"])"));
    const io::ModelLoad r = io::loadModel(path);
    CHECK_FALSE(r.ok());
    CHECK(mentions(r, "KHR_draco_mesh_compression"));
}

TEST_CASE("a GLB whose header claims more bytes than the file has is refused") {
    Sandbox box;
    std::string glb = "glTF";
    const std::uint32_t header[4] = {2, 1000000, 8, 0x4E4F534A};
    glb += std::string(reinterpret_cast<const char*>(header), sizeof header);
    glb += "{}      ";
    writeText(box.model / "short.glb", glb);
    const io::ModelLoad r = io::loadModel(box.model / "short.glb");
    CHECK_FALSE(r.ok());
    CHECK(mentions(r, "GLB header"));
}

TEST_CASE("a folder, a missing file and an empty file each get a message") {
    Sandbox box;
    CHECK(mentions(io::loadModel(box.model), "folder"));
    CHECK(mentions(io::loadModel(box.model / "nothing.gltf"), "No such file"));
    writeText(box.model / "empty.glb", "");
    CHECK(mentions(io::loadModel(box.model / "empty.glb"), "empty"));
}

TEST_CASE("a file larger than the file-size limit is refused before it is read") {
    Sandbox box;
    const auto path = box.model / "m.gltf";
    writeText(path, triangleGltf("inside.bin"));
    io::LoadLimits limits;
    limits.maxFileBytes = 100;
    const io::ModelLoad r = io::loadModel(path, limits);
    CHECK_FALSE(r.ok());
    CHECK(mentions(r, "more than the limit"));
}

TEST_CASE("a node listing itself as its child is refused as a cycle") {
    Sandbox box;
    const auto path = box.model / "m.gltf";
    writeText(
        path,
        R"({"asset":{"version":"2.0"},"scenes":[{"nodes":[0]}],"nodes":[{"children":[1]},{"children":[1]}]})");
    const io::ModelLoad r = io::loadModel(path);
    CHECK_FALSE(r.ok());
    CHECK(mentions(r, "node 1"));
    CHECK(mentions(r, "cycle"));
}

TEST_CASE("the node-depth limit refuses a chain deeper than it") {
    Sandbox box;
    std::string nodes;
    for (int i = 0; i < 50; ++i) {
        if (i > 0) nodes += ',';
        nodes += i < 49 ? R"({"children":[)" + std::to_string(i + 1) + "]}" : std::string("{}");
    }
    const auto path = box.model / "chain.gltf";
    writeText(path,
              R"({"asset":{"version":"2.0"},"scenes":[{"nodes":[0]}],"nodes":[)" + nodes + "]}");
    io::LoadLimits limits;
    CHECK(io::loadModel(path, limits).ok());
    limits.maxNodeDepth = 10;
    const io::ModelLoad r = io::loadModel(path, limits);
    CHECK_FALSE(r.ok());
    CHECK(mentions(r, "levels deep"));
}

TEST_CASE("node values beyond float range become identity transforms with a warning") {
    // Found by mutation testing: a translation of 1e308 is a finite double but an infinite float.
    Sandbox box;
    const auto path = box.model / "m.gltf";
    writeText(path, R"({"asset":{"version":"2.0"},"scenes":[{"nodes":[0,1,2]}],
"nodes":[{"mesh":0,"translation":[1e308,0,0]},{"scale":[1,1e39,1]},
         {"matrix":[1e38,1e38,1e38,0, 0,1,0,0, 0,0,1,0, 0,0,0,1],"weights":[1e300]}],
"meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],
"accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"}],
"bufferViews":[{"buffer":0,"byteLength":36}],
"buffers":[{"uri":"inside.bin","byteLength":36}]})");
    const io::ModelLoad r = io::loadModel(path);
    INFO(everything(r));
    REQUIRE(r.ok());
    for (const auto& n : r.scene->nodes) {
        CHECK(n.translation == glm::vec3(0.0f));
        CHECK(n.scale == glm::vec3(1.0f));
    }
    CHECK(r.scene->nodes[2].morphWeights == std::vector<float>{0.0f});
    CHECK(mentions(r, "does not fit in 32-bit floats"));
    CHECK(scene::validateScene(*r.scene).empty());
}
