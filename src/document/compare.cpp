#include "document/compare.hpp"

#include "anatomy_draw/colouring.hpp"
#include "core/text.hpp"
#include "core/units.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace hv::doc {

std::string_view compareNumberName(CompareNumber n) {
    return n == CompareNumber::PelvicDrop ? "pelvic_drop" : "low_back_share";
}

CompareNumber compareNumberOf(const movement::Movement& m, const movement::GluteusMediusStrength& strength) {
    const bool oneLeg = m.stance != Side::Midline &&
                        std::any_of(m.keys.begin(), m.keys.end(), [](const movement::Keyframe& k) { return k.singleSupport > 0.0; });
    return oneLeg && strength.clamped().weak() ? CompareNumber::PelvicDrop : CompareNumber::LowBackShare;
}

bool hasSomethingToCompare(std::span<const movement::HipLimit> limits, const movement::GluteusMediusStrength& strength) {
    return !limits.empty() || strength.clamped().weak();
}

namespace {

std::string degrees(double rad) { return formatNumber(std::round(toDegrees(rad) * 10.0) / 10.0); }

// "hip_flexion_r" -> "hip flexion" and its side; the name itself for any other.
std::string motionWords(const Coordinate& c, Side& side) {
    std::string n = c.name;
    side = Side::Midline;
    if (n.size() > 2 && n[n.size() - 2] == '_' && (n.back() == 'r' || n.back() == 'l')) {
        side = n.back() == 'l' ? Side::Left : Side::Right;
        n.resize(n.size() - 2);
    }
    std::replace(n.begin(), n.end(), '_', ' ');
    return n;
}

std::string capitalised(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

} // namespace

std::string comparedLabel(const Model& model, std::span<const movement::HipLimit> limits,
                          const movement::GluteusMediusStrength& strength, std::string_view profileTitle) {
    if (!profileTitle.empty()) return std::string(profileTitle);
    struct Item {
        std::string motion, range;
        Side side;
        bool bothSides = false;
    };
    std::vector<Item> items;
    for (const movement::HipLimit& l : limits) {
        if (l.coordinate < 0 || l.coordinate >= static_cast<int>(model.coordinates.size())) continue;
        const Coordinate& c = model.coordinates[static_cast<std::size_t>(l.coordinate)];
        Side side = Side::Midline;
        const std::string motion = motionWords(c, side);
        const double eps = 1e-6;
        const bool lowMoved = l.min > c.minValue + eps, highMoved = l.max < c.maxValue - eps;
        std::string range = lowMoved && highMoved ? degrees(l.min) + " to " + degrees(l.max) + " deg"
                            : lowMoved           ? degrees(l.min) + " deg and over"
                            : highMoved          ? degrees(l.max) + " deg"
                                                 : degrees(l.min) + " to " + degrees(l.max) + " deg";
        // The same limit on the other side already listed: one item for both sides.
        const auto same = std::find_if(items.begin(), items.end(), [&](const Item& i) {
            return i.motion == motion && i.range == range && i.side != side && !i.bothSides;
        });
        if (same != items.end()) same->bothSides = true;
        else items.push_back({motion, range, side});
    }
    std::string out;
    const auto add = [&](const std::string& s) { out += (out.empty() ? "" : "; ") + s; };
    for (const Item& i : items) {
        const std::string side = i.bothSides || i.side == Side::Midline ? "" : (i.side == Side::Left ? "left " : "right ");
        add(capitalised(side + i.motion + " limited to " + i.range));
    }
    const movement::GluteusMediusStrength g = strength.clamped();
    const auto percent = [](double f) { return formatNumber(std::round(f * 100.0)) + " % strength"; };
    if (g.right < 1.0 && g.right == g.left) add("Gluteus medius at " + percent(g.right));
    else {
        if (g.right < 1.0) add("Right gluteus medius at " + percent(g.right));
        if (g.left < 1.0) add("Left gluteus medius at " + percent(g.left));
    }
    return out.empty() ? std::string(kNormalLabel) : out;
}

namespace {

CompareValue valueOf(CompareNumber kind, const movement::PoseSample& s, movement::Plane plane) {
    CompareValue v;
    if (kind == CompareNumber::PelvicDrop) {
        v.value = s.trendelenburg.dropDeg;
        v.defined = true;
        char buf[64];
        std::snprintf(buf, sizeof buf, "Pelvic drop: %.1f deg", v.value);
        v.text = buf;
        return v;
    }
    const movement::PlaneShare& p = s.lumbar.plane(plane);
    v.value = p.lumbarShare;
    v.defined = p.defined;
    v.text = p.defined ? "Low back: " + movement::shareText(p.lumbarShare, p.defined) + " of the bend" : "Low back: no bend";
    return v;
}

} // namespace

CompareNumbers compareNumbers(CompareNumber kind, const movement::PoseSample& normal, const movement::PoseSample& compared) {
    CompareNumbers n;
    n.kind = kind;
    n.plane = draw::lumbarTintOf(compared.lumbar).plane;
    n.normal = valueOf(kind, normal, n.plane);
    n.compared = valueOf(kind, compared, n.plane);
    return n;
}

} // namespace hv::doc
