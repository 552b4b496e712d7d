// Adversarial checks of the glTF loader's confinement and limits (issue 7), beyond
// test_gltf_safety.cpp: references that reach out of the model's folder by other spellings, files
// that are not files, and small files that ask for huge allocations, which must be refused
// before anything is allocated for them.
#include "io/model_loader.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <string>
#include <sys/stat.h>

using namespace hv;
using hv::test::TempDir;
using hv::test::writeText;

namespace {

std::string triangleBytes() {
    const float v[9] = {0, 0, 0, 1, 0, 0, 0, 1, 0};
    return std::string(reinterpret_cast<const char*>(v), sizeof v);
}

// One triangle whose buffer is `uri`; `extra` is spliced into the top level.
std::string triangleGltf(const std::string& uri, const std::string& extra = "") {
    return R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0}],
"meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],
"accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"}],
"bufferViews":[{"buffer":0,"byteLength":36}],
"buffers":[{"uri":")" +
           uri + R"(","byteLength":36}])" + extra + "}";
}

std::string everything(const io::ModelLoad& r) {
    return formatAll(r.diagnostics);
}

bool mentions(const io::ModelLoad& r, const std::string& text) {
    return everything(r).find(text) != std::string::npos;
}

// tmp/model/ holds the model and inside.bin; tmp/ holds secret.bin and tmp/outside/ more.
struct Sandbox {
    TempDir tmp;
    std::filesystem::path model;
    Sandbox() {
        model = tmp / "model";
        std::filesystem::create_directories(model);
        std::filesystem::create_directories(tmp / "outside");
        writeText(tmp / "secret.bin", triangleBytes());
        writeText(tmp / "outside" / "secret.bin", triangleBytes());
        writeText(model / "inside.bin", triangleBytes());
    }
    io::ModelLoad load(const std::string& json, const io::LoadLimits& limits = {}) {
        writeText(model / "m.gltf", json);
        return io::loadModel(model / "m.gltf", limits);
    }
};

// The time `f` takes, in seconds.
template <class F> double seconds(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

TEST_CASE("references out of the folder by UNC paths, drive letters with /, NUL bytes, escaped "
          "slashes and nested .. are refused, naming the uri") {
    Sandbox box;
    for (const char* uri : {"//server/share/secret.bin", "\\\\\\\\server\\\\secret.bin",
                            "C:/secret.bin", "c:secret.bin", "inside.bin\\u0000/../../secret.bin",
                            "sub/deeper/../../../secret.bin", "./../secret.bin",
                            "inside.bin/../../secret.bin", "..\\/secret.bin",
                            "\\/\\/server\\/secret.bin", "%2E%2E%2Fsecret.bin"}) {
        const io::ModelLoad r = box.load(triangleGltf(uri));
        INFO(uri << ": " << everything(r));
        CHECK_FALSE(r.ok());
        REQUIRE_FALSE(r.diagnostics.empty());
        CHECK(r.diagnostics[0].file == (box.model / "m.gltf").string());
        CHECK(r.diagnostics[0].field.rfind("uri \"", 0) == 0);
    }
}

TEST_CASE("a folder link inside the model's folder that leads out is refused for every file "
          "through it") {
    Sandbox box;
    std::filesystem::create_directory_symlink(box.tmp / "outside", box.model / "textures");
    std::filesystem::create_directory_symlink("..", box.model / "up");
    for (const char* uri : {"textures/secret.bin", "up/secret.bin", "up/outside/secret.bin"}) {
        const io::ModelLoad r = box.load(triangleGltf(uri));
        INFO(uri << ": " << everything(r));
        CHECK_FALSE(r.ok());
        CHECK(mentions(r, "symbolic link"));
    }
    // A link that stays inside is followed.
    const io::ModelLoad inside = box.load(triangleGltf("up/model/inside.bin"));
    INFO(everything(inside));
    CHECK(inside.ok());
}

TEST_CASE("a FIFO, a folder or a device named as a buffer is refused at once, never waited on") {
    Sandbox box;
    REQUIRE(::mkfifo((box.model / "pipe.bin").c_str(), 0600) == 0);
    std::filesystem::create_directories(box.model / "folder.bin");
    for (const char* uri : {"pipe.bin", "folder.bin", "/dev/zero", "/dev/stdin"}) {
        io::ModelLoad r;
        const double s = seconds([&] { r = box.load(triangleGltf(uri)); });
        INFO(uri << ": " << everything(r));
        CHECK_FALSE(r.ok());
        CHECK(s < 5.0);
    }
}

TEST_CASE("a model opened through a link reads its files from the folder it really lives in") {
    Sandbox box;
    writeText(box.model / "m.gltf", triangleGltf("inside.bin"));
    std::filesystem::create_symlink(box.model / "m.gltf", box.tmp / "outside" / "link.gltf");
    // outside/ has a secret.bin but no inside.bin: the model's own folder is model/.
    const io::ModelLoad r = io::loadModel(box.tmp / "outside" / "link.gltf");
    INFO(everything(r));
    CHECK(r.ok());
}

TEST_CASE("a 9 MB glTF listing three million nodes is refused from its counts, before parsing "
          "(tinygltf would have built gigabytes)") {
    Sandbox box;
    std::string json = R"({"asset":{"version":"2.0"},"nodes":[)";
    json.reserve(9'100'000);
    for (int i = 0; i < 3'000'000; ++i)
        json += i ? ",{}" : "{}";
    json += "]}";
    io::ModelLoad r;
    const double s = seconds([&] { r = box.load(json); });
    INFO(everything(r));
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].field == "nodes");
    CHECK(mentions(r, "3000000 nodes, more than the limit of 200000"));
    CHECK(s < 2.0); // parsing it took 25 s and 2 GB before the check moved ahead of tinygltf
}

