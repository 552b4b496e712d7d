// skeleton.toml: coordinates, bodies with their joints, and frame maps.
#include "content/detail/loaders.hpp"

#include "core/units.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace hv::detail {

namespace {

Side readSide(TableReader& t) {
    const auto s = t.choice("side", Need::Required, {"midline", "r"});
    return s && *s == "r" ? Side::Right : Side::Midline;
}

// Base name of a right-side or midline coordinate ("hip_rotation_r" -> "hip_rotation").
std::string baseName(const std::string& name) { return name.ends_with("_r") ? name.substr(0, name.size() - 2) : name; }

void loadCoordinates(TableReader& root, const SourceCheck& sources, Model& model,
                     std::map<std::string, PlainWords, std::less<>>& plainWords) {
    for (TableReader& t : root.tables("coordinate", Need::Required)) {
        Coordinate c;
        auto name = t.string("name", Need::Required);
        checkIdentifier(t, "name", name);
        c.name = name.value_or("");
        if (name && model.findCoordinate(c.name) >= 0) t.error("name", "duplicate coordinate \"" + c.name + "\"");
        c.displayName = t.string("display_name", Need::Required).value_or(c.name);
        const auto kind = t.choice("kind", Need::Required, {"rotational", "translational"});
        c.kind = kind && *kind == "translational" ? CoordinateKind::Translational : CoordinateKind::Rotational;
        const auto range = t.numbers("range", Need::Required, 2, 2);
        const auto def = t.number("default", Need::Required);
        if (range) {
            c.minValue = coordinateFromUser(c.kind, (*range)[0]);
            c.maxValue = coordinateFromUser(c.kind, (*range)[1]);
            if (c.minValue > c.maxValue) t.error("range", "the lower bound is above the upper bound");
        }
        if (def) {
            c.defaultValue = coordinateFromUser(c.kind, *def);
            if (range && (c.defaultValue < c.minValue || c.defaultValue > c.maxValue))
                t.error("default", "the default lies outside the range");
        }
        c.group = t.string("group", Need::Required).value_or("");
        c.side = readSide(t);
        if (c.side == Side::Right && !c.name.ends_with("_r"))
            t.error("name", "a right-side coordinate's name must end in _r (the left one is made by mirroring)");
        c.positiveMeaning = t.string("positive", Need::Required).value_or("");
        c.negativeMeaning = t.string("negative", Need::Required).value_or("");
        // Plain words: optional, but both or neither.
        const auto plainPositive = t.string("plain_positive", Need::Optional);
        const auto plainNegative = t.string("plain_negative", Need::Optional);
        if (plainPositive.has_value() != plainNegative.has_value())
            t.error(plainPositive ? "plain_positive" : "plain_negative",
                    std::string("give both plain_positive and plain_negative, or neither (") +
                        (plainPositive ? "plain_negative" : "plain_positive") + " is missing)");
        else if (plainPositive)
            plainWords[baseName(c.name)] = PlainWords{*plainPositive, *plainNegative};
        sources.read(t, "source", Need::Required);
        t.string("note", Need::Optional);
        t.finish();
        model.coordinates.push_back(std::move(c));
    }
}

std::optional<TransformAxis> readAxis(TableReader& t, const Model& model, bool& isRotation) {
    bool ok = true;
    const auto type = t.choice("type", Need::Required, {"rotation", "translation"});
    isRotation = !type || *type == "rotation";
    TransformAxis a;
    const auto axis = t.vec3("axis", Need::Required);
    if (axis) {
        if (glm::length(*axis) < 1e-9) {
            t.error("axis", "the axis has zero length");
            ok = false;
        } else {
            a.axis = glm::normalize(*axis);
        }
    } else {
        ok = false;
    }
    const double f = angleFactor(t);
    const double yFactor = isRotation ? f : 1.0;
    const auto coord = t.string("coordinate", Need::Optional);
    const auto value = t.number("value", Need::Optional);
    if (coord) {
        a.coordinate = model.findCoordinate(*coord);
        if (a.coordinate < 0) {
            std::vector<std::string> names;
            for (const Coordinate& c : model.coordinates) names.push_back(c.name);
            const std::string hint = closestMatch(*coord, names);
            t.error("coordinate", "unknown coordinate \"" + *coord + "\"" +
                                      (hint.empty() ? " (valid: " + joinNames(names) + ")" : " (did you mean \"" + hint + "\"?)"));
            ok = false;
        }
        if (value) {
            t.error("value", "an axis has either a coordinate or a constant value, not both");
            ok = false;
        }
    }
    const bool hasSpline = t.has("spline_x") || t.has("spline_y");
    if (hasSpline) {
        const auto xs = t.numbers("spline_x", Need::Required, 1);
        const auto ys = t.numbers("spline_y", Need::Required, 1);
        if (!coord) {
            t.error("spline_x", "a spline needs the coordinate it is a function of");
            ok = false;
        }
        if (xs && ys) {
            if (xs->size() != ys->size()) {
                t.error("spline_y", "spline_x has " + std::to_string(xs->size()) + " values but spline_y has " +
                                        std::to_string(ys->size()));
                ok = false;
            } else if (!std::is_sorted(xs->begin(), xs->end(), std::less_equal<>())) {
                t.error("spline_x", "spline_x must increase strictly");
                ok = false;
            } else if (ok && a.coordinate >= 0) {
                const bool rotCoord = model.coordinates[static_cast<std::size_t>(a.coordinate)].kind ==
                                      CoordinateKind::Rotational;
                std::vector<double> x = *xs, y = *ys;
                for (double& v : x) v *= rotCoord ? f : 1.0;
                for (double& v : y) v *= yFactor;
                a.function = ScalarFunction::spline(std::move(x), std::move(y));
            }
        } else {
            ok = false;
        }
    } else if (coord) {
        a.function = ScalarFunction::linear(1.0, 0.0);
    } else if (value) {
        a.function = ScalarFunction::constant(*value * yFactor);
    } else {
        t.error("", "an axis needs a coordinate or a constant value");
        ok = false;
    }
    t.finish();
    return ok ? std::optional<TransformAxis>(a) : std::nullopt;
}

void loadBodies(TableReader& root, const SourceCheck& sources, Model& model) {
    std::set<std::string> jointNames;
    for (TableReader& t : root.tables("body", Need::Required)) {
        Body b;
        Joint j;
        auto name = t.string("name", Need::Required);
        checkIdentifier(t, "name", name);
        b.name = name.value_or("");
        if (name && (model.findBody(b.name) >= 0 || b.name == "ground"))
            t.error("name", "duplicate body \"" + b.name + "\"");
        b.displayName = t.string("display_name", Need::Required).value_or(b.name);
        b.side = readSide(t);
        if (b.side == Side::Right && !b.name.ends_with("_r"))
            t.error("name", "a right-side body's name must end in _r (the left one is made by mirroring)");
        const auto parent = t.string("parent", Need::Required);
        if (parent && *parent != "ground") {
            j.parentBody = model.findBody(*parent);
            if (j.parentBody < 0) {
                std::vector<std::string> names{"ground"};
                for (const Body& o : model.bodies) names.push_back(o.name);
                t.error("parent", "unknown parent body \"" + *parent + "\" (a parent must be listed before its children; known: " +
                                      joinNames(names) + ")");
            }
        }
        auto jname = t.string("joint", Need::Required);
        checkIdentifier(t, "joint", jname);
        j.name = jname.value_or("");
        if (jname && !jointNames.insert(j.name).second) t.error("joint", "duplicate joint \"" + j.name + "\"");
        if (auto o = readOffset(t, "parent_offset")) j.parentOffset = *o;
        if (auto o = readOffset(t, "child_offset")) j.childOffset = *o;
        sources.read(t, "source", Need::Required);
        t.string("note", Need::Optional);
        int rotations = 0, translations = 0;
        for (TableReader& at : t.tables("axis", Need::Optional)) {
            bool isRotation = true;
            const auto axis = readAxis(at, model, isRotation);
            int& count = isRotation ? rotations : translations;
            if (count == 3) {
                at.error("type", std::string("a joint has at most three ") + (isRotation ? "rotation" : "translation") + " axes");
                continue;
            }
            if (axis) (isRotation ? j.rotations : j.translations)[static_cast<std::size_t>(count)] = *axis;
            ++count;
        }
        t.finish();
        j.childBody = static_cast<int>(model.bodies.size());
        b.joint = static_cast<int>(model.joints.size());
        model.joints.push_back(std::move(j));
        model.bodies.push_back(std::move(b));
    }
}

void loadFrameMaps(TableReader& root, const SourceCheck& sources, const Model& model, FrameMaps& maps) {
    for (TableReader& t : root.tables("frame_map", Need::Optional)) {
        const auto name = t.string("name", Need::Required);
        checkIdentifier(t, "name", name);
        const auto body = t.string("body", Need::Required);
        if (body && model.findBody(*body) < 0) t.error("body", "unknown body \"" + *body + "\"");
        const auto method = t.choice("method", Need::Required, {"similarity", "rigid", "identity"});
        sources.read(t, "source", Need::Required);
        t.string("note", Need::Optional);
        std::vector<Vec3> from, to;
        for (TableReader& p : t.tables("pair", Need::Optional)) {
            p.string("label", Need::Required);
            const auto a = p.vec3("from", Need::Required);
            const auto b = p.vec3("to", Need::Required);
            if (a && b) {
                from.push_back(*a);
                to.push_back(*b);
            }
            p.finish();
        }
        if (name && body && method) {
            if (maps[*name].contains(*body)) t.error("body", "frame map \"" + *name + "\" already has body \"" + *body + "\"");
            if (*method == "identity") {
                maps[*name][*body] = SimilarityTransform{};
            } else {
                const SimilarityFit fit = fitSimilarity(from, to, *method == "similarity");
                if (!fit.ok) t.error("pair", "needs at least three corresponding points that are not in a line");
                else maps[*name][*body] = fit.transform;
            }
        }
        t.finish();
    }
}

// [bone_parameters.NAME]: default (deg, or m for pelvis_width), range, display_name, source.
void loadBoneParameters(TableReader& root, const SourceCheck& sources, BoneParameterSpec& spec) {
    std::array<bool, kBoneParameterCount> seen{};
    std::vector<std::string> names;
    for (std::size_t i = 0; i < kBoneParameterCount; ++i) names.emplace_back(boneParameterName(static_cast<BoneParameterId>(i)));
    const bool present = root.has("bone_parameters");
    for (auto& [name, t] : root.namedTables("bone_parameters", Need::Required)) {
        const auto id = findBoneParameter(name);
        if (!id) {
            const std::string hint = closestMatch(name, names);
            t.error("", "unknown bone parameter \"" + name + "\"" +
                            (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") + "; valid: " + joinNames(names));
            continue;
        }
        const std::size_t index = static_cast<std::size_t>(*id);
        seen[index] = true;
        BoneParameterInfo& info = spec.info[index];
        info.name = name;
        info.displayName = t.string("display_name", Need::Required).value_or(name);
        const bool length = *id == BoneParameterId::PelvisWidth;
        const double f = length ? 1.0 : kRadPerDeg;
        // What the maps can represent: a neck between straight up and straight across, a neck
        // pointing forwards or backwards by less than a right angle, a positive width.
        const NumberRange allowed = length ? NumberRange{0.0, 1.0, true}
                                           : *id == BoneParameterId::NeckShaft ? NumberRange{90.0, 180.0, true}
                                                                               : NumberRange{-89.0, 89.0};
        const auto range = t.numbers("range", Need::Required, 2, 2);
        const auto def = t.number("default", Need::Required, allowed);
        if (range) {
            info.minValue = (*range)[0] * f;
            info.maxValue = (*range)[1] * f;
            if (info.minValue > info.maxValue) t.error("range", "the lower bound is above the upper bound");
            const double lo = allowed.min * f, hi = allowed.max * f;
            if (info.minValue < lo || info.maxValue > hi || (allowed.minExclusive && info.minValue <= lo))
                t.error("range", std::string("the range must lie within ") +
                                     (length ? "0 and 1 m" : *id == BoneParameterId::NeckShaft ? "90 and 180 deg" : "-89 and 89 deg"));
        }
        if (def) {
            info.defaultValue = *def * f;
            if (range && (info.defaultValue < info.minValue || info.defaultValue > info.maxValue))
                t.error("default", "the default lies outside the range");
        }
        info.source = sources.read(t, "source", Need::Required).value_or("");
        t.string("note", Need::Optional);
        t.finish();
    }
    if (!present) return; // namedTables reported the missing section
    for (std::size_t i = 0; i < kBoneParameterCount; ++i)
        if (!seen[i]) root.error("bone_parameters", "missing bone parameter \"" + names[i] + "\" ([bone_parameters." + names[i] + "])");
}

} // namespace

void loadSkeleton(TableReader root, const SourceCheck& sources, Model& model, FrameMaps& maps,
                  BoneParameterSpec& boneParameters, std::map<std::string, PlainWords, std::less<>>& plainWords,
                  Diagnostics& diagnostics) {
    root.choice("schema", Need::Required, {"hipview-skeleton 1"});
    loadCoordinates(root, sources, model, plainWords);
    loadBodies(root, sources, model);
    loadFrameMaps(root, sources, model, maps);
    loadBoneParameters(root, sources, boneParameters);
    for (std::size_t c = 0; c < model.coordinates.size(); ++c) {
        bool used = false;
        for (const Joint& j : model.joints)
            for (const auto* axes : {&j.rotations, &j.translations})
                for (const TransformAxis& a : *axes) used = used || a.coordinate == static_cast<int>(c);
        if (!used)
            diagnostics.push_back({root.file(), 0, 0, "coordinate", "coordinate \"" + model.coordinates[c].name +
                                                                         "\" is not driven by any joint axis"});
    }
    if (model.findBody("pelvis") < 0)
        diagnostics.push_back({root.file(), 0, 0, "body", "the skeleton needs a body named \"pelvis\""});
    root.finish();
}

} // namespace hv::detail
