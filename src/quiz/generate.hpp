// Quizzes generated from the content and the geometry. Every candidate question of a topic is
// built in a fixed order from the content, its key computed as keys.hpp describes, then the
// candidates are shuffled with the seed (std::mt19937_64, whose sequence the C++ standard fixes)
// and the first N taken; "mixed" takes them in turn from each of the six kinds, so any N >= 6
// covers all six. The same content and seed give the same quiz, and so the same file bytes.
//
// Candidates per topic (all on the right side):
//   roles:       what_does_it_do for every muscle part, hip dof and hip flexion of 0, 30, 60 and
//                90 deg whose moment arm is outside kQuizDeadZone; where_does_it_change for every
//                role change of a part along hip_flexion_r from 0 to 120 deg (key in whole degrees);
//   names:       name_it for every muscle in four views (anterior, posterior, lateral-right,
//                medial-right) standing and with the hip flexed 45 deg; find_it in the four views;
//   stretches:   which_muscles (stretched) at every keyframe after the start of every stretch,
//                with up to two stretched and three unstretched choices (each at least 1 % away
//                from kStretchedPercent);
//   attachments: origin_insertion for every muscle's origin and insertion text;
//   hip-back:    which_muscles (lumbar_level) for every exercise and hip-back movement keyframe
//                with the hip flexion stopped at 20, 30 or 45 deg where the stop is reached and
//                the most-bent level leads the next by at least 0.1 deg.
#pragma once

#include "quiz/quiz.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace hv::quiz {

struct GenerateOptions {
    std::size_t count = 10;
    std::string topic = "mixed"; // one of topicNames()
    std::uint64_t seed = 1;
};

struct GenerateResult {
    std::optional<Quiz> quiz; // unset when count is 0 or more than the topic can make
    std::size_t maximum = 0;  // how many distinct questions the topic can make
    std::string error;        // why there is no quiz, e.g. "topic roles makes at most 312 ..."
};

GenerateResult generateQuiz(const Content& content, const movement::MovementLibrary& movements,
                            const GenerateOptions& options);

} // namespace hv::quiz
