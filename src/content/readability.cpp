#include "content/readability.hpp"

#include <cctype>

namespace hv {

namespace {

bool isLetter(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
bool isDigit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool inWord(char c) {
    return isLetter(c) || isDigit(c) || c == '\'';
}
char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool isVowel(std::string_view w, std::size_t i) {
    const char c = lower(w[i]);
    if (c == 'y') return i > 0;
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

} // namespace

int countSyllables(std::string_view word) {
    int digits = 0, letters = 0;
    for (char c : word)
        digits += isDigit(c) ? 1 : 0, letters += isLetter(c) ? 1 : 0;
    if (digits > 0) return digits;
    if (letters == 0) return 0;
    // Letters only from here (apostrophes dropped: "thigh's" counts as "thighs").
    std::string w;
    for (char c : word)
        if (isLetter(c)) w += lower(c);
    int groups = 0;
    bool previousVowel = false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        const bool v = isVowel(w, i);
        if (v && !previousVowel) ++groups;
        previousVowel = v;
    }
    const std::size_t n = w.size();
    if (n >= 2 && w[n - 1] == 'e' && groups > 1) {
        const bool consonantLe = n >= 3 && w[n - 2] == 'l' && !isVowel(w, n - 3);
        if (!consonantLe) --groups;
    }
    return groups < 1 ? 1 : groups;
}

std::vector<std::string> splitWords(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool decimalMark = (c == '.' || c == ',') && i > 0 && i + 1 < text.size() &&
                                 isDigit(text[i - 1]) && isDigit(text[i + 1]);
        if (inWord(c) || decimalMark) {
            cur += c;
            continue;
        }
        if (!cur.empty()) out.push_back(std::move(cur));
        cur.clear();
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    // A word of apostrophes alone (a quotation mark) is no word.
    std::erase_if(
        out, [](const std::string& w) { return w.find_first_not_of('\'') == std::string::npos; });
    return out;
}

TextCounts countText(std::string_view text) {
    TextCounts c;
    for (const std::string& w : splitWords(text)) {
        ++c.words;
        c.syllables += countSyllables(w);
    }
    bool openSentence = false; // words seen since the last end
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (inWord(ch)) openSentence = true;
        const bool end = ch == '.' || ch == '!' || ch == '?';
        if (!end) continue;
        std::size_t j = i;
        while (j + 1 < text.size() &&
               (text[j + 1] == '.' || text[j + 1] == '!' || text[j + 1] == '?'))
            ++j;
        const bool followed =
            j + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[j + 1])) != 0;
        if (followed && openSentence) {
            ++c.sentences;
            openSentence = false;
        }
        i = j;
    }
    if (openSentence) ++c.sentences;
    return c;
}

double fleschKincaidGrade(const TextCounts& c) {
    if (c.words <= 0 || c.sentences <= 0) return 0.0;
    return 0.39 * static_cast<double>(c.words) / c.sentences +
           11.8 * static_cast<double>(c.syllables) / c.words - 15.59;
}

double fleschKincaidGrade(std::string_view text) {
    return fleschKincaidGrade(countText(text));
}

} // namespace hv
