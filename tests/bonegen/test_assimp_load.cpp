// The committed model loads through both libraries the project uses, with the same joints and
// vertex counts: tinygltf (through hv::io::loadModel) and Assimp. hv::io routes glTF files to
// tinygltf only (its Assimp back end keeps the glTF importer unregistered), so this test reads
// the file with Assimp's own glTF 2 importer directly; Assimp's types stay in this file.
#include "model_fixture.hpp"

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <map>
#include <set>

TEST_CASE("assets/hip.glb loads through tinygltf and through Assimp with the same joints and vertex counts") {
    const hv::scene::Scene& sc = hv::test::committedModel(); // tinygltf
    std::map<std::string, std::size_t> gltfVertices;
    for (const auto& m : sc.meshes) gltfVertices[m.name] = m.primitives.front().positions.size();
    std::set<std::string> gltfJoints;
    for (int j : sc.skins.front().joints) gltfJoints.insert(sc.nodes[static_cast<std::size_t>(j)].name);

    Assimp::Importer importer;
    const aiScene* ai = importer.ReadFile(hv::test::assetPath(), aiProcess_ValidateDataStructure);
    REQUIRE_MESSAGE(ai != nullptr, importer.GetErrorString());
    std::map<std::string, std::size_t> assimpVertices;
    std::set<std::string> assimpJoints;
    for (unsigned i = 0; i < ai->mNumMeshes; ++i) {
        const aiMesh* m = ai->mMeshes[i];
        assimpVertices[m->mName.C_Str()] += m->mNumVertices;
        for (unsigned b = 0; b < m->mNumBones; ++b)
            if (m->mBones[b]->mNumWeights > 0) assimpJoints.insert(m->mBones[b]->mName.C_Str());
    }
    CHECK(assimpVertices == gltfVertices);
    CHECK(assimpJoints == gltfJoints);
    // the bodies with a bone (pelvis, five vertebrae, the thorax and per leg femur, patella, tibia,
    // fibula, talus, calcaneus, toes) and the humeri, forearms and hands the outline hangs on
    CHECK(gltfJoints.size() == 27);
}
