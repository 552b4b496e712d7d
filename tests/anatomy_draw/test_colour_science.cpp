// Colour science (sRGB, CIELAB, CIEDE2000, colour-vision simulation, WCAG contrast) and the rule
// the role colours are chosen by.
#include "anatomy_draw/colour_science.hpp"

#include "anatomy_draw/colouring.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

using namespace hv;
using namespace hv::draw;

namespace {

struct Pair {
    Lab x, y;
    double expected;
};

// Sharma, Wu and Dalal 2005 (Color Research and Application 30(1), 21-30), Table 1: the 34
// supplementary test pairs and their CIEDE2000 differences (4 decimals).
const Pair kSharmaPairs[] = {
    {{50.0000, 2.6772, -79.7751}, {50.0000, 0.0000, -82.7485}, 2.0425},
    {{50.0000, 3.1571, -77.2803}, {50.0000, 0.0000, -82.7485}, 2.8615},
    {{50.0000, 2.8361, -74.0200}, {50.0000, 0.0000, -82.7485}, 3.4412},
    {{50.0000, -1.3802, -84.2814}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, -1.1848, -84.8006}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, -0.9009, -85.5211}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, 0.0000, 0.0000}, {50.0000, -1.0000, 2.0000}, 2.3669},
    {{50.0000, -1.0000, 2.0000}, {50.0000, 0.0000, 0.0000}, 2.3669},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0009}, 7.1792},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0010}, 7.1792},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0011}, 7.2195},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0012}, 7.2195},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0009, -2.4900}, 4.8045},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0010, -2.4900}, 4.8045},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0011, -2.4900}, 4.7461},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 0.0000, -2.5000}, 4.3065},
    {{50.0000, 2.5000, 0.0000}, {73.0000, 25.0000, -18.0000}, 27.1492},
    {{50.0000, 2.5000, 0.0000}, {61.0000, -5.0000, 29.0000}, 22.8977},
    {{50.0000, 2.5000, 0.0000}, {56.0000, -27.0000, -3.0000}, 31.9030},
    {{50.0000, 2.5000, 0.0000}, {58.0000, 24.0000, 15.0000}, 19.4535},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.1736, 0.5854}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.2972, 0.0000}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 1.8634, 0.5757}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.2592, 0.3350}, 1.0000},
    {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644},
    {{63.0109, -31.0961, -5.8663}, {62.8187, -29.7946, -4.0864}, 1.2630},
    {{61.2901, 3.7196, -5.3901}, {61.4292, 2.2480, -4.9620}, 1.8731},
    {{35.0831, -44.1164, 3.7933}, {35.0232, -40.0716, 1.5901}, 1.8645},
    {{22.7233, 20.0904, -46.6940}, {23.0331, 14.9730, -42.5619}, 2.0373},
    {{36.4612, 47.8580, 18.3852}, {36.2715, 50.5065, 21.2231}, 1.4146},
    {{90.8027, -2.0831, 1.4410}, {91.1528, -1.6435, 0.0447}, 1.4441},
    {{90.9257, -0.5406, -0.9208}, {88.6381, -0.8985, -0.7239}, 1.5381},
    {{6.7747, -0.2908, -2.4247}, {5.8714, -0.0985, -2.2286}, 0.6377},
    {{2.0776, 0.0795, -1.1350}, {0.9033, -0.0636, -0.5514}, 0.9082},
};

glm::dvec3 d(glm::vec3 v) {
    return glm::dvec3(v);
}

} // namespace

TEST_CASE("CIEDE2000 gives the published differences of all 34 test pairs of Sharma Wu and Dalal "
          "2005 in both orders") {
    for (const Pair& p : kSharmaPairs) {
        CAPTURE(p.expected);
        CHECK(std::abs(ciede2000(p.x, p.y) - p.expected) < 1e-4); // the table's 4 decimals
        CHECK(ciede2000(p.y, p.x) == doctest::Approx(ciede2000(p.x, p.y)).epsilon(1e-12));
    }
    CHECK(ciede2000({50, 10, 10}, {50, 10, 10}) == 0.0);
}

TEST_CASE("sRGB white and black and a mid grey land on their known CIELAB values") {
    const Lab white = linearToLab(linearFromHex(0xFFFFFF));
    CHECK(white.l == doctest::Approx(100.0).epsilon(1e-4));
    CHECK(std::abs(white.a) < 1e-3);
    CHECK(std::abs(white.b) < 1e-3);
    CHECK(linearToLab(linearFromHex(0x000000)).l == doctest::Approx(0.0));
    // sRGB 119/255 is L* 50.0 (within 0.05): a well-known grey.
    CHECK(linearToLab(linearFromHex(0x777777)).l == doctest::Approx(50.03).epsilon(1e-3));
    // sRGB red: L* 53.24, a* 80.09, b* 67.20.
    const Lab red = linearToLab(linearFromHex(0xFF0000));
    CHECK(red.l == doctest::Approx(53.24).epsilon(2e-4));
    CHECK(red.a == doctest::Approx(80.09).epsilon(2e-4));
    CHECK(red.b == doctest::Approx(67.20).epsilon(3e-4));
    CHECK(linearToSrgb(srgbToLinear(0.3)) == doctest::Approx(0.3));
}

