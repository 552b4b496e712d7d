// The project's content and movements for the quiz tests, and a quiz read from text.
#pragma once

#include "content/content_fixture.hpp"
#include "movement/loader.hpp"
#include "quiz/quiz.hpp"

#include <doctest/doctest.h>

#include <string>

namespace hv::test {

inline const Content& content() { return projectContent(); }

inline const movement::MovementLibrary& movements() {
    static const movement::MovementLoad load = movement::loadMovements(HV_SOURCE_DIR "/content/movements.toml", content());
    if (!load.library) FAIL(formatAll(load.diagnostics));
    return *load.library;
}

// Parses and checks `text` as a quiz file named `name`; the diagnostics, one per line.
inline std::string quizProblems(const std::string& text, const std::string& name = "quiz.toml") {
    quiz::QuizLoad load = quiz::parseQuizString(text, name);
    if (load.quiz) load.diagnostics = quiz::checkQuiz(*load.quiz, content(), movements());
    return formatAll(load.diagnostics);
}

inline bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

} // namespace hv::test
