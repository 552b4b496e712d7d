// The project's own content (content/), loaded once per fuzz process for the targets that read
// files checked against it (movements, scene files), and a quick use of a loaded model: the core's
// kinematics, path lengths and moment arms at the default pose.
#pragma once

#include "content/content.hpp"

namespace hv::fuzz {

// The project's content folder, loaded; aborts when it does not load (the fuzzers need it).
const Content& projectContent();

// Poses the model, measures every part's path at the default pose and a flexed one and a few
// moment arms: what `hipview report` and the viewer do with a model the loader accepted.
void exerciseModel(const Model& model);

} // namespace hv::fuzz
