// The thorax (midline, both sides in one mesh): the thoracic spine T1-T12, the twelve pairs of
// ribs with their costal cartilages, and the sternum with the xiphoid, in the thorax body's frame
// (content/skeleton.toml: origin at the centre of the T12-L1 disc, Y along T12's vertebral body
// axis, X anterior, Z right; metres).
//
// Where the shape comes from:
//  - the column: vertebral body heights 17 mm (T1) to 24 mm (T12), endplate widths 28 to 45 mm
//    and depths 17 to 32 mm, within the ranges of Panjabi et al. 1991 (thoracic vertebrae);
//    discs 5 mm (half the lumbar chain's 10 mm at T12-L1, where the frame's origin lies);
//    a kyphosis of 30 deg from T12 to T1 spread evenly over the levels (the normal range of the
//    thoracic curve is about 20 to 50 deg), which with the lumbar chain's lordosis puts T1 about
//    40 mm in front of T12 in standing;
//  - the ribs: each rib's head on its own vertebra, its tubercle on that vertebra's transverse
//    process, then round the side and forward and down to its costochondral junction; ribs 1-7
//    reach the sternum through their cartilages, the cartilages of 8-10 join the one above and
//    make the costal margin, 11 and 12 end free. The widths and the drops are the team's
//    estimates of an adult male rib cage (widest, about 280 mm across the ribs, at the 8th and
//    9th ribs), placed so that the trunk muscles' landmarks of skeleton.toml lie on it: the
//    12th rib's lower border 50-65 mm to the side and 40-45 mm behind the disc centre, its tip
//    about 100 mm to the side; the 10th costal cartilage about 95 mm in front and 90 mm to the
//    side; the xiphoid about 150 mm in front and 100 mm above;
//  - the sternum: manubrium, body and xiphoid, tilted forward at the bottom, about 190 mm long.
#include "bonegen/bones.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace hv::bonegen {

namespace {

constexpr int kLevels = 12;            // T12 (index 0) ... T1 (index 11)
constexpr double kHalfDiscBelow = 0.005; // T12-L1: half of the lumbar chain's disc
constexpr double kDisc = 0.005;        // thoracic discs
constexpr double kKyphosis = 30.0 * 3.14159265358979323846 / 180.0; // T12 -> T1, rad

struct Vertebra {
    Vec3 centre;   // of the body
    Vec3 axis;     // up the body
    Vec3 forward;  // anterior, perpendicular to the axis, in the sagittal plane
    double height, width, depth;
};

// The column as a chain of bodies on an arc whose tangent turns forward by kKyphosis.
std::array<Vertebra, kLevels> column() {
    std::array<Vertebra, kLevels> v{};
    double s = kHalfDiscBelow; // arc length from the origin
    Vec3 p{0.0};
    double theta = 0.0;
    const double perLevel = kKyphosis / (kLevels - 1);
    for (int k = 0; k < kLevels; ++k) {
        const double f = static_cast<double>(k) / (kLevels - 1);
        Vertebra& V = v[static_cast<std::size_t>(k)];
        V.height = 0.024 - 0.007 * f;
        V.width = 0.045 - 0.017 * f;
        V.depth = 0.032 - 0.015 * f;
        const Vec3 t{std::sin(theta), std::cos(theta), 0.0};
        const Vec3 base = p + t * (k == 0 ? s : 0.0);
        V.centre = base + t * (0.5 * V.height);
        V.axis = t;
        V.forward = {std::cos(theta), -std::sin(theta), 0.0};
        p = base + t * (V.height + 0.5 * kDisc);
        theta += perLevel;
        const Vec3 t2{std::sin(theta), std::cos(theta), 0.0};
        p += t2 * (0.5 * kDisc);
    }
    return v;
}

struct Rib {
    double halfWidth;   // widest reach to the side of the rib's centre line, m
    double lateralX;    // x where it is widest
    double drop;        // how far the costochondral junction lies below the head, m
    Vec3 junction;      // costochondral junction (right side), thorax frame
};

// Ribs 1..12. The junctions of 1-7 lie beside the sternum's edge at their cartilage's start;
// 8-10 lower and further out along the costal margin; 11 and 12 are the free tips.
constexpr std::array<Rib, 12> kRibs{{
    {0.055, -0.005, 0.030, {0.092, 0.0, 0.042}},  // 1
    {0.078, -0.010, 0.050, {0.104, 0.0, 0.056}},  // 2
    {0.097, -0.012, 0.065, {0.114, 0.0, 0.066}},  // 3
    {0.112, -0.012, 0.078, {0.122, 0.0, 0.073}},  // 4
    {0.123, -0.010, 0.088, {0.128, 0.0, 0.080}},  // 5
    {0.131, -0.008, 0.097, {0.132, 0.0, 0.087}},  // 6
    {0.137, -0.005, 0.105, {0.133, 0.0, 0.095}},  // 7
    {0.140, -0.004, 0.110, {0.122, 0.0, 0.102}},  // 8
    {0.140, -0.006, 0.110, {0.106, 0.0, 0.110}},  // 9
    {0.136, -0.010, 0.100, {0.086, 0.0, 0.114}},  // 10
    {0.125, -0.022, 0.075, {0.028, 0.0, 0.118}},  // 11 (free tip)
    {0.112, -0.040, 0.070, {-0.020, 0.0, 0.105}}, // 12 (free tip)
}};

} // namespace

