#include "core/text.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <limits>
#include <sstream>

TEST_CASE("toLower lower-cases ASCII letters and leaves other bytes alone") {
    CHECK(hv::toLower("Model.DAE") == "model.dae");
    CHECK(hv::toLower("\xC3\x89t\xC3\xA9 X1_") == "\xC3\x89t\xC3\xA9 x1_");
    CHECK(hv::toLower("") == "");
}

TEST_CASE("formatNumber writes what printf's %g writes at the same precision") {
    for (const double v : {0.0, -0.0, 0.1, 1.0 / 3.0, 1e-7, 123456.0, 1234567.0, -2.5e300, 5e-324,
                           0.000123456789, 90.0}) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", v);
        CAPTURE(v);
        CHECK(hv::formatNumber(v) == buf);
        std::snprintf(buf, sizeof buf, "%.9g", v);
        CHECK(hv::formatNumber(v, 9) == buf);
    }
}

TEST_CASE("formatNumber agrees with a default ostream and names non-finite values") {
    std::ostringstream s;
    s << 0.05;
    CHECK(hv::formatNumber(0.05) == s.str());
    CHECK(hv::formatNumber(std::numeric_limits<double>::infinity()) == "inf");
    CHECK(hv::formatNumber(-std::numeric_limits<double>::infinity()) == "-inf");
    CHECK(hv::formatNumber(std::numeric_limits<double>::quiet_NaN()) == "nan");
    CHECK(hv::formatNumber(2.0, 17) == "2");
}
