// Movements, stretches and exercises as keyframed coordinate values over time, read from
// content/movements.toml (format: content/README.md, "movements.toml"). Plain data, no OpenGL.
//
// Units: keyframe times in seconds; coordinate values SI inside (radians, metres), degrees and
// metres in the file. Frames: the model's (OpenSim: X anterior, Y superior, Z right; ground Y up).
// A coordinate a keyframe does not name keeps the value it had at the previous keyframe (its
// default before the first one that names it), so every track has a value at every key.
#pragma once

#include "core/math.hpp"
#include "core/model.hpp"
#include "movement/prop.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hv::movement {

// What kind of lesson a movement is, for grouping in the viewer's list.
enum class Category : unsigned char { Movement, RoleChange, Stretch, Exercise, SelfTest, HipBack, Gait };
inline constexpr Category kLastCategory = Category::Gait; // for listing every category in order
std::string_view categoryName(Category c); // "movement", "role-change", "stretch", ..., "gait"

// How values move between keyframes. Smooth: monotone cubic (Fritsch and Carlson 1980), which
// passes through every key, never overshoots between two keys (so values stay inside the range
// the keys span) and is flat where two neighbouring keys are equal; the motion starts and ends
// at rest unless the movement loops with equal first and last keys. Linear: straight segments.
enum class Interpolation : unsigned char { Smooth, Linear };

// How the lumbar spine follows the pelvis (the hip-back connection).
//  WithPelvis: the lumbar levels keep their keyed values, so the trunk turns with the pelvis
//              (a hip hinge: the back stays as it is while the pelvis tips forward);
//  Upright:    the lumbar levels counter-rotate so the trunk (L1) keeps the orientation it would
//              have with the pelvis level: an anterior pelvic tilt arches the low back, a
//              posterior tilt flattens it; keyed lumbar values are added on top.
enum class SpineMode : unsigned char { WithPelvis, Upright };

// How the whole body lies in the room. The model's kinematics and every muscle length are the
// same whatever the posture: it only turns the model for display (roomFromModel()).
enum class Posture : unsigned char { Standing, Supine, Prone, SideLying };

// Which foot stays planted: HipView moves the pelvis (pelvis_tx, _ty, _tz) so that the foot's
// point (support.hpp, footPoint(): the balls' midpoint across the floor at the height of the
// lowest sole point; for Feet: the midpoint of both feet across the floor, at the height of the
// lower one) stays where it was at the keyframe where this support began (the first keyframe for
// the movement's own support). Treadmill: walking in place; only the height is kept: the pelvis
// keeps its forward and sideways position and rises or sinks so that the lower foot stays at the
// height it had where the support began, while the feet move with the belt. See support.hpp.
enum class Support : unsigned char { None, Feet, Right, Left, Treadmill };

std::string_view postureName(Posture p);  // "standing", "supine", "prone", "side-lying"
std::string_view supportName(Support s);  // "none", "feet", "right", "left", "treadmill"
std::string_view spineModeName(SpineMode m); // "with-pelvis", "upright"

// A normal range of motion the movement shows, with its citation.
struct NormalRange {
    std::string coordinate; // side-less base name, e.g. "hip_flexion"
    bool positive = true;   // the coordinate's positive direction (flexion, adduction, internal rotation)
    double degrees = 0.0;   // the end of the normal range in that direction, > 0
    std::string source;     // citation key in sources.toml
    std::string note;       // optional, the team's words
};

// A muscle a stretch is taught for (`targets` in the file): a content muscle id and the side it
// is on (nullopt: both sides).
struct TargetMuscle {
    std::string muscleId;       // e.g. "piriformis"
    std::optional<Side> side;   // "piriformis_r": Right; "piriformis": nullopt (both)
    bool operator==(const TargetMuscle&) const = default;
};

struct Keyframe {
    double time = 0.0;     // s; the first key is at 0, then strictly increasing
    std::string label;     // what happens from here, in words (may be empty)
    Support support = Support::None; // support in force from this key on (filled from the file's hold rule)
    double singleSupport = 0.0; // 0..1: share of the body's weight on the stance leg alone (Trendelenburg)
    // The leg in stance from this key on, for the weak gluteus medius option (filled from the
    // file's hold rule: the key's `stance`, else the one before, else the movement's): Right or
    // Left; Midline for "both" (double support) or none.
    Side stance = Side::Midline;
    int line = 0;          // where the key starts in the file
};

