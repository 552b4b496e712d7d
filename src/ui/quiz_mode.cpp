// The window's quiz mode: a quiz (quiz::QuizSession) taken one question at a time. Each question
// sets its pose, view and highlight; the panels, labels, hover tips and the info card that would
// give the answer away are hidden; the quiz panel asks (choices as buttons, ticks for a set, a
// text field for typed answers, a click on the 3D view for find_it), says right or wrong and then
// explains with the info card's live action bars and plot. At the end: the score, the results as
// CSV, and back to what the window showed before.
#include "ui/detail/viewer_impl.hpp"

#include "anatomy_draw/standard_view.hpp"
#include "document/window_layout.hpp"
#include "io/atomic_file.hpp"
#include "quiz/keys.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace hv::ui::detail {

using namespace hv::doc;

namespace {

// The muscle a question is about, or whose answer it is: the one its explanation shows.
std::string explainedMuscle(const quiz::Question& q) {
    if (!q.muscle.empty()) return q.muscle;
    if (q.kind == quiz::Kind::NameIt || q.kind == quiz::Kind::FindIt ||
        q.kind == quiz::Kind::OriginInsertion)
        return q.key;
    return "";
}

// Words without spaces, for the state report's one-word fields.
std::string oneWord(std::string s) {
    std::replace(s.begin(), s.end(), ' ', '_');
    return s;
}

} // namespace

void Viewer::startQuiz(quiz::Quiz quiz) {
    if (quiz.questions.empty()) {
        message("The quiz " + quiz.file + " has no questions.");
        return;
    }
    if (!m_doc.movements()) {
        message("The movements file could not be read, so no quiz can be taken.");
        return;
    }
    if (m_quiz)
        leaveQuiz(); // a new quiz replaces the one being taken; the state before both comes back
    auto q = std::make_unique<QuizMode>(m_doc.content(), *m_doc.movements(), std::move(quiz));
    q->selection = m_doc.selection;
    q->layers = m_doc.layers;
    q->manualPose = m_doc.manualPose;
    q->camera = m_camera;
    q->colourMode = m_doc.colourMode;
    q->roleDof = m_doc.roleDof;
    q->movement = m_doc.playback.movementId;
    q->movementTime = m_doc.playback.time;
    q->plotPart = m_plotPart;
    q->plotDof = m_plotDof;
    m_quiz = std::move(q);
    m_doc.stopMovement();
    askCurrent();
}

void Viewer::askCurrent() {
    QuizMode& q = *m_quiz;
    q.phase = QuizMode::Phase::Asking;
    q.asked = q.session.current();
    q.askedIndex = q.session.index();
    q.typed.clear();
    q.ticked.assign(q.asked.choices.size(), 0);
    const quiz::Setting s = q.session.setting();
    if (s.pose.size() == m_doc.manualPose.size()) m_doc.manualPose = s.pose;
    Selection sel;
    if (!s.highlight.empty()) {
        sel.muscleId = s.highlight.front();
        sel.side = s.side;
    }
    m_doc.select(sel);
    m_doc.layers.labels = false; // the callouts name the muscle
    m_doc.layers.sides = draw::SideFilter::Both;
    m_doc.colourMode = draw::ColourMode::Groups; // role colours would show the action asked about
    if (const auto v = draw::standardViewFromName(s.view)) {
        m_camera.setView(*v);
        if (const auto keep = draw::medialViewKeeps(*v))
            m_doc.layers.sides =
                *keep == Side::Left ? draw::SideFilter::LeftOnly : draw::SideFilter::RightOnly;
    }
    m_pendingFrame = true;
    q.askedAt = now();
}

