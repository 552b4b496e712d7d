// Lumbar vertebrae L1-L5, each in its own frame: origin at the centre of the disc below it,
// Y along the vertebral body's axis, X anterior, Z right (content/skeleton.toml's lumbar chain).
//
// The body's endplates sit half a disc above the frame's origin and half a disc below the next
// joint, with the disc and body heights of skeleton.toml's construction (bodies 26-27 mm,
// Panjabi et al. 1992). Endplate widths and depths, pedicle widths, canal sizes and transverse
// process spans grow from L1 to L5 within the ranges Panjabi et al. 1992 measured; the values
// per level below are the team's choices within those ranges. The body's sides carry psoas
// major's origins (content/muscles/psoas_major.toml) near their upper margins.
#include "bonegen/bones.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace hv::bonegen {

namespace {

struct Level {
    double bottom, top;      // endplates, m above the frame origin
    double width, depth;     // body endplate, m
    double canalWidth, canalDepth;
    double pedicleWidth, pedicleHeight;
    double transverseSpan;   // tip to tip
    double spinousLength;    // from the lamina junction to the tip
};

// L1 ... L5
constexpr std::array<Level, 5> kLevels{{
    {0.0050, 0.0310, 0.0420, 0.0320, 0.0220, 0.0170, 0.0080, 0.0150, 0.070, 0.030},
    {0.0050, 0.0315, 0.0440, 0.0330, 0.0220, 0.0170, 0.0090, 0.0150, 0.078, 0.031},
    {0.0055, 0.0325, 0.0475, 0.0340, 0.0230, 0.0160, 0.0100, 0.0145, 0.088, 0.031},
    {0.0060, 0.0330, 0.0495, 0.0350, 0.0230, 0.0160, 0.0120, 0.0135, 0.084, 0.029},
    {0.0055, 0.0325, 0.0500, 0.0350, 0.0250, 0.0160, 0.0150, 0.0135, 0.090, 0.025},
}};

} // namespace

