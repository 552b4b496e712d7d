// Colouring the 3D muscles by what they are doing instead of by group: a stretch map (how much
// longer or shorter than in neutral standing; movement/stretch_map.hpp), the current role about
// one hip coordinate (the sign of the moment arm) or what each muscle does to the pelvis' tilt
// with the thighs and the trunk held still (core/pelvis_actions.hpp); and the lumbar levels tinted by the share of a
// movement each took (movement/lumbar.hpp). These are draw options (DrawOptions::colouring,
// DrawOptions::lumbarTint): AnatomyDrawer::build applies them as it makes each item, so the
// window and `hipview render` colour a picture by the same rule. GL-free. Colours are linear RGB.
#pragma once

#include "core/lumbar_actions.hpp"
#include "core/model.hpp"
#include "core/roles.hpp"
#include "movement/lumbar.hpp"
#include "movement/stretch_map.hpp"

#include <glm/glm.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hv::draw {

enum class ColourMode : unsigned char { Groups, Stretch, Role, Pelvis };

// "groups", "stretch", "role", "pelvis" (the names figures and the command line use).
std::string_view colourModeName(ColourMode mode);
std::optional<ColourMode> colourModeFromName(std::string_view name);
std::vector<std::string> colourModeNames();

// The stretch scale, in one place: stops at stated changes (percent of the neutral length), each
// with its colour (sRGB hex). Shortened is blue, lengthened orange to dark red, graded so that a
// muscle 16 % longer is told from one 45 % longer; within +-movement::kUnchangedPercent it is the
// pale neutral ("about the same"). Between stops the colour is blended linearly (linear RGB);
// beyond the last stop it stays at the last. Ordered from most shortened to most lengthened; the
// stop at 0 stands for the "about the same" band.
struct StretchStop {
    double percent;  // change from neutral standing, + longer
    unsigned srgb;   // 0xRRGGBB
};
inline constexpr StretchStop kStretchScale[] = {
    {-40.0, 0x0B3C8C}, {-20.0, 0x2166C4}, {-10.0, 0x6A9FD8}, {-5.0, 0xA9C6E6}, {0.0, 0xD8D2C8},
    {5.0, 0xF2C48A},   {10.0, 0xF08A3C},  {20.0, 0xE0481E},  {40.0, 0x9E1A12},
};
// Change (percent) at which the stretch colours are at full strength: the scale's last stop.
inline constexpr double kStretchFullScalePercent = 40.0;

glm::vec3 stretchColour(double changePercent);
// A legend entry for each stop, most lengthened first: the stop's colour and its words, e.g.
// "40 % longer or more", "20 % longer", ..., "about the same (within 1 %)", ..., "40 % shorter
// or more". The window's legend and the HTML page's legend both list these.
struct StretchLegendEntry {
    glm::vec3 colour; // linear RGB, stretchColour(stop percent)
    std::string text;
};
std::vector<StretchLegendEntry> stretchLegend();
// One colour per action (flexor amber, extensor indigo, adductor purple, abductor green, internal
// rotator vermilion, external rotator blue; none a pale neutral). The two actions of each hip
// coordinate (roleOpposites) form a diverging pair chosen by a measured rule, so that people with
// red-green colour blindness tell them apart (colour_science.hpp): a CIEDE2000 difference of at
// least kRoleMinDifference between the two with normal vision and under simulated protanopia and
// deuteranopia, and a WCAG 2 contrast of at least kRoleMinContrast of each against white.
glm::vec3 roleColour(Action action);
// A trunk muscle's lumbar role (moment arm in m about `dof`, the core's signs): flexion in the hip
// flexor's and extensor's colours (the same sense), bending and rotation in a neutral slate.
glm::vec3 lumbarRoleColour(LumbarDof dof, double momentArm);
inline constexpr double kRoleMinDifference = 40.0; // CIEDE2000
inline constexpr double kRoleMinContrast = 3.0;    // WCAG 2 ratio, against white (#FFFFFF)
// The positive and the negative action about `dof` (OpenSim signs): flexor/extensor,
// adductor/abductor, internal/external rotator.
std::pair<Action, Action> roleOpposites(HipDof dof);
// The second cue beside colour: in the role mode the muscles doing the positive action (flexor,
// adductor, internal rotator) are drawn with pale bands across the belly
// (gfx::Material::banded); the negative action and "none" are plain.
bool roleBanded(Action action);

