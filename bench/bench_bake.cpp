// The default model's bake: time per bone (surface extraction with simplification), the GLB
// writing and the whole bake, with triangle counts and the file size. Prints; never fails.
// Run: ./build/bench/bench_bake [repetitions]
#include "bench_timing.hpp"

#include "bonegen/bonegen.hpp"
#include "bonegen/bones.hpp"
#include "content/content.hpp"
#include "io/glb_writer.hpp"

#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    const int reps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const hv::ContentLoad load = hv::loadContent(HV_SOURCE_DIR "/content");
    if (!load.content) {
        std::fprintf(stderr, "%s\n", hv::formatAll(load.diagnostics).c_str());
        return 1;
    }
    const hv::Content& content = *load.content;
    const hv::BoneParameters defaults = content.boneParameters.defaults();
    const hv::bonegen::SkeletonLandmarks landmarks = hv::bonegen::skeletonLandmarks(content.model);
    std::printf("bake benchmark, %d repetitions each (2 extraction threads)\n", reps);

    std::vector<hv::bonegen::BoneShape> shapes;
    shapes.push_back(hv::bonegen::pelvisShape(defaults, landmarks));
    for (int level = 1; level <= 5; ++level) shapes.push_back(hv::bonegen::vertebraShape(level, landmarks));
    shapes.push_back(hv::bonegen::femurShape(defaults, landmarks));
    shapes.push_back(hv::bonegen::patellaShape(landmarks));
    shapes.push_back(hv::bonegen::tibiaShape(landmarks));
    shapes.push_back(hv::bonegen::fibulaShape(landmarks));
    for (const auto& shape : shapes) {
        hv::bonegen::ExtractionOptions o;
        o.cellSize = shape.cellSize;
        o.maxTriangles = shape.maxTriangles;
        o.maxError = shape.maxError;
        std::size_t triangles = 0;
        const auto stats = hv::bench::time(reps, [&] { triangles = hv::bonegen::extractSurface(shape.sdf, shape.region, o).triangleCount(); });
        const std::string what = shape.body + ": " + std::to_string(shape.sdf.primitiveCount()) + " primitives, " +
                                 std::to_string(static_cast<int>(shape.cellSize * 1e4 + 0.5) / 10.0).substr(0, 3) + " mm cells -> " +
                                 std::to_string(triangles) + " triangles";
        hv::bench::print(what.c_str(), stats);
    }
    std::vector<hv::bonegen::BoneMesh> bones;
    hv::bench::print("all bones (generateBones, both sides)", hv::bench::time(reps, [&] { bones = hv::bonegen::generateBones(content, defaults); }));
    const hv::scene::Scene scene = hv::bonegen::buildScene(content.model, bones, "bench");
    std::vector<std::uint8_t> glb;
    hv::bench::print("scene + GLB writing", hv::bench::time(reps, [&] { glb = hv::io::writeGlb(hv::bonegen::buildScene(content.model, bones, "bench"), "bench"); }));
    hv::bench::print("whole bake (hipview bake without the file write)", hv::bench::time(reps, [&] { glb = hv::bonegen::bakeModel(content, defaults); }));
    std::size_t triangles = 0;
    for (const auto& b : bones) triangles += b.mesh.triangleCount();
    std::printf("model: %zu triangles, %zu bytes\n", triangles, glb.size());
    return 0;
}
