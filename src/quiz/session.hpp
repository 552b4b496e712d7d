// A quiz being taken: one question at a time, the scene it sets (pose, view, highlight), the
// answer checked and explained from the geometry, the score and the results as CSV. GL-free: the
// window shows `setting()` and passes what the student clicked or typed to `answer()`.
//
// What counts as right, per kind:
//   name_it, find_it, origin_insertion: a muscle id, its name or any alias in the content (case
//       ignored), or a spelling slip of one that closestMatch() resolves to the key muscle;
//   what_does_it_do, lumbar_level: the key's words (case ignored, or a slip of them);
//   where_does_it_change: a number of degrees within the question's tolerance of the key;
//   which_muscles stretched: the set of keys, comma-separated (any order).
#pragma once

#include "quiz/quiz.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace hv::quiz {

// The scene a question sets.
struct Setting {
    std::vector<double> pose;           // SI, one value per model coordinate
    std::string view;                   // a standard view name
    std::vector<std::string> highlight; // muscle ids to highlight (name_it, what_does_it_do, where_does_it_change)
    Side side = Side::Right;            // the side the question is about
    bool hideNames = true;              // labels and the info card would give the answer away
};

// The scene `question` sets (its names resolved against the content; `file` names it in
// messages). The window shows it; quiz figures (question_figure.hpp) start from it.
Setting questionSetting(const Question& question, const std::string& file, const Content& content,
                        const movement::MovementLibrary& movements);

// The right answer of `question` in words ("Piriformis", "external rotator", "47 deg (within 10)")
// and what explains it: the computed value (moment arm, crossover, stretch, lumbar level) and the
// question's own explanation, or the muscle's summary, origin or insertion from the content.
struct KeyWords {
    std::string key;
    std::string explanation;
};
KeyWords keyWords(const Question& question, const std::string& file, const Content& content,
                  const movement::MovementLibrary& movements);

struct AnswerResult {
    bool right = false;
    std::string key;         // the right answer in words
    std::string explanation; // the computed value and the question's own explanation
};

struct ResultRow {
    std::size_t question = 0; // 1-based
    std::string prompt;
    std::string given;
    std::string key;
    bool right = false;
    double seconds = 0.0; // time the student took
};

class QuizSession {
public:
    // `quiz` should have passed checkQuiz(); the content and movements must outlive the session.
    QuizSession(const Content& content, const movement::MovementLibrary& movements, Quiz quiz);

    std::size_t size() const { return m_quiz.questions.size(); }
    std::size_t index() const { return m_index; } // 0-based, == size() when finished
    bool finished() const { return m_index >= size(); }
    const Question& current() const; // requires !finished()
    Setting setting() const;         // requires !finished()

    // Checks `given` against the current question, records it with the time taken (seconds) and
    // moves on to the next question. Requires !finished().
    AnswerResult answer(std::string_view given, double seconds);

    std::size_t right() const;
    std::size_t answered() const { return m_results.size(); }
    const std::vector<ResultRow>& results() const { return m_results; }
    // "question,prompt,answer_given,key,right,time_s" and one row per answer (RFC 4180 quoting).
    std::string resultsCsv() const;

    // The muscle id `text` names (id, name, alias, case ignored, or a slip closestMatch() catches), or "".
    std::string matchMuscle(std::string_view text) const;

private:
    const Content* m_content;
    const movement::MovementLibrary* m_movements;
    Quiz m_quiz;
    std::size_t m_index = 0;
    std::vector<ResultRow> m_results;
};

} // namespace hv::quiz