BoneShape vertebraShape(int levelNumber, const SkeletonLandmarks& /*landmarks*/) {
    const Level& L = kLevels[static_cast<std::size_t>(std::clamp(levelNumber, 1, 5) - 1)];
    BoneShape shape;
    shape.body = "L";
    shape.body += std::to_string(levelNumber);
    Sdf& s = shape.sdf;
    const double h = L.top - L.bottom;
    const double yMid = 0.5 * (L.top + L.bottom);
    const Mat3 vertical{Vec3(1, 0, 0), Vec3(0, 0, 1), Vec3(0, -1, 0)}; // local z = -Y, fine for a symmetric body

    // Body: an elliptic cylinder, flatter at the back, with a waist.
    s.unite(ellipticCylinder({0.0, yMid, 0.0}, vertical, 0.5 * L.depth, 0.5 * L.width, 0.5 * h, 0.002), 0.0);
    s.subtract(box({-0.5 * L.depth - 0.006, yMid, 0.0}, Mat3{1.0}, {0.008, 0.5 * h + 0.002, 0.010}, 0.002), 0.006); // flat posterior face
    s.subtract(torus({0.0, yMid, 0.0}, {0, 1, 0}, 0.5 * L.width + 0.010, 0.0115), 0.004);                          // waist

    // Posterior arch. x of the back of the body; the canal behind it.
    const double xBack = -0.5 * L.depth + 0.002;
    const double xRoof = xBack - L.canalDepth;                        // front of the laminae at the midline
    const double zPed = 0.5 * L.canalWidth + 0.5 * L.pedicleWidth;   // pedicle centre line
    const double yPed = L.top - 0.5 * L.pedicleHeight - 0.001;
    const double xJunction = xBack - 0.013;                           // pedicle meets lamina and processes
    for (double side : {1.0, -1.0}) {
        // pedicle: from the upper back of the body backwards
        s.unite(ellipticCylinder({0.5 * (xBack + 0.004 + xJunction), yPed, side * zPed},
                                 Mat3{Vec3(0, 1, 0), Vec3(0, 0, side), Vec3(-1, 0, 0) * side * side},
                                 0.5 * L.pedicleHeight, 0.5 * L.pedicleWidth, 0.5 * (xBack + 0.004 - xJunction) + 0.002, 0.002),
                0.004);
        // lamina: a plate from the junction back, down and medially to the midline
        const Vec3 j{xJunction, yPed, side * zPed};
        const Vec3 roofTop{xRoof - 0.003, L.top - 0.002, side * 0.002};
        const Vec3 roofBottom{xRoof - 0.001, L.bottom - 0.004, side * 0.003};
        const Vec3 jLow{xJunction + 0.001, yPed - 0.016, side * (zPed - 0.001)};
        s.begin(Combine::Union, 0.004);
        s.add(thickTriangle(j, roofTop, roofBottom, 0.0035, 0.003, 0.003));
        s.add(thickTriangle(j, roofBottom, jLow, 0.0035, 0.003, 0.003));
        // transverse process: laterally and slightly backwards from the junction
        const double tipZ = 0.5 * L.transverseSpan;
        const double root = levelNumber == 5 ? 0.0085 : 0.0055;
        s.unite(roundCone({xJunction + 0.003, yPed - 0.001, side * (zPed + 0.002)}, {xJunction - 0.006, yPed + 0.002, side * tipZ},
                          root, 0.0035),
                0.005);
        if (levelNumber == 5) // L5's stout process also springs from the body
            s.unite(roundCone({xBack + 0.004, yPed - 0.005, side * 0.020}, {xJunction - 0.004, yPed + 0.001, side * (tipZ - 0.008)}, 0.006, 0.004),
                    0.006);
        // superior articular process: up from the junction, facet facing back and medially, with
        // the mammillary process on its back border
        const Vec3 supBase{xJunction - 0.002, L.top - 0.004, side * (zPed + 0.001)};
        const Vec3 supTip{xJunction - 0.007, L.top + 0.011, side * (zPed + 0.002)};
        s.unite(ellipticCylinder(0.5 * (supBase + supTip), frameFromAxis(supTip - supBase, Vec3(0, 0, side)), 0.0045, 0.0065,
                                 0.5 * glm::length(supTip - supBase), 0.0025),
                0.004);
        s.unite(sphere({xJunction - 0.011, L.top + 0.003, side * (zPed + 0.004)}, 0.0035), 0.003);
        // inferior articular process: down from the lamina, behind and medial to the superior
        // processes of the vertebra below, facet facing forwards and laterally
        const Vec3 infBase{xRoof - 0.004, L.bottom + 0.002, side * (0.5 * L.canalWidth - 0.001)};
        const Vec3 infTip{xRoof - 0.006, L.bottom - 0.012, side * (0.5 * L.canalWidth - 0.002)};
        s.unite(ellipticCylinder(0.5 * (infBase + infTip), frameFromAxis(infTip - infBase, Vec3(0, 0, side)), 0.0045, 0.006,
                                 0.5 * glm::length(infTip - infBase), 0.0025),
                0.004);
    }
    // spinous process: a vertical blade straight back from the laminae' junction
    const double xSpineRoot = xRoof - 0.004;
    const double xSpineTip = xSpineRoot - L.spinousLength;
    s.unite(box({0.5 * (xSpineRoot + xSpineTip), yMid - 0.003, 0.0}, Mat3{1.0}, {0.5 * L.spinousLength, 0.5 * (h - 0.002), 0.0030}, 0.0025),
            0.005);
    s.unite(ellipsoid({xSpineTip + 0.003, yMid - 0.004, 0.0}, Mat3{1.0}, {0.005, 0.5 * h, 0.0045}), 0.004);
    // keep the vertebral canal open
    s.subtract(ellipticCylinder({xBack - 0.5 * L.canalDepth, yMid, 0.0}, vertical, 0.5 * L.canalDepth, 0.5 * L.canalWidth - 0.001,
                                0.5 * h + 0.03, 0.0),
               0.002);

    const double reach = 0.5 * L.transverseSpan + 0.01;
    shape.region = {{xSpineTip - 0.012, L.bottom - 0.022, -reach}, {0.5 * L.depth + 0.008, L.top + 0.022, reach}};
    shape.cellSize = 0.0007;
    shape.maxTriangles = 6000;
    shape.maxError = 0.00012;
    return shape;
}

} // namespace hv::bonegen
