// A script of input for the window, for tests and demonstrations: one command a line, replayed by
// the window through the same paths as a person's mouse and keys. GL-free: parsed and checked
// here, before any window opens.
//
//   click X Y         move the mouse to (X, Y), press and release the left button there; X, Y in
//                     framebuffer pixels from the window's top-left corner (what --report-state
//                     writes)
//   key NAME          press and release a key: escape, enter, space, tab, left, right, up, down,
//                     pageup, pagedown, home, f, 1 ... 6
//   wait-frames N     let N frames pass (0 to 100000)
//   report FILE       write the state report (--report-state's lines) to FILE
//   screenshot FILE   write the window's pixels (PNG) to FILE
//   quit              close the window
// Blank lines and lines starting with '#' are ignored. Every command but wait-frames waits until
// the window shows a still, full-quality picture.
#pragma once

#include "core/diagnostic.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hv::doc {

struct ScriptCommand {
    enum class Op : unsigned char { Click, Key, WaitFrames, Report, Screenshot, Quit };
    Op op = Op::WaitFrames;
    float x = 0.0f, y = 0.0f; // Click: framebuffer pixels, top-left origin
    std::string key;          // Key: one of scriptKeyNames()
    int frames = 0;           // WaitFrames
    std::string path;         // Report, Screenshot
    int line = 0;             // 1-based, in the script
};

struct InputScript {
    std::vector<ScriptCommand> commands; // empty when there were problems
    Diagnostics diagnostics; // one per bad line, naming the script, the line and the reason
};

// The key names a script may press, in the order listed above.
const std::vector<std::string>& scriptKeyNames();

InputScript parseInputScript(std::string_view text, const std::string& displayName);
// Reads and parses the file; an unreadable file is one diagnostic.
InputScript readInputScript(const std::filesystem::path& path, const std::string& displayName);

} // namespace hv::doc
