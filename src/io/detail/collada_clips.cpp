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

// Reads the attributes of a start tag from `pos` (just after its name) to its '>'. Returns the
// position after the tag and the clip's name, or nullopt when the text ends first.
std::optional<std::pair<std::size_t, std::string>> readClipTag(std::string_view text,
                                                               std::size_t pos) {
    std::optional<std::string> name, id;
    for (;;) {
        while (pos < text.size() && isSpace(text[pos]))
            ++pos;
        if (pos >= text.size()) return std::nullopt;
        if (text[pos] == '>' || text[pos] == '/') {
            const std::size_t end = text.find('>', pos);
            if (end == std::string_view::npos) return std::nullopt;
            return std::pair{end + 1, name ? *name : id ? *id : std::string()};
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
        std::string value = decodeEntities(text.substr(pos + 1, close - pos - 1));
        if (attribute == "name" && !name) name = std::move(value);
        else if (attribute == "id" && !id) id = std::move(value);
        pos = close + 1;
    }
}

} // namespace

std::vector<std::string> colladaClipNames(std::string_view text, std::size_t maxClips) {
    constexpr std::string_view kTag = "<animation_clip";
    std::vector<std::string> names;
    std::size_t pos = 0;
    while (names.size() < maxClips) {
        pos = text.find('<', pos);
        if (pos == std::string_view::npos) break;
        if (text.substr(pos, 4) == "<!--") {
            const std::size_t end = text.find("-->", pos + 4);
            if (end == std::string_view::npos) break;
            pos = end + 3;
            continue;
        }
        if (text.substr(pos, 9) == "<![CDATA[") {
            const std::size_t end = text.find("]]>", pos + 9);
            if (end == std::string_view::npos) break;
            pos = end + 3;
            continue;
        }
        if (text.substr(pos, kTag.size()) != kTag) {
            ++pos;
            continue;
        }
        const std::size_t after = pos + kTag.size();
        if (after < text.size() && isNameChar(text[after])) { // <animation_clips>, ...
            pos = after;
            continue;
        }
        const auto tag = readClipTag(text, after);
        if (!tag) break;
        names.push_back(tag->second);
        pos = tag->first;
    }
    return names;
}

} // namespace hv::io::detail
