// "Save figure...": the window's current view as a figure spec (anatomy_draw/figure_spec.hpp),
// written as a scene file so `hipview render SCENE` draws the same picture at any time. GL-free.
#pragma once

#include "anatomy_draw/figure_spec.hpp"
#include "document/document.hpp"
#include "document/orbit_camera.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hv::doc {

struct FigureExportOptions {
    std::string output;      // the PNG's name, as written into the file (relative to its folder)
    int width = 1920, height = 1080;
    bool labels = true;
    std::string background = "#ffffff";
    int scale = 1;
};

// The spec of the current view: the orbit camera (with its target), the pose (or the movement, its
// time, restricted hip and gluteus medius strength, so a lying posture stays lying), the selection
// as the highlight, the layers as a show list and a side, the colour mode with its hip coordinate,
// the bone shape, the model when it is not the default one. `notes` receives what a figure cannot
// carry (muscles left solid beside a highlight).
draw::FigureSpec figureFromView(Document& document, const OrbitCamera& camera, const FigureExportOptions& options,
                                std::vector<std::string>& notes);

// The inverse for everything a document holds: bone shape, colour mode and its coordinate,
// restricted hip and gluteus medius strength, the movement at its time (paused) or the pose. The
// spec's layers and highlights are not document state: figureDrawOptions() gives them to
// Document::buildList(). A spec that names something unknown changes nothing and gets one
// message per problem (validateFigure() reports the same, with the valid names).
Diagnostics applyFigure(Document& document, const draw::FigureSpec& spec);

// A figure whose list `list` (drawn by `document` for `spec`) holds nothing: one message naming
// each layer that was asked for and why it drew nothing (e.g. `model` with HipView's own skeleton,
// whose meshes are the `bones` layer). nullopt when something is drawn.
std::optional<Diagnostic> emptyFigure(const draw::DrawList& list, const draw::FigureSpec& spec, const Document& document);

// The show list of a layer state ("" items left out: an empty list means the default).
std::vector<std::string> showList(const Content& content, const LayerState& layers, bool thirdPartyModel);

} // namespace hv::doc
