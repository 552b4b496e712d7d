// The figure of a quiz question for course material (exports such as Moodle XML): the scene the
// question sets (questionSetting(), the one rule for what a question shows) as a figure spec
// (anatomy_draw/figure_spec.hpp) that `hipview render` draws. Names and labels that would give
// the answer away are left out; a find_it question, which the window answers with a click,
// becomes a figure with lettered pins on the key muscle and a few others, and the student picks
// the key's letter. GL-free.
#pragma once

#include "quiz/quiz.hpp"

#include "anatomy_draw/figure_spec.hpp"

#include <string>
#include <vector>

namespace hv::quiz {

// How many muscles a find_it figure pins (the key and the others), at most.
inline constexpr std::size_t kMaxPins = 4;
// Pinned muscles other than the key are chosen, nearest first, among muscles whose paths' mean
// points lie at least this far (metres) from the key's and from each other's, so that their pins
// point at different places and the muscles hide each other less.
inline constexpr double kPinSpacing = 0.05;

struct QuestionFigure {
    draw::FigureSpec spec;
    // The highlighted muscles' ids in the order of spec.pins, and for find_it the key's pin.
    std::vector<std::string> pinned;
    std::string keyPin;
};

// The figure of `question` (which should have passed checkQuiz(); `file` names it in messages),
// `width` x `height` pixels, written to `output`:
//   - the question's view, side and pose; a which_muscles question shows its movement at its
//     time (lying movements lie), with the hip restrictions of a lumbar_level question;
//   - name_it, what_does_it_do, where_does_it_change: the muscle highlighted on the question's
//     side, the others ghosted, its callout "?" (name_it: its name is the answer) or its name;
//   - find_it: the question's choices, or else the nearest well-spaced muscles (kPinSpacing) on
//     the same side, up to kMaxPins with the key, highlighted and pinned with letters in the
//     order of their ids; muscles in `avoid` are not pinned unless they are the key or a choice
//     (a caller that found one hidden in the rendered figure asks again without it);
//   - which_muscles, origin_insertion: nothing highlighted (that would be the answer).
QuestionFigure questionFigure(const Question& question, const std::string& file, const Content& content,
                              const movement::MovementLibrary& movements, int width, int height, std::string output,
                              const std::vector<std::string>& avoid = {});

} // namespace hv::quiz
