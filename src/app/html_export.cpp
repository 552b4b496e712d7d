#include "app/html_export.hpp"

#include "anatomy_draw/colouring.hpp"
#include "anatomy_draw/palette.hpp"
#include "core/text.hpp"
#include "core/moment_arm.hpp"
#include "document/wording.hpp"
#include "gfx/camera.hpp"
#include "movement/player.hpp"
#include "core/roles.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

namespace hv::cli {

std::string_view lessonTemplate(); // generated from src/app/html/lesson_template.html

namespace {

// "#rrggbb" of a linear RGB colour.
std::string cssColour(const glm::vec3& linear) {
    char buf[8];
    const auto byte = [](float c) { return static_cast<int>(std::lround(std::clamp(draw::linearToSrgb(c), 0.0f, 1.0f) * 255.0f)); };
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(linear.r), byte(linear.g), byte(linear.b));
    return buf;
}

// A script's text made safe to sit between <script> and </script>: "</script" (any case) and
// "<!--" cannot occur in it. In JavaScript source they only occur inside strings, comments and
// regular expressions, where "<\/" and "<\!--" read the same.
std::string inlineScript(std::string_view code) {
    std::string out;
    out.reserve(code.size());
    for (std::size_t i = 0; i < code.size(); ++i) {
        out += code[i];
        if (code[i] != '<' || i + 1 >= code.size()) continue;
        if (code[i + 1] == '/' && code.size() - i >= 8) {
            std::string word(code.substr(i + 2, 6));
            std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (word == "script") out += '\\';
        } else if (code.substr(i + 1, 3) == "!--") {
            out += '\\';
        }
    }
    return out;
}

std::string_view motionWord(Action a) {
    switch (a) {
    case Action::Flexor: return "flexion";
    case Action::Extensor: return "extension";
    case Action::Adductor: return "adduction";
    case Action::Abductor: return "abduction";
    case Action::InternalRotator: return "internal rotation";
    case Action::ExternalRotator: return "external rotation";
    case Action::None: break;
    }
    return "";
}

} // namespace

std::filesystem::path threeDirectory() {
    if (const char* dir = std::getenv("HIPVIEW_THREE_DIR"); dir && *dir) return dir;
    return "/usr/share/javascript/three";
}

std::optional<Diagnostic> loadThreeSources(const std::filesystem::path& directory, ThreeSources& sources) {
    ThreeSources read;
    const std::pair<const char*, std::string*> files[] = {{"build/three.min.js", &read.three},
                                                         {"examples/js/loaders/GLTFLoader.js", &read.gltfLoader},
                                                         {"examples/js/controls/OrbitControls.js", &read.orbitControls}};
    for (const auto& [name, text] : files) {
        const std::filesystem::path path = directory / name;
        std::ifstream in(path, std::ios::binary);
        if (in) text->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (!in || text->empty())
            return Diagnostic{path.string(), 0, 0, "",
                              "the HTML page inlines this three.js file, and it is missing or unreadable (install "
                              "Debian's libjs-three, or point HIPVIEW_THREE_DIR at a three.js r111 folder)"};
    }
    sources = std::move(read);
    return std::nullopt;
}

std::string scriptSafeJson(std::string_view json) {
    std::string out;
    out.reserve(json.size() + json.size() / 16);
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '<') out += "\\u003c";
        else if (c == '>') out += "\\u003e";
        else if (c == '&') out += "\\u0026";
        else if (c == '\xe2' && i + 2 < json.size() && json[i + 1] == '\x80' && (json[i + 2] == '\xa8' || json[i + 2] == '\xa9')) {
            out += json[i + 2] == '\xa8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else out += c;
    }
    return out;
}

