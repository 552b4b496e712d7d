// Every movement has a plain-words text that reads at grade 8 or below, and a movement without
// one is refused with the file and the line.
#include "movement_fixture.hpp"

#include "content/readability.hpp"
#include "core/text.hpp"

using namespace hv;
using namespace hv::movement;

TEST_CASE("every movement has a plain text at Flesch-Kincaid grade 8 or below that differs from "
          "its summary") {
    const MovementLibrary& lib = test::movements();
    REQUIRE(lib.movements.size() >= 25);
    for (const Movement& m : lib.movements) {
        CAPTURE(m.id);
        REQUIRE_FALSE(m.plain.empty());
        CHECK(fleschKincaidGrade(m.plain) <= 8.0);
        CHECK(m.plain != m.summary);
        CHECK(toLower(m.plain).find("your") != std::string::npos); // spoken to the reader
    }
}

TEST_CASE("a movement without plain words is reported with its file line and field") {
    const std::string text = R"(schema = "hipview-movements 1"

[[movement]]
id = "lift"
title = "Lift"
category = "movement"
summary = "The right thigh comes up."

[[movement.key]]
t = 0

[[movement.key]]
t = 1
pose = { hip_flexion_r = 30 }
)";
    const MovementLoad load = loadMovementsFromString(text, "movements.toml", test::content());
    CHECK_FALSE(load.library.has_value());
    REQUIRE(load.diagnostics.size() == 1);
    const Diagnostic& d = load.diagnostics.front();
    CHECK(d.line == 3); // the [[movement]] table
    CHECK(d.field.find("plain") != std::string::npos);
    CHECK(d.message.find("required field is missing") != std::string::npos);
}
