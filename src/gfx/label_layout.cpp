#include "gfx/label_layout.hpp"

#include <algorithm>
#include <numeric>

namespace hv::gfx {

bool boxesOverlap(const Callout& a, const Callout& b) {
    return a.boxMin.x < b.boxMax.x && b.boxMin.x < a.boxMax.x && a.boxMin.y < b.boxMax.y && b.boxMin.y < a.boxMax.y;
}

namespace {

// Stacks boxes of the given heights as near their wanted tops as possible inside [lo, hi] with
// `gap` between them (in order). Returns false if they cannot all fit.
bool stack(std::vector<float>& tops, const std::vector<float>& heights, float lo, float hi, float gap) {
    const std::size_t n = tops.size();
    if (n == 0) return true;
    float total = gap * static_cast<float>(n - 1);
    for (float h : heights) total += h;
    if (total > hi - lo + 0.5f) return false;
    // Push down from the top, then up from the bottom; the result keeps the order and fits.
    for (std::size_t i = 0; i < n; ++i) {
        const float minTop = i == 0 ? lo : tops[i - 1] + heights[i - 1] + gap;
        tops[i] = std::max(tops[i], minTop);
    }
    for (std::size_t k = n; k-- > 0;) {
        const float maxTop = k + 1 == n ? hi - heights[k] : tops[k + 1] - gap - heights[k];
        tops[k] = std::min(tops[k], maxTop);
    }
    return true;
}

} // namespace

std::vector<Callout> layoutCallouts(std::span<const CalloutRequest> requests, const CalloutLayoutParams& p) {
    const std::size_t n = requests.size();
    std::vector<Callout> out(n);
    if (n == 0) return out;
    const float lo = p.margin, hi = p.height - p.margin;
    const float midX = 0.5f * (p.figureMin.x + p.figureMax.x);
    std::vector<int> side(n); // 0 left, 1 right
    for (std::size_t i = 0; i < n; ++i) side[i] = requests[i].anchor.x < midX ? 0 : 1;

    const auto members = [&](int s) {
        std::vector<std::size_t> m;
        for (std::size_t i = 0; i < n; ++i)
            if (side[i] == s) m.push_back(i);
        std::sort(m.begin(), m.end(), [&](std::size_t a, std::size_t b) { return requests[a].anchor.y < requests[b].anchor.y; });
        return m;
    };
    const auto fits = [&](const std::vector<std::size_t>& m) {
        float total = m.empty() ? 0.0f : p.gap * static_cast<float>(m.size() - 1);
        for (std::size_t i : m) total += requests[i].size.y;
        return total <= hi - lo + 0.5f;
    };
    // Balance: move the anchors nearest the middle to the other column while one overflows.
    for (int guard = 0; guard < static_cast<int>(n); ++guard) {
        bool moved = false;
        for (int s = 0; s < 2 && !moved; ++s) {
            const auto m = members(s);
            if (fits(m) || m.empty()) continue;
            const auto nearest = std::min_element(m.begin(), m.end(), [&](std::size_t a, std::size_t b) {
                return std::abs(requests[a].anchor.x - midX) < std::abs(requests[b].anchor.x - midX);
            });
            side[*nearest] = 1 - s;
            moved = true;
        }
        if (!moved) break;
    }

    const auto crosses = [](glm::vec2 a, glm::vec2 b, glm::vec2 c, glm::vec2 d) {
        const auto cross = [](glm::vec2 u, glm::vec2 v) { return u.x * v.y - u.y * v.x; };
        const float d1 = cross(b - a, c - a), d2 = cross(b - a, d - a), d3 = cross(d - c, a - c), d4 = cross(d - c, b - c);
        return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0)) && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0;
    };
    for (int s = 0; s < 2; ++s) {
        std::vector<std::size_t> m = members(s);
        // Drop the labels that cannot fit at all (the last in reading order first).
        while (!m.empty() && !fits(m)) m.pop_back();
        if (m.empty()) continue;
        // One column per side: every box's leader starts on the same vertical line, so leaders
        // in stacking order can always be uncrossed by swapping.
        float columnWidth = 0.0f;
        for (std::size_t i : m) columnWidth = std::max(columnWidth, std::min(requests[i].size.x, p.width - 2.0f * p.margin));
        float edge;
        if (s == 0) {
            edge = p.figureMin.x - p.gap;
            for (std::size_t i : m) edge = std::min(edge, requests[i].anchor.x - p.leaderMin);
            edge = std::clamp(edge, p.margin + columnWidth, p.width - p.margin);
        } else {
            edge = p.figureMax.x + p.gap;
            for (std::size_t i : m) edge = std::max(edge, requests[i].anchor.x + p.leaderMin);
            edge = std::clamp(edge, p.margin, p.width - p.margin - columnWidth);
        }
        std::vector<float> tops, heights;
        const auto place = [&] {
            tops.clear();
            heights.clear();
            for (std::size_t i : m) {
                heights.push_back(requests[i].size.y);
                tops.push_back(requests[i].anchor.y - 0.5f * requests[i].size.y);
            }
            // Keep the stacking order even where wanted tops are out of order (after swaps).
            return stack(tops, heights, lo, hi, p.gap);
        };
        const auto startOf = [&](std::size_t k) { return glm::vec2(edge, tops[k] + 0.5f * heights[k]); };
        if (!place()) continue;
        for (int guard = 0; guard < static_cast<int>(m.size() * m.size()) + 4; ++guard) {
            bool swapped = false;
            for (std::size_t a = 0; a < m.size() && !swapped; ++a)
                for (std::size_t b = a + 1; b < m.size() && !swapped; ++b)
                    if (crosses(startOf(a), requests[m[a]].anchor, startOf(b), requests[m[b]].anchor)) {
                        std::swap(m[a], m[b]);
                        place();
                        swapped = true;
                    }
            if (!swapped) break;
        }
        for (std::size_t k = 0; k < m.size(); ++k) {
            const CalloutRequest& r = requests[m[k]];
            Callout& c = out[m[k]];
            const float w = std::min(r.size.x, p.width - 2.0f * p.margin);
            const float x = s == 0 ? edge - w : edge;
            c.placed = true;
            c.onLeft = s == 0;
            c.boxMin = {x, tops[k]};
            c.boxMax = {x + w, tops[k] + heights[k]};
            c.anchor = r.anchor;
            c.leaderStart = startOf(k);
        }
    }
    // Columns on the two sides may meet when the image is narrow: a right box that overlaps a
    // left one moves down (or up) past it, or is dropped.
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            if (i != j && out[i].placed && out[j].placed && !out[i].onLeft && out[j].onLeft && boxesOverlap(out[i], out[j]))
                out[i].placed = false;
    return out;
}

