// The figure options of the command line (pose or movement and time, highlight, layers, colour
// mode, bone shape, restricted hip, gluteus medius strength, side, size, camera, ...), read once
// for every command that draws a figure (`hipview render`, `hipview export`) into a figure spec
// (anatomy_draw/figure_spec.hpp). Only the text-to-number conversion happens here; the values
// are checked by draw::validateFigure(), the one checker of figure options.
#pragma once

#include "app/cli.hpp"

#include "anatomy_draw/figure_spec.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hv::cli {

// The figure options as given, before conversion.
struct FigureOptionText {
    std::optional<std::string> output, size, view, camera, pose, movement, at, frames, fps, background, scale, colour,
        roleCoordinate, momentArm, peel, strength, anatomy, side, model, profile;
    std::vector<std::string> highlight, show, restrict; // lists split at commas (restrict: one per option)
    bool gif = false, mp4 = false, labels = false, attachments = false, compare = false, noFloor = false;
    // True when any figure option except --model was given (scene files exclude them).
    bool any = false;
};

// Reads (and marks as known) -o/--output, --size, --view, --camera, --pose, --movement, --at,
// --frames, --fps, --gif, --mp4, --compare, --highlight, --show, --labels, --background, --scale, --colour,
// --role-coordinate, --moment-arm, --peel, --attachments, --no-floor, --restrict, --gluteus-medius-strength, --profile, --anatomy,
// --side and --model.
FigureOptionText readFigureOptions(Args& args);

// Converts the text into `spec` (which keeps its defaults for options not given). A value that
// is not a number where one is needed, or --view with --camera, is reported through
// args.error() with the option's name and the expected form; returns false then.
bool figureSpecFromOptions(const FigureOptionText& text, Args& args, draw::FigureSpec& spec);

// With --profile FILE: reads the client profile against `model` and puts its ranges in front of
// the spec's restrictions (a --restrict of the same coordinate then wins) and its strengths in
// the spec unless --gluteus-medius-strength was given. A bad profile prints one message per
// problem (file, line, field) and returns false. Without --profile: true, nothing changes.
bool applyProfileOption(const FigureOptionText& text, const Model& model, draw::FigureSpec& spec);

} // namespace hv::cli
