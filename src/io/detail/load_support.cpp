#include "io/detail/load_support.hpp"

#include "scene/validate.hpp"

#include <stb_image.h>

#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hv::io::detail {

void Report::error(std::string field, std::string message) {
    m_errors.push_back(Diagnostic{m_file, 0, 0, std::move(field), std::move(message)});
}

void Report::warn(std::string field, std::string message) {
    for (const Diagnostic& d : m_warnings)
        if (d.field == field && d.message == message) return;
    if (m_warnings.size() >= kMaxWarnings) {
        ++m_droppedWarnings;
        return;
    }
    m_warnings.push_back(Diagnostic{m_file, 0, 0, std::move(field), std::move(message)});
}

void Report::warnFirst(std::string field, std::string message) {
    std::erase_if(m_warnings,
                  [&](const Diagnostic& d) { return d.field == field && d.message == message; });
    if (m_warnings.size() >= kMaxWarnings) {
        m_warnings.pop_back();
        ++m_droppedWarnings;
    }
    m_warnings.insert(m_warnings.begin(),
                      Diagnostic{m_file, 0, 0, std::move(field), std::move(message)});
}

ModelLoad Report::finish(std::optional<scene::Scene> scene) {
    ModelLoad out;
    if (scene && m_errors.empty()) {
        // The converters keep these invariants; this is the last line before the renderer.
        const std::vector<std::string> problems = scene::validateScene(*scene, 1);
        if (!problems.empty())
            error("", "the converted model is inconsistent (" + problems.front() + "); not used");
    }
    if (!m_errors.empty() || !scene) {
        if (m_errors.empty()) error("", "the model could not be read");
        out.diagnostics = std::move(m_errors);
        return out;
    }
    if (m_droppedWarnings > 0)
        m_warnings.push_back(Diagnostic{
            m_file, 0, 0, "", std::to_string(m_droppedWarnings) + " more warnings not shown"});
    for (const Diagnostic& d : m_warnings)
        scene->warnings.push_back(d.format());
    out.diagnostics = std::move(m_warnings);
    out.scene = std::move(scene);
    return out;
}

std::string printable(std::string_view text, std::size_t maxLength) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size() && out.size() < maxLength) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out += (c < 0x20 || c == 0x7F) ? '?' : static_cast<char>(c);
            ++i;
            continue;
        }
        // A UTF-8 sequence: a lead byte and 1 to 3 continuation bytes.
        const std::size_t len = (c & 0xE0) == 0xC0   ? 2
                                : (c & 0xF0) == 0xE0 ? 3
                                : (c & 0xF8) == 0xF0 ? 4
                                                     : 0;
        bool ok = len > 0 && i + len <= text.size() && c >= 0xC2;
        for (std::size_t k = 1; ok && k < len; ++k)
            ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (ok) {
            out.append(text.substr(i, len));
            i += len;
        } else {
            out += '?';
            ++i;
        }
    }
    if (i < text.size()) out += "...";
    return out;
}

std::string formatBytes(std::uint64_t bytes) {
    char buf[64];
    if (bytes < 10 * 1024)
        std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
    else if (bytes < 10ull * 1024 * 1024)
        std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(bytes) / 1024.0);
    else if (bytes < 10ull * 1024 * 1024 * 1024)
        std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    else
        std::snprintf(buf, sizeof buf, "%.1f GiB",
                      static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0));
    return buf;
}

bool readFileBounded(const fs::path& path, std::uint64_t maxBytes, std::vector<std::uint8_t>& out,
                     std::string& reason) {
    // Open first, then check what was opened (no race between the check and the read). O_NONBLOCK
    // keeps a FIFO from blocking the open; it is then refused as not a regular file.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        reason = std::string("cannot open it: ") + std::strerror(errno);
        return false;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        reason = std::string("cannot read its size: ") + std::strerror(errno);
        ::close(fd);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        reason = S_ISDIR(st.st_mode) ? "it is a folder, not a file" : "it is not a regular file";
        ::close(fd);
        return false;
    }
    const std::uint64_t size = static_cast<std::uint64_t>(st.st_size);
    if (size > maxBytes) {
        reason = "it is " + formatBytes(size) + ", more than the limit of " + formatBytes(maxBytes);
        ::close(fd);
        return false;
    }
    out.resize(static_cast<std::size_t>(size));
    std::size_t done = 0;
    while (done < out.size()) {
        const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            reason = std::string("cannot read it: ") + std::strerror(errno);
            ::close(fd);
            return false;
        }
        if (n == 0) break; // shrank while reading
        done += static_cast<std::size_t>(n);
    }
    out.resize(done);
    ::close(fd);
    return true;
}

