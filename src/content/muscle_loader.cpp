// muscles/*.toml: one muscle each, its wrap cylinders, parts, paths and textbook actions.
#include "content/detail/loaders.hpp"

#include "core/path.hpp"
#include "core/units.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace hv::detail {

namespace {

std::vector<std::string> bodyNames(const Model& model) {
    std::vector<std::string> names;
    for (const Body& b : model.bodies) names.push_back(b.name);
    return names;
}

int readBody(TableReader& t, std::string_view key, const Model& model) {
    const auto name = t.string(key, Need::Required);
    if (!name) return -1;
    const int b = model.findBody(*name);
    if (b < 0) {
        const auto names = bodyNames(model);
        const std::string hint = closestMatch(*name, names);
        t.error(key, "unknown body \"" + *name + "\"" +
                         (hint.empty() ? " (valid: " + joinNames(names) + ")" : " (did you mean \"" + hint + "\"?)"));
    }
    return b;
}

std::string unknownCoordinateMessage(const std::string& name, const std::vector<std::string>& names) {
    const std::string hint = closestMatch(name, names);
    return "unknown coordinate \"" + name + "\"" +
           (hint.empty() ? " (valid: " + joinNames(names) + ")" : " (did you mean \"" + hint + "\"?)");
}

// Names a muscle file may use for a coordinate: sided ones without their "_r", midline ones whole.
std::vector<std::string> actionCoordinateNames(const Model& model) {
    std::vector<std::string> names;
    for (const Coordinate& c : model.coordinates)
        names.push_back(c.side == Side::Right ? c.name.substr(0, c.name.size() - 2) : c.name);
    return names;
}

int resolveActionCoordinate(const Model& model, const std::string& base) {
    const int sided = model.findCoordinate(base + "_r");
    if (sided >= 0) return sided;
    const int c = model.findCoordinate(base);
    return c >= 0 && model.coordinates[static_cast<std::size_t>(c)].side == Side::Midline ? c : -1;
}

std::optional<PointCondition> readCondition(TableReader& t, const Model& model) {
    const auto coord = t.string("coordinate", Need::Required);
    const auto range = t.numbers("range", Need::Required, 2, 2);
    t.finish();
    if (!coord || !range) return std::nullopt;
    PointCondition c;
    c.coordinate = model.findCoordinate(*coord);
    if (c.coordinate < 0) {
        std::vector<std::string> names;
        for (const Coordinate& k : model.coordinates) names.push_back(k.name);
        t.error("coordinate", unknownCoordinateMessage(*coord, names));
        return std::nullopt;
    }
    const CoordinateKind kind = model.coordinates[static_cast<std::size_t>(c.coordinate)].kind;
    c.min = coordinateFromUser(kind, (*range)[0]);
    c.max = coordinateFromUser(kind, (*range)[1]);
    if (c.min > c.max) {
        t.error("range", "the lower bound is above the upper bound");
        return std::nullopt;
    }
    return c;
}

void checkBodySide(TableReader& t, std::string_view key, const Model& model, int body) {
    if (body >= 0 && model.bodies[static_cast<std::size_t>(body)].side == Side::Left)
        t.error(key, "muscle files describe the right side; the left side is made by mirroring");
}

std::optional<MusclePart> readPart(TableReader& t, const SourceCheck& sources, const FrameMaps& maps,
                                   const Model& model, PartInfo& info) {
    MusclePart part;
    bool ok = true;
    auto name = t.string("name", Need::Optional);
    if (name && !name->empty()) checkIdentifier(t, "name", name);
    part.name = name.value_or("");
    info.name = part.name;
    part.displayName = t.string("display_name", Need::Optional).value_or(part.name);
    info.displayName = part.displayName;
    info.note = t.string("note", Need::Optional).value_or("");
    info.architectureNote = t.string("architecture_note", Need::Optional).value_or("");
    if (auto exception = t.table("path_exception", Need::Optional)) {
        const auto movements = exception->strings("movements", Need::Required);
        const auto reason = exception->string("reason", Need::Required);
        if (movements && movements->empty())
            exception->error("movements", "lists no movement: name the movements the path fails, or remove path_exception");
        if (reason && reason->empty()) exception->error("reason", "is empty: say why the path fails those movements");
        info.pathExceptionMovements = movements.value_or(std::vector<std::string>{});
        info.pathExceptionReason = reason.value_or("");
        exception->finish();
    }
    part.pathSource = sources.read(t, "path_source", Need::Required).value_or("");
    sources.read(t, "architecture_source", Need::Optional);
    const auto frame = t.string("frame", Need::Optional);
    const std::map<std::string, SimilarityTransform>* frameMap = nullptr;
    if (frame) {
        const auto it = maps.find(*frame);
        if (it == maps.end()) {
            std::vector<std::string> names;
            for (const auto& [k, v] : maps) names.push_back(k);
            t.error("frame", "unknown frame map \"" + *frame + "\" (skeleton.toml defines: " + joinNames(names) + ")");
            ok = false;
        } else {
            frameMap = &it->second;
        }
    }
    part.architecture.maxIsometricForce = t.number("max_isometric_force", Need::Required, {0.0, 1e5, true}).value_or(0.0);
    part.architecture.optimalFiberLength = t.number("optimal_fiber_length", Need::Optional, {0.0, 1.0, true}).value_or(0.0);
    part.architecture.tendonSlackLength = t.number("tendon_slack_length", Need::Optional, {0.0, 2.0}).value_or(0.0);
    part.architecture.pennationAngle = t.number("pennation_angle", Need::Optional, {0.0, 89.0}).value_or(0.0) * kRadPerDeg;

    for (TableReader& p : t.tables("point", Need::Required)) {
        PathPoint pt;
        pt.body = readBody(p, "body", model);
        checkBodySide(p, "body", model, pt.body);
        const auto at = p.vec3("at", Need::Required);
        p.choice("kind", Need::Optional, {"origin", "via", "insertion"});
        if (auto cond = p.table("active_when", Need::Optional)) {
            pt.condition = readCondition(*cond, model);
            if (!pt.condition) ok = false;
        }
        if (at) {
            if (glm::length(*at) > 1.0) {
                p.error("at", "more than 1 m from the body's origin: the numbers must be metres");
                ok = false;
            }
            pt.location = *at;
            if (frameMap && pt.body >= 0) {
                const auto it = frameMap->find(model.bodies[static_cast<std::size_t>(pt.body)].name);
                if (it == frameMap->end()) {
                    p.error("body", "frame map \"" + *frame + "\" has no entry for body \"" +
                                        model.bodies[static_cast<std::size_t>(pt.body)].name + "\"");
                    ok = false;
                } else {
                    pt.location = it->second.apply(*at);
                }
            }
        }
        ok = ok && pt.body >= 0 && at.has_value();
        p.finish();
        part.points.push_back(pt);
    }
    if (part.points.size() < 2 || part.points.size() > kMaxPathPoints) {
        t.error("point", "a path needs 2 to " + std::to_string(kMaxPathPoints) + " points, found " +
                             std::to_string(part.points.size()));
        ok = false;
    }
    for (TableReader& w : t.tables("wrap", Need::Optional)) {
        WrapUse use;
        const auto cyl = w.string("cylinder", Need::Required);
        if (cyl) {
            use.cylinder = model.findWrapCylinder(*cyl);
            if (use.cylinder < 0) {
                std::vector<std::string> names;
                for (const WrapCylinder& c : model.wrapCylinders) names.push_back(c.name);
                w.error("cylinder", "unknown wrap cylinder \"" + *cyl + "\" (defined: " + joinNames(names) + ")");
                ok = false;
            }
        }
        if (const auto range = w.numbers("points", Need::Optional, 2, 2)) {
            const double a = (*range)[0], b = (*range)[1];
            const double n = static_cast<double>(part.points.size());
            if (a != static_cast<int>(a) || b != static_cast<int>(b) || a < 1 || b > n || a >= b) {
                w.error("points", "must be two whole point numbers, 1-based, first below second, within the path's " +
                                      std::to_string(part.points.size()) + " points");
                ok = false;
            } else {
                use.firstPoint = static_cast<int>(a) - 1;
                use.lastPoint = static_cast<int>(b) - 1;
            }
        }
        w.finish();
        part.wraps.push_back(use);
    }
    if (part.wraps.size() > kMaxWrapsPerPart) {
        t.error("wrap", "a part may use at most " + std::to_string(kMaxWrapsPerPart) + " wrap cylinders, found " +
                            std::to_string(part.wraps.size()));
        ok = false;
    }
    t.finish();
    return ok ? std::optional<MusclePart>(std::move(part)) : std::nullopt;
}

std::optional<TextbookAction> readAction(TableReader& t, const SourceCheck& sources, const Model& model,
                                         const std::vector<PartInfo>& parts) {
    TextbookAction a;
    a.line = t.line();
    bool ok = true;
    const auto coordNames = actionCoordinateNames(model);
    const auto coord = t.string("coordinate", Need::Required);
    int c = -1;
    if (coord) {
        c = resolveActionCoordinate(model, *coord);
        if (c < 0) {
            t.error("coordinate", unknownCoordinateMessage(*coord, coordNames));
            ok = false;
        }
        a.coordinate = *coord;
    }
    const auto sense = t.string("sense", Need::Required);
    if (sense && c >= 0) {
        const Coordinate& k = model.coordinates[static_cast<std::size_t>(c)];
        a.sense = *sense;
        if (*sense == k.positiveMeaning) a.positive = true;
        else if (*sense == k.negativeMeaning) a.positive = false;
        else {
            t.error("sense", "\"" + *sense + "\" is not a sense of " + a.coordinate + " (use \"" + k.positiveMeaning +
                                 "\" or \"" + k.negativeMeaning + "\")");
            ok = false;
        }
    }
    a.when = t.string("when", Need::Optional).value_or("");
    a.text = t.string("text", Need::Optional).value_or("");
    a.plain = t.string("plain", Need::Required).value_or("");
    a.part = t.string("part", Need::Optional).value_or("");
    if (!a.part.empty() && std::none_of(parts.begin(), parts.end(), [&](const PartInfo& p) { return p.name == a.part; })) {
        std::vector<std::string> names;
        for (const PartInfo& p : parts) names.push_back(p.name);
        t.error("part", "unknown part \"" + a.part + "\" (this muscle has: " + joinNames(names) + ")");
        ok = false;
    }
    a.source = sources.read(t, "source", Need::Required).value_or("");
    if (!t.has("source")) ok = false;
    a.geometryDisagrees = t.string("geometry_disagrees", Need::Optional).value_or("");
    if (auto at = t.table("check_at", Need::Optional)) {
        for (const std::string& name : coordNames) {
            if (!at->has(name)) continue;
            const int k = resolveActionCoordinate(model, name);
            const Coordinate& kc = model.coordinates[static_cast<std::size_t>(k)];
            if (const auto v = at->number(name, Need::Required)) {
                const double si = coordinateFromUser(kc, *v);
                if (si < kc.minValue || si > kc.maxValue) {
                    at->error(name, "outside the coordinate's range");
                    ok = false;
                }
                a.checkAt.emplace_back(name, si);
            }
        }
        at->finish();
    }
    t.finish();
    return ok ? std::optional<TextbookAction>(std::move(a)) : std::nullopt;
}

} // namespace

