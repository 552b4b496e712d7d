// The checked glTF accessor reader (io/detail/accessor_reader) on its own, without a glTF file
// around it: the input's first kHeader bytes describe one accessor and its buffer views, the rest
// is the buffer. Every description is read as floats and as unsigned integers; a read must either
// refuse with a place and a reason or give exactly count * components values, charged to the
// budget, with normalised integers inside [-1, 1]. ASan sees any byte read outside the buffer.
//
// Header (little-endian): [0] component type (5120 + b % 8, so one code in eight is invalid),
// [1] components (b % 18), [2] flags (bit 0 normalised, bit 1 sparse, bit 2 no buffer view,
// bits 3-4 sparse index type), [3] byteStride, [4..5] count, [6..7] accessor byteOffset,
// [8..9] view byteOffset, [10..11] view byteLength, [12] sparse count, [13..14] sparse indices
// offset, [15..16] sparse values offset, [17] sparse views (bits 0-1 indices, 2-3 values; view 0
// is the accessor's, view 1 the whole buffer, views 2 and 3 name a missing buffer and nothing).
#include "fuzz_support.hpp"

#include "io/detail/accessor_reader.hpp"

#include <cmath>

using namespace hv;
using namespace hv::io::detail;

namespace {

constexpr std::size_t kHeader = 18;
constexpr std::uint64_t kBudget = 1u << 20;

std::uint16_t u16(const std::uint8_t* p) {
    return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}

void checkRead(bool ok, std::size_t size, const AccessorDesc& a, const AccessorProblem& problem,
               std::uint64_t charged) {
    if (!ok) {
        if (problem.field.empty() || problem.message.empty())
            hv::fuzz::fuzzFail("a refused read has no place or no reason", problem.field + ": " + problem.message);
        return;
    }
    if (size != a.count * static_cast<std::uint64_t>(a.components))
        hv::fuzz::fuzzFail("a read gave the wrong number of values");
    if (charged != size * 4) hv::fuzz::fuzzFail("a read charged the budget the wrong amount");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < kHeader) return 0;
    const std::uint8_t* h = data;
    const std::span<const std::uint8_t> buffer(data + kHeader, size - kHeader);

    AccessorDesc a;
    a.componentType = kGltfByte + h[0] % 8;
    a.components = h[1] % 18;
    a.normalized = (h[2] & 1) != 0;
    a.bufferView = (h[2] & 4) ? -1 : 0;
    a.count = u16(h + 4);
    a.byteOffset = u16(h + 6);
    static constexpr int kIndexTypes[4] = {kGltfUnsignedByte, kGltfUnsignedShort, kGltfUnsignedInt,
                                           kGltfFloat};
    a.sparse.present = (h[2] & 2) != 0;
    a.sparse.indexComponentType = kIndexTypes[(h[2] >> 3) & 3];
    a.sparse.count = h[12];
    a.sparse.indicesOffset = u16(h + 13);
    a.sparse.valuesOffset = u16(h + 15);
    a.sparse.indicesView = h[17] & 3;
    a.sparse.valuesView = (h[17] >> 2) & 3;

    const std::vector<BufferViewDesc> views = {
        {0, u16(h + 8), u16(h + 10), h[3]}, {0, 0, buffer.size(), 0}, {1, 0, 1, 0}};

    {
        AccessorReader reader({buffer}, views, kBudget);
        std::vector<float> out;
        AccessorProblem problem;
        const bool ok = reader.readFloats(a, "accessor", out, problem);
        checkRead(ok, out.size(), a, problem, reader.decodedBytes());
        if (ok && a.normalized && a.componentType != kGltfFloat &&
            a.componentType != kGltfUnsignedInt && a.componentType != kGltfInt)
            for (const float v : out)
                if (!(v >= -1.0f && v <= 1.0f)) hv::fuzz::fuzzFail("a normalised value lies outside [-1, 1]");
    }
    {
        AccessorReader reader({buffer}, views, kBudget);
        std::vector<std::uint32_t> out;
        AccessorProblem problem;
        const bool ok = reader.readUints(a, "accessor", out, problem);
        checkRead(ok, out.size(), a, problem, reader.decodedBytes());
    }
    return 0;
}
