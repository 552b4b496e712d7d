#include "anatomy_draw/anatomy_drawer.hpp"

#include "anatomy_draw/detail/shapes.hpp"
#include "anatomy_draw/moment_arm_drawing.hpp"
#include "anatomy_draw/pelvic_drop_drawing.hpp"
#include "anatomy_draw/room_drawing.hpp"
#include "anatomy_draw/palette.hpp"
#include "core/diagnostic.hpp"
#include "gfx/camera.hpp"
#include "core/kinematics.hpp"
#include "core/path.hpp"
#include "movement/loader.hpp"
#include "scene/evaluate.hpp"

#include <algorithm>
#include <cstdio>
#include <cassert>
#include <map>

namespace hv::draw {

glm::mat4 toSceneMatrix(const Transform& t) {
    const glm::mat3 c = scene::osimToGltfRotation();
    const glm::mat3 r = c * glm::mat3(t.rotation);
    glm::mat4 m(r);
    m[3] = glm::vec4(c * glm::vec3(t.translation), 1.0f);
    return m;
}

std::string partDisplayName(const Content& content, const Muscle& muscle, std::size_t part) {
    const MuscleInfo* info = content.findMuscleInfo(muscle.id);
    std::string name = info ? info->name : muscle.id;
    name += muscle.side == Side::Left ? " (left)" : muscle.side == Side::Right ? " (right)" : "";
    if (muscle.parts.size() > 1 && part < muscle.parts.size()) {
        const MusclePart& p = muscle.parts[part];
        name += ", " + (p.displayName.empty() ? p.name : p.displayName);
    }
    return name;
}

bool floorShown(std::optional<bool> asked, bool movement) { return asked.value_or(movement); }

std::optional<HighlightRef> parseHighlight(const Content& content, std::string_view text, std::string& error) {
    if (const auto m = movement::parseMuscleName(content, text)) return HighlightRef{m->muscleId, m->side, {}};
    error = unknownMuscleMessage(content, text);
    return std::nullopt;
}

std::optional<Layers> parseShowList(const Content& content, std::span<const std::string> items, std::string& error) {
    Layers layers;
    // The room's extras (the body outline, the floor) listed alone are added to the default layers.
    const bool onlyExtras = !items.empty() && std::all_of(items.begin(), items.end(), [](const std::string& i) { return i == "outline" || i == "floor"; });
    if (!onlyExtras) layers.bones = layers.muscles = layers.wraps = layers.model = false;
    for (const std::string& item : items) {
        if (item == "outline") layers.outline = true;
        else if (item == "bones") layers.bones = true;
        else if (item == "ghosted-bones") layers.bones = layers.ghostBones = true;
        else if (item == "muscles") layers.muscles = true;
        else if (item == "wraps") layers.wraps = true;
        else if (item == "model") layers.model = true;
        else if (item == "floor") layers.floor = true;
        else if (content.findGroup(item)) {
            layers.muscles = true;
            layers.onlyGroups.push_back(item);
        } else if (content.findMuscleInfo(item)) {
            layers.muscles = true;
            layers.onlyMuscles.push_back(item);
        } else {
            std::vector<std::string> valid{"bones", "ghosted-bones", "muscles", "wraps", "model", "floor", "outline"};
            for (const MuscleGroup& g : content.groups) valid.push_back(g.id);
            for (const MuscleInfo& m : content.muscles) valid.push_back(m.id);
            const std::string hint = closestMatch(item, valid);
            error = "unknown layer \"" + item + "\"" + (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") +
                    "; valid: " + joinNames(valid, 200);
            return std::nullopt;
        }
    }
    // Listing only groups or muscles implies the muscles layer but keeps the rest as asked.
    if (layers.muscles && layers.onlyGroups.empty() && layers.onlyMuscles.empty()) {
        // all muscles
    }
    return layers;
}

namespace {

// A copy of a bone mesh with vertex colours: white, tinted towards each area's colour within
// kAttachmentRadius of its point (full strength inside 70 % of it, fading out to the rim).
// `inBody`: the mesh's positions in the body's frame (OpenSim axes, metres).
gfx::MeshPtr paintedCopy(const scene::Primitive& prim, const std::vector<Vec3>& inBody, const std::vector<AttachmentPaint>& paint) {
    auto out = std::make_shared<scene::Primitive>(prim);
    out->colors.assign(prim.positions.size(), glm::vec4(1.0f));
    bool any = false;
    const double r = kAttachmentRadius, inner = 0.7 * kAttachmentRadius;
    for (std::size_t v = 0; v < prim.positions.size(); ++v) {
        const Vec3& p = inBody[v];
        double best = 0.0;
        glm::vec3 colour(1.0f);
        for (const AttachmentPaint& a : paint) {
            const double d = glm::length(p - a.point);
            if (d >= r) continue;
            const double w = d <= inner ? 1.0 : (r - d) / (r - inner);
            if (w > best) {
                best = w;
                colour = a.colour;
            }
        }
        if (best > 0.0) {
            any = true;
            out->colors[v] = glm::vec4(glm::mix(glm::vec3(1.0f), colour, static_cast<float>(0.9 * best)), 1.0f);
        }
    }
    if (!any) return nullptr;
    return out;
}

} // namespace

glm::vec3 attachmentColour(bool origin) {
    // Vermilion and blue (colour_science.hpp's pair for red-green colour blindness), linear RGB.
    return origin ? glm::vec3(0.68f, 0.11f, 0.0f) * 1.25f : glm::vec3(0.0f, 0.17f, 0.45f) * 1.25f;
}

AnatomyDrawer::AnatomyDrawer(const Content& content, std::shared_ptr<const scene::Scene> model)
    : m_content(&content), m_model(std::move(model)) {
    m_defaultBodies = computeBodyTransforms(content.model, content.model.defaultPose());
    if (m_model) bindModel();
    if (!m_anatomical) buildStandIns();
    for (const WrapCylinder& c : content.model.wrapCylinders) {
        auto mesh = std::make_shared<scene::Primitive>();
        detail::appendCylinderZ(*mesh, static_cast<float>(c.radius), static_cast<float>(std::max(c.length, 2.0 * c.radius)), 40);
        m_wrapMeshes.push_back(std::move(mesh));
    }
}

void AnatomyDrawer::bindModel() {
    const scene::Scene& s = *m_model;
    const Model& model = m_content->model;
    m_nodeBody.assign(s.nodes.size(), -1);
    int named = 0;
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        m_nodeBody[n] = model.findBody(s.nodes[n].name);
        if (m_nodeBody[n] >= 0) ++named;
    }
    // A HipView export carries its muscles' shapes at every keyframe: drawn as they are, not
    // posed by the core (its meshes are in the scene frame, not in their bodies' frames).
    std::map<std::string, PartRef, std::less<>> exportedParts; // musclePartId -> part
    m_export = s.generator.find(scene::kExportGeneratorMark) != std::string::npos;
    if (m_export)
        for (std::size_t m = 0; m < model.muscles.size(); ++m)
            for (std::size_t p = 0; p < model.muscles[m].parts.size(); ++p)
                exportedParts.emplace(musclePartId(model.muscles[m], p), PartRef{static_cast<int>(m), static_cast<int>(p)});
    m_anatomical = !m_export && named >= 2 && model.findBody("pelvis") >= 0;

    // Which body each primitive belongs to: the skin joint carrying most weight, else the
    // node itself or its nearest ancestor named after a body.
    const auto bodyOfNode = [&](int node) {
        for (int guard = 0; node >= 0 && guard < 4096; ++guard) {
            if (m_nodeBody[static_cast<std::size_t>(node)] >= 0) return m_nodeBody[static_cast<std::size_t>(node)];
            node = s.nodes[static_cast<std::size_t>(node)].parent;
        }
        return -1;
    };
    std::map<std::string, std::string, std::less<>> aliases; // alias -> muscle id
    for (const MuscleInfo& info : m_content->muscles)
        for (const std::string& a : info.aliases) aliases.emplace(a, info.id);
    m_primitiveBody.assign(s.nodes.size(), {});
    m_primitiveMuscle.assign(s.nodes.size(), {});
    m_primitivePart.assign(s.nodes.size(), {});
    m_nodeOutline.assign(s.nodes.size(), 0);
    if (m_anatomical)
        for (std::size_t n = 0; n < s.nodes.size(); ++n) {
            const std::string& name = s.nodes[n].name;
            m_nodeOutline[n] = name.size() > scene::kOutlineNodeSuffix.size() && name.ends_with(scene::kOutlineNodeSuffix);
        }
    const scene::ScenePose rest = scene::evaluate(s);
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        const scene::Node& node = s.nodes[n];
        if (node.mesh < 0 || node.mesh >= static_cast<int>(s.meshes.size())) continue;
        const scene::Mesh& mesh = s.meshes[static_cast<std::size_t>(node.mesh)];
        for (std::size_t p = 0; p < mesh.primitives.size(); ++p) {
            const scene::Primitive& prim = mesh.primitives[p];
            int body = -1;
            if (node.skin >= 0 && node.skin < static_cast<int>(s.skins.size()) && prim.influenceCount > 0) {
                const scene::Skin& skin = s.skins[static_cast<std::size_t>(node.skin)];
                std::vector<double> weight(skin.joints.size(), 0.0);
                const std::size_t ic = static_cast<std::size_t>(prim.influenceCount);
                for (std::size_t i = 0; i < prim.joints.size() && i < prim.weights.size(); ++i)
                    if (prim.joints[i] < weight.size()) weight[prim.joints[i]] += static_cast<double>(prim.weights[i]);
                (void)ic;
                const auto best = std::max_element(weight.begin(), weight.end());
                if (best != weight.end() && *best > 0.0)
                    body = bodyOfNode(skin.joints[static_cast<std::size_t>(best - weight.begin())]);
            } else {
                body = bodyOfNode(static_cast<int>(n));
            }
            m_primitiveBody[n].push_back(body);
            // A muscle mesh named by an alias (node name or mesh name), or an export's part id.
            int muscle = -1, part = 0;
            if (const auto e = exportedParts.find(node.name); e != exportedParts.end()) {
                m_primitiveMuscle[n].push_back(e->second.muscle);
                m_primitivePart[n].push_back(e->second.part);
                continue;
            }
            auto it = aliases.find(node.name);
            if (it == aliases.end()) it = aliases.find(mesh.name);
            if (it != aliases.end()) {
                const std::vector<glm::vec3> posed = scene::posedPositions(s, rest, static_cast<int>(n), static_cast<int>(p));
                scene::Bounds b;
                for (const auto& v : posed) b.add(v);
                // glTF -X is the subject's right.
                const Side side = b.center().x <= 0.0f ? Side::Right : Side::Left;
                muscle = model.findMuscle(it->second, side);
            }
            m_primitiveMuscle[n].push_back(muscle);
            m_primitivePart[n].push_back(part);
        }
    }
}

