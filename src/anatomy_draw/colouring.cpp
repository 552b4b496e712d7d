#include "anatomy_draw/colouring.hpp"

#include "anatomy_draw/palette.hpp"

#include <algorithm>
#include <cmath>

namespace hv::draw {

namespace {
glm::vec3 neutral() { return srgbHex(0xD8D2C8); }
constexpr std::string_view kModeNames[] = {"groups", "stretch", "role", "pelvis"};
} // namespace

std::string_view colourModeName(ColourMode mode) { return kModeNames[static_cast<std::size_t>(mode)]; }

std::optional<ColourMode> colourModeFromName(std::string_view name) {
    for (std::size_t i = 0; i < std::size(kModeNames); ++i)
        if (kModeNames[i] == name) return static_cast<ColourMode>(i);
    return std::nullopt;
}

std::vector<std::string> colourModeNames() { return {std::begin(kModeNames), std::end(kModeNames)}; }

glm::vec3 stretchColour(double changePercent) {
    if (!std::isfinite(changePercent) || std::abs(changePercent) < movement::kUnchangedPercent) return neutral();
    const auto& stops = kStretchScale;
    const std::size_t n = std::size(stops);
    if (changePercent <= stops[0].percent) return srgbHex(stops[0].srgb);
    if (changePercent >= stops[n - 1].percent) return srgbHex(stops[n - 1].srgb);
    for (std::size_t i = 1; i < n; ++i) {
        if (changePercent > stops[i].percent) continue;
        const double t = (changePercent - stops[i - 1].percent) / (stops[i].percent - stops[i - 1].percent);
        return glm::mix(srgbHex(stops[i - 1].srgb), srgbHex(stops[i].srgb), static_cast<float>(t));
    }
    return srgbHex(stops[n - 1].srgb);
}

std::vector<StretchLegendEntry> stretchLegend() {
    std::vector<StretchLegendEntry> out;
    const std::size_t n = std::size(kStretchScale);
    for (std::size_t k = n; k-- > 0;) {
        const double p = kStretchScale[k].percent;
        const std::string whole = std::to_string(std::lround(std::abs(p))) + " % ";
        std::string text;
        if (p == 0.0) text = "about the same (within " + std::to_string(std::lround(movement::kUnchangedPercent)) + " %)";
        else text = whole + (p > 0.0 ? "longer" : "shorter") + (k == 0 || k == n - 1 ? " or more" : "");
        out.push_back({p == 0.0 ? stretchColour(0.0) : stretchColour(p), std::move(text)});
    }
    return out;
}

glm::vec3 lumbarRoleColour(LumbarDof dof, double momentArm) {
    if (dof != LumbarDof::Flexion) return glm::vec3(0.16f, 0.19f, 0.25f);
    const std::string_view role = lumbarRoleName(dof, momentArm);
    return roleColour(role == "flexor" ? Action::Flexor : role == "extensor" ? Action::Extensor : Action::None);
}

glm::vec3 roleColour(Action a) {
    switch (a) {
    // The three diverging pairs, each chosen by the rule in colouring.hpp (kRoleMinDifference,
    // kRoleMinContrast); tests/anatomy_draw/test_colour_science.cpp measures them.
    case Action::Flexor: return srgbHex(0xA86000);          // amber
    case Action::Extensor: return srgbHex(0x3A4FBF);        // indigo
    case Action::Adductor: return srgbHex(0x8A4FB0);        // purple
    case Action::Abductor: return srgbHex(0x3A9A50);        // green
    case Action::InternalRotator: return srgbHex(0xD55E00); // vermilion (Okabe and Ito 2008)
    case Action::ExternalRotator: return srgbHex(0x0072B2); // blue (Okabe and Ito 2008)
    case Action::None: break;
    }
    return neutral();
}

bool roleBanded(Action a) { return a == Action::Flexor || a == Action::Adductor || a == Action::InternalRotator; }

std::pair<Action, Action> roleOpposites(HipDof dof) {
    switch (dof) {
    case HipDof::Flexion: return {Action::Flexor, Action::Extensor};
    case HipDof::Adduction: return {Action::Adductor, Action::Abductor};
    case HipDof::Rotation: return {Action::InternalRotator, Action::ExternalRotator};
    }
    return {Action::None, Action::None};
}

PelvicTilt pelvicTiltOf(double r, double deadZone) {
    if (insideDeadZone(r, deadZone)) return PelvicTilt::None;
    return r > 0.0 ? PelvicTilt::Forward : PelvicTilt::Back;
}

glm::vec3 pelvicTiltColour(PelvicTilt tilt) {
    // Chosen by the rule in colouring.hpp; tests/anatomy_draw/test_colour_science.cpp measures it.
    switch (tilt) {
    case PelvicTilt::Forward: return srgbHex(0xB8309A); // raspberry
    case PelvicTilt::Back: return srgbHex(0x6E7D00);    // olive
    case PelvicTilt::None: break;
    }
    return neutral();
}

bool pelvicTiltBanded(PelvicTilt tilt) { return tilt == PelvicTilt::Forward; }

std::vector<PelvicLegendEntry> pelvicLegend(bool plain) {
    return {{PelvicTilt::Forward, pelvicTiltColour(PelvicTilt::Forward), plain ? "tips your pelvis forward" : "tips the pelvis forward"},
            {PelvicTilt::Back, pelvicTiltColour(PelvicTilt::Back), plain ? "tucks your pelvis under" : "tips the pelvis back"},
            {PelvicTilt::None, pelvicTiltColour(PelvicTilt::None), plain ? "no clear pull" : "no clear tilt"}};
}

LumbarTint lumbarTintOf(const movement::LumbarShares& shares) {
    std::size_t best = 0;
    for (std::size_t p = 1; p < shares.planes.size(); ++p)
        if (shares.planes[p].lumbarDeg > shares.planes[best].lumbarDeg) best = p;
    return {shares, movement::kPlanes[best]};
}

int levelBody(const Model& model, std::string_view levelName) {
    const auto dash = levelName.find('-');
    if (dash == std::string_view::npos) return -1;
    return model.findBody(levelName.substr(0, dash));
}

PartColours::PartColours(const Model& model, const MuscleColouring& c) {
    if (c.mode == ColourMode::Groups) return;
    m_colours.resize(model.muscles.size());
    m_banded.resize(model.muscles.size());
    for (std::size_t m = 0; m < model.muscles.size(); ++m) {
        m_colours[m].resize(model.muscles[m].parts.size());
        m_banded[m].resize(model.muscles[m].parts.size(), false);
    }
    if (c.mode == ColourMode::Pelvis) {
        for (const PartPelvicTilt& t : c.pelvis) {
            if (t.part.muscle < 0 || t.part.muscle >= static_cast<int>(m_colours.size())) continue;
            auto& parts = m_colours[static_cast<std::size_t>(t.part.muscle)];
            if (t.part.part < 0 || t.part.part >= static_cast<int>(parts.size())) continue;
            const PelvicTilt tilt = pelvicTiltOf(t.momentArm);
            parts[static_cast<std::size_t>(t.part.part)] = pelvicTiltColour(tilt);
            m_banded[static_cast<std::size_t>(t.part.muscle)][static_cast<std::size_t>(t.part.part)] = pelvicTiltBanded(tilt);
        }
        return;
    }
    for (const movement::PartState& s : c.parts) {
        if (s.part.muscle < 0 || s.part.muscle >= static_cast<int>(m_colours.size())) continue;
        auto& parts = m_colours[static_cast<std::size_t>(s.part.muscle)];
        if (s.part.part < 0 || s.part.part >= static_cast<int>(parts.size())) continue;
        const Action role = s.role[static_cast<std::size_t>(c.roleDof)];
        parts[static_cast<std::size_t>(s.part.part)] = c.mode == ColourMode::Stretch ? stretchColour(s.changePercent) : roleColour(role);
        if (c.mode == ColourMode::Role)
            m_banded[static_cast<std::size_t>(s.part.muscle)][static_cast<std::size_t>(s.part.part)] = roleBanded(role);
    }
}

bool PartColours::banded(int muscle, int part) const {
    if (muscle < 0 || muscle >= static_cast<int>(m_banded.size())) return false;
    const auto& parts = m_banded[static_cast<std::size_t>(muscle)];
    return part >= 0 && part < static_cast<int>(parts.size()) && parts[static_cast<std::size_t>(part)];
}

std::optional<glm::vec3> PartColours::colour(int muscle, int part) const {
    if (muscle < 0 || muscle >= static_cast<int>(m_colours.size())) return std::nullopt;
    const auto& parts = m_colours[static_cast<std::size_t>(muscle)];
    if (part < 0 || part >= static_cast<int>(parts.size())) return std::nullopt;
    return parts[static_cast<std::size_t>(part)];
}

const LumbarBand* lumbarBand(double lumbarDeg) {
    const LumbarBand* band = nullptr;
    for (const LumbarBand& b : kLumbarBands)
        if (lumbarDeg >= b.fromDeg) band = &b;
    return band;
}

namespace {
double spineDeg(const LumbarTint& tint) {
    const std::size_t p = static_cast<std::size_t>(tint.plane);
    double sum = 0.0;
    for (const auto& l : tint.shares.levels) sum += std::abs(l.deg[p]);
    return sum;
}
bool compensates(const movement::LevelShare& l, std::size_t plane) { return std::abs(l.takenUpDeg[plane]) >= 0.5; }
} // namespace

std::vector<float> lumbarTintAmounts(const Model& model, const LumbarTint& tint) {
    std::vector<float> out(model.bodies.size(), 0.0f);
    const std::size_t p = static_cast<std::size_t>(tint.plane);
    double largest = 0.0, moved = 0.0;
    for (const auto& l : tint.shares.levels) largest = std::max(largest, std::abs(l.deg[p])), moved = std::max(moved, std::abs(l.deg[p]));
    const LumbarBand* band = lumbarBand(spineDeg(tint));
    if (moved < 0.5 || largest <= 0.0 || !band) return out;
    for (const auto& l : tint.shares.levels) {
        const int body = levelBody(model, l.name);
        if (body < 0) continue;
        const float t = static_cast<float>(std::clamp(std::abs(l.deg[p]) / largest, 0.0, 1.0));
        out[static_cast<std::size_t>(body)] = band->amount * (kLumbarLevelFloor + (1.0f - kLumbarLevelFloor) * t);
    }
    return out;
}

std::vector<glm::vec3> lumbarTintColours(const Model& model, const LumbarTint& tint) {
    std::vector<glm::vec3> out(model.bodies.size(), lumbarTintColour());
    const std::size_t p = static_cast<std::size_t>(tint.plane);
    for (const auto& l : tint.shares.levels)
        if (const int body = levelBody(model, l.name); body >= 0 && compensates(l, p))
            out[static_cast<std::size_t>(body)] = lumbarCompensationColour();
    return out;
}

glm::vec3 lumbarTintColour() { return srgbHex(0xF0A030); }
glm::vec3 lumbarCompensationColour() { return srgbHex(0xC2286E); }

std::string lumbarGaugeText(const LumbarTint& tint) {
    const double deg = spineDeg(tint);
    const LumbarBand* band = lumbarBand(deg);
    if (!band) return "";
    const movement::PlaneShare& ps = tint.shares.plane(tint.plane);
    const std::size_t p = static_cast<std::size_t>(tint.plane);
    const bool compensation = std::any_of(tint.shares.levels.begin(), tint.shares.levels.end(),
                                          [&](const movement::LevelShare& l) { return compensates(l, p); });
    return "Low back: " + movement::shareText(ps.lumbarShare, ps.defined) + " of this bend, " + std::to_string(std::lround(deg)) +
           " deg (" + std::string(band->word) + ")" + (compensation ? ", partly taken up for the stiff hip" : "");
}

} // namespace hv::draw