void Viewer::answerQuiz(const std::string& given) {
    QuizMode& q = *m_quiz;
    if (q.phase != QuizMode::Phase::Asking) return;
    q.given = given;
    q.result = q.session.answer(given, now() - q.askedAt);
    q.phase = QuizMode::Phase::Feedback;
    // The explanation: the muscle named and highlighted, its live actions about the question's
    // movement, the figure in role colours for that movement.
    if (const std::string m = explainedMuscle(q.asked); !m.empty()) {
        Selection sel;
        sel.muscleId = m;
        sel.side = q.asked.side;
        m_doc.select(sel);
        m_doc.layers.labels = true;
    }
    if (const auto dof = quiz::hipDofFromName(q.asked.dof)) {
        m_doc.roleDof = *dof;
        m_doc.colourMode = draw::ColourMode::Role;
        m_plotDof = static_cast<int>(*dof);
    }
    m_plotPart = 0;
    if (!q.asked.part.empty())
        if (const int mi = m_doc.selectedMuscle(); mi >= 0) {
            const auto& parts = m_doc.model().muscles[static_cast<std::size_t>(mi)].parts;
            for (std::size_t i = 0; i < parts.size(); ++i)
                if (parts[i].name == q.asked.part) m_plotPart = static_cast<int>(i);
        }
    if (!m_options.quizResults.empty()) saveQuizResults(m_options.quizResults, true);
}

void Viewer::nextQuestion() {
    QuizMode& q = *m_quiz;
    if (q.session.finished()) {
        q.phase = QuizMode::Phase::Finished;
        m_doc.select({});
        m_doc.layers.labels = false;
        m_doc.colourMode = draw::ColourMode::Groups;
        return;
    }
    askCurrent();
}

void Viewer::leaveQuiz() {
    if (!m_quiz) return;
    const QuizMode& q = *m_quiz;
    m_doc.select(q.selection);
    m_doc.layers = q.layers;
    m_doc.manualPose = q.manualPose;
    m_camera = q.camera;
    m_doc.colourMode = q.colourMode;
    m_doc.roleDof = q.roleDof;
    m_plotPart = q.plotPart;
    m_plotDof = q.plotDof;
    if (!q.movement.empty() && m_doc.startMovement(q.movement)) {
        m_doc.playback.playing = false;
        m_doc.seek(q.movementTime);
    }
    m_quiz.reset();
    m_quizChoices.clear();
    m_quizButtons.clear();
}

bool Viewer::quizTakesPick(const Selection& s) {
    if (!m_quiz) return false;
    if (m_quiz->phase == QuizMode::Phase::Asking && m_quiz->asked.kind == quiz::Kind::FindIt &&
        !s.empty())
        answerQuiz(s.muscleId);
    return true;
}

bool Viewer::saveQuizResults(const std::string& path, bool quiet) {
    if (!m_quiz) return false;
    if (const auto d = io::writeFileAtomic(path, m_quiz->session.resultsCsv())) {
        message(d->format());
        return false;
    }
    m_quiz->savedTo = path;
    if (quiet) std::fprintf(stderr, "hipview: quiz results written to %s\n", path.c_str());
    return true;
}

void Viewer::layoutQuiz(PanelContext& ctx, float W, float H, float top) {
    const doc::PanelLayout layout = doc::panelLayout(W, H, top, m_uiScale, true, true);
    m_viewport = {0.0f, layout.view.y, layout.info.x, layout.view.h};
    m_bars.clear();
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoTitleBar |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::SetNextWindowPos(ImVec2(layout.info.x, layout.info.y));
    ImGui::SetNextWindowSize(ImVec2(layout.info.w, layout.info.h));
    ImGui::Begin("##quiz", nullptr, fixed);
    notePanel("quiz");
    drawQuizPanel(ctx);
    ImGui::End();
}

