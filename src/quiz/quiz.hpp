// Questions and quizzes whose keys come from the geometry. GL-free plain data, the quiz file
// (TOML, format in content/README.md, "Quizzes") read and written through content/toml_schema,
// and the checks of every question against the content, the movements and the core.
//
// Units: poses are pose texts in user units (degrees, metres; core/pose_text.hpp); crossover
// angles and tolerances in degrees; movement times in seconds; moment arms in the messages in mm.
#pragma once

#include "content/content.hpp"
#include "core/diagnostic.hpp"
#include "movement/movement.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hv::quiz {

enum class Kind : unsigned char { NameIt, FindIt, WhatDoesItDo, WhereDoesItChange, WhichMuscles, OriginInsertion };
inline constexpr std::size_t kKindCount = 6;
// "name_it", "find_it", "what_does_it_do", "where_does_it_change", "which_muscles",
// "origin_insertion" (the file's `kind` values), in Kind order.
const std::vector<std::string>& kindNames();
std::string_view kindName(Kind kind);
std::optional<Kind> kindFromName(std::string_view name);

// What a which_muscles question asks.
//   Stretched:   which of the choices (muscle ids) are stretched at the movement's pose;
//   LumbarLevel: which lumbar level ("L5-S1" ... "L1-L2") bends the most in the movement with
//                the hip restricted (the hip-back connection).
enum class Ask : unsigned char { Stretched, LumbarLevel, Origin, Insertion };

// Moment arms smaller than this (metres, 2 mm) make no what_does_it_do question: the muscle has no
// clear action there. Stated once here; generator and checks use it.
inline constexpr double kQuizDeadZone = 0.002;
// A muscle counts as stretched when its force-weighted path length is more than this many percent
// longer than in neutral standing (movement::StretchMap::muscleChangePercent).
inline constexpr double kStretchedPercent = 3.0;
// Default tolerance of a where_does_it_change answer, degrees.
inline constexpr double kDefaultToleranceDeg = 10.0;

struct Question {
    Kind kind = Kind::NameIt;
    std::string prompt;      // the question as the student reads it
    std::string explanation; // optional words shown after the answer
    std::string muscle;      // muscle id (name_it, find_it, what_does_it_do, where_does_it_change)
    std::string part;        // part name; "" = the whole muscle (force-weighted over its parts)
    Side side = Side::Right; // side of the muscle (and of a side-less coordinate)
    std::string view = "anterior"; // a standard view name (anatomy_draw/standard_view.hpp)
    std::string pose;        // pose text, "hip_flexion_r=90" (user units); "" = neutral standing
    std::string dof;         // "hip_flexion", "hip_adduction", "hip_rotation"
    std::string sweep;       // where_does_it_change: the swept coordinate, e.g. "hip_flexion_r"
    double sweepFromDeg = 0.0, sweepToDeg = 120.0; // its range, degrees
    std::string movement;    // which_muscles: movement id
    double time = 0.0;       // which_muscles: seconds into the movement
    std::vector<std::string> restrict; // which_muscles lumbar: hip restrictions ("hip_flexion=:20")
    Ask ask = Ask::Stretched; // which_muscles: stretched or lumbar_level; origin_insertion: origin or insertion
    std::string key;          // the answer: a muscle id, an action name ("internal rotator") or a level
    double keyDeg = 0.0;      // where_does_it_change: the crossover angle, degrees
    double toleranceDeg = kDefaultToleranceDeg;
    std::vector<std::string> keys;    // which_muscles stretched: every right choice
    std::vector<std::string> choices; // offered answers (may be empty for typed answers)
    // Where each field was in the file (field name -> 1-based line; "" -> the [[question]] line).
    std::map<std::string, int> lines;
    std::string path = "question"; // its place in the file's structure, "question[3]"

    int lineOf(const std::string& field) const; // the field's line, else the question's, else 0
};

struct Quiz {
    std::string title;
    std::string topic; // "roles", "names", "stretches", "attachments", "hip-back" or "mixed"
    std::vector<Question> questions;
    std::string file; // as messages name it
};

const std::vector<std::string>& topicNames(); // the five topics, then "mixed"

struct QuizLoad {
    std::optional<Quiz> quiz; // set only when there were no problems
    Diagnostics diagnostics;
};

// Reads a quiz file (structure only: kinds, fields, types). `displayName` names it in messages.
QuizLoad parseQuizFile(const std::filesystem::path& path, const std::string& displayName);
QuizLoad parseQuizString(std::string_view text, const std::string& displayName);

// The quiz as a quiz file's text (what parseQuizString reads back). Deterministic: the same quiz
// gives the same bytes.
std::string quizText(const Quiz& quiz);

// Checks every question against the content and movements: names (muscle, part, coordinate, view,
// movement, dof, level, choices) with the valid ones or the closest in the message, and every key
// the geometry decides recomputed (keys.hpp), a disagreement reported at the key's line with the
// computed value. Empty when the quiz is sound.
Diagnostics checkQuiz(const Quiz& quiz, const Content& content, const movement::MovementLibrary& movements);

// parse + check.
QuizLoad loadQuiz(const std::filesystem::path& path, const std::string& displayName, const Content& content,
                  const movement::MovementLibrary& movements);

} // namespace hv::quiz
