// Everything the window shows, as data: the loaded model, the pose, the selection, the layers,
// the colouring, a movement being played (with the hip-back options) and a third-party model's
// own animation. GL-free, so the behaviour behind every panel is tested without a window: the
// window (viewer.cpp) only draws this state and turns input into calls here.
//
// Units: poses are SI (rad, m), one value per model coordinate; times in seconds.
#pragma once

#include "anatomy_draw/anatomy_drawer.hpp"
#include "anatomy_draw/draw_list.hpp"
#include "content/content.hpp"
#include "core/diagnostic.hpp"
#include "core/moment_arm.hpp"
#include "movement/movement.hpp"
#include "movement/player.hpp"
#include "movement/profile.hpp"
#include "movement/stretch_map.hpp"
#include "document/compare.hpp"
#include "document/live_actions.hpp"
#include "anatomy_draw/colouring.hpp"
#include "document/selection.hpp"
#include "document/wording.hpp"

#include <array>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hv::doc {

// Full detail for still pictures; Coarse (simplified model meshes, lighter muscle solids; see
// level_of_detail.hpp) for frames drawn while the view moves.
enum class Detail : unsigned char { Full, Coarse };

struct LayerState {
    bool bones = true;
    bool muscles = true;
    bool wraps = false;
    bool labels = true; // callouts for the highlighted muscle(s)
    bool ghostOthers = true; // with a selection the other muscles become an x-ray
    std::vector<std::string> hiddenGroups; // functional group ids switched off
    bool attachments = true; // the selected muscle's origins and insertions painted (none selected: every muscle's, when the muscles are hidden)
    int peel = 0; // muscle layers 1..peel ghosted (content MuscleInfo::layer), 0..kMaxMuscleLayer
    // The ghosted body outline as the user set it; nullopt: draw::outlineShown()'s default (on
    // while a movement is shown).
    std::optional<bool> outline;
    draw::SideFilter sides = draw::SideFilter::Both;
    // The floor and its contact shadow: nullopt = the default (shown while a movement plays,
    // draw::floorShown()); the View panel's toggle sets it.
    std::optional<bool> floor;
    friend bool operator==(const LayerState&, const LayerState&) = default;
};

// The restricted hip as the panel edits it: per side (right, left) and hip coordinate
// (flexion, adduction, rotation), a limit switched on or off, in degrees.
struct HipRestriction {
    bool enabled = false;
    double minDeg = 0.0;
    double maxDeg = 0.0;
    friend bool operator==(const HipRestriction&, const HipRestriction&) = default;
};

struct Playback {
    std::string movementId; // "" = none
    bool playing = false;
    double time = 0.0;  // s, playback time (before looping)
    double speed = 1.0; // x real time
    bool loop = true;
    std::array<std::array<HipRestriction, 3>, 2> restriction{}; // [right, left][flexion, adduction, rotation]
    movement::GluteusMediusStrength gluteusMediusStrength; // per side, 0..1 each (the weak gluteus medius option)
    bool compare = false; // compare mode (compare.hpp): the movement also as a normal body does it, in step
};

// A loaded model's own animation (third-party models).
struct ModelAnimation {
    int index = -1; // into scene.animations; -1 rest pose
    double time = 0.0;
    bool playing = true;
};

class Document {
public:
    // `content` and `movements` (may be null) must outlive the document. `defaultModelPath`: the
    // default model (assets/hip.glb); when that file is absent the renderer's stand-in bones
    // are drawn.
    Document(const Content& content, const movement::MovementLibrary* movements, std::string defaultModelPath);
    ~Document();

    const Content& content() const { return *m_content; }     // with the bone shape applied
    const Content& baseContent() const { return *m_baseContent; } // as loaded (the published shape)
    const Model& model() const { return m_content->model; }
    const movement::MovementLibrary* movements() const { return m_movements; }

    // ---- The model.
    // Loads a model file ("" = the default model). On failure returns its diagnostics and keeps
    // the current model. On success returns the loader's warnings (possibly none).
    Diagnostics openModel(const std::string& path);
    const draw::AnatomyDrawer& drawer() const { return *m_drawer; }
    std::string modelPath() const { return m_modelPath; }      // "" = the default model
    std::string modelDisplayName() const;                      // file name, or "default model", or "stand-in bones"
    bool isDefaultModel() const { return m_modelPath.empty(); }
    ModelAnimation animation;
    std::vector<std::string> animationNames() const;

