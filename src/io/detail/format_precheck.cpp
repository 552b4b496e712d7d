#include "io/detail/format_precheck.hpp"

#include "core/text.hpp"
#include "io/detail/collada_clips.hpp"
#include "io/detail/load_support.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <string_view>
#include <vector>

namespace hv::io::detail {

namespace {

bool startsWith(std::span<const std::uint8_t> bytes, std::string_view prefix) {
    return bytes.size() >= prefix.size() &&
           std::memcmp(bytes.data(), prefix.data(), prefix.size()) == 0;
}

std::vector<std::string_view> tokens(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i])))
            ++i;
        const std::size_t start = i;
        while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i])))
            ++i;
        if (i > start) out.push_back(line.substr(start, i - start));
    }
    return out;
}

bool parseCount(std::string_view text, std::uint64_t& out) {
    if (text.empty() || text.size() > 20) return false;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), out);
    return r.ec == std::errc() && r.ptr == text.data() + text.size();
}

std::string n(std::uint64_t v) {
    return std::to_string(v);
}

// Appends the parts (a chain of operator+ on temporaries trips GCC 12's -Wrestrict false
// positive, GCC bug 105329).
std::string cat(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (const std::string_view p : parts)
        out += p;
    return out;
}

// ---- PLY ----------------------------------------------------------------------------------------

int plyTypeSize(std::string_view t) {
    if (t == "char" || t == "uchar" || t == "int8" || t == "uint8") return 1;
    if (t == "short" || t == "ushort" || t == "int16" || t == "uint16") return 2;
    if (t == "int" || t == "uint" || t == "int32" || t == "uint32" || t == "float" ||
        t == "float32")
        return 4;
    if (t == "double" || t == "float64") return 8;
    return 0;
}

std::optional<PrecheckProblem> checkPly(std::span<const std::uint8_t> bytes,
                                        const LoadLimits& limits) {
    const std::size_t headerLimit = std::min<std::size_t>(bytes.size(), 1 << 20);
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), headerLimit);
    struct Element {
        std::uint64_t count = 0;
        std::uint64_t fixedBytes = 0; // binary: bytes of the scalar properties
        std::uint64_t listBytes = 0;  // binary: bytes of the list counts (lists may be empty)
        std::uint64_t properties = 0;
        std::string name;
    };
    std::vector<Element> elements;
    std::string format;
    std::size_t pos = 0;
    int lineNo = 0;
    std::size_t bodyStart = 0;
    for (;;) {
        const std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            return PrecheckProblem{
                "PLY header",
                "the header has no end_header line (the file is truncated or not a PLY file)"};
        std::string_view line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        ++lineNo;
        pos = end + 1;
        const std::string where = "PLY header line " + std::to_string(lineNo);
        for (const char c : line)
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t')
                return PrecheckProblem{where, "contains control characters: the header is garbled"};
        const auto t = tokens(line);
        if (lineNo == 1) {
            if (t.size() != 1 || t[0] != "ply")
                return PrecheckProblem{where, "the file does not start with 'ply'"};
            continue;
        }
        if (t.empty()) continue;
        if (t[0] == "comment" || t[0] == "obj_info") continue;
        if (t[0] == "format") {
            if (t.size() != 3 ||
                (t[1] != "ascii" && t[1] != "binary_little_endian" && t[1] != "binary_big_endian"))
                return PrecheckProblem{where, "is not a valid format line"};
            format = std::string(t[1]);
            continue;
        }
        if (t[0] == "element") {
            std::uint64_t count = 0;
            if (t.size() != 3 || !parseCount(t[2], count))
                return PrecheckProblem{where, "is not a valid 'element NAME COUNT' line"};
            const std::uint64_t limit = t[1] == "face" ? limits.maxIndices / 3 : limits.maxVertices;
            if (count > limit)
                return PrecheckProblem{where, cat({"element '", t[1], "' claims ", n(count),
                                                   " entries, more than the limit of ", n(limit)})};
            elements.push_back({count, 0, 0, 0, std::string(t[1])});
            continue;
        }
        if (t[0] == "property") {
            if (elements.empty())
                return PrecheckProblem{where, "a property comes before any element"};
            Element& e = elements.back();
            if (t.size() == 3 && plyTypeSize(t[1]) > 0) {
                e.fixedBytes += static_cast<std::uint64_t>(plyTypeSize(t[1]));
            } else if (t.size() == 5 && t[1] == "list" && plyTypeSize(t[2]) > 0 &&
                       plyTypeSize(t[3]) > 0) {
                e.listBytes += static_cast<std::uint64_t>(plyTypeSize(t[2]));
            } else {
                return PrecheckProblem{where, "is not a valid property line"};
            }
            ++e.properties;
            continue;
        }
        if (t[0] == "end_header") {
            bodyStart = pos;
            break;
        }
        return PrecheckProblem{where,
                               cat({"'", t[0].substr(0, 40), "' is not a PLY header keyword"})};
    }
    if (format.empty()) return PrecheckProblem{"PLY header", "has no format line"};
    const std::uint64_t body = bytes.size() - bodyStart;
    std::uint64_t need = 0;
    for (const Element& e : elements) {
        // binary: every scalar property plus the count of every list; ascii: at least one digit and
        // a separator per property.
        const std::uint64_t per = format == "ascii" ? 2 * e.properties : e.fixedBytes + e.listBytes;
        need += e.count * per; // counts are bounded by the limits, so this does not overflow
    }
    if (need > body)
        return PrecheckProblem{"PLY header",
                               "the elements it declares need at least " + n(need) +
                                   " bytes, but only " + n(body) +
                                   " follow the header (the file is truncated or its header lies)"};
    return std::nullopt;
}