void AnatomyDrawer::buildStandIns() {
    const Model& model = m_content->model;
    const auto add = [&](const char* body, scene::Primitive mesh) {
        const int b = model.findBody(body);
        if (b < 0) return;
        auto ptr = std::make_shared<scene::Primitive>(std::move(mesh));
        m_standIns.push_back({ptr, b});
        const int l = model.findBody(otherSideName(body));
        if (l >= 0 && l != b) m_standIns.push_back({std::make_shared<scene::Primitive>(detail::mirroredZ(*ptr)), l});
    };
    // Body frames (OpenSim: X anterior, Y up, Z right), metres. Rough shapes only: they stand
    // in for the generated bones until a model is loaded.
    {
        scene::Primitive femur;
        detail::appendCapsule(femur, {0, 0, 0}, {0, 0, 0}, 0.024f);                            // head
        detail::appendCapsule(femur, {0, 0, 0}, {-0.012f, -0.045f, 0.05f}, 0.014f);            // neck
        detail::appendCapsule(femur, {-0.015f, -0.03f, 0.055f}, {-0.008f, -0.39f, 0.0f}, 0.014f); // shaft
        detail::appendCapsule(femur, {-0.012f, -0.395f, -0.03f}, {-0.012f, -0.395f, 0.03f}, 0.022f); // condyles
        add("femur_r", std::move(femur));
    }
    {
        scene::Primitive tibia;
        detail::appendCapsule(tibia, {0.0f, -0.02f, -0.025f}, {0.0f, -0.02f, 0.025f}, 0.022f);
        detail::appendCapsule(tibia, {0.0f, -0.03f, 0.0f}, {-0.005f, -0.37f, 0.0f}, 0.015f);
        add("tibia_r", std::move(tibia));
    }
    for (const char* v : {"L1", "L2", "L3", "L4", "L5"}) {
        scene::Primitive vert;
        detail::appendCapsule(vert, {0.0f, 0.012f, 0.0f}, {0.0f, 0.026f, 0.0f}, 0.02f);
        detail::appendCapsule(vert, {-0.025f, 0.02f, 0.0f}, {-0.055f, 0.012f, 0.0f}, 0.006f);
        detail::appendCapsule(vert, {-0.022f, 0.022f, -0.03f}, {-0.022f, 0.022f, 0.03f}, 0.005f);
        add(v, std::move(vert));
    }
}

