#include "app/figure_options.hpp"

#include "core/pose_text.hpp"
#include "movement/profile.hpp"

#include <cstdio>

namespace hv::cli {

FigureOptionText readFigureOptions(Args& args) {
    FigureOptionText t;
    const auto opt = [&](std::string_view name) {
        auto v = args.option(name);
        t.any |= v.has_value();
        return v;
    };
    t.output = opt("--output");
    if (auto o = opt("-o")) t.output = o;
    t.size = opt("--size");
    t.view = opt("--view");
    t.camera = opt("--camera");
    t.pose = opt("--pose");
    t.movement = opt("--movement");
    t.at = opt("--at");
    t.frames = opt("--frames");
    t.fps = opt("--fps");
    for (const std::string& h : args.options("--highlight"))
        for (std::string& x : splitList(h)) t.highlight.push_back(std::move(x));
    for (const std::string& s : args.options("--show"))
        for (std::string& x : splitList(s)) t.show.push_back(std::move(x));
    t.any |= !t.highlight.empty() || !t.show.empty();
    t.gif = args.flag("--gif");
    t.mp4 = args.flag("--mp4");
    t.compare = args.flag("--compare");
    t.labels = args.flag("--labels");
    t.attachments = args.flag("--attachments");
    t.noFloor = args.flag("--no-floor");
    t.any |= t.gif || t.mp4 || t.labels || t.attachments || t.compare || t.noFloor;
    t.background = opt("--background");
    t.scale = opt("--scale");
    t.colour = opt("--colour");
    t.roleCoordinate = opt("--role-coordinate");
    t.momentArm = opt("--moment-arm");
    t.peel = opt("--peel");
    t.restrict = args.options("--restrict");
    t.any |= !t.restrict.empty();
    t.strength = opt("--gluteus-medius-strength");
    t.profile = opt("--profile");
    t.anatomy = opt("--anatomy");
    t.side = opt("--side");
    t.model = args.option("--model");
    return t;
}

bool figureSpecFromOptions(const FigureOptionText& t, Args& args, draw::FigureSpec& spec) {
    if (t.output) spec.output = *t.output;
    if (t.size) {
        const auto s = draw::parseSize(*t.size);
        if (!s) {
            args.error("--size \"" + *t.size + "\": expected WIDTHxHEIGHT in pixels (1 to 16384 each), e.g. 1920x1080");
            return false;
        }
        spec.width = s->x, spec.height = s->y;
    }
    spec.viewGiven = t.view.has_value() || t.camera.has_value();
    if (t.view && t.camera) {
        args.error("give either --view or --camera, not both");
        return false;
    }
    if (t.view) spec.view = *t.view;
    if (t.camera) {
        const auto parts = splitList(*t.camera);
        std::vector<double> v;
        for (const auto& p : parts)
            if (auto n = parseNumber(p)) v.push_back(*n);
        if (parts.size() != 3 || v.size() != 3) {
            args.error("--camera \"" + *t.camera + "\": expected AZIMUTH,ELEVATION,DISTANCE, e.g. 90,10,1.6");
            return false;
        }
        spec.camera = draw::OrbitSpec{v[0], v[1], v[2], std::nullopt};
    }
    if (t.pose) spec.pose = *t.pose;
    if (t.movement) spec.movement = *t.movement;
    if (t.at) {
        const auto s = parseNumber(*t.at);
        if (!s) {
            args.error("--at \"" + *t.at + "\": expected seconds, 0 or more");
            return false;
        }
        spec.at = *s;
    }
    if (t.frames) {
        const auto n = parseNumber(*t.frames);
        if (!n || static_cast<int>(*n) != *n) {
            args.error("--frames \"" + *t.frames + "\": expected a whole number from 1 to 10000");
            return false;
        }
        spec.frames = static_cast<int>(*n);
    }
    if (t.fps) {
        const auto v = parseNumber(*t.fps);
        if (!v) {
            args.error("--fps \"" + *t.fps + "\": expected frames per second from 1 to 60");
            return false;
        }
        spec.fps = *v;
    }
    spec.gif = t.gif;
    spec.mp4 = t.mp4;
    spec.compare = t.compare;
    spec.highlight = t.highlight;
    spec.show = t.show;
    spec.labels = t.labels;
    if (t.background) spec.background = *t.background;
    if (t.scale) {
        const auto n = parseNumber(*t.scale);
        if (!n || static_cast<int>(*n) != *n) {
            args.error("--scale \"" + *t.scale + "\": expected a whole number from 1 to 4");
            return false;
        }
        spec.scale = static_cast<int>(*n);
    }
    if (t.colour) spec.colour = *t.colour;
    if (t.roleCoordinate) spec.roleCoordinate = *t.roleCoordinate;
    if (t.momentArm) spec.momentArm = *t.momentArm;
    if (t.attachments) spec.attachments = true;
    if (t.noFloor) spec.floor = false;
    if (t.peel) {
        const auto n = parseNumber(*t.peel);
        if (!n || *n != std::floor(*n) || std::abs(*n) > 1e6) {
            args.error("--peel \"" + *t.peel + "\": expected a layer, a whole number from 0 to 4");
            return false;
        }
        spec.peel = static_cast<int>(*n);
    }
    spec.restrict = t.restrict;
    if (t.strength) {
        std::string error;
        const auto v = movement::parseGluteusMediusStrength(*t.strength, error);
        if (!v) {
            args.error("--gluteus-medius-strength: " + error);
            return false;
        }
        spec.gluteusMediusStrength = *v;
    }
    if (t.anatomy) spec.anatomy = *t.anatomy;
    if (t.side) spec.side = *t.side;
    if (t.model) spec.model = *t.model;
    return true;
}

bool applyProfileOption(const FigureOptionText& t, const Model& model, draw::FigureSpec& spec) {
    if (!t.profile) return true;
    Diagnostics d;
    const auto profile = movement::loadClientProfile(model, *t.profile, d);
    for (const Diagnostic& x : d) std::fprintf(stderr, "%s\n", x.format().c_str());
    if (!profile) return false;
    std::vector<std::string> restrict = movement::hipRestrictionTexts(model, profile->hipLimits);
    restrict.insert(restrict.end(), spec.restrict.begin(), spec.restrict.end());
    spec.restrict = std::move(restrict);
    if (!t.strength) spec.gluteusMediusStrength = profile->gluteusMediusStrength;
    return true;
}

} // namespace hv::cli
