// hipview present LESSON.toml: a lesson in front of a class (document/lesson.hpp reads it; the
// window's presenter mode, src/ui/presenter.cpp, shows it): full screen, no panels, large captions
// and callouts, one step at a time with a presentation clicker's keys.
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/load_content.hpp"

#include "anatomy_draw/figure_spec.hpp"
#include "document/lesson.hpp"
#include "core/text.hpp"
#include "movement/loader.hpp"
#include "ui/viewer.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>

namespace hv::cli {

namespace {

constexpr const char* kHelp =
    "usage: hipview present LESSON.toml [options]\n\n"
    "Shows a lesson (a title and a sequence of steps: view, pose or movement, the muscle shown,\n"
    "colours, words and a caption; see content/README.md and content/lessons/) full screen, with no\n"
    "panels and text large enough to read from the back of a room. Each step is reached by a short\n"
    "animation of the camera and the pose.\n\n"
    "Keys (what a presentation clicker sends):\n"
    "  Page Down, Right, Space  the next step\n"
    "  Page Up, Left            the step before\n"
    "  Escape                   leave\n\n"
    "  --size WxH               a window of this size instead of full screen (at least 320x240)\n"
    "  --content DIR            the content folder\n\n"
    "For tests and scripts:\n"
    "  --keys KEY,KEY,...       press these keys one at a time, each once the step shown has settled:\n"
    "                           pagedown, pageup, right, left, space, escape\n"
    "  --screenshot FILE.png    then write the window's pixels\n"
    "  --report-state FILE      then write what is shown as key=value lines (lesson_step=I/N, the\n"
    "                           caption, selection, camera, pose, callout boxes); with --keys one block\n"
    "                           per stage (the start, then after each key), \"---\" lines between\n"
    "  --quit                   then close the window\n";

} // namespace

int runPresent(std::span<const std::string> argv) {
    Args args("present", argv);
    if (args.help(kHelp)) return kExitOk;
    const auto size = args.option("--size");
    const auto keys = args.option("--keys");
    ui::ViewerOptions options;
    options.screenshot = args.option("--screenshot").value_or("");
    options.stateReport = args.option("--report-state").value_or("");
    options.quit = args.flag("--quit");
    const std::string contentDir = contentDirectory(args);
    const std::vector<std::string> files = args.positionals();
    if (!args.finish()) return kExitUsage;
    if (files.size() != 1) {
        args.error(files.empty() ? "give the lesson file to present, e.g. hipview present content/lessons/piriformis_role.toml"
                                 : "give one lesson file; got " + joinNames(files));
        return kExitUsage;
    }
    if (size) {
        const auto s = draw::parseSize(*size);
        if (!s || s->x < 320 || s->y < 240) {
            args.error("--size \"" + *size + "\": expected WIDTHxHEIGHT in pixels, at least 320x240, e.g. 1920x1080");
            return kExitUsage;
        }
        options.width = s->x, options.height = s->y;
    } else {
        options.fullScreen = true;
    }
    if (keys) {
        for (const std::string& k : splitList(*keys)) {
            const auto& names = ui::presenterKeyNames();
            if (std::find(names.begin(), names.end(), k) == names.end()) {
                args.error("--keys: unknown key \"" + k + "\"" +
                           [&] {
                               const std::string h = closestMatch(k, names);
                               return h.empty() ? std::string() : " (did you mean \"" + h + "\"?)";
                           }() + "; valid keys: " + joinNames(names));
                return kExitUsage;
            }
            options.keys.push_back(k);
        }
    }

    const auto content = loadContentOrPrint(contentDir);
    if (!content) return kExitFailure;
    auto movements = movement::loadMovements(movement::defaultMovementFile(*content), *content);
    for (const Diagnostic& d : movements.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    const movement::MovementLibrary* library = movements.library ? &*movements.library : nullptr;

    doc::LessonLoad load = doc::loadLessonFile(files[0], *content, library);
    if (!load.lesson) {
        for (const Diagnostic& d : load.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        return kExitFailure;
    }
    options.lesson = std::make_shared<const doc::Lesson>(std::move(*load.lesson));
    options.panels = false;
    options.dataDirectory = dataDirectory();
    return ui::runViewer(*content, library, options);
}

} // namespace hv::cli
