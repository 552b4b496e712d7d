// The Flesch-Kincaid counter, and every plain text of the muscles held to grade 8.
#include "content/readability.hpp"

#include "content/content_fixture.hpp"
#include "core/text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace hv;

TEST_CASE("syllables are vowel groups less a silent final e and at least one") {
    CHECK(countSyllables("cat") == 1);
    CHECK(countSyllables("make") == 1);   // a-e, silent e
    CHECK(countSyllables("the") == 1);    // one group: the e stays
    CHECK(countSyllables("knee") == 1);   // one group "ee"
    CHECK(countSyllables("muscle") == 2); // consonant + le keeps its e
    CHECK(countSyllables("table") == 2);
    CHECK(countSyllables("thigh") == 1);
    CHECK(countSyllables("outward") == 2);
    CHECK(countSyllables("yellow") == 2); // a leading y is a consonant
    CHECK(countSyllables("beautiful") == 3);
    CHECK(countSyllables("Piriformis") == 4);
    CHECK(countSyllables("rotation") == 3);
    CHECK(countSyllables("90") == 2); // one per digit
    CHECK(countSyllables("") == 0);
}

TEST_CASE(
    "words split at spaces hyphens and punctuation and sentences end at a stop before a space") {
    CHECK(splitWords("front-to-back, it's \"here\"") ==
          std::vector<std::string>{"front", "to", "back", "it's", "here"});
    const TextCounts a = countText("The cat sat on the mat. It was warm!");
    CHECK(a.words == 9);
    CHECK(a.sentences == 2);
    CHECK(a.syllables == 9);
    const TextCounts b = countText("About 0.5 of it... then more");
    CHECK(b.sentences == 2); // "0.5" ends nothing, "..." ends one, the unfinished rest is one
    CHECK(b.words == 6);
    CHECK(countText("").sentences == 0);
    CHECK(countText("   ").words == 0);
}

TEST_CASE("the Flesch-Kincaid grade follows its formula on counted texts") {
    // 6 words, 1 sentence, 6 syllables: 0.39 * 6 + 11.8 * 1 - 15.59.
    CHECK(fleschKincaidGrade("The cat sat on the mat.") ==
          doctest::Approx(0.39 * 6 + 11.8 - 15.59));
    // Longer words and sentences read harder.
    const double easy = fleschKincaidGrade("It turns your thigh out. It lifts your knee.");
    const double hard = fleschKincaidGrade("Its tendon spirals inferiorly and posteriorly around "
                                           "the femoral neck to the trochanteric fossa, "
                                           "producing lateral rotation of the extended hip.");
    CHECK(easy < 2.0);
    CHECK(hard > 12.0);
    CHECK(fleschKincaidGrade(TextCounts{}) == 0.0);
}

TEST_CASE("every plain text of a muscle and of its actions reads at grade 8 or below and names no "
          "anatomical sense") {
    const Content& content = test::projectContent();
    REQUIRE(content.muscles.size() >= 20);
    int texts = 0;
    for (const MuscleInfo& m : content.muscles) {
        CAPTURE(m.id);
        REQUIRE_FALSE(m.plain.empty());
        CHECK(fleschKincaidGrade(m.plain) <= 8.0);
        // The anatomical name once.
        CHECK(toLower(m.plain).find(toLower(m.name.substr(0, m.name.find(' ')))) !=
              std::string::npos);
        ++texts;
        for (const TextbookAction& a : m.actions) {
            CAPTURE(a.plain);
            REQUIRE_FALSE(a.plain.empty());
            CHECK(fleschKincaidGrade(a.plain) <= 8.0);
            // No Latin action words in plain texts.
            for (const char* latin : {"flex", "extens", "abduct", "adduct", "rotat", "lateral",
                                      "medial", "anterior", "posterior"})
                CHECK(a.plain.find(latin) == std::string::npos);
            ++texts;
        }
    }
    CHECK(texts > 70);
}