// The pelvis mode's diverging pair, chosen by the role colours' rule above (kRoleMinDifference
// with normal vision, protanopia and deuteranopia; kRoleMinContrast against white): tips the
// pelvis forward (anterior tilt, a positive closed-chain tilt moment arm) raspberry, tips it
// back olive (a pair apart in lightness and along the blue-yellow axis, which the red-green
// deficiencies keep; rose against teal failed the rule under deuteranopia), none (inside the dead zone, core/roles.hpp: insideDeadZone) the pale neutral. Tipping
// forward is also banded (the second cue, as for the roles' positive actions).
enum class PelvicTilt : unsigned char { None, Forward, Back };
PelvicTilt pelvicTiltOf(double tiltMomentArm, double deadZone = kDefaultDeadZone); // metres
glm::vec3 pelvicTiltColour(PelvicTilt tilt);
bool pelvicTiltBanded(PelvicTilt tilt);
// The legend of the pelvis mode, forward first: its colours and words ("tips the pelvis forward",
// "tips the pelvis back", "no clear tilt"), in plain words when `plain` ("tips your pelvis
// forward", "tucks your pelvis under", "no clear pull").
struct PelvicLegendEntry {
    PelvicTilt tilt;
    glm::vec3 colour; // linear RGB
    std::string text;
};
std::vector<PelvicLegendEntry> pelvicLegend(bool plain = false);

// One part's closed-chain pelvic tilt moment arm (metres, positive = tips the pelvis forward), as
// core/pelvis_actions.hpp: pelvisMomentArms() gives it.
struct PartPelvicTilt {
    PartRef part;
    double momentArm = 0.0;
};

// How muscles are coloured. Groups: each muscle its group's colour (palette.hpp). Stretch and
// Role read `parts`: per muscle part its state at the pose being drawn (as StretchMap::evaluate()
// returns them, any order); a part without a state keeps its group colour. Role colours use the
// role about `roleDof` of the part's own side. Pelvis reads `pelvis` (any order; a part without
// an entry keeps its group colour).
struct MuscleColouring {
    ColourMode mode = ColourMode::Groups;
    HipDof roleDof = HipDof::Rotation;
    std::vector<movement::PartState> parts;
    std::vector<PartPelvicTilt> pelvis;
};

// The lumbar gauge: how strongly the low back's vertebrae are tinted is set by how far the
// lumbar spine itself moved in the tinted plane (the sum of its levels' |angles|, deg), in stated
// bands, so a normal 5 degree turn stays faint while a 45 degree rounded bend glows; within the
// spine each moving level is tinted by its share relative to the level that took most (at least
// kLumbarLevelFloor of the band's strength). Motion the movement asks for (its keys, or the
// trunk kept upright) is amber; motion a restricted hip pushed into a level
// (LevelShare::takenUpDeg, at least 0.5 deg) is compensation and magenta.
struct LumbarBand {
    double fromDeg;        // the band starts at this total lumbar angle (deg)
    float amount;          // tint strength 0..1
    std::string_view word; // "slight", "small", "moderate", "large"
};
inline constexpr LumbarBand kLumbarBands[] = {
    {0.5, 0.15f, "slight"}, {5.0, 0.35f, "small"}, {15.0, 0.65f, "moderate"}, {30.0, 1.0f, "large"}};
inline constexpr float kLumbarLevelFloor = 0.3f;
// The band of a total lumbar angle (deg); nullptr under the first band (nothing tinted).
const LumbarBand* lumbarBand(double lumbarDeg);

// The lumbar levels' moving vertebrae tinted by the gauge above in `plane`. Nothing is tinted
// when the lumbar spine did not move in that plane (under 0.5 deg in all).
struct LumbarTint {
    movement::LumbarShares shares;
    movement::Plane plane = movement::Plane::Sagittal;
};
// The tint of a movement sample: the plane in which the lumbar spine moved most.
LumbarTint lumbarTintOf(const movement::LumbarShares& shares);

// The model's vertebra body that moves at each lumbar level ("L5-S1" -> "L5", ...), -1 if absent.
int levelBody(const Model& model, std::string_view levelName);

// What the drawer uses to apply a colouring, built once per draw list. Per model part index (Model::allParts() order via PartRef), the colour `c` gives, or nullopt
// for the group colour. Built once per draw list.
class PartColours {
public:
    PartColours(const Model& model, const MuscleColouring& c);
    std::optional<glm::vec3> colour(int muscle, int part) const;
    // Role and pelvis modes: whether the part is drawn banded (roleBanded of its role,
    // pelvicTiltBanded of its tilt); false otherwise.
    bool banded(int muscle, int part) const;

private:
    std::vector<std::vector<std::optional<glm::vec3>>> m_colours; // [muscle][part]
    std::vector<std::vector<bool>> m_banded;                      // [muscle][part]
};
// Per model body, how far (0..1) a bone's colour moves towards its tint colour, and that colour
// (lumbarTintColour(), or lumbarCompensationColour() for a level a restricted hip moved).
std::vector<float> lumbarTintAmounts(const Model& model, const LumbarTint& tint);
std::vector<glm::vec3> lumbarTintColours(const Model& model, const LumbarTint& tint);
glm::vec3 lumbarTintColour();         // amber: motion the movement asks for
glm::vec3 lumbarCompensationColour(); // magenta: motion taken up for a restricted hip
// The gauge in words for the tinted plane: "Low back: 62 % of this bend, 45 deg (large)", with
// ", partly taken up for the stiff hip" when a level compensates; "-" for an undefined share
// (movement::shareText). "" when the spine did not move (under the first band).
std::string lumbarGaugeText(const LumbarTint& tint);

} // namespace hv::draw
