// A quiz as Moodle XML (Moodle's question bank import format, "Moodle XML format" in Moodle's
// documentation; read by question/format/xml), so a course site takes HipView's questions with
// their figures and keys, unedited. GL-free: the figures come in as PNG bytes.
//
// Each question becomes one <question>, in the quiz's order, after a category named by the quiz's
// title ("$course$/top/HipView/TITLE"):
//   name_it, origin_insertion   multichoice (one right answer) over the choices' names, or without
//                               choices shortanswer accepting the muscle's name, id (underscores
//                               as spaces) and every alias, case ignored;
//   find_it                     multichoice over the figure's lettered pins (MoodleFigure::pins);
//   what_does_it_do             multichoice over the coordinate's two actions (or the choices);
//   where_does_it_change        numerical: the computed crossover in degrees with the question's
//                               tolerance;
//   which_muscles, stretched    multichoice with several right answers (each 100/k %, each wrong
//                               one -100/w %, k right and w wrong choices; "None of these" is the
//                               answer when none is stretched);
//   which_muscles, lumbar level multichoice over the five levels (or the choices).
// Every key is the computed one (keys.hpp). The explanation (keyWords()) is the general feedback.
// Fractions are taken from Moodle's list of grades, which its importer requires.
#pragma once

#include "quiz/quiz.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace hv::quiz {

// One question's figure: the file name inside the question ("q01.png"), its PNG bytes, the words
// a screen reader says for it and, for find_it, the pins drawn on it and the key's pin
// (QuestionFigure's). `png` empty: no figure (find_it needs one: its answers are its pins).
struct MoodleFigure {
    std::string name;
    std::vector<std::uint8_t> png;
    std::string alt;
    std::vector<std::string> pins;
    std::string keyPin;
};

// The Moodle XML of `quiz` (which should have passed checkQuiz()); `figures` has one entry per
// question (or is empty: no figures). Deterministic. Requires a figure for every find_it question.
std::string moodleXml(const Quiz& quiz, const Content& content, const movement::MovementLibrary& movements,
                      std::span<const MoodleFigure> figures);

// The fractions (percent) Moodle's importer accepts, largest first: 100, 90, 83.33333, ... 5, 0.
const std::vector<double>& moodleGrades();
// The accepted fraction nearest to `percent` (negative ones mirrored), written as Moodle writes
// it ("33.33333", "-50").
std::string moodleFraction(double percent);

} // namespace hv::quiz
