#include "movement/restricted_hip.hpp"

#include "core/kinematics.hpp"
#include "core/math.hpp"
#include "core/pose_text.hpp"
#include "core/text.hpp"
#include "core/roles.hpp"
#include "movement/detail/solve.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace hv::movement {

std::optional<std::vector<HipLimit>> parseHipRestriction(const Model& model, std::string_view text, std::string& error) {
    const std::string t(text);
    const auto eq = t.find('=');
    const auto colon = t.find(':', eq == std::string::npos ? 0 : eq);
    if (eq == std::string::npos || colon == std::string::npos) {
        error = "\"" + t + "\": expected NAME=MIN:MAX in degrees, e.g. hip_flexion_r=:25";
        return std::nullopt;
    }
    const std::string name = t.substr(0, eq);
    const auto coords = resolveCoordinates(model, name);
    if (coords.empty()) {
        error = unknownCoordinateMessage(model, name);
        return std::nullopt;
    }
    const std::string lo = t.substr(eq + 1, colon - eq - 1), hi = t.substr(colon + 1);
    const auto loValue = lo.empty() ? std::optional<double>() : parseNumber(lo);
    const auto hiValue = hi.empty() ? std::optional<double>() : parseNumber(hi);
    if ((!lo.empty() && !loValue) || (!hi.empty() && !hiValue)) {
        error = "\"" + t + "\": MIN and MAX must be numbers of degrees";
        return std::nullopt;
    }
    std::vector<HipLimit> out;
    for (int c : coords) {
        const Coordinate& k = model.coordinates[static_cast<std::size_t>(c)];
        if (k.group != "hip") {
            error = k.name + " is not a hip coordinate; limits apply to hip_flexion, hip_adduction and hip_rotation";
            return std::nullopt;
        }
        const double min = loValue ? toRadians(*loValue) : k.minValue;
        const double max = hiValue ? toRadians(*hiValue) : k.maxValue;
        const double slack = 1e-9; // rad: what a round trip through degrees may add
        if (min < k.minValue - slack || max > k.maxValue + slack) {
            error = "\"" + t + "\": " + (min < k.minValue - slack ? "MIN" : "MAX") + " is outside " + k.name +
                    "'s range, " + formatNumber(toDegrees(k.minValue)) + " to " + formatNumber(toDegrees(k.maxValue)) +
                    " deg";
            return std::nullopt;
        }
        if (min > max) {
            error = "\"" + t + "\": MIN must not be above MAX";
            return std::nullopt;
        }
        out.push_back({c, min, max});
    }
    return out;
}

std::vector<std::string> hipRestrictionTexts(const Model& model, std::span<const HipLimit> limits) {
    std::vector<std::string> out;
    for (const HipLimit& l : limits) {
        if (l.coordinate < 0 || l.coordinate >= static_cast<int>(model.coordinates.size())) continue;
        const Coordinate& c = model.coordinates[static_cast<std::size_t>(l.coordinate)];
        out.push_back(c.name + "=" + formatNumber(toDegrees(l.min)) + ":" + formatNumber(toDegrees(l.max)));
    }
    return out;
}


namespace {

Side otherSide(Side s) { return s == Side::Right ? Side::Left : Side::Right; }

int sideIndex(Side s) { return s == Side::Right ? 0 : 1; }

} // namespace