struct Movement {
    std::string id;      // e.g. "figure-4"
    std::string title;   // e.g. "Figure-4 stretch"
    Category category = Category::Movement;
    std::string summary; // a short explanation
    // The same in plain words (required): short sentences, everyday words, held to
    // Flesch-Kincaid grade 8 (content/readability.hpp) by a test.
    std::string plain;
    std::vector<std::string> sources; // citation keys for the texts and numbers
    std::optional<NormalRange> normalRange;
    Posture posture = Posture::Standing;
    SpineMode spine = SpineMode::WithPelvis;
    Interpolation interpolation = Interpolation::Smooth;
    bool loop = false;             // play again from the start when the end is reached
    // The movement's stance leg for the weak-gluteus-medius option: its `stance`, else the first
    // leg a key names (a gait's legs take turns: Keyframe::stance holds the leg at each key);
    // Midline: none anywhere.
    Side stance = Side::Midline;
    // The muscles the stretch is taught to lengthen, in file order (empty: none named). The
    // stretch colour mode highlights and labels them when nothing else is highlighted.
    std::vector<TargetMuscle> targets;
    // The direction that shows the movement best, framed: azimuth and elevation in degrees, in
    // the room (gfx::orbitDirection's convention: azimuth 0 from the front, 90 from the subject's
    // right, 180 from behind; elevation + from above). The window turns to it when the movement
    // starts and figures use it when they name no view. nullopt: from the subject's right.
    std::optional<std::array<double, 2>> camera;
    // What the movement is done with (a couch, a step, a band, a cable), in file order; drawn
    // with the body and framed with it.
    std::vector<Prop> props;

    std::vector<int> coordinates;  // the animated coordinates (model indices), in first-use order
    std::vector<Keyframe> keys;    // at least two
    std::vector<double> values;    // [key * coordinates.size() + track], SI, every cell filled

    std::string file; // the file it came from, as messages name it
    int line = 0;     // where its [[movement]] table starts

    double duration() const { return keys.empty() ? 0.0 : keys.back().time; } // s
    double value(std::size_t key, std::size_t track) const { return values[key * coordinates.size() + track]; }
    // The track of a coordinate, or -1 if the movement does not animate it.
    int track(int coordinate) const;
};

struct MovementLibrary {
    std::vector<Movement> movements; // file order

    const Movement* find(std::string_view id) const; // nullptr if absent
    std::vector<std::string> ids() const;
};

// "unknown movement "x" (did you mean "y"?); valid movements: a, b, ..." for messages.
std::string unknownMovementMessage(const MovementLibrary& library, std::string_view id);

// Depths (m) of the pelvis' resting points from its origin (the midpoint of the anterior superior
// iliac spines) when lying on the back, on the front and on the side: the team's estimates of the
// depth of the pelvis behind the spines (sacrum plus soft tissue), in front of them (soft tissue),
// and of half its width at the greater trochanters. The contact points of the back, front and
// sides of the pelvis (contact_points.hpp) lie at these depths, so with the floor rule
// (support.hpp) a lying pelvis at its neutral angle has its origin this high above the floor.
inline constexpr double kSupinePelvisHeight = 0.17;
inline constexpr double kPronePelvisHeight = 0.05;
inline constexpr double kSideLyingPelvisHeight = 0.17;
// pelvis_ty of the model's standing default (m), the pivot for lying postures.
inline constexpr double kStandingPelvisHeight = 0.94;

// Places the model's ground frame in the room (OpenSim axes: X forward, Y up, Z right; metres):
// p_room = roomFromModel(posture).apply(p_model).
//  Standing:  identity (the model's ground is the floor);
//  Supine:    turned +90 deg about Z, so the body's front faces up and its head points to -X;
//             the default pelvis position lands kSupinePelvisHeight above the floor. The model's
//             pelvis_tx (forward) then reads as "up from the floor": a bridge raises pelvis_tx;
//  Prone:     turned -90 deg about Z (front down, head to +X), pelvis at kPronePelvisHeight;
//  SideLying: lying on the left side (turned -90 deg about X: the body's right faces up, head
//             to -Z), pelvis at kSideLyingPelvisHeight.
Transform roomFromModel(Posture posture);

} // namespace hv::movement
