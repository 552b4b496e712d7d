// The right femur, in the femur frame (origin at the hip joint centre = centre of the head;
// X anterior, Y superior, Z lateral; metres).
//
// Where the shape comes from:
//  - head: a sphere on the origin (the hip joint centre, Rajagopal et al. 2016), radius from
//    femurAxes(); a fovea capitis just behind and below its medial pole;
//  - neck: along the axis that the default anteversion and neck-shaft angle give
//    (femoralNeckDirection, core/bone_parameters.cpp; Toogood et al. 2009), narrower front to
//    back than top to bottom;
//  - greater trochanter: its faces carry the published insertions of gluteus minimus (front),
//    medius (lateral and back), piriformis, the gemelli and obturator internus (upper medial
//    border); the trochanteric fossa behind the neck base holds obturator externus;
//  - intertrochanteric crest with the quadrate tubercle (quadratus femoris), lesser trochanter
//    (psoas, iliacus), intertrochanteric line in front;
//  - shaft: a bowed tube whose centre line runs 15 mm in front of the linea aspera, which
//    passes through the adductor insertions (brevis, longus, magnus) and splits above into the
//    gluteal tuberosity (gluteus maximus) and pectineal line (pectineus), below into the
//    supracondylar lines; the bow is the anterior bow the published points imply;
//  - condyles around the knee joint of the content (Walker knee of Rajagopal et al. 2016),
//    their lowest points 21 mm below the tibia's origin (which sits at the joint line level of
//    the published tibial attachments), epicondyles, adductor tubercle (adductor magnus' ischial
//    part), patellar surface under the patella's published position.
// Sizes not fixed by those points are the team's estimates of an adult male femur.
#include "bonegen/bones.hpp"

#include <cmath>

