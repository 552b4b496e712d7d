#include "anatomy_draw/standard_view.hpp"

namespace hv::draw {

const std::vector<std::string>& standardViewNames() {
    static const std::vector<std::string> names{"anterior",     "posterior",    "lateral-left", "lateral-right",
                                                "medial-left",  "medial-right", "superior",     "inferior"};
    return names;
}

std::optional<StandardView> standardViewFromName(std::string_view name) {
    const auto& names = standardViewNames();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<StandardView>(i);
    return std::nullopt;
}

std::string_view standardViewName(StandardView view) { return standardViewNames()[static_cast<std::size_t>(view)]; }

gfx::ViewDirection viewDirection(StandardView view) {
    switch (view) {
    case StandardView::Anterior: return {{0, 0, 1}, {0, 1, 0}};
    case StandardView::Posterior: return {{0, 0, -1}, {0, 1, 0}};
    case StandardView::LateralRight: return {{-1, 0, 0}, {0, 1, 0}}; // from the subject's right
    case StandardView::LateralLeft: return {{1, 0, 0}, {0, 1, 0}};
    case StandardView::MedialLeft: return {{-1, 0, 0}, {0, 1, 0}};  // from the right, at the left side
    case StandardView::MedialRight: return {{1, 0, 0}, {0, 1, 0}};
    case StandardView::Superior: return {{0, 1, 0}, {0, 0, 1}};      // front at the top
    case StandardView::Inferior: return {{0, -1, 0}, {0, 0, 1}};
    }
    return {};
}

std::optional<Side> medialViewKeeps(StandardView view) {
    if (view == StandardView::MedialLeft) return Side::Left;
    if (view == StandardView::MedialRight) return Side::Right;
    return std::nullopt;
}

} // namespace hv::draw
