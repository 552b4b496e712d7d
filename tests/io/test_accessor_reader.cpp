// The checked glTF accessor reader on its own: buffers, views and accessors given as plain
// descriptions, each bad index, offset, stride, count or budget refused with the place and the
// reason, and the typed, normalised and sparse reads giving the right numbers.
#include "io/detail/accessor_reader.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <span>
#include <string>
#include <vector>

using namespace hv::io::detail;

namespace {

std::vector<std::uint8_t> floatBytes(std::initializer_list<float> values) {
    std::vector<std::uint8_t> bytes(values.size() * 4);
    std::size_t i = 0;
    for (const float v : values) std::memcpy(bytes.data() + 4 * i++, &v, 4);
    return bytes;
}

AccessorDesc floats(int components, std::uint64_t count) {
    AccessorDesc a;
    a.bufferView = 0;
    a.componentType = kGltfFloat;
    a.components = components;
    a.count = count;
    return a;
}

constexpr std::uint64_t kBudget = 1u << 20;

} // namespace

TEST_CASE("a tightly packed float accessor reads its values in element order") {
    const auto bytes = floatBytes({1, 2, 3, 4, 5, 6});
    AccessorReader reader({bytes}, {{0, 0, bytes.size(), 0}}, kBudget);
    std::vector<float> out;
    AccessorProblem problem;
    REQUIRE(reader.readFloats(floats(3, 2), "POSITION", out, problem));
    CHECK(out == std::vector<float>{1, 2, 3, 4, 5, 6});
    CHECK(reader.decodedBytes() == 24);
}

TEST_CASE("a buffer too short for its view is refused naming the view and the buffer size") {
    const auto bytes = floatBytes({1, 2, 3});
    AccessorReader reader({bytes}, {{0, 4, 12, 0}}, kBudget);
    std::vector<float> out;
    AccessorProblem problem;
    CHECK_FALSE(reader.readFloats(floats(3, 1), "POSITION", out, problem));
    CHECK(problem.field == "bufferView 0");
    CHECK(problem.message == "bytes 4 to 16 lie outside buffer 0 (12 bytes)");
}

TEST_CASE("a view naming a missing buffer and an accessor naming a missing view are refused") {
    const auto bytes = floatBytes({1, 2, 3});
    AccessorReader reader({bytes}, {{3, 0, 12, 0}}, kBudget);
    std::vector<float> out;
    AccessorProblem problem;
    CHECK_FALSE(reader.readFloats(floats(3, 1), "POSITION", out, problem));
    CHECK(problem.message == "refers to buffer 3, which does not exist");
    AccessorDesc a = floats(3, 1);
    a.bufferView = 7;
    CHECK_FALSE(reader.readFloats(a, "POSITION", out, problem));
    CHECK(problem.field == "POSITION");
    CHECK(problem.message == "refers to buffer view 7, which does not exist");
}

TEST_CASE("a stride below the element size is refused with both sizes") {
    const auto bytes = floatBytes({1, 2, 3, 4, 5, 6});
    AccessorReader reader({bytes}, {{0, 0, bytes.size(), 8}}, kBudget);
    std::vector<float> out;
    AccessorProblem problem;
    CHECK_FALSE(reader.readFloats(floats(3, 2), "POSITION", out, problem));
    CHECK(problem.field == "POSITION");
    CHECK(problem.message == "buffer view 0 has a byteStride of 8, smaller than one element (12 bytes)");
}

TEST_CASE("a stride above the element size skips the bytes between elements") {
    const auto bytes = floatBytes({1, 2, 99, 3, 4});
    AccessorReader reader({bytes}, {{0, 0, bytes.size(), 12}}, kBudget);
    std::vector<float> out;
    AccessorProblem problem;
    REQUIRE(reader.readFloats(floats(2, 2), "TEXCOORD_0", out, problem));
    CHECK(out == std::vector<float>{1, 2, 3, 4});
}

