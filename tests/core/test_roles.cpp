#include "core/roles.hpp"

#include <doctest/doctest.h>

using namespace hv;

TEST_CASE("classification follows OpenSim's signs with a dead zone") {
    CHECK(classifyAction(HipDof::Flexion, 0.01) == Action::Flexor);
    CHECK(classifyAction(HipDof::Flexion, -0.01) == Action::Extensor);
    CHECK(classifyAction(HipDof::Adduction, 0.01) == Action::Adductor);
    CHECK(classifyAction(HipDof::Adduction, -0.01) == Action::Abductor);
    CHECK(classifyAction(HipDof::Rotation, 0.01) == Action::InternalRotator);
    CHECK(classifyAction(HipDof::Rotation, -0.01) == Action::ExternalRotator);
    CHECK(classifyAction(HipDof::Rotation, 0.0005) == Action::None);
    CHECK(actionShort(Action::ExternalRotator) == "external");
    CHECK(actionName(Action::ExternalRotator) == "external rotator");
}

TEST_CASE("a sign change is found and refined on the continuous function") {
    std::vector<double> xs{0, 10, 20, 30, 40, 50};
    const auto f = [](double x) { return (x - 23.4) * 0.001; };
    std::vector<double> ys;
    for (double x : xs) ys.push_back(f(x));
    const auto changes = findRoleChanges(HipDof::Rotation, xs, ys, f);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].from == Action::ExternalRotator);
    CHECK(changes[0].to == Action::InternalRotator);
    CHECK(changes[0].at == doctest::Approx(23.4).epsilon(1e-5));
}

TEST_CASE("hovering inside the dead zone is not a role change, crossing through it is") {
    std::vector<double> xs{0, 1, 2, 3, 4};
    std::vector<double> hover{-0.005, -0.0005, 0.0004, -0.0002, -0.006};
    CHECK(findRoleChanges(HipDof::Flexion, xs, hover).empty());
    std::vector<double> cross{-0.005, -0.0005, 0.0004, 0.0009, 0.006};
    const auto changes = findRoleChanges(HipDof::Flexion, xs, cross);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].from == Action::Extensor);
    CHECK(changes[0].to == Action::Flexor);
    CHECK(changes[0].at > 0.0);
    CHECK(changes[0].at < 4.0);
}