// ---------------------------------------------------------------------------------------------

ModelFolder::ModelFolder(const fs::path& modelFile) {
    std::error_code ec;
    fs::path file = fs::canonical(modelFile, ec);
    if (ec) file = fs::absolute(modelFile, ec).lexically_normal();
    m_root = file.parent_path();
}

bool ModelFolder::contains(const fs::path& path) const {
    std::error_code ec;
    const fs::path real = fs::canonical(path, ec);
    if (ec) return false;
    auto r = m_root.begin();
    auto p = real.begin();
    for (; r != m_root.end(); ++r, ++p)
        if (p == real.end() || *p != *r) return false;
    return true;
}

ModelFolder::Resolved ModelFolder::resolve(std::string_view reference) const {
    Resolved out;
    std::string ref(reference);
    std::replace(ref.begin(), ref.end(), '\\', '/');
    if (ref.empty()) return {{}, Refusal::Empty, "the path is empty"};
    if (ref.find('\0') != std::string::npos)
        return {{}, Refusal::Empty, "the path contains a NUL character"};

    // scheme ":" (RFC 3986: a letter, then letters, digits, '+', '-', '.')
    const std::size_t colon = ref.find(':');
    const std::size_t slash = ref.find('/');
    if (colon != std::string::npos && (slash == std::string::npos || colon < slash) && colon > 0 &&
        std::isalpha(static_cast<unsigned char>(ref[0]))) {
        bool scheme = true;
        for (std::size_t i = 1; i < colon; ++i) {
            const char c = ref[i];
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
                scheme = false;
        }
        if (scheme) {
            if (colon == 1)
                return {{},
                        Refusal::Absolute,
                        "it is an absolute Windows path; only paths relative to the model's folder "
                        "are read"};
            const std::string name = ref.substr(0, colon);
            if (name == "data" || name == "DATA")
                return {{},
                        Refusal::Scheme,
                        "this data: URI's media type or encoding is not supported (base64 buffers "
                        "and PNG/JPEG images are)"};
            return {{},
                    Refusal::Scheme,
                    "URI scheme '" + name +
                        ":' is not allowed; only data: URIs and paths relative to the model's "
                        "folder are read"};
        }
    }
    if (ref.front() == '/')
        return {{},
                Refusal::Absolute,
                "it is an absolute path; only paths relative to the model's folder are read"};

    // Lexical normalisation: "." and empty parts vanish, ".." removes the previous part and may
    // not climb above the folder.
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= ref.size()) {
        std::size_t end = ref.find('/', start);
        if (end == std::string::npos) end = ref.size();
        const std::string part = ref.substr(start, end - start);
        if (part == "..") {
            if (parts.empty())
                return {{}, Refusal::Escapes, "it points outside the model's folder ('..')"};
            parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = end + 1;
    }
    if (parts.empty()) return {{}, Refusal::Empty, "the path names no file"};

    fs::path candidate = m_root;
    for (const std::string& p : parts)
        candidate /= p;
    std::error_code ec;
    const fs::file_status linkStatus = fs::symlink_status(candidate, ec);
    if (ec || !fs::exists(linkStatus))
        return {candidate, Refusal::Missing, "file not found: " + candidate.string()};
    if (!contains(candidate))
        return {{}, Refusal::Link, "it is a symbolic link that leads outside the model's folder"};
    const fs::file_status status = fs::status(candidate, ec);
    if (ec || !fs::is_regular_file(status))
        return {{}, Refusal::NotFile, "it is not a regular file: " + candidate.string()};
    out.path = candidate;
    return out;
}

// ---------------------------------------------------------------------------------------------

