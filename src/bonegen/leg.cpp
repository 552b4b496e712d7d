// Tibia, fibula and patella (right), each in its own body frame (OpenSim: X anterior, Y
// superior, Z lateral for the right side; metres). The fibula's frame is the tibia's (it is
// welded to it, as in Rajagopal et al. 2016, where the fibula is part of the tibia body).
//
// Where the shape comes from: the tibial plateau lies 4 mm below the femoral condyles at the
// default pose (a joint space for cartilage and menisci), and the patella's back 1-7 mm in front
// of the femur's patellar surface; the tibial tuberosity carries the
// patellar ligament's published insertion (rectus femoris' last point), the anteromedial
// surface below the medial condyle the pes anserinus (sartorius, gracilis, semitendinosus),
// the posteromedial condyle semimembranosus, the anterolateral condyle Gerdy's tubercle (tensor
// fasciae latae's iliotibial tract), the fibular head biceps femoris (all Rajagopal et al.
// 2016 points). The patella sits on the published patellofemoral joint, its base under the
// quadriceps tendon's points. Sizes not fixed by these are the team's estimates of an adult
// male (tibia about 380 mm long, plateau about 76 mm wide).
#include "bonegen/bones.hpp"

namespace hv::bonegen {

namespace {
constexpr double kPlateau = -0.025; // top of the tibial plateau, tibia frame
}

BoneShape tibiaShape(const SkeletonLandmarks& /*landmarks*/) {
    BoneShape shape;
    shape.body = "tibia_r";
    Sdf& s = shape.sdf;
    const Mat3 I{1.0};
    const Mat3 vertical{Vec3(1, 0, 0), Vec3(0, 0, 1), Vec3(0, 1, 0)};
    // Condyles: a broad block, flat on top (the plateau), the medial condyle the larger; it
    // narrows quickly below into the shaft (the pes anserinus lies on the anteromedial surface
    // of that narrowing, 15 mm from the axis).
    // The plateau's rim is a short slab; under it the condyles round off and taper into the
    // shaft (an ellipsoid), so the upper tibia flares like a capital rather than a drum.
    s.unite(ellipticCylinder({-0.006, kPlateau - 0.005, -0.001}, vertical, 0.0245, 0.0385, 0.005, 0.003), 0.0);
    s.unite(ellipsoid({-0.0065, kPlateau - 0.012, -0.0005}, I, {0.0240, 0.024, 0.0375}), 0.006);
    s.unite(roundCone({-0.005, kPlateau - 0.024, 0.0}, {-0.003, -0.080, 0.0}, 0.027, 0.0120), 0.010);
    // plateau: shallow facets, the intercondylar eminence between them
    s.subtract(ellipsoid({-0.007, kPlateau + 0.030, -0.019}, I, {0.020, 0.0315, 0.016}), 0.003);
    s.subtract(ellipsoid({-0.009, kPlateau + 0.031, 0.018}, I, {0.018, 0.0318, 0.015}), 0.003);
    s.unite(roundCone({-0.006, kPlateau - 0.004, -0.004}, {-0.006, kPlateau + 0.006, -0.004}, 0.004, 0.0015), 0.004);
    s.unite(roundCone({-0.007, kPlateau - 0.004, 0.005}, {-0.007, kPlateau + 0.005, 0.005}, 0.004, 0.0015), 0.004);
    // posterior intercondylar area: a shallow notch at the back between the condyles
    s.subtract(capsule({-0.036, kPlateau + 0.004, 0.000}, {-0.036, kPlateau - 0.016, 0.000}, 0.008), 0.004);
    // tibial tuberosity (patellar ligament), Gerdy's tubercle, posteromedial condyle
    // (semimembranosus), the fibular facet under the lateral condyle
    s.unite(ellipsoid({0.0245, -0.061, -0.0005}, I, {0.0085, 0.016, 0.0095}), 0.008);
    s.unite(ellipsoid({0.006, -0.041, 0.031}, I, {0.006, 0.007, 0.006}), 0.006);
    s.unite(ellipsoid({-0.022, -0.041, -0.019}, I, {0.006, 0.008, 0.008}), 0.006);
    // Shaft: a triangular prism in effect: a round core, a sharp anterior border (the shin), an
    // interosseous border facing the fibula, a rounded medial border.
    const std::vector<Vec3> core{{-0.006, -0.070, 0.003}, {-0.004, -0.130, 0.000}, {-0.005, -0.200, 0.000},
                                 {-0.006, -0.280, 0.000}, {-0.007, -0.340, -0.001}, {-0.008, -0.370, -0.002}};
    s.begin(Combine::Union, 0.006);
    addSmoothChain(s, core, {0.0125, 0.0125, 0.0115, 0.0115, 0.0135, 0.019}, 3);
    s.begin(Combine::Union, 0.008);
    addSmoothChain(s, {{0.018, -0.086, 0.000}, {0.010, -0.140, 0.001}, {0.008, -0.220, 0.000}, {0.008, -0.300, -0.003}, {0.010, -0.350, -0.004}},
                   {0.005, 0.003, 0.0025, 0.0025, 0.003}, 3);
    s.begin(Combine::Union, 0.008);
    addSmoothChain(s, {{-0.010, -0.075, 0.020}, {-0.008, -0.150, 0.013}, {-0.008, -0.250, 0.012}, {-0.007, -0.330, 0.014}},
                   {0.004, 0.003, 0.003, 0.0035}, 3);
    // soleal line, obliquely across the back of the upper shaft
    s.begin(Combine::Union, 0.006);
    addSmoothChain(s, {{-0.020, -0.070, 0.018}, {-0.018, -0.095, 0.004}, {-0.017, -0.125, -0.008}}, {0.003, 0.003, 0.0025}, 3);
    // Distal end: metaphysis, medial malleolus, the fibular notch on the lateral side.
    s.unite(ellipsoid({-0.006, -0.375, -0.001}, I, {0.020, 0.022, 0.023}), 0.010);
    s.unite(roundCone({-0.004, -0.380, -0.019}, {-0.003, -0.404, -0.021}, 0.010, 0.006), 0.006);
    s.subtract(ellipsoid({-0.010, -0.380, 0.031}, I, {0.010, 0.020, 0.008}), 0.004);
    // the inferior articular surface (flat, facing down)
    s.subtract(box({-0.006, -0.404, 0.005}, I, {0.030, 0.010, 0.015}, 0.002), 0.003);

    shape.region = {{-0.045, -0.420, -0.050}, {0.045, kPlateau + 0.014, 0.050}};
    shape.cellSize = 0.0010;
    shape.maxTriangles = 11000;
    shape.maxError = 0.00015;
    return shape;
}

BoneShape fibulaShape(const SkeletonLandmarks& /*landmarks*/) {
    BoneShape shape;
    shape.body = "fibula_r";
    Sdf& s = shape.sdf;
    const Mat3 I{1.0};
    // head (biceps femoris) with its apex, neck, thin shaft behind and lateral to the tibia,
    // lateral malleolus reaching lower than the medial one
    s.unite(ellipsoid({-0.025, -0.050, 0.035}, I, {0.011, 0.010, 0.0095}), 0.0);
    s.unite(roundCone({-0.026, -0.046, 0.036}, {-0.030, -0.037, 0.038}, 0.006, 0.003), 0.004);
    s.begin(Combine::Union, 0.008);
    addSmoothChain(s, {{-0.024, -0.060, 0.035}, {-0.022, -0.090, 0.036}, {-0.020, -0.180, 0.035}, {-0.017, -0.290, 0.033},
                       {-0.014, -0.360, 0.033}},
                   {0.007, 0.0062, 0.0065, 0.0065, 0.0078}, 3);
    s.unite(ellipsoid({-0.014, -0.392, 0.035}, I, {0.011, 0.021, 0.008}), 0.008);
    s.unite(roundCone({-0.015, -0.395, 0.036}, {-0.016, -0.415, 0.036}, 0.008, 0.005), 0.006);

    shape.region = {{-0.045, -0.430, 0.010}, {0.000, -0.020, 0.055}};
    shape.cellSize = 0.0009;
    shape.maxTriangles = 4000;
    shape.maxError = 0.00012;
    return shape;
}

BoneShape patellaShape(const SkeletonLandmarks& /*landmarks*/) {
    BoneShape shape;
    shape.body = "patella_r";
    Sdf& s = shape.sdf;
    const Mat3 I{1.0};
    // rounded triangle, base up (quadriceps tendon), apex down (patellar ligament), thickest in
    // the middle
    s.unite(ellipsoid({-0.006, 0.026, 0.0}, I, {0.012, 0.021, 0.0215}), 0.0);
    s.unite(roundCone({-0.005, 0.018, 0.0}, {-0.002, 0.003, 0.0}, 0.012, 0.005), 0.010);
    // articular surface behind: lateral facet larger than medial, a vertical ridge between
    s.subtract(sphere({-0.0535, 0.027, 0.019}, 0.0395), 0.004);
    s.subtract(sphere({-0.0525, 0.027, -0.018}, 0.0375), 0.004);

    shape.region = {{-0.027, -0.008, -0.030}, {0.013, 0.055, 0.030}};
    shape.cellSize = 0.0006;
    shape.maxTriangles = 2000;
    shape.maxError = 0.0001;
    return shape;
}

} // namespace hv::bonegen