TEST_CASE("the WCAG contrast ratio is 21 for black on white and 1 for a colour on itself and known "
          "for a grey") {
    CHECK(contrastRatio(linearFromHex(0x000000), linearFromHex(0xFFFFFF)) == doctest::Approx(21.0));
    CHECK(contrastRatio(linearFromHex(0x3A9A50), linearFromHex(0x3A9A50)) == doctest::Approx(1.0));
    // #777777 on white is 4.48:1 (the classic just-failing AA grey).
    CHECK(contrastRatio(linearFromHex(0x777777), linearFromHex(0xFFFFFF)) ==
          doctest::Approx(4.48).epsilon(2e-3));
}

TEST_CASE("simulated protanopia and deuteranopia keep greys and merge a red-green pair that normal "
          "vision tells apart") {
    const glm::dvec3 grey = linearFromHex(0x808080);
    for (Vision v : {Vision::Protanopia, Vision::Deuteranopia}) {
        const glm::dvec3 g = simulate(v, grey);
        CHECK(g.x == doctest::Approx(grey.x).epsilon(2e-3));
        CHECK(g.y == doctest::Approx(grey.y).epsilon(2e-3));
        CHECK(g.z == doctest::Approx(grey.z).epsilon(2e-3));
    }
    // The role colours the window used before: rose and teal, 63 apart for normal vision, under
    // 30 for both deficiencies.
    const glm::dvec3 rose = linearFromHex(0xD2416A), teal = linearFromHex(0x1F9BA8);
    CHECK(ciede2000(linearToLab(rose), linearToLab(teal)) > 60.0);
    for (Vision v : {Vision::Protanopia, Vision::Deuteranopia})
        CHECK(ciede2000(linearToLab(simulate(v, rose)), linearToLab(simulate(v, teal))) < 30.0);
    CHECK(simulate(Vision::Normal, rose) == rose);
}

TEST_CASE("each diverging pair of role colours is told apart with normal vision protanopia and "
          "deuteranopia and stands out on white") {
    const glm::dvec3 white(1.0);
    const std::string dofNames[] = {"flexion", "adduction", "rotation"};
    for (HipDof dof : kHipDofs) {
        const auto [pos, neg] = roleOpposites(dof);
        const glm::dvec3 a = d(roleColour(pos)), b = d(roleColour(neg));
        CAPTURE(dofNames[static_cast<int>(dof)]);
        double least = 1e9;
        for (Vision v : {Vision::Normal, Vision::Protanopia, Vision::Deuteranopia}) {
            const double de = ciede2000(linearToLab(simulate(v, a)), linearToLab(simulate(v, b)));
            CHECK(de >= kRoleMinDifference);
            least = std::min(least, de);
        }
        CHECK(contrastRatio(a, white) >= kRoleMinContrast);
        CHECK(contrastRatio(b, white) >= kRoleMinContrast);
        MESSAGE(dofNames[static_cast<int>(dof)] << ": least CIEDE2000 " << least
                                                << ", contrast on white " << contrastRatio(a, white)
                                                << " and " << contrastRatio(b, white));
    }
}

TEST_CASE(
    "one sense of every pair is banded and the other is not so the pair differs without colour") {
    for (HipDof dof : kHipDofs) {
        const auto [pos, neg] = roleOpposites(dof);
        CHECK(roleBanded(pos) != roleBanded(neg));
    }
    CHECK_FALSE(roleBanded(Action::None));
}

TEST_CASE("the pelvis mode's pair tips forward and tips back is told apart by the role colours' rule and differs from every role colour") {
    const glm::dvec3 white(1.0);
    const glm::dvec3 a = d(pelvicTiltColour(PelvicTilt::Forward)), b = d(pelvicTiltColour(PelvicTilt::Back));
    double least = 1e9;
    for (Vision v : {Vision::Normal, Vision::Protanopia, Vision::Deuteranopia}) {
        const double de = ciede2000(linearToLab(simulate(v, a)), linearToLab(simulate(v, b)));
        CHECK(de >= kRoleMinDifference);
        least = std::min(least, de);
    }
    CHECK(contrastRatio(a, white) >= kRoleMinContrast);
    CHECK(contrastRatio(b, white) >= kRoleMinContrast);
    CHECK(pelvicTiltBanded(PelvicTilt::Forward) != pelvicTiltBanded(PelvicTilt::Back));
    // Not one of the role colours, so a pelvis picture is not read as a role picture.
    for (Action r : {Action::Flexor, Action::Extensor, Action::Adductor, Action::Abductor, Action::InternalRotator, Action::ExternalRotator}) {
        CHECK(ciede2000(linearToLab(a), linearToLab(d(roleColour(r)))) > 10.0);
        CHECK(ciede2000(linearToLab(b), linearToLab(d(roleColour(r)))) > 10.0);
    }
    MESSAGE("pelvis pair: least CIEDE2000 " << least << ", contrast on white " << contrastRatio(a, white) << " and "
                                            << contrastRatio(b, white));
}
