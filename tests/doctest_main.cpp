// The main() of every test executable. CTest runs one test case per call
// (--test-case=NAME, from doctest_discover_tests); a name that matches nothing would run zero
// cases and pass, so a run that executed no test case fails here (this is how test names with
// a ';', which CMake splits, were found running nothing).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>

namespace {

int g_casesStarted = 0;

// Counts the test cases that start; reports nothing.
struct CaseCounter : doctest::IReporter {
    explicit CaseCounter(const doctest::ContextOptions&) {}
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats&) override {}
    void test_case_start(const doctest::TestCaseData&) override { ++g_casesStarted; }
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};

} // namespace

REGISTER_LISTENER("hv_case_counter", 1, CaseCounter);

int main(int argc, char** argv) {
    doctest::Context context;
    context.applyCommandLine(argc, argv);
    const int result = context.run();
    if (context.shouldExit()) return result; // --help, --list-test-cases, ...
    if (result == 0 && g_casesStarted == 0) {
        std::fprintf(stderr, "%s: no test case matched the filters, so nothing was tested\n", argv[0]);
        return 1;
    }
    return result;
}
