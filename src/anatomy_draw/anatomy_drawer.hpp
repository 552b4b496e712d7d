// From "content + pose (+ a loaded model)" to a DrawList: posed bones, every shown muscle part
// as a solid along its current path, wrap surfaces, colours by functional group, highlight and
// ghost flags, pick ids and label anchors. GL-free; the window and `hipview render` share it.
//
// Bones come from a model scene whose nodes (skin joints, or plain mesh nodes) are named after
// the core's bodies ("pelvis", "L1".."L5", "femur_r", "tibia_l", ...), posed by the core's
// forward kinematics: each such node moves by its body's motion from the core's default pose,
// mapped into the scene frame by scene::osimToGltf(). A model's own meshes named in a muscle's
// `aliases` are that muscle (they replace its built solid). Any other model (a third-party
// file) is drawn as it is, posed by its own animation. Without a model, simple stand-in bones
// are drawn (femora, tibiae, lumbar vertebrae).
#pragma once

#include "anatomy_draw/colouring.hpp"
#include "anatomy_draw/draw_list.hpp"
#include "anatomy_draw/moment_arm_drawing.hpp"
#include "anatomy_draw/muscle_mesh.hpp"
#include "content/content.hpp"
#include "movement/prop.hpp"
#include "scene/geometry.hpp"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hv::draw {

// Which side of the body is drawn: medial views hide the near side.
enum class SideFilter : unsigned char { Both, RightOnly, LeftOnly };

// What is drawn. Defaults: bones and every muscle.
struct Layers {
    bool bones = true;
    bool ghostBones = false; // bones drawn as a faint x-ray that hides nothing (show "ghosted-bones")
    bool muscles = true;
    // Muscles of layers 1..peel (MuscleInfo::layer) are peeled away: ghosted, not hidden, unless
    // highlighted. 0: none.
    int peel = 0;
    bool wraps = false; // wrap surfaces (glass cylinders), a teaching aid
    // The body outline (a baked model's "<body>_outline" meshes): the whole person as a ghost
    // around the anatomy, never hiding it, never picked. See outlineShown() for its default.
    bool outline = false;
    bool model = true;  // a third-party model's own meshes
    bool lowerLegs = true; // patellae, tibiae, fibulae and below (an inferior view hides them:
                           // they would stand between the camera and the pelvis)
    // When non-empty, only these muscles are drawn: a muscle shows if its id is listed or its
    // group is (ids and group ids from the content).
    std::vector<std::string> onlyMuscles;
    std::vector<std::string> onlyGroups;
    SideFilter sides = SideFilter::Both;
    // The floor (the room's y = 0) with its contact shadow. nullopt: the default, which
    // floorShown() decides (the document resolves it before building); the drawer draws it
    // when true.
    std::optional<bool> floor;
};

// Whether the floor is drawn when `asked` (Layers::floor) and the view shows a movement or not:
// as asked, else with a movement only (a static anatomy figure is about the hip, the floor is
// far below it).
bool floorShown(std::optional<bool> asked, bool movement);

// A muscle to highlight: its content id and side (nullopt: both sides).
struct HighlightRef {
    std::string muscleId;
    std::optional<Side> side;
    std::string pin; // the callout's text instead of the muscle's name ("" = the name), e.g. "A"
};

// The moment arm drawn (moment_arm_drawing.hpp) for one muscle about one hip coordinate of its
// side: the part with the largest maximum force (named in the callout when there are several).
struct MomentArmRequest {
    std::string muscleId;
    Side side = Side::Right;
    MomentArmAxis axis; // a hip motion, or a lumbar one for a trunk muscle (moment_arm_drawing.hpp)
};

struct DrawOptions {
    Layers layers;
    std::vector<HighlightRef> highlight;
    bool ghostOthers = true; // with a highlight: the other muscles become ghosts
    // A loaded third-party model's animation (index into scene.animations, -1: rest pose) and
    // the time in it (s).
    int animation = -1;
    float animationTime = 0.0f;
    // Where the model's ground frame sits in the room (OpenSim axes): a lying posture turns the
    // whole body (movement::roomFromModel). Identity: standing.
    Transform room;
    SolidParams solid;
    MuscleColouring colouring;            // groups (default), stretch map or roles
    std::optional<LumbarTint> lumbarTint; // a movement's lumbar levels; while set, the trunk
                                          // group's muscles that are not highlighted are drawn
                                          // ghosted so the tinted levels under them show
    std::optional<MomentArmRequest> momentArm;
    // The Trendelenburg drop drawn (pelvic_drop_drawing.hpp) for this stance side: the level
    // line, the line through the hip centres, the angle and its callout.
    std::optional<Side> pelvicDrop;
    // Attachment areas painted on the bones (origins vermilion, insertions blue): of the
    // highlighted muscles, or of every muscle when none is highlighted ("attachments only" with
    // the muscles layer off). HipView's own model only (its bones are the core's bodies).
    bool attachments = false;
    // The movement's props (a couch, a step, a band, a cable), drawn and framed with the body.
    std::vector<movement::Prop> props;
};

