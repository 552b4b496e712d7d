#include "anatomy_draw/figure_spec.hpp"

#include "anatomy_draw/anatomy_drawer.hpp"
#include "anatomy_draw/colouring.hpp"
#include "anatomy_draw/standard_view.hpp"
#include "content/toml_schema.hpp"
#include "core/bone_parameters.hpp"
#include "core/pose_text.hpp"
#include "core/roles.hpp"
#include "core/text.hpp"
#include "movement/restricted_hip.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace hv::draw {

namespace {

constexpr int kMaxSide = 16384;
constexpr int kMaxScale = 4;
constexpr int kMaxFrames = 10000;
constexpr double kMaxFps = 60.0;

std::optional<int> parseInt(std::string_view s) {
    int v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

const std::vector<std::string>& sideNames() {
    static const std::vector<std::string> names{"both", "right", "left"};
    return names;
}

std::vector<std::string> roleCoordinateNames() {
    std::vector<std::string> out;
    for (HipDof d : kHipDofs) out.emplace_back(hipDofName(d));
    return out;
}

// Reads the fields present in `t` into `spec` (a figure starts from the defaults).
void readFields(schema::TableReader& t, FigureSpec& spec, bool isFigure) {
    using schema::Need;
    if (isFigure) {
        if (auto v = t.string("output", Need::Required)) {
            if (v->empty()) t.error("output", "must name a file, e.g. \"figure.png\"");
            spec.output = *v;
        }
    }
    if (auto v = t.string("size", Need::Optional)) {
        if (auto s = parseSize(*v)) spec.width = s->x, spec.height = s->y;
        else t.error("size", "\"" + *v + "\" is not WIDTHxHEIGHT in pixels (1 to 16384 each), e.g. \"1920x1080\"");
    }
    if (t.has("view") || t.has("camera")) spec.viewGiven = true;
    if (auto v = t.choice("view", Need::Optional, standardViewNames())) {
        spec.view = *v;
        spec.camera.reset();
    }
    if (t.has("camera")) {
        if (auto v = t.numbers("camera", Need::Optional, 3, 3)) {
            OrbitSpec o;
            o.azimuthDeg = (*v)[0];
            o.elevationDeg = (*v)[1];
            o.distance = (*v)[2];
            if (!(o.distance > 0.0)) t.error("camera", "the distance (third number, metres) must be greater than 0");
            if (std::abs(o.elevationDeg) > 90.0) t.error("camera", "the elevation (second number) must lie in -90..90 degrees");
            if (spec.camera && spec.camera->target) o.target = spec.camera->target;
            spec.camera = o;
        }
    }
    if (t.has("target")) {
        if (auto v = t.vec3("target", Need::Optional)) {
            if (!spec.camera) t.error("target", "needs camera = [azimuth, elevation, distance]");
            else spec.camera->target = glm::vec3(*v);
        }
    }
    if (auto v = t.string("pose", Need::Optional)) spec.pose = *v;
    if (auto v = t.string("movement", Need::Optional)) spec.movement = *v;
    if (auto v = t.number("at", Need::Optional)) spec.at = *v;
    if (auto v = t.number("frames", Need::Optional, {-1e9, 1e9})) {
        if (std::floor(*v) != *v) t.error("frames", "must be a whole number");
        spec.frames = static_cast<int>(*v);
    }
    if (auto v = t.boolean("gif", Need::Optional)) spec.gif = *v;
    if (auto v = t.boolean("mp4", Need::Optional)) spec.mp4 = *v;
    if (auto v = t.boolean("compare", Need::Optional)) spec.compare = *v;
    if (auto v = t.number("fps", Need::Optional)) spec.fps = *v;
    if (auto v = t.strings("highlight", Need::Optional)) spec.highlight = *v;
    if (auto v = t.strings("pins", Need::Optional)) spec.pins = *v;
    if (auto v = t.boolean("attachments", Need::Optional)) spec.attachments = *v;
    if (auto v = t.boolean("floor", Need::Optional)) spec.floor = *v;
    if (auto v = t.boolean("outline", Need::Optional)) spec.outline = *v;
    if (auto v = t.number("peel", Need::Optional, {-1e9, 1e9})) {
        if (std::floor(*v) != *v) t.error("peel", "must be a whole number");
        spec.peel = static_cast<int>(*v);
    }
    if (auto v = t.strings("show", Need::Optional)) spec.show = *v;
    if (auto v = t.boolean("labels", Need::Optional)) spec.labels = *v;
    if (auto v = t.string("background", Need::Optional)) {
        if (!parseBackground(*v)) t.error("background", "\"" + *v + "\" is neither \"transparent\" nor a colour \"#RRGGBB\"");
        spec.background = *v;
    }
    if (auto v = t.number("scale", Need::Optional, {-1e9, 1e9})) {
        if (std::floor(*v) != *v) t.error("scale", "must be a whole number");
        spec.scale = static_cast<int>(*v);
    }
    if (auto v = t.string("model", Need::Optional)) spec.model = *v;
    if (auto v = t.choice("colour", Need::Optional, colourModeNames())) spec.colour = *v;
    if (auto v = t.choice("role_coordinate", Need::Optional, roleCoordinateNames())) spec.roleCoordinate = *v;
    if (auto v = t.choice("moment_arm", Need::Optional, momentArmAxisNames())) spec.momentArm = *v;
    if (auto v = t.strings("restrict", Need::Optional)) spec.restrict = *v;
    readGluteusMediusStrength(t, spec.gluteusMediusStrength);
    if (auto v = t.string("anatomy", Need::Optional)) spec.anatomy = *v;
    if (auto v = t.choice("side", Need::Optional, sideNames())) spec.side = *v;
}

// Semantic checks at the field's line.
void checkFields(schema::TableReader& t, const FigureSpec& spec, const Content& content) {
    if (t.has("pose") && !spec.pose.empty()) {
        std::string error;
        if (!parsePose(content.model, spec.pose, error)) t.error("pose", error);
    }
    if (t.has("highlight"))
        for (const std::string& h : spec.highlight) {
            std::string error;
            if (!parseHighlight(content, h, error)) t.error("highlight", error);
        }
    if (t.has("show")) {
        std::string error;
        if (!parseShowList(content, spec.show, error)) t.error("show", error);
    }
    if (t.has("restrict"))
        for (const std::string& r : spec.restrict) {
            std::string error;
            if (!movement::parseHipRestriction(content.model, r, error)) t.error("restrict", error);
        }
    if (t.has("anatomy") && !spec.anatomy.empty()) {
        std::string error;
        if (!parseAnatomy(content.boneParameters, spec.anatomy, error)) t.error("anatomy", error);
    }
}

} // namespace

std::vector<std::string> readGluteusMediusStrength(schema::TableReader& t, movement::GluteusMediusStrength& out) {
    std::vector<std::string> given;
    for (const char* key : {"gluteus_medius_strength", "gluteus_medius_strength_r", "gluteus_medius_strength_l"}) {
        const auto v = t.number(key, schema::Need::Optional, {0.0, 1.0});
        if (!v) continue;
        const std::string_view k = key;
        if (k.ends_with("_r")) out.right = *v;
        else if (k.ends_with("_l")) out.left = *v;
        else out = movement::GluteusMediusStrength::both(*v);
        given.emplace_back(key);
    }
    return given;
}

std::optional<glm::ivec2> parseSize(std::string_view text) {
    const auto x = text.find_first_of("xX");
    if (x == std::string_view::npos) return std::nullopt;
    const auto w = parseInt(text.substr(0, x)), h = parseInt(text.substr(x + 1));
    if (!w || !h || *w < 1 || *h < 1 || *w > kMaxSide || *h > kMaxSide) return std::nullopt;
    return glm::ivec2(*w, *h);
}

std::optional<glm::vec4> parseBackground(std::string_view text) {
    if (text == "transparent") return glm::vec4(0.0f);
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    float c[3];
    for (int i = 0; i < 3; ++i) {
        const int hi = hexDigit(text[static_cast<std::size_t>(1 + 2 * i)]);
        const int lo = hexDigit(text[static_cast<std::size_t>(2 + 2 * i)]);
        if (hi < 0 || lo < 0) return std::nullopt;
        c[i] = static_cast<float>(hi * 16 + lo) / 255.0f;
    }
    return glm::vec4(c[0], c[1], c[2], 1.0f);
}

Diagnostics validateFigure(const FigureSpec& spec, const Content* content) {
    Diagnostics out;
    const auto bad = [&](std::string field, std::string message) {
        out.push_back({spec.file, spec.line, 0, std::move(field), std::move(message)});
    };
    if (spec.width < 1 || spec.height < 1 || spec.width > kMaxSide || spec.height > kMaxSide)
        bad("size", "width and height must lie in 1..16384 pixels");
    if (spec.scale < 1 || spec.scale > kMaxScale) bad("scale", "must lie in 1..4");
    else if (static_cast<long long>(spec.width) * spec.scale > kMaxSide || static_cast<long long>(spec.height) * spec.scale > kMaxSide)
        bad("scale", "size x scale must stay within 16384 pixels a side");
    if (!spec.camera && !standardViewFromName(spec.view))
        bad("view", "unknown view \"" + spec.view + "\"" +
                        [&] {
                            const std::string h = closestMatch(spec.view, standardViewNames());
                            return h.empty() ? std::string() : " (did you mean \"" + h + "\"?)";
                        }() + "; valid views: " + joinNames(standardViewNames()));
    if (spec.camera) {
        if (!(spec.camera->distance > 0.0)) bad("camera", "the distance must be greater than 0 metres");
        if (std::abs(spec.camera->elevationDeg) > 90.0) bad("camera", "the elevation must lie in -90..90 degrees");
    }
    if (!parseBackground(spec.background))
        bad("background", "\"" + spec.background + "\" is neither \"transparent\" nor a colour \"#RRGGBB\"");
    if (spec.peel < 0 || spec.peel > kMaxMuscleLayer)
        bad("peel", "must be a layer from 0 (none peeled) to " + std::to_string(kMaxMuscleLayer) + " (every layer ghosted)");
    if (!spec.pins.empty()) {
        if (spec.pins.size() != spec.highlight.size())
            bad("pins", "needs one pin per highlighted muscle: " + std::to_string(spec.pins.size()) + " pins for " +
                            std::to_string(spec.highlight.size()) + " highlights");
        else if (!spec.labels)
            bad("pins", "needs labels = true (the pins are the callouts' texts)");
        for (const std::string& p : spec.pins)
            if (p.empty() || p.size() > 40) bad("pins", "each pin is a short text of 1 to 40 characters, e.g. \"A\"");
    }
    if (spec.frames < 0 || spec.frames > kMaxFrames) bad("frames", "must be a whole number from 1 to 10000");
    if ((spec.gif || spec.mp4) && spec.movement.empty()) bad(spec.gif ? "gif" : "mp4", "needs a movement to animate");
    if (spec.compare && spec.movement.empty()) bad("compare", "needs a movement, the movement shown twice");
    if (!(spec.fps >= 1.0 && spec.fps <= kMaxFps)) bad("fps", "must be a number of frames per second from 1 to 60");
    if (spec.frames > 0 && spec.movement.empty()) bad("frames", "needs a movement to animate");
    if (!(spec.at >= 0.0) || spec.at > 1e6) bad("at", "must be a time in seconds, 0 or more");
    else if (spec.at > 0.0 && spec.movement.empty()) bad("at", "needs a movement (a time into it)");
    if (spec.at > 0.0 && spec.frames > 0) bad("at", "give either at (one picture) or frames (an animation), not both");
    if (!colourModeFromName(spec.colour)) bad("colour", "unknown colour mode \"" + spec.colour + "\"; valid: " + joinNames(colourModeNames()));
    const auto dofs = roleCoordinateNames();
    if (std::find(dofs.begin(), dofs.end(), spec.roleCoordinate) == dofs.end())
        bad("role_coordinate", "unknown hip coordinate \"" + spec.roleCoordinate + "\"; valid: " + joinNames(dofs));
    if (!spec.momentArm.empty()) {
        if (!momentArmAxisFromName(spec.momentArm))
            bad("moment_arm", "unknown hip or lumbar motion \"" + spec.momentArm + "\"; valid: " + joinNames(momentArmAxisNames()));
        else if (spec.highlight.empty())
            bad("moment_arm", "needs a highlighted muscle, whose moment arm is drawn (e.g. highlight = [\"piriformis_r\"])");
    }
    if (std::find(sideNames().begin(), sideNames().end(), spec.side) == sideNames().end())
        bad("side", "unknown side \"" + spec.side + "\"; valid: " + joinNames(sideNames()));
    const auto fraction = [](double f) { return f >= 0.0 && f <= 1.0; };
    if (!fraction(spec.gluteusMediusStrength.right) || !fraction(spec.gluteusMediusStrength.left))
        bad("gluteus_medius_strength", "must be a fraction of normal strength from 0 to 1");
    else if (spec.gluteusMediusStrength.weak() && spec.movement.empty())
        bad("gluteus_medius_strength", "needs a movement (the weak gluteus medius acts in single-leg stance)");
    if (!spec.restrict.empty() && spec.movement.empty())
        bad("restrict", "needs a movement (the restricted hip changes how a movement is done)");
    if (content) {
        std::string error;
        if (!spec.pose.empty() && !parsePose(content->model, spec.pose, error)) bad("pose", error);
        for (const std::string& h : spec.highlight)
            if (!parseHighlight(*content, h, error)) bad("highlight", error);
        if (!spec.show.empty() && !parseShowList(*content, spec.show, error)) bad("show", error);
        for (const std::string& r : spec.restrict)
            if (!movement::parseHipRestriction(content->model, r, error)) bad("restrict", error);
        if (!spec.anatomy.empty() && !parseAnatomy(content->boneParameters, spec.anatomy, error)) bad("anatomy", error);
    }
    return out;
}

FigureFileLoad parseFigureText(std::string_view text, const std::string& displayName,
                               const std::filesystem::path& baseDirectory, const Content* content) {
    FigureFileLoad load;
    auto doc = schema::TomlDocument::parseString(text, displayName, load.diagnostics);
    if (!doc) return load;
    schema::TableReader root(doc->root(), displayName, "", load.diagnostics);
    if (auto schema = root.string("schema", schema::Need::Required); schema && *schema != "hipview-figures 1")
        root.error("schema", "expected \"hipview-figures 1\", found \"" + *schema + "\"");
    FigureSpec defaults;
    if (auto d = root.table("defaults", schema::Need::Optional)) {
        readFields(*d, defaults, false);
        if (content) checkFields(*d, defaults, *content);
        d->finish();
    }
    std::vector<FigureSpec> figures;
    auto tables = root.tables("figure", schema::Need::Required);
    if (tables.empty() && root.has("figure"))
        root.error("figure", "no figures: add at least one [[figure]] table");
    for (auto& t : tables) {
        FigureSpec spec = defaults;
        spec.file = displayName;
        spec.line = t.line();
        readFields(t, spec, true);
        if (content) checkFields(t, spec, *content);
        t.finish();
        if (!spec.output.empty() && std::filesystem::path(spec.output).is_relative())
            spec.output = (baseDirectory / spec.output).lexically_normal().string();
        // Checks that need the whole figure (defaults merged): reported at the figure's line.
        for (Diagnostic& d : validateFigure(spec, nullptr)) load.diagnostics.push_back(std::move(d));
        figures.push_back(std::move(spec));
    }
    root.finish();
    // Two figures writing the same file would silently lose one.
    for (std::size_t i = 0; i < figures.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (!figures[i].output.empty() && figures[i].output == figures[j].output)
                load.diagnostics.push_back({displayName, figures[i].line, 0, "figure[" + std::to_string(i + 1) + "].output",
                                           "\"" + figures[i].output + "\" is also the output of the figure at line " +
                                               std::to_string(figures[j].line)});
    if (load.diagnostics.empty()) load.figures = std::move(figures);
    return load;
}

FigureFileLoad loadFigureFile(const std::filesystem::path& path, const Content* content) {
    FigureFileLoad load;
    const std::string name = path.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        load.diagnostics.push_back({name, 0, 0, "", std::filesystem::exists(path, ec) ? "not a regular file" : "file not found"});
        return load;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > 4u * 1024u * 1024u) {
        load.diagnostics.push_back({name, 0, 0, "", ec ? "cannot read the file's size" : "larger than 4 MiB; not a scene file"});
        return load;
    }
    std::string text(size, '\0');
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        load.diagnostics.push_back({name, 0, 0, "", "cannot be opened for reading"});
        return load;
    }
    text.resize(std::fread(text.data(), 1, size, f));
    std::fclose(f);
    return parseFigureText(text, name, path.parent_path(), content);
}

