// Placeholder until the Assimp back end lands.
#include "io/detail/load_support.hpp"
#include "io/detail/loaders.hpp"

namespace hv::io::detail {
ModelLoad loadAssimp(const std::filesystem::path&, const std::string& displayName, std::vector<std::uint8_t>,
                     const LoadLimits&) {
    Report report(displayName);
    report.error("", "this format is not supported yet");
    return report.finish(std::nullopt);
}
} // namespace hv::io::detail
