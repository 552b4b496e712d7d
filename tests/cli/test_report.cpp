// The command line as a user runs it: hipview report / validate.
#include "support/run_process.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using hv::test::hipview;
using hv::test::runProcess;

namespace {
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
} // namespace

TEST_CASE("report --roles prints piriformis' role change in the issue's format") {
    const auto r = runProcess(hipview() + " report --roles --muscle piriformis 2>&1");
    CHECK(r.exitCode == 0);
    INFO(r.out);
    CHECK(contains(r.out, "piriformis r hip_rotation: external -> internal at "));
    CHECK(contains(r.out, "deg hip_flexion_r\n"));
    CHECK(contains(r.out, "piriformis l hip_rotation: external -> internal at "));
}

TEST_CASE("report CSV has exactly the issue's columns and one row per part, sample and dof") {
    const auto r = runProcess(hipview() + " report --sweep hip_flexion_r=0:120:5 --muscle piriformis,gluteus_medius --side r");
    REQUIRE(r.exitCode == 0);
    std::istringstream in(r.out);
    std::string header;
    std::getline(in, header);
    CHECK(header == "muscle,part,side,sweep_coordinate,sweep_deg,dof,moment_arm_mm,length_mm");
    int rows = 0;
    bool sawPiriformisAt90 = false;
    for (std::string line; std::getline(in, line);) {
        ++rows;
        if (line.starts_with("piriformis,,r,hip_flexion_r,90,hip_rotation,")) {
            sawPiriformisAt90 = true;
            const double r90 = std::stod(line.substr(line.find("hip_rotation,") + 13));
            CHECK(r90 > 5.0); // an internal rotator by then, in mm
        }
    }
    CHECK(rows == (1 + 3) * 25 * 3); // parts x samples x dofs
    CHECK(sawPiriformisAt90);
}

TEST_CASE("report --format json and table produce their formats") {
    const auto json = runProcess(hipview() + " report --sweep hip_flexion_r=0:10:10 --muscle piriformis --side r --format json");
    CHECK(json.exitCode == 0);
    CHECK(contains(json.out, "\"moment_arm_mm\":"));
    CHECK(json.out.front() == '{');
    const auto table = runProcess(hipview() + " report --sweep hip_flexion_r=0:10:10 --muscle piriformis --side r --format table");
    CHECK(table.exitCode == 0);
    CHECK(contains(table.out, "moment_arm_mm"));
}

TEST_CASE("an unknown muscle lists the valid ones and exits non-zero") {
    const auto r = runProcess(hipview() + " report --muscle pirifomis 2>&1");
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "unknown muscle \"pirifomis\""));
    CHECK(contains(r.out, "did you mean \"piriformis\""));
    CHECK(contains(r.out, "gluteus_maximus"));
}

TEST_CASE("an unknown coordinate in --sweep or --pose lists the valid ones") {
    const auto sweep = runProcess(hipview() + " report --sweep hip_flex_r=0:90:5 2>&1");
    CHECK(sweep.exitCode == 2);
    CHECK(contains(sweep.out, "unknown coordinate \"hip_flex_r\""));
    CHECK(contains(sweep.out, "hip_flexion_r"));
    const auto pose = runProcess(hipview() + " report --pose knee=30 2>&1");
    CHECK(pose.exitCode == 2);
    CHECK(contains(pose.out, "knee_angle_r"));
}

TEST_CASE("a malformed sweep or option is a usage error with the reason") {
    CHECK(runProcess(hipview() + " report --sweep hip_flexion_r=0:90 2>&1").exitCode == 2);
    CHECK(runProcess(hipview() + " report --sweep hip_flexion_r=0:90:0 2>&1").exitCode == 2);
    CHECK(runProcess(hipview() + " report --sweep hip_flexion_r=0:200:5 2>&1").exitCode == 2);
    const auto r = runProcess(hipview() + " report --formt csv 2>&1");
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "did you mean \"--format\""));
}

TEST_CASE("validate passes on the project's content and fails with file:line on broken content") {
    const auto ok = runProcess(hipview() + " validate 2>&1");
    CHECK(ok.exitCode == 0);
    CHECK(contains(ok.out, "is valid: 29 muscles"));
    const auto missing = runProcess(hipview() + " validate --content /nonexistent 2>&1");
    CHECK(missing.exitCode == 1);
    CHECK(contains(missing.out, "/nonexistent: content folder not found"));
}

