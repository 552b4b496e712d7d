// Exercise programmes for `hipview handout`: a small TOML file (format: content/README.md,
// "Exercise programmes") listing exercises, each a movement of content/movements.toml with its
// sets, repetitions, hold time, side and a note, plus an optional title, client name and paper
// size. Read through the schema reader (content/toml_schema.hpp): every problem is one
// diagnostic naming the file, the line and the field (e.g. `exercise[2].sets`). GL-free.
#pragma once

#include "core/diagnostic.hpp"
#include "movement/movement.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hv::cli {

enum class ExerciseSide : unsigned char { Both, Right, Left };

struct ProgrammeExercise {
    std::string movement;     // a movement id of the movements file
    int sets = 1;             // 1..100
    int repetitions = 1;      // 1..1000
    double holdSeconds = 0.0; // s held at the key position, 0..3600; 0 = no hold
    ExerciseSide side = ExerciseSide::Both;
    std::string note;         // the trainer's words; may be empty
    std::string view;         // a standard view name; "" = the movement's default camera
    int line = 0;             // where its [[exercise]] table starts
};

struct Programme {
    std::string title = "Exercise programme";
    std::string client;                   // "" = none
    std::string date;                     // "" = none (free text, e.g. "6 December 2026")
    std::optional<std::string> paper;     // "a4" or "letter" when the file says
    std::vector<ProgrammeExercise> exercises; // at least one
    std::string file;                     // as messages name it
};

struct ProgrammeLoad {
    std::optional<Programme> programme; // set only when there were no problems
    Diagnostics diagnostics;
};

// Reads a programme file, checking movement ids against `movements` (an unknown id gets the
// closest id as a hint and the list of valid ids) and views against the standard views.
ProgrammeLoad loadProgramme(const std::filesystem::path& path, const movement::MovementLibrary& movements);
ProgrammeLoad parseProgrammeText(std::string_view text, const std::string& displayName,
                                 const movement::MovementLibrary& movements);

} // namespace hv::cli
