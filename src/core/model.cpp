#include "core/model.hpp"

#include <cassert>
#include <unordered_map>

namespace hv {

std::string_view sideSuffix(Side side) {
    switch (side) {
    case Side::Right: return "r";
    case Side::Left: return "l";
    case Side::Midline: break;
    }
    return "";
}

std::string musclePartId(const Muscle& muscle, std::size_t part) {
    std::string name = muscle.id;
    const std::string side(sideSuffix(muscle.side));
    if (!side.empty() && !name.ends_with("_" + side)) name += "_" + side;
    const std::string& partName = muscle.parts[part].name;
    if (!partName.empty()) name += "_" + partName;
    return name;
}

std::string otherSideName(std::string_view name) {
    std::string out{name};
    if (out.size() >= 2 && out[out.size() - 2] == '_') {
        char& c = out.back();
        if (c == 'r') c = 'l';
        else if (c == 'l') c = 'r';
    }
    return out;
}

namespace {
template <class T> int findByName(const std::vector<T>& items, std::string_view name) {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].name == name) return static_cast<int>(i);
    return -1;
}

std::string swapSideWords(std::string text) {
    const auto replaceAll = [&](std::string_view from, std::string_view to) {
        for (std::size_t at = text.find(from); at != std::string::npos;
             at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
    };
    replaceAll("(right)", "(left)");
    replaceAll("Right ", "Left ");
    replaceAll("right ", "left ");
    return text;
}
} // namespace

int Model::findBody(std::string_view name) const { return findByName(bodies, name); }
int Model::findCoordinate(std::string_view name) const { return findByName(coordinates, name); }
int Model::findWrapCylinder(std::string_view name) const { return findByName(wrapCylinders, name); }

int Model::findMuscle(std::string_view id, Side side) const {
    for (std::size_t i = 0; i < muscles.size(); ++i)
        if (muscles[i].id == id && muscles[i].side == side) return static_cast<int>(i);
    return -1;
}

std::vector<double> Model::defaultPose() const {
    std::vector<double> q(coordinates.size());
    for (std::size_t i = 0; i < coordinates.size(); ++i) q[i] = coordinates[i].defaultValue;
    return q;
}

bool Model::coordinateMovesBody(int coordinate, int body) const {
    while (body >= 0) {
        const Joint& j = joints[bodies[body].joint];
        for (const auto* axes : {&j.rotations, &j.translations})
            for (const TransformAxis& a : *axes)
                if (a.coordinate == coordinate) return true;
        body = j.parentBody;
    }
    return false;
}

std::vector<PartRef> Model::allParts() const {
    std::vector<PartRef> refs;
    for (std::size_t m = 0; m < muscles.size(); ++m)
        for (std::size_t p = 0; p < muscles[m].parts.size(); ++p)
            refs.push_back({static_cast<int>(m), static_cast<int>(p)});
    return refs;
}

int addMirroredLeftSide(Model& model) {
    // Reflection M = diag(1,1,-1): M R(a, t) M = R(-M a, t), so rotation axes become -M a and
    // translation axes M a; frames are conjugated by M (mirrorTransform); points become M p.
    std::unordered_map<int, int> bodyMap, coordMap, wrapMap;
    const auto mapBody = [&](int b) { auto it = bodyMap.find(b); return it == bodyMap.end() ? b : it->second; };
    const auto mapCoord = [&](int c) { auto it = coordMap.find(c); return it == coordMap.end() ? c : it->second; };

    const std::size_t coordCount = model.coordinates.size();
    for (std::size_t c = 0; c < coordCount; ++c) {
        const Coordinate src = model.coordinates[c];
        assert(src.side != Side::Left);
        if (src.side != Side::Right) continue;
        Coordinate left = src;
        left.name = otherSideName(src.name);
        left.displayName = swapSideWords(src.displayName);
        left.side = Side::Left;
        coordMap[static_cast<int>(c)] = static_cast<int>(model.coordinates.size());
        model.coordinates.push_back(std::move(left));
    }

    const std::size_t bodyCount = model.bodies.size();
    for (std::size_t b = 0; b < bodyCount; ++b) {
        const Body src = model.bodies[b];
        assert(src.side != Side::Left);
        if (src.side != Side::Right) continue;
        const Joint srcJoint = model.joints[src.joint];
        Joint joint = srcJoint;
        joint.name = otherSideName(srcJoint.name);
        joint.parentBody = mapBody(srcJoint.parentBody);
        joint.childBody = static_cast<int>(model.bodies.size());
        joint.parentOffset = mirrorTransform(srcJoint.parentOffset);
        joint.childOffset = mirrorTransform(srcJoint.childOffset);
        for (TransformAxis& a : joint.rotations) {
            a.axis = -mirrorZ(a.axis);
            a.coordinate = mapCoord(a.coordinate);
        }
        for (TransformAxis& a : joint.translations) {
            a.axis = mirrorZ(a.axis);
            a.coordinate = mapCoord(a.coordinate);
        }
        Body left = src;
        left.name = otherSideName(src.name);
        left.displayName = swapSideWords(src.displayName);
        left.side = Side::Left;
        left.joint = static_cast<int>(model.joints.size());
        bodyMap[static_cast<int>(b)] = joint.childBody;
        model.joints.push_back(std::move(joint));
        model.bodies.push_back(std::move(left));
    }

    // Wrap cylinders used by right-side muscles get a mirrored twin.
    const std::size_t muscleCount = model.muscles.size();
    for (std::size_t m = 0; m < muscleCount; ++m) {
        if (model.muscles[m].side != Side::Right) continue;
        for (const MusclePart& part : model.muscles[m].parts)
            for (const WrapUse& use : part.wraps) {
                if (wrapMap.contains(use.cylinder)) continue;
                WrapCylinder w = model.wrapCylinders[use.cylinder];
                const std::string mirrored = otherSideName(w.name);
                w.name = mirrored == w.name ? w.name + "_l" : mirrored;
                w.body = mapBody(w.body);
                w.frame = mirrorTransform(w.frame); // local x and y keep their sense: quadrant unchanged
                wrapMap[use.cylinder] = static_cast<int>(model.wrapCylinders.size());
                model.wrapCylinders.push_back(std::move(w));
            }
    }

    int added = 0;
    for (std::size_t m = 0; m < muscleCount; ++m) {
        const Muscle& src = model.muscles[m];
        if (src.side != Side::Right) continue;
        Muscle left = src;
        left.side = Side::Left;
        for (MusclePart& part : left.parts) {
            for (PathPoint& p : part.points) {
                p.body = mapBody(p.body);
                p.location = mirrorZ(p.location);
                if (p.condition) p.condition->coordinate = mapCoord(p.condition->coordinate);
            }
            for (WrapUse& use : part.wraps) use.cylinder = wrapMap.at(use.cylinder);
        }
        model.muscles.push_back(std::move(left));
        ++added;
    }
    return added;
}

} // namespace hv