// ---- OFF ----------------------------------------------------------------------------------------

std::optional<PrecheckProblem> checkOff(std::span<const std::uint8_t> bytes,
                                        const LoadLimits& limits) {
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()),
                                std::min<std::size_t>(bytes.size(), 1 << 16));
    std::size_t pos = 0;
    bool sawKeyword = false;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (const std::size_t hash = line.find('#'); hash != std::string_view::npos)
            line = line.substr(0, hash);
        auto t = tokens(line);
        if (t.empty()) continue;
        if (!sawKeyword) {
            sawKeyword = true;
            const std::string kw = toLower(std::string(t[0]));
            if (kw.size() >= 3 && kw.compare(kw.size() - 3, 3, "off") == 0) {
                if (t.size() > 1 && toLower(std::string(t[1])) == "binary")
                    return std::nullopt; // Assimp's own message
                t.erase(t.begin());
                if (t.empty()) continue;
            }
        }
        std::uint64_t vertices = 0, faces = 0;
        if (t.size() < 2 || !parseCount(t[0], vertices) || !parseCount(t[1], faces))
            return PrecheckProblem{"OFF header", "the counts line is not 'VERTICES FACES EDGES'"};
        if (vertices > limits.maxVertices)
            return PrecheckProblem{"OFF header", "claims " + n(vertices) +
                                                     " vertices, more than the limit of " +
                                                     n(limits.maxVertices)};
        if (faces > limits.maxIndices / 3)
            return PrecheckProblem{"OFF header", "claims " + n(faces) +
                                                     " faces, more than the limit of " +
                                                     n(limits.maxIndices / 3)};
        // A vertex line is at least "0 0 0\n" (6 bytes), a face at least "1 0\n" (4 bytes).
        const std::uint64_t need = vertices * 6 + faces * 4;
        if (need > bytes.size())
            return PrecheckProblem{"OFF header", "claims " + n(vertices) + " vertices and " +
                                                     n(faces) +
                                                     " faces, which cannot fit in a file of " +
                                                     n(bytes.size()) + " bytes"};
        return std::nullopt;
    }
    return PrecheckProblem{"OFF header", "the file has no vertex and face counts"};
}

// ---- binary STL ---------------------------------------------------------------------------------

std::optional<PrecheckProblem> checkStl(std::span<const std::uint8_t> bytes,
                                        const LoadLimits& limits) {
    // ASCII STL starts with "solid" and is text; Assimp reads it line by line.
    if (startsWith(bytes, "solid")) {
        const std::size_t probe = std::min<std::size_t>(bytes.size(), 512);
        bool text = true;
        for (std::size_t i = 0; i < probe; ++i)
            if (bytes[i] == 0) text = false;
        if (text) return std::nullopt;
    }
    if (bytes.size() < 84)
        return PrecheckProblem{"STL header",
                               "the file is " + n(bytes.size()) +
                                   " bytes, too short for a binary STL (84-byte header)"};
    std::uint32_t count = 0;
    std::memcpy(&count, bytes.data() + 80, 4);
    if (static_cast<std::uint64_t>(count) * 3 > limits.maxVertices)
        return PrecheckProblem{"STL header", "claims " + n(count) +
                                                 " triangles, more than the vertex limit allows"};
    const std::uint64_t need = 84 + 50ull * count;
    if (need > bytes.size())
        return PrecheckProblem{"STL header", "claims " + n(count) + " triangles (" + n(need) +
                                                 " bytes) but the file has " + n(bytes.size()) +
                                                 " bytes"};
    return std::nullopt;
}