    // ---- Bone shape (core/bone_parameters.hpp): femoral anteversion, neck-shaft angle, pelvis
    // width. Setting them deforms the model at once (muscle attachments, wrap surfaces, joint
    // frames: the moment arms follow); the default model's bones are regenerated (hv::bonegen,
    // a few seconds) on a background thread and replace the old ones when ready (advance()).
    const BoneParameters& boneParameters() const { return m_boneParameters; }
    void setBoneParameters(const BoneParameters& p);
    bool reshapingBones() const { return m_boneJob.valid(); }
    // Waits for a running bone job and installs its result (tests, scripted starts).
    void finishBoneJob();

    // ---- Pose.
    std::vector<double> manualPose;        // edited by the pose panel
    void resetPose();
    // The pose drawn: the movement's when one is active, else manualPose.
    std::span<const double> pose() const;

    // ---- Selection, layers, colours.
    Selection selection;
    LayerState layers;
    draw::ColourMode colourMode = draw::ColourMode::Groups;
    HipDof roleDof = HipDof::Rotation;
    // The selected muscle's moment arm drawn about this hip coordinate of its side, or for a trunk
    // muscle this lumbar motion at one level (anatomy_draw/moment_arm_drawing.hpp), the bones
    // see-through so the axis shows; nullopt: not drawn.
    std::optional<draw::MomentArmAxis> momentArmDof;
    // Anatomical or plain words in the info card, the action bars and the movement explanations
    // (wording.hpp picks each text). Changes no picture.
    Wording wording = Wording::Anatomical;
    void select(const Selection& s) { selection = s; }

    // ---- Movement playback (issue 6).
    Playback playback;
    // Starts a movement from its beginning (playing). False if the id is unknown.
    bool startMovement(const std::string& id);
    void stopMovement();
    const movement::Movement* activeMovement() const;
    const movement::PoseSample* sample() const { return m_sample ? &*m_sample : nullptr; }
    double movementDuration() const;
    // Advances playback and the model's animation by `dt` real seconds (when playing).
    void advance(double dt);
    // Sets the movement time (scrubbing); pauses nothing.
    void seek(double t);
    // The restricted hip of `playback.restriction` as limits (SI, clamped to each coordinate's
    // range, min <= max), and back: setHipLimits() replaces every restriction by `limits`.
    std::vector<movement::HipLimit> hipLimits() const;
    void setHipLimits(std::span<const movement::HipLimit> limits);
    // A client profile: its ranges replace the restricted hip and its strengths the weak gluteus
    // medius option, for every movement played from now on; clearProfile() puts both back to
    // normal (no limits, full strength). `profile()` is the one applied (the panel names it).
    void applyProfile(const movement::ClientProfile& profile);
    void clearProfile();
    const movement::ClientProfile* profile() const { return m_profile ? &*m_profile : nullptr; }

    // ---- Compare mode (compare.hpp). canCompare(): a restriction, a weak gluteus medius or a
    // profile is in force. comparing(): playback.compare is on, a movement is active and there is
    // something to compare against; then the normal side (no limits, full strength) is played at
    // the same time as the movement, and the functions below describe it. Otherwise they return
    // nullptr, nullopt or an empty list.
    bool canCompare() const;
    bool comparing() const;
    const movement::PoseSample* normalSample() const { return comparing() && m_normalSample ? &*m_normalSample : nullptr; }
    std::optional<CompareNumbers> compareNumbers() const;
    // The compared side's label (kNormalLabel for the other side): the profile's title, or the
    // limits and strengths in words (doc::comparedLabel).
    std::string comparedSideLabel() const;
    // The normal side drawn with layerOptions(), as drawList() draws the compared side.
    const draw::DrawList& normalDrawList(Detail detail = Detail::Full);

    // ---- What to draw. Rebuilt only when something it depends on changed; `revision()` grows
    // each time what is shown changed (the window re-renders then), whichever detail is asked
    // for. Both lists have the same items in the same order, with the same pick ids.
    const draw::DrawList& drawList(Detail detail = Detail::Full);
    std::uint64_t revision() const { return m_revision; }
    // Per part states (lengths, changes, roles) at the current pose, for colours and the panel.
    const std::vector<movement::PartState>& partStates();
    // ... at pose `q` (SI, one value per coordinate).
    const std::vector<movement::PartState>& partStatesAt(std::span<const double> q);

