// The standard anatomical views of figures and the window (anterior, posterior, lateral, medial,
// superior, inferior): their names and where each looks from in the scene frame (glTF's: Y up,
// +Z the subject's front, -X the subject's right). They live with the anatomy drawer, not in gfx,
// because they are anatomical terms: a medial view shows one body side only. GL-free.
#pragma once

#include "core/model.hpp"
#include "gfx/camera.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hv::draw {

enum class StandardView : unsigned char {
    Anterior, Posterior, LateralLeft, LateralRight, MedialLeft, MedialRight, Superior, Inferior
};

// "anterior", "posterior", "lateral-left", "lateral-right", "medial-left", "medial-right",
// "superior", "inferior", in that order.
const std::vector<std::string>& standardViewNames();
std::optional<StandardView> standardViewFromName(std::string_view name);
std::string_view standardViewName(StandardView view);

// Where a camera looks from for a standard view.
gfx::ViewDirection viewDirection(StandardView view);
// Medial views show one side only: which side's structures stay (the far one).
std::optional<Side> medialViewKeeps(StandardView view);

} // namespace hv::draw