// ---- IQM (Inter-Quake Model, version 2) ---------------------------------------------------------

std::optional<PrecheckProblem> checkIqm(std::span<const std::uint8_t> bytes,
                                        const LoadLimits& limits) {
    constexpr std::size_t kHeaderWords = 27; // after the 16-byte magic
    if (bytes.size() < 16 + kHeaderWords * 4)
        return PrecheckProblem{"IQM header", "the file is too short for an IQM header"};
    std::uint32_t h[kHeaderWords];
    std::memcpy(h, bytes.data() + 16, sizeof h);
    enum {
        kVersion,
        kFileSize,
        kFlags,
        kNumText,
        kOfsText,
        kNumMeshes,
        kOfsMeshes,
        kNumVertexArrays,
        kNumVertexes,
        kOfsVertexArrays,
        kNumTriangles,
        kOfsTriangles,
        kOfsAdjacency,
        kNumJoints,
        kOfsJoints,
        kNumPoses,
        kOfsPoses,
        kNumAnims,
        kOfsAnims,
        kNumFrames,
        kNumFrameChannels,
        kOfsFrames,
        kOfsBounds,
        kNumComment,
        kOfsComment,
        kNumExtensions,
        kOfsExtensions
    };
    const std::uint64_t size = bytes.size();
    if (h[kVersion] != 2)
        return PrecheckProblem{"IQM header",
                               "version " + n(h[kVersion]) + " is not supported (only 2)"};
    if (h[kFileSize] > size)
        return PrecheckProblem{"IQM header", "claims a file size of " + n(h[kFileSize]) +
                                                 " bytes but the file has " + n(size)};
    if (h[kNumVertexes] > limits.maxVertices)
        return PrecheckProblem{"IQM header",
                               "claims " + n(h[kNumVertexes]) + " vertices, more than the limit"};
    if (static_cast<std::uint64_t>(h[kNumTriangles]) * 3 > limits.maxIndices)
        return PrecheckProblem{"IQM header",
                               "claims " + n(h[kNumTriangles]) + " triangles, more than the limit"};
    if (h[kNumJoints] > limits.maxJoints)
        return PrecheckProblem{"IQM header",
                               "claims " + n(h[kNumJoints]) + " joints, more than the limit"};
    struct Block {
        const char* what;
        std::uint64_t count, offset, itemSize;
    };
    const Block blocks[] = {
        {"text", h[kNumText], h[kOfsText], 1},
        {"meshes", h[kNumMeshes], h[kOfsMeshes], 24},
        {"vertex arrays", h[kNumVertexArrays], h[kOfsVertexArrays], 20},
        {"triangles", h[kNumTriangles], h[kOfsTriangles], 12},
        {"adjacency", h[kOfsAdjacency] ? h[kNumTriangles] : 0, h[kOfsAdjacency], 12},
        {"joints", h[kNumJoints], h[kOfsJoints], 48},
        {"poses", h[kNumPoses], h[kOfsPoses], 88},
        {"animations", h[kNumAnims], h[kOfsAnims], 20},
        {"frames", static_cast<std::uint64_t>(h[kNumFrames]) * h[kNumFrameChannels], h[kOfsFrames],
         2},
        {"bounds", h[kOfsBounds] ? h[kNumFrames] : 0, h[kOfsBounds], 32},
        {"comments", h[kNumComment], h[kOfsComment], 1},
    };
    for (const Block& b : blocks) {
        if (b.count == 0) continue;
        if (b.offset > size || b.count * b.itemSize > size - b.offset)
            return PrecheckProblem{
                "IQM header", std::string("its ") + b.what + " (" + n(b.count) + " at byte " +
                                  n(b.offset) + ") lie outside the file of " + n(size) + " bytes"};
    }
    // Meshes must stay within the vertex and triangle arrays.
    for (std::uint64_t m = 0; m < h[kNumMeshes]; ++m) {
        std::uint32_t mesh[6];
        std::memcpy(mesh, bytes.data() + h[kOfsMeshes] + m * 24, sizeof mesh);
        // name, material, first_vertex, num_vertexes, first_triangle, num_triangles
        if (static_cast<std::uint64_t>(mesh[2]) + mesh[3] > h[kNumVertexes] ||
            static_cast<std::uint64_t>(mesh[4]) + mesh[5] > h[kNumTriangles])
            return PrecheckProblem{"IQM mesh " + n(m),
                                   "its vertex or triangle range lies outside the file's arrays"};
    }
    // Vertex arrays: type, flags, format, size, offset; the data must lie inside the file.
    static constexpr std::uint64_t formatSize[] = {1, 1, 2, 2, 4, 4, 2, 4, 8}; // byte .. double
    for (std::uint64_t a = 0; a < h[kNumVertexArrays]; ++a) {
        std::uint32_t va[5];
        std::memcpy(va, bytes.data() + h[kOfsVertexArrays] + a * 20, sizeof va);
        if (va[2] >= std::size(formatSize) || va[3] == 0 || va[3] > 16)
            return PrecheckProblem{"IQM vertex array " + n(a),
                                   "has an invalid format or component count"};
        const std::uint64_t need =
            static_cast<std::uint64_t>(h[kNumVertexes]) * va[3] * formatSize[va[2]];
        if (va[4] > size || need > size - va[4])
            return PrecheckProblem{"IQM vertex array " + n(a), "its data lies outside the file"};
    }
    return std::nullopt;
}

} // namespace