    // The draw options of the window's layers and selection (what drawList() draws with).
    draw::DrawOptions layerOptions() const;
    // What the stretch colour mode highlights by default: with colourMode Stretch and an active
    // movement that names target muscles, those targets (each muscle of the content, on its side or
    // both); empty otherwise. buildList() uses it when its options highlight nothing, so the window
    // with nothing selected and a figure with no highlight both show the targets, the rest ghosted.
    std::vector<draw::HighlightRef> targetHighlight() const;
    // A list at pose `q` with `options` (layers, highlights) plus what the document decides for
    // every picture: the colouring (colourMode, roleDof), the stretch targets when nothing is
    // highlighted (targetHighlight()), the lumbar tint and the room of an active movement, a
    // third-party model's animation time, the detail's solids. drawList() draws
    // layerOptions() at pose(); `hipview render` draws a figure spec's layers at the spec's pose.
    draw::DrawList buildList(std::span<const double> q, draw::DrawOptions options, Detail detail = Detail::Full);
    // The same for the normal side of compare mode at pose `q` (its lumbar tint and pelvic drop
    // from normalSample(), the same highlights as the compared side); buildList() when not comparing.
    draw::DrawList buildNormalList(std::span<const double> q, draw::DrawOptions options, Detail detail = Detail::Full);

    // ---- The selected muscle's live actions at the current pose (empty without a selection).
    std::vector<PartActions> liveActionsOfSelection();
    // The selected muscle's pelvic bars at the current pose (document/live_actions.hpp).
    std::vector<PartPelvicActions> pelvicActionsOfSelection() const;
    // The selected muscle's lumbar bars, for a trunk muscle (lumbarActions); empty otherwise.
    std::vector<PartLumbarActions> lumbarActionsOfSelection() const;
    int selectedMuscle() const { return selectedMuscleIndex(model(), selection); }

private:
    std::optional<movement::ClientProfile> m_profile;
    const Content* m_baseContent;          // as loaded: the published bone shape
    std::optional<Content> m_deformed;     // the content with the model deformed to m_boneParameters
    const Content* m_content;              // the one in use: base or deformed
    BoneParameters m_boneParameters;
    std::future<std::shared_ptr<const scene::Scene>> m_boneJob;
    BoneParameters m_boneJobParameters;
    bool m_modelIsGenerated = false;       // the default model (bones the generator can rebuild)
    void pollBoneJob(bool wait);
    void startBoneJob();
    void rebuildDrawers();
    const movement::MovementLibrary* m_movements;
    std::string m_defaultModelPath;
    std::string m_modelPath;
    std::shared_ptr<const scene::Scene> m_scene;
    std::unique_ptr<draw::AnatomyDrawer> m_drawer;
    std::unique_ptr<draw::AnatomyDrawer> m_coarseDrawer; // over a simplified copy of the model, made on first use
    void makeCoarseDrawer();
    std::uint64_t m_modelSerial = 0; // grows on every model change

    // Playback.
    std::unique_ptr<movement::MovementPlayer> m_player;
    movement::PlayOptions m_playerOptions;
    std::optional<movement::PoseSample> m_sample;
    void refreshPlayer();   // rebuilds the player when its options changed
    std::unique_ptr<movement::MovementPlayer> m_normalPlayer; // compare mode's normal side
    std::optional<movement::PoseSample> m_normalSample;
    // buildList() with the lumbar tint and the pelvic drop of `sample` (may be null: none).
    draw::DrawList buildFrom(std::span<const double> q, draw::DrawOptions o, const movement::PoseSample* sample, Detail detail);
    void resample();

    // Draw-list cache.
    struct Inputs {
        std::vector<double> q;
        std::uint64_t modelSerial = 0;
        LayerState layers;
        Selection selection;
        draw::ColourMode colourMode = draw::ColourMode::Groups;
        HipDof roleDof = HipDof::Rotation;
        std::optional<draw::MomentArmAxis> momentArmDof;
        int animation = -1;
        double animationTime = 0.0;
        std::string movementId;
        std::vector<double> normalQ; // compare mode's normal pose (empty when not comparing)
        friend bool operator==(const Inputs&, const Inputs&) = default;
    };
    std::optional<Inputs> m_lastInputs;              // what revision() counts changes of
    std::optional<Inputs> m_built[2];                // per Detail: what its list was built from
    draw::DrawList m_list[2];
    std::optional<Inputs> m_normalBuilt[2];          // the normal side's, per Detail
    draw::DrawList m_normalList[2];
    std::uint64_t m_revision = 0;
    Inputs currentInputs() const;

    // Part states cache.
    std::unique_ptr<movement::StretchMap> m_stretch;
    std::vector<double> m_statesPose;
    std::vector<movement::PartState> m_states;

    std::unique_ptr<PathEvaluator> m_evaluator;
};

} // namespace hv::doc
