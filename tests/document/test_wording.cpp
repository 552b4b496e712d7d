// The wording switch: the document holds anatomical or plain words, and each panel's text follows.
#include "document/wording.hpp"

#include "document/document.hpp"
#include "document/document_fixture.hpp"
#include "document/start_state.hpp"

using namespace hv;
using namespace hv::doc;
using hv::test::has;

namespace {
std::vector<PartActions> piriformisAt(double flexionDeg) {
    const Model& m = test::uiContent().model;
    std::vector<double> q = m.defaultPose();
    q[static_cast<std::size_t>(test::coord("hip_flexion_r"))] = toRadians(flexionDeg);
    PathEvaluator eval(m);
    eval.setPose(q);
    return liveActions(m, eval, m.findMuscle("piriformis", Side::Right));
}
} // namespace

TEST_CASE("wording names read back and an unknown one is refused") {
    for (const std::string& n : wordingNames()) {
        const auto w = wordingFromName(n);
        REQUIRE(w);
        CHECK(wordingName(*w) == n);
    }
    CHECK_FALSE(wordingFromName("simple"));
    CHECK(wordingNames().size() == 2);
}

TEST_CASE("piriformis' rotation bar says external rotator or turns your thigh out and flips in "
          "both wordings") {
    const Content& c = test::uiContent();
    const auto neutral = piriformisAt(0), flexed = piriformisAt(90);
    const ActionBar& r0 = neutral.at(0).bars[2];
    const ActionBar& r90 = flexed.at(0).bars[2];
    CHECK(barWord(c, r0, Wording::Anatomical) == "external rotator");
    CHECK(barWord(c, r90, Wording::Anatomical) == "internal rotator");
    CHECK(barWord(c, r0, Wording::Plain) == "turns your thigh out");
    CHECK(barWord(c, r90, Wording::Plain) == "turns your thigh in");
    // Every plain bar word of every muscle is a coordinate's plain words or the no-pull words,
    // never an anatomical term.
    for (const ActionBar& b : neutral.at(0).bars) {
        const std::string w = barWord(c, b, Wording::Plain);
        CHECK(w.find("rotator") == std::string::npos);
        CHECK(w.find("ductor") == std::string::npos);
        CHECK(w.find("flexor") == std::string::npos);
    }
    ActionBar none = r0;
    none.action = Action::None;
    CHECK(barWord(c, none, Wording::Plain) == "no clear pull");
    CHECK(dofTitle(HipDof::Rotation, Wording::Anatomical) == "rotation");
    CHECK(dofTitle(HipDof::Rotation, Wording::Plain) == "turning");
}

TEST_CASE(
    "the info card and the movement explanation take the content's plain texts in plain words") {
    const Content& c = test::uiContent();
    const MuscleInfo* piri = c.findMuscleInfo("piriformis");
    REQUIRE(piri);
    CHECK(muscleText(*piri, Wording::Anatomical) == piri->summary);
    CHECK(muscleText(*piri, Wording::Plain) == piri->plain);
    CHECK(muscleText(*piri, Wording::Plain) != piri->summary);
    const TextbookAction& a = piri->actions.at(0);
    CHECK(actionText(a, Wording::Plain) == a.plain);
    CHECK(actionText(a, Wording::Anatomical) == a.text);
    CHECK(actionHeading(a, Wording::Anatomical).find(a.sense) == 0);
    CHECK(actionHeading(a, Wording::Plain).empty());
    const movement::Movement* fig4 = test::uiMovements().find("figure-4");
    REQUIRE(fig4);
    CHECK(movementText(*fig4, Wording::Plain) == fig4->plain);
    CHECK(movementText(*fig4, Wording::Anatomical) == fig4->summary);
}

TEST_CASE("a crossover reads as flexor to extensor or in the coordinate's plain words") {
    const Content& c = test::uiContent();
    const Crossover x{61.0, Action::ExternalRotator, Action::InternalRotator};
    CHECK(crossoverText(c, HipDof::Rotation, x, Wording::Anatomical) ==
          "At 61.0 deg of hip flexion it turns from external rotator to internal rotator.");
    const std::string plain = crossoverText(c, HipDof::Rotation, x, Wording::Plain);
    CHECK(has(plain, "past about 61 degrees"));
    CHECK(has(plain, "Before, it turns your thigh out."));
    CHECK(has(plain, "After, it turns your thigh in."));
    CHECK(actionWord(c, HipDof::Flexion, Action::Extensor, Wording::Plain) ==
          "takes your thigh back");
    CHECK(actionWord(c, HipDof::Flexion, Action::Extensor, Wording::Anatomical) == "extensor");
}