void Viewer::drawQuizPanel(PanelContext& ctx) {
    m_quizChoices.clear();
    m_quizButtons.clear();
    QuizMode& q = *m_quiz;
    const auto noteButton = [this](const char* name) {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        m_quizButtons.emplace_back(name, Rect{a.x, a.y, b.x - a.x, b.y - a.y});
    };
    const float fullW = ImGui::GetContentRegionAvail().x;
    const std::size_t n = q.session.size();
    const std::string title =
        q.phase == QuizMode::Phase::Finished
            ? "Quiz: done"
            : "Quiz: question " + std::to_string(q.askedIndex + 1) + " of " + std::to_string(n);
    heading(ctx, title.c_str());
    ImGui::TextDisabled("%zu of %zu right so far", q.session.right(), q.session.answered());
    ImGui::Separator();
    ImGui::Spacing();

    if (q.phase == QuizMode::Phase::Finished) {
        if (ctx.bold) ImGui::PushFont(ctx.bold);
        ImGui::TextWrapped("You got %zu of %zu right.", q.session.right(), n);
        if (ctx.bold) ImGui::PopFont();
        ImGui::Spacing();
        for (const quiz::ResultRow& r : q.session.results()) {
            ImGui::TextColored(r.right ? ImVec4(0.10f, 0.45f, 0.20f, 1.0f)
                                       : ImVec4(0.70f, 0.20f, 0.10f, 1.0f),
                               "%zu. %s", r.question, r.right ? "right" : "wrong");
            ImGui::SameLine();
            ImGui::TextDisabled("(%.0f s)", r.seconds);
            if (!r.right) {
                ImGui::Indent();
                ImGui::TextWrapped("the answer: %s", r.key.c_str());
                ImGui::Unindent();
            }
        }
        ImGui::Spacing();
        if (ImGui::Button("Save results..."))
            m_quizSaveDialog.open(FileDialog::Mode::Save, "Save quiz results (CSV)", {".csv"},
                                  "quiz-results.csv");
        noteButton("save");
        ImGui::SameLine();
        if (ImGui::Button("Leave the quiz")) {
            leaveQuiz();
            return;
        }
        noteButton("leave");
        if (!q.savedTo.empty()) ImGui::TextDisabled("Saved to %s", q.savedTo.c_str());
        return;
    }

    const quiz::Question& asked = q.asked;
    if (ctx.bold) ImGui::PushFont(ctx.bold);
    ImGui::TextWrapped("%s", asked.prompt.c_str());
    if (ctx.bold) ImGui::PopFont();
    ImGui::Spacing();

    if (q.phase == QuizMode::Phase::Asking) {
        const bool set =
            asked.kind == quiz::Kind::WhichMuscles && asked.ask == quiz::Ask::Stretched;
        const auto choiceText = [&](const std::string& c) {
            if (set || asked.kind == quiz::Kind::NameIt ||
                asked.kind == quiz::Kind::OriginInsertion)
                if (const MuscleInfo* m = m_doc.content().findMuscleInfo(c)) return m->name;
            return c;
        };
        if (asked.kind == quiz::Kind::FindIt) {
            ImGui::TextWrapped("Click it in the figure.");
        } else if (!asked.choices.empty()) {
            if (set) ImGui::TextDisabled("Tick every one that applies, then Answer.");
            for (std::size_t i = 0; i < asked.choices.size(); ++i) {
                const std::string text = choiceText(asked.choices[i]);
                ImGui::PushID(static_cast<int>(i));
                if (set) {
                    bool on = q.ticked[i] != 0;
                    if (ImGui::Checkbox(text.c_str(), &on)) q.ticked[i] = on ? 1 : 0;
                } else if (ImGui::Button(text.c_str(), ImVec2(fullW, 0))) {
                    answerQuiz(asked.choices[i]);
                }
                ImGui::PopID();
                const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
                m_quizChoices.emplace_back(text, Rect{a.x, a.y, b.x - a.x, b.y - a.y});
                if (q.phase != QuizMode::Phase::Asking)
                    break; // answered: the feedback is drawn next frame
            }
            if (set && q.phase == QuizMode::Phase::Asking) {
                ImGui::Spacing();
                if (ImGui::Button("Answer")) {
                    std::string given;
                    for (std::size_t i = 0; i < asked.choices.size(); ++i)
                        if (q.ticked[i]) given += (given.empty() ? "" : ",") + asked.choices[i];
                    answerQuiz(given);
                }
                noteButton("answer");
            }
        } else {
            ImGui::TextDisabled("Type your answer, then Enter.");
            char buf[256];
            std::snprintf(buf, sizeof buf, "%s", q.typed.c_str());
            ImGui::SetNextItemWidth(fullW);
            const bool enter =
                ImGui::InputText("##answer", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue);
            q.typed = buf;
            if (ImGui::Button("Answer") || enter) answerQuiz(q.typed);
            noteButton("answer");
        }
        if (m_quiz && m_quiz->phase == QuizMode::Phase::Asking) {
            ImGui::Spacing();
            ImGui::Separator();
            if (ImGui::SmallButton("Leave the quiz"))
                leaveQuiz();
            else
                noteButton("leave");
        }
        return;
    }

    // Feedback: right or wrong, the key, the explanation, then the live actions that show why.
    const bool right = q.result.right;
    if (ctx.bold) ImGui::PushFont(ctx.bold);
    ImGui::TextColored(right ? ImVec4(0.10f, 0.45f, 0.20f, 1.0f)
                             : ImVec4(0.70f, 0.20f, 0.10f, 1.0f),
                       "%s", right ? "Right." : "Not quite.");
    if (ctx.bold) ImGui::PopFont();
    if (!right) {
        std::string given = q.given;
        if (const MuscleInfo* m = m_doc.content().findMuscleInfo(given)) given = m->name;
        ImGui::TextWrapped("You answered: %s", given.empty() ? "(nothing)" : given.c_str());
    }
    ImGui::TextWrapped("The answer: %s", q.result.key.c_str());
    if (!q.result.explanation.empty()) {
        ImGui::Spacing();
        ImGui::TextWrapped("%s", q.result.explanation.c_str());
    }
    ImGui::Spacing();
    if (ImGui::Button(q.session.finished() ? "See the score" : "Next", ImVec2(fullW, 0)))
        nextQuestion();
    noteButton("next");
    ImGui::Spacing();
    ImGui::Separator();
    if (!m_doc.selection.empty()) drawLiveActions(ctx, m_bars);
}

