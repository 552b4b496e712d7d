// The handout's layout and its PDF through cairo (the PDF surface writing into memory) and pango
// (text layout, DejaVu Sans). Two passes over the same cairo context: the first measures every
// part of every block with pango and assigns parts to pages, the second draws them (so the
// footer can say "page i of n").
#include "print/handout_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

namespace hv::print {

namespace {

constexpr double kMm = 72.0 / 25.4;      // pt per mm
constexpr double kMargin = 12.7 * kMm;   // page margin on every side (half an inch)
constexpr double kFooterRoom = 8.0 * kMm; // between the body and the bottom margin: the footer
constexpr double kPictureGap = 4.0 * kMm;
constexpr double kBlockGap = 5.0 * kMm;
constexpr const char* kFamily = "DejaVu Sans";

struct Rgb {
    double r, g, b;
};
constexpr Rgb kInk{0.10, 0.10, 0.12};
constexpr Rgb kAccent{0.05, 0.30, 0.55};
constexpr Rgb kMuted{0.40, 0.40, 0.44};
constexpr Rgb kRule{0.78, 0.78, 0.80};

void setColour(cairo_t* cr, Rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

using LayoutPtr = std::shared_ptr<PangoLayout>;

// Text laid out at `width` pt in `font` (a pango description without family, e.g. "Bold 15"),
// at 72 dpi so that pango's sizes are points on the page.
class TextMaker {
public:
    // A font map of its own (pango's default one is per thread and lives until the thread ends).
    explicit TextMaker(cairo_t* cr)
        : m_fontMap(pango_cairo_font_map_new()), m_context(pango_font_map_create_context(m_fontMap)) {
        pango_cairo_update_context(cr, m_context);
        pango_cairo_context_set_resolution(m_context, 72.0);
        cairo_font_options_t* fo = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
        pango_cairo_context_set_font_options(m_context, fo);
        cairo_font_options_destroy(fo);
    }
    ~TextMaker() {
        g_object_unref(m_context);
        g_object_unref(m_fontMap);
    }
    TextMaker(const TextMaker&) = delete;
    TextMaker& operator=(const TextMaker&) = delete;

    LayoutPtr make(std::string_view text, const std::string& style, double width,
                   PangoAlignment align = PANGO_ALIGN_LEFT) const {
        PangoLayout* layout = pango_layout_new(m_context);
        PangoFontDescription* fd = pango_font_description_from_string((std::string(kFamily) + " " + style).c_str());
        pango_layout_set_font_description(layout, fd);
        pango_font_description_free(fd);
        pango_layout_set_width(layout, pango_units_from_double(width));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout, align);
        pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
        return LayoutPtr(layout, [](PangoLayout* l) { g_object_unref(l); });
    }

private:
    PangoFontMap* m_fontMap;
    PangoContext* m_context;
};

double heightOf(const LayoutPtr& layout) {
    int w = 0, h = 0;
    pango_layout_get_size(layout.get(), &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

void show(cairo_t* cr, const LayoutPtr& layout, double x, double y, Rgb colour) {
    setColour(cr, colour);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout.get());
}

// A part of a block that is never split across pages: its height (with the space after it) and
// how to draw it with its top at y.
struct Piece {
    double height = 0.0;
    std::function<void(cairo_t*, double)> draw;
    double after = 0.0; // of `height`, the space after it (free to fall past the page's end)
};
using Block = std::vector<Piece>;

// A stack of texts, each with the space after it, as one piece.
struct TextStack {
    struct Item {
        LayoutPtr layout;
        Rgb colour;
        double after;
        double indent;
    };
    std::vector<Item> items;
    void add(LayoutPtr l, Rgb c, double after, double indent = 0.0) { items.push_back({std::move(l), c, after, indent}); }
    double height() const {
        double h = 0.0;
        for (const Item& i : items) h += heightOf(i.layout) + i.after;
        return h;
    }
    void draw(cairo_t* cr, double x, double y) const {
        for (const Item& i : items) {
            show(cr, i.layout, x + i.indent, y, i.colour);
            y += heightOf(i.layout) + i.after;
        }
    }
};

// Straight-alpha RGBA composited onto white paper, as an opaque image (so the PDF holds one image
// per picture and no soft mask).
cairo_surface_t* paperImage(const Picture& p) {
    if (p.width <= 0 || p.height <= 0 ||
        p.rgba.size() != static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height) * 4)
        return nullptr;
    cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, p.width, p.height);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        return nullptr;
    }
    cairo_surface_flush(img);
    unsigned char* data = cairo_image_surface_get_data(img);
    const int stride = cairo_image_surface_get_stride(img);
    for (int y = 0; y < p.height; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < p.width; ++x) {
            const std::uint8_t* s = &p.rgba[(static_cast<std::size_t>(y) * p.width + x) * 4];
            const unsigned a = s[3];
            const auto over = [a](unsigned c) { return (c * a + 255u * (255u - a) + 127u) / 255u; };
            row[x] = (over(s[0]) << 16) | (over(s[1]) << 8) | over(s[2]);
        }
    }
    cairo_surface_mark_dirty(img);
    return img;
}

