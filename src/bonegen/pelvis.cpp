// The pelvis body: both hip bones, the sacrum and the coccyx, in the pelvis frame (origin midway
// between the anterior superior iliac spines, X anterior, Y superior, Z right; metres).
//
// Where the shape comes from:
//  - acetabulum: a socket centred on the published hip joint centre (Rajagopal et al. 2016),
//    2 mm larger than the femoral head (the joint space of the cartilage), opening laterally,
//    downwards and forwards, with its lunate surface, deeper fossa and inferior notch;
//  - ilium: a curved plate whose outer (gluteal) surface carries the published origins of the
//    gluteus medius and minimus and whose inner surface carries iliacus; its crest runs from the
//    anterior superior iliac spine (at the frame's width, see the pelvis_width bone parameter)
//    over the tubercle (tensor fasciae latae on its outer lip) to the posterior superior iliac
//    spine (gluteus maximus); anterior inferior iliac spine under rectus femoris' origin;
//  - ischium: body, spine and tuberosity (hamstrings, adductor magnus, quadratus femoris,
//    gemelli) with the lesser sciatic notch between spine and tuberosity; the greater sciatic
//    notch above the spine, where piriformis leaves the pelvis;
//  - pubis: body with the symphyseal surface (adductor longus, brevis), superior ramus with the
//    pecten (pectineus), inferior ramus (gracilis, adductor magnus); the obturator foramen;
//  - sacrum: its first segment's upper endplate under the L5-S1 disc of skeleton.toml (centre
//    115 mm above the hip centres' midpoint, sloping 40 deg: Legaye et al. 1998), promontory,
//    alae, four pairs of foramina, median crest and canal, curved forwards below (piriformis
//    on its front); coccyx of four small segments.
// Sizes not fixed by these are the team's estimates of an adult male pelvis.
#include "bonegen/bones.hpp"

#include <array>
#include <cmath>

