// The reading grade (Flesch-Kincaid, content/readability.hpp) of the content's plain-language
// texts beside the anatomical ones: min, median and max per kind, and the hardest plain texts.
// Prints numbers; never fails. Run: ./build/bench/bench_readability [CONTENT_DIR]
#include "content/content.hpp"
#include "content/readability.hpp"
#include "movement/loader.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace {

struct Text {
    std::string what;
    std::string text;
};

void distribution(const char* label, const std::vector<Text>& texts) {
    std::vector<double> g;
    for (const Text& t : texts)
        if (!t.text.empty()) g.push_back(hv::fleschKincaidGrade(t.text));
    if (g.empty()) return;
    std::sort(g.begin(), g.end());
    const std::size_t n = g.size();
    const double median = n % 2 ? g[n / 2] : 0.5 * (g[n / 2 - 1] + g[n / 2]);
    std::printf("%-34s n %3zu  min %5.1f  median %5.1f  max %5.1f\n", label, n, g.front(), median,
                g.back());
}

} // namespace

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : HV_SOURCE_DIR "/content";
    const hv::ContentLoad load = hv::loadContent(dir);
    if (!load.content) {
        std::fprintf(stderr, "%s\n", hv::formatAll(load.diagnostics).c_str());
        return 1;
    }
    const hv::Content& c = *load.content;
    const auto movements = hv::movement::loadMovements(hv::movement::defaultMovementFile(c), c);
    std::vector<Text> musclePlain, muscleSummary, actionPlain, actionText, movementPlain,
        movementSummary;
    for (const hv::MuscleInfo& m : c.muscles) {
        musclePlain.push_back({m.id, m.plain});
        muscleSummary.push_back({m.id, m.summary});
        for (const hv::TextbookAction& a : m.actions) {
            actionPlain.push_back({m.id + " " + a.coordinate + " " + a.sense, a.plain});
            actionText.push_back({m.id, a.text});
        }
    }
    if (movements.library)
        for (const hv::movement::Movement& m : movements.library->movements) {
            movementPlain.push_back({m.id, m.plain});
            movementSummary.push_back({m.id, m.summary});
        }
    std::printf("Flesch-Kincaid grade of the content's texts (plain: the wording switch's; the "
                "test holds them to <= 8)\n");
    distribution("muscles, plain", musclePlain);
    distribution("muscles, anatomical summary", muscleSummary);
    distribution("actions, plain", actionPlain);
    distribution("actions, anatomical text", actionText);
    distribution("movements, plain", movementPlain);
    distribution("movements, summary", movementSummary);
    std::vector<Text> all = musclePlain;
    all.insert(all.end(), actionPlain.begin(), actionPlain.end());
    all.insert(all.end(), movementPlain.begin(), movementPlain.end());
    distribution("all plain texts", all);
    std::sort(all.begin(), all.end(), [](const Text& a, const Text& b) {
        return hv::fleschKincaidGrade(a.text) > hv::fleschKincaidGrade(b.text);
    });
    std::printf("hardest plain texts:\n");
    for (std::size_t i = 0; i < std::min<std::size_t>(5, all.size()); ++i)
        std::printf("  %5.1f  %s\n", hv::fleschKincaidGrade(all[i].text), all[i].what.c_str());
    return 0;
}
