#include "quiz/session.hpp"

#include "quiz/keys.hpp"

#include "core/pose_text.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cmath>

namespace hv::quiz {

namespace {

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// `given` is `word` (case ignored) or a slip closestMatch() resolves to it among `words`.
bool matchesWord(const std::string& given, const std::string& word, const std::vector<std::string>& words) {
    const std::string g = toLower(given);
    if (g == toLower(word)) return true;
    std::vector<std::string> lower;
    for (const std::string& w : words) lower.push_back(toLower(w));
    if (std::find(lower.begin(), lower.end(), g) != lower.end()) return false;
    return closestMatch(g, lower) == toLower(word);
}

} // namespace

Setting questionSetting(const Question& q, const std::string& file, const Content& content,
                        const movement::MovementLibrary& movements) {
    Setting s;
    Diagnostics ignored;
    s.pose = resolve(q, file, content, movements, ignored).q;
    s.view = q.view;
    s.side = q.side;
    if (q.kind == Kind::NameIt || q.kind == Kind::WhatDoesItDo || q.kind == Kind::WhereDoesItChange)
        s.highlight = {q.muscle};
    return s;
}

KeyWords keyWords(const Question& q, const std::string& file, const Content& content,
                  const movement::MovementLibrary& movements) {
    KeyWords w;
    switch (q.kind) {
    case Kind::NameIt:
    case Kind::FindIt:
    case Kind::OriginInsertion: {
        const MuscleInfo* info = content.findMuscleInfo(q.key);
        w.key = info ? info->name : q.key;
        if (info && q.kind == Kind::OriginInsertion)
            w.explanation = info->name + (q.ask == Ask::Origin ? " arises from: " + info->origin : " inserts on: " + info->insertion);
        else if (info)
            w.explanation = "It is " + info->name + ". " + info->summary;
        break;
    }
    case Kind::WhatDoesItDo: w.key = q.key; break;
    case Kind::WhereDoesItChange: w.key = formatNumber(q.keyDeg) + " deg (within " + formatNumber(q.toleranceDeg) + ")"; break;
    case Kind::WhichMuscles:
        if (q.ask == Ask::Stretched) {
            std::vector<std::string> names;
            for (const std::string& id : q.keys) {
                const MuscleInfo* info = content.findMuscleInfo(id);
                names.push_back(info ? info->name : id);
            }
            std::sort(names.begin(), names.end());
            w.key = names.empty() ? "none" : joinNames(names);
        } else {
            w.key = q.key;
        }
        break;
    }
    if (q.kind == Kind::WhatDoesItDo || q.kind == Kind::WhereDoesItChange || q.kind == Kind::WhichMuscles) {
        Diagnostics ignored;
        const Resolved r = resolve(q, file, content, movements, ignored);
        if (r.ok) {
            std::string d = computeKey(q, r, content, movements).description;
            if (!d.empty()) d[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(d[0])));
            w.explanation = d + ".";
        }
    }
    if (!q.explanation.empty()) w.explanation += (w.explanation.empty() ? "" : " ") + q.explanation;
    return w;
}

QuizSession::QuizSession(const Content& content, const movement::MovementLibrary& movements, Quiz quiz)
    : m_content(&content), m_movements(&movements), m_quiz(std::move(quiz)) {}

const Question& QuizSession::current() const {
    assert(!finished());
    return m_quiz.questions[m_index];
}

Setting QuizSession::setting() const { return questionSetting(current(), m_quiz.file, *m_content, *m_movements); }

std::string QuizSession::matchMuscle(std::string_view text) const {
    const std::string given = toLower(trimmed(text));
    if (given.empty()) return "";
    std::vector<std::string> names;
    std::vector<const MuscleInfo*> owners;
    for (const MuscleInfo& m : m_content->muscles) {
        std::vector<std::string> own{m.id, m.name};
        own.insert(own.end(), m.aliases.begin(), m.aliases.end());
        for (const std::string& n : own) {
            const std::string l = toLower(n);
            if (l == given) return m.id;
            names.push_back(l);
            owners.push_back(&m);
        }
    }
    const std::string hint = closestMatch(given, names);
    if (hint.empty()) return "";
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == hint) return owners[i]->id;
    return "";
}

AnswerResult QuizSession::answer(std::string_view givenText, double seconds) {
    const Question& q = current();
    const std::string given = trimmed(givenText);
    AnswerResult a;
    switch (q.kind) {
    case Kind::NameIt:
    case Kind::FindIt:
    case Kind::OriginInsertion: a.right = matchMuscle(given) == q.key; break;
    case Kind::WhatDoesItDo: a.right = matchesWord(given, q.key, actionNames(*hipDofFromName(q.dof))); break;
    case Kind::WhereDoesItChange: {
        const auto v = parseNumber(given);
        a.right = v && std::abs(*v - q.keyDeg) <= q.toleranceDeg;
        break;
    }
    case Kind::WhichMuscles:
        if (q.ask == Ask::Stretched) {
            std::vector<std::string> picked;
            std::string item;
            for (char c : given + ",") {
                if (c == ',') {
                    if (const std::string id = matchMuscle(item); !id.empty()) picked.push_back(id);
                    item.clear();
                } else {
                    item += c;
                }
            }
            std::sort(picked.begin(), picked.end());
            picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
            std::vector<std::string> keys = q.keys;
            std::sort(keys.begin(), keys.end());
            a.right = picked == keys;
        } else {
            a.right = matchesWord(given, q.key, lumbarLevelNames());
        }
        break;
    }
    KeyWords words = keyWords(q, m_quiz.file, *m_content, *m_movements);
    a.key = std::move(words.key);
    a.explanation = std::move(words.explanation);
    m_results.push_back({m_index + 1, q.prompt, given, a.key, a.right, seconds});
    ++m_index;
    return a;
}

std::size_t QuizSession::right() const {
    return static_cast<std::size_t>(std::count_if(m_results.begin(), m_results.end(), [](const ResultRow& r) { return r.right; }));
}

std::string QuizSession::resultsCsv() const {
    std::string out = "question,prompt,answer_given,key,right,time_s\n";
    for (const ResultRow& r : m_results) {
        char t[32];
        std::snprintf(t, sizeof t, "%.1f", r.seconds);
        out += std::to_string(r.question) + "," + csvField(r.prompt) + "," + csvField(r.given) + "," + csvField(r.key) +
               "," + (r.right ? "yes" : "no") + "," + t + "\n";
    }
    return out;
}

} // namespace hv::quiz