std::optional<VisibleAnchor> visibleAnchor(std::span<const std::uint32_t> ids, int width, int height,
                                           std::span<const std::uint32_t> pickIds, glm::vec2 preferred) {
    if (width <= 0 || height <= 0 || ids.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height))
        return std::nullopt;
    const std::size_t n = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    // Chamfer (3-4) distance to the nearest pixel outside the structure (image border counts as
    // outside), two passes.
    constexpr int kFar = 1 << 28;
    std::vector<int> d(n);
    std::size_t coverage = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const bool in = std::find(pickIds.begin(), pickIds.end(), ids[i]) != pickIds.end() && ids[i] != 0;
        d[i] = in ? kFar : 0;
        coverage += in ? 1 : 0;
    }
    if (coverage == 0) return std::nullopt;
    const auto at = [&](int x, int y) -> int& { return d[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)]; };
    const auto get = [&](int x, int y) { return (x < 0 || y < 0 || x >= width || y >= height) ? 0 : at(x, y); };
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            int& v = at(x, y);
            if (v == 0) continue;
            v = std::min({v, get(x - 1, y) + 3, get(x, y - 1) + 3, get(x - 1, y - 1) + 4, get(x + 1, y - 1) + 4});
        }
    for (int y = height - 1; y >= 0; --y)
        for (int x = width - 1; x >= 0; --x) {
            int& v = at(x, y);
            if (v == 0) continue;
            v = std::min({v, get(x + 1, y) + 3, get(x, y + 1) + 3, get(x + 1, y + 1) + 4, get(x - 1, y + 1) + 4});
        }
    // Deep enough inside is good enough: beyond a few pixels, nearness to `preferred` decides.
    int maxDepth = 0;
    for (int v : d) maxDepth = std::max(maxDepth, v);
    const float enough = std::min(static_cast<float>(maxDepth), 3.0f * 6.0f); // 6 px, in chamfer units
    float best = -1e30f;
    glm::vec2 bestPixel(0.0f);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const int v = at(x, y);
            if (v == 0) continue;
            const glm::vec2 p(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f);
            const float score = std::min(static_cast<float>(v), enough) * 10.0f - glm::length(p - preferred);
            if (score > best) {
                best = score;
                bestPixel = p;
            }
        }
    return VisibleAnchor{bestPixel, coverage};
}

} // namespace hv::gfx
