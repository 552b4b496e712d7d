// hipview handout: a two-exercise programme rendered at a low resolution (llvmpipe is slow) and
// read back with poppler-utils: the exercise names, sets and repetitions, one image per key
// position, the paper size, embedded fonts; and bad programmes or outputs give one message per
// problem with file, line and field, a non-zero exit and no file.
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

using hv::test::hipview;
using hv::test::runProcess;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

void writeText(const std::filesystem::path& p, const std::string& text) { std::ofstream(p) << text; }

bool popplerInstalled() { return runProcess("pdfinfo -v > /dev/null 2>&1").exitCode == 0; }

// Figure-4 has four labelled keys, of which "Let go" returns to the pose of "Right ankle across
// the left knee": three key positions. The bridge's "Lower slowly" returns to its first key: two.
const char* kProgramme = R"(schema = "hipview-programme 1"
title = "Test routine"
client = "Alex Client"

[[exercise]]
movement = "figure-4"
sets = 2
repetitions = 1
hold = 45
side = "right"
note = "Breathe out slowly."

[[exercise]]
movement = "bridge"
sets = 3
repetitions = 12
)";

int countImages(const std::string& pdfimagesList) {
    std::istringstream in(pdfimagesList);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        int page = 0, num = 0;
        std::string type;
        if (words >> page >> num >> type && type == "image") ++n;
    }
    return n;
}

} // namespace