std::string figureFileText(std::span<const FigureSpec> figures) {
    const FigureSpec def;
    schema::TomlWriter w;
    w.root().setString("schema", "hipview-figures 1");
    for (const FigureSpec& f : figures) {
        schema::TomlWriter::Table t = w.appendTable("figure");
        t.setString("output", f.output);
        t.setString("size", std::to_string(f.width) + "x" + std::to_string(f.height));
        if (f.camera) {
            const double c[] = {f.camera->azimuthDeg, f.camera->elevationDeg, f.camera->distance};
            t.setNumbers("camera", c);
            if (f.camera->target) {
                const double tg[] = {f.camera->target->x, f.camera->target->y, f.camera->target->z};
                t.setNumbers("target", tg);
            }
        } else {
            t.setString("view", f.view);
        }
        if (!f.pose.empty()) t.setString("pose", f.pose);
        if (!f.movement.empty()) {
            t.setString("movement", f.movement);
            if (f.frames > 0) t.setInteger("frames", f.frames);
            else t.setNumber("at", f.at);
            if (f.gif) t.setBool("gif", true);
            if (f.mp4) t.setBool("mp4", true);
            if (f.compare) t.setBool("compare", true);
            if (f.fps != def.fps) t.setNumber("fps", f.fps);
        }
        if (!f.highlight.empty()) t.setStrings("highlight", f.highlight);
        if (!f.pins.empty()) t.setStrings("pins", f.pins);
        if (f.peel != def.peel) t.setInteger("peel", f.peel);
        if (f.attachments) t.setBool("attachments", true);
        if (f.floor) t.setBool("floor", *f.floor);
        if (f.outline) t.setBool("outline", *f.outline);
        if (!f.show.empty()) t.setStrings("show", f.show);
        if (f.labels) t.setBool("labels", true);
        if (f.background != def.background) t.setString("background", f.background);
        if (f.scale != def.scale) t.setInteger("scale", f.scale);
        if (!f.model.empty()) t.setString("model", f.model);
        if (f.colour != def.colour) t.setString("colour", f.colour);
        if (f.colour == "role" || f.roleCoordinate != def.roleCoordinate) t.setString("role_coordinate", f.roleCoordinate);
        if (!f.momentArm.empty()) t.setString("moment_arm", f.momentArm);
        if (!f.restrict.empty()) t.setStrings("restrict", f.restrict);
        if (f.gluteusMediusStrength.right == f.gluteusMediusStrength.left) {
            if (f.gluteusMediusStrength != def.gluteusMediusStrength) t.setNumber("gluteus_medius_strength", f.gluteusMediusStrength.right);
        } else {
            t.setNumber("gluteus_medius_strength_r", f.gluteusMediusStrength.right);
            t.setNumber("gluteus_medius_strength_l", f.gluteusMediusStrength.left);
        }
        if (!f.anatomy.empty()) t.setString("anatomy", f.anatomy);
        if (f.side != def.side) t.setString("side", f.side);
    }
    return w.text("HipView figures: `hipview render THIS_FILE` renders every [[figure]].\n"
                  "camera = [azimuth, elevation (deg), distance (m)]; target in the scene frame (m); pose in degrees\n"
                  "(metres for translations); restrict in degrees.");
}