TEST_CASE("an accessor offset past the view is refused and so is a last element that overruns") {
    const auto bytes = floatBytes({1, 2, 3, 4, 5, 6});
    AccessorReader reader({bytes}, {{0, 0, bytes.size(), 0}}, kBudget);
    std::vector<float> out;
    AccessorProblem problem;
    AccessorDesc a = floats(3, 1);
    a.byteOffset = 40;
    CHECK_FALSE(reader.readFloats(a, "POSITION", out, problem));
    CHECK(problem.message == "1 elements from byte 40 do not fit in buffer view 0 (24 bytes)");
    a.byteOffset = 4;
    a.count = 2;
    CHECK_FALSE(reader.readFloats(a, "POSITION", out, problem));
    CHECK(problem.message == "2 elements from byte 4 do not fit in buffer view 0 (24 bytes)");
}

TEST_CASE("a huge count or stride is refused without overflowing the range check") {
    const auto bytes = floatBytes({1, 2, 3});
    AccessorReader reader({bytes}, {{0, 0, bytes.size(), ~std::uint64_t{0} - 3}}, ~std::uint64_t{0});
    std::vector<float> out;
    AccessorProblem problem;
    CHECK_FALSE(reader.readFloats(floats(1, 2), "weights", out, problem));
    CHECK(problem.message.find("do not fit in buffer view 0") != std::string::npos);
    AccessorReader packed({bytes}, {{0, 0, bytes.size(), 0}}, ~std::uint64_t{0});
    CHECK_FALSE(packed.readFloats(floats(1, ~std::uint64_t{0}), "weights", out, problem));
    CHECK(problem.message.find("do not fit in buffer view 0") != std::string::npos);
}

TEST_CASE("a count over the decoded budget is refused before anything is allocated") {
    AccessorReader reader({}, {}, 100);
    AccessorDesc a = floats(4, 10); // no view: zeros, 160 bytes of numbers
    a.bufferView = -1;
    std::vector<float> out;
    AccessorProblem problem;
    CHECK_FALSE(reader.readFloats(a, "weights", out, problem));
    CHECK(problem.field == "weights");
    CHECK(problem.message ==
          "reading its 40 values would take the numbers read from the file past 100 bytes (the "
          "limit for a file of this size)");
    CHECK(out.empty());
    CHECK(reader.decodedBytes() == 0);
    a.count = 6; // 96 bytes: fits, and then the next read does not
    CHECK(reader.readFloats(a, "weights", out, problem));
    CHECK(out == std::vector<float>(24, 0.0f));
    a.count = 1;
    CHECK_FALSE(reader.readFloats(a, "weights", out, problem));
}

TEST_CASE("normalised bytes and shorts map to the unit range and unnormalised ones keep their value") {
    const std::vector<std::uint8_t> bytes = {0, 255, 0x81, 0x7f, 0x00, 0x80};
    AccessorReader reader({bytes}, {{0, 0, 2, 0}, {0, 2, 2, 0}, {0, 4, 2, 0}}, kBudget);
    std::vector<float> out;
    AccessorProblem problem;
    AccessorDesc a;
    a.bufferView = 0;
    a.componentType = kGltfUnsignedByte;
    a.components = 2;
    a.count = 1;
    a.normalized = true;
    REQUIRE(reader.readFloats(a, "COLOR_0", out, problem));
    CHECK(out == std::vector<float>{0.0f, 1.0f});
    a.bufferView = 1;
    a.componentType = kGltfByte; // -127, 127
    REQUIRE(reader.readFloats(a, "NORMAL", out, problem));
    CHECK(out == std::vector<float>{-1.0f, 1.0f});
    a.bufferView = 2;
    a.componentType = kGltfShort; // -32768 clamps to -1
    a.components = 1;
    REQUIRE(reader.readFloats(a, "NORMAL", out, problem));
    CHECK(out == std::vector<float>{-1.0f});
    a.bufferView = 0;
    a.componentType = kGltfUnsignedByte;
    a.components = 2;
    a.normalized = false;
    REQUIRE(reader.readFloats(a, "JOINTS_0", out, problem));
    CHECK(out == std::vector<float>{0.0f, 255.0f});
}

