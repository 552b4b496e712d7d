#include "io/detail/scene_serialize.hpp"

#include <cstring>
#include <string>
#include <type_traits>

namespace hv::io::detail {

namespace {

constexpr std::uint32_t kMagic = 0x48564D31; // "HVM1"

class Writer {
  public:
    std::vector<std::uint8_t> bytes;

    template <class T> void pod(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        const auto* p = reinterpret_cast<const std::uint8_t*>(&v);
        bytes.insert(bytes.end(), p, p + sizeof(T));
    }
    void size(std::size_t n) { pod(static_cast<std::uint64_t>(n)); }
    void str(const std::string& s) {
        size(s.size());
        bytes.insert(bytes.end(), s.begin(), s.end());
    }
    template <class T> void podVector(const std::vector<T>& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        size(v.size());
        const auto* p = reinterpret_cast<const std::uint8_t*>(v.data());
        bytes.insert(bytes.end(), p, p + v.size() * sizeof(T));
    }
    template <class T, class F> void list(const std::vector<T>& v, F&& each) {
        size(v.size());
        for (const T& item : v)
            each(item);
    }
};

class Reader {
  public:
    explicit Reader(std::span<const std::uint8_t> bytes) : m_bytes(bytes) {}

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_bytes.size(); }

    template <class T> T pod() {
        static_assert(std::is_trivially_copyable_v<T>);
        static_assert(!std::is_enum_v<T> && !std::is_same_v<T, bool>,
                      "not every byte is a valid bool or enumerator: use boolean()/enumeration()");
        T v{};
        if (!take(sizeof(T))) return v;
        std::memcpy(&v, m_bytes.data() + m_pos - sizeof(T), sizeof(T));
        return v;
    }
    // A bool or an enumeration stored as its underlying integer: a value outside 0..last (a
    // child that wrote garbage) fails the read instead of becoming an invalid value.
    bool boolean() {
        const auto raw = pod<std::uint8_t>();
        if (raw > 1) m_ok = false;
        return raw == 1;
    }
    template <class E> E enumeration(E last) {
        using U = std::underlying_type_t<E>;
        const U raw = pod<U>();
        if (raw > static_cast<U>(last)) {
            m_ok = false;
            return E{};
        }
        return static_cast<E>(raw);
    }
    // A count of items each at least `minItemBytes` long: never more than the bytes left allow.
    std::size_t size(std::size_t minItemBytes) {
        const std::uint64_t n = pod<std::uint64_t>();
        const std::uint64_t left = m_bytes.size() - m_pos;
        if (!m_ok || (minItemBytes > 0 && n > left / minItemBytes) ||
            (minItemBytes == 0 && n > left + 1'000'000)) {
            m_ok = false;
            return 0;
        }
        return static_cast<std::size_t>(n);
    }
    std::string str() {
        const std::size_t n = size(1);
        if (!take(n)) return {};
        return std::string(reinterpret_cast<const char*>(m_bytes.data() + m_pos - n), n);
    }
    template <class T> std::vector<T> podVector() {
        const std::size_t n = size(sizeof(T));
        std::vector<T> v(n);
        if (n && take(n * sizeof(T)))
            std::memcpy(v.data(), m_bytes.data() + m_pos - n * sizeof(T), n * sizeof(T));
        return v;
    }
    template <class T, class F> std::vector<T> list(std::size_t minItemBytes, F&& each) {
        const std::size_t n = size(minItemBytes);
        std::vector<T> v;
        v.reserve(n);
        for (std::size_t i = 0; i < n && m_ok; ++i)
            v.push_back(each());
        return v;
    }