void Viewer::quizDialogs(PanelContext& ctx) {
    if (ctx.startQuizDialog) m_quizDialog.open(FileDialog::Mode::Open, "Start a quiz", {".toml"});
    if (auto p = m_quizDialog.draw()) {
        if (!m_doc.movements()) {
            message("The movements file could not be read, so no quiz can be checked.");
        } else {
            // A bad quiz shows its messages and the window keeps what it shows.
            quiz::QuizLoad load =
                quiz::loadQuiz(*p, p->string(), m_doc.content(), *m_doc.movements());
            if (load.quiz)
                startQuiz(std::move(*load.quiz));
            else if (load.diagnostics.empty())
                message(p->string() + ": the quiz could not be read");
            else
                addMessages(load.diagnostics, "");
        }
    }
    if (auto p = m_quizSaveDialog.draw()) saveQuizResults(p->string(), false);
}

void Viewer::writeQuizState(std::ostream& out, float sx) const {
    if (!m_quiz) return;
    const QuizMode& q = *m_quiz;
    const char* phase = q.phase == QuizMode::Phase::Asking     ? "asking"
                        : q.phase == QuizMode::Phase::Feedback ? "feedback"
                                                               : "finished";
    out << "quiz=" << (q.phase == QuizMode::Phase::Finished ? q.session.size() : q.askedIndex + 1)
        << "/" << q.session.size() << "\n";
    out << "quiz_phase=" << phase << "\n";
    if (q.phase != QuizMode::Phase::Finished)
        out << "quiz_kind=" << quiz::kindName(q.asked.kind) << "\n";
    out << "quiz_score=" << q.session.right() << "/" << q.session.answered() << "\n";
    if (q.phase == QuizMode::Phase::Feedback)
        out << "quiz_feedback=" << (q.result.right ? "right" : "wrong") << "\n";
    for (std::size_t i = 0; i < m_quizChoices.size(); ++i) {
        const Rect& r = m_quizChoices[i].second;
        out << "quiz_choice=" << i << " " << r.x * sx << " " << r.y * sx << " " << (r.x + r.w) * sx
            << " " << (r.y + r.h) * sx << " " << m_quizChoices[i].first << "\n";
    }
    for (const auto& [name, r] : m_quizButtons)
        out << "quiz_button=" << oneWord(name) << " " << r.x * sx << " " << r.y * sx << " "
            << (r.x + r.w) * sx << " " << (r.y + r.h) * sx << "\n";
}

} // namespace hv::ui::detail
