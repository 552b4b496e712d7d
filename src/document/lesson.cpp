#include "document/lesson.hpp"

#include "anatomy_draw/colouring.hpp"
#include "anatomy_draw/standard_view.hpp"
#include "content/toml_schema.hpp"
#include "core/bone_parameters.hpp"
#include "core/pose_text.hpp"
#include "core/roles.hpp"
#include "core/text.hpp"
#include "document/figure_export.hpp"
#include "gfx/camera.hpp"
#include "movement/restricted_hip.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace hv::doc {

namespace {

constexpr std::size_t kMaxCaptionLineLength = 110; // characters: one line across a 16:9 screen
constexpr std::size_t kMaxSteps = 200;

std::vector<std::string> roleCoordinateNames() {
    std::vector<std::string> out;
    for (HipDof d : kHipDofs) out.emplace_back(hipDofName(d));
    return out;
}

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::string line;
    std::istringstream in(text);
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

// One [[step]]: its fields into `step`, each problem at its line.
void readStep(schema::TableReader& t, LessonStep& step, const Content& content, const movement::MovementLibrary* movements) {
    using schema::Need;
    draw::FigureSpec& f = step.figure;
    f.viewGiven = true; // a step is seen as the presenter shows it: its view (anterior by default), not the movement's own
    const bool hasView = t.has("view"), hasCamera = t.has("camera");
    if (!hasView && !hasCamera)
        t.error("view", "a step needs a view (one of " + joinNames(draw::standardViewNames()) +
                            ") or camera = [azimuth, elevation, distance]");
    if (hasView && hasCamera) t.error("camera", "give either view or camera, not both");
    if (auto v = t.choice("view", Need::Optional, draw::standardViewNames())) f.view = *v;
    if (hasCamera)
        if (auto v = t.numbers("camera", Need::Optional, 3, 3)) {
            draw::OrbitSpec o;
            o.azimuthDeg = (*v)[0];
            o.elevationDeg = (*v)[1];
            o.distance = (*v)[2];
            if (!(o.distance > 0.0) || o.distance > kMaxDistance)
                t.error("camera", "the distance (third number, metres) must be greater than 0 and at most 5000");
            if (!(std::abs(o.elevationDeg) <= 90.0)) t.error("camera", "the elevation (second number) must lie in -90..90 degrees");
            if (!std::isfinite(o.azimuthDeg)) t.error("camera", "the azimuth (first number, degrees) must be a finite number");
            f.camera = o;
        }
    if (t.has("target"))
        if (auto v = t.vec3("target", Need::Optional)) {
            if (!f.camera) t.error("target", "needs camera = [azimuth, elevation, distance]");
            else f.camera->target = glm::vec3(*v);
        }
    if (auto v = t.string("pose", Need::Optional)) {
        std::string error;
        if (!v->empty() && !parsePose(content.model, *v, error)) t.error("pose", error);
        f.pose = *v;
    }
    if (auto v = t.string("movement", Need::Optional)) {
        f.movement = *v;
        if (!movements) t.error("movement", "the movements file could not be read, so no movement can be shown");
        else if (!movements->find(*v)) t.error("movement", movement::unknownMovementMessage(*movements, *v));
        if (t.has("pose")) t.error("pose", "give either pose or movement, not both (a movement sets the pose)");
    }
    if (auto v = t.number("at", Need::Optional, {0.0, 1e6})) {
        f.at = *v;
        if (!t.has("movement")) t.error("at", "needs a movement (a time into it, in seconds)");
    }
    if (auto v = t.boolean("play", Need::Optional)) {
        step.play = *v;
        if (*v && !t.has("movement")) t.error("play", "needs a movement to play");
        if (*v && t.has("at")) t.error("play", "give either at (paused there) or play = true, not both");
    }
    if (auto v = t.string("select", Need::Optional)) {
        std::string error;
        if (auto h = draw::parseHighlight(content, *v, error)) step.select = *h;
        else t.error("select", error);
    }
    if (auto v = t.boolean("labels", Need::Optional)) f.labels = *v;
    if (auto v = t.choice("colour", Need::Optional, draw::colourModeNames())) f.colour = *v;
    if (auto v = t.choice("role_coordinate", Need::Optional, roleCoordinateNames())) f.roleCoordinate = *v;
    if (auto v = t.strings("restrict", Need::Optional)) {
        for (const std::string& r : *v) {
            std::string error;
            if (!movement::parseHipRestriction(content.model, r, error)) t.error("restrict", error);
        }
        if (!t.has("movement")) t.error("restrict", "needs a movement (the restricted hip changes how a movement is done)");
        f.restrict = *v;
    }
    for (const std::string& key : draw::readGluteusMediusStrength(t, f.gluteusMediusStrength))
        if (!t.has("movement")) t.error(key, "needs a movement (the weak gluteus medius acts in single-leg stance)");
    if (auto v = t.choice("wording", Need::Optional, wordingNames())) step.wording = *wordingFromName(*v);
    if (auto v = t.string("caption", Need::Optional)) {
        step.caption = *v;
        while (!step.caption.empty() && (step.caption.back() == '\n' || step.caption.back() == ' ')) step.caption.pop_back();
        const std::vector<std::string> lines = splitLines(step.caption);
        if (lines.size() > kMaxCaptionLines)
            t.error("caption", "has " + std::to_string(lines.size()) + " lines; a caption holds at most " +
                                   std::to_string(kMaxCaptionLines) + " (readable from the back of a room)");
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (lines[i].size() > kMaxCaptionLineLength)
                t.error("caption", "line " + std::to_string(i + 1) + " has " + std::to_string(lines[i].size()) +
                                       " characters; at most " + std::to_string(kMaxCaptionLineLength) + " fit across the screen");
    }
}

std::optional<std::string> readText(const std::filesystem::path& path, Diagnostics* out) {
    const std::string name = path.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        if (out) out->push_back({name, 0, 0, "", std::filesystem::exists(path, ec) ? "not a regular file" : "file not found"});
        return std::nullopt;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > 4u * 1024u * 1024u) {
        if (out) out->push_back({name, 0, 0, "", ec ? "cannot read the file's size" : "larger than 4 MiB; not a lesson file"});
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (out) out->push_back({name, 0, 0, "", "cannot be opened for reading"});
        return std::nullopt;
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

bool looksLikeLesson(std::string_view text) {
    std::istringstream in{std::string(text)};
    std::string line;
    while (std::getline(in, line)) {
        const auto b = line.find_first_not_of(" \t");
        if (b == std::string::npos || line[b] == '#') continue;
        const std::string_view l = std::string_view(line).substr(b);
        if (l.starts_with("[[step]]")) return true;
        if (l.starts_with("schema") && l.find(kLessonSchema) != std::string_view::npos) return true;
        if (l.starts_with("[")) return false; // the first table of a scene file
    }
    return false;
}

bool isLessonFile(const std::filesystem::path& path) {
    const auto text = readText(path, nullptr);
    return text && looksLikeLesson(*text);
}

LessonLoad parseLessonText(std::string_view text, const std::string& displayName, const Content& content,
                           const movement::MovementLibrary* movements) {
    using schema::Need;
    LessonLoad load;
    auto doc = schema::TomlDocument::parseString(text, displayName, load.diagnostics);
    if (!doc) return load;
    schema::TableReader root(doc->root(), displayName, "", load.diagnostics);
    if (auto s = root.string("schema", Need::Required); s && *s != kLessonSchema)
        root.error("schema", "expected \"" + std::string(kLessonSchema) + "\", found \"" + *s + "\"");
    Lesson lesson;
    lesson.file = displayName;
    if (auto v = root.string("title", Need::Required)) {
        if (v->empty()) root.error("title", "must not be empty: it names the lesson on its first slide");
        lesson.title = *v;
    }
    Wording wording = Wording::Anatomical;
    if (auto v = root.choice("wording", Need::Optional, wordingNames())) wording = *wordingFromName(*v);
    int width = 1920, height = 1080;
    if (auto v = root.string("size", Need::Optional)) {
        if (auto s = draw::parseSize(*v)) width = s->x, height = s->y;
        else root.error("size", "\"" + *v + "\" is not WIDTHxHEIGHT in pixels (1 to 16384 each), e.g. \"1920x1080\"");
    }
    auto tables = root.tables("step", Need::Required);
    if (tables.empty() && root.has("step")) root.error("step", "no steps: add at least one [[step]] table");
    if (tables.size() > kMaxSteps) root.error("step", "more than " + std::to_string(kMaxSteps) + " steps");
    for (auto& t : tables) {
        LessonStep step;
        step.wording = wording;
        step.figure.file = displayName;
        step.figure.line = t.line();
        step.figure.width = width;
        step.figure.height = height;
        step.figure.labels = true;
        readStep(t, step, content, movements);
        t.finish();
        step.figure.highlight = stepHighlights(step);
        lesson.steps.push_back(std::move(step));
    }
    root.finish();
    if (load.diagnostics.empty()) load.lesson = std::move(lesson);
    return load;
}

LessonLoad loadLessonFile(const std::filesystem::path& path, const Content& content, const movement::MovementLibrary* movements) {
    LessonLoad load;
    const auto text = readText(path, &load.diagnostics);
    if (!text) return load;
    return parseLessonText(*text, path.string(), content, movements);
}

std::vector<std::string> stepHighlights(const LessonStep& step) {
    std::vector<std::string> out;
    if (step.select) out.push_back(step.select->muscleId + (!step.select->side ? "" : *step.select->side == Side::Left ? "_l" : "_r"));
    for (const std::string& h : step.figure.highlight)
        if (std::find(out.begin(), out.end(), h) == out.end()) out.push_back(h);
    return out;
}

Diagnostics applyLessonStep(Document& document, const LessonStep& step) {
    Diagnostics out = applyFigure(document, step.figure);
    if (!out.empty()) return out;
    Selection s;
    if (step.select) {
        s.muscleId = step.select->muscleId;
        s.side = step.select->side.value_or(Side::Right);
        s.bothSides = !step.select->side;
    }
    document.select(s);
    document.layers.labels = step.figure.labels;
    document.layers.sides = draw::SideFilter::Both;
    if (!step.figure.camera)
        if (const auto view = draw::standardViewFromName(step.figure.view))
            if (const auto keep = draw::medialViewKeeps(*view))
                document.layers.sides = *keep == Side::Left ? draw::SideFilter::LeftOnly : draw::SideFilter::RightOnly;
    document.wording = step.wording;
    if (step.play && document.activeMovement()) {
        document.seek(0.0);
        document.playback.playing = true;
    }
    return out;
}

OrbitCamera stepCamera(const LessonStep& step, const scene::Bounds& framed, float aspect, const OrbitCamera& from) {
    OrbitCamera c;
    c.fovYDegrees = from.fovYDegrees;
    if (step.figure.camera) {
        const draw::OrbitSpec& o = *step.figure.camera;
        c.azimuthDeg = std::fmod(std::fmod(o.azimuthDeg, 360.0) + 360.0, 360.0);
        c.elevationDeg = std::clamp(o.elevationDeg, -90.0, 90.0);
        c.distance = std::clamp(o.distance, kMinDistance, kMaxDistance);
        if (o.target) c.target = *o.target;
        else if (!framed.empty()) c.target = framed.center();
        return c;
    }
    c.setView(draw::standardViewFromName(step.figure.view).value_or(draw::StandardView::Anterior));
    c.frame(framed, aspect, 0.05f);
    return c;
}

double easeInOut(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

OrbitCamera interpolateCamera(const OrbitCamera& a, const OrbitCamera& b, double t) {
    const double s = easeInOut(t);
    OrbitCamera c = b;
    double dAz = std::fmod(b.azimuthDeg - a.azimuthDeg, 360.0);
    if (dAz > 180.0) dAz -= 360.0;
    if (dAz < -180.0) dAz += 360.0;
    c.azimuthDeg = std::fmod(a.azimuthDeg + s * dAz + 360.0, 360.0);
    c.elevationDeg = a.elevationDeg + s * (b.elevationDeg - a.elevationDeg);
    c.distance = a.distance * std::pow(b.distance / a.distance, s);
    c.target = a.target + static_cast<float>(s) * (b.target - a.target);
    if (t >= 1.0) c = b;
    return c;
}

std::vector<double> interpolatePose(std::span<const double> a, std::span<const double> b, double t) {
    const double s = easeInOut(t);
    std::vector<double> q(b.begin(), b.end());
    for (std::size_t i = 0; i < q.size() && i < a.size(); ++i) q[i] = a[i] + s * (b[i] - a[i]);
    return q;
}

} // namespace hv::doc
