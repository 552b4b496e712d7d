// Lessons: a title and a sequence of steps, each a state of the window that a teacher shows in
// front of a class (`hipview present LESSON.toml`) and that `hipview render LESSON.toml` writes as
// one figure per step. A lesson file is TOML of the content files' family (content/README.md):
//
//     schema = "hipview-lesson 1"
//     title = "Piriformis changes its role with hip flexion"
//     wording = "plain"                  # optional: every step's default (anatomical, plain)
//     size = "1920x1080"                 # optional: the figures' size (render)
//     [[step]]
//     view = "posterior"                 # a standard view, or camera = [az, el, dist] (deg, deg, m)
//     pose = "hip_flexion_r=45"          # degrees (metres for translations), as on the command line
//     select = "piriformis_r"            # the muscle shown selected, highlighted and labelled
//     colour = "role"                    # groups, stretch or role (with role_coordinate)
//     role_coordinate = "hip_rotation"
//     caption = "..."                    # a few lines (at most 4)
//     movement = "hip-hinge"             # instead of pose: a movement, with at = S (seconds, paused)
//     play = true                        #   or playing from its start
//     restrict = ["hip_flexion_r=:25"]   # with a movement: a restricted hip (deg)
//
// A step IS a figure spec (anatomy_draw/figure_spec.hpp) plus the selection, the wording, the
// caption and whether its movement plays: its state is applied through doc::applyFigure(), and
// its fields are checked by the figure spec's checkers, so each rule lives once. GL-free.
#pragma once

#include "anatomy_draw/figure_spec.hpp"
#include "content/content.hpp"
#include "core/diagnostic.hpp"
#include "document/document.hpp"
#include "document/orbit_camera.hpp"
#include "document/wording.hpp"
#include "movement/movement.hpp"

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hv::doc {

inline constexpr const char* kLessonSchema = "hipview-lesson 1";
inline constexpr std::size_t kMaxCaptionLines = 4;
// How long one step's camera and pose take to move to the next one's (s).
inline constexpr double kStepTransitionSeconds = 0.8;

struct LessonStep {
    // View or camera, pose or movement with its time, highlight (the selection: what the window
    // can show), colour mode, restricted hip, labels (on by default), size; `figure.file` and
    // `figure.line` say where the step is. `figure.output` is empty (render names each step's file).
    draw::FigureSpec figure;
    std::optional<draw::HighlightRef> select; // shown selected (its side, or both sides)
    bool play = false;                        // the movement plays from its start
    Wording wording = Wording::Anatomical;
    std::string caption; // lines separated by '\n'
};

struct Lesson {
    std::string file; // as the user named it
    std::string title;
    std::vector<LessonStep> steps; // at least one
};

struct LessonLoad {
    std::optional<Lesson> lesson; // set when there were no problems
    Diagnostics diagnostics;      // file:line:field: reason, one per problem
};

// True when `text` is a lesson rather than a scene file: its schema line says so or it has a
// top-level [[step]] (a scene file has [[figure]]s).
bool looksLikeLesson(std::string_view text);
// The same for a file (false when it cannot be read).
bool isLessonFile(const std::filesystem::path& path);

// Reads a lesson, checking every name against `content` and `movements` (may be null: a step
// with a movement is then an error). Unknown names come with the valid ones; a step without a
// view or camera, a bad number, an unknown key each give one message at their line.
LessonLoad parseLessonText(std::string_view text, const std::string& displayName, const Content& content,
                           const movement::MovementLibrary* movements);
LessonLoad loadLessonFile(const std::filesystem::path& path, const Content& content, const movement::MovementLibrary* movements);

// Sets the document to step `step`: applyFigure() (bone shape, colours, restricted hip, pose or the
// movement at its time, paused), then the selection, the layers' labels, the wording and playing.
// A step that names something unknown changes nothing and returns one message per problem.
Diagnostics applyLessonStep(Document& document, const LessonStep& step);

// The highlight list of a step for the drawer: the selection (if any).
std::vector<std::string> stepHighlights(const LessonStep& step);

// The camera a step shows, with the scene framed by `framed` (scene frame, m) in a viewport of
// aspect `aspect` (width / height): a standard view fitted to the box, or the step's orbit camera
// around the box's centre (or its target). `from` gives the field of view.
OrbitCamera stepCamera(const LessonStep& step, const scene::Bounds& framed, float aspect, const OrbitCamera& from);

// Smooth motion from `a` to `b` at `t` in [0, 1] (eased: slow start and end): the azimuth the
// short way round, elevation, the distance geometrically, the target linearly.
OrbitCamera interpolateCamera(const OrbitCamera& a, const OrbitCamera& b, double t);
// Pose values (SI) from `a` to `b` at `t` in [0, 1], eased as the camera; sizes must match.
std::vector<double> interpolatePose(std::span<const double> a, std::span<const double> b, double t);
// The easing both use: 0 -> 0, 1 -> 1, zero slope at both ends; t clamped to [0, 1].
double easeInOut(double t);

} // namespace hv::doc