TEST_CASE("every command has --help") {
    for (const char* cmd : {"report", "validate"}) {
        const auto r = runProcess(hipview() + " " + cmd + " --help");
        CHECK(r.exitCode == 0);
        CHECK(contains(r.out, std::string("usage: hipview ") + cmd));
    }
    CHECK(runProcess(hipview() + " --help").exitCode == 0);
    CHECK(runProcess(hipview() + " nosuchcommand 2>&1").exitCode == 2);
}

TEST_CASE("validate also checks the movements file and names its problems") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "hipview-validate-movements";
    fs::remove_all(dir);
    fs::copy(HV_SOURCE_DIR "/content", dir, fs::copy_options::recursive);
    {
        std::ifstream in(dir / "movements.toml");
        std::stringstream s;
        s << in.rdbuf();
        std::string text = s.str();
        const auto at = text.find("hip_flexion");
        REQUIRE(at != std::string::npos);
        text.replace(at, 11, "hip_flexon");
        std::ofstream(dir / "movements.toml") << text;
    }
    const auto r = runProcess(hipview() + " validate --content " + dir.string() + " 2>&1");
    fs::remove_all(dir);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, "movements.toml:"));
    CHECK(contains(r.out, "hip_flexon"));
}

TEST_CASE("a lumbar sweep gives trunk muscles lumbar rows and leaves the hip rows in their format") {
    const auto r = runProcess(hipview() + " report --sweep L4_L5_flexion=-5:10:1 --muscle multifidus,rectus_abdominis,psoas_major --side r");
    REQUIRE(r.exitCode == 0);
    std::istringstream in(r.out);
    std::string header;
    std::getline(in, header);
    CHECK(header == "muscle,part,side,sweep_coordinate,sweep_deg,dof,moment_arm_mm,length_mm");
    int multifidus = 0, rectus = 0, psoasHip = 0, psoasLumbar = 0;
    for (std::string line; std::getline(in, line);) {
        const auto value = [&](const std::string& dof) { return std::stod(line.substr(line.find(dof) + dof.size() + 1)); };
        if (line.starts_with("multifidus,L5,r,L4_L5_flexion,") && contains(line, ",lumbar_flexion,")) {
            ++multifidus;
            CHECK(value("lumbar_flexion") < -5.0); // an extensor, mm summed over the levels
        }
        if (line.starts_with("rectus_abdominis,,r,L4_L5_flexion,") && contains(line, ",lumbar_flexion,")) {
            ++rectus;
            CHECK(value("lumbar_flexion") > 50.0); // a flexor
        }
        if (line.starts_with("psoas_major,")) (contains(line, ",lumbar_") ? psoasLumbar : psoasHip)++;
    }
    CHECK(multifidus == 16);
    CHECK(rectus == 16);
    CHECK(psoasHip == 4 * 16 * 3); // psoas crosses the hip: hip rows only, as before
    CHECK(psoasLumbar == 0);
}

TEST_CASE("report --roles lists the trunk muscles' lumbar roles over the sweep") {
    const auto r = runProcess(hipview() + " report --roles --sweep L4_L5_flexion=-5:10:1 --muscle quadratus_lumborum,external_oblique,internal_oblique 2>&1");
    CHECK(r.exitCode == 0);
    INFO(r.out);
    CHECK(contains(r.out, "quadratus_lumborum/iliocostal r lumbar_bending: right bender from -5.0 to 10.0 deg L4_L5_flexion\n"));
    CHECK(contains(r.out, "quadratus_lumborum/iliocostal l lumbar_bending: left bender from -5.0 to 10.0 deg L4_L5_flexion\n"));
    CHECK(contains(r.out, "external_oblique/anterior r lumbar_rotation: left rotator from -5.0 to 10.0 deg L4_L5_flexion\n"));
    CHECK(contains(r.out, "internal_oblique/middle r lumbar_rotation: right rotator from -5.0 to 10.0 deg L4_L5_flexion\n"));
}

TEST_CASE("a movement report gives trunk muscles lumbar rows: multifidus extends and lengthens in a rounded forward bend") {
    const auto r = runProcess(hipview() + " report --movement forward-bend-rounded --muscle multifidus --side r --step 1");
    REQUIRE(r.exitCode == 0);
    std::istringstream in(r.out);
    std::string header;
    std::getline(in, header);
    CHECK(header == "muscle,part,side,time_s,dof,moment_arm_mm,length_mm");
    double first = 0.0, longest = 0.0;
    int rows = 0;
    for (std::string line; std::getline(in, line);) {
        if (!line.starts_with("multifidus,L1,r,")) continue;
        CHECK_FALSE(contains(line, ",hip_"));
        if (!contains(line, ",lumbar_flexion,")) continue;
        const std::string tail = line.substr(line.find(",lumbar_flexion,") + 16);
        const double arm = std::stod(tail), length = std::stod(tail.substr(tail.find(',') + 1));
        CHECK(arm < 0.0); // an extensor throughout
        if (rows++ == 0) first = length;
        longest = std::max(longest, length);
    }
    CHECK(rows >= 3);
    CHECK(longest > first * 1.1);
}

