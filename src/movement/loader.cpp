#include "movement/loader.hpp"
#include "core/text.hpp"

#include "content/detail/loaders.hpp"
#include "content/toml_schema.hpp"
#include "core/pose_text.hpp"
#include "movement/lumbar.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace hv::movement {

using schema::Need;
using schema::NumberRange;
using schema::TableReader;

namespace {

// Movement ids: lower-case letters, digits and '-', starting with a letter or digit ("90-90").
bool isMovementId(const std::string& s) {
    if (s.empty() || s.size() > 64 || s.front() == '-') return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

template <class E> struct Names {
    std::vector<std::string> words;
    std::vector<E> values;
};

const Names<Category>& categories() {
    static const Names<Category> n{{"movement", "role-change", "stretch", "exercise", "self-test", "hip-back", "gait"},
                                   {Category::Movement, Category::RoleChange, Category::Stretch,
                                    Category::Exercise, Category::SelfTest, Category::HipBack, Category::Gait}};
    return n;
}
const Names<Posture>& postures() {
    static const Names<Posture> n{{"standing", "supine", "prone", "side-lying"},
                                  {Posture::Standing, Posture::Supine, Posture::Prone, Posture::SideLying}};
    return n;
}
const Names<Support>& supports() {
    static const Names<Support> n{{"none", "feet", "right", "left", "treadmill"},
                                  {Support::None, Support::Feet, Support::Right, Support::Left, Support::Treadmill}};
    return n;
}
// A key's `stance`: the leg in single-leg stance from that key on, or both feet down.
const Names<Side>& keyStances() {
    static const Names<Side> n{{"r", "l", "both"}, {Side::Right, Side::Left, Side::Midline}};
    return n;
}
const Names<SpineMode>& spineModes() {
    static const Names<SpineMode> n{{"with-pelvis", "upright"}, {SpineMode::WithPelvis, SpineMode::Upright}};
    return n;
}
const Names<Interpolation>& interpolations() {
    static const Names<Interpolation> n{{"smooth", "linear"}, {Interpolation::Smooth, Interpolation::Linear}};
    return n;
}

template <class E>
std::optional<E> readChoice(TableReader& t, std::string_view key, const Names<E>& names, Need need = Need::Optional) {
    const auto s = t.choice(key, need, names.words);
    if (!s) return std::nullopt;
    for (std::size_t i = 0; i < names.words.size(); ++i)
        if (names.words[i] == *s) return names.values[i];
    return std::nullopt;
}

bool isPelvisTranslation(const Coordinate& c) {
    return c.group == "pelvis" && c.kind == CoordinateKind::Translational;
}

struct KeyInput {
    Keyframe key;
    std::vector<std::pair<int, double>> pose; // coordinate, SI
};

class MovementReader {
public:
    MovementReader(const Content& content, Diagnostics& diags) : m_content(content), m_diags(diags) {}

    // Reads one [[movement]] into `m`; false if it had problems (reported). `m.id` and
    // `m.line` are set either way, so later duplicates can still be found.
    bool read(TableReader& t, const std::vector<Movement>& earlier, Movement& m) {
        const std::size_t before = m_diags.size();
        m.file = t.file();
        m.line = t.line();
        const auto id = t.string("id", Need::Required);
        if (id && !isMovementId(*id))
            t.error("id", "\"" + *id + "\" is not a valid movement id (lower-case letters, digits and -, at most 64 characters)");
        if (id) {
            for (const Movement& e : earlier)
                if (e.id == *id) t.error("id", "duplicate movement id \"" + *id + "\" (first defined at line " + std::to_string(e.line) + ")");
            m.id = *id;
        }
        m.title = t.string("title", Need::Required).value_or("");
        m.summary = t.string("summary", Need::Required).value_or("");
        m.plain = t.string("plain", Need::Required).value_or("");
        if (const auto c = readChoice(t, "category", categories(), Need::Required)) m.category = *c;
        if (const auto p = readChoice(t, "posture", postures())) m.posture = *p;
        Support support = readChoice(t, "support", supports()).value_or(Support::None);
        if (const auto s = readChoice(t, "spine", spineModes())) m.spine = *s;
        if (const auto i = readChoice(t, "interpolation", interpolations())) m.interpolation = *i;
        m.loop = t.boolean("loop", Need::Optional).value_or(false);
        if (const auto c = t.numbers("camera", Need::Optional, 2, 2)) {
            if (!(std::abs((*c)[0]) <= 360.0)) t.error("camera", "the azimuth (first number, degrees) must be from -360 to 360");
            else if (!(std::abs((*c)[1]) <= 89.0)) t.error("camera", "the elevation (second number, degrees) must be from -89 to 89");
            else m.camera = std::array<double, 2>{(*c)[0], (*c)[1]};
        }
        if (const auto st = t.choice("stance", Need::Optional, {"r", "l"})) m.stance = *st == "r" ? Side::Right : Side::Left;

        const detail::SourceCheck sources{&m_content.sources};
        if (t.has("sources")) {
            if (const auto keys = t.strings("sources", Need::Optional)) {
                for (const std::string& k : *keys) {
                    if (m_content.sources.contains(k)) m.sources.push_back(k);
                    else t.error("sources", unknownSourceMessage(k));
                }
            }
        }
        if (auto n = t.table("normal_range", Need::Optional)) m.normalRange = readNormalRange(*n, sources);
        if (t.has("targets")) readTargets(t, m);
        for (TableReader& p : t.tables("prop", Need::Optional)) readProp(p, m);

        std::vector<KeyInput> keys;
        for (TableReader& k : t.tables("key", Need::Required)) keys.push_back(readKey(k));
        if (t.has("key") && keys.size() < 2 && m_diags.size() == before)
            t.error("key", "a movement needs at least two keyframes, found " + std::to_string(keys.size()));
        t.finish();

        // Times: first at 0, then strictly increasing.
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const Keyframe& k = keys[i].key;
            if (k.time < 0) continue; // already reported
            if (i == 0 && k.time != 0.0)
                m_diags.push_back({m.file, k.line, 0, fieldOf(t, i, "t"),
                                   "the first keyframe must be at t = 0, found " + formatNumber(k.time)});
            if (i > 0 && keys[i - 1].key.time >= 0 && !(k.time > keys[i - 1].key.time))
                m_diags.push_back({m.file, k.line, 0, fieldOf(t, i, "t"),
                                   "keyframe times must increase: t = " + formatNumber(k.time) +
                                       " is not after the previous keyframe's t = " + formatNumber(keys[i - 1].key.time) +
                                       " (line " + std::to_string(keys[i - 1].key.line) + ")"});
        }

        // Support in force at each key, and no pelvis translations where HipView computes them.
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (m_keySupport[i]) support = *m_keySupport[i];
            keys[i].key.support = support;
            if (i == 0 || support == Support::None) continue;
            for (const auto& [c, v] : keys[i].pose) {
                const Coordinate& k = m_content.model.coordinates[static_cast<std::size_t>(c)];
                if (isPelvisTranslation(k))
                    m_diags.push_back({m.file, m_poseLines[i][c], 0, fieldOf(t, i, "pose." + k.name),
                                       k.name + " is computed from the support (\"" + std::string(supportName(support)) +
                                           "\") after the first keyframe; remove it here or set support = \"none\""});
            }
        }
        // single_support holds like a coordinate; 0 until a key sets it.
        double single = 0.0;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (m_keySingle[i]) single = *m_keySingle[i];
            keys[i].key.singleSupport = single;
        }
        // Stance at each key (hold rule, from the movement's own), and the movement's stance leg:
        // its own, else the first leg a key names.
        Side stance = m.stance;
        bool keyedStance = false;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (m_keyStance[i]) {
                stance = *m_keyStance[i];
                keyedStance = true;
                if (m.stance == Side::Midline && stance != Side::Midline) m.stance = stance;
            }
            keys[i].key.stance = stance;
        }
        if (m.stance == Side::Midline) {
            for (std::size_t i = 0; i < keys.size(); ++i)
                if (m_keySingle[i]) {
                    m_diags.push_back({m.file, keys[i].key.line, 0, fieldOf(t, i, "single_support"),
                                       "single_support needs a stance leg (stance = \"r\" or \"l\", on the movement or on a keyframe)"});
                    break;
                }
        } else if (keyedStance) {
            // Both feet down: no weight on one leg alone.
            for (std::size_t i = 0; i < keys.size(); ++i)
                if (keys[i].key.stance == Side::Midline && keys[i].key.singleSupport > 0.0) {
                    m_diags.push_back({m.file, keys[i].key.line, 0,
                                       fieldOf(t, i, m_keySingle[i] ? "single_support" : "stance"),
                                       "single_support is " + formatNumber(keys[i].key.singleSupport) +
                                           " at a keyframe whose stance is \"both\" (both feet down); set single_support = 0 here"});
                }
        }

        if (m_diags.size() != before) return false;

        // Tracks in first-use order; every key gets a value (hold rule).
        for (const KeyInput& k : keys)
            for (const auto& [c, v] : k.pose)
                if (std::find(m.coordinates.begin(), m.coordinates.end(), c) == m.coordinates.end()) m.coordinates.push_back(c);
        m.values.assign(keys.size() * m.coordinates.size(), 0.0);
        for (std::size_t tr = 0; tr < m.coordinates.size(); ++tr) {
            double held = m_content.model.coordinates[static_cast<std::size_t>(m.coordinates[tr])].defaultValue;
            for (std::size_t i = 0; i < keys.size(); ++i) {
                for (const auto& [c, v] : keys[i].pose)
                    if (c == m.coordinates[tr]) held = v;
                m.values[i * m.coordinates.size() + tr] = held;
            }
        }
        for (KeyInput& k : keys) m.keys.push_back(std::move(k.key));
        return true;
    }

