// Figures as data: everything that decides a picture (size, camera, pose, highlight, layers,
// labels, background, output name), read from and written to scene files, small TOML files of
// the content files' family:
//
//     schema = "hipview-figures 1"
//     [defaults]                      # optional; every figure starts from these
//     size = "1920x1080"
//     [[figure]]
//     output = "piriformis_flexed.png" # relative to the scene file's folder
//     view = "lateral-right"           # or camera = [azimuth, elevation, distance] (deg, deg, m)
//     pose = "hip_flexion_r=90"        # degrees, metres for translations: as on the command line
//     highlight = ["piriformis"]
//     labels = true
//     pins = ["A"]                     # optional: callout texts instead of the names, one per highlight
//     peel = 1                         # muscle layers 1..1 (gluteus maximus, ...) ghosted
//     floor = false                    # the floor and its contact shadow (default: with a
//                                      #   movement only; `show = ["floor"]` also asks for it)
//     attachments = true               # origins and insertions painted on the bones (with
//                                      #   show = ["bones"]: every muscle's, the attachment view)
//     background = "transparent"       # or "#RRGGBB"
//     colour = "stretch"               # or "groups" (default), "role" with role_coordinate, "pelvis"
//     moment_arm = "hip_rotation"      # the highlighted muscle's moment arm drawn (axis, line, arrow); lumbar_flexion etc. for a trunk muscle
//     restrict = ["hip_flexion_r=:25"] # a restricted hip (deg), with a movement
//     gluteus_medius_strength = 0.4    # the weak gluteus medius option, with a movement (both
//                                      #   sides; gluteus_medius_strength_r / _l: one side)
//     anatomy = "anteversion=25"       # bone shape (core/bone_parameters.hpp)
//     side = "right"                   # or "left", "both" (default)
//     compare = true                   # with a movement and a restrict or strength: the movement
//                                      #   twice side by side, normal hips on the left, labelled
//     outline = true                   # the ghosted body outline (default: on with a movement,
//                                      #   off for a still pose; show = ["outline"] turns it on too)
//     movement = "figure-4"            # with mp4 = true / gif = true: the whole movement,
//     fps = 30                         #   real time at this rate (default 30); or frames = N
//
// A spec can say everything the window shows, so "Save figure" re-renders the window's picture.
// `hipview render SCENE.toml` renders every figure; the window's "Save figure..." writes one
// from its current view with writeFigureFile(). GL-free.
#pragma once

#include "anatomy_draw/anatomy_drawer.hpp"
#include "content/content.hpp"
#include "content/toml_schema.hpp"
#include "core/diagnostic.hpp"
#include "gfx/camera.hpp"
#include "movement/trendelenburg.hpp"

#include <glm/glm.hpp>

#include <array>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hv::draw {

struct OrbitSpec {
    double azimuthDeg = 0.0;   // 0 anterior, 90 the subject's right, 180 posterior
    double elevationDeg = 0.0; // + from above
    double distance = 1.5;     // m from the target
    std::optional<glm::vec3> target; // scene frame (m); default: the framed figure's centre
};

struct FigureSpec {
    std::string output;                    // file name; a scene file's are relative to its folder
    int width = 1920, height = 1080;       // pixels of the written image
    std::string view = "anterior";         // a standard view (standard_view.hpp); ignored with `camera`
    std::optional<OrbitSpec> camera;
    // Whether the view or the camera was given (a scene file's `view` or `camera`, --view or
    // --camera). When neither was and `framedFrom` is set (a movement's own camera: azimuth and
    // elevation in degrees, movement::Movement::camera), the figure is framed from there.
    bool viewGiven = false;
    std::optional<std::array<double, 2>> framedFrom;
    std::string pose;                      // "NAME=VALUE,..." (deg or m); "" = default pose
    std::string movement;                  // a movement id ("" = none): the pose comes from it
    double at = 0.0;                       // s into the movement
    int frames = 0;                        // > 0: an animation of the whole movement in N frames
    bool gif = false, mp4 = false;         // an animated GIF / an MP4 of the movement (frames or fps)
    bool compare = false;                  // with a movement: normal hips (left half) beside the restrict / strength (right half), in step
    // Frames per second of an animation (1..60). Without `frames`, a GIF or MP4 samples the
    // movement at this rate, so it plays in real time: round(duration * fps) frames (one more for
    // a movement that does not loop, so its last key is shown). With `frames`, the N frames are
    // spread over the movement and played in real time at N / duration frames per second.
    double fps = 30.0;
    std::vector<std::string> highlight;    // muscle ids, optionally with _r / _l
    // Lettered pins: empty, or one text per highlight (e.g. "A", "B"), shown as its callout
    // instead of the muscle's name ("find it" figures); needs labels.
    std::vector<std::string> pins;
    std::vector<std::string> show;         // layers (see parseShowList); empty = default
    int peel = 0;                          // muscle layers 1..peel ghosted (0..kMaxMuscleLayer)
    bool attachments = false;              // origins and insertions painted on the bones (DrawOptions::attachments)
    // The floor (Layers::floor): nullopt = the default (with a movement only, floorShown()).
    std::optional<bool> floor;
    // The body outline drawn (Layers::outline); nullopt: outlineShown()'s default (on with a
    // movement, off without) when `show` is empty; a `show` list draws it only where it lists
    // "outline" (or this is true).
    std::optional<bool> outline;
    bool labels = false;
    std::string background = "#ffffff";   // "transparent" or "#RRGGBB"
    int scale = 1;                         // supersampling factor, 1..4
    std::string model;                     // a model file; "" = the default model
    std::string colour = "groups";         // muscle colours: groups, stretch (the stretch map) or role
    std::string roleCoordinate = "hip_rotation"; // role colours: hip_flexion, hip_adduction, hip_rotation
    // "" or hip_flexion, hip_adduction, hip_rotation (a hip muscle: that coordinate of its side),
    // lumbar_flexion, lumbar_bending, lumbar_rotation (a trunk muscle: at the lumbar level where
    // its moment arm is largest): the first highlighted muscle's moment arm drawn in the figure
    // (moment_arm_drawing.hpp), the bones see-through so the axis shows inside the joint.
    std::string momentArm;
    std::vector<std::string> restrict;     // with a movement: restricted hip, "NAME=MIN:MAX" (deg)
    movement::GluteusMediusStrength gluteusMediusStrength; // with a movement: per side, fraction of normal, 0..1
    std::string anatomy;                   // bone shape "NAME=VALUE,..." (deg, m); "" = published
    std::string side = "both";             // both, right, left: the side of the body drawn
    // Where the figure came from, for messages (empty / 0 on the command line).
    std::string file;
    int line = 0;
};