namespace {

scene::Bounds transformedBounds(const scene::Bounds& local, const glm::mat4& m) {
    scene::Bounds out;
    if (local.empty()) return out;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 c((i & 1) ? local.max.x : local.min.x, (i & 2) ? local.max.y : local.min.y,
                          (i & 4) ? local.max.z : local.min.z);
        out.add(glm::vec3(m * glm::vec4(c, 1.0f)));
    }
    return out;
}

bool sideShown(SideFilter f, Side s) {
    if (s == Side::Midline) return true;
    if (f == SideFilter::RightOnly) return s == Side::Right;
    if (f == SideFilter::LeftOnly) return s == Side::Left;
    return true;
}

gfx::Material boneMaterial() {
    gfx::Material m;
    m.kind = gfx::MaterialKind::Bone;
    m.baseColor = glm::vec4(boneColor(), 1.0f);
    m.roughness = 0.7f;
    return m;
}

// A third-party primitive's own material (base colour, texture with KHR_texture_transform). The
// texture pointer shares ownership of `owner`, the scene holding the image.
gfx::Material modelMaterial(const std::shared_ptr<const scene::Scene>& owner, const scene::Primitive& prim) {
    const scene::Scene& s = *owner;
    gfx::Material out;
    if (prim.material < 0 || prim.material >= static_cast<int>(s.materials.size())) return out;
    const scene::Material& sm = s.materials[static_cast<std::size_t>(prim.material)];
    out.baseColor = sm.baseColor;
    out.roughness = sm.roughness;
    out.doubleSided = sm.doubleSided;
    out.alphaBlend = sm.alphaMode == scene::AlphaMode::Blend;
    out.alphaCutoff = sm.alphaMode == scene::AlphaMode::Mask ? sm.alphaCutoff : -1.0f;
    const scene::TextureRef& tex = sm.baseColorTexture;
    if (tex.image >= 0 && tex.image < static_cast<int>(s.images.size()) && !s.images[static_cast<std::size_t>(tex.image)].rgba.empty()) {
        out.baseColorTexture = gfx::ImagePtr(owner, &s.images[static_cast<std::size_t>(tex.image)]);
        out.texCoord = tex.texCoord;
        // KHR_texture_transform: T * R * S.
        const float c = std::cos(tex.rotation), si = std::sin(tex.rotation);
        const glm::mat3 t(1, 0, 0, 0, 1, 0, tex.offset.x, tex.offset.y, 1);
        const glm::mat3 r(c, -si, 0, si, c, 0, 0, 0, 1);
        const glm::mat3 sc(tex.scale.x, 0, 0, 0, tex.scale.y, 0, 0, 0, 1);
        out.uvTransform = t * r * sc;
    }
    return out;
}

} // namespace

// ---- build(): one context resolved once, then five sections that append to the list.

