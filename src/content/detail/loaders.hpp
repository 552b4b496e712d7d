// Internal: the pieces of loadContent(), one per kind of file.
#pragma once

#include "content/content.hpp"
#include "content/toml_schema.hpp"
#include "core/absolute_orientation.hpp"

#include <map>
#include <string>

namespace hv::detail {

using schema::Need;
using schema::NumberRange;
using schema::TableReader;
using schema::TomlDocument;

// Fitted maps from another model's body frames into this skeleton's: name -> body -> map.
using FrameMaps = std::map<std::string, std::map<std::string, SimilarityTransform>>;

struct SourceCheck {
    const std::map<std::string, Source>* sources;
    // Reads `key` as a citation key that must exist in sources.toml.
    std::optional<std::string> read(TableReader& t, std::string_view key, Need need) const;
};

void loadSources(TableReader root, std::map<std::string, Source>& out);
void loadGroups(TableReader root, std::vector<MuscleGroup>& out);
void loadSkeleton(TableReader root, const SourceCheck& sources, Model& model, FrameMaps& maps,
                  BoneParameterSpec& boneParameters, std::map<std::string, PlainWords, std::less<>>& plainWords,
                  Diagnostics& diagnostics);

// Reads the wrap cylinders of one muscle file into the model (first pass).
void loadWrapCylinders(TableReader& root, const SourceCheck& sources, Model& model);
// Reads one muscle file (second pass, after every file's cylinders are known).
void loadMuscle(TableReader& root, const SourceCheck& sources, const std::vector<MuscleGroup>& groups,
                const FrameMaps& maps, Model& model, std::vector<MuscleInfo>& infos);

// Angle unit of a table: "deg" (default) or "rad"; returns the factor to radians.
double angleFactor(TableReader& t);
std::optional<Transform> readOffset(TableReader& t, std::string_view key);
bool isIdentifier(const std::string& s);
void checkIdentifier(TableReader& t, std::string_view key, const std::optional<std::string>& value);

} // namespace hv::detail
