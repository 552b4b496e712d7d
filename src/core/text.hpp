// Small text helpers used across the program: ASCII lower-casing, the one way numbers are
// written into messages and files, base64 and XML escaping for the files HipView embeds data in.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace hv {

// `text` with the ASCII letters A-Z lower-cased; every other byte (UTF-8 included) unchanged.
std::string toLower(std::string_view text);

// `value` in the shortest of fixed or scientific notation with at most `significantDigits`
// significant digits and no trailing zeros, written with std::to_chars (independent of the C and
// C++ locales): 0.1 -> "0.1", 1e-07 -> "1e-07", 1234567 -> "1.23457e+06" with the default 6 digits
// (what `std::ostream << double` and printf's "%g" write). "nan", "inf" and "-inf" for
// non-finite values. Requires 1 <= significantDigits <= 17.
std::string formatNumber(double value, int significantDigits = 6);

// Standard base64 (RFC 4648, with padding, no line breaks).
std::string base64(std::span<const std::uint8_t> bytes);

// `text` made safe as XML (and HTML) character data or a quoted attribute value: & < > " ' become
// &amp; &lt; &gt; &quot; &apos;; every other byte (UTF-8 included) unchanged.
std::string xmlEscape(std::string_view text);

} // namespace hv
