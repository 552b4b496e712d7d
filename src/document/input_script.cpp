#include "document/input_script.hpp"

#include "core/pose_text.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace hv::doc {

namespace {

const std::vector<std::string>& opNames() {
    static const std::vector<std::string> names{"click",  "key",        "wait-frames",
                                                "report", "screenshot", "quit"};
    return names;
}

std::vector<std::string> words(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> out;
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

} // namespace

const std::vector<std::string>& scriptKeyNames() {
    static const std::vector<std::string> names{
        "escape",   "enter", "space", "tab", "left", "right", "up", "down", "pageup",
        "pagedown", "home",  "f",     "1",   "2",    "3",     "4",  "5",    "6"};
    return names;
}

InputScript parseInputScript(std::string_view text, const std::string& displayName) {
    InputScript script;
    std::istringstream in{std::string(text)};
    int lineNo = 0;
    for (std::string line; std::getline(in, line);) {
        ++lineNo;
        const std::vector<std::string> w = words(line);
        if (w.empty() || w[0][0] == '#') continue;
        const auto problem = [&](const std::string& why) {
            script.diagnostics.push_back({displayName, lineNo, 0, w[0], why});
        };
        const auto op = std::find(opNames().begin(), opNames().end(), w[0]);
        if (op == opNames().end()) {
            const std::string hint = closestMatch(w[0], opNames());
            problem("unknown command \"" + w[0] + "\"" +
                    (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") +
                    "; valid commands: " + joinNames(opNames()));
            continue;
        }
        ScriptCommand c;
        c.op = static_cast<ScriptCommand::Op>(op - opNames().begin());
        c.line = lineNo;
        const std::size_t want = c.op == ScriptCommand::Op::Click  ? 3
                                 : c.op == ScriptCommand::Op::Quit ? 1
                                                                   : 2;
        if (w.size() != want) {
            const char* usage[] = {"click X Y",   "key NAME",        "wait-frames N",
                                   "report FILE", "screenshot FILE", "quit"};
            problem("expected \"" + std::string(usage[static_cast<int>(c.op)]) + "\", got " +
                    std::to_string(w.size() - 1) + " argument" + (w.size() == 2 ? "" : "s"));
            continue;
        }
        switch (c.op) {
        case ScriptCommand::Op::Click: {
            const auto x = parseNumber(w[1]), y = parseNumber(w[2]);
            if (!x || !y || *x < 0 || *y < 0 || !std::isfinite(*x) || !std::isfinite(*y)) {
                problem("\"" + w[1] + " " + w[2] + "\": expected two pixel coordinates, 0 or more");
                continue;
            }
            c.x = static_cast<float>(*x), c.y = static_cast<float>(*y);
            break;
        }
        case ScriptCommand::Op::Key: {
            const auto& keys = scriptKeyNames();
            if (std::find(keys.begin(), keys.end(), w[1]) == keys.end()) {
                const std::string hint = closestMatch(w[1], keys);
                problem("unknown key \"" + w[1] + "\"" +
                        (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") +
                        "; valid keys: " + joinNames(keys));
                continue;
            }
            c.key = w[1];
            break;
        }
        case ScriptCommand::Op::WaitFrames: {
            const auto n = parseNumber(w[1]);
            if (!n || *n < 0 || *n > 100000 || std::floor(*n) != *n) {
                problem("\"" + w[1] + "\": expected a whole number of frames from 0 to 100000");
                continue;
            }
            c.frames = static_cast<int>(*n);
            break;
        }
        case ScriptCommand::Op::Report:
        case ScriptCommand::Op::Screenshot:
            c.path = w[1];
            break;
        case ScriptCommand::Op::Quit:
            break;
        }
        script.commands.push_back(std::move(c));
    }
    if (!script.diagnostics.empty()) script.commands.clear();
    return script;
}

InputScript readInputScript(const std::filesystem::path& path, const std::string& displayName) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        InputScript s;
        s.diagnostics.push_back({displayName, 0, 0, "", "cannot read the script file"});
        return s;
    }
    std::ostringstream text;
    text << f.rdbuf();
    return parseInputScript(text.str(), displayName);
}

} // namespace hv::doc