bool decodeImage(std::span<const std::uint8_t> encoded, const LoadLimits& limits,
                 ImageBudget& budget, scene::Image& out, std::string& reason) {
    if (encoded.empty()) {
        reason = "the image has no data";
        return false;
    }
    if (encoded.size() > static_cast<std::size_t>(INT32_MAX)) {
        reason = "the encoded image is larger than 2 GiB";
        return false;
    }
    if (budget.images >= limits.maxImages) {
        reason = "the model has more than " + std::to_string(limits.maxImages) + " images";
        return false;
    }
    int w = 0, h = 0, comp = 0;
    const int len = static_cast<int>(encoded.size());
    if (!stbi_info_from_memory(encoded.data(), len, &w, &h, &comp)) {
        const char* why = stbi_failure_reason();
        reason = std::string("not a readable image (") + (why ? why : "unknown format") + ")";
        return false;
    }
    if (w <= 0 || h <= 0) {
        reason = "the image header gives a size of " + std::to_string(w) + "x" + std::to_string(h);
        return false;
    }
    const std::uint64_t pixels = static_cast<std::uint64_t>(w) * static_cast<std::uint64_t>(h);
    if (pixels > limits.maxImagePixels) {
        reason = "the image is " + std::to_string(w) + "x" + std::to_string(h) +
                 " pixels, more than the limit of " + std::to_string(limits.maxImagePixels) +
                 " pixels";
        return false;
    }
    if (budget.pixels + pixels > limits.maxTotalImagePixels) {
        reason = "the model's images together exceed the limit of " +
                 std::to_string(limits.maxTotalImagePixels) + " pixels";
        return false;
    }
    int dw = 0, dh = 0, dc = 0;
    stbi_uc* data = stbi_load_from_memory(encoded.data(), len, &dw, &dh, &dc, 4);
    if (!data) {
        const char* why = stbi_failure_reason();
        reason =
            std::string("the image could not be decoded (") + (why ? why : "unknown error") + ")";
        return false;
    }
    if (dw != w || dh != h) {
        stbi_image_free(data);
        reason = "the image decoded to another size than its header states";
        return false;
    }
    out.width = w;
    out.height = h;
    out.rgba.assign(data, data + pixels * 4);
    stbi_image_free(data);
    budget.pixels += pixels;
    ++budget.images;
    return true;
}

// ---------------------------------------------------------------------------------------------

std::size_t packInfluences(scene::Primitive& primitive, std::size_t vertexCount, std::size_t slots,
                           std::span<const std::uint32_t> joints, std::span<const float> weights) {
    constexpr std::size_t kMax = static_cast<std::size_t>(scene::kMaxInfluences);
    struct Influence {
        std::uint32_t joint;
        float weight;
    };
    std::vector<Influence> tmp(slots);
    std::size_t widest = 0;
    std::size_t zeroVertices = 0;

    // First pass: how many non-zero influences the widest vertex has.
    for (std::size_t v = 0; v < vertexCount; ++v) {
        std::size_t nonZero = 0;
        for (std::size_t s = 0; s < slots; ++s) {
            const float w = weights[v * slots + s];
            if (std::isfinite(w) && w > 0.0f) ++nonZero;
        }
        widest = std::max(widest, nonZero);
    }
    const std::size_t k = widest <= 4 ? 4 : kMax;
    primitive.influenceCount = static_cast<int>(k);
    primitive.joints.assign(vertexCount * k, 0);
    primitive.weights.assign(vertexCount * k, 0.0f);

    for (std::size_t v = 0; v < vertexCount; ++v) {
        std::size_t n = 0;
        for (std::size_t s = 0; s < slots; ++s) {
            float w = weights[v * slots + s];
            if (!std::isfinite(w) || w < 0.0f) w = 0.0f;
            // Joint indices are stored as 16 bits; anything larger is no joint of any skin and is
            // marked 0xFFFF so that clampInfluences() drops it.
            tmp[n++] = {std::min<std::uint32_t>(joints[v * slots + s], 0xFFFFu), w};
        }
        std::stable_sort(
            tmp.begin(), tmp.begin() + static_cast<std::ptrdiff_t>(n),
            [](const Influence& a, const Influence& b) { return a.weight > b.weight; });
        const std::size_t keep = std::min(n, k);
        double sum = 0.0;
        for (std::size_t i = 0; i < keep; ++i)
            sum += static_cast<double>(tmp[i].weight);
        if (sum <= 0.0) {
            ++zeroVertices;
            primitive.joints[v * k] = static_cast<std::uint16_t>(
                slots > 0 ? std::min<std::uint32_t>(joints[v * slots], 0xFFFFu) : 0);
            primitive.weights[v * k] = 1.0f;
            continue;
        }
        for (std::size_t i = 0; i < keep; ++i) {
            if (tmp[i].weight <= 0.0f) continue;
            primitive.joints[v * k + i] = static_cast<std::uint16_t>(tmp[i].joint);
            primitive.weights[v * k + i] =
                static_cast<float>(static_cast<double>(tmp[i].weight) / sum);
        }
    }
    return zeroVertices;
}