void loadWrapCylinders(TableReader& root, const SourceCheck& sources, Model& model) {
    for (TableReader& t : root.tables("wrap_cylinder", Need::Optional)) {
        WrapCylinder w;
        auto name = t.string("name", Need::Required);
        checkIdentifier(t, "name", name);
        w.name = name.value_or("");
        if (name && model.findWrapCylinder(w.name) >= 0) t.error("name", "duplicate wrap cylinder \"" + w.name + "\"");
        w.body = readBody(t, "body", model);
        checkBodySide(t, "body", model, w.body);
        const double f = angleFactor(t);
        const auto tr = t.vec3("translation", Need::Required);
        const auto rot = t.vec3("orientation", Need::Optional);
        w.frame.translation = tr.value_or(Vec3{0.0});
        if (rot) w.frame.rotation = rotationXyzBodyFixed(*rot * f);
        w.radius = t.number("radius", Need::Required, {0.0, 0.5, true}).value_or(0.0);
        w.length = t.number("length", Need::Optional, {0.0, 2.0}).value_or(0.1);
        const auto q = t.choice("quadrant", Need::Optional, {"all", "x", "-x", "y", "-y"}).value_or("all");
        w.quadrant = q == "x" ? WrapQuadrant::PosX : q == "-x" ? WrapQuadrant::NegX : q == "y" ? WrapQuadrant::PosY
                   : q == "-y" ? WrapQuadrant::NegY : WrapQuadrant::All;
        sources.read(t, "source", Need::Required);
        t.string("note", Need::Optional);
        t.finish();
        // Kept even when a field is wrong, so that the parts using it do not report it unknown too
        // (the load fails on the diagnostic anyway).
        if (name) model.wrapCylinders.push_back(std::move(w));
    }
}

