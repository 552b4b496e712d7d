#include "document/document.hpp"

#include "anatomy_draw/pelvic_drop_drawing.hpp"

#include "bonegen/bonegen.hpp"
#include "io/model_loader.hpp"
#include "movement/sampling.hpp"
#include "document/level_of_detail.hpp"
#include "scene/evaluate.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace hv::doc {

Document::Document(const Content& content, const movement::MovementLibrary* movements, std::string defaultModelPath)
    : m_baseContent(&content), m_content(&content), m_boneParameters(content.boneParameters.defaults()),
      m_movements(movements), m_defaultModelPath(std::move(defaultModelPath)) {
    manualPose = content.model.defaultPose();
    m_evaluator = std::make_unique<PathEvaluator>(content.model);
    // The default model, else stand-in bones (no model).
    std::error_code ec;
    if (!m_defaultModelPath.empty() && std::filesystem::is_regular_file(m_defaultModelPath, ec)) {
        const Diagnostics d = openModel("");
        (void)d; // a broken default model leaves the stand-in bones; openModel's caller reports
    }
    if (!m_drawer) m_drawer = std::make_unique<draw::AnatomyDrawer>(content);
}

void Document::makeCoarseDrawer() {
    if (m_scene) m_coarseDrawer = std::make_unique<draw::AnatomyDrawer>(*m_content, simplifiedScene(*m_scene));
    else m_coarseDrawer = std::make_unique<draw::AnatomyDrawer>(*m_content);
}

Document::~Document() {
    if (m_boneJob.valid()) m_boneJob.wait();
}

void Document::rebuildDrawers() {
    m_drawer = std::make_unique<draw::AnatomyDrawer>(*m_content, m_scene);
    m_coarseDrawer.reset(); // made again when a coarse list is first asked for
    ++m_modelSerial;
}

void Document::setBoneParameters(const BoneParameters& p) {
    if (p == m_boneParameters) return;
    m_boneParameters = p;
    const BoneParameters defaults = m_baseContent->boneParameters.defaults();
    if (p == defaults) {
        m_deformed.reset();
        m_content = m_baseContent;
    } else {
        m_deformed = *m_baseContent;
        hv::applyBoneParameters(m_deformed->model, defaults, p);
        m_content = &*m_deformed;
    }
    // Everything that holds the model.
    m_evaluator = std::make_unique<PathEvaluator>(model());
    m_stretch.reset();
    m_statesPose.clear();
    m_player.reset();
    rebuildDrawers();
    resample();
    if (m_modelIsGenerated && !m_boneJob.valid()) startBoneJob();
}

void Document::startBoneJob() {
    m_boneJobParameters = m_boneParameters;
    // The job owns what it reads: the content as loaded (the generator deforms it itself).
    auto content = std::make_shared<const Content>(*m_baseContent);
    const BoneParameters p = m_boneParameters;
    m_boneJob = std::async(std::launch::async, [content, p]() -> std::shared_ptr<const scene::Scene> {
        Model model = content->model;
        hv::applyBoneParameters(model, content->boneParameters.defaults(), p);
        const auto bones = bonegen::generateBones(*content, p);
        return std::make_shared<const scene::Scene>(bonegen::buildScene(model, bones, "HipView skeleton (" + formatAnatomy(p) + ")"));
    });
}