DrawOptions figureDrawOptions(const FigureSpec& spec, const Content& content) {
    DrawOptions o;
    std::string error;
    if (!spec.show.empty())
        if (auto layers = parseShowList(content, spec.show, error)) o.layers = *layers;
    for (std::size_t i = 0; i < spec.highlight.size(); ++i)
        if (auto ref = parseHighlight(content, spec.highlight[i], error)) {
            if (spec.pins.size() == spec.highlight.size()) ref->pin = spec.pins[i];
            o.highlight.push_back(*ref);
        }
    if (spec.floor) o.layers.floor = spec.floor;
    o.layers.peel = spec.peel;
    // A show list says what is drawn: the outline only where it lists it (or `outline` asks).
    o.layers.outline = spec.show.empty() ? outlineShown(spec.outline, !spec.movement.empty()) : o.layers.outline || spec.outline.value_or(false);
    o.attachments = spec.attachments;
    if (spec.side == "right") o.layers.sides = SideFilter::RightOnly;
    else if (spec.side == "left") o.layers.sides = SideFilter::LeftOnly;
    if (!spec.camera)
        if (const auto view = standardViewFromName(spec.view)) {
            if (const auto keep = medialViewKeeps(*view); keep && spec.side == "both")
                o.layers.sides = *keep == Side::Left ? SideFilter::LeftOnly : SideFilter::RightOnly;
            // From below, the lower legs would stand between the camera and the pelvis.
            if (*view == StandardView::Inferior) o.layers.lowerLegs = false;
        }
    if (!spec.momentArm.empty() && !o.highlight.empty())
        if (const auto axis = momentArmAxisFromName(spec.momentArm)) {
            o.momentArm = MomentArmRequest{o.highlight[0].muscleId, o.highlight[0].side.value_or(Side::Right), *axis};
            if (o.layers.bones) o.layers.ghostBones = true; // the axis runs through the femoral head or a vertebra
        }
    return o;
}