// An attachment area: a disc of kAttachmentRadius about a path's first (origin) or last
// (insertion) point, in the point's body frame (OpenSim axes, metres), and its colour (linear RGB).
struct AttachmentPaint {
    Vec3 point{0.0};
    glm::vec3 colour{1.0f};
};
// The painted area's radius about each part's attachment point, metres. The content gives points,
// not outlines: a muscle with several parts paints a band across them (gluteus medius along the
// ilium); a one-part muscle a disc.
inline constexpr double kAttachmentRadius = 0.012;
// The origins' (true) and insertions' (false) paint, linear RGB, shared with the legends.
glm::vec3 attachmentColour(bool origin);

// "piriformis", "piriformis_r", "gluteus_medius_l" -> HighlightRef; nullopt with `error` set
// (the valid ids listed) when the muscle is unknown.
std::optional<HighlightRef> parseHighlight(const Content& content, std::string_view text, std::string& error);

// Whether the body outline is drawn: as asked, else on while a movement is shown (the whole
// person makes a movement read) and off for a still figure of the anatomy (it would only haze
// the bones and muscles). The one place of that rule, for the window and figures alike.
inline bool outlineShown(std::optional<bool> asked, bool movement) { return asked.value_or(movement); }

// The outline's colour: a neutral skin-grey (linear RGB).
inline constexpr glm::vec3 kOutlineColour{0.62f, 0.58f, 0.55f};

// "bones,muscles,wraps,gluteals,piriformis" -> Layers: `bones`, `muscles`, `wraps`, `model`
// switch layers; group ids and muscle ids restrict the muscles shown (and switch muscles on).
// `outline` adds the body outline and switches nothing off (a list of only "outline" keeps
// the default layers).
// nullopt with `error` naming the item and listing the valid names.
std::optional<Layers> parseShowList(const Content& content, std::span<const std::string> items,
                                    std::string& error);

class AnatomyDrawer {
public:
    // `content` must outlive the drawer. `model` may be null (stand-in bones).
    explicit AnatomyDrawer(const Content& content, std::shared_ptr<const scene::Scene> model = {});

    const Content& content() const { return *m_content; }
    const std::shared_ptr<const scene::Scene>& model() const { return m_model; }
    // True when the model's nodes are named after the core's bodies (it is HipView's own
    // skeleton, or one made for it): then the core's pose moves it and muscles are drawn on it.
    bool modelIsAnatomical() const { return m_anatomical; }
    // True when the model is a scene HipView exported (`hipview export`: its generator carries
    // scene::kExportGeneratorMark): it is drawn as it is, posed by its own animation, its bones in bone colours and
    // its muscle meshes, named by musclePartId(), picked and coloured as those muscle parts.
    bool modelIsExport() const { return m_export; }

    // Everything at pose `q` (one value per coordinate, SI units). Muscles are drawn when the
    // model is anatomical or there is no model.
    DrawList build(std::span<const double> q, const DrawOptions& options) const;

private:
    const Content* m_content;
    std::shared_ptr<const scene::Scene> m_model;
    bool m_anatomical = false;
    bool m_export = false;
    std::vector<int> m_nodeBody;        // per model node: the body it is named after, or -1
    // Per model node and primitive: the body a bone mesh belongs to (dominant joint), or -1.
    std::vector<std::vector<int>> m_primitiveBody;
    std::vector<std::vector<int>> m_primitiveMuscle; // muscle (model index) an alias names, or -1
    std::vector<std::vector<int>> m_primitivePart;   // its part (an export's part id), else 0
    std::vector<char> m_nodeOutline; // per model node: a body outline piece ("<body>_outline")
    struct StandIn {
        gfx::MeshPtr mesh;
        int body = -1;
    };
    std::vector<StandIn> m_standIns; // built once, in body frames (OpenSim, metres)
    std::vector<gfx::MeshPtr> m_wrapMeshes; // per wrap cylinder, in its own frame
    std::vector<Transform> m_defaultBodies;
    void bindModel();
    void buildStandIns();
    // build()'s sections, in order; each appends to the list in `BuildContext`.
    struct BuildContext;
    void addModelItems(BuildContext& c) const;
    void addStandIns(BuildContext& c) const;
    void addMuscleSolids(BuildContext& c, std::span<const double> q) const;
    void addWraps(BuildContext& c) const;
    void addLabelAnchors(BuildContext& c) const;
    void addMomentArm(BuildContext& c, std::span<const double> q) const;
    std::vector<std::vector<AttachmentPaint>> attachmentPaint(const BuildContext& c) const;
};

// Helpers shared with the renderer and tests.
glm::mat4 toSceneMatrix(const Transform& groundFromBody); // OpenSim body->ground as a scene matrix
std::string partDisplayName(const Content& content, const Muscle& muscle, std::size_t part);

} // namespace hv::draw
