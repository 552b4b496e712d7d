// Every malformed model of the shared corpus opened in the window's document (the GL-free view
// state behind File > Open and drag and drop, issue 7): a file it cannot draw gives one message
// naming the file and the reason and the current scene stays, exactly as it was; a file read in
// part opens with its warnings named. The window itself is tested once under Xvfb
// (test_window.cpp).
#include "document/document.hpp"

#include "support/malformed_models.hpp"
#include "document/document_fixture.hpp"

#include <filesystem>

using namespace hv;
using namespace hv::doc;
using hv::test::has;
using hv::test::kMalformedModels;

TEST_CASE("each malformed model: one message naming the file and the reason, a model that cannot be "
          "drawn leaves the current scene as it was") {
    if (!hv::test::haveSharedModels()) return;
    const std::string good = hv::test::sharedModels() + "/gltf/RiggedSimple/RiggedSimple.glb";
    for (const auto& m : kMalformedModels) {
        const std::string file = hv::test::sharedModels() + "/" + m.path;
        CAPTURE(m.path);
        // The current scene: a third-party model, selected muscle, posed.
        Document d(test::uiContent(), &test::uiMovements(), test::kNoDefaultModel);
        REQUIRE(d.openModel(good).empty());
        const std::size_t items = d.drawList().items.size();
        const auto revision = d.revision();
        const std::string name = d.modelDisplayName();

        const Diagnostics diag = d.openModel(file);
        INFO(formatAll(diag));
        REQUIRE_FALSE(diag.empty());
        CHECK(diag[0].file == file);
        CHECK(has(formatAll(diag), m.reason));
        if (m.drawable) {
            // Read in part: it opens, and the warnings say what was left out.
            CHECK(d.modelDisplayName() == std::filesystem::path(file).filename().string());
            CHECK_FALSE(d.drawList().items.empty());
        } else {
            CHECK(diag.size() == 1);
            CHECK(d.modelDisplayName() == name);
            CHECK(d.drawList().items.size() == items);
            CHECK(d.revision() == revision);
        }
    }
}

TEST_CASE("after a model read in part, a malformed one keeps the partial model on screen") {
    if (!hv::test::haveSharedModels()) return;
    Document d(test::uiContent(), &test::uiMovements(), test::kNoDefaultModel);
    const std::string partial = hv::test::sharedModels() + "/malformed/obj/malformed2.obj";
    REQUIRE_FALSE(d.openModel(partial).empty()); // its warning
    CHECK(d.modelDisplayName() == "malformed2.obj");
    const std::size_t items = d.drawList().items.size();
    const Diagnostics diag = d.openModel(hv::test::sharedModels() + "/malformed/gltf/RecursiveNodes.gltf");
    REQUIRE(diag.size() == 1);
    CHECK(has(diag[0].message, "cycle"));
    CHECK(d.modelDisplayName() == "malformed2.obj");
    CHECK(d.drawList().items.size() == items);
}