RestrictionResult applyHipLimits(const Model& model, const LumbarSpine& spine,
                                 std::span<const HipLimit> limits, std::vector<double>& q) {
    RestrictionResult result;
    const std::array<std::array<int, 3>, 2> hips{hipCoordinates(model, Side::Right), hipCoordinates(model, Side::Left)};
    // Bounds per side and plane: the coordinate's range narrowed by the limits.
    std::array<std::array<double, 3>, 2> lo{}, hi{};
    for (std::size_t s = 0; s < 2; ++s)
        for (std::size_t p = 0; p < 3; ++p) {
            const int c = hips[s][p];
            lo[s][p] = c >= 0 ? model.coordinates[static_cast<std::size_t>(c)].minValue : 0.0;
            hi[s][p] = c >= 0 ? model.coordinates[static_cast<std::size_t>(c)].maxValue : 0.0;
        }
    for (const HipLimit& l : limits) {
        bool found = false;
        for (std::size_t s = 0; s < 2; ++s)
            for (std::size_t p = 0; p < 3; ++p)
                if (hips[s][p] == l.coordinate && l.coordinate >= 0) {
                    lo[s][p] = std::max(lo[s][p], std::min(l.min, l.max));
                    hi[s][p] = std::min(hi[s][p], std::max(l.min, l.max));
                    if (lo[s][p] > hi[s][p]) lo[s][p] = hi[s][p];
                    found = true;
                }
        assert(found && "HipLimit on a coordinate that is not a hip coordinate");
        (void)found;
    }
    // Shortfall per side.
    std::array<std::array<double, 3>, 2> shortfall{};
    std::array<double, 2> total{};
    for (std::size_t s = 0; s < 2; ++s)
        for (std::size_t p = 0; p < 3; ++p) {
            const int c = hips[s][p];
            if (c < 0) continue;
            const double v = q[static_cast<std::size_t>(c)];
            shortfall[s][p] = v - std::clamp(v, lo[s][p], hi[s][p]);
            total[s] += std::abs(shortfall[s][p]);
        }
    if (total[0] < 1e-12 && total[1] < 1e-12) return result;

    const Side driving = total[0] >= total[1] ? Side::Right : Side::Left;
    const Side other = otherSide(driving);
    const int dFemur = detail::femurBody(model, driving), oFemur = detail::femurBody(model, other);
    if (dFemur < 0) return result;
    result.active = true;
    result.drivingSide = driving;
    for (std::size_t p = 0; p < 3; ++p) result.shortfallDeg[p] = toDegrees(shortfall[static_cast<std::size_t>(sideIndex(driving))][p]);

    const std::vector<double> asked = q;
    const auto before = computeBodyTransforms(model, q);
    const Transform dThigh = before[static_cast<std::size_t>(dFemur)];
    const Mat3 oThigh = oFemur >= 0 ? before[static_cast<std::size_t>(oFemur)].rotation : Mat3(1.0);
    const Mat3 trunk = spine.trunkBody >= 0 ? before[static_cast<std::size_t>(spine.trunkBody)].rotation : Mat3(1.0);

    // 1. Clamp the driving side.
    const auto ds = static_cast<std::size_t>(sideIndex(driving));
    for (std::size_t p = 0; p < 3; ++p)
        if (hips[ds][p] >= 0) q[static_cast<std::size_t>(hips[ds][p])] = std::clamp(q[static_cast<std::size_t>(hips[ds][p])], lo[ds][p], hi[ds][p]);

    // 2. Turn the pelvis so the driving thigh is back where it was, about that hip's centre.
    const auto root = detail::rootCoordinates(model);
    std::vector<int> pelvisAngles;
    std::vector<double> pLo, pHi;
    for (std::size_t i = 0; i < 3; ++i)
        if (root[i] >= 0) {
            pelvisAngles.push_back(root[i]);
            pLo.push_back(model.coordinates[static_cast<std::size_t>(root[i])].minValue);
            pHi.push_back(model.coordinates[static_cast<std::size_t>(root[i])].maxValue);
        }
    double thighLeft = detail::matchOrientation(model, q, dFemur, dThigh.rotation, pelvisAngles, pLo, pHi);
    detail::moveRootSoPointIsAt(model, q, dFemur, Vec3{0.0}, dThigh.translation);

    // 3. The other thigh keeps its orientation, within its range and limits.
    const auto os = static_cast<std::size_t>(sideIndex(other));
    if (oFemur >= 0) {
        std::vector<int> coords;
        std::vector<double> cLo, cHi;
        for (std::size_t p = 0; p < 3; ++p)
            if (hips[os][p] >= 0) {
                coords.push_back(hips[os][p]);
                cLo.push_back(lo[os][p]);
                cHi.push_back(hi[os][p]);
            }
        thighLeft = std::max(thighLeft, detail::matchOrientation(model, q, oFemur, oThigh, coords, cLo, cHi));
    }
    result.thighUnreachedDeg = toDegrees(thighLeft);

    // 4. The lumbar spine keeps the trunk where it was.
    if (spine.complete()) {
        const auto left = alignTrunk(model, spine, trunk, q);
        for (std::size_t p = 0; p < 3; ++p) result.trunkUnreachedDeg[p] = toDegrees(left[p]);
        for (std::size_t i = 0; i < kLumbarLevels; ++i)
            for (std::size_t p = 0; p < 3; ++p) {
                const auto c = static_cast<std::size_t>(spine.levels[i].coordinates[p]);
                result.takenUpDeg[i][p] = toDegrees(q[c] - asked[c]);
                result.takenUpTotalDeg[p] += result.takenUpDeg[i][p];
            }
    } else {
        const auto after = computeBodyTransforms(model, q);
        if (spine.trunkBody >= 0) {
            const Vec3 w = detail::rotationVector(glm::transpose(after[static_cast<std::size_t>(spine.trunkBody)].rotation) * trunk);
            result.trunkUnreachedDeg = {toDegrees(-w.z), toDegrees(w.x), toDegrees(w.y)};
        }
    }
    return result;
}

} // namespace hv::movement
