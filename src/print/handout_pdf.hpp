// A printed exercise handout as a PDF, the layout a client gets from Physitrack or PhysioTools:
// a header (title, client, date), then one block per exercise with its name, the numbers in
// large type, the pictures side by side with their captions, the instructions, the target
// muscles and a note; page numbers in the footer. The one boundary with cairo and pango (this
// library's .cpp files are the only ones that include them): text is real text (selectable,
// searchable) in DejaVu Sans, whose used glyphs cairo embeds as font subsets; pictures are
// embedded at their own pixel size. GL-free: pictures come in as RGBA pixel buffers.
//
// Units: lengths on the page in PostScript points (1/72 inch), from the page's top left corner.
// Pagination: a block that does not fit on what is left of a page starts the next page; a block
// taller than a whole page breaks between its parts (the name and numbers stay with the first
// picture row), never inside a picture row.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hv::print {

enum class Paper : unsigned char { A4, Letter };

struct PageSize {
    double width = 0.0, height = 0.0; // pt
};
PageSize pageSize(Paper paper);     // A4: 595.28 x 841.89 pt (210 x 297 mm); Letter: 612 x 792 pt
const std::vector<std::string>& paperNames(); // "a4", "letter"
std::optional<Paper> paperFromName(std::string_view name);

// One picture: sRGB RGBA8 pixels, straight alpha, rows from the top (width * height * 4 bytes),
// with its caption under it. Transparent pixels print as white paper.
struct Picture {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;
    std::string caption;
};

struct Exercise {
    std::string name;                 // "Figure-4 stretch"
    std::string numbers;              // in large type: "3 sets x 10 repetitions"
    std::string details;              // under the numbers: "Hold 30 s, right side"
    std::vector<Picture> pictures;    // side by side, in rows
    std::string instructions;         // a paragraph
    std::vector<std::string> targets; // one line each: "Piriformis: 12% longer"
    std::string note;                 // the trainer's note; may be empty
};

struct Handout {
    std::string title = "Exercise programme";
    std::string client; // "" = no client line
    std::string date;   // "" = no date
    Paper paper = Paper::A4;
    std::vector<Exercise> exercises;
};

// The printed size of every picture of an exercise with `count` pictures (>= 1), and how many
// stand in one row: up to four side by side (five and more make balanced rows), 4:3 landscape.
// A caller renders each picture at width * dpi / 72 pixels to print it at `dpi`.
struct PictureSlot {
    double width = 0.0, height = 0.0; // pt
    int perRow = 1;
};
PictureSlot pictureSlot(Paper paper, int count);

struct PdfResult {
    std::vector<std::uint8_t> bytes; // the whole PDF; empty on failure
    int pages = 0;
    std::string error;               // cairo's reason when bytes is empty
};
// Lays out and writes the handout into memory (nothing touches the disk). A picture whose
// buffer does not hold width * height * 4 bytes is drawn as an empty grey frame.
PdfResult writeHandoutPdf(const Handout& handout);

} // namespace hv::print