void drawPicture(cairo_t* cr, const Picture& p, double x, double y, const PictureSlot& slot) {
    if (cairo_surface_t* img = paperImage(p)) {
        cairo_save(cr);
        cairo_translate(cr, x, y);
        cairo_scale(cr, slot.width / p.width, slot.height / p.height);
        cairo_set_source_surface(cr, img, 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
        cairo_paint(cr);
        cairo_restore(cr);
        cairo_surface_destroy(img);
    } else {
        setColour(cr, {0.93, 0.93, 0.94});
        cairo_rectangle(cr, x, y, slot.width, slot.height);
        cairo_fill(cr);
    }
    setColour(cr, kRule);
    cairo_set_line_width(cr, 0.5);
    cairo_rectangle(cr, x, y, slot.width, slot.height);
    cairo_stroke(cr);
}

void rule(cairo_t* cr, double x0, double x1, double y) {
    setColour(cr, kRule);
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, x0, y);
    cairo_line_to(cr, x1, y);
    cairo_stroke(cr);
}

class Layouter {
public:
    Layouter(cairo_t* cr, const Handout& h) : m_cr(cr), m_handout(h), m_text(cr), m_page(pageSize(h.paper)) {
        m_left = kMargin;
        m_width = m_page.width - 2.0 * kMargin;
    }

    std::vector<Block> blocks() const {
        std::vector<Block> out;
        out.push_back(header());
        for (const Exercise& e : m_handout.exercises) out.push_back(exercise(e));
        return out;
    }

    double top() const { return kMargin; }
    double bottom() const { return m_page.height - kMargin - kFooterRoom; }

    void footer(int page, int pages) const {
        const double y = m_page.height - kMargin - 3.0 * kMm;
        rule(m_cr, m_left, m_left + m_width, y - 2.0 * kMm);
        const LayoutPtr left = m_text.make(m_handout.title, "8", m_width * 0.7);
        show(m_cr, left, m_left, y, kMuted);
        const LayoutPtr right = m_text.make("Page " + std::to_string(page) + " of " + std::to_string(pages), "8",
                                            m_width, PANGO_ALIGN_RIGHT);
        show(m_cr, right, m_left, y, kMuted);
    }

private:
    cairo_t* m_cr;
    const Handout& m_handout;
    TextMaker m_text;
    PageSize m_page;
    double m_left = 0.0, m_width = 0.0;

