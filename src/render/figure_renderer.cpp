#include "render/figure_renderer.hpp"

#include <epoxy/gl.h>

#include <algorithm>
#include <cmath>

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

Figure FigureRenderer::render(std::span<const gfx::DrawItem> items, const gfx::Camera& camera, const FigureOptions& o,
                              const gfx::CalloutPlanner& callouts) {
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
    m_renderer->render(items, camera, rs, m_big->framebuffer());

    const auto labelStyle = [&] {
        LabelStyle style;
        style.fontPixels = std::clamp(std::round(static_cast<float>(bh) * 0.024f), 11.0f, 400.0f);
        style.padding = std::round(style.fontPixels * 0.4f);
        style.lineWidth = std::max(1.0f, static_cast<float>(bh) / 600.0f);
        style.dotRadius = std::max(3.0f, static_cast<float>(bh) / 230.0f);
        style.onTransparent = o.background.a < 1.0f;
        return style;
    };
    if (o.labels && callouts) {
        LabelOverlay* overlay = labels();
        if (!overlay) {
            fig.warnings.push_back("labels left out: " + m_labelError);
        } else {
            const LabelStyle style = labelStyle();
            gfx::CalloutCanvas canvas;
            canvas.width = bw;
            canvas.height = bh;
            canvas.boxSize = [&](std::string_view text) { return overlay->boxSize(text, style); };
            canvas.renderIds = [&](std::span<const gfx::DrawItem> idItems, int w, int h) {
                return m_renderer->renderIds(idItems, camera, w, h, false);
            };
            gfx::CalloutPlan plan = callouts(canvas);
            fig.warnings.insert(fig.warnings.end(), plan.warnings.begin(), plan.warnings.end());
            const float inv = 1.0f / static_cast<float>(scale);
            for (const gfx::LabelCallout& l : plan.callouts)
                if (l.callout.placed)
                    fig.labels.push_back({l.text, l.callout.anchor * inv, l.callout.boxMin * inv, l.callout.boxMax * inv});
            overlay->draw(plan.callouts, style, bw, bh, m_big->framebuffer());
        }
    }

    if (!o.captions.empty()) {
        if (LabelOverlay* overlay = labels()) {
            std::vector<LabelOverlay::Caption> big = o.captions;
            for (LabelOverlay::Caption& c : big) {
                c.topLeft *= static_cast<float>(scale);
                c.maxWidth *= static_cast<float>(scale);
            }
            overlay->drawCaptions(big, labelStyle(), bw, bh, m_big->framebuffer());
        } else {
            fig.warnings.push_back("captions left out: " + m_labelError);
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