namespace {
// The --hip-back CSV's rows as column vectors (header checked by the caller).
std::vector<std::vector<std::string>> csvRows(const std::string& text, std::string& header) {
    std::istringstream in(text);
    std::getline(in, header);
    std::vector<std::vector<std::string>> rows;
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cols;
        std::size_t start = 0;
        for (std::size_t comma; (comma = line.find(',', start)) != std::string::npos; start = comma + 1)
            cols.push_back(line.substr(start, comma - start));
        cols.push_back(line.substr(start));
        rows.push_back(std::move(cols));
    }
    return rows;
}
} // namespace

TEST_CASE("report --hip-back prints the low back's share per level and the pelvic drop over time, with a client profile") {
    const auto r = runProcess(hipview() + " report --movement single-leg-stance --hip-back --step 1 --profile " +
                              (std::filesystem::path(HV_SOURCE_DIR) / "content/profiles/weak-gluteus-medius.toml").string() + " 2>&1");
    REQUIRE(r.exitCode == 0);
    std::string header;
    const auto rows = csvRows(r.out, header);
    CHECK(header == "time_s,plane,hip_deg,lumbar_deg,low_back_share,level,level_deg,level_share,taken_up_deg,pelvic_drop_deg");
    REQUIRE(rows.size() == 9 * 3 * 5); // 0..7 s every second plus the end, three planes, five levels
    double maxDrop = 0.0, frontalLumbar = 0.0;
    for (const auto& c : rows) {
        REQUIRE(c.size() == 10);
        maxDrop = std::max(maxDrop, std::stod(c[9]));
        if (c[0] == "4" && c[1] == "frontal") frontalLumbar = std::stod(c[3]);
    }
    // Both gluteus medius at 30 %: the pelvis drops on the lifted side, and the upright trunk
    // bends the low back sideways to make up for it.
    CHECK(maxDrop > 5.0);
    CHECK(frontalLumbar > 3.0);
    const auto normal = runProcess(hipview() + " report --movement single-leg-stance --hip-back --step 1");
    REQUIRE(normal.exitCode == 0);
    double normalDrop = 0.0;
    for (const auto& c : csvRows(normal.out, header)) normalDrop = std::max(normalDrop, std::stod(c[9]));
    CHECK(normalDrop < 0.5);
}

TEST_CASE("a bad client profile stops report, render and the window with its file, line and field") {
    namespace fs = std::filesystem;
    const fs::path file = fs::temp_directory_path() / "hipview-bad-profile.toml";
    std::ofstream(file) << "title = \"Bad\"\n[range]\nhip_flexion_r = { max = 150 }\n";
    const auto report = runProcess(hipview() + " report --movement squat --hip-back --profile " + file.string() + " 2>&1");
    CHECK(report.exitCode == 1);
    CHECK(contains(report.out, file.string() + ":3:"));
    CHECK(contains(report.out, "range.hip_flexion_r"));
    CHECK(contains(report.out, "outside hip_flexion_r's range, -30 to 120 deg"));
    const fs::path png = fs::temp_directory_path() / "hipview-bad-profile.png";
    fs::remove(png);
    const auto render = runProcess(hipview() + " render --movement squat --at 2 --profile " + file.string() + " -o " + png.string() + " 2>&1");
    CHECK(render.exitCode == 1);
    CHECK(contains(render.out, file.string() + ":3:"));
    CHECK_FALSE(fs::exists(png));
    // The window checks its start options before it opens one (no display needed to fail).
    const auto view = runProcess(hipview() + " view --profile " + file.string() + " 2>&1");
    CHECK(view.exitCode == 2);
    CHECK(contains(view.out, "--profile: " + file.string() + ":3:"));
    const auto noMovement = runProcess(hipview() + " report --hip-back 2>&1");
    CHECK(noMovement.exitCode == 2);
    CHECK(contains(noMovement.out, "--hip-back needs --movement ID"));
    fs::remove(file);
}

TEST_CASE("validate checks the content's client profiles") {
    const auto r = runProcess(hipview() + " validate 2>&1");
    CHECK(r.exitCode == 0);
    INFO(r.out);
    CHECK(contains(r.out, " 2 client profiles"));
}