  private:
    bool take(std::size_t n) {
        if (!m_ok || n > m_bytes.size() - m_pos) {
            m_ok = false;
            return false;
        }
        m_pos += n;
        return true;
    }
    std::span<const std::uint8_t> m_bytes;
    std::size_t m_pos = 0;
    bool m_ok = true;
};

void writeDiagnostics(Writer& w, const Diagnostics& ds) {
    w.list(ds, [&](const Diagnostic& d) {
        w.str(d.file);
        w.pod(d.line);
        w.pod(d.column);
        w.str(d.field);
        w.str(d.message);
    });
}

Diagnostics readDiagnostics(Reader& r) {
    return r.list<Diagnostic>(32, [&] {
        Diagnostic d;
        d.file = r.str();
        d.line = r.pod<int>();
        d.column = r.pod<int>();
        d.field = r.str();
        d.message = r.str();
        return d;
    });
}

void writeTexture(Writer& w, const scene::TextureRef& t) {
    w.pod(t.image);
    w.pod(t.texCoord);
    w.pod(t.offset);
    w.pod(t.scale);
    w.pod(t.rotation);
}

scene::TextureRef readTexture(Reader& r) {
    scene::TextureRef t;
    t.image = r.pod<int>();
    t.texCoord = r.pod<int>();
    t.offset = r.pod<glm::vec2>();
    t.scale = r.pod<glm::vec2>();
    t.rotation = r.pod<float>();
    return t;
}

void writeScene(Writer& w, const scene::Scene& s) {
    w.str(s.name);
    w.list(s.nodes, [&](const scene::Node& n) {
        w.str(n.name);
        w.pod(n.parent);
        w.podVector(n.children);
        w.pod(n.translation);
        w.pod(n.rotation);
        w.pod(n.scale);
        w.pod(n.mesh);
        w.pod(n.skin);
        w.podVector(n.morphWeights);
    });
    w.podVector(s.roots);
    w.list(s.meshes, [&](const scene::Mesh& m) {
        w.str(m.name);
        w.list(m.primitives, [&](const scene::Primitive& p) {
            w.podVector(p.positions);
            w.podVector(p.normals);
            w.podVector(p.texcoords0);
            w.podVector(p.texcoords1);
            w.podVector(p.colors);
            w.pod(p.influenceCount);
            w.podVector(p.joints);
            w.podVector(p.weights);
            w.list(p.morphTargets, [&](const scene::MorphTarget& t) {
                w.podVector(t.positionDeltas);
                w.podVector(t.normalDeltas);
            });
            w.podVector(p.indices);
            w.pod(p.material);
        });
        w.podVector(m.defaultMorphWeights);
    });
    w.list(s.materials, [&](const scene::Material& m) {
        w.str(m.name);
        w.pod(m.baseColor);
        writeTexture(w, m.baseColorTexture);
        w.pod(m.metallic);
        w.pod(m.roughness);
        w.pod(m.alphaMode);
        w.pod(m.alphaCutoff);
        w.pod(static_cast<std::uint8_t>(m.doubleSided ? 1 : 0));
    });
    w.list(s.images, [&](const scene::Image& i) {
        w.str(i.name);
        w.pod(i.width);
        w.pod(i.height);
        w.podVector(i.rgba);
    });
    w.list(s.skins, [&](const scene::Skin& k) {
        w.str(k.name);
        w.podVector(k.joints);
        w.podVector(k.inverseBindMatrices);
        w.pod(k.skeleton);
    });
    w.list(s.animations, [&](const scene::Animation& a) {
        w.str(a.name);
        w.list(a.channels, [&](const scene::AnimationChannel& c) {
            w.pod(c.node);
            w.pod(c.path);
            w.pod(c.interpolation);
            w.podVector(c.times);
            w.podVector(c.values);
        });
        w.pod(a.duration);
    });
    w.list(s.warnings, [&](const std::string& text) { w.str(text); });
}

scene::Scene readScene(Reader& r) {
    scene::Scene s;
    s.name = r.str();
    s.nodes = r.list<scene::Node>(64, [&] {
        scene::Node n;
        n.name = r.str();
        n.parent = r.pod<int>();
        n.children = r.podVector<int>();
        n.translation = r.pod<glm::vec3>();
        n.rotation = r.pod<glm::quat>();
        n.scale = r.pod<glm::vec3>();
        n.mesh = r.pod<int>();
        n.skin = r.pod<int>();
        n.morphWeights = r.podVector<float>();
        return n;
    });
    s.roots = r.podVector<int>();
    s.meshes = r.list<scene::Mesh>(24, [&] {
        scene::Mesh m;
        m.name = r.str();
        m.primitives = r.list<scene::Primitive>(80, [&] {
            scene::Primitive p;
            p.positions = r.podVector<glm::vec3>();
            p.normals = r.podVector<glm::vec3>();
            p.texcoords0 = r.podVector<glm::vec2>();
            p.texcoords1 = r.podVector<glm::vec2>();
            p.colors = r.podVector<glm::vec4>();
            p.influenceCount = r.pod<int>();
            p.joints = r.podVector<std::uint16_t>();
            p.weights = r.podVector<float>();
            p.morphTargets = r.list<scene::MorphTarget>(16, [&] {
                scene::MorphTarget t;
                t.positionDeltas = r.podVector<glm::vec3>();
                t.normalDeltas = r.podVector<glm::vec3>();
                return t;
            });
            p.indices = r.podVector<std::uint32_t>();
            p.material = r.pod<int>();
            return p;
        });
        m.defaultMorphWeights = r.podVector<float>();
        return m;
    });
    s.materials = r.list<scene::Material>(48, [&] {
        scene::Material m;
        m.name = r.str();
        m.baseColor = r.pod<glm::vec4>();
        m.baseColorTexture = readTexture(r);
        m.metallic = r.pod<float>();
        m.roughness = r.pod<float>();
        m.alphaMode = r.enumeration(scene::AlphaMode::Blend);
        m.alphaCutoff = r.pod<float>();
        m.doubleSided = r.boolean();
        return m;
    });
    s.images = r.list<scene::Image>(24, [&] {
        scene::Image i;
        i.name = r.str();
        i.width = r.pod<int>();
        i.height = r.pod<int>();
        i.rgba = r.podVector<std::uint8_t>();
        return i;
    });
    s.skins = r.list<scene::Skin>(28, [&] {
        scene::Skin k;
        k.name = r.str();
        k.joints = r.podVector<int>();
        k.inverseBindMatrices = r.podVector<glm::mat4>();
        k.skeleton = r.pod<int>();
        return k;
    });
    s.animations = r.list<scene::Animation>(20, [&] {
        scene::Animation a;
        a.name = r.str();
        a.channels = r.list<scene::AnimationChannel>(22, [&] {
            scene::AnimationChannel c;
            c.node = r.pod<int>();
            c.path = r.enumeration(scene::AnimationPath::Weights);
            c.interpolation = r.enumeration(scene::Interpolation::CubicSpline);
            c.times = r.podVector<float>();
            c.values = r.podVector<float>();
            return c;
        });
        a.duration = r.pod<float>();
        return a;
    });
    s.warnings = r.list<std::string>(8, [&] { return r.str(); });
    return s;
}

} // namespace

std::vector<std::uint8_t> serializeModelLoad(const ModelLoad& load) {
    Writer w;
    w.pod(kMagic);
    writeDiagnostics(w, load.diagnostics);
    w.pod(static_cast<std::uint8_t>(load.scene ? 1 : 0));
    if (load.scene) writeScene(w, *load.scene);
    w.pod(kMagic);
    return std::move(w.bytes);
}

std::optional<ModelLoad> deserializeModelLoad(std::span<const std::uint8_t> bytes) {
    Reader r(bytes);
    if (r.pod<std::uint32_t>() != kMagic || !r.ok()) return std::nullopt;
    ModelLoad load;
    load.diagnostics = readDiagnostics(r);
    if (r.boolean()) load.scene = readScene(r);
    if (r.pod<std::uint32_t>() != kMagic || !r.ok() || !r.atEnd()) return std::nullopt;
    return load;
}

} // namespace hv::io::detail
