#include "core/bone_parameters.hpp"
#include "core/text.hpp"

#include "core/diagnostic.hpp"
#include "core/pose_text.hpp"

#include <algorithm>
#include <cassert>
#include <sstream>

namespace hv {

namespace {

constexpr std::array<std::string_view, kBoneParameterCount> kNames{"anteversion", "neck_shaft", "pelvis_width"};

// The published hip joint centre in the pelvis frame (Rajagopal et al. 2016), used when a model
// has no hip_r joint.
constexpr Vec3 kPublishedHipCentre{-0.056276, -0.07849, 0.07726};

double smoothstep(double e0, double e1, double x) {
    const double t = std::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

// The rotation nearest to a matrix close to one (polar decomposition by the iteration
// R <- (R + R^-T) / 2, Higham 1986), for frames carried by a smooth map.
Mat3 nearestRotation(const Mat3& m) {
    Mat3 r = m;
    for (int i = 0; i < 30; ++i) {
        const Mat3 next = 0.5 * (r + glm::transpose(glm::inverse(r)));
        double change = 0.0;
        for (int c = 0; c < 3; ++c) change = std::max(change, glm::length(next[c] - r[c]));
        r = next;
        if (change < 1e-14) break;
    }
    return r;
}

// A frame whose first axis is `first` and whose second lies in the plane of `first` and `second`.
Mat3 frameOf(const Vec3& first, const Vec3& second) {
    const Vec3 e1 = glm::normalize(first);
    const Vec3 e2 = glm::normalize(second - glm::dot(second, e1) * e1);
    return Mat3{e1, e2, glm::cross(e1, e2)};
}

} // namespace

double BoneParameters::get(BoneParameterId id) const {
    switch (id) {
    case BoneParameterId::Anteversion: return anteversion;
    case BoneParameterId::NeckShaft: return neckShaftAngle;
    case BoneParameterId::PelvisWidth: return pelvisWidth;
    }
    return 0.0;
}

void BoneParameters::set(BoneParameterId id, double value) {
    switch (id) {
    case BoneParameterId::Anteversion: anteversion = value; break;
    case BoneParameterId::NeckShaft: neckShaftAngle = value; break;
    case BoneParameterId::PelvisWidth: pelvisWidth = value; break;
    }
}

BoneParameters BoneParameterSpec::defaults() const {
    BoneParameters p;
    for (std::size_t i = 0; i < kBoneParameterCount; ++i) p.set(static_cast<BoneParameterId>(i), info[i].defaultValue);
    return p;
}

std::string_view boneParameterName(BoneParameterId id) { return kNames[static_cast<std::size_t>(id)]; }

std::string_view boneParameterUserUnit(BoneParameterId id) {
    return id == BoneParameterId::PelvisWidth ? "mm" : "deg";
}

double boneParameterFromUser(BoneParameterId id, double value) {
    return id == BoneParameterId::PelvisWidth ? value / 1000.0 : toRadians(value);
}

double boneParameterToUser(BoneParameterId id, double value) {
    return id == BoneParameterId::PelvisWidth ? value * 1000.0 : toDegrees(value);
}

std::optional<BoneParameterId> findBoneParameter(std::string_view name) {
    for (std::size_t i = 0; i < kBoneParameterCount; ++i)
        if (kNames[i] == name) return static_cast<BoneParameterId>(i);
    return std::nullopt;
}

std::optional<BoneParameters> parseAnatomy(const BoneParameterSpec& spec, std::string_view text, std::string& error) {
    BoneParameters out = spec.defaults();
    std::vector<std::string> names(kNames.begin(), kNames.end());
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string item(text.substr(start, end - start));
        start = end + 1;
        if (!item.empty()) {
            const std::size_t eq = item.find('=');
            if (eq == std::string::npos) {
                error = "\"" + item + "\": expected NAME=VALUE, e.g. anteversion=20";
                return std::nullopt;
            }
            const std::string name = item.substr(0, eq);
            const auto id = findBoneParameter(name);
            if (!id) {
                std::string message = "unknown anatomy parameter \"" + name + "\"";
                const std::string hint = closestMatch(name, names);
                if (!hint.empty()) message += " (did you mean \"" + hint + "\"?)";
                error = message + "; valid: anteversion (deg), neck_shaft (deg), pelvis_width (mm)";
                return std::nullopt;
            }
            const std::string valueText = item.substr(eq + 1);
            const auto value = parseNumber(valueText);
            if (!value) {
                error = "\"" + item + "\": \"" + valueText + "\" is not a number";
                return std::nullopt;
            }
            const BoneParameterInfo& info = spec[*id];
            const double si = boneParameterFromUser(*id, *value);
            if (si < info.minValue - 1e-12 || si > info.maxValue + 1e-12) {
                const std::string unit(boneParameterUserUnit(*id));
                error = "\"" + item + "\": " + name + " must lie between " +
                        formatNumber(boneParameterToUser(*id, info.minValue)) + " and " +
                        formatNumber(boneParameterToUser(*id, info.maxValue)) + " " + unit;
                return std::nullopt;
            }
            out.set(*id, si);
        }
        if (end == text.size()) break;
    }
    return out;
}

std::string formatAnatomy(const BoneParameters& p) {
    std::string out;
    for (std::size_t i = 0; i < kBoneParameterCount; ++i) {
        const auto id = static_cast<BoneParameterId>(i);
        std::ostringstream s;
        s.precision(6);
        s << boneParameterToUser(id, p.get(id));
        if (i) out += ',';
        out += kNames[i];
        out += '=';
        out += s.str();
    }
    return out;
}

const FemurAxes& femurAxes() {
    static const FemurAxes axes = [] {
        FemurAxes a;
        a.shaftProximal = {-0.0005, -0.080, 0.0375};
        a.shaftDistal = {0.022, -0.320, 0.010};
        a.shaftAxis = glm::normalize(a.shaftProximal - a.shaftDistal);
        a.condylarAxis = {0.0, 0.0, 1.0};
        // A femoral head 47 mm across (team's choice within the adult range; it fits the
        // acetabulum that the published hip centre and gluteal origins leave room for).
        a.headRadius = 0.0235;
        return a;
    }();
    return axes;
}

Vec3 femoralNeckDirection(double anteversion, double neckShaftAngle) {
    const FemurAxes& f = femurAxes();
    const Vec3 a = f.shaftAxis;
    const Vec3 lateral = glm::normalize(f.condylarAxis - glm::dot(f.condylarAxis, a) * a);
    const Vec3 anterior = glm::normalize(glm::cross(a, lateral));
    // Seen along the shaft, the neck points medially and, by the anteversion, forwards; it makes
    // the neck-shaft angle with the distal shaft axis (-a).
    const Vec3 across = -std::cos(anteversion) * lateral + std::sin(anteversion) * anterior;
    const Vec3 towardsHead = std::sin(neckShaftAngle) * across - std::cos(neckShaftAngle) * a;
    return -glm::normalize(towardsHead);
}

Vec3 femoralNeckPivot(double anteversion, double neckShaftAngle) {
    const FemurAxes& f = femurAxes();
    const Vec3 n = femoralNeckDirection(anteversion, neckShaftAngle); // line O + t n
    const Vec3 a = f.shaftAxis;                                       // line S + u a
    const Vec3 w0 = Vec3(0.0) - f.shaftProximal;
    const double b = glm::dot(n, a);
    const double d = glm::dot(n, w0);
    const double e = glm::dot(a, w0);
    const double denom = 1.0 - b * b;
    const double t = denom > 1e-12 ? (b * e - d) / denom : 0.0;
    return t * n;
}

BoneRegion boneRegionOf(const Body& body) {
    if (body.name == "pelvis") return BoneRegion::Pelvis;
    if (body.name == "femur_r") return BoneRegion::FemurRight;
    if (body.name == "femur_l") return BoneRegion::FemurLeft;
    return BoneRegion::Unchanged;
}

BoneDeformation::BoneDeformation(const Model& model, const BoneParameters& defaults, const BoneParameters& target) {
    m_hipCentre = kPublishedHipCentre;
    for (const Joint& j : model.joints)
        if (j.name == "hip_r") m_hipCentre = j.parentOffset.translation;

    if (defaults.anteversion != target.anteversion || defaults.neckShaftAngle != target.neckShaftAngle) {
        m_femurChanged = true;
        m_neckDefault = femoralNeckDirection(defaults.anteversion, defaults.neckShaftAngle);
        const Vec3 neckTarget = femoralNeckDirection(target.anteversion, target.neckShaftAngle);
        m_pivot = femoralNeckPivot(defaults.anteversion, defaults.neckShaftAngle);
        // Rotation carrying the default head-neck piece onto the new neck axis, keeping the
        // neck's relation to the shaft axis (no twist about the neck itself).
        const Vec3 a = femurAxes().shaftAxis;
        const Mat3 rot = frameOf(neckTarget, a) * glm::transpose(frameOf(m_neckDefault, a));
        // as an axis and an angle, so that the neck can bend by a fraction of it
        m_neckAngle = std::acos(std::clamp((rot[0][0] + rot[1][1] + rot[2][2] - 1.0) / 2.0, -1.0, 1.0));
        const Vec3 skew{rot[1][2] - rot[2][1], rot[2][0] - rot[0][2], rot[0][1] - rot[1][0]};
        m_neckAxis = glm::length(skew) > 1e-15 ? glm::normalize(skew) : Vec3(0, 0, 1);
        m_headShift = rotationAboutAxis(m_neckAxis, m_neckAngle) * (Vec3(0.0) - m_pivot) + m_pivot;
        // The head (radius R around the origin) moves rigidly; the weight falls to 0 along the
        // neck towards its base (over 21 mm, ending before the trochanteric fossa), and away from
        // the neck axis beyond the neck's girth (the trochanters, 25 mm and more from the axis
        // where they face the neck, stay with the shaft).
        const double neckLength = glm::length(m_pivot);
        const double r = femurAxes().headRadius;
        m_sFar = neckLength - r - 0.001;
        m_sNear = m_sFar - 0.021;
        m_rInner = 0.019;    // the neck's girth ...
        m_rOuter = r + 0.002; // ... and the head's
    }
    if (defaults.pelvisWidth != target.pelvisWidth && defaults.pelvisWidth > 0.0) {
        m_pelvisChanged = true;
        m_widthScale = target.pelvisWidth / defaults.pelvisWidth;
    }
    m_identity = !m_femurChanged && !m_pelvisChanged;
}

double BoneDeformation::femurHeadWeight(const Vec3& p) const {
    if (!m_femurChanged) return 0.0;
    const Vec3 towardsHead = -m_neckDefault;
    const Vec3 v = p - m_pivot;
    const double s = glm::dot(v, towardsHead);
    const double r = glm::length(v - s * towardsHead);
    const double inner = m_rInner + (m_rOuter - m_rInner) * smoothstep(m_sFar - 0.004, m_sFar + 0.004, s);
    return smoothstep(m_sNear, m_sFar, s) * (1.0 - smoothstep(inner, inner + 0.008, r));
}

Vec3 BoneDeformation::applyFemurRight(const Vec3& p) const {
    if (!m_femurChanged) return p;
    // the neck bends: each point turns about the pivot by the weighted fraction of the angle
    const double w = femurHeadWeight(p);
    if (w <= 0.0) return p - m_headShift;
    return rotationAboutAxis(m_neckAxis, w * m_neckAngle) * (p - m_pivot) + m_pivot - m_headShift;
}

Vec3 BoneDeformation::applyPelvis(const Vec3& p) const {
    if (!m_pelvisChanged) return p;
    // Near the acetabulum of p's side the bone moves with the hip centre; elsewhere it stretches.
    const Vec3 hip = p.z >= 0.0 ? m_hipCentre : mirrorZ(m_hipCentre);
    const double rigid = 1.0 - smoothstep(0.035, 0.065, glm::length(p - hip));
    const double g = p.z + rigid * (hip.z - p.z);
    return {p.x, p.y, p.z + (m_widthScale - 1.0) * g};
}

Vec3 BoneDeformation::apply(BoneRegion region, const Vec3& p) const {
    switch (region) {
    case BoneRegion::Unchanged: return p;
    case BoneRegion::Pelvis: return applyPelvis(p);
    case BoneRegion::FemurRight: return applyFemurRight(p);
    case BoneRegion::FemurLeft: return mirrorZ(applyFemurRight(mirrorZ(p)));
    }
    return p;
}

Mat3 BoneDeformation::jacobian(BoneRegion region, const Vec3& p) const {
    constexpr double h = 1e-4;
    Mat3 j{1.0};
    for (int c = 0; c < 3; ++c) {
        Vec3 d(0.0);
        d[c] = h;
        j[c] = (apply(region, p + d) - apply(region, p - d)) / (2.0 * h);
    }
    return j;
}

Transform BoneDeformation::applyToFrame(BoneRegion region, const Transform& frame) const {
    if (region == BoneRegion::Unchanged || m_identity) return frame;
    const Mat3 r = nearestRotation(jacobian(region, frame.translation));
    return {r * frame.rotation, apply(region, frame.translation)};
}

Vec3 BoneDeformation::applyToNormal(BoneRegion region, const Vec3& p, const Vec3& normal) const {
    if (region == BoneRegion::Unchanged || m_identity) return normal;
    const Mat3 j = jacobian(region, p);
    const Vec3 n = glm::transpose(glm::inverse(j)) * normal;
    const double len = glm::length(n);
    return len > 0.0 ? n / len : normal;
}

bool applyBoneParameters(Model& model, const BoneParameters& defaults, const BoneParameters& target) {
    const BoneDeformation map(model, defaults, target);
    if (map.isIdentity()) return false;
    const auto region = [&](int body) {
        return body < 0 ? BoneRegion::Unchanged : boneRegionOf(model.bodies[static_cast<std::size_t>(body)]);
    };
    // Joint frames move with the bone but keep their axes: a body's axes are its reference
    // (the femur's are the shaft's and condyles', which the map leaves unturned), and the hip's
    // frame at the head centre must not turn with the head, or the whole leg would.
    for (Joint& j : model.joints) {
        j.parentOffset.translation = map.apply(region(j.parentBody), j.parentOffset.translation);
        j.childOffset.translation = map.apply(region(j.childBody), j.childOffset.translation);
    }
    for (WrapCylinder& w : model.wrapCylinders) w.frame = map.applyToFrame(region(w.body), w.frame);
    for (Muscle& m : model.muscles)
        for (MusclePart& part : m.parts)
            for (PathPoint& p : part.points) p.location = map.apply(region(p.body), p.location);
    return true;
}

} // namespace hv
