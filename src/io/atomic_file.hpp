// Writing files so that a failure never leaves a partial file nor replaces a good one: the bytes
// go to a temporary file in the destination's folder, which is flushed to disk (fsync) and then
// renamed over the destination (atomic on POSIX file systems); the folder is synced afterwards so
// the rename itself survives a crash.
#pragma once

#include "core/diagnostic.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string_view>

namespace hv::io {

// Writes `bytes` to `path` atomically. Returns nothing on success; else a Diagnostic whose file is
// `path` and whose message names the step and the OS reason (e.g. "cannot create a temporary file
// in /x: Permission denied"). On failure an existing file at `path` is left as it was and no
// temporary file remains. A new file gets mode 0666 minus the process umask; a replaced file keeps
// its mode. When `path` is a symbolic link, the file it points to is replaced (the link stays).
[[nodiscard]] std::optional<Diagnostic> writeFileAtomic(const std::filesystem::path& path,
                                                        std::span<const std::uint8_t> bytes);
[[nodiscard]] std::optional<Diagnostic> writeFileAtomic(const std::filesystem::path& path,
                                                        std::string_view text);

} // namespace hv::io
