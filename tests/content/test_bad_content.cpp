// Bad content gets one message per problem naming the file, the line and the field.
#include "content/content.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

using namespace hv;
namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A copy of the project's content in a fresh temporary folder, with one file edited.
class BrokenContent {
public:
    BrokenContent() {
        static int counter = 0;
        m_dir = fs::temp_directory_path() / ("hipview-bad-content-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(m_dir);
        fs::copy(HV_SOURCE_DIR "/content", m_dir, fs::copy_options::recursive);
    }
    ~BrokenContent() { fs::remove_all(m_dir); }
    const fs::path& dir() const { return m_dir; }

    // Replaces the first occurrence of `from` in `file` and returns the 1-based line it is on.
    int replace(const std::string& file, const std::string& from, const std::string& to) {
        const fs::path p = m_dir / file;
        std::string text = readFile(p);
        const auto at = text.find(from);
        REQUIRE_MESSAGE(at != std::string::npos, "text to replace not found in " << file << ": " << from);
        text.replace(at, from.size(), to);
        std::ofstream(p, std::ios::binary) << text;
        return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    }

private:
    fs::path m_dir;
};

Diagnostic onlyDiagnostic(const ContentLoad& load) {
    INFO(formatAll(load.diagnostics));
    CHECK_FALSE(load.content.has_value());
    REQUIRE(load.diagnostics.size() == 1);
    return load.diagnostics.front();
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

} // namespace

TEST_CASE("the project's content loads without a single diagnostic") {
    const ContentLoad load = loadContent(HV_SOURCE_DIR "/content");
    INFO(formatAll(load.diagnostics));
    CHECK(load.diagnostics.empty());
    CHECK(load.content.has_value());
}

TEST_CASE("a missing required field is named with its file and table line") {
    BrokenContent c;
    c.replace("muscles/piriformis.toml", "insertion = \"Upper border", "# insertion = \"Upper border");
    const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
    CHECK(contains(d.file, "piriformis.toml"));
    CHECK(d.line == 1);
    CHECK(d.field == "insertion");
    CHECK(contains(d.message, "required field is missing"));
}

TEST_CASE("a mistyped field gives one message with the likely intended name") {
    BrokenContent c;
    const int line = c.replace("muscles/piriformis.toml", "insertion = \"Upper border", "insertoin = \"Upper border");
    const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
    CHECK(d.line == line);
    CHECK(d.field == "insertoin");
    CHECK(contains(d.message, "did you mean \"insertion\""));
    CHECK(contains(d.message, "required and missing"));
}

TEST_CASE("an unknown body is named with the valid ones nearby") {
    BrokenContent c;
    const int line = c.replace("muscles/piriformis.toml", "body = \"femur_r\"", "body = \"femr_r\"");
    const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
    CHECK(d.line == line);
    CHECK(d.field == "part[1].point[3].body");
    CHECK(contains(d.message, "unknown body \"femr_r\""));
    CHECK(contains(d.message, "did you mean \"femur_r\""));
}

TEST_CASE("an unknown coordinate in an action lists a suggestion") {
    BrokenContent c;
    const int line = c.replace("muscles/piriformis.toml", "coordinate = \"hip_rotation\"", "coordinate = \"hip_rotaton\"");
    const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
    CHECK(d.line == line);
    CHECK(d.field == "action[1].coordinate");
    CHECK(contains(d.message, "did you mean \"hip_rotation\""));
}

TEST_CASE("an unknown coordinate in the skeleton is reported there") {
    BrokenContent c;
    const int line = c.replace("skeleton.toml", "coordinate = \"hip_adduction_r\"", "coordinate = \"hip_aduction_r\"");
    const ContentLoad load = loadContent(c.dir());
    REQUIRE_FALSE(load.diagnostics.empty());
    const Diagnostic& d = load.diagnostics.front();
    CHECK(contains(d.file, "skeleton.toml"));
    CHECK(d.line == line);
    CHECK(contains(d.message, "unknown coordinate \"hip_aduction_r\""));
}

TEST_CASE("a duplicate muscle id is reported once, in the second file") {
    BrokenContent c;
    fs::copy_file(c.dir() / "muscles/piriformis.toml", c.dir() / "muscles/piriformis_copy.toml");
    const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
    CHECK(contains(d.file, "piriformis_copy.toml"));
    CHECK(d.field == "id");
    CHECK(contains(d.message, "duplicate muscle id \"piriformis\""));
}

TEST_CASE("NaN and out-of-range numbers are refused with the reason") {
    SUBCASE("nan") {
        BrokenContent c;
        const int line = c.replace("muscles/piriformis.toml", "at = [-0.10181, -0.00653, 0.01351]", "at = [nan, -0.00653, 0.01351]");
        const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
        CHECK(d.line == line);
        CHECK(d.field == "part[1].point[1].at");
        CHECK(contains(d.message, "finite"));
    }
    SUBCASE("negative radius") {
        BrokenContent c;
        const int line = c.replace("muscles/iliacus.toml", "radius = 0.0549", "radius = -0.0549");
        const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
        CHECK(d.line == line);
        CHECK(d.field == "wrap_cylinder[1].radius");
        CHECK(contains(d.message, "out of range"));
    }
    SUBCASE("default outside the range") {
        BrokenContent c;
        c.replace("skeleton.toml", "default = 0.94", "default = 5.0");
        const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
        CHECK(d.field == "coordinate[5].default");
        CHECK(contains(d.message, "outside the range"));
    }
    SUBCASE("point in millimetres instead of metres") {
        BrokenContent c;
        c.replace("muscles/piriformis.toml", "at = [-0.10181, -0.00653, 0.01351]", "at = [-101.81, -6.53, 13.51]");
        const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
        CHECK(contains(d.message, "must be metres"));
    }
}

TEST_CASE("a wrong type, an unknown group and an unknown source each give one message") {
    SUBCASE("type") {
        BrokenContent c;
        c.replace("muscles/piriformis.toml", "max_isometric_force = 1029.8", "max_isometric_force = \"strong\"");
        const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
        CHECK(contains(d.message, "expected a number, found a string"));
    }
    SUBCASE("group") {
        BrokenContent c;
        c.replace("muscles/piriformis.toml", "group = \"deep_rotators\"", "group = \"deep_rotator\"");
        const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
        CHECK(contains(d.message, "unknown group \"deep_rotator\""));
    }
    SUBCASE("source") {
        BrokenContent c;
        c.replace("muscles/piriformis.toml", "source = \"neumann2010\"", "source = \"neuman2010\"");
        const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
        CHECK(contains(d.message, "did you mean \"neumann2010\""));
    }
}

TEST_CASE("a TOML syntax error names the line") {
    BrokenContent c;
    const int line = c.replace("muscles/piriformis.toml", "name = \"Piriformis\"", "name = \"Piriformis");
    const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
    CHECK(d.line == line);
    CHECK(contains(d.message, "not valid TOML"));
}

TEST_CASE("a missing folder is one clear message") {
    const ContentLoad load = loadContent("/nonexistent/hipview/content");
    REQUIRE(load.diagnostics.size() == 1);
    CHECK(contains(load.diagnostics[0].message, "content folder not found"));
}

TEST_CASE("diagnostics format as file:line:column: field: message") {
    const Diagnostic d{"a.toml", 3, 7, "part[1].body", "unknown body"};
    CHECK(d.format() == "a.toml:3:7: part[1].body: unknown body");
}

TEST_CASE("a muscle or an action without its plain words is reported with the file and the table line") {
    BrokenContent c;
    c.replace("muscles/piriformis.toml", "plain = \"Piriformis is", "# plain = \"Piriformis is");
    Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
    CHECK(contains(d.file, "piriformis.toml"));
    CHECK(d.line == 1);
    CHECK(d.field == "plain");
    CHECK(contains(d.message, "required field is missing"));

    BrokenContent a;
    const int actionLine = a.replace("muscles/gemelli.toml", "[[action]]", "[[action]]");
    a.replace("muscles/gemelli.toml", "plain = \"They pass behind", "# plain = \"They pass behind");
    d = onlyDiagnostic(loadContent(a.dir()));
    CHECK(contains(d.file, "gemelli.toml"));
    CHECK(d.line == actionLine);
    CHECK(contains(d.field, "plain"));
}

TEST_CASE("plain words of a coordinate come in pairs and both sides share them") {
    const ContentLoad load = loadContent(HV_SOURCE_DIR "/content");
    REQUIRE(load.content);
    for (const char* name : {"hip_flexion_r", "hip_adduction_l", "hip_rotation_r", "hip_rotation"}) {
        const PlainWords* w = load.content->findPlainWords(name);
        REQUIRE_MESSAGE(w, name);
        CHECK_FALSE(w->positive.empty());
        CHECK_FALSE(w->negative.empty());
        CHECK(w->positive != w->negative);
    }
    CHECK(load.content->findPlainWords("pelvis_tx") == nullptr);

    BrokenContent c;
    const int line = c.replace("skeleton.toml", "plain_negative = \"turns your thigh out\"", "");
    const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
    CHECK(contains(d.file, "skeleton.toml"));
    CHECK(d.line == line - 1);
    CHECK(contains(d.field, "plain_positive"));
    CHECK(contains(d.message, "plain_negative is missing"));
}

TEST_CASE("a muscle layer outside 1 to 4 or not whole is one message at its line") {
    for (const char* bad : {"layer = 7", "layer = 2.5", "layer = 0"}) {
        CAPTURE(bad);
        BrokenContent c;
        const int line = c.replace("muscles/piriformis.toml", "layer = 3", bad);
        const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
        CHECK(contains(d.file, "piriformis.toml"));
        CHECK(d.line == line);
        CHECK(d.field == "layer");
    }
}

TEST_CASE("a path exception without movements or with an empty reason is one message naming the field") {
    {
        BrokenContent c;
        const int line = c.replace("muscles/rectus_abdominis.toml", "[[part.point]]",
                                   "path_exception = { movements = [], reason = \"why\" }\n\n[[part.point]]");
        const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
        CHECK(contains(d.file, "rectus_abdominis.toml"));
        CHECK(d.line == line);
        CHECK(contains(d.field, "movements"));
        CHECK(contains(d.message, "lists no movement"));
    }
    {
        BrokenContent c;
        c.replace("muscles/rectus_abdominis.toml", "[[part.point]]", "path_exception = { movements = [\"90-90\"], reason = \"\" }\n\n[[part.point]]");
        const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
        CHECK(contains(d.field, "reason"));
        CHECK(contains(d.message, "say why"));
    }
    {
        BrokenContent c;
        c.replace("muscles/rectus_abdominis.toml", "[[part.point]]", "path_exception = { movements = [\"90-90\"] }\n\n[[part.point]]");
        const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
        CHECK(contains(d.field, "reason"));
        CHECK(contains(d.message, "required field is missing"));
    }
}

TEST_CASE("tendinous intersections out of order or outside the path are one message naming the field") {
    for (const char* bad : {"[0.5, 0.4, 0.84]", "[0.0, 0.5]", "[0.5, 1.2]"}) {
        BrokenContent c;
        c.replace("muscles/rectus_abdominis.toml", "tendinous_intersections = [0.5, 0.68, 0.84]", std::string("tendinous_intersections = ") + bad);
        const Diagnostic d = onlyDiagnostic(loadContent(c.dir()));
        CAPTURE(bad);
        CHECK(contains(d.file, "rectus_abdominis.toml"));
        CHECK(d.field == "tendinous_intersections");
        CHECK(contains(d.message, "ascending fractions"));
    }
}