TEST_CASE("a coordinate's sense reads in its plain words and unknown senses stay as given") {
    const Content& c = test::uiContent();
    CHECK(senseWords(c, "hip_rotation", "external rotation", Wording::Plain) == "turns your thigh out");
    CHECK(senseWords(c, "hip_flexion_l", "flexion", Wording::Plain) == "lifts your thigh forward");
    CHECK(senseWords(c, "hip_flexion", "flexion", Wording::Anatomical) == "flexion");
    CHECK(senseWords(c, "hip_flexion", "sideways", Wording::Plain) == "sideways");
    CHECK(senseWords(c, "pelvis_tilt", "anterior tilt", Wording::Plain) == "anterior tilt");
}

TEST_CASE("the document starts in anatomical words and --wording plain or a wrong wording is read "
          "by the start state") {
    Document doc(test::uiContent(), &test::uiMovements(), "");
    CHECK(doc.wording == Wording::Anatomical);
    StartOptions o;
    o.wording = "plain";
    std::vector<std::string> errors;
    const auto s = resolveStartState(test::uiContent(), &test::uiMovements(), o, errors);
    REQUIRE(s);
    CHECK(s->wording == Wording::Plain);
    CHECK(resolveStartState(test::uiContent(), &test::uiMovements(), StartOptions{}, errors)
              ->wording == Wording::Anatomical);
    o.wording = "plian";
    CHECK_FALSE(resolveStartState(test::uiContent(), &test::uiMovements(), o, errors));
    REQUIRE(errors.size() == 1);
    INFO(errors[0]);
    CHECK(has(errors[0], "--wording: unknown wording \"plian\""));
    CHECK(has(errors[0], "valid: anatomical, plain"));
}

TEST_CASE("a pelvic bar reads as tips the pelvis forward with its size or in plain words without the number") {
    const PelvicBar forward{PelvisDof::Tilt, 23.4, "tips forward"};
    CHECK(pelvicBarWord(forward, Wording::Anatomical) == "tips forward");
    CHECK(pelvicBarSentence(forward, Wording::Anatomical) == "Tips the pelvis forward 23 mm");
    CHECK(pelvicBarSentence(forward, Wording::Plain) == "Tips your pelvis forward");
    const PelvicBar back{PelvisDof::Tilt, -31.0, "tips back"};
    CHECK(pelvicBarSentence(back, Wording::Anatomical) == "Tips the pelvis back 31 mm");
    CHECK(pelvicBarWord(back, Wording::Plain) == "tucks your pelvis under");
    const PelvicBar hike{PelvisDof::Obliquity, -12.0, "hikes right"};
    CHECK(pelvicBarSentence(hike, Wording::Anatomical) == "Hikes the pelvis on the right 12 mm");
    CHECK(pelvicBarWord(hike, Wording::Plain) == "hitches your right hip up");
    CHECK(pelvicBarWord(hike, Wording::Anatomical) == "hikes right");
    const PelvicBar none{PelvisDof::Tilt, 0.4, "none"};
    CHECK(pelvicBarSentence(none, Wording::Anatomical) == "None");
    CHECK(pelvicBarWord(none, Wording::Plain) == "no clear pull");
    CHECK(pelvicDofTitle(PelvisDof::Tilt, Wording::Anatomical) == "pelvic tilt");
    CHECK(pelvicDofTitle(PelvisDof::Obliquity, Wording::Plain) == "pelvis side");
}

TEST_CASE("the lumbar bars read plainly in plain words and the caption names the levels summed over") {
    for (const char* role : {"flexor", "extensor", "right bender", "left bender", "left rotator", "right rotator"}) {
        LumbarBar b;
        b.role = role;
        const std::string plain = lumbarBarWord(b, Wording::Plain), anat = lumbarBarWord(b, Wording::Anatomical);
        INFO(role);
        CHECK(plain.find("your") != std::string::npos);
        CHECK(plain.find("flex") == std::string::npos);
        CHECK(plain.find("extend") == std::string::npos);
        CHECK(plain.find("lumbar") == std::string::npos);
        CHECK(plain.find("trunk") == std::string::npos);
        CHECK(anat != plain);
    }
    LumbarBar none;
    none.role = "none";
    CHECK(lumbarBarWord(none, Wording::Plain) == "no clear pull");
    CHECK(lumbarBarWord(none, Wording::Anatomical) == "none");
    CHECK(lumbarDofTitle(LumbarDof::Bending, Wording::Anatomical) == "side bending");
    CHECK(lumbarDofTitle(LumbarDof::Bending, Wording::Plain) == "side to side");
    PartLumbarActions part;
    part.lowestLevel = 0;
    part.highestLevel = 4;
    CHECK(lumbarBarsCaption(part, Wording::Anatomical) == "summed over L5-S1 to L1-L2");
    CHECK(lumbarBarsCaption(part, Wording::Plain) == "on your low back, L5-S1 to L1-L2");
    part.name = "iliocostal fibres";
    CHECK(lumbarBarsCaption(part, Wording::Anatomical) == "iliocostal fibres: summed over L5-S1 to L1-L2");
    part.highestLevel = 1;
    part.lowestLevel = 1;
    CHECK(levelSpan(part) == "L4-L5");
}
