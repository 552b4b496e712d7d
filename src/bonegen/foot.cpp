// The foot (right): talus, calcaneus with the other tarsals and the five metatarsals, and the
// toes, each in its own body frame (OpenSim: X anterior, Y superior, Z lateral for the right
// side; metres). The frames are gait2392's (Delp et al. 1990): the talus' origin at the ankle
// joint centre, the calcaneus' at the subtalar joint near the back of the heel, the toes' on the
// metatarsophalangeal axis; at the default pose all three are parallel to the ground and the
// calcaneus' origin is 15 mm above the floor.
//
// Where the shape comes from: the talar dome sits under the tibia's articular surface with a
// 2 mm joint space; the talus' underside rests on the calcaneus' posterior facet (the subtalar
// joint's offset fixes where); the metatarsal heads lie on the published oblique
// metatarsophalangeal axis (the first 36 mm further forward than the fifth), so the toes turn
// about their own joints. Sizes not fixed by these are the team's estimates of an adult male
// foot: about 265 mm from the back of the heel to the tip of the great toe with the skin, the
// heel pad about 11 mm and the pad under the metatarsal heads about 4 mm thick (the sole points
// in movement/contact_points.hpp lie on that skin), the medial longitudinal arch about 25 mm
// high at the navicular's underside.
#include "bonegen/bones.hpp"

#include <array>

