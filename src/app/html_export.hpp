// `hipview export -o FILE.html`: a lesson page in one file that opens from file:// with no
// network: the exported GLB inside (base64), three.js inlined at export time, and a small viewer
// (orbit, zoom, play/pause and a scrub bar over the animation, click a muscle to see its name,
// its summary and what it does at this moment, a colour legend, the movement's title). It fills
// its container (an iframe or a course page's embed) and starts from the figure's camera, so a
// screenshot at the same size matches `hipview render`.
//
// The viewer code is three.js r111 from Debian's libjs-three (build/three.min.js and the
// non-module examples/js builds of GLTFLoader and OrbitControls, which set THREE.*): a
// maintained, packaged WebGL library with a complete glTF loader (morph targets, animation)
// rather than a viewer of our own; inlined so the page stays one file. The page template is
// src/app/html/lesson_template.html, embedded at build time.
//
// Safety: every text from the content goes into the page as JSON with `<`, `>`, `&`, U+2028 and
// U+2029 written as \uXXXX escapes (so no text can close a script element), and the page puts
// it into the DOM with textContent only; the page runs no code from the content.
#pragma once

#include "anatomy_draw/draw_list.hpp"
#include "anatomy_draw/figure_spec.hpp"
#include "app/scene_export.hpp"
#include "content/content.hpp"
#include "core/diagnostic.hpp"
#include "document/document.hpp"
#include "document/live_actions.hpp"
#include "movement/movement.hpp"
#include "gfx/camera.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hv::cli {

// The three.js files a page inlines, as read from disk.
struct ThreeSources {
    std::string three;         // build/three.min.js
    std::string gltfLoader;    // examples/js/loaders/GLTFLoader.js
    std::string orbitControls; // examples/js/controls/OrbitControls.js
};

// Where three.js is read from: $HIPVIEW_THREE_DIR when set, else Debian's
// /usr/share/javascript/three.
std::filesystem::path threeDirectory();

// Reads the three files under `directory`. A missing or unreadable one gives a Diagnostic naming
// it (and the package that provides it); `sources` is left as it was then.
std::optional<Diagnostic> loadThreeSources(const std::filesystem::path& directory, ThreeSources& sources);

// One muscle part the page can pick, by the name of its glTF node (the content id,
// e.g. "gluteus_medius_r_anterior").
struct LessonMuscle {
    std::string node;
    std::string name;    // display name, e.g. "Gluteus medius (right), anterior fibres"
    std::string summary; // the content's plain text
    // Per keyframe of the page: what the part does then, in words ("external rotation 12 mm").
    std::vector<std::vector<std::string>> actions;
};

struct LegendEntry {
    std::string label;
    glm::vec3 colour{0.0f}; // linear RGB, as the draw items carry it
};

struct LessonPage {
    std::string title;                 // the movement's title, or a still pose's description
    std::vector<std::uint8_t> glb;     // the scene (io::writeGlb())
    gfx::Camera camera;                // the figure's camera (scene frame, metres)
    float aspect = 16.0f / 9.0f;       // the figure's width / height, which `camera` frames
    std::string background = "#ffffff"; // CSS colour
    std::vector<double> keyTimes;      // s, the times `LessonMuscle::actions` hold for
    bool loops = false;                // the movement repeats: the page plays it round
    std::vector<LessonMuscle> muscles;
    std::vector<LegendEntry> legend;
};

// The page of an export: the figure's camera framing every keyframe (one camera for the whole
// animation, as `hipview render` frames an animation) for spec.width x spec.height, the
// pickable muscle parts with their live actions at each keyframe (the window's action bars:
// moment arms from the core at `poses[k]`), the legend of the spec's colour mode and the
// movement's title. `lists[k]` and `poses[k]` (SI, one value per coordinate) are the scene at
// `times[k]` (s); `exported` is what buildExportScene() made of them and `glb` its bytes.
// Precondition: lists, poses and times have the same size >= 1; `mov` is null for a still pose.
LessonPage lessonPage(doc::Document& document, const draw::FigureSpec& spec, const movement::Movement* mov,
                      std::span<const draw::DrawList> lists, std::span<const std::vector<double>> poses,
                      std::span<const double> times, const ExportedScene& exported, std::vector<std::uint8_t> glb);

// The page's HTML: the template with three.js, the GLB and the page data filled in.
std::string lessonHtml(const LessonPage& page, const ThreeSources& three);

// A JSON text made safe inside an HTML script element: `<`, `>`, `&`, U+2028 and U+2029 become
// \u003c, \u003e, \u0026, \u2028, \u2029 (JSON and JavaScript read them back unchanged).
std::string scriptSafeJson(std::string_view json);

// The live actions of one part in words, strongest first, e.g. {"external rotation 12 mm",
// "abduction 4 mm"}: each hip coordinate whose moment arm is outside the dead zone, named by the
// motion it produces, with |moment arm| in millimetres rounded to whole ones.
std::vector<std::string> actionWords(const doc::PartActions& part);
// The same for a trunk muscle's part, which crosses lumbar levels and no hip: each lumbar motion
// whose summed moment arm is outside the dead zone in the info card's words (doc::lumbarBarWord)
// with its millimetres, strongest first, the levels crossed after the first, e.g.
// {"flexes the low back 95 mm (L5-S1 to L1-L2)", "turns the trunk to the left 6 mm"}.
std::vector<std::string> actionWords(const doc::PartLumbarActions& part);

// The legend of a figure drawn in colour mode `colourMode` ("groups", "stretch", "role"):
// groups: one entry per group of the muscles in `list`, with its colour; stretch and role: the
// mode's scale.
std::vector<LegendEntry> lessonLegend(const Content& content, const draw::DrawList& list, std::string_view colourMode);

} // namespace hv::cli