TEST_CASE("unsigned indices of each width read as integers and a float index type reads as invalid") {
    const std::vector<std::uint8_t> bytes = {1, 0, 2, 0, 0xff, 0xff, 0, 0};
    AccessorReader reader({bytes}, {{0, 0, bytes.size(), 0}}, kBudget);
    std::vector<std::uint32_t> out;
    AccessorProblem problem;
    AccessorDesc a;
    a.bufferView = 0;
    a.componentType = kGltfUnsignedShort;
    a.count = 3;
    REQUIRE(reader.readUints(a, "indices", out, problem));
    CHECK(out == std::vector<std::uint32_t>{1, 2, 0xffff});
    a.componentType = kGltfUnsignedInt;
    a.count = 2;
    REQUIRE(reader.readUints(a, "indices", out, problem));
    CHECK(out == std::vector<std::uint32_t>{0x00020001u, 0x0000ffffu});
    a.componentType = kGltfFloat;
    a.count = 1;
    REQUIRE(reader.readUints(a, "indices", out, problem));
    CHECK(out == std::vector<std::uint32_t>{0xffffffffu});
}

TEST_CASE("sparse values replace the elements their indices name") {
    // view 0: base (3 scalars), view 1: indices (u8: 2, 0), view 2: values (7, 8)
    std::vector<std::uint8_t> bytes = floatBytes({1, 2, 3, 7, 8});
    bytes.push_back(2);
    bytes.push_back(0);
    AccessorReader reader({bytes}, {{0, 0, 12, 0}, {0, 20, 2, 0}, {0, 12, 8, 0}}, kBudget);
    AccessorDesc a = floats(1, 3);
    a.sparse = {true, 2, kGltfUnsignedByte, 1, 0, 2, 0};
    std::vector<float> out;
    AccessorProblem problem;
    REQUIRE(reader.readFloats(a, "POSITION", out, problem));
    CHECK(out == std::vector<float>{8, 2, 7});
}

TEST_CASE("sparse indices out of range and sparse parts outside their views are refused") {
    std::vector<std::uint8_t> bytes = floatBytes({1, 2, 3, 7, 8});
    bytes.push_back(3);
    bytes.push_back(0);
    AccessorReader reader({bytes}, {{0, 0, 12, 0}, {0, 20, 2, 0}, {0, 12, 8, 0}}, kBudget);
    AccessorDesc a = floats(1, 3);
    a.sparse = {true, 2, kGltfUnsignedByte, 1, 0, 2, 0};
    std::vector<float> out;
    AccessorProblem problem;
    CHECK_FALSE(reader.readFloats(a, "POSITION", out, problem));
    CHECK(problem.message == "sparse index 3 is not below the accessor's count 3");
    a.sparse.count = 4;
    CHECK_FALSE(reader.readFloats(a, "POSITION", out, problem));
    CHECK(problem.message == "the sparse count 4 exceeds the accessor's count 3");
    a.sparse.count = 2;
    a.sparse.valuesOffset = 4;
    CHECK_FALSE(reader.readFloats(a, "POSITION", out, problem));
    CHECK(problem.message == "the sparse indices or values do not fit in their buffer views");
    a.sparse.valuesOffset = 0;
    a.sparse.indexComponentType = kGltfShort;
    CHECK_FALSE(reader.readFloats(a, "POSITION", out, problem));
    CHECK(problem.message == "the sparse indices have an invalid component type");
    a.sparse.indexComponentType = kGltfUnsignedByte;
    a.sparse.indicesView = 9;
    CHECK_FALSE(reader.readFloats(a, "POSITION", out, problem));
    CHECK(problem.field == "POSITION (sparse indices)");
}

TEST_CASE("an accessor of no known component type or too many components is refused") {
    AccessorReader reader({}, {}, kBudget);
    AccessorDesc a = floats(17, 1);
    a.bufferView = -1;
    std::vector<float> out;
    AccessorProblem problem;
    CHECK_FALSE(reader.readFloats(a, "output", out, problem));
    CHECK(problem.message == "has an invalid type or component type");
    a.components = 1;
    a.componentType = 1234;
    CHECK_FALSE(reader.readFloats(a, "output", out, problem));
    CHECK(gltfComponentSize(1234) == 0);
}