std::size_t clampInfluences(scene::Primitive& primitive, std::size_t jointCount) {
    const std::size_t k = static_cast<std::size_t>(std::max(primitive.influenceCount, 0));
    if (k == 0) return 0;
    const std::size_t vertices = primitive.weights.size() / k;
    std::size_t changed = 0;
    for (std::size_t v = 0; v < vertices; ++v) {
        bool bad = false;
        for (std::size_t i = 0; i < k; ++i)
            if (primitive.weights[v * k + i] != 0.0f && primitive.joints[v * k + i] >= jointCount)
                bad = true;
            else if (primitive.weights[v * k + i] == 0.0f)
                primitive.joints[v * k + i] = 0;
        if (!bad) continue;
        ++changed;
        double sum = 0.0;
        for (std::size_t i = 0; i < k; ++i) {
            if (primitive.joints[v * k + i] >= jointCount) {
                primitive.joints[v * k + i] = 0;
                primitive.weights[v * k + i] = 0.0f;
            }
            sum += static_cast<double>(primitive.weights[v * k + i]);
        }
        if (sum <= 0.0) {
            primitive.joints[v * k] = 0;
            primitive.weights[v * k] = 1.0f;
            continue;
        }
        for (std::size_t i = 0; i < k; ++i)
            primitive.weights[v * k + i] =
                static_cast<float>(static_cast<double>(primitive.weights[v * k + i]) / sum);
    }
    return changed;
}

std::size_t dropNonFiniteTriangles(scene::Primitive& primitive, std::size_t& droppedTriangles) {
    droppedTriangles = 0;
    std::vector<std::uint8_t> bad(primitive.positions.size(), 0);
    std::size_t badCount = 0;
    for (std::size_t v = 0; v < primitive.positions.size(); ++v) {
        const glm::vec3& p = primitive.positions[v];
        if (!(std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z))) {
            bad[v] = 1;
            ++badCount;
        }
    }
    if (badCount == 0) return 0;
    std::vector<std::uint32_t> kept;
    kept.reserve(primitive.indices.size());
    for (std::size_t t = 0; t + 2 < primitive.indices.size(); t += 3) {
        const std::uint32_t a = primitive.indices[t], b = primitive.indices[t + 1],
                            c = primitive.indices[t + 2];
        if (bad[a] || bad[b] || bad[c]) {
            ++droppedTriangles;
            continue;
        }
        kept.insert(kept.end(), {a, b, c});
    }
    primitive.indices = std::move(kept);
    return badCount;
}

bool finiteTransform(const scene::Node& n) {
    const float v[10] = {n.translation.x, n.translation.y, n.translation.z, n.rotation.x,
                         n.rotation.y,    n.rotation.z,    n.rotation.w,    n.scale.x,
                         n.scale.y,       n.scale.z};
    for (const float f : v)
        if (!std::isfinite(f)) return false;
    return true;
}

float finiteFloat(double value, float fallback) {
    const float f = static_cast<float>(value);
    return std::isfinite(f) ? f : fallback;
}

} // namespace hv::io::detail