// What every section needs, resolved once per build: the posed bodies, and per muscle whether it
// is shown, its flags and its colour (by group, or per part from the colouring option).
struct AnatomyDrawer::BuildContext {
    const Model& model;
    const Content& texts; // the muscles' texts and drawing hints (MuscleInfo)
    const DrawOptions& options;
    DrawList& list;
    std::vector<Transform> bodies;            // ground <- body at the pose, the room applied
    std::vector<char> muscleShown;            // per muscle
    std::vector<std::uint32_t> muscleFlags;   // per muscle: highlight, outline or ghost
    std::vector<char> highlighted;            // per muscle
    std::vector<glm::vec3> groupColour;       // per muscle, linear RGB
    PartColours partColours;
    std::vector<float> boneTint;              // per body: 0 none .. 1 fully the lumbar tint
    std::vector<glm::vec3> boneTintColour;    // per body: the tint's colour (intended or compensation)
    std::vector<char> drawnFromModel;         // per muscle: a model mesh named by its alias drew it
    std::vector<char> wrapUsed;               // per wrap cylinder: a drawn muscle uses it
    struct Anchor {
        glm::vec3 position{0.0f};
        float size = -1.0f;
        std::vector<std::uint32_t> ids;
    };
    std::vector<Anchor> anchors;              // per muscle: where a label points, its pick ids

    BuildContext(const Content& content, const DrawOptions& o, DrawList& l, std::span<const double> q)
        : model(content.model), texts(content), options(o), list(l), partColours(content.model, o.colouring) {
        bodies = computeBodyTransforms(model, q);
        for (Transform& b : bodies) b = o.room * b;
        const Layers& layers = o.layers;
        const std::size_t n = model.muscles.size();
        muscleShown.resize(n);
        muscleFlags.resize(n);
        highlighted.resize(n);
        groupColour.resize(n);
        drawnFromModel.assign(n, 0);
        anchors.resize(n);
        wrapUsed.assign(model.wrapCylinders.size(), 0);
        const bool anyHighlight = !o.highlight.empty();
        for (std::size_t mi = 0; mi < n; ++mi) {
            const Muscle& m = model.muscles[mi];
            bool shown = layers.muscles && sideShown(layers.sides, m.side);
            if (shown && !(layers.onlyGroups.empty() && layers.onlyMuscles.empty()))
                shown = std::find(layers.onlyMuscles.begin(), layers.onlyMuscles.end(), m.id) != layers.onlyMuscles.end() ||
                        std::find(layers.onlyGroups.begin(), layers.onlyGroups.end(), m.group) != layers.onlyGroups.end();
            muscleShown[mi] = shown;
            bool h = false;
            for (const HighlightRef& r : o.highlight) h |= r.muscleId == m.id && (!r.side || *r.side == m.side);
            highlighted[mi] = h;
            const MuscleInfo* info = content.findMuscleInfo(m.id);
            const bool peeled = info && info->layer <= layers.peel;
            const bool overTintedSpine = o.lumbarTint && m.group == "trunk";
            muscleFlags[mi] = h ? (gfx::kHighlighted | gfx::kOutlined)
                                : (anyHighlight && o.ghostOthers) || peeled || overTintedSpine ? std::uint32_t(gfx::kGhosted) : 0u;
            groupColour[mi] = muscleColor(content, m.id);
        }
        boneTint = o.lumbarTint ? lumbarTintAmounts(model, *o.lumbarTint) : std::vector<float>(model.bodies.size(), 0.0f);
        boneTintColour = o.lumbarTint ? lumbarTintColours(model, *o.lumbarTint) : std::vector<glm::vec3>(model.bodies.size(), lumbarTintColour());
    }

    bool lowerLeg(int b) const {
        if (b < 0) return false;
        const std::string& name = model.bodies[static_cast<std::size_t>(b)].name;
        return name.starts_with("tibia") || name.starts_with("fibula") || name.starts_with("patella") ||
               name.starts_with("talus") || name.starts_with("calcn") || name.starts_with("toes");
    }
    bool bodyShown(int b) const {
        const Layers& layers = options.layers;
        return layers.bones && b >= 0 && sideShown(layers.sides, model.bodies[static_cast<std::size_t>(b)].side) &&
               (layers.lowerLegs || !lowerLeg(b));
    }
    std::uint32_t boneTarget(int b, int node) {
        PickTarget t;
        t.kind = PickTarget::Kind::Bone;
        t.body = b;
        t.node = node;
        const Body& body = model.bodies[static_cast<std::size_t>(b)];
        t.name = body.displayName.empty() ? body.name : body.displayName;
        return list.addTarget(std::move(t));
    }
    gfx::Material boneMaterialOf(int b) const {
        gfx::Material m = boneMaterial();
        const float t = b >= 0 ? boneTint[static_cast<std::size_t>(b)] : 0.0f;
        if (t > 0.0f)
            m.baseColor = glm::vec4(glm::mix(glm::vec3(m.baseColor), boneTintColour[static_cast<std::size_t>(b)], t), m.baseColor.a);
        return m;
    }
    gfx::Material muscleMaterial(int muscle, int part, glm::vec2 belly) const {
        gfx::Material mat;
        mat.kind = gfx::MaterialKind::Muscle;
        const glm::vec3 c = partColours.colour(muscle, part).value_or(groupColour[static_cast<std::size_t>(muscle)]);
        mat.baseColor = glm::vec4(c, 1.0f);
        mat.roughness = 0.45f;
        mat.bellyRange = belly;
        mat.banded = partColours.banded(muscle, part);
        if (const MuscleInfo* info = texts.findMuscleInfo(model.muscles[static_cast<std::size_t>(muscle)].id))
            for (double f : info->tendinousIntersections)
                if (mat.intersectionCount < static_cast<int>(mat.intersections.size()))
                    mat.intersections[static_cast<std::size_t>(mat.intersectionCount++)] = static_cast<float>(f);
        return mat;
    }
    std::uint32_t musclePart(int muscle, int part, int node, const Content& content) {
        const Muscle& m = model.muscles[static_cast<std::size_t>(muscle)];
        PickTarget t;
        t.kind = PickTarget::Kind::MusclePart;
        t.part = {muscle, part};
        t.node = node;
        t.muscleId = m.id;
        t.name = partDisplayName(content, m, static_cast<std::size_t>(part));
        const std::uint32_t id = list.addTarget(std::move(t));
        anchors[static_cast<std::size_t>(muscle)].ids.push_back(id);
        return id;
    }
};

