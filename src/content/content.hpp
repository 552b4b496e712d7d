// HipView's content: the skeleton, every muscle's path (published numbers with citations),
// and what a student reads about each muscle. Loaded from human-editable TOML files under a
// content folder (see content/README.md for the format):
//   sources.toml       citation keys
//   groups.toml        functional groups for the muscle list
//   skeleton.toml      bodies, joints, coordinates, frame maps (right side + midline)
//   muscles/*.toml     one muscle per file (right side; the left is mirrored)
// A load either gives a complete Content or a list of diagnostics, one per problem.
#pragma once

#include "core/bone_parameters.hpp"
#include "core/diagnostic.hpp"
#include "core/model.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hv {

struct Source {
    std::string key;
    std::string citation;
    std::string data;    // which file or table the numbers came from, if any
    std::string licence;
};

struct MuscleGroup {
    std::string id;
    std::string name;     // "Deep external rotators"
    std::string function; // one line, own words
};

// A textbook action and the position in which it holds, e.g. piriformis: internal rotation with
// the hip flexed beyond about 60 degrees. `checkAt` is a pose (coordinate -> value, SI) where the
// geometry should agree; coordinate names there have no side suffix when they are sided.
struct TextbookAction {
    std::string coordinate; // base name without side: "hip_rotation", "knee_angle", "L5_S1_flexion"
    bool positive = true;   // the sense is the coordinate's positive direction
    std::string sense;      // the words from the file, e.g. "external rotation"
    std::string when;       // where it holds, in words ("near neutral"); may be empty
    std::vector<std::pair<std::string, double>> checkAt;
    std::string part;              // "" = the whole muscle (force-weighted over its parts)
    std::string text;              // optional sentence in the team's words
    std::string plain;             // the same in plain words (required): "turns your thigh outward"
    std::string source;            // citation key
    std::string geometryDisagrees; // non-empty: the model's geometry is known to disagree, and why
    int line = 0;                  // in `MuscleInfo::file`
};

struct PartInfo {
    std::string name;
    std::string displayName;
    std::string note; // e.g. how a path built from landmarks was made
    // Why this part's fibres lie outside 0.5 to 1.5 of optimal length in standing, where they
    // do (e.g. a published model's architecture kept as published); "" where they do not.
    std::string architectureNote;
    // Movements (content/movements.toml ids) over which this part's path fails the path check
    // (a sample deeper than bonegen::kMaxPathDepth inside a bone, or fibres outside 0.5 to 1.6
    // of optimal: bonegen/path_depth.hpp and the test that holds the content to it), and why;
    // both empty where the part passes every movement.
    std::vector<std::string> pathExceptionMovements;
    std::string pathExceptionReason;
};

// The most tendinous intersections a muscle's file may list (the shader's fixed array).
inline constexpr std::size_t kMaxTendinousIntersections = 4;

// The deepest muscle layer (MuscleInfo::layer runs 1..kMaxMuscleLayer).
inline constexpr int kMaxMuscleLayer = 4;

struct MuscleInfo {
    std::string id;
    std::string name;
    std::string group;
    std::vector<std::string> aliases; // mesh names in third-party models that are this muscle
    std::string origin;
    std::string insertion;
    std::string innervation;
    std::string summary;    // one or two sentences
    // What it is and does in plain words (required): short sentences, everyday words, the
    // anatomical name once; held to Flesch-Kincaid grade 8 (content/readability.hpp) by a test.
    std::string plain;
    // How it is drawn: "fusiform" (a belly per part, the default), "fan" (one sheet across its
    // parts, e.g. gluteus medius) or "strap" (long and flat, e.g. sartorius, gracilis).
    std::string shape = "fusiform";
    // Tendinous bands across the belly (rectus abdominis' intersections), each as a fraction of
    // the path from the origin (0) to the insertion (1), ascending, inside (0, 1); at most
    // kMaxTendinousIntersections. Drawn as narrow tendon-white bands across the belly.
    std::vector<double> tendinousIntersections;
    // Its depth where it lies, for peeling the layers away: 1 the most superficial (gluteus
    // maximus, sartorius) to kMaxMuscleLayer the deepest (obturator externus, adductor magnus); from the text
    // source's descriptions of the muscles' relations.
    int layer = 1;
    std::string textSource; // citation key for origin, insertion and innervation
    std::vector<TextbookAction> actions;
    std::vector<PartInfo> parts;
    std::string file; // the file it came from, as displayed in messages
};

// What the two directions of a coordinate mean in plain words, for a reader without the
// anatomical terms: `plain_positive` / `plain_negative` in skeleton.toml, e.g. hip flexion
// "lifts your thigh forward" / "takes your thigh back".
struct PlainWords {
    std::string positive;
    std::string negative;
};

struct Content {
    std::filesystem::path directory;
    Model model; // both sides
    // Femoral anteversion, neck-shaft angle and pelvis width: defaults (the published model's
    // shape), allowed ranges and sources (skeleton.toml, [bone_parameters]). The model above
    // holds the default shape; applyBoneParameters() deforms it.
    BoneParameterSpec boneParameters;
    std::vector<MuscleInfo> muscles; // one per muscle id, in group order then file order
    std::vector<MuscleGroup> groups;
    std::map<std::string, Source> sources;
    // Plain words of the coordinates that have them, by base name without the side suffix
    // ("hip_rotation"); both sides share them.
    std::map<std::string, PlainWords, std::less<>> plainWords;

    // The plain words of a coordinate (name with or without "_r"/"_l"), or null.
    const PlainWords* findPlainWords(std::string_view coordinate) const;
    const MuscleInfo* findMuscleInfo(std::string_view id) const;
    const MuscleGroup* findGroup(std::string_view id) const;
    std::vector<std::string> muscleIds() const;
};

struct ContentLoad {
    std::optional<Content> content; // set only when there were no problems
    Diagnostics diagnostics;
};

// Load a content folder. Messages name files relative to the folder's parent as given.
ContentLoad loadContent(const std::filesystem::path& directory);

} // namespace hv

namespace hv {

// "unknown muscle "x" (did you mean "y"?); valid muscles: ..." for messages.
std::string unknownMuscleMessage(const Content& content, std::string_view id);

} // namespace hv
