#include "document/input_script.hpp"

#include <doctest/doctest.h>

using namespace hv;
using namespace hv::doc;

namespace {
bool has(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}
} // namespace

TEST_CASE("an input script is read command by command with its arguments and lines") {
    const InputScript s = parseInputScript(
        "# answer the first question\n\nclick 100 250.5\nkey escape\nwait-frames 3\n"
        "report out/state.txt\nscreenshot out/shot.png\nquit\n",
        "test.script");
    CHECK(s.diagnostics.empty());
    REQUIRE(s.commands.size() == 6);
    CHECK(s.commands[0].op == ScriptCommand::Op::Click);
    CHECK(s.commands[0].x == doctest::Approx(100.0));
    CHECK(s.commands[0].y == doctest::Approx(250.5));
    CHECK(s.commands[0].line == 3);
    CHECK(s.commands[1].op == ScriptCommand::Op::Key);
    CHECK(s.commands[1].key == "escape");
    CHECK(s.commands[2].op == ScriptCommand::Op::WaitFrames);
    CHECK(s.commands[2].frames == 3);
    CHECK(s.commands[3].op == ScriptCommand::Op::Report);
    CHECK(s.commands[3].path == "out/state.txt");
    CHECK(s.commands[4].op == ScriptCommand::Op::Screenshot);
    CHECK(s.commands[5].op == ScriptCommand::Op::Quit);
}

TEST_CASE("bad script lines get one message each with the script, the line and the valid names, "
          "and nothing is replayed") {
    const InputScript s = parseInputScript(
        "clik 1 2\nclick 10\nkey escap\nwait-frames -1\nclick a b\n", "bad.script");
    CHECK(s.commands.empty());
    REQUIRE(s.diagnostics.size() == 5);
    CHECK(has(s.diagnostics[0].format(), "bad.script:1:"));
    CHECK(has(s.diagnostics[0].message, "did you mean \"click\""));
    CHECK(has(s.diagnostics[1].message, "click X Y"));
    CHECK(s.diagnostics[1].line == 2);
    CHECK(has(s.diagnostics[2].message, "did you mean \"escape\""));
    CHECK(has(s.diagnostics[2].message, "pagedown"));
    CHECK(has(s.diagnostics[3].message, "whole number"));
    CHECK(has(s.diagnostics[4].message, "pixel coordinates"));
}

TEST_CASE("an unreadable script file is one message naming it") {
    const InputScript s = readInputScript("/no/such/dir/x.script", "x.script");
    CHECK(s.commands.empty());
    REQUIRE(s.diagnostics.size() == 1);
    CHECK(has(s.diagnostics[0].format(), "x.script"));
    CHECK(has(s.diagnostics[0].message, "cannot read"));
}