namespace hv::bonegen {

namespace {

Mat3 axesXYZ() { return Mat3{1.0}; }

} // namespace

BoneShape femurShape(const BoneParameters& defaults, const SkeletonLandmarks& landmarks) {
    BoneShape shape;
    shape.body = "femur_r";
    Sdf& s = shape.sdf;
    const FemurAxes& axes = femurAxes();
    const double rHead = axes.headRadius;
    const Vec3 n = femoralNeckDirection(defaults.anteversion, defaults.neckShaftAngle); // head -> base
    const Vec3 up = glm::normalize(axes.shaftAxis - glm::dot(axes.shaftAxis, n) * n);  // neck's superior side
    const Vec3 front = glm::cross(n, up);
    const Mat3 neckAxes{n, up, front};

    // Head and neck.
    s.unite(sphere(Vec3(0.0), rHead), 0.0);
    s.unite(ellipsoid(0.028 * n, neckAxes, {0.027, 0.0163, 0.0128}), 0.012);
    s.unite(ellipsoid(0.050 * n - 0.002 * up, neckAxes, {0.020, 0.0195, 0.0150}), 0.012);

    // Proximal metaphysis joining neck base, trochanters and shaft.
    s.unite(ellipsoid({-0.006, -0.052, 0.040}, axesXYZ(), {0.019, 0.032, 0.0185}), 0.012);

    // Greater trochanter: an upper block whose lateral face carries gluteus minimus (front) and
    // medius (lateral and top), its medial border piriformis, the gemelli and obturator
    // internus; a lower part merging into the shaft, flush with its lateral surface.
    s.unite(box({-0.018, -0.0175, 0.0495}, axesXYZ(), {0.012, 0.0135, 0.0068}, 0.005), 0.006);
    s.unite(ellipsoid({-0.014, -0.038, 0.045}, axesXYZ(), {0.017, 0.016, 0.0115}), 0.010);
    // the bone behind the neck base, between trochanter and crest
    s.unite(ellipsoid({-0.024, -0.032, 0.039}, axesXYZ(), {0.011, 0.016, 0.012}), 0.008);
    // trochanteric fossa (obturator externus) on the medial side of the trochanter's base
    s.subtract(sphere({-0.0245, -0.0175, 0.0335}, 0.0055), 0.003);

    // Intertrochanteric crest behind, with the quadrate tubercle (quadratus femoris); line in front.
    s.begin(Combine::Union, 0.008);
    addSmoothChain(s, {{-0.032, -0.012, 0.046}, {-0.0365, -0.022, 0.042}, {-0.0355, -0.035, 0.034}, {-0.030, -0.046, 0.024}, {-0.024, -0.052, 0.015}},
                   {0.005, 0.0055, 0.006, 0.0055, 0.005}, 4);
    s.begin(Combine::Union, 0.008);
    addSmoothChain(s, {{-0.002, -0.014, 0.050}, {0.007, -0.030, 0.043}, {0.009, -0.050, 0.033}, {0.005, -0.066, 0.026}, {-0.002, -0.076, 0.023}},
                   {0.0035, 0.004, 0.004, 0.0035, 0.003}, 4);

    // Lesser trochanter: a blunt cone pointing backwards and medially.
    s.unite(roundCone({-0.008, -0.060, 0.032}, {-0.0205, -0.0555, 0.0135}, 0.011, 0.0065), 0.006);

    // Shaft: bowed tube along its centre line.
    const std::vector<Vec3> centre{{-0.006, -0.045, 0.041}, {-0.002, -0.070, 0.039}, {0.003, -0.100, 0.0355}, {0.010, -0.130, 0.032},
                                   {0.017, -0.160, 0.0285}, {0.023, -0.200, 0.024},  {0.027, -0.240, 0.019},  {0.027, -0.280, 0.0145},
                                   {0.022, -0.320, 0.010},  {0.014, -0.350, 0.006},  {0.006, -0.375, 0.002}};
    const std::vector<double> radius{0.0170, 0.0155, 0.0145, 0.0138, 0.0133, 0.0132, 0.0133, 0.0138, 0.0150, 0.0175, 0.0205};
    s.begin(Combine::Union, 0.010);
    addSmoothChain(s, centre, radius, 4);
    // A ridge whose crest passes through the given points: each control point is moved towards
    // the shaft's centre line by the ridge's radius less half a millimetre.
    const auto centreAt = [&](double y) {
        for (std::size_t i = 0; i + 1 < centre.size(); ++i)
            if (y <= centre[i].y && y >= centre[i + 1].y) {
                const double f = (centre[i].y - y) / (centre[i].y - centre[i + 1].y);
                return centre[i] + f * (centre[i + 1] - centre[i]);
            }
        return y > centre.front().y ? centre.front() : centre.back();
    };
    const auto ridge = [&](std::vector<Vec3> crest, const std::vector<double>& r) {
        for (std::size_t i = 0; i < crest.size(); ++i) {
            Vec3 out = crest[i] - centreAt(crest[i].y);
            out.y = 0.0;
            crest[i] -= glm::normalize(out) * (r[i] - 0.0005);
        }
        s.begin(Combine::Union, 0.005);
        addSmoothChain(s, crest, r, 3);
    };

    // Linea aspera and its lips: lateral lip from the gluteal tuberosity (gluteus maximus),
    // medial lip from the pectineal line (pectineus) below the lesser trochanter; they run close
    // together in the middle third (adductor brevis, longus, magnus) and part again into the
    // supracondylar lines.
    ridge({{-0.0277, -0.0566, 0.047}, {-0.021, -0.080, 0.0435}, {-0.0156, -0.1016, 0.0419}, {-0.010, -0.122, 0.0415}, {-0.006, -0.1419, 0.0411},
           {0.002, -0.170, 0.0325}, {0.007, -0.200, 0.0255}, {0.0108, -0.240, 0.0185}, {0.0112, -0.265, 0.0205}, {0.008, -0.300, 0.022},
           {0.003, -0.330, 0.026}},
          {0.0055, 0.0050, 0.0045, 0.0042, 0.0040, 0.0035, 0.0033, 0.0032, 0.0032, 0.0030, 0.0025});
    ridge({{-0.0153, -0.0789, 0.032}, {-0.0122, -0.0822, 0.0253}, {-0.007, -0.100, 0.0250}, {-0.002, -0.118, 0.0249}, {0.0024, -0.1624, 0.0292},
           {0.007, -0.200, 0.0225}, {0.0113, -0.2394, 0.0158}, {0.0112, -0.2625, 0.0193}, {0.010, -0.300, 0.008}, {0.008, -0.340, -0.012}},
          {0.0040, 0.0040, 0.0038, 0.0036, 0.0035, 0.0033, 0.0032, 0.0032, 0.0030, 0.0025});

    // Distal femur. Condyles: medial larger and lower-reaching; lowest points 21 mm below the
    // tibia's origin.
    const Vec3 tibia = landmarks.tibiaOriginInFemur;
    const double bottom = tibia.y - 0.021;
    s.unite(ellipsoid({-0.011, bottom + 0.022, -0.0245}, axesXYZ(), {0.0305, 0.022, 0.0145}), 0.008);
    s.unite(ellipsoid({-0.010, bottom + 0.023, 0.0205}, axesXYZ(), {0.0295, 0.021, 0.0150}), 0.008);
    // the metaphysis flaring into them
    s.unite(ellipsoid({0.000, bottom + 0.045, -0.001}, axesXYZ(), {0.020, 0.030, 0.028}), 0.012);
    // patellar surface: two facets in front, the lateral one larger and more prominent, with the
    // trochlear groove between them
    s.unite(ellipsoid({0.010, bottom + 0.035, 0.014}, axesXYZ(), {0.020, 0.027, 0.017}), 0.003);
    s.unite(ellipsoid({0.007, bottom + 0.032, -0.016}, axesXYZ(), {0.018, 0.025, 0.015}), 0.003);
    // epicondyles and the adductor tubercle
    s.unite(ellipsoid({-0.010, bottom + 0.031, -0.036}, axesXYZ(), {0.011, 0.012, 0.0065}), 0.008);
    s.unite(ellipsoid({-0.006, bottom + 0.034, 0.032}, axesXYZ(), {0.011, 0.011, 0.006}), 0.008);
    s.unite(sphere({0.0015, bottom + 0.037, -0.0285}, 0.004), 0.005);
    // intercondylar fossa between the condyles, behind and below
    s.subtract(capsule({-0.045, bottom + 0.012, -0.002}, {-0.004, bottom + 0.006, -0.002}, 0.010), 0.004);

    // Fovea capitis: a shallow pit just behind and below the head's medial pole.
    const Vec3 pole = glm::normalize(-n - 0.25 * up - 0.25 * front);
    s.subtract(sphere((rHead + 0.0025) * pole, 0.0055), 0.002);

    shape.region = {{-0.060, bottom - 0.006, -0.050}, {0.050, 0.032, 0.070}};
    shape.cellSize = 0.0009;
    shape.maxTriangles = 16000;
    shape.maxError = 0.00015;
    return shape;
}

} // namespace hv::bonegen
