// Loading the content for a command: prints every diagnostic to stderr, one per line.
#pragma once

#include "content/content.hpp"

#include <optional>
#include <string>

namespace hv::cli {

std::optional<Content> loadContentOrPrint(const std::string& directory);

} // namespace hv::cli