DrawList AnatomyDrawer::build(std::span<const double> q, const DrawOptions& options) const {
    assert(q.size() == m_content->model.coordinates.size());
    DrawList list;
    BuildContext c(*m_content, options, list, q);
    if (m_model) addModelItems(c);
    else if (options.layers.bones) addStandIns(c);
    if (!m_model || m_anatomical) {
        addMuscleSolids(c, q);
        if (options.layers.wraps) addWraps(c);
    }
    addLabelAnchors(c);
    if (options.momentArm && (!m_model || m_anatomical)) addMomentArm(c, q);
    if (options.pelvicDrop && (!m_model || m_anatomical))
        if (const auto g = pelvicDropGeometry(c.model, *options.pelvicDrop, q, options.room))
            appendPelvicDropDrawing(*g, c.model, pelvicDropLabel(*g, *options.pelvicDrop), list);
    if (!options.props.empty() && (!m_model || m_anatomical))
        appendPropItems(options.props, computeBodyTransforms(c.model, q), options.room, list);
    // The floor below everything drawn so far (the body and its props).
    if (options.layers.floor.value_or(false)) list.items.push_back(floorItem(gfx::framingBounds(list.items).center()));
    return list;
}

// Per body, the attachment areas to paint (DrawOptions::attachments): every part's origin and
// insertion point of the highlighted muscles, or of every muscle when none is highlighted.
std::vector<std::vector<AttachmentPaint>> AnatomyDrawer::attachmentPaint(const BuildContext& c) const {
    const Model& model = c.model;
    std::vector<std::vector<AttachmentPaint>> out(model.bodies.size());
    const bool any = std::any_of(c.highlighted.begin(), c.highlighted.end(), [](char h) { return h != 0; });
    for (std::size_t mi = 0; mi < model.muscles.size(); ++mi) {
        const Muscle& m = model.muscles[mi];
        if (any ? !c.highlighted[mi] : !sideShown(c.options.layers.sides, m.side)) continue;
        for (const MusclePart& part : m.parts) {
            if (part.points.size() < 2) continue;
            const PathPoint& o = part.points.front();
            const PathPoint& i = part.points.back();
            if (o.body >= 0) out[static_cast<std::size_t>(o.body)].push_back({o.location, attachmentColour(true)});
            if (i.body >= 0) out[static_cast<std::size_t>(i.body)].push_back({i.location, attachmentColour(false)});
        }
    }
    return out;
}

