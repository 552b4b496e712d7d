#include "anatomy_draw/callout_planner.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace hv::draw {

namespace {

// Each item's box on screen, and whether it is exact; an unknown box (no bounds, or a corner
// behind the camera) is the whole image. A skinned item's box is exact only for a rigid bone of
// HipView's skeleton; other skins' boxes are approximate.
struct ItemBox {
    gfx::ScreenRect rect;
    bool exact = false;
};

ItemBox itemBox(const DrawList& list, const gfx::DrawItem& i, const gfx::Camera& camera, float w, float h) {
    ItemBox b;
    const auto r = gfx::projectBounds(camera, i.bounds, w, h);
    b.rect = r ? *r : gfx::ScreenRect{glm::vec2(0.0f), glm::vec2(w, h)};
    const PickTarget* t = list.target(i.pickId);
    b.exact = r && (!i.skinned() || (t && t->kind == PickTarget::Kind::Bone));
    return b;
}

bool solid(const gfx::DrawItem& i) { return !(i.flags & gfx::kGhosted) && !i.material.alphaBlend; }

std::vector<std::uint32_t> labelledIds(const DrawList& list) {
    std::vector<std::uint32_t> ids;
    for (const LabelAnchor& a : list.labels) ids.insert(ids.end(), a.pickIds.begin(), a.pickIds.end());
    return ids;
}

std::string sideText(const LabelAnchor& a) {
    return a.text + (a.side == Side::Left ? " (left)" : a.side == Side::Right ? " (right)" : "");
}

} // namespace

std::vector<gfx::DrawItem> calloutOccluders(const DrawList& list, const gfx::Camera& camera, int width, int height) {
    const float w = static_cast<float>(width), h = static_cast<float>(height);
    const std::vector<std::uint32_t> labelled = labelledIds(list);
    std::vector<ItemBox> boxes;
    boxes.reserve(list.items.size());
    glm::vec2 focusMin(1e30f), focusMax(-1e30f);
    for (const gfx::DrawItem& i : list.items) {
        boxes.push_back(itemBox(list, i, camera, w, h));
        if (solid(i) && std::find(labelled.begin(), labelled.end(), i.pickId) != labelled.end())
            focusMin = glm::min(focusMin, boxes.back().rect.min), focusMax = glm::max(focusMax, boxes.back().rect.max);
    }
    std::vector<gfx::DrawItem> out;
    for (std::size_t k = 0; k < list.items.size(); ++k) {
        const gfx::ScreenRect& b = boxes[k].rect;
        if (!boxes[k].exact || (b.min.x <= focusMax.x && b.max.x >= focusMin.x && b.min.y <= focusMax.y && b.max.y >= focusMin.y))
            out.push_back(list.items[k]);
    }
    return out;
}