// ---- DirectX .x, text form ------------------------------------------------------------------------
// Debian's Assimp 5.2.5 checks that a mesh's normal faces match its faces in number, but not the
// normal indices inside them, nor a skin's vertex indices: a MeshNormals face naming normal 33432
// of 1500 made it read past a heap buffer (found by fuzzing), a SkinWeights index of 2e9 made
// it write past one (found by mutation testing). Each index is checked here against its count.
// Only definite violations are reported; what this small reader does not follow (binary or
// compressed files, an unexpected token) is left to Assimp.

class XTokens {
  public:
    explicit XTokens(std::string_view text) : m_text(text) {}

    // The next token: '{', '}', a quoted string (with its quotes) or a run of other characters;
    // separators (white space, ',' and ';') and comments ('//' or '#' to the end of the line)
    // are skipped. Empty at the end.
    std::string_view next() {
        while (m_at < m_text.size()) {
            const char c = m_text[m_at];
            if (std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == ';') {
                ++m_at;
            } else if (c == '#' || (c == '/' && m_at + 1 < m_text.size() && m_text[m_at + 1] == '/')) {
                while (m_at < m_text.size() && m_text[m_at] != '\n')
                    ++m_at;
            } else {
                break;
            }
        }
        if (m_at >= m_text.size()) return {};
        const std::size_t start = m_at;
        const char c = m_text[m_at];
        if (c == '{' || c == '}') {
            ++m_at;
        } else if (c == '"') {
            const std::size_t end = m_text.find('"', m_at + 1);
            m_at = end == std::string_view::npos ? m_text.size() : end + 1;
        } else {
            while (m_at < m_text.size()) {
                const char d = m_text[m_at];
                if (std::isspace(static_cast<unsigned char>(d)) || d == ',' || d == ';' || d == '{' ||
                    d == '}' || d == '"')
                    break;
                ++m_at;
            }
        }
        return m_text.substr(start, m_at - start);
    }

    // The line of the text position, for messages.
    std::size_t line() const { return 1 + static_cast<std::size_t>(std::count(m_text.begin(), m_text.begin() + static_cast<std::ptrdiff_t>(m_at), '\n')); }

  private:
    std::string_view m_text;
    std::size_t m_at = 0;
};

struct XChecker {
    XTokens t;
    const LoadLimits& limits;
    std::optional<PrecheckProblem> problem;
    bool lost = false; // the reader no longer follows the file: stop, report nothing more

    bool count(std::uint64_t& out) {
        if (!parseCount(t.next(), out)) lost = true;
        return !lost;
    }
    bool skip(std::uint64_t tokens) {
        for (std::uint64_t i = 0; i < tokens; ++i)
            if (t.next().empty()) return !(lost = true);
        return true;
    }
    // Skips to the '}' that closes an object whose '{' was read.
    bool skipObject() {
        for (int depth = 1; depth > 0;) {
            const std::string_view tok = t.next();
            if (tok.empty()) return !(lost = true);
            depth += tok == "{" ? 1 : tok == "}" ? -1 : 0;
        }
        return true;
    }
    // Reads up to and including '{' (after an optional name).
    bool open() {
        std::string_view tok = t.next();
        if (tok != "{") tok = t.next();
        if (tok != "{") lost = true;
        return !lost;
    }
    void fail(std::string_view what, std::string message) {
        problem = PrecheckProblem{cat({"DirectX .x line ", n(t.line()), ", ", what}), std::move(message)};
    }