void Document::pollBoneJob(bool wait) {
    if (!m_boneJob.valid()) return;
    if (!wait && m_boneJob.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    std::shared_ptr<const scene::Scene> scene = m_boneJob.get();
    if (!(m_boneJobParameters == m_boneParameters)) {
        startBoneJob(); // the shape changed meanwhile: make the latest one
        if (wait) pollBoneJob(true);
        return;
    }
    if (scene && m_modelIsGenerated) {
        m_scene = std::move(scene);
        rebuildDrawers();
    }
}

void Document::finishBoneJob() { pollBoneJob(true); }

Diagnostics Document::openModel(const std::string& path) {
    const std::string file = path.empty() ? m_defaultModelPath : path;
    Diagnostics out;
    std::error_code ec;
    if (file.empty() || !std::filesystem::is_regular_file(file, ec)) {
        if (path.empty()) { // no default model: stand-in bones
            m_scene.reset();
            m_drawer = std::make_unique<draw::AnatomyDrawer>(*m_content);
            m_coarseDrawer.reset();
            m_modelIsGenerated = false;
            m_modelPath.clear();
            animation = {};
            ++m_modelSerial;
            return out;
        }
        out.push_back({file, 0, 0, "", "no such file"});
        return out;
    }
    io::ModelLoad load = io::loadModel(file);
    if (!load.scene) return load.diagnostics;
    if (auto none = io::nothingToDraw(file, load)) {
        none->message += "; the current scene stays";
        out.push_back(std::move(*none));
        return out;
    }
    out = load.diagnostics; // warnings
    m_scene = std::make_shared<const scene::Scene>(std::move(*load.scene));
    m_drawer = std::make_unique<draw::AnatomyDrawer>(*m_content, m_scene);
    m_coarseDrawer.reset();
    m_modelPath = path;
    m_modelIsGenerated = path.empty() && m_drawer->modelIsAnatomical();
    // A reshaped skeleton: the default model's bones are regenerated to match.
    if (m_modelIsGenerated && !(m_boneParameters == m_baseContent->boneParameters.defaults()) && !m_boneJob.valid())
        startBoneJob();
    animation = {};
    if (!m_drawer->modelIsAnatomical() && !m_scene->animations.empty()) animation.index = 0;
    ++m_modelSerial;
    return out;
}

std::string Document::modelDisplayName() const {
    if (!m_scene) return "stand-in bones (no default model yet)";
    if (m_modelPath.empty()) return "default model (" + std::filesystem::path(m_defaultModelPath).filename().string() + ")";
    return std::filesystem::path(m_modelPath).filename().string();
}

std::vector<std::string> Document::animationNames() const {
    std::vector<std::string> out;
    if (!m_scene) return out;
    for (std::size_t i = 0; i < m_scene->animations.size(); ++i) {
        const std::string& n = m_scene->animations[i].name;
        out.push_back(n.empty() ? "animation " + std::to_string(i + 1) : n);
    }
    return out;
}

void Document::resetPose() { manualPose = model().defaultPose(); }

std::span<const double> Document::pose() const {
    if (m_sample) return m_sample->q;
    return manualPose;
}

// ---- Playback

const movement::Movement* Document::activeMovement() const {
    if (!m_movements || playback.movementId.empty()) return nullptr;
    return m_movements->find(playback.movementId);
}

bool Document::startMovement(const std::string& id) {
    if (!m_movements || !m_movements->find(id)) return false;
    const movement::Movement* mov = m_movements->find(id);
    playback.movementId = id;
    playback.time = 0.0;
    playback.playing = true;
    playback.loop = mov->loop;
    m_player.reset();
    m_normalPlayer.reset();
    resample();
    return true;
}

void Document::stopMovement() {
    playback.movementId.clear();
    playback.playing = false;
    m_player.reset();
    m_sample.reset();
    m_normalPlayer.reset();
    m_normalSample.reset();
}

double Document::movementDuration() const {
    const movement::Movement* m = activeMovement();
    return m ? m->duration() : 0.0;
}

void Document::refreshPlayer() {
    const movement::Movement* mov = activeMovement();
    if (!mov) {
        m_player.reset();
        m_sample.reset();
        m_normalPlayer.reset();
        m_normalSample.reset();
        return;
    }
    movement::PlayOptions o;
    o.loop = playback.loop;
    o.gluteusMediusStrength = playback.gluteusMediusStrength.clamped();
    o.hipLimits = hipLimits();
    const bool same = m_player && &m_player->movement() == mov && m_playerOptions.loop == o.loop &&
                      m_playerOptions.gluteusMediusStrength == o.gluteusMediusStrength &&
                      m_playerOptions.hipLimits.size() == o.hipLimits.size() &&
                      std::equal(o.hipLimits.begin(), o.hipLimits.end(), m_playerOptions.hipLimits.begin(),
                                 [](const movement::HipLimit& a, const movement::HipLimit& b) {
                                     return a.coordinate == b.coordinate && a.min == b.min && a.max == b.max;
                                 });
    if (!same) {
        m_playerOptions = o;
        m_player = std::make_unique<movement::MovementPlayer>(model(), *mov, o);
    }
    // Compare mode's normal side: the same movement, loop and clock, no limits, full strength.
    if (!comparing()) {
        m_normalPlayer.reset();
        m_normalSample.reset();
    } else if (!m_normalPlayer || &m_normalPlayer->movement() != mov || m_normalPlayer->options().loop != o.loop) {
        movement::PlayOptions normal;
        normal.loop = o.loop;
        m_normalPlayer = std::make_unique<movement::MovementPlayer>(model(), *mov, normal);
    }
}

bool Document::canCompare() const { return hasSomethingToCompare(hipLimits(), playback.gluteusMediusStrength); }

bool Document::comparing() const { return playback.compare && activeMovement() && canCompare(); }

std::optional<CompareNumbers> Document::compareNumbers() const {
    const movement::Movement* mov = activeMovement();
    if (!comparing() || !mov || !m_sample || !m_normalSample) return std::nullopt;
    return doc::compareNumbers(compareNumberOf(*mov, playback.gluteusMediusStrength), *m_normalSample, *m_sample);
}

std::string Document::comparedSideLabel() const {
    return comparedLabel(model(), hipLimits(), playback.gluteusMediusStrength, m_profile ? std::string_view(m_profile->title) : std::string_view());
}

std::vector<movement::HipLimit> Document::hipLimits() const {
    std::vector<movement::HipLimit> out;
    for (int s = 0; s < 2; ++s) {
        const std::array<int, 3> coords = hipCoordinates(model(), s == 0 ? Side::Right : Side::Left);
        for (std::size_t d = 0; d < 3; ++d) {
            const HipRestriction& r = playback.restriction[static_cast<std::size_t>(s)][d];
            if (!r.enabled || coords[d] < 0) continue;
            const Coordinate& c = model().coordinates[static_cast<std::size_t>(coords[d])];
            movement::HipLimit l;
            l.coordinate = coords[d];
            l.min = std::clamp(toRadians(std::min(r.minDeg, r.maxDeg)), c.minValue, c.maxValue);
            l.max = std::clamp(toRadians(std::max(r.minDeg, r.maxDeg)), c.minValue, c.maxValue);
            out.push_back(l);
        }
    }
    return out;
}

void Document::setHipLimits(std::span<const movement::HipLimit> limits) {
    playback.restriction = {};
    for (const movement::HipLimit& l : limits)
        for (int s = 0; s < 2; ++s) {
            const std::array<int, 3> coords = hipCoordinates(model(), s == 0 ? Side::Right : Side::Left);
            for (std::size_t d = 0; d < 3; ++d)
                if (coords[d] == l.coordinate)
                    playback.restriction[static_cast<std::size_t>(s)][d] = {true, toDegrees(l.min), toDegrees(l.max)};
        }
}

void Document::applyProfile(const movement::ClientProfile& profile) {
    m_profile = profile;
    setHipLimits(profile.hipLimits);
    playback.gluteusMediusStrength = profile.gluteusMediusStrength.clamped();
}

void Document::clearProfile() {
    m_profile.reset();
    playback.restriction = {};
    playback.gluteusMediusStrength = {};
}

void Document::resample() {
    refreshPlayer();
    if (!m_player) return;
    m_sample = m_player->sample(playback.time);
    if (m_normalPlayer) m_normalSample = m_normalPlayer->sample(playback.time);
    else m_normalSample.reset();
}

void Document::advance(double dt) {
    if (!(dt > 0.0) || !std::isfinite(dt)) dt = 0.0;
    pollBoneJob(false);
    if (activeMovement()) {
        if (playback.playing) {
            playback.time += dt * std::clamp(playback.speed, 0.05, 4.0);
            const double d = movementDuration();
            if (playback.loop && d > 0.0) playback.time = std::fmod(playback.time, d);
            else if (playback.time >= d) {
                playback.time = d;
                playback.playing = false;
            }
        }
        resample(); // also picks up changed options
    } else if (m_sample) {
        m_sample.reset();
    }
    if (m_scene && animation.index >= 0 && animation.index < static_cast<int>(m_scene->animations.size()) &&
        animation.playing) {
        const float duration = m_scene->animations[static_cast<std::size_t>(animation.index)].duration;
        animation.time = scene::wrapTime(static_cast<float>(animation.time + dt), duration);
    }
}

void Document::seek(double t) {
    playback.time = std::clamp(t, 0.0, movementDuration());
    resample();
}

// ---- Drawing

Document::Inputs Document::currentInputs() const {
    Inputs in;
    const auto q = pose();
    in.q.assign(q.begin(), q.end());
    in.modelSerial = m_modelSerial;
    in.layers = layers;
    in.selection = selection;
    in.colourMode = colourMode;
    in.roleDof = roleDof;
    in.momentArmDof = momentArmDof;
    in.animation = animation.index;
    in.animationTime = animation.index >= 0 ? animation.time : 0.0;
    in.movementId = playback.movementId;
    if (const movement::PoseSample* n = normalSample()) in.normalQ = n->q;
    return in;
}

const std::vector<movement::PartState>& Document::partStates() { return partStatesAt(pose()); }

const std::vector<movement::PartState>& Document::partStatesAt(std::span<const double> q) {
    if (!m_stretch) m_stretch = std::make_unique<movement::StretchMap>(model());
    if (m_statesPose.size() != q.size() || !std::equal(q.begin(), q.end(), m_statesPose.begin())) {
        m_states = m_stretch->evaluate(q);
        m_statesPose.assign(q.begin(), q.end());
    }
    return m_states;
}

draw::DrawOptions Document::layerOptions() const {
    draw::DrawOptions o;
    o.layers.bones = layers.bones;
    o.layers.muscles = layers.muscles;
    o.layers.wraps = layers.wraps;
    o.layers.sides = layers.sides;
    o.layers.peel = layers.peel;
    o.layers.floor = layers.floor;
    o.layers.outline = draw::outlineShown(layers.outline, !playback.movementId.empty());
    // Painted: the selection's attachments, or with the muscles hidden and nothing selected every
    // muscle's (the attachment view).
    o.attachments = layers.attachments && (!selection.empty() || !layers.muscles);
    if (!layers.hiddenGroups.empty()) {
        for (const MuscleGroup& g : content().groups)
            if (std::find(layers.hiddenGroups.begin(), layers.hiddenGroups.end(), g.id) == layers.hiddenGroups.end())
                o.layers.onlyGroups.push_back(g.id);
        if (o.layers.onlyGroups.empty()) o.layers.muscles = false;
    }
    o.highlight = highlightFor(selection);
    o.ghostOthers = layers.ghostOthers;
    if (const int m = selectedMuscle(); momentArmDof && m >= 0) {
        const Muscle& muscle = model().muscles[static_cast<std::size_t>(m)];
        o.momentArm = draw::MomentArmRequest{muscle.id, muscle.side, *momentArmDof};
        if (o.layers.bones) o.layers.ghostBones = true;
    }
    return o;
}

std::vector<draw::HighlightRef> Document::targetHighlight() const {
    std::vector<draw::HighlightRef> out;
    const movement::Movement* mov = activeMovement();
    if (colourMode != draw::ColourMode::Stretch || !mov) return out;
    for (const movement::TargetMuscle& t : mov->targets) out.push_back({t.muscleId, t.side, {}});
    return out;
}

draw::DrawList Document::buildList(std::span<const double> q, draw::DrawOptions o, Detail detail) {
    return buildFrom(q, std::move(o), m_sample ? &*m_sample : nullptr, detail);
}

draw::DrawList Document::buildNormalList(std::span<const double> q, draw::DrawOptions o, Detail detail) {
    // The same highlight rule as the compared side (gluteus medius picked out while the weak option
    // holds), so the two halves differ only in what the body does.
    if (const movement::PoseSample* n = normalSample()) return buildFrom(q, std::move(o), n, detail);
    return buildList(q, std::move(o), detail);
}

const draw::DrawList& Document::normalDrawList(Detail detail) {
    static const draw::DrawList kEmpty;
    const movement::PoseSample* n = normalSample();
    if (!n) return kEmpty;
    Inputs in = currentInputs();
    const auto d = static_cast<std::size_t>(detail);
    if (m_normalBuilt[d] && *m_normalBuilt[d] == in) return m_normalList[d];
    m_normalList[d] = buildNormalList(n->q, layerOptions(), detail);
    m_normalBuilt[d] = std::move(in);
    return m_normalList[d];
}

draw::DrawList Document::buildFrom(std::span<const double> q, draw::DrawOptions o, const movement::PoseSample* sample,
                                   Detail detail) {
    if (o.highlight.empty()) o.highlight = targetHighlight();
    if (detail == Detail::Coarse) o.solid = coarseSolidParams();
    o.animation = animation.index;
    o.animationTime = static_cast<float>(animation.time);
    if (const movement::Movement* mov = activeMovement()) {
        o.room = movement::roomFromModel(mov->posture);
        o.props = mov->props;
    }
    o.layers.floor = draw::floorShown(o.layers.floor, activeMovement() != nullptr);
    if (colourMode != draw::ColourMode::Groups) o.colouring = {colourMode, roleDof, partStatesAt(q), {}};
    if (colourMode == draw::ColourMode::Pelvis) o.colouring.pelvis = pelvicTilts(model(), q);
    // The lumbar levels that took part in the movement, in its main plane.
    if (sample && activeMovement()) o.lumbarTint = draw::lumbarTintOf(sample->lumbar);
    // A Trendelenburg drop is drawn with its angle.
    // While the weak gluteus medius option holds, the stance side's gluteus medius is highlighted
    // when nothing else is (it switches side with the stance leg in walking).
    if (sample && activeMovement() && sample->trendelenburg.applies) {
        if (sample->trendelenburg.dropDeg >= draw::kDrawnDropDeg) o.pelvicDrop = sample->trendelenburg.stance;
        if (o.highlight.empty() && playback.gluteusMediusStrength.weak())
            o.highlight.push_back({std::string(movement::kGluteusMediusId), sample->trendelenburg.stance, {}});
    }
    if (detail == Detail::Coarse && !m_coarseDrawer) makeCoarseDrawer();
    return (detail == Detail::Coarse ? *m_coarseDrawer : *m_drawer).build(q, o);
}

const draw::DrawList& Document::drawList(Detail detail) {
    Inputs in = currentInputs();
    if (!m_lastInputs || !(*m_lastInputs == in)) {
        ++m_revision;
        m_lastInputs = in;
    }
    const auto d = static_cast<std::size_t>(detail);
    if (m_built[d] && *m_built[d] == in) return m_list[d];
    m_list[d] = buildList(in.q, layerOptions(), detail);
    m_built[d] = std::move(in);
    return m_list[d];
}

std::vector<PartPelvicActions> Document::pelvicActionsOfSelection() const {
    return pelvicActions(model(), pose(), selectedMuscle());
}

std::vector<PartLumbarActions> Document::lumbarActionsOfSelection() const {
    return lumbarActions(model(), pose(), selectedMuscle());
}

std::vector<PartActions> Document::liveActionsOfSelection() {
    const int m = selectedMuscle();
    if (m < 0) return {};
    m_evaluator->setPose(pose());
    return liveActions(model(), *m_evaluator, m);
}

} // namespace hv::doc
