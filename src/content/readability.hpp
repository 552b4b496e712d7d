// How hard a text is to read: the Flesch-Kincaid grade level (Kincaid, Fishburne, Rogers and
// Chissom 1975), 0.39 * words per sentence + 11.8 * syllables per word - 15.59, the school grade
// (US) a reader needs. Used to hold the plain-language texts of the content to grade 8 or below.
// GL-free, ASCII rules (other bytes separate words).
//
// Counting rules:
//  - a word is a run of letters, digits and apostrophes (a '.' or ',' between two digits belongs
//    to the number: "0.5" is one word); hyphens, slashes and every other character separate
//    words ("front-to-back" is three words);
//  - a sentence ends at a run of '.', '!' or '?' followed by a space or the end of the text (so
//    "0.5" ends nothing); a text without such an end is one sentence; an empty text has none;
//  - syllables of a word of letters: the groups of consecutive vowels (a, e, i, o, u, and y
//    except as the first letter), less one for a silent final "e" (the word ends in "e", has more
//    than one group, and does not end in consonant + "le", as "muscle" does), at least one;
//    a word with digits has one syllable per digit ("90" two).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hv {

struct TextCounts {
    int words = 0;
    int sentences = 0;
    int syllables = 0;
};

// The syllables of one word (letters, any case, or digits) by the rules above; 0 for "".
int countSyllables(std::string_view word);
// The words of `text` by the rules above, in order.
std::vector<std::string> splitWords(std::string_view text);
TextCounts countText(std::string_view text);
// The Flesch-Kincaid grade of counts with at least one word and one sentence (else 0).
double fleschKincaidGrade(const TextCounts& counts);
double fleschKincaidGrade(std::string_view text);

} // namespace hv