BoneShape thoraxShape(const SkeletonLandmarks& /*landmarks*/) {
    BoneShape shape;
    shape.body = "thorax";
    Sdf& s = shape.sdf;
    const auto col = column();

    // Vertebral bodies, pedicles-and-laminae arches, spinous and transverse processes.
    s.begin(Combine::Union, 0.004);
    for (const Vertebra& V : col) {
        const Mat3 frame = frameFromTwoAxes(V.forward, Vec3(0, 0, 1)); // columns: forward, lateral, axis
        s.add(ellipticCylinder(V.centre, Mat3{frame[0], frame[1], V.axis}, 0.5 * V.depth, 0.5 * V.width, 0.5 * V.height, 0.002));
    }
    s.begin(Combine::Union, 0.004);
    for (std::size_t k = 0; k < col.size(); ++k) {
        const Vertebra& V = col[k];
        const Vec3 back = V.centre - V.forward * (0.5 * V.depth);
        const Vec3 arch = back - V.forward * 0.016;                    // roof of the canal
        for (double side : {1.0, -1.0}) {
            const Vec3 lat{0.0, 0.0, side};
            s.add(roundCone(back + lat * 0.010 + V.axis * 0.003, arch + lat * 0.008 + V.axis * 0.002, 0.0045, 0.004)); // pedicle+lamina
            // transverse process: back and out, its tip under the rib's tubercle
            const double tipOut = 0.030 + 0.010 * (1.0 - std::abs(static_cast<double>(k) - 6.0) / 6.0);
            s.add(roundCone(arch + lat * 0.010 + V.axis * 0.004, arch + lat * tipOut - V.forward * 0.008 + V.axis * 0.004,
                            0.0045, 0.004));
        }
        // spinous process: long and sloping down in the middle of the column
        const double slope = k >= 3 && k <= 9 ? 0.75 : 0.4;
        const Vec3 root = arch - V.forward * 0.003;
        const Vec3 tip = root - V.forward * 0.030 - V.axis * (0.030 * slope);
        s.add(roundCone(root, tip, 0.0045, 0.003));
    }

    // The sternum: manubrium at the top, the body, the xiphoid pointing down and a little forward.
    const Vec3 jugular{0.118, 0.262, 0.0};
    const Vec3 angle{0.126, 0.214, 0.0};
    const Vec3 xiphisternal{0.145, 0.112, 0.0};
    const Vec3 xiphoidTip{0.154, 0.075, 0.0};
    s.begin(Combine::Union, 0.006);
    s.add(box(0.5 * (jugular + angle), frameFromTwoAxes(Vec3(0, 0, 1), angle - jugular), {0.026, 0.5 * glm::length(angle - jugular), 0.006},
              0.005));
    const Vec3 bodyAxis = glm::normalize(xiphisternal - angle);
    s.add(box(0.5 * (angle + xiphisternal), frameFromTwoAxes(Vec3(0, 0, 1), bodyAxis), {0.016, 0.5 * glm::length(xiphisternal - angle), 0.0055},
              0.005));
    s.add(roundCone(xiphisternal, xiphoidTip, 0.007, 0.004));

    // Where each true rib's cartilage meets the sternum's edge (ribs 1..7).
    const auto sternalEdge = [&](int rib) -> Vec3 {
        const double u = (rib - 1) / 6.0; // 1: the manubrium's side, 7: beside the xiphisternal joint
        const Vec3 c = rib == 1 ? jugular + (angle - jugular) * 0.35 : angle + (xiphisternal - angle) * ((rib - 2) / 5.0);
        return c + Vec3(0.0, 0.0, 0.024 - 0.010 * u);
    };

    std::array<std::array<Vec3, 2>, 12> junctionOf{};  // per rib: (junction, head) right side
    for (int n = 1; n <= 12; ++n) {
        const Rib& R = kRibs[static_cast<std::size_t>(n - 1)];
        const Vertebra& V = col[static_cast<std::size_t>(12 - n)];
        const Vec3 back = V.centre - V.forward * (0.5 * V.depth);
        const Vec3 head0 = back + V.forward * 0.006 + V.axis * (0.5 * V.height - 0.002) + Vec3(0, 0, 0.5 * V.width - 0.002);
        const double yHead = head0.y;
        // The floating ribs (11, 12) have no joint with a transverse process and slope down from
        // their heads at once; the others run out level to their angles first.
        const bool floating = n >= 11;
        const Vec3 tubercle0 = back - V.forward * 0.018 + V.axis * (0.5 * V.height) + Vec3(0, 0, 0.033) -
                               Vec3(0.0, floating ? 0.2 * R.drop : 0.0, 0.0);
        const double angleZ = std::min(0.070, 0.5 * R.halfWidth + 0.015);
        const Vec3 angle0{tubercle0.x - 0.012, yHead - (n == 12 ? 0.45 : (floating ? 0.3 : 0.12)) * R.drop, angleZ};
        const Vec3 lateral{R.lateralX, yHead - (n == 12 ? 0.65 : 0.45) * R.drop, R.halfWidth};
        const Vec3 junction{R.junction.x, yHead - R.drop, R.junction.z};
        // a point between the widest and the junction, on the round of the side
        const Vec3 front = 0.5 * (lateral + junction) + Vec3(0.0, 0.0, 0.22 * (R.halfWidth - junction.z));
        junctionOf[static_cast<std::size_t>(n - 1)] = {junction, head0};
        const double r = n <= 2 ? 0.0055 : (n >= 11 ? 0.0045 : 0.0050);
        for (double side : {1.0, -1.0}) {
            const auto m = [side](Vec3 p) { return Vec3(p.x, p.y, side * p.z); };
            s.begin(Combine::Union, 0.003);
            addSmoothChain(s, {m(head0), m(tubercle0), m(angle0), m(lateral), m(front), m(junction)},
                           {r * 0.9, r, r * 1.05, r * 1.1, r * 1.05, n >= 11 ? 0.003 : r}, 5);
        }
    }

    // Costal cartilages: 1-7 to the sternum, 8-10 up to the cartilage above (the costal margin).
    for (int n = 1; n <= 10; ++n) {
        const Vec3 junction = junctionOf[static_cast<std::size_t>(n - 1)][0];
        std::vector<Vec3> path;
        if (n <= 7) {
            const Vec3 edge = sternalEdge(n);
            // out of the junction forward and in, rising to the sternum for the lower ones
            const Vec3 mid = 0.5 * (junction + edge) + Vec3(0.012, n >= 5 ? -0.010 : 0.0, 0.004);
            path = {junction, mid, edge};
        } else {
            const Vec3 above = junctionOf[static_cast<std::size_t>(n - 2)][0];
            const Vec3 target = n == 8 ? 0.45 * above + 0.55 * sternalEdge(7) + Vec3(0.004, -0.022, 0.0)
                                       : above + Vec3(0.006, 0.012, -0.012);
            const Vec3 mid = 0.5 * (junction + target) + Vec3(0.010, -0.006, 0.0);
            path = {junction, mid, target};
        }
        for (double side : {1.0, -1.0}) {
            std::vector<Vec3> p;
            for (const Vec3& q : path) p.emplace_back(q.x, q.y, side * q.z);
            s.begin(Combine::Union, 0.004);
            addSmoothChain(s, p, {0.0048, 0.0046, 0.0042}, 4);
        }
    }

    shape.region = {{-0.115, -0.070, -0.165}, {0.180, 0.345, 0.165}};
    shape.cellSize = 0.0013;
    shape.maxTriangles = 18000;
    shape.maxError = 0.0002;
    return shape;
}

} // namespace hv::bonegen
