// The project's content and movements (loaded once per test executable), for the view-state tests.
#pragma once

#include "content/content.hpp"
#include "movement/movement_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

namespace hv::test {

inline const Content& uiContent() { return projectContent(); }
inline const movement::MovementLibrary& uiMovements() { return movements(); }

inline int coord(const std::string& name) {
    const int c = uiContent().model.findCoordinate(name);
    if (c < 0) FAIL("no coordinate " << name);
    return c;
}

inline bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// A path where no model file is, so a Document starts with the stand-in bones.
inline const char* kNoDefaultModel = HV_BINARY_DIR "/no-such-default-model.glb";

} // namespace hv::test