// A loaded model: HipView's own skeleton posed by the core's bodies (its alias meshes are
// muscles, the rest bones), or a third-party model as it is, posed by its own animation.
void AnatomyDrawer::addModelItems(BuildContext& c) const {
    const scene::Scene& s = *m_model;
    const Layers& layers = c.options.layers;
    std::vector<scene::WorldOverride> overrides;
    scene::EvaluateOptions eo;
    std::vector<glm::mat4> restWorld;
    std::vector<std::vector<glm::mat4>> restSkins;
    const std::vector<std::vector<AttachmentPaint>> paint =
        m_anatomical && c.options.attachments ? attachmentPaint(c) : std::vector<std::vector<AttachmentPaint>>{};
    if (m_anatomical) {
        const scene::ScenePose rest = scene::evaluate(s);
        restWorld = rest.world;
        restSkins = rest.skinMatrices;
        for (std::size_t n = 0; n < s.nodes.size(); ++n) {
            const int b = m_nodeBody[n];
            if (b < 0) continue;
            const glm::mat4 motion = toSceneMatrix(c.bodies[static_cast<std::size_t>(b)]) *
                                     glm::inverse(toSceneMatrix(m_defaultBodies[static_cast<std::size_t>(b)]));
            overrides.push_back({static_cast<int>(n), motion * rest.world[n]});
        }
        eo.worldOverrides = overrides;
    } else {
        eo.animation = c.options.animation;
        eo.time = c.options.animationTime;
    }
    const scene::ScenePose pose = scene::evaluate(s, eo);
    std::vector<gfx::MatricesPtr> skinMats;
    for (auto& m : pose.skinMatrices) skinMats.push_back(std::make_shared<const std::vector<glm::mat4>>(m));
    for (int n : scene::displayedNodes(s)) {
        const scene::Node& node = s.nodes[static_cast<std::size_t>(n)];
        if (node.mesh < 0 || node.mesh >= static_cast<int>(s.meshes.size())) continue;
        const scene::Mesh& mesh = s.meshes[static_cast<std::size_t>(node.mesh)];
        for (std::size_t p = 0; p < mesh.primitives.size(); ++p) {
            const scene::Primitive& prim = mesh.primitives[p];
            if (prim.positions.empty() || prim.indices.empty()) continue;
            gfx::DrawItem item;
            item.mesh = gfx::MeshPtr(m_model, &prim);
            item.transform = pose.world[static_cast<std::size_t>(n)];
            const bool skinned = node.skin >= 0 && node.skin < static_cast<int>(skinMats.size()) && prim.influenceCount > 0;
            if (skinned) item.jointMatrices = skinMats[static_cast<std::size_t>(node.skin)];
            item.morphWeights = pose.morphWeights[static_cast<std::size_t>(n)];
            if (m_nodeOutline[static_cast<std::size_t>(n)]) {
                // The body outline: ghosted skin-grey, never picked; its box is the rest box moved
                // by every joint it hangs on (the trunk bends over several). A movement's own
                // camera frames the whole person with it (wholeBodyBounds); a chosen view frames
                // the anatomy as without it (kNoFraming).
                if (!layers.outline) continue;
                item.material = gfx::Material{};
                item.material.baseColor = glm::vec4(kOutlineColour, 1.0f);
                item.material.roughness = 0.9f;
                item.flags = gfx::kGhosted | gfx::kNoFraming;
                item.pickId = 0;
                const scene::Bounds rest = scene::primitiveBounds(prim);
                if (skinned) {
                    const auto& mats = *item.jointMatrices;
                    std::vector<char> used(mats.size(), 0);
                    for (std::size_t i = 0; i < prim.joints.size() && i < prim.weights.size(); ++i)
                        if (prim.joints[i] < used.size() && prim.weights[i] > 0.0f) used[prim.joints[i]] = 1;
                    for (std::size_t j = 0; j < mats.size(); ++j)
                        if (used[j]) item.bounds.add(transformedBounds(rest, mats[j]));
                } else {
                    item.bounds = transformedBounds(rest, item.transform);
                }
                c.list.items.push_back(std::move(item));
                continue;
            }
            const int body = m_primitiveBody[static_cast<std::size_t>(n)][p];
            const int muscle = m_primitiveMuscle[static_cast<std::size_t>(n)][p];
            // Bounds: rest box moved by the node (or its dominant joint's) matrix.
            glm::mat4 boxMatrix = item.transform;
            if (skinned) {
                const auto& mats = *item.jointMatrices;
                std::vector<double> w(mats.size(), 0.0);
                for (std::size_t i = 0; i < prim.joints.size() && i < prim.weights.size(); ++i)
                    if (prim.joints[i] < w.size()) w[prim.joints[i]] += static_cast<double>(prim.weights[i]);
                const auto best = std::max_element(w.begin(), w.end());
                boxMatrix = best != w.end() ? mats[static_cast<std::size_t>(best - w.begin())] : glm::mat4(1.0f);
            }
            const bool morphed = std::any_of(item.morphWeights.begin(), item.morphWeights.end(), [](float w) { return w != 0.0f; });
            if (morphed) {
                scene::Bounds box; // the morphed shape's (an export's muscles change shape)
                for (const glm::vec3& v : scene::morphPositions(prim, item.morphWeights)) box.add(v);
                item.bounds = transformedBounds(box, boxMatrix);
            } else {
                item.bounds = transformedBounds(scene::primitiveBounds(prim), boxMatrix);
            }
            if (muscle >= 0) {
                const auto mi = static_cast<std::size_t>(muscle);
                if (!c.muscleShown[mi]) continue;
                c.drawnFromModel[mi] = 1;
                const int part = m_primitivePart[static_cast<std::size_t>(n)][p];
                // An export's muscle is belly colour throughout (a loaded mesh has no coordinate
                // along its path to place the tendons by).
                item.material = c.muscleMaterial(muscle, part, m_export ? glm::vec2(-1.0f, 2.0f) : glm::vec2(0.0f, 1.0f));
                item.flags = c.muscleFlags[mi];
                item.pickId = c.musclePart(muscle, part, n, *m_content);
                BuildContext::Anchor& a = c.anchors[mi];
                if (item.bounds.radius() > a.size) {
                    a.size = item.bounds.radius();
                    a.position = item.bounds.center();
                }
            } else if ((m_anatomical || m_export) && body >= 0) {
                if (!c.bodyShown(body)) continue;
                item.material = c.boneMaterialOf(body);
                item.pickId = c.boneTarget(body, n);
                if (c.lowerLeg(body)) item.flags |= gfx::kNoFraming;
                if (layers.ghostBones) item.flags |= gfx::kGhosted;
                if (!paint.empty() && !paint[static_cast<std::size_t>(body)].empty()) {
                    // The mesh's vertices in the body's frame: where the rest pose puts them (its
                    // node matrix, or its skin's matrices), back from the scene by the body's
                    // default transform.
                    const glm::dmat4 fromScene = glm::inverse(glm::dmat4(toSceneMatrix(m_defaultBodies[static_cast<std::size_t>(body)])));
                    std::vector<Vec3> inBody(prim.positions.size());
                    const std::vector<glm::mat4>* skin =
                        skinned && static_cast<std::size_t>(node.skin) < restSkins.size() ? &restSkins[static_cast<std::size_t>(node.skin)] : nullptr;
                    const auto k = static_cast<std::size_t>(prim.influenceCount);
                    for (std::size_t v = 0; v < prim.positions.size(); ++v) {
                        glm::mat4 m(0.0f);
                        if (skin) {
                            for (std::size_t i = v * k; i < (v + 1) * k && i < prim.joints.size(); ++i)
                                if (prim.joints[i] < skin->size()) m += (*skin)[prim.joints[i]] * prim.weights[i];
                        } else {
                            m = restWorld[static_cast<std::size_t>(n)];
                        }
                        inBody[v] = Vec3(fromScene * glm::dmat4(m) * glm::dvec4(glm::dvec3(prim.positions[v]), 1.0));
                    }
                    if (auto painted = paintedCopy(prim, inBody, paint[static_cast<std::size_t>(body)])) {
                        item.mesh = std::move(painted);
                        item.material.useVertexColors = true;
                    }
                }
            } else {
                if (!layers.model && !m_anatomical) continue;
                if (m_anatomical && !layers.bones) continue;
                item.material = modelMaterial(m_model, prim);
                item.material.useVertexColors = !prim.colors.empty();
                PickTarget t;
                t.kind = PickTarget::Kind::ModelNode;
                t.node = n;
                t.name = node.name.empty() ? (mesh.name.empty() ? "node " + std::to_string(n) : mesh.name) : node.name;
                item.pickId = c.list.addTarget(std::move(t));
            }
            c.list.items.push_back(std::move(item));
        }
    }
}

