#include "io/detail/collada_clips.hpp"

#include <optional>
#include <utility>

namespace hv::io::detail {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == '.' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}

std::string decodeEntities(std::string_view raw) {
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size();) {
        bool decoded = false;
        if (raw[i] == '&')
            for (const auto& [entity, c] : kEntities)
                if (raw.substr(i, entity.size()) == entity) {
                    out += c;
                    i += entity.size();
                    decoded = true;
                    break;
                }
        if (!decoded) out += raw[i++];
    }
    return out;
}

// Reads the attributes of a start tag from `pos` (just after its name) to its '>' into `tag`.
// Returns the position after the tag, or nullopt when the text ends first.
std::optional<std::size_t> readAttributes(std::string_view text, std::size_t pos, ColladaTag& tag) {
    for (;;) {
        while (pos < text.size() && isSpace(text[pos]))
            ++pos;
        if (pos >= text.size()) return std::nullopt;
        if (text[pos] == '>' || text[pos] == '/') {
            const std::size_t end = text.find('>', pos);
            if (end == std::string_view::npos) return std::nullopt;
            tag.selfClosing = text[pos] == '/';
            return end + 1;
        }
        const std::size_t start = pos;
        while (pos < text.size() && isNameChar(text[pos]))
            ++pos;
        const std::string_view attribute = text.substr(start, pos - start);
        if (attribute.empty()) { // not well-formed: step over the odd character
            ++pos;
            continue;
        }
        while (pos < text.size() && isSpace(text[pos]))
            ++pos;
        if (pos >= text.size()) return std::nullopt;
        if (text[pos] != '=') continue; // an attribute without a value (not XML): ignored
        ++pos;
        while (pos < text.size() && isSpace(text[pos]))
            ++pos;
        if (pos >= text.size()) return std::nullopt;
        const char quote = text[pos];
        if (quote != '"' && quote != '\'') continue; // unquoted value (not XML): ignored
        const std::size_t close = text.find(quote, pos + 1);
        if (close == std::string_view::npos) return std::nullopt;
        if (!tag.attribute(attribute))
            tag.attributes.emplace_back(attribute, decodeEntities(text.substr(pos + 1, close - pos - 1)));
        pos = close + 1;
    }
}

} // namespace

const std::string* ColladaTag::attribute(std::string_view wanted) const {
    for (const auto& [key, value] : attributes)
        if (key == wanted) return &value;
    return nullptr;
}

void scanColladaTags(std::string_view text, const std::function<bool(const ColladaTag&)>& visit) {
    std::size_t pos = 0;
    for (;;) {
        pos = text.find('<', pos);
        if (pos == std::string_view::npos) return;
        if (text.substr(pos, 4) == "<!--") {
            const std::size_t end = text.find("-->", pos + 4);
            if (end == std::string_view::npos) return;
            pos = end + 3;
            continue;
        }
        if (text.substr(pos, 9) == "<![CDATA[") {
            const std::size_t end = text.find("]]>", pos + 9);
            if (end == std::string_view::npos) return;
            pos = end + 3;
            continue;
        }
        std::size_t after = pos + 1;
        while (after < text.size() && isNameChar(text[after]))
            ++after;
        if (after == pos + 1) { // </end>, <?xml ...?>, <!DOCTYPE ...>, stray '<'
            ++pos;
            continue;
        }
        ColladaTag tag;
        tag.name = text.substr(pos + 1, after - pos - 1);
        tag.begin = pos;
        const auto end = readAttributes(text, after, tag);
        if (!end) return;
        tag.end = *end;
        if (!visit(tag)) return;
        pos = *end;
    }
}

std::vector<std::string> colladaClipNames(std::string_view text, std::size_t maxClips) {
    std::vector<std::string> names;
    if (maxClips == 0) return names;
    scanColladaTags(text, [&](const ColladaTag& tag) {
        if (tag.name != "animation_clip") return true;
        const std::string* name = tag.attribute("name");
        const std::string* id = tag.attribute("id");
        names.push_back(name ? *name : id ? *id : std::string());
        return names.size() < maxClips;
    });
    return names;
}

} // namespace hv::io::detail
