// `hipview quiz FILE --export moodle -o BANK.xml`: the question bank read back by a real XML
// parser (libxml2), every embedded figure decoded from base64 and as a PNG (libpng) of the asked
// size with something drawn on it, and the command's bad input answered with a message naming the
// file or option and a non-zero exit.
#include "support/moodle_reader.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <png.h>

#include <filesystem>
#include <fstream>
#include <set>

using hv::test::hipview;
using hv::test::runProcess;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

struct Decoded {
    bool ok = false;
    int width = 0, height = 0;
    int drawn = 0; // pixels that are not the white background
};

Decoded decodePng(const std::vector<std::uint8_t>& bytes) {
    Decoded d;
    png_image img{};
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&img, bytes.data(), bytes.size())) return d;
    img.format = PNG_FORMAT_RGBA;
    std::vector<std::uint8_t> rgba(PNG_IMAGE_SIZE(img));
    if (!png_image_finish_read(&img, nullptr, rgba.data(), 0, nullptr)) {
        png_image_free(&img);
        return d;
    }
    d.ok = true;
    d.width = static_cast<int>(img.width);
    d.height = static_cast<int>(img.height);
    for (std::size_t i = 0; i + 3 < rgba.size(); i += 4)
        d.drawn += rgba[i] < 240 || rgba[i + 1] < 240 || rgba[i + 2] < 240;
    return d;
}

} // namespace

TEST_CASE("a generated quiz of all six kinds exports as a Moodle bank whose every figure is a PNG of the asked size") {
    hv::test::TempDir dir;
    const std::string quiz = (dir / "mixed.toml").string(), bank = (dir / "bank.xml").string();
    REQUIRE(runProcess(hipview() + " quiz --generate 12 --seed 3 -o " + quiz + " 2>&1").exitCode == 0);
    const auto r = runProcess(hipview() + " quiz " + quiz + " --export moodle --size 320x180 -o " + bank + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.out, "wrote " + bank + ": 12 questions"));
    const hv::test::MoodleBank b = hv::test::readMoodleXml(bank);
    REQUIRE(b.parsed);
    CHECK(b.rootName == "quiz");
    REQUIRE(b.questions.size() == 13);
    CHECK(b.questions[0].type == "category");
    std::set<std::string> types, names;
    for (std::size_t i = 1; i < b.questions.size(); ++i) {
        const hv::test::MoodleQuestion& q = b.questions[i];
        CAPTURE(q.name);
        types.insert(q.type);
        names.insert(q.name);
        REQUIRE(q.files.size() == 1);
        const hv::test::MoodleFile& f = q.files[0];
        CHECK(f.encoding == "base64");
        REQUIRE(f.validBase64);
        CHECK(contains(q.questionText, "src=\"@@PLUGINFILE@@/" + f.name + "\""));
        const Decoded png = decodePng(f.bytes);
        REQUIRE(png.ok);
        CHECK(png.width == 320);
        CHECK(png.height == 180);
        CHECK(png.drawn > 320 * 180 / 50); // the anatomy is drawn, not a blank picture
        CHECK_FALSE(q.answers.empty());
    }
    CHECK(names.size() == 12); // every question has its own name
    CHECK(types == std::set<std::string>{"multichoice", "numerical"}); // the generator offers choices for names
}

TEST_CASE("the shipped names quiz exports its find-it questions as lettered-pin figures and typed names as short answers") {
    hv::test::TempDir dir;
    const std::string bank = (dir / "names.xml").string();
    const auto r = runProcess(hipview() + " quiz " HV_SOURCE_DIR "/content/quizzes/names.toml --export moodle --size 480x270 -o " +
                              bank + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    const hv::test::MoodleBank b = hv::test::readMoodleXml(bank);
    REQUIRE(b.questions.size() == 6);
    CHECK(b.questions[2].type == "shortanswer");
    const hv::test::MoodleQuestion& find = b.questions[4];
    CHECK(find.type == "multichoice");
    REQUIRE(find.answers.size() == 4);
    int right = 0;
    for (const auto& a : find.answers) right += a.fraction == "100";
    CHECK(right == 1);
    CHECK(contains(find.questionText, "muscles pinned with the letters A to D"));
    for (std::size_t i = 1; i < b.questions.size(); ++i) CHECK(decodePng(b.questions[i].files.at(0).bytes).ok);
}

TEST_CASE("bad export requests get a message naming the option or file and a non-zero exit and write nothing") {
    hv::test::TempDir dir;
    const std::string quiz = HV_SOURCE_DIR "/content/quizzes/roles.toml";
    auto r = runProcess(hipview() + " quiz " + quiz + " --export pdf -o " + (dir / "a.xml").string() + " 2>&1");
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "--export \"pdf\""));
    r = runProcess(hipview() + " quiz " + quiz + " --export moodle 2>&1");
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "needs -o"));
    r = runProcess(hipview() + " quiz " + quiz + " --export moodle --size big -o " + (dir / "a.xml").string() + " 2>&1");
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "--size \"big\""));
    r = runProcess(hipview() + " quiz --generate 3 --export moodle -o " + (dir / "a.xml").string() + " 2>&1");
    CHECK(r.exitCode == 2);
    CHECK_FALSE(std::filesystem::exists(dir / "a.xml"));

    // An unwritable place: the message names it.
    const std::string nowhere = (dir / "missing" / "bank.xml").string();
    r = runProcess(hipview() + " quiz " + quiz + " --export moodle --size 160x90 -o " + nowhere + " 2>&1");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, (dir / "missing").string()));

    // A quiz with a key the geometry disagrees with is not exported: file, line and the computed value.
    const std::string bad = (dir / "bad.toml").string();
    std::ofstream(bad) << "title = \"Bad\"\ntopic = \"roles\"\n\n[[question]]\nkind = \"what_does_it_do\"\n"
                          "prompt = \"Standing, which way does piriformis turn the thigh?\"\nmuscle = \"piriformis\"\n"
                          "dof = \"hip_rotation\"\nview = \"posterior\"\nkey = \"internal rotator\"\n";
    r = runProcess(hipview() + " quiz " + bad + " --export moodle -o " + (dir / "b.xml").string() + " 2>&1");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, bad + ":10"));
    CHECK(contains(r.out, "external"));
    CHECK_FALSE(std::filesystem::exists(dir / "b.xml"));
}
