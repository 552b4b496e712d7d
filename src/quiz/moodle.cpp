#include "quiz/moodle.hpp"

#include "quiz/keys.hpp"
#include "quiz/session.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>

namespace hv::quiz {

namespace {

// One answer: its words (plain, escaped when written), its fraction (percent) and, for a
// numerical answer, its tolerance.
struct Answer {
    std::string text;  // plain words (escaped when written)
    double percent = 0.0;
    double tolerance = -1.0; // numerical answers: degrees; < 0: none
};

std::string html(std::string_view words) { return xmlEscape(words); }

// A Moodle text element: <TAG format="html"><text>escaped HTML</text>FILES</TAG>.
std::string textElement(const std::string& tag, const std::string& htmlText, const std::string& files = "") {
    return "    <" + tag + " format=\"html\">\n      <text>" + xmlEscape(htmlText) + "</text>\n" + files + "    </" + tag + ">\n";
}

std::string muscleName(const Content& content, const std::string& id) {
    const MuscleInfo* info = content.findMuscleInfo(id);
    return info ? info->name : id;
}

// Every word a typed answer naming the muscle may be: its name, its id with spaces, its aliases.
std::vector<std::string> muscleWords(const Content& content, const std::string& id) {
    std::vector<std::string> words;
    const auto add = [&](std::string w) {
        const std::string l = toLower(w);
        if (!w.empty() && std::none_of(words.begin(), words.end(), [&](const std::string& x) { return toLower(x) == l; }))
            words.push_back(std::move(w));
    };
    if (const MuscleInfo* info = content.findMuscleInfo(id)) add(info->name);
    std::string spaced = id;
    std::replace(spaced.begin(), spaced.end(), '_', ' ');
    add(spaced);
    if (const MuscleInfo* info = content.findMuscleInfo(id))
        for (const std::string& a : info->aliases) add(a);
    return words;
}

// "Click gluteus minimus." -> "Which letter marks gluteus minimus?"; other prompts get a sentence.
std::string pinPrompt(const std::string& prompt) {
    const std::string click = "Click ";
    if (prompt.rfind(click, 0) == 0) {
        std::string rest = prompt.substr(click.size());
        while (!rest.empty() && (rest.back() == '.' || rest.back() == ' ')) rest.pop_back();
        return "Which letter marks " + rest + "?";
    }
    return prompt + " Choose its letter in the figure.";
}

std::string twoDigits(std::size_t n) {
    char b[24];
    std::snprintf(b, sizeof b, "%02zu", n);
    return b;
}

} // namespace

const std::vector<double>& moodleGrades() {
    static const std::vector<double> grades{100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333,
                                            30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0};
    return grades;
}

std::string moodleFraction(double percent) {
    const double a = std::abs(percent);
    double best = 0.0;
    for (double g : moodleGrades())
        if (std::abs(g - a) < std::abs(best - a)) best = g;
    std::string s = formatNumber(best, 7);
    return percent < 0.0 && best != 0.0 ? "-" + s : s;
}

std::string moodleXml(const Quiz& quiz, const Content& content, const movement::MovementLibrary& movements,
                      std::span<const MoodleFigure> figures) {
    assert(figures.empty() || figures.size() == quiz.questions.size());
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<!-- Written by HipView from " + xmlEscape(quiz.file) + ": every key is computed from the muscle paths. -->\n"
                      "<quiz>\n";
    std::string category = quiz.title.empty() ? std::string("Quiz") : quiz.title;
    std::replace(category.begin(), category.end(), '/', '-');
    out += "  <question type=\"category\">\n    <category>\n      <text>" + xmlEscape("$course$/top/HipView/" + category) +
           "</text>\n    </category>\n  </question>\n";

    for (std::size_t i = 0; i < quiz.questions.size(); ++i) {
        const Question& q = quiz.questions[i];
        const MoodleFigure* figure = figures.empty() || figures[i].png.empty() ? nullptr : &figures[i];
        assert((figure || q.kind != Kind::FindIt) && "a find_it question's answers are its figure's pins");
        if (!figure && q.kind == Kind::FindIt) continue;
        const KeyWords words = keyWords(q, quiz.file, content, movements);

        std::string type = "multichoice";
        bool single = true, shuffle = true;
        std::string numbering = "abc";
        std::string prompt = q.prompt;
        std::vector<Answer> answers;
        const auto choiceAnswers = [&](const std::vector<std::string>& choices, const std::string& key,
                                       const auto& label) {
            for (const std::string& c : choices) answers.push_back({label(c), c == key ? 100.0 : 0.0, -1.0});
        };
        const auto muscleAnswers = [&]() {
            if (!q.choices.empty()) {
                choiceAnswers(q.choices, q.key, [&](const std::string& id) { return muscleName(content, id); });
            } else {
                type = "shortanswer";
                for (const std::string& w : muscleWords(content, q.key)) answers.push_back({w, 100.0, -1.0});
            }
        };
        switch (q.kind) {
        case Kind::NameIt:
        case Kind::OriginInsertion: muscleAnswers(); break;
        case Kind::FindIt: {
            for (const std::string& p : figure->pins) answers.push_back({p, p == figure->keyPin ? 100.0 : 0.0, -1.0});
            prompt = pinPrompt(q.prompt);
            shuffle = false;
            numbering = "none";
            break;
        }
        case Kind::WhatDoesItDo: {
            const std::vector<std::string> choices = q.choices.empty() ? actionNames(*hipDofFromName(q.dof)) : q.choices;
            choiceAnswers(choices, q.key, [](const std::string& s) { return s; });
            break;
        }
        case Kind::WhereDoesItChange: {
            // The computed crossover (the file's key agrees with it within the tolerance).
            Diagnostics ignored;
            const Resolved r = resolve(q, quiz.file, content, movements, ignored);
            const double key = r.ok ? computeKey(q, r, content, movements).keyDeg : q.keyDeg;
            type = "numerical";
            answers.push_back({formatNumber(std::round(key * 10.0) / 10.0), 100.0, q.toleranceDeg});
            break;
        }
        case Kind::WhichMuscles:
            if (q.ask == Ask::Stretched) {
                // Right options: the keys, or "None of these" when there are none; the rest are wrong.
                const std::size_t keys = q.keys.size();
                const double rightShare = 100.0 / double(keys == 0 ? 1 : keys);
                const double wrongShare = -100.0 / double(q.choices.size() - keys + (keys == 0 ? 0 : 1));
                single = false;
                for (const std::string& c : q.choices) {
                    const bool isKey = std::find(q.keys.begin(), q.keys.end(), c) != q.keys.end();
                    answers.push_back({muscleName(content, c), isKey ? rightShare : wrongShare, -1.0});
                }
                answers.push_back({"None of these", keys == 0 ? rightShare : wrongShare, -1.0});
            } else {
                choiceAnswers(q.choices.empty() ? lumbarLevelNames() : q.choices, q.key, [](const std::string& s) { return s; });
            }
            break;
        }

        std::string text = "<p>" + html(prompt) + "</p>";
        std::string files;
        if (figure) {
            text += "<p><img src=\"@@PLUGINFILE@@/" + html(figure->name) + "\" alt=\"" + html(figure->alt) + "\" style=\"max-width:100%\"></p>";
            files = "      <file name=\"" + xmlEscape(figure->name) + "\" path=\"/\" encoding=\"base64\">" + base64(figure->png) + "</file>\n";
        }
        if (type == "numerical") text += "<p>Answer in degrees.</p>";

        out += "  <question type=\"" + type + "\">\n";
        out += "    <name>\n      <text>" + xmlEscape("HipView " + twoDigits(i + 1) + " " + std::string(kindName(q.kind))) + "</text>\n    </name>\n";
        out += textElement("questiontext", text, files);
        std::string feedback = "<p>" + html("The answer: " + words.key + ".") + "</p>";
        if (!words.explanation.empty()) feedback += "<p>" + html(words.explanation) + "</p>";
        out += textElement("generalfeedback", feedback);
        out += "    <defaultgrade>1</defaultgrade>\n    <penalty>0.3333333</penalty>\n    <hidden>0</hidden>\n";
        if (type == "multichoice") {
            out += std::string("    <single>") + (single ? "true" : "false") + "</single>\n";
            out += std::string("    <shuffleanswers>") + (shuffle ? "true" : "false") + "</shuffleanswers>\n";
            out += "    <answernumbering>" + numbering + "</answernumbering>\n";
            out += textElement("correctfeedback", "<p>Right.</p>");
            out += textElement("partiallycorrectfeedback", "<p>Partly right.</p>");
            out += textElement("incorrectfeedback", "<p>Not quite.</p>");
        } else if (type == "shortanswer") {
            out += "    <usecase>0</usecase>\n";
        } else {
            out += "    <unitgradingtype>0</unitgradingtype>\n    <unitpenalty>0.1</unitpenalty>\n    <showunits>3</showunits>\n"
                   "    <unitsleft>0</unitsleft>\n";
        }
        for (const Answer& a : answers) {
            const std::string format = type == "multichoice" ? "html" : "moodle_auto_format";
            const std::string answerText = type == "multichoice" ? "<p>" + html(a.text) + "</p>" : a.text;
            out += "    <answer fraction=\"" + moodleFraction(a.percent) + "\" format=\"" + format + "\">\n      <text>" +
                   xmlEscape(answerText) + "</text>\n";
            if (a.tolerance >= 0.0) out += "      <tolerance>" + formatNumber(a.tolerance) + "</tolerance>\n";
            out += "      <feedback format=\"html\">\n        <text></text>\n      </feedback>\n    </answer>\n";
        }
        out += "  </question>\n";
    }
    out += "</quiz>\n";
    return out;
}

} // namespace hv::quiz
