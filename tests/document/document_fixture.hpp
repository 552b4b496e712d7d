// The project's content and movements, loaded once per test executable, for the view-state tests.
#pragma once

#include "content/content.hpp"
#include "movement/loader.hpp"

#include <doctest/doctest.h>

#include <string>

namespace hv::test {

inline const Content& uiContent() {
    static const ContentLoad load = loadContent(HV_SOURCE_DIR "/content");
    if (!load.content) FAIL(formatAll(load.diagnostics));
    return *load.content;
}

inline const movement::MovementLibrary& uiMovements() {
    static const movement::MovementLoad load =
        movement::loadMovements(HV_SOURCE_DIR "/content/movements.toml", uiContent());
    if (!load.library) FAIL(formatAll(load.diagnostics));
    return *load.library;
}

inline int coord(const std::string& name) {
    const int c = uiContent().model.findCoordinate(name);
    if (c < 0) FAIL("no coordinate " << name);
    return c;
}

inline bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// A path where no model file is, so a Document starts with the stand-in bones.
inline const char* kNoDefaultModel = HV_BINARY_DIR "/no-such-default-model.glb";

} // namespace hv::test
