#include "ui/scene_view.hpp"

#include <epoxy/gl.h>

namespace hv::ui {

using namespace hv::doc;

SceneView::SceneView(render::Renderer& renderer) : m_renderer(&renderer) {}
SceneView::~SceneView() = default;

void SceneView::draw(std::span<const gfx::DrawItem> items, const gfx::Camera& camera, int width, int height,
                     const Quality& quality, const render::RenderSettings& base) {
    int w = 0, h = 0;
    scaledSize(quality, width, height, w, h);
    if (!m_target || m_target->width() != w || m_target->height() != h)
        m_target = std::make_unique<render::OffscreenTarget>(w, h);
    render::RenderSettings s = base;
    s.width = w;
    s.height = h;
    s.samples = quality.samples;
    s.ambientOcclusion = quality.ambientOcclusion;
    // Outline widths are in pixels of the picture: keep them the same on screen.
    s.outlinePixels = base.outlinePixels * quality.resolutionScale;
    m_renderer->render(items, camera, s, m_target->framebuffer());
    m_viewW = width;
    m_viewH = height;
    m_idsValid[0] = m_idsValid[1] = false;
}

bool SceneView::hasPicture() const { return m_target != nullptr; }
int SceneView::pictureWidth() const { return m_target ? m_target->width() : 0; }
int SceneView::pictureHeight() const { return m_target ? m_target->height() : 0; }

void SceneView::present(unsigned target, int x, int y, int w, int h) const {
    if (!m_target) return;
    if (w == m_target->width() && h == m_target->height()) {
        // Same size: a plain copy.
        glBindFramebuffer(GL_READ_FRAMEBUFFER, m_target->framebuffer());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target);
        glBlitFramebuffer(0, 0, w, h, x, y, x + w, y + h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        glBindFramebuffer(GL_FRAMEBUFFER, target);
        return;
    }
    // Scaled: a bilinear draw (llvmpipe's filtered blit costs about twice as much).
    m_renderer->present(*m_target, target, x, y, w, h);
}

scene::Image SceneView::readPicture() const { return m_target ? m_target->read() : scene::Image{}; }

const std::vector<std::uint32_t>& SceneView::ids(std::span<const gfx::DrawItem> items, const gfx::Camera& camera,
                                                  bool withGhosts) {
    const int k = withGhosts ? 1 : 0;
    if (!m_idsValid[k] && m_viewW > 0 && m_viewH > 0) {
        m_ids[k] = m_renderer->renderIds(items, camera, m_viewW, m_viewH, withGhosts);
        m_idsValid[k] = true;
    }
    return m_ids[k];
}

std::uint32_t SceneView::pickAt(std::span<const gfx::DrawItem> items, const gfx::Camera& camera, int x, int y,
                                const std::function<bool(std::uint32_t)>& isMuscle) {
    if (x < 0 || y < 0 || x >= m_viewW || y >= m_viewH) return 0;
    const std::size_t at = static_cast<std::size_t>(y) * static_cast<std::size_t>(m_viewW) + static_cast<std::size_t>(x);
    const auto& solid = ids(items, camera, false);
    const std::uint32_t id = solid.empty() ? 0 : solid[at];
    if (!isMuscle || isMuscle(id)) return id;
    const auto& all = ids(items, camera, true);
    const std::uint32_t ghost = all.empty() ? 0 : all[at];
    return isMuscle(ghost) ? ghost : id;
}

} // namespace hv::ui