std::optional<std::vector<double>> figurePose(const FigureSpec& spec, const Model& model, std::string& error) {
    std::vector<double> q = model.defaultPose();
    if (spec.pose.empty()) return q;
    const auto a = parsePose(model, spec.pose, error);
    if (!a) return std::nullopt;
    applyPose(*a, q);
    return q;
}

bool framedFromMovement(const FigureSpec& spec) { return !spec.camera && !spec.viewGiven && spec.framedFrom.has_value(); }

scene::Bounds figureFrameBounds(const FigureSpec& spec, std::span<const gfx::DrawItem> items) {
    return framedFromMovement(spec) ? gfx::wholeBodyBounds(items) : gfx::focusBounds(items);
}

gfx::Camera figureCamera(const FigureSpec& spec, const scene::Bounds& framed) {
    const float aspect = static_cast<float>(spec.width) / static_cast<float>(std::max(1, spec.height));
    if (framedFromMovement(spec))
        return gfx::frameBounds(framed, gfx::orbitDirection((*spec.framedFrom)[0], (*spec.framedFrom)[1]), aspect,
                                spec.labels ? 0.05f : 0.04f);
    if (spec.camera) {
        const gfx::ViewDirection dir = gfx::orbitDirection(spec.camera->azimuthDeg, spec.camera->elevationDeg);
        scene::Bounds centre = framed;
        if (spec.camera->target) {
            centre = scene::Bounds{};
            centre.add(*spec.camera->target);
        }
        gfx::Camera camera = gfx::orbitCamera(centre, dir, static_cast<float>(spec.camera->distance));
        // Keep the whole figure inside the clipping range.
        const float r = framed.empty() ? 1.0f : framed.radius();
        camera.nearZ = std::max(0.005f, std::min(camera.nearZ, camera.distance() - 2.0f * r));
        camera.farZ = std::max(camera.farZ, camera.distance() + 2.0f * r + 0.1f);
        return camera;
    }
    const auto view = standardViewFromName(spec.view);
    return gfx::frameBounds(framed, viewDirection(view.value_or(StandardView::Anterior)), aspect, spec.labels ? 0.05f : 0.04f);
}

} // namespace hv::draw
