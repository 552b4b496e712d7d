#include "core/pose_text.hpp"

#include "fixtures.hpp"

#include <doctest/doctest.h>

using namespace hv;

TEST_CASE("poses are parsed in degrees and a side-less name sets both sides") {
    Model model = test::hingeModel({0, 0.1, 0}, {0, -0.1, 0});
    addMirroredLeftSide(model);
    std::string error;
    const auto pose = parsePose(model, "q=30", error);
    REQUIRE(pose);
    REQUIRE(pose->size() == 2);
    CHECK((*pose)[0].value == doctest::Approx(toRadians(30)));
    const auto one = parsePose(model, "q_l=-10,", error);
    REQUIRE(one);
    CHECK(one->size() == 1);
    CHECK(model.coordinates[static_cast<std::size_t>((*one)[0].coordinate)].name == "q_l");
}

TEST_CASE("bad poses say what is wrong") {
    const Model model = test::hingeModel({0, 0.1, 0}, {0, -0.1, 0});
    std::string error;
    CHECK_FALSE(parsePose(model, "qq_r=10", error));
    CHECK(error.find("unknown coordinate \"qq_r\"") != std::string::npos);
    CHECK(error.find("did you mean \"q_r\"") != std::string::npos);
    CHECK_FALSE(parsePose(model, "q_r=ten", error));
    CHECK(error.find("is not a number") != std::string::npos);
    CHECK_FALSE(parsePose(model, "q_r=400", error));
    CHECK(error.find("must lie between") != std::string::npos);
    CHECK_FALSE(parsePose(model, "q_r", error));
    CHECK(error.find("NAME=VALUE") != std::string::npos);
}

TEST_CASE("numbers parse without locale and reject trailing text") {
    CHECK(parseNumber("1.5") == 1.5);
    CHECK(parseNumber("-2") == -2.0);
    CHECK(parseNumber(" 3 ") == 3.0);
    CHECK_FALSE(parseNumber("1.5x"));
    CHECK_FALSE(parseNumber("nan"));
    CHECK_FALSE(parseNumber(""));
}
