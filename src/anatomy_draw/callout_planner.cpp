#include "anatomy_draw/callout_planner.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace hv::draw {

gfx::CalloutPlanner figureCallouts(const DrawList& list, const gfx::Camera& camera) {
    if (list.labels.empty()) return {};
    return [&list, &camera](const gfx::CalloutCanvas& canvas) {
        gfx::CalloutPlan plan;
        const int bw = canvas.width, bh = canvas.height;
        // Where each label can point: the visible pixels of its muscle in an id image at half
        // size (ghosts do not hide anything).
        // About 540 rows are enough to find where a label can point.
        const int div = std::max(1, (bh + 270) / 540);
        const int iw = std::max(1, bw / div), ih = std::max(1, bh / div);
        // Each item's box on screen (id-image pixels); false and the whole image when unknown
        // (no box, or a corner behind the camera). A skinned item's box is exact only for a
        // rigid bone of HipView's skeleton; other skins' boxes are approximate.
        const auto screenBox = [&](const gfx::DrawItem& i, glm::vec2& lo, glm::vec2& hi) {
            lo = glm::vec2(0.0f);
            hi = glm::vec2(static_cast<float>(iw), static_cast<float>(ih));
            if (i.bounds.empty()) return false;
            glm::vec2 a(1e30f), b(-1e30f);
            for (int c = 0; c < 8; ++c) {
                const glm::vec3 p((c & 1) ? i.bounds.max.x : i.bounds.min.x, (c & 2) ? i.bounds.max.y : i.bounds.min.y,
                                  (c & 4) ? i.bounds.max.z : i.bounds.min.z);
                float depth = 0.0f;
                const glm::vec2 px = gfx::projectToPixels(camera, p, static_cast<float>(iw), static_cast<float>(ih), &depth);
                if (depth <= camera.nearZ) return false;
                a = glm::min(a, px), b = glm::max(b, px);
            }
            lo = a, hi = b;
            return true;
        };
        // Only what can hide a labelled muscle is drawn into the id image: items whose boxes
        // meet the labelled muscles' boxes. The figure's extent comes from all the boxes.
        glm::vec2 figMin(1e30f), figMax(-1e30f), focusMin(1e30f), focusMax(-1e30f);
        std::vector<std::uint32_t> labelled;
        for (const LabelAnchor& a : list.labels) labelled.insert(labelled.end(), a.pickIds.begin(), a.pickIds.end());
        std::vector<glm::vec4> boxes(list.items.size());
        std::vector<char> exact(list.items.size(), 0);
        for (std::size_t k = 0; k < list.items.size(); ++k) {
            const gfx::DrawItem& i = list.items[k];
            glm::vec2 lo, hi;
            const PickTarget* t = list.target(i.pickId);
            exact[k] = screenBox(i, lo, hi) && (!i.skinned() || (t && t->kind == PickTarget::Kind::Bone));
            boxes[k] = glm::vec4(lo, hi);
            if ((i.flags & gfx::kGhosted) || i.material.alphaBlend) continue;
            figMin = glm::min(figMin, lo), figMax = glm::max(figMax, hi);
            if (std::find(labelled.begin(), labelled.end(), i.pickId) != labelled.end())
                focusMin = glm::min(focusMin, lo), focusMax = glm::max(focusMax, hi);
        }
        std::vector<gfx::DrawItem> occluders;
        for (std::size_t k = 0; k < list.items.size(); ++k) {
            const glm::vec4& b = boxes[k];
            if (!exact[k] || (b.x <= focusMax.x && b.z >= focusMin.x && b.y <= focusMax.y && b.w >= focusMin.y))
                occluders.push_back(list.items[k]);
        }
        const auto ids = canvas.renderIds(occluders, iw, ih);
        const float toBig = static_cast<float>(bw) / static_cast<float>(iw);
        figMin = glm::clamp(figMin, glm::vec2(0.0f), glm::vec2(static_cast<float>(iw), static_cast<float>(ih)));
        figMax = glm::clamp(figMax, glm::vec2(0.0f), glm::vec2(static_cast<float>(iw), static_cast<float>(ih)));
        if (figMin.x > figMax.x) figMin = figMax = glm::vec2(0.5f * static_cast<float>(iw), 0.5f * static_cast<float>(ih));
        // One label per muscle: its side with the most visible pixels.
        struct Choice {
            std::size_t label;
            gfx::VisibleAnchor anchor;
        };
        std::map<std::string, Choice> best;
        std::vector<std::string> order;
        for (std::size_t k = 0; k < list.labels.size(); ++k) {
            const LabelAnchor& a = list.labels[k];
            const glm::vec2 pref = gfx::projectToPixels(camera, a.position, static_cast<float>(iw), static_cast<float>(ih));
            const auto v = gfx::visibleAnchor(ids, iw, ih, a.pickIds, pref);
            if (std::find(order.begin(), order.end(), a.muscleId) == order.end()) order.push_back(a.muscleId);
            if (!v) continue;
            auto it = best.find(a.muscleId);
            if (it == best.end() || v->coverage > it->second.anchor.coverage) best[a.muscleId] = {k, *v};
        }
        std::vector<gfx::CalloutRequest> requests;
        for (const std::string& id : order) {
            auto it = best.find(id);
            if (it == best.end()) {
                plan.warnings.push_back("no label for " + id + ": it is hidden in this view");
                continue;
            }
            const LabelAnchor& a = list.labels[it->second.label];
            gfx::CalloutRequest r;
            r.anchor = it->second.anchor.pixel * toBig;
            r.size = canvas.boxSize(a.text);
            requests.push_back(r);
            gfx::LabelCallout d;
            d.text = a.text;
            d.color = a.color;
            plan.callouts.push_back(d);
        }
        gfx::CalloutLayoutParams lp;
        lp.width = static_cast<float>(bw);
        lp.height = static_cast<float>(bh);
        lp.margin = std::round(static_cast<float>(bh) * 0.02f);
        lp.gap = std::round(static_cast<float>(bh) * 0.01f);
        lp.leaderMin = std::round(static_cast<float>(bh) * 0.04f);
        lp.figureMin = figMin * toBig;
        lp.figureMax = figMax * toBig;
        const auto callouts = gfx::layoutCallouts(requests, lp);
        for (std::size_t k = 0; k < plan.callouts.size(); ++k) {
            plan.callouts[k].callout = callouts[k];
            if (!callouts[k].placed) plan.warnings.push_back("no room for the label \"" + plan.callouts[k].text + "\"");
        }
        return plan;
    };
}

} // namespace hv::draw