gfx::CalloutPlan planCallouts(const DrawList& list, const gfx::Camera& camera, const IdImage& image,
                              const std::function<glm::vec2(std::string_view text)>& boxSize,
                              const CalloutPlanParams& params) {
    gfx::CalloutPlan plan;
    if (list.labels.empty() || image.width <= 0 || image.height <= 0) return plan;
    const float iw = static_cast<float>(image.width), ih = static_cast<float>(image.height);
    const float scale = params.size.x / iw; // output pixels per id-image pixel
    const bool haveIds = image.ids.size() == static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);

    // The figure's extent on screen: the solid items' boxes.
    glm::vec2 figMin(1e30f), figMax(-1e30f);
    for (const gfx::DrawItem& i : list.items) {
        if (!solid(i)) continue;
        const ItemBox b = itemBox(list, i, camera, iw, ih);
        figMin = glm::min(figMin, b.rect.min), figMax = glm::max(figMax, b.rect.max);
    }
    figMin = glm::clamp(figMin, glm::vec2(0.0f), glm::vec2(iw, ih));
    figMax = glm::clamp(figMax, glm::vec2(0.0f), glm::vec2(iw, ih));
    if (figMin.x > figMax.x) figMin = figMax = glm::vec2(0.5f * iw, 0.5f * ih);

    // Where each anchor can point (id-image pixels) and how much of it shows.
    struct Seen {
        glm::vec2 pixel;
        std::size_t coverage;
    };
    std::vector<std::optional<Seen>> seen(list.labels.size());
    for (std::size_t k = 0; k < list.labels.size(); ++k) {
        const LabelAnchor& a = list.labels[k];
        float depth = 0.0f;
        const glm::vec2 pref = gfx::projectToPixels(camera, a.position, iw, ih, &depth);
        if (haveIds) {
            if (const auto v = gfx::visibleAnchor(image.ids, image.width, image.height, a.pickIds, pref))
                seen[k] = Seen{v->pixel, v->coverage};
        } else if (depth > 0.0f && pref.x >= 0.0f && pref.y >= 0.0f && pref.x <= iw && pref.y <= ih) {
            seen[k] = Seen{pref, 0};
        }
    }

    // Which anchors get a label, in the order of list.labels.
    std::vector<std::size_t> chosen;
    if (params.sides == CalloutSides::Each) {
        for (std::size_t k = 0; k < list.labels.size(); ++k)
            if (seen[k]) chosen.push_back(k);
    } else {
        std::map<std::string, std::size_t> best;
        std::vector<std::string> order;
        for (std::size_t k = 0; k < list.labels.size(); ++k) {
            const std::string& id = list.labels[k].muscleId;
            if (std::find(order.begin(), order.end(), id) == order.end()) order.push_back(id);
            if (!seen[k]) continue;
            auto it = best.find(id);
            if (it == best.end() || seen[k]->coverage > seen[it->second]->coverage) best[id] = k;
        }
        for (const std::string& id : order) {
            auto it = best.find(id);
            if (it == best.end()) plan.warnings.push_back("no label for " + id + ": it is hidden in this view");
            else chosen.push_back(it->second);
        }
    }

    std::vector<gfx::CalloutRequest> requests;
    for (std::size_t k : chosen) {
        const LabelAnchor& a = list.labels[k];
        gfx::LabelCallout c;
        // A number belongs to one side: name it where the muscle has anchors on both sides.
        const bool bothSides = std::any_of(list.labels.begin(), list.labels.end(), [&](const LabelAnchor& o) {
            return o.muscleId == a.muscleId && o.side != a.side;
        });
        const bool named = params.sides == CalloutSides::Each || (!a.detail.empty() && bothSides);
        c.text = (named ? sideText(a) : a.text) + (a.detail.empty() ? "" : ": " + a.detail);
        c.color = a.color;
        c.source = k;
        requests.push_back({seen[k]->pixel * scale, boxSize(c.text)});
        plan.callouts.push_back(std::move(c));
    }
    gfx::CalloutLayoutParams lp;
    lp.width = params.size.x;
    lp.height = params.size.y;
    lp.margin = params.margin;
    lp.gap = params.gap;
    lp.leaderMin = params.leaderMin;
    lp.figureMin = figMin * scale;
    lp.figureMax = figMax * scale;
    const auto callouts = gfx::layoutCallouts(requests, lp);
    for (std::size_t k = 0; k < plan.callouts.size(); ++k) {
        plan.callouts[k].callout = callouts[k];
        plan.callouts[k].callout.anchor = requests[k].anchor; // also where an unplaced one would point
        if (!callouts[k].placed) plan.warnings.push_back("no room for the label \"" + plan.callouts[k].text + "\"");
    }
    return plan;
}

gfx::CalloutPlanner figureCallouts(const DrawList& list, const gfx::Camera& camera) {
    if (list.labels.empty()) return {};
    return [&list, &camera](const gfx::CalloutCanvas& canvas) {
        const int bw = canvas.width, bh = canvas.height;
        // Where each label can point: the visible pixels of its muscle in an id image of about
        // 540 rows (ghosts do not hide anything), enough to find where a label can point. Only
        // what can hide a labelled muscle is drawn into it.
        const int div = std::max(1, (bh + 270) / 540);
        const int iw = std::max(1, bw / div), ih = std::max(1, bh / div);
        const std::vector<std::uint32_t> ids = canvas.renderIds(calloutOccluders(list, camera, iw, ih), iw, ih);
        CalloutPlanParams p;
        p.sides = CalloutSides::MostVisible;
        p.size = glm::vec2(static_cast<float>(bw), static_cast<float>(bh));
        p.margin = std::round(static_cast<float>(bh) * 0.02f);
        p.gap = std::round(static_cast<float>(bh) * 0.01f);
        p.leaderMin = std::round(static_cast<float>(bh) * 0.04f);
        return planCallouts(list, camera, IdImage{ids, iw, ih}, canvas.boxSize, p);
    };
}

} // namespace hv::draw
