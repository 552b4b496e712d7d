#include "core/text.hpp"

#include <array>
#include <cassert>
#include <charconv>

namespace hv {

std::string toLower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string formatNumber(double value, int significantDigits) {
    assert(significantDigits >= 1 && significantDigits <= 17);
    // Sign, 17 digits, point, "e-308": 26 characters at most.
    std::array<char, 40> buf{};
    const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), value,
                                 std::chars_format::general, significantDigits);
    assert(r.ec == std::errc());
    return std::string(buf.data(), r.ptr);
}

} // namespace hv
