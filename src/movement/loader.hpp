// Reads content/movements.toml into a MovementLibrary, checking it against the loaded content
// (coordinate names and ranges, citation keys). One diagnostic per problem, naming the file, the
// line and the field, e.g.
//   content/movements.toml:41:7: movement[3].key[2].pose.hip_flex_r: unknown coordinate ...
// The format is described in content/README.md ("movements.toml").
#pragma once

#include "content/content.hpp"
#include "movement/movement.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hv::movement {

struct MovementLoad {
    std::optional<MovementLibrary> library; // set only when there were no problems
    Diagnostics diagnostics;
};

// The movements file of a content folder: content.directory / "movements.toml".
std::filesystem::path defaultMovementFile(const Content& content);

// Loads a movements file. Messages name the file as `path.string()`.
MovementLoad loadMovements(const std::filesystem::path& path, const Content& content);
// The same from text already in memory; `displayName` is how messages name it.
MovementLoad loadMovementsFromString(std::string_view text, const std::string& displayName,
                                     const Content& content);

// A muscle named as the content and the command line name muscles: a muscle id for both sides
// ("piriformis"), or with "_r" or "_l" for one ("piriformis_r"). nullopt when it names no muscle
// of `content` (unknownMuscleMessage() words the problem).
std::optional<TargetMuscle> parseMuscleName(const Content& content, std::string_view text);

} // namespace hv::movement