TEST_CASE("each top-level array is counted against its limit, also under an escaped key") {
    Sandbox box;
    io::LoadLimits limits;
    limits.maxMeshes = 100;
    limits.maxNodes = 100;
    auto many = [](const char* key, int n) {
        std::string json = std::string(R"({"asset":{"version":"2.0"},")") + key + "\":[";
        for (int i = 0; i < n; ++i)
            json += i ? ",{}" : "{}";
        return json + "]}";
    };
    for (const char* key : {"materials", "textures", "samplers", "meshes", "nodes", "scenes",
                            "mat\\u0065rials", "\\u006eodes"}) {
        const io::ModelLoad r = box.load(many(key, 150), limits);
        INFO(key << ": " << everything(r));
        CHECK_FALSE(r.ok());
        CHECK(mentions(r, "150"));
        CHECK(mentions(r, "more than the limit of 100"));
    }
    // At the limit it is read.
    CHECK(box.load(many("materials", 100), limits).diagnostics.size() <= 1);
}

TEST_CASE("JSON objects and values beyond their limits are refused wherever they are nested") {
    Sandbox box;
    io::LoadLimits limits;
    limits.maxJsonObjects = 1000;
    limits.maxJsonValues = 5000;
    std::string prims = R"({"asset":{"version":"2.0"},"meshes":[{"primitives":[)";
    for (int i = 0; i < 1500; ++i)
        prims += i ? ",{}" : "{}";
    prims += "]}]}";
    io::ModelLoad r = box.load(prims, limits);
    INFO(everything(r));
    CHECK(mentions(r, "objects, more than the limit of 1000"));
    std::string numbers = R"({"asset":{"version":"2.0"},"extras":[)";
    for (int i = 0; i < 6000; ++i)
        numbers += i ? ",1" : "1";
    numbers += "]}";
    r = box.load(numbers, limits);
    INFO(everything(r));
    CHECK(mentions(r, "values, more than the limit of 5000"));
}

TEST_CASE("an inverse-bind accessor of 20 million matrices without a buffer view is refused "
          "before 1.3 GB are allocated for it, however many skins share it") {
    Sandbox box;
    std::string skins;
    for (int i = 0; i < 20; ++i)
        skins += std::string(i ? "," : "") + R"({"joints":[0],"inverseBindMatrices":0})";
    const std::string json =
        R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"skin":0}],
"skins":[)" + skins + R"(],"accessors":[{"componentType":5126,"type":"MAT4","count":20000000}]})";
    io::ModelLoad r;
    const double s = seconds([&] { r = box.load(json); });
    INFO(everything(r));
    CHECK_FALSE(r.ok());
    CHECK(r.diagnostics[0].field == "skin 0 inverseBindMatrices");
    CHECK(mentions(r, "the limit for a file of this size"));
    CHECK(s < 2.0);
}

TEST_CASE("animation channels sharing one large output accessor stop at the decoding budget") {
    Sandbox box;
    // 200 000 key times (800 kB), one VEC3 output accessor without a buffer view, 400 channels.
    std::string times(800'000, '\0');
    for (int i = 0; i < 200'000; ++i) {
        const float t = static_cast<float>(i) * 0.01f;
        std::memcpy(times.data() + 4 * i, &t, 4);
    }
    writeText(box.model / "times.bin", times);
    std::string channels;
    for (int i = 0; i < 400; ++i)
        channels += std::string(i ? "," : "") +
                    R"({"sampler":0,"target":{"node":0,"path":"translation"}})";
    const std::string json =
        R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{}],
"accessors":[{"bufferView":0,"componentType":5126,"type":"SCALAR","count":200000},
             {"componentType":5126,"type":"VEC3","count":200000}],
"bufferViews":[{"buffer":0,"byteLength":800000}],
"buffers":[{"uri":"times.bin","byteLength":800000}],
"animations":[{"samplers":[{"input":0,"output":1}],"channels":[)" +
        channels + "]}]}";
    const io::ModelLoad r = box.load(json);
    INFO(everything(r));
    CHECK_FALSE(r.ok());
    CHECK(mentions(r, "the limit for a file of this size"));
}

TEST_CASE("an accessor claiming four billion elements over a 36-byte buffer view is refused "
          "before it is read") {
    Sandbox box;
    const std::string json =
        R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0}],
"meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],
"accessors":[{"bufferView":0,"componentType":5126,"count":4294967295,"type":"VEC3"}],
"bufferViews":[{"buffer":0,"byteLength":36}],
"buffers":[{"uri":"inside.bin","byteLength":36}]})";
    const io::ModelLoad r = box.load(json);
    INFO(everything(r));
    CHECK_FALSE(r.ok());
    CHECK(mentions(r, "accessor 0"));
}

TEST_CASE("a node cycle through many nodes is refused, naming the cycle") {
    Sandbox box;
    std::string nodes;
    for (int i = 0; i < 500; ++i)
        nodes += std::string(i ? "," : "") + R"({"children":[)" + std::to_string((i + 1) % 500) +
                 "]}";
    const io::ModelLoad r = box.load(R"({"asset":{"version":"2.0"},"nodes":[)" + nodes + "]}");
    INFO(everything(r));
    CHECK_FALSE(r.ok());
    CHECK(mentions(r, "cycle"));
}
