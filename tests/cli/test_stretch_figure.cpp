// A stretch's figure in the stretch colours with no highlight shows its target muscles, each with
// a callout giving its number, and the HTML page's legend lists the stretch scale's stops.
#include "app/figure_render.hpp"
#include "app/html_export.hpp"
#include "anatomy_draw/colouring.hpp"
#include "content/content.hpp"

#include <doctest/doctest.h>

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

    // The groups colours have no default highlight, so no callout.
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
