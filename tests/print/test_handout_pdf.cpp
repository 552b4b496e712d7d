// The handout PDF without any rendering: synthetic pictures, then the file read back with
// poppler-utils (page size, embedded fonts, text, one image per picture, rows kept on one page).
#include "print/handout_pdf.hpp"

#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>

using hv::test::runProcess;
namespace print = hv::print;

namespace {

bool popplerInstalled() { return runProcess("pdfinfo -v > /dev/null 2>&1").exitCode == 0; }

// A picture of one flat colour with a caption.
print::Picture picture(int w, int h, std::uint8_t grey, std::string caption) {
    print::Picture p;
    p.width = w;
    p.height = h;
    p.rgba.assign(static_cast<std::size_t>(w) * h * 4, grey);
    for (std::size_t i = 3; i < p.rgba.size(); i += 4) p.rgba[i] = 255;
    p.caption = std::move(caption);
    return p;
}

print::Exercise exercise(const std::string& name, int pictures) {
    print::Exercise e;
    e.name = name;
    e.numbers = "3 sets \u00d7 12 repetitions";
    e.details = "Hold 20 s";
    for (int i = 0; i < pictures; ++i)
        e.pictures.push_back(picture(120, 90, static_cast<std::uint8_t>(40 + 20 * i), "Position " + std::to_string(i + 1)));
    e.instructions = "Lie on the back and breathe out slowly.";
    e.targets = {"Piriformis: 12% longer than in standing"};
    e.note = "Stop if it hurts.";
    return e;
}

std::filesystem::path writePdf(const hv::test::TempDir& dir, const print::Handout& h, const std::string& name) {
    const print::PdfResult r = print::writeHandoutPdf(h);
    REQUIRE(r.error.empty());
    REQUIRE(r.bytes.size() > 100);
    CHECK(std::string(r.bytes.begin(), r.bytes.begin() + 5) == "%PDF-");
    const auto path = dir.path() / name;
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(r.bytes.data()),
                                                static_cast<std::streamsize>(r.bytes.size()));
    return path;
}

// pdfimages -list: the page of each image, in order.
std::vector<int> imagePages(const std::filesystem::path& pdf) {
    const auto r = runProcess("pdfimages -list " + pdf.string() + " 2>&1");
    std::vector<int> pages;
    std::istringstream in(r.out);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        int page = 0, num = 0;
        std::string type;
        if (words >> page >> num >> type && type == "image") pages.push_back(page);
    }
    return pages;
}

} // namespace

TEST_CASE("pictures stand up to four in a row and five or more make balanced rows") {
    CHECK(print::pictureSlot(print::Paper::A4, 1).perRow == 1);
    CHECK(print::pictureSlot(print::Paper::A4, 3).perRow == 3);
    CHECK(print::pictureSlot(print::Paper::A4, 4).perRow == 4);
    CHECK(print::pictureSlot(print::Paper::A4, 5).perRow == 3);
    CHECK(print::pictureSlot(print::Paper::A4, 8).perRow == 4);
    // Fewer than four keep the size of three across: a lone picture is not page-wide.
    const auto one = print::pictureSlot(print::Paper::A4, 1), three = print::pictureSlot(print::Paper::A4, 3),
               four = print::pictureSlot(print::Paper::A4, 4);
    CHECK(one.width == doctest::Approx(three.width));
    CHECK(four.width < three.width);
    CHECK(three.height == doctest::Approx(three.width * 0.75));
    // Three across on A4 (210 mm less two half-inch margins: 184.6 mm, two 4 mm gaps) print at
    // (184.6 - 8) / 3 = 58.9 mm.
    CHECK(three.width / 72.0 * 25.4 == doctest::Approx(58.87).epsilon(0.005));
}

TEST_CASE("paper names are a4 and letter and nothing else") {
    CHECK(print::paperFromName("a4") == print::Paper::A4);
    CHECK(print::paperFromName("letter") == print::Paper::Letter);
    CHECK_FALSE(print::paperFromName("A5").has_value());
    CHECK(print::pageSize(print::Paper::Letter).width == doctest::Approx(612.0));
    CHECK(print::pageSize(print::Paper::A4).height == doctest::Approx(841.89).epsilon(1e-4));
}

