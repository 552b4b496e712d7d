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

namespace {
// The hinge model with its left side and a translational coordinate "slide" (default 0.94 m,
// range 0 to 2 m), like the pelvis height.
Model slidingHingeModel() {
    Model model = test::hingeModel({0, 0.1, 0}, {0, -0.1, 0});
    addMirroredLeftSide(model);
    model.coordinates.push_back(
        {"slide", "slide", CoordinateKind::Translational, 0.94, 0.0, 2.0, "test", Side::Midline, "up", "down"});
    return model;
}
} // namespace

TEST_CASE("user units are degrees for rotations and metres for translations") {
    const Model model = slidingHingeModel();
    const Coordinate& hinge = model.coordinates[static_cast<std::size_t>(model.findCoordinate("q_r"))];
    const Coordinate& slide = model.coordinates[static_cast<std::size_t>(model.findCoordinate("slide"))];
    CHECK(coordinateUserUnit(hinge) == "deg");
    CHECK(coordinateUserUnit(slide) == "m");
    CHECK(coordinateFromUser(hinge, 90.0) == doctest::Approx(kPi / 2));
    CHECK(coordinateToUser(hinge, kPi) == doctest::Approx(180.0));
    CHECK(coordinateFromUser(slide, 0.05) == 0.05);
    CHECK(coordinateToUser(slide, 0.05) == 0.05);
    CHECK(coordinateUserDecimals(hinge) == 1);
    CHECK(coordinateUserDecimals(slide) == 3);
    std::string error;
    const auto pose = parsePose(model, "slide=0.05", error);
    REQUIRE(pose);
    CHECK((*pose)[0].value == 0.05);
    CHECK_FALSE(parsePose(model, "slide=50", error));
    CHECK(error.find("between 0 and 2 m") != std::string::npos);
}

TEST_CASE("poseText lists only the coordinates away from their defaults in degrees and metres") {
    const Model model = slidingHingeModel();
    std::vector<double> q = model.defaultPose();
    CHECK(poseText(model, q).empty());
    q[static_cast<std::size_t>(model.findCoordinate("q_r"))] = toRadians(90.0);
    CHECK(poseText(model, q) == "q_r=90");
    q[static_cast<std::size_t>(model.findCoordinate("slide"))] = 0.5;
    q[static_cast<std::size_t>(model.findCoordinate("q_l"))] = toRadians(-12.5);
    CHECK(poseText(model, q) == "q_r=90,q_l=-12.5,slide=0.5");
}

TEST_CASE("parsePose reads back what poseText wrote") {
    const Model model = slidingHingeModel();
    const std::vector<std::vector<double>> poses = {
        {1.2345678901, -0.3, 0.123456789}, {-kPi, kPi, 2.0}, {1e-7, 0.0, 0.94}, {0.0, 2.5, 0.0}};
    for (const std::vector<double>& q : poses) {
        REQUIRE(q.size() == model.coordinates.size());
        const std::string text = poseText(model, q);
        CAPTURE(text);
        std::string error;
        const auto assignments = parsePose(model, text, error);
        REQUIRE_MESSAGE(assignments, error);
        std::vector<double> back = model.defaultPose();
        applyPose(*assignments, back);
        for (std::size_t i = 0; i < q.size(); ++i)
            CHECK(back[i] == doctest::Approx(q[i]).epsilon(1e-8));
        CHECK(poseText(model, back) == text);
    }
}