std::vector<std::string> actionWords(const doc::PartActions& part) {
    std::vector<const doc::ActionBar*> bars;
    for (const doc::ActionBar& b : part.bars)
        if (b.action != Action::None) bars.push_back(&b);
    std::stable_sort(bars.begin(), bars.end(),
                     [](const doc::ActionBar* a, const doc::ActionBar* b) { return std::abs(a->momentArmMm) > std::abs(b->momentArmMm); });
    std::vector<std::string> out;
    for (const doc::ActionBar* b : bars)
        out.push_back(std::string(motionWord(b->action)) + " " + std::to_string(std::lround(std::abs(b->momentArmMm))) + " mm");
    return out;
}

std::vector<std::string> actionWords(const doc::PartLumbarActions& part) {
    std::vector<const doc::LumbarBar*> bars;
    for (const doc::LumbarBar& b : part.bars)
        if (!insideDeadZone(b.momentArmMm / 1000.0)) bars.push_back(&b);
    std::stable_sort(bars.begin(), bars.end(),
                     [](const doc::LumbarBar* a, const doc::LumbarBar* b) { return std::abs(a->momentArmMm) > std::abs(b->momentArmMm); });
    std::vector<std::string> out;
    for (const doc::LumbarBar* b : bars) {
        out.push_back(doc::lumbarBarWord(*b, doc::Wording::Anatomical) + " " + std::to_string(std::lround(std::abs(b->momentArmMm))) + " mm");
        if (out.size() == 1 && !doc::levelSpan(part).empty()) out.back() += " (" + doc::levelSpan(part) + ")";
    }
    return out;
}

std::vector<LegendEntry> lessonLegend(const Content& content, const draw::DrawList& list, std::string_view colourMode) {
    std::vector<LegendEntry> out;
    if (colourMode == "stretch") {
        for (const draw::StretchLegendEntry& e : draw::stretchLegend()) out.push_back({e.text, e.colour});
        return out;
    }
    if (colourMode == "pelvis") {
        for (const draw::PelvicLegendEntry& e : draw::pelvicLegend()) out.push_back({e.text, e.colour});
        return out;
    }
    if (colourMode == "role") {
        for (Action a : {Action::Flexor, Action::Extensor, Action::Adductor, Action::Abductor, Action::InternalRotator,
                         Action::ExternalRotator, Action::None})
            out.push_back({std::string(actionName(a)), draw::roleColour(a)});
        return out;
    }
    std::set<std::string> shown;
    for (const draw::PickTarget& t : list.pickTargets)
        if (t.kind == draw::PickTarget::Kind::MusclePart)
            if (const MuscleInfo* info = content.findMuscleInfo(t.muscleId)) shown.insert(info->group);
    for (const MuscleGroup& g : content.groups)
        if (shown.count(g.id)) out.push_back({g.name, draw::groupColor(g.id)});
    return out;
}