namespace hv::bonegen {

namespace {
// The metatarsophalangeal axis in the calcaneus frame (gait2392's mtp_r joint): a point and
// its unit direction.
constexpr Vec3 kMtpOrigin{0.1788, -0.002, 0.00108};
const Vec3 kMtpAxis{-0.5809544, 0.0, 0.81393611};

// Lateral position (Z, calcaneus frame) of each metatarsal head, first to fifth (team's
// estimate: about 50 mm across the heads).
constexpr std::array<double, 5> kHeadZ{-0.026, -0.010, 0.002, 0.013, 0.024};

// The centre of metatarsal head `ray` (0: first ... 4: fifth), on the axis, calcaneus frame.
Vec3 headCentre(int ray) {
    const double t = (kHeadZ[static_cast<std::size_t>(ray)] - kMtpOrigin.z) / kMtpAxis.z;
    return kMtpOrigin + t * kMtpAxis;
}
} // namespace

BoneShape talusShape(const SkeletonLandmarks& /*landmarks*/) {
    BoneShape shape;
    shape.body = "talus_r";
    Sdf& s = shape.sdf;
    const Mat3 I{1.0};
    // Trochlea (the dome the tibia sits on), wider in front, with the body under it.
    s.unite(ellipsoid({0.000, -0.011, 0.000}, I, {0.017, 0.013, 0.0135}), 0.0);
    s.unite(ellipsoid({-0.004, -0.021, 0.002}, I, {0.021, 0.011, 0.016}), 0.006);
    // Neck and head, pointing forward and medially to the navicular.
    s.unite(roundCone({0.008, -0.018, -0.002}, {0.031, -0.024, -0.012}, 0.010, 0.011), 0.005);
    s.unite(ellipsoid({0.035, -0.024, -0.013}, I, {0.010, 0.011, 0.012}), 0.004);
    // Posterior process behind the body (flexor hallucis longus groove beside it).
    s.unite(roundCone({-0.016, -0.024, 0.004}, {-0.025, -0.027, 0.004}, 0.007, 0.004), 0.004);
    // The trochlea's groove from front to back, shallow.
    s.subtract(capsule({-0.020, 0.004, -0.001}, {0.020, 0.004, -0.001}, 0.0035), 0.003);

    shape.region = {{-0.036, -0.040, -0.030}, {0.050, 0.006, 0.022}};
    shape.cellSize = 0.0008;
    shape.maxTriangles = 1200;
    shape.maxError = 0.0001;
    return shape;
}

BoneShape calcaneusShape(const SkeletonLandmarks& /*landmarks*/) {
    BoneShape shape;
    shape.body = "calcn_r";
    Sdf& s = shape.sdf;
    const Mat3 I{1.0};
    // Calcaneus: the tuberosity (the heel, the Achilles tendon at its back) and the body running
    // forward, its underside rising toward the cuboid; the sustentaculum tali as a medial shelf.
    s.unite(ellipsoid({0.010, 0.019, 0.002}, I, {0.016, 0.021, 0.0145}), 0.0);
    s.unite(roundCone({0.018, 0.014, 0.003}, {0.066, 0.018, 0.011}, 0.017, 0.012), 0.010);
    s.unite(ellipsoid({0.045, 0.022, -0.013}, I, {0.012, 0.005, 0.008}), 0.005);
    // Midfoot: navicular (medial, high: the top of the arch), cuboid (lateral, low), the three
    // cuneiforms in front of the navicular.
    s.unite(ellipsoid({0.090, 0.014, 0.017}, I, {0.014, 0.011, 0.012}), 0.006);
    s.unite(ellipsoid({0.093, 0.027, -0.014}, I, {0.008, 0.012, 0.015}), 0.005);
    for (const double z : {-0.021, -0.007, 0.005})
        s.unite(ellipsoid({0.112, 0.027 - 0.004 * (z + 0.021) / 0.026, z}, I, {0.011, 0.011, 0.0065}), 0.004);
    // The five metatarsals: base, shaft and head, the first thickest; the fifth's tuberosity
    // sticks out laterally at its base. Bases stand high (the transverse arch), heads low.
    const std::array<Vec3, 5> bases{Vec3{0.125, 0.024, -0.021}, Vec3{0.128, 0.026, -0.008}, Vec3{0.126, 0.024, 0.004},
                                    Vec3{0.112, 0.019, 0.015}, Vec3{0.103, 0.012, 0.026}};
    const std::array<double, 5> baseR{0.0100, 0.0070, 0.0065, 0.0065, 0.0075};
    const std::array<double, 5> shaftR{0.0062, 0.0042, 0.0040, 0.0040, 0.0042};
    const std::array<double, 5> headR{0.0095, 0.0068, 0.0064, 0.0062, 0.0060};
    for (int ray = 0; ray < 5; ++ray) {
        const auto i = static_cast<std::size_t>(ray);
        const Vec3 head = headCentre(ray);
        const Vec3 mid = 0.5 * (bases[i] + head) + Vec3{0.0, 0.002, 0.0};
        s.begin(Combine::Union, 0.005);
        addChain(s, {bases[i], mid, head}, {baseR[i], shaftR[i], headR[i]});
    }
    s.unite(ellipsoid({0.100, 0.008, 0.033}, I, {0.008, 0.006, 0.006}), 0.004);

    shape.region = {{-0.012, -0.015, -0.040}, {0.215, 0.048, 0.046}};
    shape.cellSize = 0.0009;
    shape.maxTriangles = 3500;
    shape.maxError = 0.00012;
    return shape;
}

BoneShape toesShape(const SkeletonLandmarks& /*landmarks*/) {
    BoneShape shape;
    shape.body = "toes_r";
    Sdf& s = shape.sdf;
    // The phalanges of each toe as a short chain from just in front of its metatarsal head,
    // sloping down to the tip: the great toe two thick phalanges (50 mm from the head's centre
    // to the tip), the others three slender ones (48 to 33 mm).
    const std::array<double, 5> length{0.050, 0.046, 0.042, 0.037, 0.032};
    const std::array<double, 5> radius{0.0085, 0.0052, 0.0050, 0.0047, 0.0045};
    for (int ray = 0; ray < 5; ++ray) {
        const auto i = static_cast<std::size_t>(ray);
        const Vec3 head = headCentre(ray) - kMtpOrigin; // toes frame (same axes, origin on the axis)
        const double L = length[i], r = radius[i];
        s.begin(Combine::Union, 0.003);
        if (ray == 0)
            addChain(s, {head + Vec3{0.012, -0.001, 0.0}, head + Vec3{0.031, -0.003, 0.0}, head + Vec3{L - r, -0.005, 0.0}},
                     {r, 0.0068, 0.0062});
        else
            addChain(s,
                     {head + Vec3{0.009, 0.0, 0.0}, head + Vec3{0.5 * L, 0.0, 0.0}, head + Vec3{0.78 * L, -0.002, 0.0},
                      head + Vec3{L - 0.7 * r, -0.004, 0.0}},
                     {r, 0.78 * r, 0.80 * r, 0.75 * r});
    }
    shape.region = {{-0.012, -0.016, -0.040}, {0.075, 0.014, 0.034}};
    shape.cellSize = 0.0007;
    shape.maxTriangles = 1500;
    shape.maxError = 0.0001;
    return shape;
}

} // namespace hv::bonegen
