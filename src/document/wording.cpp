#include "document/wording.hpp"

#include "anatomy_draw/colouring.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace hv::doc {

namespace {
constexpr std::string_view kNames[] = {"anatomical", "plain"};
constexpr std::string_view kNoPull = "no clear pull";

// The plain words of `action` about `dof` for the hip coordinates of `model` (by name), or "".
std::string plainActionWords(const Content& content, std::string_view coordinate, HipDof dof,
                             Action action) {
    if (action == Action::None) return std::string(kNoPull);
    const PlainWords* words = content.findPlainWords(coordinate);
    if (!words) return "";
    const auto [pos, neg] = draw::roleOpposites(dof);
    if (action == pos) return words->positive;
    if (action == neg) return words->negative;
    return "";
}

std::string coordinateName(const Content& content, int coordinate) {
    const auto& cs = content.model.coordinates;
    return coordinate >= 0 && coordinate < static_cast<int>(cs.size())
               ? cs[static_cast<std::size_t>(coordinate)].name
               : "";
}
} // namespace

std::string_view wordingName(Wording w) {
    return kNames[static_cast<std::size_t>(w)];
}

std::optional<Wording> wordingFromName(std::string_view name) {
    for (std::size_t i = 0; i < std::size(kNames); ++i)
        if (kNames[i] == name) return static_cast<Wording>(i);
    return std::nullopt;
}

std::vector<std::string> wordingNames() {
    return {std::begin(kNames), std::end(kNames)};
}

const std::string& muscleText(const MuscleInfo& m, Wording w) {
    return w == Wording::Plain && !m.plain.empty() ? m.plain : m.summary;
}

std::string actionHeading(const TextbookAction& a, Wording w) {
    if (w == Wording::Plain && !a.plain.empty()) return "";
    std::string line = a.sense;
    if (!a.part.empty()) line += " (" + a.part + " part)";
    if (!a.when.empty()) line += ", " + a.when;
    return line;
}

const std::string& actionText(const TextbookAction& a, Wording w) {
    return w == Wording::Plain && !a.plain.empty() ? a.plain : a.text;
}

const std::string& movementText(const movement::Movement& m, Wording w) {
    return w == Wording::Plain && !m.plain.empty() ? m.plain : m.summary;
}

std::string barWord(const Content& content, const ActionBar& bar, Wording w) {
    if (w == Wording::Anatomical) return bar.word;
    const std::string plain =
        plainActionWords(content, coordinateName(content, bar.coordinate), bar.dof, bar.action);
    return plain.empty() ? bar.word : plain;
}

std::string actionWord(const Content& content, HipDof dof, Action action, Wording w) {
    if (w == Wording::Plain) {
        const std::string_view base = dof == HipDof::Flexion     ? "hip_flexion"
                                      : dof == HipDof::Adduction ? "hip_adduction"
                                                                 : "hip_rotation";
        const std::string plain = plainActionWords(content, base, dof, action);
        if (!plain.empty()) return plain;
    }
    return std::string(actionName(action));
}

std::string senseWords(const Content& content, std::string_view coordinate, std::string_view sense, Wording w) {
    if (w == Wording::Anatomical) return std::string(sense);
    const PlainWords* words = content.findPlainWords(coordinate);
    // A base name of a sided coordinate ("hip_flexion") names its right side's meanings.
    int c = content.model.findCoordinate(coordinate);
    if (c < 0) c = content.model.findCoordinate(std::string(coordinate) + "_r");
    if (!words || c < 0) return std::string(sense);
    const Coordinate& k = content.model.coordinates[static_cast<std::size_t>(c)];
    if (sense == k.positiveMeaning) return words->positive;
    if (sense == k.negativeMeaning) return words->negative;
    return std::string(sense);
}

