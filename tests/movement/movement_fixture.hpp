// The project's content and movements, loaded once per test executable, and small helpers.
#pragma once

#include "content/content.hpp"
#include "content/content_fixture.hpp"
#include "movement/loader.hpp"
#include "movement/player.hpp"

#include <doctest/doctest.h>

#include <string>

namespace hv::test {

inline const Content& content() { return projectContent(); }

// A small valid movements file (one movement, "lift", two keys); tests add to it or replace one
// piece of it.
inline const std::string kLiftMovementFile = R"(schema = "hipview-movements 1"

[[movement]]
id = "lift"
title = "Lift"
category = "movement"
summary = "The right thigh comes up."
plain = "Your right thigh comes up."

[[movement.key]]
t = 0

[[movement.key]]
t = 1.5
pose = { hip_flexion_r = 30 }
)";

// The project's movements (content/movements.toml), loaded once per test executable.
inline const movement::MovementLibrary& movements() {
    static const movement::MovementLoad load = movement::loadMovements(HV_SOURCE_DIR "/content/movements.toml", content());
    if (!load.library) FAIL(formatAll(load.diagnostics));
    return *load.library;
}

inline const movement::Movement& movementById(const std::string& id) {
    const movement::Movement* m = movements().find(id);
    if (!m) FAIL("no movement " << id);
    return *m;
}

inline int coordinate(const std::string& name) {
    const int c = content().model.findCoordinate(name);
    if (c < 0) FAIL("no coordinate " << name);
    return c;
}

inline int muscle(const std::string& id, Side side) {
    const int m = content().model.findMuscle(id, side);
    if (m < 0) FAIL("no muscle " << id);
    return m;
}

inline bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

} // namespace hv::test
