// The body outline's shapes. Proportions (fractions of stature H, Winter 2009 after Drillis and
// Contini 1966): shoulder height 0.818 H, chin 0.870 H, top of the head 1.0 H, biacromial
// breadth 0.259 H, hip breadth 0.191 H, upper arm 0.186 H, forearm 0.146 H, hand 0.108 H. The
// model's joints fix the limb lengths (the published shoulder, elbow, wrist, knee and ankle
// places); the stature follows from its shoulder height (about 1.39 m, so H is about 1.70 m).
// Girths and depths are the team's estimates of an adult male: thigh 0.085 m in radius at the
// top, knee 0.05, calf 0.05, ankle 0.03, upper arm 0.045, forearm 0.04, wrist 0.027; waist
// 0.28 m wide and 0.20 deep, chest 0.30 wide and 0.24 deep.
#include "bonegen/outline.hpp"

#include "core/body_points.hpp"
#include "core/kinematics.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace hv::bonegen {

namespace {

constexpr double kStature = 1.70;        // m, see above
constexpr double kBlendHalfWidth = 0.02; // m: the trunk's weights change over +-2 cm about each spine joint

struct Piece {
    std::string body;
    Sdf sdf;
    Aabb region;
    double cell = 0.006;
    std::size_t maxTriangles = 1000;
};

const Joint* jointNamed(const Model& model, const char* name) {
    for (const Joint& j : model.joints)
        if (j.name == name) return &j;
    return nullptr;
}

// The trunk from the buttocks to the top of the head, in the pelvis frame at the default pose.
// `shoulder`: the right shoulder centre in the pelvis frame (the left is its mirror image).
Piece trunk(const Vec3& shoulder) {
    Piece p;
    p.body = "pelvis";
    Sdf& s = p.sdf;
    const Mat3 I{1.0};
    const double top = shoulder.y + (1.0 - 0.818) * kStature; // top of the head
    const double chin = shoulder.y + (0.870 - 0.818) * kStature;
    const double half = 0.5 * 0.259 * kStature; // half the biacromial breadth
    // hips and buttocks (the hip breadth at the greater trochanters), the gluteal masses behind
    s.unite(ellipsoid({-0.050, -0.060, 0.0}, I, {0.115, 0.120, 0.5 * 0.191 * kStature}), 0.0);
    s.begin(Combine::Union, 0.05);
    s.add(ellipsoid({-0.105, -0.095, 0.070}, I, {0.075, 0.085, 0.080}));
    s.add(ellipsoid({-0.105, -0.095, -0.070}, I, {0.075, 0.085, 0.080}));
    // abdomen and waist, lower chest, upper chest out to the shoulders
    s.unite(ellipsoid({-0.050, 0.120, 0.0}, I, {0.100, 0.140, 0.140}), 0.08);
    s.unite(ellipsoid({-0.065, 0.280, 0.0}, I, {0.118, 0.130, 0.150}), 0.08);
    s.unite(ellipsoid({-0.075, shoulder.y - 0.050, 0.0}, I, {0.105, 0.085, half - 0.030}), 0.06);
    // the shoulders' caps over the humeral heads, joined by the trapezius' slope to the neck
    s.begin(Combine::Union, 0.06);
    s.add(sphere(shoulder + Vec3(0.0, 0.005, 0.0), 0.052));
    s.add(sphere({shoulder.x, shoulder.y + 0.005, -shoulder.z}, 0.052));
    s.begin(Combine::Union, 0.05);
    s.add(roundCone(shoulder + Vec3(-0.010, 0.015, -0.010), {shoulder.x - 0.005, shoulder.y + 0.060, 0.035}, 0.040, 0.040));
    s.add(roundCone({shoulder.x - 0.010, shoulder.y + 0.015, -shoulder.z + 0.010}, {shoulder.x - 0.005, shoulder.y + 0.060, -0.035}, 0.040, 0.040));
    // neck, jaw and head
    const double headHalfHeight = 0.5 * (top - chin) + 0.010;
    const Vec3 head{-0.060, top - headHalfHeight, 0.0};
    s.unite(roundCone({-0.085, shoulder.y + 0.010, 0.0}, {-0.075, chin + 0.030, 0.0}, 0.060, 0.052), 0.05);
    s.unite(ellipsoid({-0.030, chin + 0.040, 0.0}, I, {0.060, 0.050, 0.056}), 0.04);
    s.unite(ellipsoid(head, I, {0.098, headHalfHeight, 0.078}), 0.04);
    s.unite(ellipsoid(head + Vec3(0.085, -0.010, 0.0), I, {0.020, 0.030, 0.014}), 0.02); // nose
    p.region = {{-0.30, -0.25, -0.28}, {0.20, top + 0.03, 0.28}};
    p.cell = 0.007;
    p.maxTriangles = 4000;
    return p;
}

// The right arm's pieces, each in its body's frame. `elbow`: the elbow centre in the humerus
// frame; `wrist`: the wrist centre in the forearm frame.
Piece upperArm(const Vec3& elbow) {
    Piece p;
    p.body = "humerus_r";
    Sdf& s = p.sdf;
    s.begin(Combine::Union, 0.03);
    s.add(roundCone({0.0, 0.0, 0.008}, {0.006, -0.120, 0.004}, 0.050, 0.046)); // deltoid and biceps
    s.add(roundCone({0.006, -0.120, 0.004}, elbow, 0.046, 0.037));
    p.region = Aabb{{-0.08, elbow.y - 0.06, -0.08}, {0.08, 0.07, 0.08}};
    p.cell = 0.005;
    p.maxTriangles = 600;
    return p;
}

Piece forearm(const Vec3& wrist) {
    Piece p;
    p.body = "forearm_r";
    Sdf& s = p.sdf;
    const Vec3 belly = 0.3 * wrist + Vec3(0.003, 0.0, 0.0);
    s.begin(Combine::Union, 0.03);
    s.add(roundCone({0.0, -0.005, 0.0}, belly, 0.037, 0.040));
    s.add(roundCone(belly, wrist, 0.040, 0.026));
    p.region = Aabb{{-0.07, wrist.y - 0.05, -0.06}, {0.07, 0.06, 0.10}};
    p.cell = 0.005;
    p.maxTriangles = 500;
    return p;
}

Piece hand() {
    Piece p;
    p.body = "hand_r";
    Sdf& s = p.sdf;
    const Mat3 I{1.0};
    // palm (facing +X in the anatomical position; its skin through the contact point
    // kPalmInHand), fingers together, thumb on the lateral side
    s.unite(box({0.0, -0.050, 0.0}, I, {kPalmInHand.x, 0.048, 0.040}, 0.012), 0.0);
    s.unite(box({-0.002, -0.135, -0.004}, I, {0.010, 0.045, 0.035}, 0.009), 0.02);
    s.unite(roundCone({0.006, -0.020, 0.030}, {0.022, -0.085, 0.048}, 0.014, 0.009), 0.02);
    s.unite(ellipticCylinder({0.0, -0.002, 0.0}, Mat3(Vec3(1, 0, 0), Vec3(0, 0, 1), Vec3(0, 1, 0)), 0.018, 0.030, 0.012, 0.008), 0.02);
    p.region = {{-0.05, -0.20, -0.06}, {0.06, 0.03, 0.08}};
    p.cell = 0.004;
    p.maxTriangles = 500;
    return p;
}

// The right leg's pieces. `knee`: the knee centre in the femur frame.
Piece thigh(const Vec3& knee) {
    Piece p;
    p.body = "femur_r";
    Sdf& s = p.sdf;
    s.begin(Combine::Union, 0.05);
    s.add(roundCone({-0.010, -0.030, 0.020}, {0.000, -0.170, 0.012}, 0.085, 0.073));
    s.add(roundCone({0.000, -0.170, 0.012}, knee + Vec3(0.0, 0.030, 0.0), 0.073, 0.052));
    s.add(roundCone(knee + Vec3(0.0, 0.030, 0.0), knee + Vec3(0.005, -0.010, 0.0), 0.052, 0.050));
    p.region = Aabb{{-0.12, knee.y - 0.07, -0.11}, {0.11, 0.07, 0.13}};
    p.cell = 0.006;
    p.maxTriangles = 800;
    return p;
}

Piece shank() {
    Piece p;
    p.body = "tibia_r";
    Sdf& s = p.sdf;
    const Mat3 I{1.0};
    const double ankle = -0.405; // the ankle's height in the tibia frame (Rajagopal et al. 2016)
    s.begin(Combine::Union, 0.04);
    s.add(roundCone({-0.004, -0.020, 0.0}, {-0.012, -0.120, 0.0}, 0.048, 0.048));
    s.add(roundCone({-0.012, -0.120, 0.0}, {-0.008, -0.330, 0.004}, 0.048, 0.031));
    s.add(roundCone({-0.008, -0.330, 0.004}, {-0.010, ankle, 0.006}, 0.031, 0.032));
    s.unite(ellipsoid({-0.030, -0.130, -0.004}, I, {0.040, 0.085, 0.044}), 0.04); // calf
    p.region = {{-0.10, ankle - 0.05, -0.08}, {0.08, 0.05, 0.08}};
    p.cell = 0.005;
    p.maxTriangles = 700;
    return p;
}

TriangleMesh mirroredMesh(const TriangleMesh& m) {
    TriangleMesh out = m;
    for (Vec3& v : out.positions) v.z = -v.z;
    for (Vec3& n : out.normals) n.z = -n.z;
    for (std::size_t t = 0; t + 2 < out.indices.size(); t += 3) std::swap(out.indices[t + 1], out.indices[t + 2]);
    return out;
}

double smoothStep(double x) {
    x = std::clamp(x, 0.0, 1.0);
    return x * x * (3.0 - 2.0 * x);
}

} // namespace

