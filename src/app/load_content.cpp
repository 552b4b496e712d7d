#include "app/load_content.hpp"

#include <cstdio>

namespace hv::cli {

std::optional<Content> loadContentOrPrint(const std::string& directory) {
    ContentLoad load = loadContent(directory);
    for (const Diagnostic& d : load.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!load.content)
        std::fprintf(stderr, "hipview: %zu problem%s in the content at %s\n", load.diagnostics.size(),
                     load.diagnostics.size() == 1 ? "" : "s", directory.c_str());
    return std::move(load.content);
}

} // namespace hv::cli