// Without a model: simple stand-in bones.
void AnatomyDrawer::addStandIns(BuildContext& c) const {
    for (const StandIn& s : m_standIns) {
        if (!c.bodyShown(s.body)) continue;
        gfx::DrawItem item;
        item.mesh = s.mesh;
        item.transform = toSceneMatrix(c.bodies[static_cast<std::size_t>(s.body)]);
        item.material = c.boneMaterialOf(s.body);
        item.pickId = c.boneTarget(s.body, -1);
        item.bounds = transformedBounds(scene::primitiveBounds(*s.mesh), item.transform);
        if (c.lowerLeg(s.body)) item.flags |= gfx::kNoFraming;
        if (c.options.layers.ghostBones) item.flags |= gfx::kGhosted;
        c.list.items.push_back(std::move(item));
    }
}

// Every shown muscle's parts as solids along their current paths (anatomical models and the
// stand-ins only), except muscles a model mesh already drew.
void AnatomyDrawer::addMuscleSolids(BuildContext& c, std::span<const double> q) const {
    const Model& model = c.model;
    // "Away from the bone": from the femur's axis along the thigh, from the pelvis' centre above.
    struct Axis {
        glm::vec3 a, b;
    };
    std::vector<Axis> femurAxes;
    for (const char* f : {"femur_r", "femur_l"}) {
        const int fb = model.findBody(f);
        if (fb < 0) continue;
        const Transform& t = c.bodies[static_cast<std::size_t>(fb)];
        femurAxes.push_back({scene::osimToGltf(glm::vec3(t.apply(Vec3(0.0)))),
                             scene::osimToGltf(glm::vec3(t.apply(Vec3(-0.008, -0.40, 0.0))))});
    }
    glm::vec3 pelvisCentre(0.0f);
    if (const int pb = model.findBody("pelvis"); pb >= 0)
        pelvisCentre = scene::osimToGltf(glm::vec3(c.bodies[static_cast<std::size_t>(pb)].apply(Vec3(-0.07, -0.04, 0.0))));
    const OutwardFn outward = [femurAxes, pelvisCentre](const glm::vec3& p) {
        float best = 1e9f;
        glm::vec3 dir = p - pelvisCentre;
        for (const Axis& ax : femurAxes) {
            const glm::vec3 d = ax.b - ax.a;
            const float u = glm::dot(p - ax.a, d) / std::max(1e-9f, glm::dot(d, d));
            if (u < 0.15f || u > 1.1f) continue;
            const glm::vec3 centre = ax.a + d * std::clamp(u, 0.0f, 1.0f);
            const float dist = glm::length(p - centre);
            if (dist < best) {
                best = dist;
                dir = p - centre;
            }
        }
        return dir;
    };

    PathGeometry geom;
    for (std::size_t mi = 0; mi < model.muscles.size(); ++mi) {
        const Muscle& m = model.muscles[mi];
        if (!c.muscleShown[mi] || c.drawnFromModel[mi]) continue;
        const MuscleInfo* info = m_content->findMuscleInfo(m.id);
        const MuscleShape shape = muscleShapeFromName(info ? info->shape : "fusiform");
        std::vector<PartPath> paths(m.parts.size());
        for (std::size_t p = 0; p < m.parts.size(); ++p) {
            pathGeometry(model, m.parts[p], c.bodies, q, geom);
            PartPath& pp = paths[p];
            for (std::size_t i = 0; i < geom.points.size(); ++i) {
                pp.points.push_back(scene::osimToGltf(glm::vec3(geom.points[i])));
                pp.surfaceNormal.push_back(i < geom.surfaceNormal.size() ? scene::osimToGltf(glm::vec3(geom.surfaceNormal[i]))
                                                                         : glm::vec3(0.0f));
            }
            pp.architecture = m.parts[p].architecture;
            for (const WrapUse& w : m.parts[p].wraps) {
                if (w.cylinder < 0) continue;
                c.wrapUsed[static_cast<std::size_t>(w.cylinder)] = 1;
                const WrapCylinder& cyl = model.wrapCylinders[static_cast<std::size_t>(w.cylinder)];
                const Transform t = c.bodies[static_cast<std::size_t>(cyl.body)] * cyl.frame;
                WrapObstacle o;
                o.centre = scene::osimToGltf(glm::vec3(t.translation));
                o.axis = glm::normalize(scene::osimToGltf(glm::vec3(t.rotation[2])));
                o.radius = static_cast<float>(cyl.radius);
                o.halfLength = static_cast<float>(0.5 * cyl.length);
                pp.obstacles.push_back(o);
            }
        }
        std::vector<PartSolid> solids;
        if (shape == MuscleShape::Fan) solids = buildFanSheet(paths, outward, c.options.solid);
        else
            for (const PartPath& pp : paths) solids.push_back(buildPartSolid(pp, shape, outward, c.options.solid));
        for (std::size_t p = 0; p < solids.size(); ++p) {
            PartSolid& solid = solids[p];
            if (solid.mesh.positions.empty()) continue;
            gfx::DrawItem item;
            for (const auto& v : solid.mesh.positions) item.bounds.add(v);
            item.mesh = std::make_shared<const scene::Primitive>(std::move(solid.mesh));
            item.material = c.muscleMaterial(static_cast<int>(mi), static_cast<int>(p), solid.bellyRange);
            item.flags = c.muscleFlags[mi];
            item.pickId = c.musclePart(static_cast<int>(mi), static_cast<int>(p), -1, *m_content);
            BuildContext::Anchor& a = c.anchors[mi];
            // Fans: the middle part's belly; others: the thickest belly.
            const float size = shape == MuscleShape::Fan
                                   ? 1.0f - std::abs(static_cast<float>(p) - 0.5f * static_cast<float>(solids.size() - 1)) * 0.01f
                                   : solid.bellyRadius;
            if (size > a.size) {
                a.size = size;
                a.position = solid.bellyCentre;
            }
            c.list.items.push_back(std::move(item));
        }
    }
}

