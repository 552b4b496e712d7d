// The names of a COLLADA file's animation clips, read from its text before Assimp runs (Assimp
// 5.2 names the clips "combinedAnim_N" and keeps no trace of <animation_clip name="...">).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hv::io::detail {

// The clips' names, in file order: one entry per <animation_clip> start tag outside XML comments
// and CDATA sections, its `name` attribute, else its `id`, else "". Attributes may be in single
// or double quotes, with any XML whitespace (space, tab, CR, LF) around the attribute name and
// '='; the five predefined entities (&amp; &lt; &gt; &quot; &apos;) are decoded. Tags with a
// longer name (<animation_clips>) are not clips. At most maxClips entries; a tag cut off by the
// end of the text ends the scan. Never reads past `text`.
std::vector<std::string> colladaClipNames(std::string_view text, std::size_t maxClips = 10000);

} // namespace hv::io::detail
