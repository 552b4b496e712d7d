// A scanner of COLLADA (XML) start tags and what is read with it before Assimp runs: the names of
// the file's animation clips (Assimp 5.2 names the clips "combinedAnim_N" and keeps no trace of
// <animation_clip name="...">); format_precheck.cpp checks array counts with it.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hv::io::detail {

// One start tag (or empty-element tag) of the text.
struct ColladaTag {
    std::string_view name; // the element's name, as written (a view into the text)
    std::size_t begin = 0; // offset of its '<'
    std::size_t end = 0;   // offset just after its '>'
    bool selfClosing = false;
    // In file order, the first of each name kept, values with the five predefined entities
    // decoded.
    std::vector<std::pair<std::string_view, std::string>> attributes;

    // The attribute's value, or null when the tag has none of that name.
    const std::string* attribute(std::string_view name) const;
};

// Calls visit(tag) for each start tag outside XML comments and CDATA sections, in file order,
// until visit returns false or the text ends. Attributes may be in single or double quotes, with
// any XML whitespace (space, tab, CR, LF) around the attribute name and '='. End tags,
// declarations and processing instructions are not visited; a tag cut off by the end of the text
// ends the scan. Never reads past `text`.
void scanColladaTags(std::string_view text, const std::function<bool(const ColladaTag&)>& visit);

// The clips' names, in file order: one entry per <animation_clip> start tag (scanColladaTags),
// its `name` attribute, else its `id`, else "". Tags with a longer name (<animation_clips>) are
// not clips. At most maxClips entries.
std::vector<std::string> colladaClipNames(std::string_view text, std::size_t maxClips = 10000);

} // namespace hv::io::detail
