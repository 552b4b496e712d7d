#include "app/programme.hpp"

#include "anatomy_draw/standard_view.hpp"
#include "content/toml_schema.hpp"
#include "print/handout_pdf.hpp"

#include <cmath>

namespace hv::cli {

namespace {

using schema::Need;

// A whole number in [min, max] at `key`, or nullopt with one message.
std::optional<int> wholeNumber(schema::TableReader& t, std::string_view key, Need need, int min, int max) {
    const auto v = t.number(key, need, {static_cast<double>(min), static_cast<double>(max)});
    if (!v) return std::nullopt;
    if (std::floor(*v) != *v) {
        t.error(key, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max));
        return std::nullopt;
    }
    return static_cast<int>(*v);
}

ProgrammeLoad read(std::unique_ptr<schema::TomlDocument> doc, const std::string& displayName,
                   const movement::MovementLibrary& movements, Diagnostics diagnostics) {
    ProgrammeLoad load;
    load.diagnostics = std::move(diagnostics);
    if (!doc) return load;
    Programme p;
    p.file = displayName;
    schema::TableReader root(doc->root(), displayName, "", load.diagnostics);
    if (auto s = root.string("schema", Need::Required); s && *s != "hipview-programme 1")
        root.error("schema", "expected \"hipview-programme 1\", found \"" + *s + "\"");
    if (auto s = root.string("title", Need::Optional)) p.title = *s;
    if (auto s = root.string("client", Need::Optional)) p.client = *s;
    if (auto s = root.string("date", Need::Optional)) p.date = *s;
    p.paper = root.choice("paper", Need::Optional, print::paperNames());
    auto tables = root.tables("exercise", Need::Required);
    if (tables.empty() && root.has("exercise")) root.error("exercise", "the programme lists no exercise");
    for (schema::TableReader& t : tables) {
        ProgrammeExercise e;
        e.line = t.line();
        if (auto id = t.string("movement", Need::Required)) {
            if (movements.find(*id)) e.movement = *id;
            else t.error("movement", movement::unknownMovementMessage(movements, *id));
        }
        if (auto n = wholeNumber(t, "sets", Need::Required, 1, 100)) e.sets = *n;
        if (auto n = wholeNumber(t, "repetitions", Need::Required, 1, 1000)) e.repetitions = *n;
        if (auto h = t.number("hold", Need::Optional, {0.0, 3600.0})) e.holdSeconds = *h;
        if (auto s = t.choice("side", Need::Optional, {"both", "right", "left"}))
            e.side = *s == "right" ? ExerciseSide::Right : *s == "left" ? ExerciseSide::Left : ExerciseSide::Both;
        if (auto s = t.string("note", Need::Optional)) e.note = *s;
        if (auto v = t.choice("view", Need::Optional, draw::standardViewNames())) e.view = *v;
        t.finish();
        p.exercises.push_back(std::move(e));
    }
    root.finish();
    if (load.diagnostics.empty()) load.programme = std::move(p);
    return load;
}

} // namespace

ProgrammeLoad loadProgramme(const std::filesystem::path& path, const movement::MovementLibrary& movements) {
    Diagnostics d;
    auto doc = schema::TomlDocument::parseFile(path, path.string(), d);
    return read(std::move(doc), path.string(), movements, std::move(d));
}

ProgrammeLoad parseProgrammeText(std::string_view text, const std::string& displayName,
                                 const movement::MovementLibrary& movements) {
    Diagnostics d;
    auto doc = schema::TomlDocument::parseString(text, displayName, d);
    return read(std::move(doc), displayName, movements, std::move(d));
}

} // namespace hv::cli