TEST_CASE("a handout on letter paper has letter pages with embedded fonts and searchable text") {
    hv::test::TempDir dir;
    print::Handout h;
    h.title = "Back care";
    h.client = "Sam Example";
    h.date = "6 December 2026";
    h.paper = print::Paper::Letter;
    h.exercises = {exercise("Figure-4 stretch", 3)};
    const auto pdf = writePdf(dir, h, "letter.pdf");
    if (!popplerInstalled()) {
        MESSAGE("poppler-utils are not installed: the PDF is not read back");
        return;
    }
    const auto info = runProcess("pdfinfo " + pdf.string() + " 2>&1");
    INFO(info.out);
    CHECK(info.out.find("612 x 792 pts (letter)") != std::string::npos);
    const auto title = info.out.find("Title:");
    REQUIRE(title != std::string::npos);
    CHECK(info.out.substr(title, info.out.find('\n', title) - title).find("Back care") != std::string::npos);

    // Every font is embedded (the "emb" column of pdffonts), and there is at least one.
    const auto fonts = runProcess("pdffonts " + pdf.string() + " 2>&1");
    INFO(fonts.out);
    std::istringstream in(fonts.out);
    std::string line;
    int listed = 0;
    while (std::getline(in, line)) {
        if (line.find("DejaVu") == std::string::npos) continue;
        ++listed;
        CHECK(line.find(" yes ") != std::string::npos);
        CHECK(line.find(" no ") == std::string::npos);
    }
    CHECK(listed >= 2);

    const auto text = runProcess("pdftotext -layout " + pdf.string() + " - 2>&1");
    INFO(text.out);
    for (const char* s : {"Back care", "For Sam Example", "6 December 2026", "Figure-4 stretch", "3 sets \u00d7 12 repetitions",
                          "Hold 20 s", "Position 2", "Piriformis: 12% longer", "Note: Stop if it hurts.", "Page 1 of 1"})
        CHECK_MESSAGE(text.out.find(s) != std::string::npos, s);
    CHECK(imagePages(pdf).size() == 3);
}

TEST_CASE("a long handout breaks between exercises never inside a picture row and numbers every page") {
    hv::test::TempDir dir;
    print::Handout h;
    for (int i = 0; i < 9; ++i) h.exercises.push_back(exercise("Exercise " + std::to_string(i + 1), 8));
    const print::PdfResult r = print::writeHandoutPdf(h);
    REQUIRE(r.pages > 2);
    const auto pdf = writePdf(dir, h, "long.pdf");
    if (!popplerInstalled()) {
        MESSAGE("poppler-utils are not installed: the PDF is not read back");
        return;
    }
    const auto pages = imagePages(pdf);
    REQUIRE(pages.size() == 9 * 8);
    // Eight pictures make two rows of four: each row's four images lie on one page, and an
    // exercise's name is on the page of its first row.
    for (std::size_t row = 0; row < pages.size() / 4; ++row)
        for (std::size_t i = 1; i < 4; ++i) CHECK(pages[row * 4 + i] == pages[row * 4]);
    for (int p = 1; p <= r.pages; ++p) {
        const auto text = runProcess("pdftotext -f " + std::to_string(p) + " -l " + std::to_string(p) + " " +
                                     pdf.string() + " - 2>&1");
        CHECK(text.out.find("Page " + std::to_string(p) + " of " + std::to_string(r.pages)) != std::string::npos);
        for (int e = 0; e < 9; ++e)
            if (pages[static_cast<std::size_t>(e) * 8] == p)
                CHECK(text.out.find("Exercise " + std::to_string(e + 1) + "\n") != std::string::npos);
    }
}

TEST_CASE("a picture whose buffer is the wrong size prints as an empty frame instead of failing") {
    print::Handout h;
    print::Exercise e = exercise("Bridge", 1);
    e.pictures[0].rgba.resize(10);
    h.exercises = {e};
    const print::PdfResult r = print::writeHandoutPdf(h);
    CHECK(r.error.empty());
    CHECK(r.pages == 1);
    CHECK_FALSE(r.bytes.empty());
}