    Block header() const {
        auto stack = std::make_shared<TextStack>();
        stack->add(m_text.make(m_handout.title, "Bold 20", m_width), kInk, 2.0 * kMm);
        if (!m_handout.client.empty()) stack->add(m_text.make("For " + m_handout.client, "11", m_width), kInk, 1.0 * kMm);
        if (!m_handout.date.empty()) stack->add(m_text.make(m_handout.date, "10", m_width), kMuted, 1.0 * kMm);
        const double h = stack->height() + 4.0 * kMm;
        const double x = m_left;
        // No rule of its own: the first exercise's rule, above its name, closes the header.
        return {Piece{h, [stack, x](cairo_t* cr, double y) { stack->draw(cr, x, y); }}};
    }

    Block exercise(const Exercise& e) const {
        Block block;
        const double x = m_left, w = m_width;
        auto head = std::make_shared<TextStack>();
        head->add(m_text.make(e.name, "Bold 15", w), kInk, 1.0 * kMm);
        if (!e.numbers.empty()) head->add(m_text.make(e.numbers, "Bold 18", w), kAccent, 0.5 * kMm);
        if (!e.details.empty()) head->add(m_text.make(e.details, "11", w), kInk, 0.0);
        const double headHeight = head->height() + 3.0 * kMm;

        // Picture rows.
        const int n = static_cast<int>(e.pictures.size());
        const PictureSlot slot = pictureSlot(m_handout.paper, std::max(1, n));
        std::vector<Piece> rows;
        for (int first = 0; first < n; first += slot.perRow) {
            const int count = std::min(slot.perRow, n - first);
            auto captions = std::make_shared<std::vector<LayoutPtr>>();
            double captionHeight = 0.0;
            for (int i = 0; i < count; ++i) {
                captions->push_back(m_text.make(e.pictures[first + i].caption, "8.5", slot.width, PANGO_ALIGN_CENTER));
                captionHeight = std::max(captionHeight, heightOf(captions->back()));
            }
            const Exercise* ex = &e;
            rows.push_back({slot.height + 1.5 * kMm + captionHeight + 3.0 * kMm,
                            [ex, first, count, slot, captions, x](cairo_t* cr, double y) {
                                for (int i = 0; i < count; ++i) {
                                    const double px = x + i * (slot.width + kPictureGap);
                                    drawPicture(cr, ex->pictures[first + i], px, y, slot);
                                    show(cr, (*captions)[i], px, y + slot.height + 1.5 * kMm, kMuted);
                                }
                            },
                            3.0 * kMm});
        }
        // The name and numbers stay with the first picture row.
        if (!rows.empty()) {
            Piece first = rows.front();
            block.push_back({headHeight + first.height, [head, first, headHeight, x, w](cairo_t* cr, double y) {
                                 rule(cr, x, x + w, y - 2.0 * kMm);
                                 head->draw(cr, x, y);
                                 first.draw(cr, y + headHeight);
                             },
                             first.after});
            block.insert(block.end(), rows.begin() + 1, rows.end());
        } else {
            block.push_back({headHeight, [head, x, w](cairo_t* cr, double y) {
                                 rule(cr, x, x + w, y - 2.0 * kMm);
                                 head->draw(cr, x, y);
                             }});
        }
        const auto textPiece = [&](std::shared_ptr<TextStack> s) {
            const double h = s->height() + 2.0 * kMm;
            block.push_back({h, [s, x](cairo_t* cr, double y) { s->draw(cr, x, y); }, 2.0 * kMm});
        };
        // The instructions on the left, the muscles on the right (side by side when both are
        // there, which keeps two exercises to a page).
        const bool columns = !e.instructions.empty() && !e.targets.empty();
        const double columnGap = 6.0 * kMm;
        const double leftWidth = columns ? (w - columnGap) * 0.6 : w;
        const double rightWidth = columns ? w - columnGap - leftWidth : w;
        std::shared_ptr<TextStack> how, targets;
        if (!e.instructions.empty()) {
            how = std::make_shared<TextStack>();
            how->add(m_text.make("How to do it", "Bold 10", leftWidth), kInk, 0.8 * kMm);
            how->add(m_text.make(e.instructions, "10", leftWidth), kInk, 0.0);
        }
        if (!e.targets.empty()) {
            targets = std::make_shared<TextStack>();
            targets->add(m_text.make("Muscles it lengthens most", "Bold 10", rightWidth), kInk, 0.8 * kMm);
            for (const std::string& t : e.targets)
                targets->add(m_text.make("\u2022 " + t, "10", rightWidth - 3.0 * kMm), kInk, 0.3 * kMm, 3.0 * kMm);
            targets->add(m_text.make("Length against standing, from the muscles' paths in the model", "7.5", rightWidth), kMuted,
                         0.0);
        }
        if (columns) {
            const double h = std::max(how->height(), targets->height()) + 2.0 * kMm;
            const double rightX = x + leftWidth + columnGap;
            block.push_back({h, [how, targets, x, rightX](cairo_t* cr, double y) {
                                 how->draw(cr, x, y);
                                 targets->draw(cr, rightX, y);
                             },
                             2.0 * kMm});
        } else if (how) {
            textPiece(how);
        } else if (targets) {
            textPiece(targets);
        }
        if (!e.note.empty()) {
            auto s = std::make_shared<TextStack>();
            s->add(m_text.make("Note: " + e.note, "Italic 10", w), kInk, 0.0);
            textPiece(s);
        }
        return block;
    }
};

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(closure);
    out->insert(out->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

PageSize pageSize(Paper paper) {
    if (paper == Paper::Letter) return {612.0, 792.0};
    return {210.0 * kMm, 297.0 * kMm};
}

const std::vector<std::string>& paperNames() {
    static const std::vector<std::string> names{"a4", "letter"};
    return names;
}

std::optional<Paper> paperFromName(std::string_view name) {
    if (name == "a4") return Paper::A4;
    if (name == "letter") return Paper::Letter;
    return std::nullopt;
}

PictureSlot pictureSlot(Paper paper, int count) {
    count = std::max(1, count);
    const double width = pageSize(paper).width - 2.0 * kMargin;
    const int rows = (count + 3) / 4;
    PictureSlot s;
    s.perRow = (count + rows - 1) / rows;
    // Four across fill the width; fewer keep the size of three across (a single picture is not
    // blown up to the page's width).
    const int columns = std::max(3, s.perRow);
    s.width = (width - (columns - 1) * kPictureGap) / columns;
    s.height = s.width * 0.75;
    return s;
}

PdfResult writeHandoutPdf(const Handout& handout) {
    PdfResult result;
    const PageSize page = pageSize(handout.paper);
    std::vector<std::uint8_t> bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(appendBytes, &bytes, page.width, page.height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, handout.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "HipView");
    cairo_t* cr = cairo_create(surface);
    {
        Layouter layout(cr, handout);
        const std::vector<Block> blocks = layout.blocks();
        // Pagination: (piece, top) per page.
        std::vector<std::vector<std::pair<const Piece*, double>>> pages(1);
        double y = layout.top();
        for (const Block& b : blocks) {
            double h = 0.0;
            for (const Piece& p : b) h += p.height;
            if (y > layout.top() && y + h - b.back().after > layout.bottom()) {
                pages.emplace_back();
                y = layout.top() + 2.0 * kMm;
            }
            for (const Piece& p : b) {
                if (y > layout.top() + 2.0 * kMm && y + p.height - p.after > layout.bottom()) {
                    pages.emplace_back();
                    y = layout.top() + 2.0 * kMm;
                }
                pages.back().push_back({&p, y});
                y += p.height;
            }
            y += kBlockGap;
        }
        const int n = static_cast<int>(pages.size());
        for (int i = 0; i < n; ++i) {
            for (const auto& [piece, top] : pages[i]) piece->draw(cr, top);
            layout.footer(i + 1, n);
            cairo_show_page(cr);
        }
        result.pages = n;
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        result.error = std::string("cairo could not write the PDF: ") + cairo_status_to_string(status);
        result.pages = 0;
        return result;
    }
    result.bytes = std::move(bytes);
    return result;
}

} // namespace hv::print
