// A stretch's figure in the stretch colours with no highlight shows its target muscles, each with
// a callout giving its number, and the HTML page's legend lists the stretch scale's stops.
#include "app/figure_render.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"
#include "app/html_export.hpp"
#include "anatomy_draw/colouring.hpp"
#include "content/content.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace {

const hv::Content& content() {
    static const hv::ContentLoad load = hv::loadContent(HV_SOURCE_DIR "/content");
    REQUIRE(load.content);
    return *load.content;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

} // namespace

TEST_CASE("figure-4 in the stretch colours with no highlight labels piriformis with how much longer than standing it is") {
    hv::cli::FigureSession session(content(), HV_SOURCE_DIR);
    std::string error;
    if (!session.renderer(error)) {
        MESSAGE("no OpenGL here (" << error << "): skipped");
        return;
    }
    hv::draw::FigureSpec spec;
    spec.width = 800;
    spec.height = 450;
    spec.movement = "figure-4";
    spec.at = 8.0;
    spec.colour = "stretch";
    spec.view = "lateral-right";
    spec.labels = true;
    hv::render::Figure fig;
    REQUIRE(hv::cli::renderFigure(session, content(), spec, {1, false}, nullptr, &fig) == 0);
    REQUIRE(fig.labels.size() == 1);
    const std::string text = fig.labels[0].text;
    INFO(text);
    CHECK(text.rfind("Piriformis: ", 0) == 0);
    CHECK(contains(text, " % longer than standing"));
    const int percent = std::stoi(text.substr(std::string("Piriformis: ").size()));
    CHECK(percent > 5);
    CHECK(percent < 60);

    // The groups colours have no default highlight, so no callout even with labels on.
    spec.colour = "groups";
    hv::render::Figure plain;
    REQUIRE(hv::cli::renderFigure(session, content(), spec, {1, false}, nullptr, &plain) == 0);
    CHECK(plain.labels.empty());
}

TEST_CASE("the HTML page's stretch legend lists the stops of the one stretch scale") {
    const auto legend = hv::cli::lessonLegend(content(), {}, "stretch");
    const auto stops = hv::draw::stretchLegend();
    REQUIRE(legend.size() == stops.size());
    for (std::size_t i = 0; i < legend.size(); ++i) {
        CHECK(legend[i].label == stops[i].text);
        CHECK(legend[i].colour == stops[i].colour);
    }
    CHECK(legend.front().label == "40 % longer or more");
}

TEST_CASE("on the command line a stretch in the stretch colours with no highlight is labelled, and its saved scene says so") {
    const hv::test::TempDir dir;
    const std::string scene = (dir.path() / "f4.toml").string();
    const auto r = hv::test::runProcess(hv::test::hipview() + " render --size 320x180 --samples 1 --no-ao --movement figure-4 --at 8 "
                                        "--colour stretch --save-scene " + scene + " -o " + (dir.path() / "f4.png").string() + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    std::ifstream in(scene);
    std::stringstream text;
    text << in.rdbuf();
    INFO(text.str());
    CHECK(contains(text.str(), "labels = true"));
    CHECK_FALSE(contains(text.str(), "highlight"));
    // With the groups colours nothing is highlighted, so nothing turns labels on.
    const auto g = hv::test::runProcess(hv::test::hipview() + " render --size 320x180 --samples 1 --no-ao --movement figure-4 --at 8 "
                                        "--save-scene " + scene + " -o " + (dir.path() / "g.png").string() + " 2>&1");
    REQUIRE(g.exitCode == 0);
    std::ifstream again(scene);
    std::stringstream groups;
    groups << again.rdbuf();
    CHECK_FALSE(contains(groups.str(), "labels = true"));
}