LessonPage lessonPage(doc::Document& document, const draw::FigureSpec& spec, const movement::Movement* mov,
                      std::span<const draw::DrawList> lists, std::span<const std::vector<double>> poses,
                      std::span<const double> times, const ExportedScene& exported, std::vector<std::uint8_t> glb) {
    const Content& content = document.content();
    const Model& model = document.model();
    LessonPage page;
    page.glb = std::move(glb);
    page.title = mov ? (mov->title.empty() ? mov->id : mov->title) : "HipView figure";
    page.background = spec.background == "transparent" ? "#ffffff" : spec.background;
    page.keyTimes.assign(times.begin(), times.end());
    page.loops = mov && movement::MovementPlayer(model, *mov).loops();
    draw::FigureSpec framing = spec; // a movement's own camera where the spec names no view
    if (mov) framing.framedFrom = mov->camera;
    scene::Bounds bounds;
    for (const draw::DrawList& list : lists) bounds.add(draw::figureFrameBounds(framing, list.items));
    page.camera = draw::figureCamera(framing, bounds);
    page.aspect = static_cast<float>(spec.width) / static_cast<float>(spec.height);
    page.legend = lessonLegend(content, lists.front(), spec.colour);

    // Muscle parts by the name their node's extras carry.
    std::map<std::string, PartRef> parts;
    for (const draw::PickTarget& t : lists.front().pickTargets)
        if (t.kind == draw::PickTarget::Kind::MusclePart) parts.emplace(t.name, t.part);
    PathEvaluator evaluator(model);
    // Per (muscle, keyframe): each part's actions in words (a trunk muscle's lumbar ones).
    std::map<std::pair<int, std::size_t>, std::vector<std::vector<std::string>>> actions;
    for (std::size_t i = 0; i < exported.scene.nodes.size() && i < exported.extras.nodes.size(); ++i) {
        std::string name, muscleId;
        for (const auto& [key, value] : exported.extras.nodes[i]) {
            if (key == "name") name = value;
            if (key == "muscle") muscleId = value;
        }
        const auto part = parts.find(name);
        if (muscleId.empty() || part == parts.end()) continue;
        LessonMuscle m;
        m.node = exported.scene.nodes[i].name;
        m.name = name;
        if (const MuscleInfo* info = content.findMuscleInfo(muscleId)) m.summary = info->summary;
        for (std::size_t k = 0; k < poses.size(); ++k) {
            auto& at = actions[{part->second.muscle, k}];
            if (at.empty()) {
                const int muscle = part->second.muscle;
                if (doc::isTrunkMuscle(model, muscle)) {
                    for (const doc::PartLumbarActions& pa : doc::lumbarActions(model, poses[k], muscle)) at.push_back(actionWords(pa));
                } else {
                    evaluator.setPose(poses[k]);
                    for (const doc::PartActions& pa : doc::liveActions(model, evaluator, muscle)) at.push_back(actionWords(pa));
                }
            }
            const auto p = static_cast<std::size_t>(part->second.part);
            m.actions.push_back(p < at.size() ? at[p] : std::vector<std::string>{});
        }
        page.muscles.push_back(std::move(m));
    }
    return page;
}

std::string lessonHtml(const LessonPage& page, const ThreeSources& three) {
    using nlohmann::json;
    const gfx::Camera& c = page.camera;
    const auto vec = [](const glm::vec3& v) { return json::array({v.x, v.y, v.z}); };
    json data;
    data["title"] = page.title;
    data["background"] = page.background;
    data["loops"] = page.loops;
    data["camera"] = {{"eye", vec(c.eye)}, {"target", vec(c.target)}, {"up", vec(c.up)}, {"fovY", c.fovYDegrees},
                      {"near", c.nearZ}, {"far", c.farZ}, {"aspect", page.aspect}};
    data["keyTimes"] = page.keyTimes;
    json muscles = json::object();
    for (const LessonMuscle& m : page.muscles)
        muscles[m.node] = {{"name", m.name}, {"summary", m.summary}, {"actions", m.actions}};
    data["muscles"] = std::move(muscles);
    json legend = json::array();
    for (const LegendEntry& e : page.legend) legend.push_back({{"label", e.label}, {"colour", cssColour(e.colour)}});
    data["legend"] = std::move(legend);

    std::string scripts;
    for (const std::string* code : {&three.three, &three.gltfLoader, &three.orbitControls})
        scripts += "<script>\n" + inlineScript(*code) + "\n</script>\n";
    // The template is cut at its markers first, so nothing filled in is searched for markers.
    const std::string_view tpl = lessonTemplate();
    const std::pair<std::string_view, std::string> fills[] = {
        {"<!--HV:THREE-->", std::move(scripts)},
        {"/*HV:DATA*/", scriptSafeJson(data.dump(-1, ' ', false, json::error_handler_t::replace))},
        {"/*HV:GLB*/", base64(page.glb)}};
    std::string html;
    std::size_t from = 0;
    for (const auto& [marker, text] : fills) {
        const std::size_t at = tpl.find(marker, from);
        assert(at != std::string_view::npos && "the template holds its markers in this order");
        html.append(tpl.substr(from, at - from));
        html.append(text);
        from = at + marker.size();
    }
    html.append(tpl.substr(from));
    return html;
}

} // namespace hv::cli
