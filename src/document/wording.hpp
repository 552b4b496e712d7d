// The window's wording switch: anatomical words ("external rotator", the textbook summary) or
// plain words for a client ("turns your thigh out", content's `plain` texts). The document holds
// the choice (Document::wording); these pick the text each panel shows for it, so the rule is in
// one place and tested without a window. GL-free.
#pragma once

#include "content/content.hpp"
#include "core/model.hpp"
#include "core/roles.hpp"
#include "document/live_actions.hpp"
#include "movement/movement.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hv::doc {

enum class Wording : unsigned char { Anatomical, Plain };

// "anatomical", "plain" (the names of --wording and of the state report).
std::string_view wordingName(Wording w);
std::optional<Wording> wordingFromName(std::string_view name);
std::vector<std::string> wordingNames();

// What a muscle is: its summary, or its plain text.
const std::string& muscleText(const MuscleInfo& m, Wording w);
// A textbook action: the sense and where it holds with its sentence ("external rotation, with
// the hip near neutral" + text), or its plain sentence alone (the heading is empty then).
std::string actionHeading(const TextbookAction& a, Wording w);
const std::string& actionText(const TextbookAction& a, Wording w);
// A movement's explanation: its summary, or its plain text.
const std::string& movementText(const movement::Movement& m, Wording w);

// The word of an action bar: the action ("external rotator") or what the muscle does to the
// thigh in the coordinate's plain words ("turns your thigh out"); a coordinate without plain
// words keeps the anatomical word, no clear action is "no clear pull" in plain words.
std::string barWord(const Content& content, const ActionBar& bar, Wording w);
// The word of `action` about the hip coordinate `dof` (both sides share the plain words), as
// barWord() gives it: for the role colours' legend.
std::string actionWord(const Content& content, HipDof dof, Action action, Wording w);
// A coordinate's sense in words: `sense` is one of its anatomical words (Coordinate's
// positiveMeaning / negativeMeaning, e.g. "flexion"); in plain words the coordinate's plain words
// for that direction ("lifts your thigh forward"). `coordinate` with or without the side suffix;
// unknown senses and coordinates without plain words come back as given.
std::string senseWords(const Content& content, std::string_view coordinate, std::string_view sense, Wording w);
// The bar's row title: "flexion" / "adduction" / "rotation", or "forward-back" / "in-out" /
// "turning".
std::string_view dofTitle(HipDof dof, Wording w);
// A pelvic bar's word (document/live_actions.hpp: PelvicBar), short as the bar's column needs:
// the core's "tips forward", "tips back", "hikes right", "hikes left", "none"; in plain words
// "tips your pelvis forward", "tucks your pelvis under", "hitches your right hip up" / "left hip",
// "no clear pull".
std::string pelvicBarWord(const PelvicBar& bar, Wording w);
// The pelvic bar's row title: "pelvic tilt" / "obliquity", or "pelvis tip" / "pelvis side".
std::string_view pelvicDofTitle(PelvisDof dof, Wording w);
// The bar in one line, for the window's state report and tooltips: "Tips the pelvis forward
// 23 mm", "Hikes the pelvis on the right 12 mm" (the size rounded to whole mm), "None" inside the
// dead zone; plain words leave the number out ("Tucks your pelvis under").
std::string pelvicBarSentence(const PelvicBar& bar, Wording w);

// A trunk muscle's lumbar bar (document/live_actions.hpp: LumbarBar), by its role word:
// "flexes the low back" / "extends the low back", "bends the trunk to the right" / "to the left",
// "turns the trunk to the left" / "to the right", "none"; in plain words "curls your low back
// forward" / "arches your low back", "bends your body to the right" / "left", "turns your
// chest to the left" / "right", "no clear pull".
std::string lumbarBarWord(const LumbarBar& bar, Wording w);
// The lumbar bar's row title: "flexion" / "side bending" / "rotation", or "forward-back" /
// "side to side" / "turning".
std::string_view lumbarDofTitle(LumbarDof dof, Wording w);
// The panel's line above a part's lumbar bars: its name (if any) and the levels its bars sum,
// "iliocostal fibres: summed over L5-S1 to L1-L2", or in plain words "iliocostal fibres: on your
// low back, L5-S1 to L1-L2" (levelSpan of the part).
std::string lumbarBarsCaption(const PartLumbarActions& part, Wording w);

// The sentence under the plot for one crossover of the action about `dof`, at hip flexion
// `crossover.flexionDeg` (either side: both share the plain words).
std::string crossoverText(const Content& content, HipDof dof, const Crossover& crossover,
                          Wording w);

} // namespace hv::doc