namespace hv::bonegen {

namespace {

// A plate: a grid of mid-surface points (rows bottom to top, columns front to back) with a half
// thickness at each, refined by smooth curves both ways and added as thick triangles.
void addPlate(Sdf& s, const std::vector<std::vector<Vec3>>& grid, const std::vector<std::vector<double>>& half, int perU, int perV) {
    // refine each row along u
    std::vector<std::vector<Vec3>> rows;
    std::vector<std::vector<double>> rowHalf;
    for (std::size_t r = 0; r < grid.size(); ++r) {
        rows.push_back(smoothCurve(grid[r], perU));
        std::vector<double> h;
        for (std::size_t i = 0; i + 1 < half[r].size(); ++i)
            for (int k = 0; k < perU; ++k) h.push_back(half[r][i] + (half[r][i + 1] - half[r][i]) * k / perU);
        h.push_back(half[r].back());
        rowHalf.push_back(h);
    }
    // then each column along v
    const std::size_t nu = rows.front().size();
    std::vector<std::vector<Vec3>> cols(nu);
    std::vector<std::vector<double>> colHalf(nu);
    for (std::size_t u = 0; u < nu; ++u) {
        std::vector<Vec3> c;
        for (const auto& row : rows) c.push_back(row[u]);
        cols[u] = smoothCurve(c, perV);
        for (std::size_t r = 0; r + 1 < rows.size(); ++r)
            for (int k = 0; k < perV; ++k) colHalf[u].push_back(rowHalf[r][u] + (rowHalf[r + 1][u] - rowHalf[r][u]) * k / perV);
        colHalf[u].push_back(rowHalf.back()[u]);
    }
    const std::size_t nv = cols.front().size();
    for (std::size_t u = 0; u + 1 < nu; ++u)
        for (std::size_t v = 0; v + 1 < nv; ++v) {
            const Vec3 &a = cols[u][v], &b = cols[u + 1][v], &c = cols[u + 1][v + 1], &d = cols[u][v + 1];
            const double ha = colHalf[u][v], hb = colHalf[u + 1][v], hc = colHalf[u + 1][v + 1], hd = colHalf[u][v + 1];
            s.add(thickTriangle(a, b, c, ha, hb, hc));
            s.add(thickTriangle(a, c, d, ha, hc, hd));
        }
}

struct Side {
    double z; // +1 right, -1 left
    Vec3 operator()(double x, double y, double zz) const { return {x, y, z * zz}; }
    Vec3 operator()(const Vec3& p) const { return {p.x, p.y, z * p.z}; }
};

void addHipBone(Sdf& s, const Side& P, const Vec3& hipRight, double asisZ) {
    const Vec3 H = P(hipRight);
    const double rSocket = femurAxes().headRadius + 0.002;
    // acetabular axis: 45 deg below horizontal in the frontal plane, 18 deg forwards
    const double incl = 45.0 * kPi / 180.0, antev = 18.0 * kPi / 180.0;
    const Vec3 opening = P(std::sin(antev), -std::cos(antev) * std::cos(incl), std::cos(antev) * std::sin(incl));
    const Mat3 I{1.0};

    // --- Ilium: the wing as a plate (rows: above the acetabulum, middle, under the crest;
    // columns from the anterior border to the posterior one). Its outer surface passes through
    // the gluteal origins (minimus low in front, medius higher, maximus behind), its inner
    // surface through iliacus' origin in the iliac fossa.
    const double A = asisZ; // the spines' distance from the midline
    std::vector<std::vector<Vec3>> wing{
        {P(-0.029, -0.036, 0.090), P(-0.040, -0.024, 0.098), P(-0.056, -0.020, 0.0915), P(-0.073, -0.020, 0.077),
         P(-0.090, -0.018, 0.064), P(-0.105, -0.012, 0.0535), P(-0.118, -0.008, 0.0470), P(-0.127, -0.002, 0.0440)},
        {P(-0.0175, -0.015, A - 0.0155), P(-0.031, 0.010, 0.114), P(-0.0445, 0.0235, 0.1135), P(-0.0625, 0.031, 0.0865),
         P(-0.0845, 0.0325, 0.0645), P(-0.104, 0.030, 0.057), P(-0.119, 0.025, 0.0505), P(-0.129, 0.010, 0.0445)},
        {P(-0.002, 0.002, A - 0.002), P(-0.027, 0.029, 0.1225), P(-0.050, 0.049, 0.126), P(-0.073, 0.064, 0.114),
         P(-0.095, 0.070, 0.094), P(-0.112, 0.063, 0.073), P(-0.122, 0.047, 0.0575), P(-0.130, 0.026, 0.0455)},
    };
    std::vector<std::vector<double>> wingHalf{
        {0.0060, 0.0065, 0.0065, 0.0060, 0.0058, 0.0055, 0.0050, 0.0050},
        {0.0030, 0.0028, 0.0024, 0.0024, 0.0026, 0.0032, 0.0040, 0.0048},
        {0.0040, 0.0042, 0.0042, 0.0042, 0.0042, 0.0042, 0.0045, 0.0048},
    };
    s.begin(Combine::Union, 0.006);
    addPlate(s, wing, wingHalf, 3, 4);
    // iliac crest: a rim with outer and inner lips, the tubercle its widest point; the spines
    s.begin(Combine::Union, 0.006);
    addSmoothChain(s, wing.back(), {0.0045, 0.0050, 0.0070, 0.0060, 0.0055, 0.0050, 0.0045, 0.0045}, 4);
    s.unite(ellipsoid(P(-0.001, 0.000, A - 0.001), I, {0.008, 0.0065, 0.0055}), 0.005);     // ASIS
    s.unite(ellipsoid(P(-0.133, 0.021, 0.0435), I, {0.006, 0.008, 0.0055}), 0.005);       // PSIS
    s.unite(ellipsoid(P(-0.047, 0.047, 0.128), I, {0.010, 0.008, 0.0055}), 0.006);        // tubercle
    // anterior border: from the ASIS back and down into the notch (sartorius) and out again to
    // the AIIS (rectus femoris' straight head on its front)
    s.begin(Combine::Union, 0.005);
    addSmoothChain(s, {P(0.000, -0.002, A - 0.003), P(-0.010, -0.010, A - 0.009), P(-0.0175, -0.0155, A - 0.0155), P(-0.022, -0.027, 0.0975),
                       P(-0.027, -0.037, 0.0915)},
                   {0.0045, 0.0035, 0.0025, 0.0035, 0.0045}, 4);
    s.unite(ellipsoid(P(-0.0295, -0.0405, 0.0905), I, {0.0055, 0.0065, 0.005}), 0.005); // AIIS
    // posterior border: PSIS down to the posterior inferior iliac spine (gluteus maximus)
    s.begin(Combine::Union, 0.005);
    addSmoothChain(s, {P(-0.1300, 0.024, 0.0440), P(-0.1245, 0.008, 0.0440), P(-0.119, -0.008, 0.046)}, {0.0050, 0.0048, 0.0050}, 4);
    // iliac tuberosity and auricular region, medial and behind, where the sacrum joins
    s.unite(ellipsoid(P(-0.117, 0.012, 0.047), I, {0.014, 0.020, 0.006}), 0.008);
    // arcuate line (pelvic brim) on the inner surface, on to the pecten of the pubis
    s.begin(Combine::Union, 0.006);
    addSmoothChain(s, {P(-0.104, -0.006, 0.048), P(-0.090, -0.030, 0.053), P(-0.071, -0.050, 0.059), P(-0.050, -0.066, 0.063),
                       P(-0.033, -0.078, 0.058)},
                   {0.0045, 0.005, 0.0055, 0.006, 0.006}, 3);

    // --- Body around the acetabulum (ilium, ischium and pubis meet here).
    // a shell around the socket; its floor (the quadrilateral surface inside the pelvis) is thin,
    // so the socket does not bulge into the pelvic cavity below the arcuate line
    s.unite(ellipsoid(H - 0.004 * opening + P(0.0, 0.003, 0.0), frameFromAxis(opening, Vec3(0, 1, 0)),
                      {rSocket + 0.0085, rSocket + 0.0085, rSocket + 0.0040}),
            0.012);
    s.unite(ellipsoid(P(-0.060, -0.040, 0.072), I, {0.020, 0.026, 0.010}), 0.010); // ilium body above

    // --- Ischium: greater sciatic notch along the back border down to the spine; the body
    // behind the obturator foramen down to the tuberosity; the lesser sciatic notch between spine
    // and tuberosity (gemelli).
    s.begin(Combine::Union, 0.007);
    addSmoothChain(s, {P(-0.121, -0.010, 0.046), P(-0.110, -0.026, 0.050), P(-0.099, -0.046, 0.055), P(-0.093, -0.066, 0.058),
                       P(-0.095, -0.080, 0.056)},
                   {0.0048, 0.0045, 0.005, 0.006, 0.0065}, 3);
    s.begin(Combine::Union, 0.006);
    s.add(thickTriangle(P(-0.108, -0.012, 0.048), P(-0.096, -0.050, 0.056), P(-0.075, -0.040, 0.066), 0.0045, 0.006, 0.008));
    s.add(thickTriangle(P(-0.096, -0.050, 0.057), P(-0.089, -0.080, 0.060), P(-0.075, -0.040, 0.066), 0.006, 0.007, 0.008));
    s.unite(roundCone(P(-0.092, -0.083, 0.056), P(-0.104, -0.088, 0.043), 0.0055, 0.0028), 0.004); // ischial spine
    s.begin(Combine::Union, 0.010);
    addSmoothChain(s, {P(-0.074, -0.093, 0.066), P(-0.083, -0.104, 0.061), P(-0.089, -0.113, 0.055)}, {0.0095, 0.0090, 0.0090}, 3);
    // the posterior column: the body of the ischium behind and below the socket, as thick as the
    // acetabulum's posterior wall all the way down to the tuberosity (no waist above it)
    s.begin(Combine::Union, 0.008);
    addSmoothChain(s, {P(-0.080, -0.074, 0.066), P(-0.086, -0.094, 0.061), P(-0.090, -0.110, 0.056)}, {0.0105, 0.0105, 0.0100}, 3);
    // the outer surface at the lesser sciatic notch's margin (gemelli)
    s.unite(ellipsoid(P(-0.093, -0.097, 0.058), I, {0.006, 0.008, 0.0045}), 0.005);
    // tuberosity: hamstrings behind, adductor magnus and quadratus femoris below
    s.unite(ellipsoid(P(-0.0925, -0.118, 0.0515), I, {0.012, 0.0135, 0.0125}), 0.006);

    // --- Ischiopubic ramus: a flat bar under the obturator foramen, from the tuberosity forwards
    // and medially to the pubic body; its outer face, near its lower border, carries gracilis and
    // adductor magnus.
    {
        const Vec3 out = glm::normalize(P(0.45, -0.55, 0.70));
        const double h = 0.0040;
        // along the lower border, tuberosity to pubis (adductor magnus' middle part lies on the face above)
        const std::vector<Vec3> lower{P(-0.0875, -0.1285, 0.0425), P(-0.074, -0.1262, 0.0392), P(-0.0474, -0.1275, 0.0243), P(-0.031, -0.1065, 0.0135)};
        std::vector<Vec3> lo, hi;
        for (const Vec3& p : lower) {
            lo.push_back(p - (h + 0.0006) * out);
            hi.push_back(p - (h + 0.0040) * out + P(0.005, 0.015, 0.007));
        }
        s.begin(Combine::Union, 0.006);
        addPlate(s, {lo, hi}, {{0.0052, 0.0048, 0.0046, 0.0048}, {0.0048, 0.0043, 0.0040, 0.0046}}, 3, 1);
    }

    // --- Pubis: body with the symphyseal surface (a plate facing forwards and downwards:
    // adductor longus and brevis on its front), the pubic tubercle and crest, the superior ramus
    // to the acetabulum with the pecten (pectineus) on its upper surface.
    {
        const Vec3 out = glm::normalize(P(0.707, -0.707, 0.0));
        const double half = 0.0065;
        const auto mid = [&](double x, double y, double z) { return P(x, y, z) - (half + 0.0015) * out; };
        const std::vector<std::vector<Vec3>> body{
            {mid(-0.029, -0.109, 0.0035), mid(-0.033, -0.111, 0.014), mid(-0.038, -0.116, 0.024)},
            {mid(-0.017, -0.094, 0.0035), mid(-0.019, -0.096, 0.016), mid(-0.023, -0.099, 0.028)},
            {mid(-0.004, -0.078, 0.0035), mid(-0.006, -0.080, 0.016), mid(-0.008, -0.082, 0.028)},
        };
        s.begin(Combine::Union, 0.006);
        addPlate(s, body, {{0.0055, 0.0055, 0.005}, {0.007, 0.007, 0.006}, {0.0065, 0.0065, 0.006}}, 2, 2);
    }
    s.unite(sphere(P(-0.006, -0.082, 0.026), 0.004), 0.005); // pubic tubercle
    s.begin(Combine::Union, 0.008);
    // (thick as a finger: its upper border, the pecten, stays where pectineus arises)
    addSmoothChain(s, {P(-0.011, -0.0885, 0.026), P(-0.020, -0.0905, 0.040), P(-0.030, -0.0885, 0.054), P(-0.040, -0.082, 0.065)},
                   {0.0077, 0.0077, 0.0083, 0.0095}, 3);

    // --- Carve the socket: trim the bone beyond the rim plane near the hip centre, hollow the
    // sphere of the joint, open the notch below, deepen the fossa.
    s.subtract(sphereCap(H, rSocket + 0.020, opening, 0.003), 0.004);
    s.subtract(sphere(H, rSocket), 0.0015);
    // the notch: at the lowest part of the rim, turned a little forwards (towards the foramen)
    const Vec3 rimDown = glm::normalize(Vec3(0, -1, 0) - glm::dot(Vec3(0, -1, 0), opening) * opening);
    const Vec3 rimFront = glm::normalize(Vec3(1, 0, 0) - glm::dot(Vec3(1, 0, 0), opening) * opening);
    const Vec3 notchDir = glm::normalize(rimDown + 0.5 * rimFront);
    s.subtract(capsule(H + 0.016 * notchDir, H + 0.036 * notchDir, 0.0075), 0.003);
    // the fossa: the non-articular floor, deeper, from the centre towards the notch; what is
    // left of the socket's sphere around it is the horseshoe-shaped lunate surface
    const Vec3 fossaDir = glm::normalize(-opening + 0.9 * notchDir);
    s.subtract(sphere(H + (rSocket - 0.015 + 0.004) * fossaDir, 0.015), 0.002);

    // --- Obturator foramen: the opening between the rami, the pubic body and the ischium.
    const Vec3 nF = glm::normalize(P(0.39, -0.65, 0.62));
    const Vec3 e1 = glm::normalize(P(0.62, 0.55, -0.18) - glm::dot(P(0.62, 0.55, -0.18), nF) * nF);
    s.subtract(ellipsoid(P(-0.046, -0.104, 0.046), Mat3{e1, glm::cross(nF, e1), nF}, {0.0205, 0.0125, 0.030}), 0.003);
}

void addSacrumAndCoccyx(Sdf& s, const Transform& lumbosacral) {
    // S1's upper endplate: half a disc (5.5 mm) below the L5-S1 joint, along the joint's Y axis
    // turned back by the 20 deg of L5-S1 lordosis, i.e. the endplate's normal.
    const Vec3 jointY = lumbosacral.rotation * Vec3(0, 1, 0);
    const Vec3 normal = glm::normalize(rotationAboutAxis({0, 0, 1}, toRadians(20.0)) * jointY); // S1 endplate normal
    const Vec3 c1 = lumbosacral.translation - 0.0055 * normal;
    Vec3 fwd = glm::normalize(glm::cross(normal, Vec3(0, 0, 1))); // in the endplate, towards the front
    if (fwd.x < 0) fwd = -fwd;
    const Mat3 I{1.0};

    // The midline of the sacrum from S1's endplate to its apex: front (pelvic) surface and back
    // (median crest) in the sagittal plane, concave forwards; piriformis on the front of S2-S4.
    const std::vector<Vec3> front{c1 + 0.017 * fwd, {-0.0865, 0.0095, 0.0}, {-0.1015, -0.0085, 0.0}, {-0.1115, -0.027, 0.0},
                                  {-0.1165, -0.046, 0.0},  {-0.1175, -0.063, 0.0}};
    const std::vector<Vec3> back{c1 - 0.031 * fwd, {-0.1195, 0.0345, 0.0}, {-0.1285, 0.0115, 0.0}, {-0.1325, -0.0115, 0.0},
                                 {-0.1335, -0.0355, 0.0}, {-0.1300, -0.0600, 0.0}};
    // half widths: alae at S1, then the lateral parts narrowing to the apex
    const std::array<double, 6> halfWidth{0.054, 0.050, 0.042, 0.031, 0.021, 0.012};
    // half thicknesses of the lateral parts (the midline is as thick as front-to-back)
    const std::array<double, 6> lateralHalf{0.0095, 0.012, 0.010, 0.0075, 0.0055, 0.0045};
    const std::array<double, 7> across{-1.0, -0.5, -0.22, 0.0, 0.22, 0.5, 1.0};
    std::vector<std::vector<Vec3>> grid;
    std::vector<std::vector<double>> half;
    for (std::size_t i = 0; i < front.size(); ++i) {
        std::vector<Vec3> row;
        std::vector<double> h;
        const Vec3 ap = glm::normalize(front[i] - back[i]);
        for (double c : across) {
            const double a = std::abs(c);
            // the midline is full depth; the lateral parts hug the front surface (the back is
            // lower beside the crest), a little forwards at the sides (the front is concave)
            const double full = 0.5 * glm::length(front[i] - back[i]);
            const double t = a < 0.01 ? full : a < 0.3 ? 0.5 * (full + lateralHalf[i]) : lateralHalf[i];
            Vec3 p = front[i] - t * ap + 0.003 * a * ap;
            // alae slope down from the endplate and back from the promontory towards the
            // sacroiliac joints (the promontory is the most forward point of the sacral base)
            if (i == 0) p += (0.004 * a + 0.006 * a * a) * (-normal) - (0.009 * a + 0.010 * a * a) * ap + a * a * Vec3(-0.004, -0.011, 0.0);
            p.z = c * halfWidth[i];
            row.push_back(p);
            // (the alae thin out towards the sacroiliac joints: a wing, not a bar)
            const double tip = i == 0 ? 0.6 : 0.8;
            h.push_back(a < 0.01 ? full : a < 0.3 ? 0.5 * (full + lateralHalf[i]) : 0.5 * (lateralHalf[i] + (a > 0.9 ? tip * lateralHalf[i] : lateralHalf[i])));
        }
        grid.push_back(row);
        half.push_back(h);
    }
    s.begin(Combine::Union, 0.006);
    addPlate(s, grid, half, 3, 3);
    // flat top: S1's endplate and the alae below it
    s.subtract(sphereCap(c1, 0.030, normal, 0.0), 0.002);
    // the alae's upper surfaces: flat, facing up and forwards, sloping down from the endplate's
    // sides towards the sacroiliac joints, with the pelvic brim as their front edge
    for (double side : {1.0, -1.0}) {
        const Vec3 up = glm::normalize(normal + side * 0.25 * Vec3(0, 0, 1));
        const Vec3 edge = c1 + side * 0.014 * Vec3(0, 0, 1) - 0.001 * normal; // the endplate's side
        const Vec3 centre = edge + side * 0.026 * Vec3(0, 0, 1);                 // over the ala
        s.subtract(sphereCap(centre, 0.034, up, glm::dot(edge - centre, up)), 0.002);
    }
    // promontory: the front lip of S1's endplate
    s.unite(capsule(c1 + 0.016 * fwd - 0.002 * normal + Vec3(0, 0, 0.012), c1 + 0.016 * fwd - 0.002 * normal - Vec3(0, 0, 0.012), 0.0028), 0.004);
    for (double side : {1.0, -1.0}) {
        // superior articular process of S1, behind the body, lateral to L5's inferior processes
        const Vec3 base = c1 - 0.027 * fwd + Vec3(0, 0, side * 0.020);
        s.unite(ellipticCylinder(base + 0.005 * normal, Mat3{fwd, Vec3(0, 0, 1), normal}, 0.005, 0.006, 0.008, 0.0025), 0.004);
        // foramina: four pairs between the segments, through the lateral parts
        for (std::size_t i = 1; i < 5; ++i) {
            const Vec3 mid = 0.5 * (front[i - 1] + front[i]) * 0.5 + 0.5 * (back[i - 1] + back[i]) * 0.5;
            const Vec3 ap = glm::normalize(0.5 * (front[i - 1] + front[i]) - 0.5 * (back[i - 1] + back[i]));
            const Vec3 c = mid + Vec3(0, 0, side * (0.0155 + 0.001 * static_cast<double>(i)));
            const double r = 0.0048 - 0.0006 * static_cast<double>(i);
            s.subtract(cylinder(c + 0.03 * ap, c - 0.03 * ap, r), 0.0015);
        }
    }
    // median sacral crest: low tubercles down the back of S1-S4
    s.begin(Combine::Union, 0.005);
    addSmoothChain(s, {back[0] + 0.004 * fwd - 0.006 * normal, back[1], back[2], back[3]}, {0.0035, 0.0035, 0.0032, 0.0028}, 3);
    // sacral canal, from behind S1's body down to the hiatus at the back of S4-S5
    s.begin(Combine::Subtract, 0.002);
    addSmoothChain(s, {c1 - 0.021 * fwd + 0.02 * normal, c1 - 0.021 * fwd - 0.006 * normal, 0.5 * (front[1] + back[1]) - 0.004 * fwd,
                       0.5 * (front[2] + back[2]) - Vec3(0.003, 0, 0), 0.5 * (front[3] + back[3]) - Vec3(0.002, 0, 0),
                       0.5 * (front[4] + back[4]) - Vec3(0.008, 0.0, 0.0)},
                   {0.0075, 0.0070, 0.0055, 0.0045, 0.0035, 0.0035}, 3);
    // Coccyx: four small segments curving forwards under the sacrum's apex, touching.
    const std::array<Vec3, 4> co{Vec3{-0.1215, -0.0715, 0.0}, {-0.1180, -0.0810, 0.0}, {-0.1125, -0.0890, 0.0}, {-0.1060, -0.0950, 0.0}};
    const std::array<Vec3, 4> coR{Vec3{0.0050, 0.0052, 0.0120}, {0.0045, 0.0046, 0.0078}, {0.0040, 0.0040, 0.0058}, {0.0034, 0.0034, 0.0042}};
    // Fused in a row, flatter front to back than wide, with shallow waists between segments
    // rather than beads; the first with its wider base (transverse processes) under the apex.
    s.begin(Combine::Union, 0.0055);
    for (std::size_t i = 0; i < co.size(); ++i) s.add(ellipsoid(co[i], I, {0.85 * coR[i].x, 1.4 * coR[i].y, coR[i].z}));
    for (std::size_t i = 0; i + 1 < co.size(); ++i) s.add(capsule(co[i], co[i + 1], 0.62 * coR[i + 1].x));
    s.unite(capsule(Vec3{-0.1260, -0.0680, 0.0}, co[0], 0.0035), 0.004); // joined to the sacrum's apex
}

} // namespace

BoneShape pelvisShape(const BoneParameters& defaults, const SkeletonLandmarks& landmarks) {
    BoneShape shape;
    shape.body = "pelvis";
    Sdf& s = shape.sdf;
    const double asisZ = 0.5 * defaults.pelvisWidth;
    // The sacrum first: its own cuts (flat endplate, canal, foramina) then cannot reach the hip
    // bones; theirs (sockets, obturator foramina) lie far from it and from each other.
    addSacrumAndCoccyx(s, landmarks.lumbosacral);
    for (double side : {1.0, -1.0}) addHipBone(s, Side{side}, landmarks.hipCentre, asisZ);
    shape.region = {{-0.160, -0.150, -asisZ - 0.030}, {0.020, 0.095, asisZ + 0.030}};
    shape.cellSize = 0.0011;
    shape.maxTriangles = 40000;
    shape.maxError = 0.00018;
    return shape;
}

} // namespace hv::bonegen