    // `faces` faces, each a count and that many indices below `limit`; `what` names them.
    bool faces(std::uint64_t faceCount, std::uint64_t limit, std::string_view what, std::string_view of) {
        for (std::uint64_t f = 0; f < faceCount; ++f) {
            std::uint64_t k = 0;
            if (!count(k)) return false;
            if (k > 1024) return !(lost = true); // not a face this reader understands
            for (std::uint64_t i = 0; i < k; ++i) {
                std::uint64_t index = 0;
                if (!count(index)) return false;
                if (index >= limit) {
                    fail(what, cat({"face ", n(f), " names ", of, " ", n(index), ", but there are only ", n(limit)}));
                    return false;
                }
            }
        }
        return true;
    }

    // A Mesh object after its '{'.
    bool mesh() {
        std::uint64_t vertices = 0, faceCount = 0;
        if (!count(vertices)) return false;
        if (vertices > limits.maxVertices) {
            fail("Mesh", cat({n(vertices), " vertices, more than the limit of ", n(limits.maxVertices)}));
            return false;
        }
        if (!skip(3 * vertices) || !count(faceCount)) return false;
        if (!faces(faceCount, vertices, "Mesh", "vertex")) return false;
        for (;;) { // the mesh's own objects, up to its '}'
            const std::string_view tok = t.next();
            if (tok.empty()) return !(lost = true);
            if (tok == "}") return true;
            if (tok == "{") { // a reference
                if (!skipObject()) return false;
                continue;
            }
            if (!open()) return false;
            if (tok == "MeshNormals") {
                std::uint64_t normals = 0, normalFaces = 0;
                if (!count(normals) || !skip(3 * normals) || !count(normalFaces)) return false;
                if (!faces(normalFaces, normals, "MeshNormals", "normal")) return false;
                if (!skipObject()) return false;
            } else if (tok == "SkinWeights") {
                std::uint64_t weights = 0;
                if (t.next().empty() || !count(weights)) return false; // the bone's name, then the count
                for (std::uint64_t i = 0; i < weights; ++i) {
                    std::uint64_t index = 0;
                    if (!count(index)) return false;
                    if (index >= vertices) {
                        fail("SkinWeights", cat({"weight ", n(i), " names vertex ", n(index), ", but the mesh has only ",
                                                 n(vertices)}));
                        return false;
                    }
                }
                if (!skipObject()) return false;
            } else if (!skipObject()) {
                return false;
            }
        }
    }

    void run() {
        if (t.next() != "xof") return;
        const std::string_view format = t.next(); // e.g. 0303txt
        if (format.size() < 7 || format.substr(4, 3) != "txt") return;
        t.next(); // float size
        std::string_view previous;
        while (!problem && !lost) {
            const std::string_view tok = t.next();
            if (tok.empty()) return;
            if (tok == "Mesh" && previous != "template") {
                if (open()) mesh();
            } else if (tok == "template") {
                // its body names members, not data: skip it
                if (open()) skipObject();
                previous = {};
                continue;
            }
            previous = tok;
        }
    }
};

std::optional<PrecheckProblem> checkX(std::span<const std::uint8_t> bytes, const LoadLimits& limits) {
    XChecker c{XTokens(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size())), limits, {}};
    c.run();
    return c.problem;
}

// ---- COLLADA --------------------------------------------------------------------------------

