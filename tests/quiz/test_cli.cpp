// hipview quiz and hipview validate with quiz files, as a user runs them.
#include "quiz_fixture.hpp"

#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <fstream>
#include <sstream>

using namespace hv;
using namespace hv::test;

namespace {

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("hipview quiz --generate 200 writes the same file for the same seed and it validates") {
    TempDir dir;
    const std::string a = (dir / "a.toml").string(), b = (dir / "b.toml").string();
    const ProcessResult ra = runProcess(hipview() + " quiz --generate 200 --seed 5 -o " + a + " 2>&1");
    INFO(ra.out);
    REQUIRE(ra.exitCode == 0);
    CHECK(contains(ra.out, "200 questions"));
    REQUIRE(runProcess(hipview() + " quiz --generate 200 --seed 5 -o " + b + " 2>&1").exitCode == 0);
    CHECK(readFile(a) == readFile(b));
    const ProcessResult v = runProcess(hipview() + " validate " + a + " 2>&1");
    CHECK(v.exitCode == 0);
    CHECK(contains(v.out, "200 questions"));
}

TEST_CASE("hipview quiz refuses more questions than the topic makes and bad options with exit 2") {
    TempDir dir;
    const std::string out = (dir / "q.toml").string();
    const ProcessResult r = runProcess(hipview() + " quiz --generate 100000 --topic hip-back -o " + out + " 2>&1");
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out, "hipview quiz: topic hip-back can make at most "));
    CHECK_FALSE(std::filesystem::exists(out));
    const ProcessResult t = runProcess(hipview() + " quiz --generate 5 --topic role -o " + out + " 2>&1");
    CHECK(t.exitCode == 2);
    CHECK(contains(t.out, "unknown topic \"role\" (did you mean \"roles\"?)"));
    CHECK(runProcess(hipview() + " quiz --generate five -o " + out + " 2>&1").exitCode == 2);
    CHECK(runProcess(hipview() + " quiz --generate 5 2>&1").exitCode == 2);
}

TEST_CASE("hipview validate reports a wrong key in a quiz file with its line and exits 1") {
    TempDir dir;
    const std::filesystem::path file = dir / "bad.toml";
    std::ofstream(file) << "title = \"x\"\n[[question]]\nkind = \"what_does_it_do\"\nprompt = \"?\"\n"
                           "muscle = \"piriformis\"\ndof = \"hip_rotation\"\nkey = \"internal rotator\"\n";
    const ProcessResult r = runProcess(hipview() + " validate " + file.string() + " 2>&1");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, file.string() + ":7: question[1].key: key says internal rotator; computed moment arm about "
                                          "hip_rotation_r at neutral standing is -"));
    CHECK(contains(r.out, "external rotator"));
    std::ofstream(file) << "title = [\n";
    const ProcessResult bad = runProcess(hipview() + " quiz " + file.string() + " 2>&1");
    CHECK(bad.exitCode == 1);
    CHECK(contains(bad.out, file.string() + ":"));
}

TEST_CASE("hipview validate checks the shipped quizzes") {
    const ProcessResult r = runProcess(hipview() + " validate 2>&1");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "5 quizzes with "));
}

TEST_CASE("hipview quiz has --help and names a missing quiz file or an unwritable output") {
    const ProcessResult help = runProcess(hipview() + " quiz --help");
    CHECK(help.exitCode == 0);
    CHECK(contains(help.out, "usage: hipview quiz --generate N"));
    CHECK(contains(runProcess(hipview() + " --help").out, "quiz "));
    const ProcessResult missing = runProcess(hipview() + " validate /nonexistent/quiz.toml 2>&1");
    CHECK(missing.exitCode == 1);
    CHECK(contains(missing.out, "/nonexistent/quiz.toml: file not found"));
    const ProcessResult unwritable = runProcess(hipview() + " quiz --generate 3 -o /nonexistent/dir/q.toml 2>&1");
    CHECK(unwritable.exitCode == 1);
    CHECK(contains(unwritable.out, "/nonexistent/dir/q.toml: cannot create a temporary file"));
    CHECK(runProcess(hipview() + " quiz 2>&1").exitCode == 2);
    CHECK(runProcess(hipview() + " quiz --topic roles 2>&1").exitCode == 2);
}