std::vector<OutlineMesh> generateOutline(const Model& model, int threads) {
    std::vector<OutlineMesh> out;
    const int pelvis = model.findBody("pelvis");
    if (pelvis < 0) return out;
    const std::vector<Transform> world = computeBodyTransforms(model, model.defaultPose());
    const Transform pelvisInv = world[static_cast<std::size_t>(pelvis)].inverse();
    const auto inPelvis = [&](int body, const Vec3& p) { return pelvisInv.apply(world[static_cast<std::size_t>(body)].apply(p)); };

    const auto extract = [&](const Piece& piece) {
        ExtractionOptions o;
        o.cellSize = piece.cell;
        o.threads = threads;
        o.maxTriangles = piece.maxTriangles;
        o.maxError = 0.003; // a ghost needs no finer skin
        return extractSurface(piece.sdf, piece.region, o);
    };

    // Trunk: blended over the spine's bodies by height. The chain, bottom up, and the height
    // (pelvis frame) of the joint under each body above the pelvis.
    std::vector<int> chain{pelvis};
    std::vector<double> jointHeight;
    for (const char* name : {"L5", "L4", "L3", "L2", "L1", "thorax"}) {
        const int b = model.findBody(name);
        if (b < 0) break;
        chain.push_back(b);
        jointHeight.push_back(inPelvis(b, Vec3(0.0)).y);
    }
    const int humerus = model.findBody("humerus_r");
    const Joint* shoulderJoint = jointNamed(model, "shoulder_r");
    const Vec3 shoulder = humerus >= 0 ? inPelvis(humerus, Vec3(0.0)) : Vec3(-0.0975, 0.453, 0.17);
    {
        OutlineMesh m;
        m.body = "pelvis";
        m.mesh = extract(trunk(shoulder));
        m.blendBodies.resize(m.mesh.positions.size());
        m.blendWeights.resize(m.mesh.positions.size());
        for (std::size_t v = 0; v < m.mesh.positions.size(); ++v) {
            // above[j]: how far the vertex belongs above joint j (0 below, 1 above)
            std::vector<double> w(chain.size(), 0.0);
            double below = 1.0;
            for (std::size_t j = 0; j < jointHeight.size(); ++j) {
                const double above = smoothStep((m.mesh.positions[v].y - jointHeight[j] + kBlendHalfWidth) / (2.0 * kBlendHalfWidth));
                w[j] = below - above;
                below = above;
            }
            w[chain.size() - 1] = below;
            // the four largest, renormalised
            std::vector<std::size_t> order(chain.size());
            for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return w[a] > w[b]; });
            double sum = 0.0;
            for (std::size_t k = 0; k < 4 && k < order.size(); ++k) sum += std::max(w[order[k]], 0.0);
            std::array<int, 4> bodies{-1, -1, -1, -1};
            std::array<float, 4> weights{0.0f, 0.0f, 0.0f, 0.0f};
            for (std::size_t k = 0; k < 4 && k < order.size(); ++k) {
                const double wk = std::max(w[order[k]], 0.0) / sum;
                if (wk <= 0.0) continue;
                bodies[k] = chain[order[k]];
                weights[k] = static_cast<float>(wk);
            }
            m.blendBodies[v] = bodies;
            m.blendWeights[v] = weights;
        }
        out.push_back(std::move(m));
    }

    // Limbs: right side shaped, left side mirrored.
    std::vector<Piece> limbs;
    if (humerus >= 0 && shoulderJoint) {
        const Joint* elbow = jointNamed(model, "elbow_r");
        const Joint* wrist = jointNamed(model, "wrist_r");
        if (elbow && model.findBody("forearm_r") >= 0) limbs.push_back(upperArm(elbow->parentOffset.translation));
        if (wrist) limbs.push_back(forearm(wrist->parentOffset.translation));
        if (model.findBody("hand_r") >= 0) limbs.push_back(hand());
    }
    if (const Joint* knee = jointNamed(model, "walker_knee_r"); knee && model.findBody("femur_r") >= 0)
        limbs.push_back(thigh(knee->parentOffset.translation));
    if (model.findBody("tibia_r") >= 0) limbs.push_back(shank());
    std::map<std::string, TriangleMesh> right;
    for (const Piece& piece : limbs)
        if (model.findBody(piece.body) >= 0) right[piece.body] = extract(piece);
    for (const Body& body : model.bodies) {
        if (body.side == Side::Right) {
            if (auto it = right.find(body.name); it != right.end()) out.push_back({body.name, it->second, {}, {}});
        } else if (body.side == Side::Left) {
            if (auto it = right.find(otherSideName(body.name)); it != right.end()) out.push_back({body.name, mirroredMesh(it->second), {}, {}});
        }
    }
    return out;
}

} // namespace hv::bonegen
