// "Save figure...": the window's current view as a figure spec (anatomy_draw/figure_spec.hpp),
// written as a scene file so `hipview render SCENE` draws the same picture at any time. GL-free.
#pragma once

#include "anatomy_draw/figure_spec.hpp"
#include "document/document.hpp"
#include "document/orbit_camera.hpp"

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

// The spec of the current view: the orbit camera (with its target), the pose (or the movement and
// time when a movement plays without restrictions, so a lying posture stays lying), the selection
// as the highlight, the layers as a show list, the model when it is not the default one.
// `notes` receives what a figure cannot carry (e.g. stretch-map colours, a restricted hip).
draw::FigureSpec figureFromView(Document& document, const OrbitCamera& camera, const FigureExportOptions& options,
                                std::vector<std::string>& notes);

// The show list of a layer state ("" items left out: an empty list means the default).
std::vector<std::string> showList(const Content& content, const LayerState& layers, bool thirdPartyModel);

} // namespace hv::doc
