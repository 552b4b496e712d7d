// skeleton.toml's [bone_parameters]: read into the content with their units, and every problem
// reported with file, line and field.
#include "content/content.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

using namespace hv;
namespace fs = std::filesystem;

namespace {

// The project's content copied to a temporary folder with skeleton.toml edited.
struct EditedSkeleton {
    fs::path dir;
    explicit EditedSkeleton(const std::string& from, const std::string& to) {
        static int n = 0;
        dir = fs::temp_directory_path() / ("hipview-bone-parameters-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(dir);
        fs::copy(HV_SOURCE_DIR "/content", dir, fs::copy_options::recursive);
        std::ifstream in(dir / "skeleton.toml");
        std::stringstream s;
        s << in.rdbuf();
        std::string text = s.str();
        const auto at = text.find(from);
        REQUIRE_MESSAGE(at != std::string::npos, "not found: " << from);
        text.replace(at, from.size(), to);
        std::ofstream(dir / "skeleton.toml") << text;
    }
    ~EditedSkeleton() { fs::remove_all(dir); }
};

std::string messages(const ContentLoad& load) { return formatAll(load.diagnostics); }

} // namespace

TEST_CASE("the bone parameters are read with their defaults, ranges and sources, angles in degrees and width in metres") {
    const ContentLoad load = loadContent(HV_SOURCE_DIR "/content");
    REQUIRE_MESSAGE(load.content, messages(load));
    const BoneParameterSpec& spec = load.content->boneParameters;
    CHECK(spec[BoneParameterId::Anteversion].name == "anteversion");
    CHECK(toDegrees(spec[BoneParameterId::NeckShaft].defaultValue) == doctest::Approx(129.2));
    CHECK(toDegrees(spec[BoneParameterId::NeckShaft].minValue) == doctest::Approx(110.0));
    CHECK(spec[BoneParameterId::PelvisWidth].maxValue == doctest::Approx(0.3));
    for (const BoneParameterInfo& i : spec.info) CHECK(load.content->sources.contains(i.source));
}

TEST_CASE("a bone parameter with an unknown name is reported with the closest valid one") {
    EditedSkeleton e("[bone_parameters.neck_shaft]", "[bone_parameters.neck_shaf]");
    const ContentLoad load = loadContent(e.dir);
    CHECK_FALSE(load.content);
    const std::string m = messages(load);
    CHECK(m.find("skeleton.toml") != std::string::npos);
    CHECK(m.find("unknown bone parameter \"neck_shaf\" (did you mean \"neck_shaft\"?)") != std::string::npos);
    CHECK(m.find("missing bone parameter \"neck_shaft\"") != std::string::npos);
}

TEST_CASE("a default outside its range, a reversed range and an impossible angle are reported on their line") {
    {
        EditedSkeleton e("default = 9.7", "default = 60.0");
        const std::string m = messages(loadContent(e.dir));
        CHECK(m.find("bone_parameters.anteversion.default: the default lies outside the range") != std::string::npos);
    }
    {
        EditedSkeleton e("range = [110.0, 150.0]", "range = [150.0, 110.0]");
        const std::string m = messages(loadContent(e.dir));
        CHECK(m.find("the lower bound is above the upper bound") != std::string::npos);
    }
    {
        EditedSkeleton e("default = 129.2", "default = 200.0");
        const std::string m = messages(loadContent(e.dir));
        CHECK(m.find("bone_parameters.neck_shaft.default") != std::string::npos);
        CHECK(m.find("out of range") != std::string::npos);
    }
}

TEST_CASE("a bone parameter without a known source is reported") {
    EditedSkeleton e("source = \"toogood2009\"", "source = \"toogood2090\"");
    const std::string m = messages(loadContent(e.dir));
    CHECK(m.find("unknown source \"toogood2090\"") != std::string::npos);
    CHECK(m.find("did you mean \"toogood2009\"") != std::string::npos);
}
