#include "render/figure_renderer.hpp"

#include <epoxy/gl.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace hv::render {

std::unique_ptr<FigureRenderer> FigureRenderer::createHeadless(std::string& error) {
    auto context = HeadlessContext::create(error);
    if (!context) return nullptr;
    auto f = createInCurrentContext(error);
    if (f) f->m_context = std::move(context);
    return f;
}

std::unique_ptr<FigureRenderer> FigureRenderer::createInCurrentContext(std::string& error) {
    std::unique_ptr<FigureRenderer> f(new FigureRenderer);
    f->m_renderer = Renderer::create(error);
    if (!f->m_renderer) return nullptr;
    return f;
}

FigureRenderer::~FigureRenderer() {
    // GL objects go before the context.
    m_labels.reset();
    m_big.reset();
    m_small.reset();
    m_renderer.reset();
    m_context.reset();
}

LabelOverlay* FigureRenderer::labels() {
    if (!m_labelsTried) {
        m_labelsTried = true;
        m_labels = LabelOverlay::create(kDefaultFontPath, m_labelError);
    }
    return m_labels.get();
}

Figure FigureRenderer::render(const draw::DrawList& list, const draw::Camera& camera, const FigureOptions& o) {
    Figure fig;
    const int scale = std::clamp(o.scale, 1, 8);
    const int bw = o.width * scale, bh = o.height * scale;
    if (!m_big || m_big->width() != bw || m_big->height() != bh) m_big = std::make_unique<OffscreenTarget>(bw, bh);
    RenderSettings rs;
    rs.width = bw;
    rs.height = bh;
    // Beyond 4K (supersampled or huge figures) multisampling costs gigabytes of framebuffer for
    // edges that the supersampling or the resolution already smooth: render single-sampled.
    rs.samples = static_cast<long long>(bw) * bh > 3840LL * 2160LL ? 1 : o.samples;
    rs.ambientOcclusion = o.ambientOcclusion;
    rs.background = o.background;
    rs.pixelScale = static_cast<float>(bh) / 1080.0f;
    m_renderer->render(list.items, camera, rs, m_big->framebuffer());

    if (o.labels && !list.labels.empty()) {
        LabelOverlay* overlay = labels();
        if (!overlay) {
            fig.warnings.push_back("labels left out: " + m_labelError);
        } else {
            // Where each label can point: the visible pixels of its muscle in an id image at half
            // size (ghosts do not hide anything).
            // About 540 rows are enough to find where a label can point.
            const int div = std::max(1, (bh + 270) / 540);
            const int iw = std::max(1, bw / div), ih = std::max(1, bh / div);
            // Each item's box on screen (id-image pixels); false and the whole image when unknown
            // (no box, or a corner behind the camera). A skinned item's box is exact only for a
            // rigid bone of HipView's skeleton; other skins' boxes are approximate.
            const auto screenBox = [&](const draw::DrawItem& i, glm::vec2& lo, glm::vec2& hi) {
                lo = glm::vec2(0.0f);
                hi = glm::vec2(static_cast<float>(iw), static_cast<float>(ih));
                if (i.bounds.empty()) return false;
                glm::vec2 a(1e30f), b(-1e30f);
                for (int c = 0; c < 8; ++c) {
                    const glm::vec3 p((c & 1) ? i.bounds.max.x : i.bounds.min.x, (c & 2) ? i.bounds.max.y : i.bounds.min.y,
                                      (c & 4) ? i.bounds.max.z : i.bounds.min.z);
                    float depth = 0.0f;
                    const glm::vec2 px = draw::projectToPixels(camera, p, static_cast<float>(iw), static_cast<float>(ih), &depth);
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
            for (const draw::LabelAnchor& a : list.labels) labelled.insert(labelled.end(), a.pickIds.begin(), a.pickIds.end());
            std::vector<glm::vec4> boxes(list.items.size());
            std::vector<char> exact(list.items.size(), 0);
            for (std::size_t k = 0; k < list.items.size(); ++k) {
                const draw::DrawItem& i = list.items[k];
                glm::vec2 lo, hi;
                const draw::PickTarget* t = list.target(i.pickId);
                exact[k] = screenBox(i, lo, hi) && (!i.skinned() || (t && t->kind == draw::PickTarget::Kind::Bone));
                boxes[k] = glm::vec4(lo, hi);
                if ((i.flags & draw::kGhosted) || i.material.alphaBlend) continue;
                figMin = glm::min(figMin, lo), figMax = glm::max(figMax, hi);
                if (std::find(labelled.begin(), labelled.end(), i.pickId) != labelled.end())
                    focusMin = glm::min(focusMin, lo), focusMax = glm::max(focusMax, hi);
            }
            std::vector<draw::DrawItem> occluders;
            for (std::size_t k = 0; k < list.items.size(); ++k) {
                const glm::vec4& b = boxes[k];
                if (!exact[k] || (b.x <= focusMax.x && b.z >= focusMin.x && b.y <= focusMax.y && b.w >= focusMin.y))
                    occluders.push_back(list.items[k]);
            }
            const auto ids = m_renderer->renderIds(occluders, camera, iw, ih, false);
            const float toBig = static_cast<float>(bw) / static_cast<float>(iw);
            figMin = glm::clamp(figMin, glm::vec2(0.0f), glm::vec2(static_cast<float>(iw), static_cast<float>(ih)));
            figMax = glm::clamp(figMax, glm::vec2(0.0f), glm::vec2(static_cast<float>(iw), static_cast<float>(ih)));
            if (figMin.x > figMax.x) figMin = figMax = glm::vec2(0.5f * static_cast<float>(iw), 0.5f * static_cast<float>(ih));
            // One label per muscle: its side with the most visible pixels.
            struct Choice {
                std::size_t label;
                draw::VisibleAnchor anchor;
            };
            std::map<std::string, Choice> best;
            std::vector<std::string> order;
            for (std::size_t k = 0; k < list.labels.size(); ++k) {
                const draw::LabelAnchor& a = list.labels[k];
                const glm::vec2 pref = draw::projectToPixels(camera, a.position, static_cast<float>(iw), static_cast<float>(ih));
                const auto v = draw::visibleAnchor(ids, iw, ih, a.pickIds, pref);
                if (std::find(order.begin(), order.end(), a.muscleId) == order.end()) order.push_back(a.muscleId);
                if (!v) continue;
                auto it = best.find(a.muscleId);
                if (it == best.end() || v->coverage > it->second.anchor.coverage) best[a.muscleId] = {k, *v};
            }
            LabelStyle style;
            style.fontPixels = std::clamp(std::round(static_cast<float>(bh) * 0.024f), 11.0f, 400.0f);
            style.padding = std::round(style.fontPixels * 0.4f);
            style.lineWidth = std::max(1.0f, static_cast<float>(bh) / 600.0f);
            style.dotRadius = std::max(3.0f, static_cast<float>(bh) / 230.0f);
            style.onTransparent = o.background.a < 1.0f;
            std::vector<draw::CalloutRequest> requests;
            std::vector<DrawnLabel> drawn;
            for (const std::string& id : order) {
                auto it = best.find(id);
                if (it == best.end()) {
                    fig.warnings.push_back("no label for " + id + ": it is hidden in this view");
                    continue;
                }
                const draw::LabelAnchor& a = list.labels[it->second.label];
                draw::CalloutRequest r;
                r.anchor = it->second.anchor.pixel * toBig;
                r.size = overlay->boxSize(a.text, style);
                requests.push_back(r);
                DrawnLabel d;
                d.text = a.text;
                d.color = a.color;
                drawn.push_back(d);
            }
            draw::CalloutLayoutParams lp;
            lp.width = static_cast<float>(bw);
            lp.height = static_cast<float>(bh);
            lp.margin = std::round(static_cast<float>(bh) * 0.02f);
            lp.gap = std::round(static_cast<float>(bh) * 0.01f);
            lp.leaderMin = std::round(static_cast<float>(bh) * 0.04f);
            lp.figureMin = figMin * toBig;
            lp.figureMax = figMax * toBig;
            const auto callouts = draw::layoutCallouts(requests, lp);
            for (std::size_t k = 0; k < drawn.size(); ++k) {
                drawn[k].callout = callouts[k];
                if (!callouts[k].placed) {
                    fig.warnings.push_back("no room for the label \"" + drawn[k].text + "\"");
                    continue;
                }
                const float inv = 1.0f / static_cast<float>(scale);
                fig.labels.push_back({drawn[k].text, callouts[k].anchor * inv, callouts[k].boxMin * inv, callouts[k].boxMax * inv});
            }
            overlay->draw(drawn, style, bw, bh, m_big->framebuffer());
        }
    }

    if (scale > 1) {
        if (!m_small || m_small->width() != o.width || m_small->height() != o.height)
            m_small = std::make_unique<OffscreenTarget>(o.width, o.height);
        m_renderer->downsample(*m_big, *m_small, scale);
        fig.image = m_small->read();
    } else {
        fig.image = m_big->read();
    }
    return fig;
}

} // namespace hv::render