private:
    const Content& m_content;
    Diagnostics& m_diags;
    // Per key of the movement being read (index-aligned with its keys).
    std::vector<std::optional<Support>> m_keySupport;
    std::vector<std::optional<double>> m_keySingle;
    std::vector<std::optional<Side>> m_keyStance;
    std::vector<std::map<int, int>> m_poseLines; // coordinate -> line

    static std::string fieldOf(const TableReader& movement, std::size_t key, const std::string& field) {
        return movement.fieldPath("key") + "[" + std::to_string(key + 1) + "]." + field;
    }

    std::string unknownSourceMessage(const std::string& key) const {
        std::vector<std::string> keys;
        for (const auto& [k, v] : m_content.sources) keys.push_back(k);
        std::string message = "unknown source \"" + key + "\" (not in sources.toml";
        const std::string hint = closestMatch(key, keys);
        message += hint.empty() ? "; known: " + joinNames(keys) + ")" : "; did you mean \"" + hint + "\"?)";
        return message;
    }

    // targets = ["piriformis_r", ...]: each a known muscle, none twice.
    void readTargets(TableReader& t, Movement& m) {
        const auto names = t.strings("targets", Need::Optional);
        if (!names) return; // wrong type: reported
        if (names->empty()) t.error("targets", "targets is empty; name at least one muscle or leave the field out");
        for (std::size_t i = 0; i < names->size(); ++i) {
            const std::string& name = (*names)[i];
            const std::string where = "target " + std::to_string(i + 1) + " \"" + name + "\": ";
            const auto target = parseMuscleName(m_content, name);
            if (!target) {
                const bool sided = name.size() > 2 && (name.ends_with("_r") || name.ends_with("_l"));
                const std::string base = sided ? name.substr(0, name.size() - 2) : name;
                t.error("targets", where + unknownMuscleMessage(m_content, base) +
                                       " (add _r or _l for one side)");
                continue;
            }
            const bool overlaps = std::any_of(m.targets.begin(), m.targets.end(), [&](const TargetMuscle& e) {
                return e.muscleId == target->muscleId && (!e.side || !target->side || *e.side == *target->side);
            });
            if (overlaps) {
                t.error("targets", where + "names " + target->muscleId + " a second time");
                continue;
            }
            m.targets.push_back(*target);
        }
    }

    // [[movement.prop]]: kind, then the fields of that kind (an unexpected one is an unknown field).
    void readProp(TableReader& p, Movement& m) {
        Prop prop;
        prop.line = p.line();
        bool ok = true;
        const auto kindWord = p.string("kind", Need::Required);
        std::optional<PropKind> kind;
        if (kindWord) {
            kind = propKindFromName(*kindWord);
            if (!kind) {
                const std::vector<std::string> kinds = propKindNames();
                const std::string hint = closestMatch(*kindWord, kinds);
                p.error("kind", "unknown prop kind \"" + *kindWord + "\"" +
                                    (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") + "; valid: " + joinNames(kinds));
            }
        }
        if (!kind) {
            // Which fields belong depends on the kind: without one, the rest is not judged.
            const std::vector<std::string> rest = p.keys();
            (void)rest;
            p.finish(); // reports a missing kind
            return;
        }
        prop.kind = *kind;
        // A body point by name, moved by `KEY_offset` (metres in the body's frame) when given.
        const auto point = [&](std::string_view key, BodyPoint& out) {
            const auto name = p.string(key, Need::Required);
            const std::string offsetKey = std::string(key) + "_offset";
            const auto offset = p.vec3(offsetKey, Need::Optional);
            if (offset && !(glm::length(*offset) <= kMaxPointOffset)) {
                p.error(offsetKey, "the offset is " + formatNumber(glm::length(*offset)) + " m long; at most " +
                                       formatNumber(kMaxPointOffset) + " m");
                return false;
            }
            if (!name) return false;
            if (const auto b = namedBodyPoint(m_content.model, *name)) {
                out = *b;
                if (offset) out.local += *offset;
                return true;
            }
            const std::vector<std::string> names = bodyPointNames();
            const std::string hint = closestMatch(*name, names);
            p.error(key, "unknown body point \"" + *name + "\"" + (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") +
                             "; valid: " + joinNames(names));
            return false;
        };
        switch (prop.kind) {
        case PropKind::Couch:
        case PropKind::Bench:
        case PropKind::Step: {
            const auto top = p.vec3("top", Need::Required);
            const auto size = p.vec3("size", Need::Required);
            ok = top && size;
            if (top) prop.top = *top;
            if (top && top->y < 0.0) {
                p.error("top", "the top's height (second number) is " + formatNumber(top->y) + " m, below the floor");
                ok = false;
            }
            if (size) {
                prop.size = *size;
                for (int i = 0; i < 3; ++i)
                    if (!((*size)[i] > 0.0 && (*size)[i] <= kMaxPropSize)) {
                        p.error("size", "size " + std::to_string(i + 1) + " (" + std::string("xyz").substr(static_cast<std::size_t>(i), 1) +
                                            ") is " + formatNumber((*size)[i]) + " m; each size must be more than 0 and at most " +
                                            formatNumber(kMaxPropSize) + " m");
                        ok = false;
                        break;
                    }
            }
            break;
        }
        case PropKind::Band:
            if (p.has("anchor")) { // tied to a fixed point in the room
                prop.anchored = true;
                const auto anchor = p.vec3("anchor", Need::Required);
                ok = anchor.has_value();
                if (anchor) prop.anchor = *anchor;
                if (p.has("from")) {
                    p.error("from", "a band runs from a body point (from) or a room point (anchor), not both");
                    ok = false;
                }
                ok = point("to", prop.to) && ok;
                break;
            }
            ok = point("from", prop.from);
            ok = point("to", prop.to) && ok;
            if (ok && prop.from.name == prop.to.name && prop.from.local == prop.to.local) {
                p.error("to", "a band needs two different body points; both are \"" + prop.to.name + "\"");
                ok = false;
            }
            break;
        case PropKind::Cable: {
            const auto anchor = p.vec3("anchor", Need::Required);
            if (anchor) prop.anchor = *anchor;
            ok = anchor.has_value();
            if (anchor && anchor->y < 0.0) {
                p.error("anchor", "the anchor's height (second number) is " + formatNumber(anchor->y) + " m, below the floor");
                ok = false;
            }
            ok = point("to", prop.to) && ok;
            break;
        }
        }
        p.finish();
        if (ok) m.props.push_back(std::move(prop));
    }

    NormalRange readNormalRange(TableReader& n, const detail::SourceCheck& sources) {
        NormalRange r;
        const auto coordinate = n.string("coordinate", Need::Required);
        const auto sense = n.string("sense", Need::Required);
        r.degrees = n.number("degrees", Need::Required, NumberRange{0.0, 180.0, true}).value_or(0.0);
        r.source = sources.read(n, "source", Need::Required).value_or("");
        r.note = n.string("note", Need::Optional).value_or("");
        if (coordinate) {
            const auto coords = resolveCoordinates(m_content.model, *coordinate);
            if (coords.empty()) {
                n.error("coordinate", unknownCoordinateMessage(m_content.model, *coordinate));
            } else {
                r.coordinate = *coordinate;
                const Coordinate& c = m_content.model.coordinates[static_cast<std::size_t>(coords.front())];
                if (sense) {
                    if (*sense == c.positiveMeaning) r.positive = true;
                    else if (*sense == c.negativeMeaning) r.positive = false;
                    else
                        n.error("sense", "\"" + *sense + "\" is not one of " + c.name + "'s senses: \"" +
                                             c.positiveMeaning + "\", \"" + c.negativeMeaning + "\"");
                }
            }
        }
        n.finish();
        return r;
    }

    KeyInput readKey(TableReader& k) {
        KeyInput in;
        in.key.line = k.line();
        in.key.time = k.number("t", Need::Required, NumberRange{0.0, 3600.0}).value_or(-1.0);
        in.key.label = k.string("label", Need::Optional).value_or("");
        m_keySupport.push_back(readChoice(k, "support", supports()));
        m_keySingle.push_back(k.number("single_support", Need::Optional, NumberRange{0.0, 1.0}));
        m_keyStance.push_back(readChoice(k, "stance", keyStances()));
        m_poseLines.emplace_back();
        // `pose` sets any coordinate; `arms` only the arms' (group "arm"), on a line of its own.
        for (const bool arms : {false, true}) {
            auto pose = k.table(arms ? "arms" : "pose", Need::Optional);
            if (!pose) continue;
            for (const std::string& name : pose->keys()) {
                const int plane = arms ? -1 : lumbarPlane(name);
                const auto coords = plane >= 0 ? std::vector<int>{} : resolveCoordinates(m_content.model, name);
                if (plane < 0 && coords.empty()) {
                    pose->error(name, unknownCoordinateMessage(m_content.model, name) +
                                          "; or a whole-spine name: lumbar_flexion, lumbar_bending, lumbar_rotation");
                    continue;
                }
                const auto value = pose->number(name, Need::Required);
                if (!value) continue; // wrong type or not finite: reported
                if (plane >= 0) {
                    readLumbarTotal(*pose, name, static_cast<std::size_t>(plane), *value, in);
                    continue;
                }
                if (arms && std::any_of(coords.begin(), coords.end(), [&](int c) {
                        return m_content.model.coordinates[static_cast<std::size_t>(c)].group != "arm";
                    })) {
                    pose->error(name, name + " is not an arm coordinate; arms sets only the shoulders, elbows and wrists "
                                             "(the rest goes in pose)");
                    continue;
                }
                for (int c : coords) {
                    const Coordinate& co = m_content.model.coordinates[static_cast<std::size_t>(c)];
                    const double si = coordinateFromUser(co, *value);
                    if (si < co.minValue - 1e-9 || si > co.maxValue + 1e-9) {
                        pose->error(name, co.name + " = " + formatNumber(*value) + " " + std::string(coordinateUserUnit(co)) +
                                              " is outside its range " + formatNumber(coordinateToUser(co, co.minValue)) +
                                              " to " + formatNumber(coordinateToUser(co, co.maxValue)) + " " +
                                              std::string(coordinateUserUnit(co)));
                        break;
                    }
                    const bool twice = std::any_of(in.pose.begin(), in.pose.end(), [&](const auto& p) { return p.first == c; });
                    if (twice) {
                        pose->error(name, co.name + " is set twice in this keyframe");
                        break;
                    }
                    in.pose.emplace_back(c, si);
                    m_poseLines.back()[c] = pose->lineOf(name);
                }
            }
            pose->finish();
        }
        k.finish();
        return in;
    }

    // "lumbar_flexion", "lumbar_bending", "lumbar_rotation": 0, 1, 2; else -1.
    static int lumbarPlane(const std::string& name) {
        if (name == "lumbar_flexion") return 0;
        if (name == "lumbar_bending") return 1;
        if (name == "lumbar_rotation") return 2;
        return -1;
    }

    // A whole-spine angle (deg), spread over the levels in proportion to their ranges.
    void readLumbarTotal(TableReader& pose, const std::string& name, std::size_t plane, double value, KeyInput& in) {
        const LumbarSpine spine = findLumbarSpine(m_content.model);
        double lo = 0.0, hi = 0.0, widths = 0.0;
        for (const LumbarLevel& l : spine.levels) {
            if (l.coordinates[plane] < 0) {
                pose.error(name, "the model has no lumbar level coordinates to spread " + name + " over");
                return;
            }
            const Coordinate& c = m_content.model.coordinates[static_cast<std::size_t>(l.coordinates[plane])];
            lo += c.minValue;
            hi += c.maxValue;
            widths += c.maxValue - c.minValue;
        }
        const double si = toRadians(value);
        if (si < lo - 1e-9 || si > hi + 1e-9) {
            pose.error(name, name + " = " + formatNumber(value) + " deg is outside the lumbar spine's range " +
                                 formatNumber(toDegrees(lo)) + " to " + formatNumber(toDegrees(hi)) +
                                 " deg (the sum of its levels' ranges)");
            return;
        }
        for (const LumbarLevel& l : spine.levels) {
            const int c = l.coordinates[plane];
            const Coordinate& co = m_content.model.coordinates[static_cast<std::size_t>(c)];
            const double v = std::clamp(si * (co.maxValue - co.minValue) / widths, co.minValue, co.maxValue);
            if (std::any_of(in.pose.begin(), in.pose.end(), [&](const auto& p) { return p.first == c; })) {
                pose.error(name, co.name + " is set twice in this keyframe (by " + name + " and by name)");
                return;
            }
            in.pose.emplace_back(c, v);
            m_poseLines.back()[c] = pose.lineOf(name);
        }
    }

public:
    void resetKeys() {
        m_keySupport.clear();
        m_keySingle.clear();
        m_keyStance.clear();
        m_poseLines.clear();
    }
};

MovementLoad loadDocument(const schema::TomlDocument* doc, Diagnostics diags, const Content& content) {
    MovementLoad result;
    result.diagnostics = std::move(diags);
    if (!doc) return result;
    MovementLibrary library;
    TableReader root(doc->root(), doc->name(), "", result.diagnostics);
    root.choice("schema", Need::Required, {"hipview-movements 1"});
    MovementReader reader(content, result.diagnostics);
    for (TableReader& t : root.tables("movement", Need::Required)) {
        reader.resetKeys();
        Movement m;
        reader.read(t, library.movements, m); // kept even when it had problems: its id stays known
        library.movements.push_back(std::move(m));
    }
    root.finish();
    if (result.diagnostics.empty()) result.library = std::move(library);
    return result;
}

} // namespace

std::optional<TargetMuscle> parseMuscleName(const Content& content, std::string_view text) {
    if (content.findMuscleInfo(text)) return TargetMuscle{std::string(text), std::nullopt};
    for (const auto& [suffix, side] : {std::pair<std::string_view, Side>{"_r", Side::Right}, {"_l", Side::Left}})
        if (text.size() > 2 && text.ends_with(suffix) && content.findMuscleInfo(text.substr(0, text.size() - 2)))
            return TargetMuscle{std::string(text.substr(0, text.size() - 2)), side};
    return std::nullopt;
}

std::filesystem::path defaultMovementFile(const Content& content) { return content.directory / "movements.toml"; }

MovementLoad loadMovements(const std::filesystem::path& path, const Content& content) {
    Diagnostics diags;
    const auto doc = schema::TomlDocument::parseFile(path, path.string(), diags);
    return loadDocument(doc.get(), std::move(diags), content);
}

MovementLoad loadMovementsFromString(std::string_view text, const std::string& displayName, const Content& content) {
    Diagnostics diags;
    const auto doc = schema::TomlDocument::parseString(text, displayName, diags);
    return loadDocument(doc.get(), std::move(diags), content);
}

} // namespace hv::movement
