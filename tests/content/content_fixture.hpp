// The project's own content, loaded once per test executable.
#pragma once

#include "content/content.hpp"

#include <doctest/doctest.h>

namespace hv::test {

inline const Content& projectContent() {
    static const ContentLoad load = loadContent(HV_SOURCE_DIR "/content");
    if (!load.content) FAIL(formatAll(load.diagnostics));
    return *load.content;
}

} // namespace hv::test