namespace {
// The report --pelvis rows of one muscle: "part side dof" -> (moment arm mm, action).
struct PelvisRow {
    double mm = 0.0;
    std::string action;
};
std::vector<std::pair<std::string, PelvisRow>> pelvisRows(const std::string& csv, const std::string& muscle) {
    std::vector<std::pair<std::string, PelvisRow>> out;
    std::istringstream in(csv);
    for (std::string line; std::getline(in, line);) {
        if (!line.starts_with(muscle + ",")) continue;
        std::vector<std::string> f;
        std::istringstream fields(line);
        for (std::string x; std::getline(fields, x, ',');) f.push_back(x);
        REQUIRE(f.size() == 6);
        out.push_back({f[1] + " " + f[2] + " " + f[3], PelvisRow{std::stod(f[4]), f[5]}});
    }
    return out;
}
} // namespace

// Signs of report --pelvis (the closed chain: both femurs and the thorax held still):
// pelvic_tilt positive = tips the pelvis forward (anterior tilt, pelvis_tilt's sense), negative =
// tips it back; pelvic_obliquity positive = the right side drops so the left hikes, negative =
// the right side hikes (pelvis_obliquity's sense, a midline coordinate, not mirrored).
TEST_CASE("report --pelvis prints every part's tilt and obliquity with the textbook signs") {
    const auto r = runProcess(hipview() + " report --pelvis 2>&1");
    REQUIRE(r.exitCode == 0);
    INFO(r.out);
    std::istringstream in(r.out);
    std::string header;
    std::getline(in, header);
    CHECK(header == "muscle,part,side,dof,moment_arm_mm,action");
    // Every part of these muscles, both sides, tips the pelvis forward or back.
    for (const char* id : {"iliacus", "psoas_major", "rectus_femoris", "iliocostalis_lumborum", "longissimus_thoracis"}) {
        const auto rows = pelvisRows(r.out, id);
        CHECK(rows.size() >= 4);
        for (const auto& [key, row] : rows)
            if (key.ends_with("pelvic_tilt")) {
                INFO(id, " ", key);
                CHECK(row.mm > 1.0);
                CHECK(row.action == "tips forward");
            }
    }
    for (const char* id : {"rectus_abdominis", "gluteus_maximus", "semitendinosus", "semimembranosus", "biceps_femoris_long_head"}) {
        const auto rows = pelvisRows(r.out, id);
        CHECK(rows.size() >= 4);
        for (const auto& [key, row] : rows)
            if (key.ends_with("pelvic_tilt")) {
                INFO(id, " ", key);
                CHECK(row.mm < -1.0);
                CHECK(row.action == "tips back");
            }
    }
    for (const auto& [key, row] : pelvisRows(r.out, "quadratus_lumborum")) {
        INFO(key);
        if (key.ends_with("r pelvic_obliquity")) CHECK(row.action == "hikes right");
        if (key.ends_with("l pelvic_obliquity")) CHECK(row.action == "hikes left");
    }
}

TEST_CASE("report --pelvis takes a pose and a format and refuses a bad pose or a sweep with the reason") {
    const auto table = runProcess(hipview() + " report --pelvis --pose hip_flexion=60 --muscle iliacus --side r --format table");
    CHECK(table.exitCode == 0);
    CHECK(contains(table.out, "pelvic_obliquity"));
    CHECK(contains(table.out, "tips forward"));
    const auto json = runProcess(hipview() + " report --pelvis --muscle quadratus_lumborum --format json");
    CHECK(json.exitCode == 0);
    CHECK(contains(json.out, "\"action\": \"hikes right\""));
    const auto bad = runProcess(hipview() + " report --pelvis --pose hip_flex=30 2>&1");
    CHECK(bad.exitCode == 2);
    CHECK(contains(bad.out, "--pose"));
    CHECK(contains(bad.out, "unknown coordinate \"hip_flex\""));
    const auto value = runProcess(hipview() + " report --pelvis --pose hip_flexion_r=lots 2>&1");
    CHECK(value.exitCode == 2);
    CHECK(contains(value.out, "lots"));
    const auto sweep = runProcess(hipview() + " report --pelvis --sweep hip_flexion=0:10:5 2>&1");
    CHECK(sweep.exitCode == 2);
    CHECK(contains(sweep.out, "--pelvis cannot be combined with --sweep"));
    const auto help = runProcess(hipview() + " report --help");
    CHECK(contains(help.out, "--pelvis"));
}