// Assimp 5.2 sizes a <float_array>/<int_array> by its count attribute and reads an <accessor>'s
// count * stride values from it without comparing either with what the array holds: a count that
// disagrees makes it read past the array (garbage vertices, some ~1e28 m away).
std::optional<PrecheckProblem> checkCollada(std::span<const std::uint8_t> bytes) {
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    struct Array {
        std::uint64_t values = 0;
        std::string_view kind;
    };
    struct Accessor {
        std::size_t line = 0;
        std::string source;
        std::uint64_t count = 0, stride = 1, offset = 0;
    };
    std::vector<std::pair<std::string, Array>> arrays; // by id, in file order
    std::vector<Accessor> accessors;
    std::optional<PrecheckProblem> problem;
    std::size_t linePos = 0, lineNo = 1; // the line of offset linePos
    auto lineAt = [&](std::size_t pos) {
        lineNo += static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(linePos),
                                                      text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
        linePos = pos;
        return lineNo;
    };
    auto where = [](std::size_t line, std::string_view what) { return cat({"COLLADA line ", n(line), ", ", what}); };
    // A whole-number attribute; false (a problem) when it is present but not a number.
    auto number = [&](const ColladaTag& tag, std::string_view name, std::uint64_t& out, std::string_view what) {
        const std::string* v = tag.attribute(name);
        if (!v) return true;
        if (parseCount(*v, out)) return true;
        problem = PrecheckProblem{where(lineAt(tag.begin), what),
                                  cat({name, "=\"", printable(*v, 40), "\" is not a whole number"})};
        return false;
    };
    scanColladaTags(text, [&](const ColladaTag& tag) {
        if ((tag.name == "float_array" || tag.name == "int_array") && !tag.selfClosing) {
            const std::string* id = tag.attribute("id");
            const std::string what = cat({tag.name, " \"", id ? printable(*id, 80) : std::string(), "\""});
            std::uint64_t declared = 0;
            const bool hasCount = tag.attribute("count") != nullptr;
            if (!number(tag, "count", declared, what)) return false;
            std::size_t close = text.find('<', tag.end);
            if (close == std::string_view::npos) close = text.size();
            const std::uint64_t values = tokens(text.substr(tag.end, close - tag.end)).size();
            if (hasCount && declared != values) {
                problem = PrecheckProblem{where(lineAt(tag.begin), what),
                                          cat({"count=\"", n(declared), "\" but it holds ", n(values), " values"})};
                return false;
            }
            if (id) arrays.emplace_back(*id, Array{values, tag.name});
        } else if (tag.name == "accessor") {
            Accessor a;
            a.line = lineAt(tag.begin);
            const std::string* source = tag.attribute("source");
            if (!source || source->empty() || (*source)[0] != '#') return true; // not a local array
            a.source = source->substr(1);
            if (!number(tag, "count", a.count, "accessor") || !number(tag, "stride", a.stride, "accessor") ||
                !number(tag, "offset", a.offset, "accessor"))
                return false;
            accessors.push_back(std::move(a));
        }
        return true;
    });
    if (problem) return problem;
    for (const Accessor& a : accessors) {
        const auto it = std::find_if(arrays.begin(), arrays.end(), [&](const auto& e) { return e.first == a.source; });
        if (it == arrays.end() || a.count == 0) continue;
        const std::uint64_t have = it->second.values;
        // offset + count * stride <= have, without overflow.
        const bool fits = a.offset <= have && (a.stride == 0 || a.count <= (have - a.offset) / a.stride);
        if (!fits)
            return PrecheckProblem{
                where(a.line, "accessor"),
                cat({"count ", n(a.count), " x stride ", n(a.stride), " from offset ", n(a.offset), " reads past ",
                     it->second.kind, " \"", printable(a.source, 80), "\", which holds ", n(have), " values"})};
    }
    return std::nullopt;
}

bool looksLikeCollada(std::span<const std::uint8_t> bytes) {
    const std::string_view head(reinterpret_cast<const char*>(bytes.data()), std::min<std::size_t>(bytes.size(), 1024));
    return head.find("<COLLADA") != std::string_view::npos;
}

std::optional<PrecheckProblem> precheckModelFile(const std::filesystem::path& path,
                                                 std::span<const std::uint8_t> bytes,
                                                 const LoadLimits& limits) {
    const std::string ext = toLower(path.extension().string());
    if (ext == ".ply" || startsWith(bytes, "ply\n") || startsWith(bytes, "ply\r\n"))
        return checkPly(bytes, limits);
    if (ext == ".iqm" || startsWith(bytes, std::string_view("INTERQUAKEMODEL\0", 16)))
        return checkIqm(bytes, limits);
    if (ext == ".off" || startsWith(bytes, "OFF") || startsWith(bytes, "COFF") ||
        startsWith(bytes, "NOFF"))
        return checkOff(bytes, limits);
    if (ext == ".stl") return checkStl(bytes, limits);
    if (ext == ".x" || startsWith(bytes, "xof 03")) return checkX(bytes, limits);
    if (ext == ".dae" || (ext.empty() && looksLikeCollada(bytes))) return checkCollada(bytes);
    return std::nullopt;
}

} // namespace hv::io::detail