TEST_CASE("a two-exercise handout has the exercise names with their numbers and one image per key position") {
    hv::test::TempDir dir;
    writeText(dir / "p.toml", kProgramme);
    const auto out = dir / "handout.pdf";
    const auto r = runProcess(hipview() + " handout " + (dir / "p.toml").string() + " -o " + out.string() +
                              " --dpi 100 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    REQUIRE(std::filesystem::file_size(out) > 1000);
    if (!popplerInstalled()) {
        MESSAGE("poppler-utils are not installed: the PDF is not read back");
        return;
    }
    const auto text = runProcess("pdftotext " + out.string() + " - 2>&1");
    INFO(text.out);
    for (const char* s : {"Test routine", "For Alex Client", "Figure-4 stretch", "2 sets \u00d7 1 repetition", "Hold 45 s",
                          "Right side", "Bridge", "3 sets \u00d7 12 repetitions", "Right ankle across the left knee",
                          "Lift the hips", "Note: Breathe out slowly.", "Muscles it lengthens most", "Page 1 of"})
        CHECK_MESSAGE(contains(text.out, s), s);
    CHECK_FALSE(contains(text.out, "Let go")); // the repeated pose is shown once
    // The instructions are the movement's plain-language text.
    CHECK(contains(text.out, "You lie on your back. Your right ankle rests"));

    const auto images = runProcess("pdfimages -list " + out.string() + " 2>&1");
    INFO(images.out);
    CHECK(countImages(images.out) == 3 + 2);
    // At --dpi 100 every picture is embedded at 100 pixels per inch of its printed size.
    CHECK(contains(images.out, "  100   100 "));

    const auto info = runProcess("pdfinfo " + out.string() + " 2>&1");
    CHECK(contains(info.out, "(A4)"));
    const auto fonts = runProcess("pdffonts " + out.string() + " 2>&1");
    INFO(fonts.out);
    CHECK(contains(fonts.out, "DejaVuSans"));
    CHECK_FALSE(contains(fonts.out, " no  ")); // every font embedded (the emb column)
}

TEST_CASE("the paper option gives US Letter pages and wins over the programme") {
    hv::test::TempDir dir;
    writeText(dir / "p.toml", "schema = \"hipview-programme 1\"\npaper = \"a4\"\n[[exercise]]\nmovement = \"bridge\"\n"
                              "sets = 1\nrepetitions = 5\n");
    const auto out = dir / "letter.pdf";
    const auto r = runProcess(hipview() + " handout " + (dir / "p.toml").string() + " -o " + out.string() +
                              " --paper letter --dpi 72 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    if (!popplerInstalled()) {
        MESSAGE("poppler-utils are not installed: the PDF is not read back");
        return;
    }
    const auto info = runProcess("pdfinfo " + out.string() + " 2>&1");
    INFO(info.out);
    CHECK(contains(info.out, "612 x 792 pts (letter)"));
}

TEST_CASE("a bad programme gives one message per problem with file line and field and writes nothing") {
    hv::test::TempDir dir;
    const auto programme = dir / "bad.toml";
    writeText(programme, "schema = \"hipview-programme 1\"\n"
                         "[[exercise]]\n"
                         "movement = \"figure4\"\n"
                         "sets = -3\n"
                         "repetitions = 10\n"
                         "[[exercise]]\n"
                         "movement = \"bridge\"\n"
                         "sets = 2\n"
                         "repetitions = 10\n"
                         "sidee = \"left\"\n");
    const auto out = dir / "x.pdf";
    const auto r = runProcess(hipview() + " handout " + programme.string() + " -o " + out.string() + " 2>&1");
    INFO(r.out);
    CHECK(r.exitCode == 1);
    const std::string file = programme.string();
    CHECK(contains(r.out, file + ":3:12: exercise[1].movement: unknown movement \"figure4\" (did you mean \"figure-4\"?)"));
    CHECK(contains(r.out, "valid movements: flexion, "));
    CHECK(contains(r.out, file + ":4:8: exercise[1].sets: out of range: -3"));
    CHECK(contains(r.out, file + ":10:9: exercise[2].sidee: unknown field (did you mean \"side\"?)"));
    CHECK_FALSE(std::filesystem::exists(out));
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("a missing programme an unwritable output and a wrong command line fail without a file") {
    hv::test::TempDir dir;
    const auto missing = runProcess(hipview() + " handout " + (dir / "nope.toml").string() + " -o " +
                                    (dir / "x.pdf").string() + " 2>&1");
    CHECK(missing.exitCode == 1);
    CHECK(contains(missing.out, "nope.toml: file not found"));

    writeText(dir / "p.toml", kProgramme);
    const auto noFolder = runProcess(hipview() + " handout " + (dir / "p.toml").string() + " -o " +
                                     (dir / "no-such-folder" / "x.pdf").string() + " 2>&1");
    CHECK(noFolder.exitCode == 1);
    CHECK(contains(noFolder.out, "x.pdf: cannot write the handout: the folder"));

    // An output that is a folder: nothing is written, nothing left beside it.
    std::filesystem::create_directory(dir / "taken.pdf");
    writeText(dir / "one.toml", "schema = \"hipview-programme 1\"\n[[exercise]]\nmovement = \"bridge\"\nsets = 1\n"
                                "repetitions = 5\n");
    const auto folder = runProcess(hipview() + " handout " + (dir / "one.toml").string() + " -o " +
                                   (dir / "taken.pdf").string() + " --dpi 72 2>&1");
    CHECK(folder.exitCode == 1);
    CHECK(contains(folder.out, "taken.pdf: it is a folder, not a file"));
    CHECK(std::filesystem::is_empty(dir / "taken.pdf"));
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == 3);

    // A read-only folder: everything is rendered, then the atomic write fails and leaves nothing.
    std::filesystem::create_directory(dir / "ro");
    std::filesystem::permissions(dir / "ro", std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    if (::access((dir / "ro").c_str(), W_OK) == 0) {
        MESSAGE("running as a user who can write into read-only folders: that case is not checked");
    } else {
        const auto ro = runProcess(hipview() + " handout " + (dir / "one.toml").string() + " -o " +
                                   (dir / "ro" / "x.pdf").string() + " --dpi 72 2>&1");
        CHECK(ro.exitCode == 1);
        CHECK(contains(ro.out, "cannot create a temporary file"));
        CHECK(std::filesystem::is_empty(dir / "ro"));
    }

    const auto paper = runProcess(hipview() + " handout " + (dir / "p.toml").string() + " -o " +
                                  (dir / "x.pdf").string() + " --paper a5 2>&1");
    CHECK(paper.exitCode == 2);
    CHECK(contains(paper.out, "--paper \"a5\": expected one of a4, letter"));
    const auto ext = runProcess(hipview() + " handout " + (dir / "p.toml").string() + " -o " + (dir / "x.png").string() + " 2>&1");
    CHECK(ext.exitCode == 2);
    CHECK(contains(ext.out, "the name must end in .pdf"));
    CHECK_FALSE(std::filesystem::exists(dir / "x.pdf"));
}
