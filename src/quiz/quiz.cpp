#include "quiz/quiz.hpp"

#include "quiz/keys.hpp"

#include "content/toml_schema.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>

namespace hv::quiz {

namespace {

using schema::Need;
using schema::TableReader;

const std::vector<std::string>& askNamesFor(Kind kind) {
    static const std::vector<std::string> which{"stretched", "lumbar_level"};
    static const std::vector<std::string> attach{"origin", "insertion"};
    static const std::vector<std::string> none;
    return kind == Kind::WhichMuscles ? which : kind == Kind::OriginInsertion ? attach : none;
}

std::string askName(Ask a) {
    switch (a) {
    case Ask::Stretched: return "stretched";
    case Ask::LumbarLevel: return "lumbar_level";
    case Ask::Origin: return "origin";
    case Ask::Insertion: return "insertion";
    }
    return "";
}

Ask askFromName(const std::string& s) {
    if (s == "lumbar_level") return Ask::LumbarLevel;
    if (s == "origin") return Ask::Origin;
    if (s == "insertion") return Ask::Insertion;
    return Ask::Stretched;
}

bool hasMuscle(Kind k) { return k != Kind::WhichMuscles; }
bool hasPart(Kind k) { return k == Kind::WhatDoesItDo || k == Kind::WhereDoesItChange; }
bool hasPose(Kind k) { return k != Kind::WhichMuscles && k != Kind::OriginInsertion; }

std::optional<Question> readQuestion(TableReader& r, Diagnostics& out) {
    Question q;
    q.path = r.path();
    q.lines[""] = r.line();
    const std::size_t before = out.size();
    const auto kindText = r.choice("kind", Need::Required, kindNames());
    if (!kindText) {
        // Without a kind the other fields cannot be checked; mark them read so that only the
        // kind is reported.
        r.keys();
        r.finish();
        return std::nullopt;
    }
    q.kind = *kindFromName(*kindText);
    const Kind k = q.kind;
    const auto req = [](bool required) { return required ? Need::Required : Need::Optional; };
    if (auto v = r.string("prompt", Need::Required)) q.prompt = *v;
    if (auto v = r.string("explanation", Need::Optional)) q.explanation = *v;
    if (auto v = r.string("view", Need::Optional)) q.view = *v;
    if (auto v = r.choice("side", Need::Optional, {"r", "l"})) q.side = *v == "l" ? Side::Left : Side::Right;
    if (hasMuscle(k))
        if (auto v = r.string("muscle", Need::Required)) q.muscle = *v;
    if (hasPart(k))
        if (auto v = r.string("part", Need::Optional)) q.part = *v;
    if (hasPose(k))
        if (auto v = r.string("pose", Need::Optional)) q.pose = *v;
    if (k == Kind::WhatDoesItDo || k == Kind::WhereDoesItChange)
        if (auto v = r.string("dof", Need::Required)) q.dof = *v;
    if (k == Kind::WhereDoesItChange) {
        if (auto v = r.string("sweep", Need::Required)) q.sweep = *v;
        if (auto v = r.numbers("sweep_range", Need::Optional, 2, 2)) {
            q.sweepFromDeg = (*v)[0];
            q.sweepToDeg = (*v)[1];
        }
        if (auto v = r.number("key_deg", Need::Required)) q.keyDeg = *v;
        if (auto v = r.number("tolerance_deg", Need::Optional, {0.0, 90.0, true})) q.toleranceDeg = *v;
    }
    if (k == Kind::WhichMuscles || k == Kind::OriginInsertion)
        if (auto v = r.choice("ask", Need::Required, askNamesFor(k))) q.ask = askFromName(*v);
    if (k == Kind::WhichMuscles) {
        if (auto v = r.string("movement", Need::Required)) q.movement = *v;
        if (auto v = r.number("time", Need::Required, {0.0})) q.time = *v;
        if (auto v = r.strings("restrict", Need::Optional)) q.restrict = *v;
        const bool stretched = q.ask == Ask::Stretched;
        if (stretched) {
            if (auto v = r.strings("keys", Need::Required)) q.keys = *v;
        } else if (auto v = r.string("key", Need::Required)) {
            q.key = *v;
        }
        if (auto v = r.strings("choices", req(stretched))) q.choices = *v;
    } else if (k == Kind::WhatDoesItDo) {
        if (auto v = r.string("key", Need::Required)) q.key = *v;
        if (auto v = r.strings("choices", Need::Optional)) q.choices = *v;
    } else if (k != Kind::WhereDoesItChange) {
        q.key = q.muscle; // name_it, find_it, origin_insertion: the muscle is the answer
        if (auto v = r.strings("choices", Need::Optional)) q.choices = *v;
    }
    for (const char* f : {"kind", "prompt", "explanation", "view", "side", "muscle", "part", "pose", "dof", "sweep",
                          "sweep_range", "key_deg", "tolerance_deg", "ask", "movement", "time", "restrict", "keys",
                          "key", "choices"})
        if (r.has(f)) q.lines[f] = r.lineOf(f);
    r.finish();
    if (out.size() != before) return std::nullopt;
    return q;
}

QuizLoad readQuiz(const schema::TomlDocument& doc, const std::string& name) {
    QuizLoad load;
    TableReader root(doc.root(), name, "", load.diagnostics);
    Quiz quiz;
    quiz.file = name;
    if (auto v = root.string("title", Need::Required)) quiz.title = *v;
    if (auto v = root.choice("topic", Need::Optional, topicNames())) quiz.topic = *v;
    bool bad = false;
    for (TableReader& t : root.tables("question", Need::Required)) {
        auto q = readQuestion(t, load.diagnostics);
        if (q)
            quiz.questions.push_back(std::move(*q));
        else
            bad = true;
    }
    root.finish();
    if (load.diagnostics.empty() && !bad) load.quiz = std::move(quiz);
    return load;
}

} // namespace

const std::vector<std::string>& kindNames() {
    static const std::vector<std::string> names{"name_it",       "find_it",      "what_does_it_do",
                                                "where_does_it_change", "which_muscles", "origin_insertion"};
    return names;
}

std::string_view kindName(Kind kind) { return kindNames()[static_cast<std::size_t>(kind)]; }

std::optional<Kind> kindFromName(std::string_view name) {
    const auto& names = kindNames();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<Kind>(i);
    return std::nullopt;
}

const std::vector<std::string>& topicNames() {
    static const std::vector<std::string> names{"roles", "names", "stretches", "attachments", "hip-back", "mixed"};
    return names;
}

int Question::lineOf(const std::string& field) const {
    if (auto it = lines.find(field); it != lines.end() && it->second > 0) return it->second;
    if (auto it = lines.find(""); it != lines.end()) return it->second;
    return 0;
}

QuizLoad parseQuizFile(const std::filesystem::path& path, const std::string& displayName) {
    QuizLoad load;
    const auto doc = schema::TomlDocument::parseFile(path, displayName, load.diagnostics);
    if (!doc) return load;
    return readQuiz(*doc, displayName);
}

QuizLoad parseQuizString(std::string_view text, const std::string& displayName) {
    QuizLoad load;
    const auto doc = schema::TomlDocument::parseString(text, displayName, load.diagnostics);
    if (!doc) return load;
    return readQuiz(*doc, displayName);
}

std::string quizText(const Quiz& quiz) {
    schema::TomlWriter w;
    auto root = w.root();
    root.setString("title", quiz.title);
    if (!quiz.topic.empty()) root.setString("topic", quiz.topic);
    for (const Question& q : quiz.questions) {
        auto t = w.appendTable("question");
        const Kind k = q.kind;
        t.setString("kind", kindName(k));
        t.setString("prompt", q.prompt);
        if (!q.explanation.empty()) t.setString("explanation", q.explanation);
        t.setString("view", q.view);
        if (q.side != Side::Right) t.setString("side", sideSuffix(q.side));
        if (hasMuscle(k)) t.setString("muscle", q.muscle);
        if (hasPart(k) && !q.part.empty()) t.setString("part", q.part);
        if (hasPose(k) && !q.pose.empty()) t.setString("pose", q.pose);
        if (k == Kind::WhatDoesItDo || k == Kind::WhereDoesItChange) t.setString("dof", q.dof);
        if (k == Kind::WhereDoesItChange) {
            t.setString("sweep", q.sweep);
            const double range[2] = {q.sweepFromDeg, q.sweepToDeg};
            t.setNumbers("sweep_range", range);
            t.setNumber("key_deg", q.keyDeg);
            t.setNumber("tolerance_deg", q.toleranceDeg);
        }
        if (k == Kind::WhichMuscles || k == Kind::OriginInsertion) t.setString("ask", askName(q.ask));
        if (k == Kind::WhichMuscles) {
            t.setString("movement", q.movement);
            t.setNumber("time", q.time);
            if (!q.restrict.empty()) t.setStrings("restrict", q.restrict);
            if (q.ask == Ask::Stretched)
                t.setStrings("keys", q.keys);
            else
                t.setString("key", q.key);
        } else if (k == Kind::WhatDoesItDo) {
            t.setString("key", q.key);
        }
        if (!q.choices.empty()) t.setStrings("choices", q.choices);
    }
    return w.text("A HipView quiz (format: content/README.md, \"Quizzes\").");
}

Diagnostics checkQuiz(const Quiz& quiz, const Content& content, const movement::MovementLibrary& movements) {
    Diagnostics out;
    for (const Question& q : quiz.questions) {
        const Resolved r = resolve(q, quiz.file, content, movements, out);
        if (!r.ok) continue;
        if (q.kind == Kind::OriginInsertion) {
            const MuscleInfo* info = content.findMuscleInfo(q.muscle);
            const std::string& text = q.ask == Ask::Origin ? info->origin : info->insertion;
            if (text.empty())
                out.push_back({quiz.file, q.lineOf("muscle"), 0, q.path + ".muscle",
                               "muscle \"" + q.muscle + "\" has no " + (q.ask == Ask::Origin ? "origin" : "insertion") +
                                   " text in the content"});
            continue;
        }
        const ComputedKey c = computeKey(q, r, content, movements);
        if (!c.decided) continue;
        const auto fail = [&](const std::string& field, const std::string& message) {
            out.push_back({quiz.file, q.lineOf(field), 0, q.path + "." + field, message});
        };
        switch (q.kind) {
        case Kind::WhatDoesItDo:
            if (c.key == "none")
                fail("key", "key says " + q.key + "; " + c.description + ": no question");
            else if (c.key != q.key)
                fail("key", "key says " + q.key + "; " + c.description);
            break;
        case Kind::WhereDoesItChange:
            if (!c.found)
                fail("key_deg", "key says " + formatNumber(q.keyDeg) + " deg; " + c.description);
            else if (std::abs(c.keyDeg - q.keyDeg) > q.toleranceDeg)
                fail("key_deg", "key says " + formatNumber(q.keyDeg) + " deg; " + c.description +
                                    ", outside the tolerance of " + formatNumber(q.toleranceDeg) + " deg");
            break;
        case Kind::WhichMuscles:
            if (q.ask == Ask::Stretched) {
                std::vector<std::string> given = q.keys, computed = c.keys;
                std::sort(given.begin(), given.end());
                std::sort(computed.begin(), computed.end());
                if (given != computed)
                    fail("keys", "keys say " + (q.keys.empty() ? std::string("none") : joinNames(q.keys)) +
                                     " stretched; " + c.description);
            } else if (c.key != q.key) {
                fail("key", "key says " + q.key + "; " + c.description);
            }
            break;
        default: break;
        }
    }
    return out;
}

QuizLoad loadQuiz(const std::filesystem::path& path, const std::string& displayName, const Content& content,
                  const movement::MovementLibrary& movements) {
    QuizLoad load = parseQuizFile(path, displayName);
    if (!load.quiz) return load;
    load.diagnostics = checkQuiz(*load.quiz, content, movements);
    if (!load.diagnostics.empty()) load.quiz.reset();
    return load;
}

} // namespace hv::quiz
