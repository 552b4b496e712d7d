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

// The model's path, or nothing (with a message) when the shared folder is absent.
inline std::optional<std::filesystem::path> testModel(const std::string& relative) {
    const std::filesystem::path dir = testModelsDir();
    if (!std::filesystem::is_directory(dir)) {
        MESSAGE("skipped: the shared test models are not at " << dir.string());
        return std::nullopt;
    }
    return dir / relative;
}

} // namespace hv::test
