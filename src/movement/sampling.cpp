// Monotone piecewise-cubic interpolation: Fritsch FN, Carlson RE. Monotone piecewise cubic
// interpolation. SIAM Journal on Numerical Analysis 1980;17(2):238-246; tangents by the weighted
// harmonic mean of Fritsch and Butland (1984), which keeps each segment inside the range of its
// two keys.
#include "movement/sampling.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace hv::movement {

namespace {

// Weighted harmonic mean tangent at an interior key between secants d0 (interval h0) and d1 (h1).
double harmonicTangent(double h0, double d0, double h1, double d1) {
    if (d0 * d1 <= 0.0) return 0.0;
    return 3.0 * (h0 + h1) / ((2.0 * h1 + h0) / d0 + (h1 + 2.0 * h0) / d1);
}

template <class Y>
double interpolate(std::span<const Keyframe> keys, const Y& y, double t, Interpolation mode, bool periodic) {
    const std::size_t n = keys.size();
    assert(n >= 1);
    if (n == 1 || t <= keys.front().time) return y(0);
    if (t >= keys.back().time) return y(n - 1);
    std::size_t k = 0;
    while (k + 2 < n && keys[k + 1].time <= t) ++k;
    const double h = keys[k + 1].time - keys[k].time;
    const double u = (t - keys[k].time) / h;
    const double y0 = y(k), y1 = y(k + 1);
    if (mode == Interpolation::Linear) return y0 + (y1 - y0) * u;

    const auto secant = [&](std::size_t i) { return (y(i + 1) - y(i)) / (keys[i + 1].time - keys[i].time); };
    const auto width = [&](std::size_t i) { return keys[i + 1].time - keys[i].time; };
    const auto tangent = [&](std::size_t i) {
        if (i > 0 && i + 1 < n) return harmonicTangent(width(i - 1), secant(i - 1), width(i), secant(i));
        if (!periodic || n < 3) return 0.0; // starts and ends at rest
        // The loop joins the last segment to the first.
        return harmonicTangent(width(n - 2), secant(n - 2), width(0), secant(0));
    };
    const double m0 = tangent(k), m1 = tangent(k + 1);
    const double u2 = u * u, u3 = u2 * u;
    return (2 * u3 - 3 * u2 + 1) * y0 + (u3 - 2 * u2 + u) * h * m0 + (-2 * u3 + 3 * u2) * y1 + (u3 - u2) * h * m1;
}

} // namespace

double playbackTime(const Movement& movement, double t, bool loop) {
    const double d = movement.duration();
    if (!(d > 0.0) || !std::isfinite(t)) return 0.0;
    if (loop) {
        double w = std::fmod(t, d);
        if (w < 0.0) w += d;
        return w;
    }
    return std::clamp(t, 0.0, d);
}

std::size_t segmentAt(const Movement& movement, double t) {
    std::size_t k = 0;
    while (k + 1 < movement.keys.size() && movement.keys[k + 1].time <= t) ++k;
    return k;
}

double interpolateTrack(const Movement& movement, std::size_t track, double t, bool periodic) {
    const std::size_t n = movement.keys.size();
    const bool joinable = periodic && n >= 2 &&
                          std::abs(movement.value(0, track) - movement.value(n - 1, track)) < 1e-12;
    return interpolate(std::span<const Keyframe>(movement.keys), [&](std::size_t i) { return movement.value(i, track); },
                       t, movement.interpolation, joinable);
}

KeyedSample sampleKeyed(const Model& model, const Movement& movement, double t, bool loop,
                        std::span<const double> base) {
    KeyedSample s;
    s.time = playbackTime(movement, t, loop);
    s.segment = segmentAt(movement, s.time);
    if (base.empty()) s.q = model.defaultPose();
    else s.q.assign(base.begin(), base.end());
    assert(s.q.size() == model.coordinates.size());
    for (std::size_t tr = 0; tr < movement.coordinates.size(); ++tr)
        s.q[static_cast<std::size_t>(movement.coordinates[tr])] = interpolateTrack(movement, tr, s.time, loop);
    if (!movement.keys.empty()) {
        const std::size_t n = movement.keys.size();
        const bool joinable = loop && std::abs(movement.keys.front().singleSupport - movement.keys.back().singleSupport) < 1e-12;
        s.singleSupport = std::clamp(
            interpolate(std::span<const Keyframe>(movement.keys), [&](std::size_t i) { return movement.keys[i].singleSupport; },
                        s.time, movement.interpolation, joinable && n >= 2),
            0.0, 1.0);
        s.support = movement.keys[s.segment].support;
        s.stance = movement.keys[s.segment].stance;
        for (std::size_t k = s.segment + 1; k-- > 0;)
            if (!movement.keys[k].label.empty()) {
                s.label = movement.keys[k].label;
                break;
            }
    }
    return s;
}

} // namespace hv::movement