// Reads a table's gluteus_medius_strength (both sides), then gluteus_medius_strength_r and _l
// (one side each, overriding), fractions from 0 to 1, into `out` (sides not given keep their
// value). Returns the keys that were given (none: empty). Scene files and lessons share it.
std::vector<std::string> readGluteusMediusStrength(schema::TableReader& table, movement::GluteusMediusStrength& out);

// Parses "WxH" (1..16384 each).
std::optional<glm::ivec2> parseSize(std::string_view text);
// "#RRGGBB" -> sRGB 0..1 with alpha 1; "transparent" -> alpha 0. nullopt if neither.
std::optional<glm::vec4> parseBackground(std::string_view text);

// The one checker of figure options, for scene files and the command line alike: size, scale,
// view or camera, background, frames and animation outputs, at, and with `content` the names and
// values that need it (pose, highlight, show, restrict, anatomy, colour, role coordinate, side).
// Each problem is one message naming the field, listing the valid names where there are any.
// (Movements are checked by the caller, which knows them.)
Diagnostics validateFigure(const FigureSpec& spec, const Content* content);

struct FigureFileLoad {
    std::optional<std::vector<FigureSpec>> figures; // set when there were no problems
    Diagnostics diagnostics;                        // file:line:field: reason, one per problem
};

// Reads a scene file. Output names are resolved against the file's folder. With `content`,
// names (coordinates, muscles, layers) are checked too, each message at its line.
FigureFileLoad loadFigureFile(const std::filesystem::path& path, const Content* content = nullptr);
FigureFileLoad parseFigureText(std::string_view text, const std::string& displayName,
                               const std::filesystem::path& baseDirectory, const Content* content = nullptr);

// The text of a scene file holding `figures` (fields at their defaults are left out; outputs
// are written as given). parseFigureText() reads it back to equal specs.
std::string figureFileText(std::span<const FigureSpec> figures);

// True when the figure is framed from its movement's own camera: `framedFrom` set and neither a
// view nor a camera given. Such a figure frames the whole body, the feet included.
bool framedFromMovement(const FigureSpec& spec);
// The box a figure frames in one of its draw lists' items: the whole body when
// framedFromMovement(), else gfx::focusBounds (the highlighted region, or the hip).
scene::Bounds figureFrameBounds(const FigureSpec& spec, std::span<const gfx::DrawItem> items);

// What a validated spec asks the drawer for: layers (medial views keep one side unless `side`
// says which), highlights. Colours, the room and the pose are the document's (document/).
// Fields that fail to parse are left at their defaults (validateFigure() reports them).
DrawOptions figureDrawOptions(const FigureSpec& spec, const Content& content);
// The spec's pose: the default pose with `spec.pose` applied (a movement's pose is the
// caller's business). nullopt with `error` set if the pose text is wrong.
std::optional<std::vector<double>> figurePose(const FigureSpec& spec, const Model& model, std::string& error);
// The spec's camera for a figure whose framed box is `framed` (see focusBounds()): a standard
// view fitted to the box, or the orbit camera around its centre (or the spec's target).
gfx::Camera figureCamera(const FigureSpec& spec, const scene::Bounds& framed);

} // namespace hv::draw
