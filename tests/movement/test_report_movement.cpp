// hipview report --movement, as a user runs it.
#include "support/run_process.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

using hv::test::hipview;
using hv::test::runProcess;

namespace {
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream in(line);
    for (std::string f; std::getline(in, f, ',');) out.push_back(f);
    if (!line.empty() && line.back() == ',') out.emplace_back();
    return out;
}
} // namespace

TEST_CASE("report --movement CSV has exactly the issue's columns, one row per part, time and dof") {
    const auto r = runProcess(hipview() + " report --movement figure-4 --muscle piriformis,gluteus_medius --side r --step 1");
    REQUIRE(r.exitCode == 0);
    std::istringstream in(r.out);
    std::string header;
    std::getline(in, header);
    CHECK(header == "muscle,part,side,time_s,dof,moment_arm_mm,length_mm");
    int rows = 0;
    std::set<std::string> times;
    std::map<std::string, double> piriformisLength; // time -> mm
    for (std::string line; std::getline(in, line);) {
        ++rows;
        const auto f = fields(line);
        REQUIRE(f.size() == 7);
        times.insert(f[3]);
        if (f[0] == "piriformis" && f[4] == "hip_rotation") piriformisLength[f[3]] = std::stod(f[6]);
    }
    CHECK(times.size() == 15); // 0, 1, ..., 14 s
    CHECK(rows == (1 + 3) * 15 * 3);
    REQUIRE(piriformisLength.count("0") == 1);
    REQUIRE(piriformisLength.count("7") == 1);
    CHECK(piriformisLength["7"] > piriformisLength["0"] + 5.0); // lengthened in the hold, mm
}

TEST_CASE("report --movement also speaks json and table, and takes a restricted hip") {
    const auto json = runProcess(hipview() + " report --movement hip-hinge --muscle psoas_major --side r --step 2.25 --format json");
    CHECK(json.exitCode == 0);
    CHECK(json.out.starts_with("{\"movement\": \"hip-hinge\""));
    CHECK(contains(json.out, "\"time_s\": 2.25"));
    const auto table = runProcess(hipview() + " report --movement hip-hinge --muscle piriformis --step 2.25 --format table");
    CHECK(table.exitCode == 0);
    CHECK(contains(table.out, "time_s"));
    const auto free = runProcess(hipview() + " report --movement hip-hinge --muscle iliacus --side r --step 2.25");
    const auto stiff = runProcess(hipview() + " report --movement hip-hinge --muscle iliacus --side r --step 2.25 --restrict hip_flexion=:25");
    CHECK(free.exitCode == 0);
    CHECK(stiff.exitCode == 0);
    CHECK(free.out != stiff.out); // the hips bend less, so iliacus' length differs
    CHECK(runProcess(hipview() + " report --movement single-leg-stance --muscle gluteus_medius --step 1 --gluteus-medius-strength 0.3").exitCode == 0);
}

TEST_CASE("an unknown movement id lists the valid ones and exits non-zero") {
    const auto r = runProcess(hipview() + " report --movement figure4 2>&1");
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "unknown movement \"figure4\""));
    CHECK(contains(r.out, "did you mean \"figure-4\""));
    CHECK(contains(r.out, "single-leg-deadlift"));
}

TEST_CASE("a wrong movements file gets file-and-line messages and exit status 1") {
    const std::filesystem::path file = std::filesystem::temp_directory_path() / ("hipview-bad-movements-" + std::to_string(::getpid()) + ".toml");
    std::ofstream(file) << "schema = \"hipview-movements 1\"\n\n[[movement]]\nid = \"lift\"\ntitle = \"Lift\"\n"
                           "category = \"movement\"\nsummary = \"Up.\"\nplain = \"Up.\"\n\n[[movement.key]]\nt = 0\n\n[[movement.key]]\n"
                           "t = 1\npose = { hip_flex_r = 30 }\n";
    const auto r = runProcess(hipview() + " report --movement lift --movements " + file.string() + " 2>&1");
    std::filesystem::remove(file);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, file.string() + ":15:"));
    CHECK(contains(r.out, "movement[1].key[2].pose.hip_flex_r: unknown coordinate \"hip_flex_r\""));
    CHECK(contains(r.out, "1 problem in the movements at"));
}

TEST_CASE("movement-only options are usage errors without --movement, and --movement refuses --sweep") {
    CHECK(runProcess(hipview() + " report --step 1 2>&1").exitCode == 2);
    CHECK(runProcess(hipview() + " report --restrict hip_flexion=:20 2>&1").exitCode == 2);
    const auto both = runProcess(hipview() + " report --movement squat --sweep hip_flexion_r=0:10:5 2>&1");
    CHECK(both.exitCode == 2);
    CHECK(contains(both.out, "cannot be combined with --sweep"));
    const auto badRestrict = runProcess(hipview() + " report --movement squat --restrict knee_angle_r=0:10 2>&1");
    CHECK(badRestrict.exitCode == 2);
    CHECK(contains(badRestrict.out, "not a hip coordinate"));
    CHECK(runProcess(hipview() + " report --movement squat --step 0 2>&1").exitCode == 2);
    CHECK(runProcess(hipview() + " report --movement squat --gluteus-medius-strength 2 2>&1").exitCode == 2);
}

TEST_CASE("the sweep report still works beside --movement") {
    const auto r = runProcess(hipview() + " report --sweep hip_flexion_r=0:10:10 --muscle piriformis --side r");
    CHECK(r.exitCode == 0);
    CHECK(r.out.starts_with("muscle,part,side,sweep_coordinate,sweep_deg,dof,moment_arm_mm,length_mm\n"));
}
