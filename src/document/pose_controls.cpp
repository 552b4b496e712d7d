#include "document/pose_controls.hpp"

#include "core/units.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace hv::doc {

std::vector<CoordinateGroup> coordinateGroups(const Model& model) {
    std::vector<CoordinateGroup> out{{"Right hip", {}}, {"Left hip", {}}, {"Knees", {}}, {"Lumbar spine", {}},
                                     {"Pelvis", {}}};
    std::map<std::string, std::size_t> other;
    for (std::size_t i = 0; i < model.coordinates.size(); ++i) {
        const Coordinate& c = model.coordinates[i];
        const int idx = static_cast<int>(i);
        if (c.group == "hip") out[c.side == Side::Left ? 1 : 0].coordinates.push_back(idx);
        else if (c.group == "knee") out[2].coordinates.push_back(idx);
        else if (c.group == "lumbar") out[3].coordinates.push_back(idx);
        else if (c.group == "pelvis") out[4].coordinates.push_back(idx);
        else {
            std::string title = c.group.empty() ? "Other" : c.group;
            title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
            auto it = other.find(title);
            if (it == other.end()) {
                it = other.emplace(title, out.size()).first;
                out.push_back({title, {}});
            }
            out[it->second].coordinates.push_back(idx);
        }
    }
    std::erase_if(out, [](const CoordinateGroup& g) { return g.coordinates.empty(); });
    return out;
}

void mirrorPose(const Model& model, Side from, std::vector<double>& q) {
    for (std::size_t i = 0; i < model.coordinates.size(); ++i) {
        const Coordinate& c = model.coordinates[i];
        if (c.side != from || c.side == Side::Midline) continue;
        const int other = model.findCoordinate(otherSideName(c.name));
        if (other < 0 || other == static_cast<int>(i)) continue;
        const Coordinate& o = model.coordinates[static_cast<std::size_t>(other)];
        q[static_cast<std::size_t>(other)] = std::clamp(q[i], o.minValue, o.maxValue);
    }
}

double sliderValue(const Coordinate& c, double si) { return coordinateToUser(c, si); }
double sliderToSi(const Coordinate& c, double v) { return coordinateFromUser(c, v); }
std::string sliderFormat(const Coordinate& c) {
    std::string out = "%.";
    out += std::to_string(coordinateUserDecimals(c));
    out += "f ";
    out += coordinateUserUnit(c);
    return out;
}

} // namespace hv::doc