// The wrap surfaces that the drawn muscles use, as glass.
void AnatomyDrawer::addWraps(BuildContext& c) const {
    const Model& model = c.model;
    for (std::size_t w = 0; w < model.wrapCylinders.size(); ++w) {
        if (!c.wrapUsed[w]) continue;
        const WrapCylinder& cyl = model.wrapCylinders[w];
        gfx::DrawItem item;
        item.mesh = m_wrapMeshes[w];
        item.transform = toSceneMatrix(c.bodies[static_cast<std::size_t>(cyl.body)] * cyl.frame);
        item.material.kind = gfx::MaterialKind::Wrap;
        item.material.baseColor = glm::vec4(srgbHex(0x9CC7E6), 0.35f);
        item.material.alphaBlend = true;
        item.bounds = transformedBounds(scene::primitiveBounds(*item.mesh), item.transform);
        item.flags = gfx::kNoFraming;
        c.list.items.push_back(std::move(item));
    }
}

// The moment-arm drawing of DrawOptions::momentArm, with its callout.
void AnatomyDrawer::addMomentArm(BuildContext& c, std::span<const double> q) const {
    const MomentArmRequest& r = *c.options.momentArm;
    const Model& model = c.model;
    const int mi = model.findMuscle(r.muscleId, r.side);
    if (mi < 0) return;
    const Muscle& m = model.muscles[static_cast<std::size_t>(mi)];
    std::size_t strongest = 0;
    for (std::size_t p = 1; p < m.parts.size(); ++p)
        if (m.parts[p].architecture.maxIsometricForce > m.parts[strongest].architecture.maxIsometricForce) strongest = p;
    const PartRef part{mi, static_cast<int>(strongest)};
    const int coordinate = momentArmCoordinate(model, part, r.axis, q);
    if (coordinate < 0) return;
    const auto g = momentArmGeometry(model, part, coordinate, q);
    if (!g) return;
    const Coordinate& coord = model.coordinates[static_cast<std::size_t>(coordinate)];
    const bool none = r.axis.lumbar ? insideDeadZone(g->momentArm) : classifyAction(r.axis.hip, g->momentArm) == Action::None;
    const MuscleInfo* info = m_content->findMuscleInfo(m.id);
    std::string label = info ? info->name : m.id;
    if (m.parts.size() > 1) label += ", " + (m.parts[strongest].displayName.empty() ? m.parts[strongest].name : m.parts[strongest].displayName);
    char mm[32];
    std::snprintf(mm, sizeof mm, "%.0f mm", std::abs(g->momentArm) * 1000.0);
    label += ": " + std::string(mm);
    if (r.axis.lumbar)
        for (std::size_t level = 0; level < kLumbarLevelCount; ++level)
            if (coord.name.starts_with(kLumbarLevelPrefixes[level])) label += " at " + std::string(kLumbarLevelNames[level]);
    label += ", " + (none ? std::string("no clear pull") : g->momentArm > 0.0 ? coord.positiveMeaning : coord.negativeMeaning);
    const glm::vec3 arrow = r.axis.lumbar ? lumbarRoleColour(r.axis.lumbarDof, g->momentArm) : roleColour(classifyAction(r.axis.hip, g->momentArm));
    appendMomentArmDrawing(*g, c.options.room, part, model, label, c.groupColour[static_cast<std::size_t>(mi)], arrow, c.list);
}

// Label anchors: every highlighted muscle that is drawn, per side.
void AnatomyDrawer::addLabelAnchors(BuildContext& c) const {
    const Model& model = c.model;
    for (std::size_t mi = 0; mi < model.muscles.size(); ++mi) {
        const Muscle& m = model.muscles[mi];
        if (!c.highlighted[mi] || c.anchors[mi].ids.empty()) continue;
        LabelAnchor a;
        a.muscleId = m.id;
        a.side = m.side;
        const MuscleInfo* info = m_content->findMuscleInfo(m.id);
        a.text = info ? info->name : m.id;
        // The stretch map's number for this side of the muscle.
        if (c.options.colouring.mode == ColourMode::Stretch)
            if (const auto pct = movement::muscleChangePercent(model, static_cast<int>(mi), c.options.colouring.parts))
                a.detail = movement::lengthChangeWords(*pct);
        for (const HighlightRef& r : c.options.highlight)
            if (!r.pin.empty() && r.muscleId == m.id && (!r.side || *r.side == m.side)) a.text = r.pin, a.detail.clear();
        a.position = c.anchors[mi].position;
        a.pickIds = c.anchors[mi].ids;
        a.color = glm::vec4(c.groupColour[mi], 1.0f);
        c.list.labels.push_back(std::move(a));
    }
}

} // namespace hv::draw
