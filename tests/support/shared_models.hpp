// Where the team's third-party test models live (../shared/testdata/models). Tests that need them
// skip with a message when the folder is absent; they never copy the models into the repository.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <string>

namespace hv::test {

inline std::filesystem::path testModelsDir() {
    return std::filesystem::path(HV_SHARED_DIR) / "testdata" / "models";
}
// The same folder as a string, for building command lines and paths by concatenation.
inline std::string sharedModels() { return testModelsDir().string(); }

// True when the shared folder is there; otherwise false, with a message saying the test skips.
inline bool haveSharedModels() {
    std::error_code ec;
    if (std::filesystem::is_directory(testModelsDir(), ec)) return true;
    MESSAGE("skipped: the shared test models are not at " << testModelsDir().string());
    return false;
}

// The model's path, or nothing (with a message) when the shared folder is absent.
inline std::optional<std::filesystem::path> testModel(const std::string& relative) {
    if (!haveSharedModels()) return std::nullopt;
    return testModelsDir() / relative;
}

} // namespace hv::test