namespace hv::io::detail {

std::uint64_t JsonShape::arrayLength(std::string_view key) const {
    std::uint64_t n = 0;
    for (const auto& [k, length] : topLevelArrays)
        if (k == key) n += length;
    return n;
}

JsonShape measureJson(std::string_view json, std::uint64_t maxDepth) {
    JsonShape shape;
    // Containers open now: true for an object. Only the first maxDepth + 1 levels are tracked.
    std::vector<bool> open;
    bool expectKey = false;  // inside an object, before a key
    bool inLiteral = false;  // inside a number or true/false/null
    std::string rootKey;     // the last key read at the root object's level, decoded
    std::size_t rootArray = SIZE_MAX; // index into topLevelArrays of the array being read
    auto valueStarts = [&] {
        ++shape.values;
        if (open.size() == 2 && !open[1] && rootArray != SIZE_MAX)
            ++shape.topLevelArrays[rootArray].second;
    };
    std::size_t i = 0;
    if (json.size() >= 3 && static_cast<unsigned char>(json[0]) == 0xEF &&
        static_cast<unsigned char>(json[1]) == 0xBB && static_cast<unsigned char>(json[2]) == 0xBF)
        i = 3;
    for (; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') {
            inLiteral = false;
            const bool isKey = !open.empty() && open.back() && expectKey;
            const bool rootKeyHere = isKey && open.size() == 1;
            if (!isKey) valueStarts();
            if (rootKeyHere) rootKey.clear();
            for (++i; i < json.size() && json[i] != '"'; ++i) {
                char k = json[i];
                if (k == '\\' && i + 1 < json.size()) {
                    const char e = json[++i];
                    k = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b'
                      : e == 'f' ? '\f' : e;
                    if (e == 'u' && i + 4 < json.size()) {
                        unsigned code = 0;
                        for (int h = 1; h <= 4; ++h) {
                            const char x = json[i + static_cast<std::size_t>(h)];
                            code = code * 16 + static_cast<unsigned>(
                                std::isdigit(static_cast<unsigned char>(x)) ? x - '0'
                                : (x >= 'a' && x <= 'f') ? x - 'a' + 10
                                : (x >= 'A' && x <= 'F') ? x - 'A' + 10 : 0);
                        }
                        i += 4;
                        k = code < 0x80 ? static_cast<char>(code) : '?';
                    }
                }
                if (rootKeyHere && rootKey.size() < 64) rootKey += k;
            }
            if (isKey) expectKey = false;
            continue;
        }
        switch (c) {
        case ' ': case '\t': case '\n': case '\r':
            inLiteral = false;
            break;
        case '{':
        case '[':
            inLiteral = false;
            valueStarts();
            if (c == '{') ++shape.objects;
            if (c == '[' && open.size() == 1 && open[0]) {
                shape.topLevelArrays.emplace_back(rootKey, 0);
                rootArray = shape.topLevelArrays.size() - 1;
            }
            open.push_back(c == '{');
            shape.depth = std::max<std::uint64_t>(shape.depth, open.size());
            if (open.size() > maxDepth) return shape; // too deep: the caller refuses it
            expectKey = c == '{';
            break;
        case '}':
        case ']':
            inLiteral = false;
            if (!open.empty()) open.pop_back();
            if (open.size() == 1) rootArray = SIZE_MAX;
            expectKey = false;
            break;
        case ',':
            inLiteral = false;
            expectKey = !open.empty() && open.back();
            break;
        case ':':
            inLiteral = false;
            expectKey = false;
            break;
        default:
            if (!inLiteral) valueStarts();
            inLiteral = true;
            break;
        }
    }
    return shape;
}

void decompose(const glm::mat4& matrix, scene::Node& node) {
    node.translation = glm::vec3(matrix[3]);
    const glm::vec3 c0(matrix[0]), c1(matrix[1]), c2(matrix[2]);
    glm::vec3 s(glm::length(c0), glm::length(c1), glm::length(c2));
    if (glm::dot(c0, glm::cross(c1, c2)) < 0.0f) s.x = -s.x;
    node.scale = s;
    if (s.x == 0.0f || s.y == 0.0f || s.z == 0.0f) {
        node.rotation = glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
        return;
    }
    node.rotation = glm::normalize(glm::quat_cast(glm::mat3(c0 / s.x, c1 / s.y, c2 / s.z)));
}

} // namespace hv::io::detail
