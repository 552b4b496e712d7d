// Problems found in a user's file or input: one message per problem, naming the file, the
// place and the reason. Loaders collect them and return them; the command line prints them
// and exits non-zero; the window shows them and keeps what it had.
#pragma once

#include <string>
#include <vector>

namespace hv {

struct Diagnostic {
    std::string file;    // as the user named it
    int line = 0;        // 1-based; 0 when unknown
    int column = 0;      // 1-based; 0 when unknown
    std::string field;   // where in the file's structure, e.g. "part[2].point[1].body"
    std::string message; // the reason, in words

    // "file:line:column: field: message" (parts that are unknown are left out)
    std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

std::string formatAll(const Diagnostics& diagnostics); // one line each

// Edit distance, for "did you mean ...?" hints.
std::size_t editDistance(const std::string& a, const std::string& b);
// The closest of `candidates` to `word` if it is close enough to be a likely typo, else "".
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);
// "a, b, c" with an optional limit after which "... (N more)" is written.
std::string joinNames(const std::vector<std::string>& names, std::size_t limit = 60);

} // namespace hv