std::string pelvicBarWord(const PelvicBar& bar, Wording w) {
    const bool plain = w == Wording::Plain;
    if (bar.word == "tips forward") return plain ? "tips your pelvis forward" : "tips forward";
    if (bar.word == "tips back") return plain ? "tucks your pelvis under" : "tips back";
    if (bar.word == "hikes right") return plain ? "hitches your right hip up" : "hikes right";
    if (bar.word == "hikes left") return plain ? "hitches your left hip up" : "hikes left";
    return plain ? "no clear pull" : "none";
}

std::string_view pelvicDofTitle(PelvisDof dof, Wording w) {
    const bool plain = w == Wording::Plain;
    return dof == PelvisDof::Tilt ? (plain ? "pelvis tip" : "pelvic tilt") : (plain ? "pelvis side" : "obliquity");
}

std::string pelvicBarSentence(const PelvicBar& bar, Wording w) {
    std::string out = pelvicBarWord(bar, w);
    if (w == Wording::Anatomical) {
        if (bar.word == "tips forward") out = "tips the pelvis forward";
        else if (bar.word == "tips back") out = "tips the pelvis back";
        else if (bar.word == "hikes right") out = "hikes the pelvis on the right";
        else if (bar.word == "hikes left") out = "hikes the pelvis on the left";
    }
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    if (w == Wording::Anatomical && bar.word != "none") {
        char mm[32];
        std::snprintf(mm, sizeof mm, " %.0f mm", std::abs(bar.momentArmMm));
        out += mm;
    }
    return out;
}

std::string_view dofTitle(HipDof dof, Wording w) {
    const bool plain = w == Wording::Plain;
    switch (dof) {
    case HipDof::Flexion:
        return plain ? "forward-back" : "flexion";
    case HipDof::Adduction:
        return plain ? "in-out" : "adduction";
    case HipDof::Rotation:
        return plain ? "turning" : "rotation";
    }
    return "";
}

std::string lumbarBarWord(const LumbarBar& bar, Wording w) {
    const bool plain = w == Wording::Plain;
    const std::string_view r = bar.role;
    if (r == "flexor") return plain ? "curls your low back forward" : "flexes the low back";
    if (r == "extensor") return plain ? "arches your low back" : "extends the low back";
    if (r == "right bender") return plain ? "bends your body to the right" : "bends the trunk to the right";
    if (r == "left bender") return plain ? "bends your body to the left" : "bends the trunk to the left";
    if (r == "left rotator") return plain ? "turns your chest to the left" : "turns the trunk to the left";
    if (r == "right rotator") return plain ? "turns your chest to the right" : "turns the trunk to the right";
    return plain ? "no clear pull" : "none";
}

std::string_view lumbarDofTitle(LumbarDof dof, Wording w) {
    const bool plain = w == Wording::Plain;
    switch (dof) {
    case LumbarDof::Flexion: return plain ? "forward-back" : "flexion";
    case LumbarDof::Bending: return plain ? "side to side" : "side bending";
    case LumbarDof::Rotation: return plain ? "turning" : "rotation";
    }
    return "";
}

std::string lumbarBarsCaption(const PartLumbarActions& part, Wording w) {
    const std::string span = levelSpan(part);
    std::string out = part.name.empty() ? "" : part.name + ": ";
    if (w == Wording::Plain) return out + (span.empty() ? "on your low back" : "on your low back, " + span);
    return out + (span.empty() ? "crosses no lumbar level" : "summed over " + span);
}

std::string crossoverText(const Content& content, HipDof dof, const Crossover& c, Wording w) {
    char deg[32];
    std::snprintf(deg, sizeof deg, "%.1f", c.flexionDeg);
    if (w == Wording::Anatomical)
        return "At " + std::string(deg) + " deg of hip flexion it turns from " +
               std::string(actionName(c.from)) + " to " + std::string(actionName(c.to)) + ".";
    const std::string from = actionWord(content, dof, c.from, w),
                      to = actionWord(content, dof, c.to, w);
    std::snprintf(deg, sizeof deg, "%.0f", c.flexionDeg);
    return "When your hip bends past about " + std::string(deg) +
           " degrees, it switches. Before, it " + from + ". After, it " + to + ".";
}

} // namespace hv::doc