void loadMuscle(TableReader& root, const SourceCheck& sources, const std::vector<MuscleGroup>& groups,
                const FrameMaps& maps, Model& model, std::vector<MuscleInfo>& infos) {
    root.choice("schema", Need::Required, {"hipview-muscle 1"});
    MuscleInfo info;
    info.file = root.file();
    auto id = root.string("id", Need::Required);
    checkIdentifier(root, "id", id);
    info.id = id.value_or("");
    bool ok = id.has_value();
    if (id && std::any_of(infos.begin(), infos.end(), [&](const MuscleInfo& m) { return m.id == info.id; })) {
        root.error("id", "duplicate muscle id \"" + info.id + "\" (also in another muscle file)");
        ok = false;
    }
    info.name = root.string("name", Need::Required).value_or("");
    const auto group = root.string("group", Need::Required);
    if (group) {
        info.group = *group;
        if (std::none_of(groups.begin(), groups.end(), [&](const MuscleGroup& g) { return g.id == *group; })) {
            std::vector<std::string> names;
            for (const MuscleGroup& g : groups) names.push_back(g.id);
            root.error("group", "unknown group \"" + *group + "\" (groups.toml defines: " + joinNames(names) + ")");
            ok = false;
        }
    }
    info.aliases = root.strings("aliases", Need::Optional).value_or(std::vector<std::string>{});
    info.origin = root.string("origin", Need::Required).value_or("");
    info.insertion = root.string("insertion", Need::Required).value_or("");
    info.innervation = root.string("innervation", Need::Required).value_or("");
    info.summary = root.string("summary", Need::Optional).value_or("");
    info.plain = root.string("plain", Need::Required).value_or("");
    info.shape = root.choice("shape", Need::Optional, {"fusiform", "fan", "strap"}).value_or("fusiform");
    if (const auto bands = root.numbers("tendinous_intersections", Need::Optional, 1, kMaxTendinousIntersections)) {
        bool ok = true;
        for (std::size_t i = 0; i < bands->size(); ++i)
            if (!((*bands)[i] > 0.0 && (*bands)[i] < 1.0) || (i > 0 && !((*bands)[i] > (*bands)[i - 1]))) ok = false;
        if (!ok) root.error("tendinous_intersections", "must be ascending fractions of the path between 0 (origin) and 1 (insertion), e.g. [0.5, 0.72, 0.92]");
        else info.tendinousIntersections = *bands;
    }
    if (const auto layer = root.number("layer", Need::Optional, {1.0, double(kMaxMuscleLayer)})) {
        if (std::floor(*layer) != *layer) root.error("layer", "must be a whole number from 1 (superficial) to 4 (deepest)");
        info.layer = static_cast<int>(*layer);
    }
    info.textSource = sources.read(root, "text_source", Need::Required).value_or("");

    Muscle muscle;
    muscle.id = info.id;
    muscle.displayName = info.name;
    muscle.group = info.group;
    muscle.side = Side::Right;
    std::set<std::string> partNames;
    auto partTables = root.tables("part", Need::Required);
    if (partTables.empty() && root.has("part")) ok = false;
    for (TableReader& t : partTables) {
        PartInfo pinfo;
        auto part = readPart(t, sources, maps, model, pinfo);
        if (partTables.size() > 1 && pinfo.name.empty()) {
            t.error("name", "a muscle with several parts needs a name for each part");
            ok = false;
        }
        if (!partNames.insert(pinfo.name).second) {
            t.error("name", "duplicate part name \"" + pinfo.name + "\"");
            ok = false;
        }
        info.parts.push_back(pinfo);
        if (part) muscle.parts.push_back(std::move(*part));
        else ok = false;
    }
    for (TableReader& t : root.tables("action", Need::Required)) {
        if (auto a = readAction(t, sources, model, info.parts)) info.actions.push_back(std::move(*a));
        else ok = false;
    }
    root.finish();
    if (!ok) return;
    model.muscles.push_back(std::move(muscle));
    infos.push_back(std::move(info));
}

} // namespace hv::detail
