// The checked reader of glTF accessors: typed, normalised and sparse accessors read out of
// buffer views and buffers, with every index, offset, stride, count and the decoded-bytes budget
// checked before a byte is touched. No third-party types: the glTF loader (gltf_loader.cpp)
// describes its buffers, views and accessors in the plain structs below, and a fuzz target
// (tests/fuzz/fuzz_accessor.cpp) can drive the reader directly.
//
// Numbers follow the glTF 2.0 specification: component types are its codes (5120 BYTE ...
// 5126 FLOAT), offsets, lengths and strides are in bytes, counts in elements.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace hv::io::detail {

// glTF component types (accessor.componentType).
inline constexpr int kGltfByte = 5120;
inline constexpr int kGltfUnsignedByte = 5121;
inline constexpr int kGltfShort = 5122;
inline constexpr int kGltfUnsignedShort = 5123;
inline constexpr int kGltfInt = 5124; // not in glTF 2.0's accessor table; read as tinygltf allows
inline constexpr int kGltfUnsignedInt = 5125;
inline constexpr int kGltfFloat = 5126;

// Bytes of one component of `componentType`, or 0 for a code glTF does not define.
int gltfComponentSize(int componentType);

// A buffer view: `buffer` indexes the reader's buffers.
struct BufferViewDesc {
    int buffer = -1;
    std::uint64_t byteOffset = 0;
    std::uint64_t byteLength = 0;
    std::uint64_t byteStride = 0; // 0: elements are tightly packed
};

// An accessor, as far as reading it goes (which types a caller accepts is the caller's check).
struct AccessorDesc {
    int bufferView = -1; // < 0: every element is zero (sparse values may replace some)
    std::uint64_t byteOffset = 0;
    int componentType = kGltfFloat;
    int components = 1; // per element: 1 (SCALAR) to 16 (MAT4)
    std::uint64_t count = 0;
    bool normalized = false; // integers map to [0, 1] (unsigned) or [-1, 1] (signed)
    struct Sparse {
        bool present = false;
        std::int64_t count = 0;
        int indexComponentType = kGltfUnsignedInt;
        int indicesView = -1;
        std::int64_t indicesOffset = 0;
        int valuesView = -1;
        std::int64_t valuesOffset = 0;
    } sparse;
};

// Why a read failed, in the shape of a diagnostic: the place in the file (e.g. "bufferView 3",
// or the caller's own `where`) and the reason.
struct AccessorProblem {
    std::string field;
    std::string message;
};

class AccessorReader {
  public:
    // The bytes `buffers` point to must outlive the reader. `decodedBudget`: bytes of numbers (4
    // per value read) that all reads together may produce.
    AccessorReader(std::vector<std::span<const std::uint8_t>> buffers,
                   std::vector<BufferViewDesc> views, std::uint64_t decodedBudget);

    // The bytes of buffer view `index`, checked against its buffer. `where` names the referrer
    // (used when the index itself is wrong).
    bool view(int index, const std::string& where, std::span<const std::uint8_t>& out,
              AccessorProblem& problem) const;

    // Reads every value of `a` (count * components of them, element-major) as floats; integers
    // are converted, and scaled when a.normalized. On failure `out` is unspecified and `problem`
    // says why; `where` names the accessor's user (e.g. "mesh 0 primitive 1 POSITION").
    bool readFloats(const AccessorDesc& a, const std::string& where, std::vector<float>& out,
                    AccessorProblem& problem);
    // The same for unsigned integer accessors (indices, joints); a signed or float component type
    // reads as 0xFFFFFFFF, which no index check accepts.
    bool readUints(const AccessorDesc& a, const std::string& where,
                   std::vector<std::uint32_t>& out, AccessorProblem& problem);

    std::uint64_t decodedBytes() const { return m_decodedBytes; }

  private:
    struct Span {
        const std::uint8_t* data = nullptr; // first element; null: all zero
        std::size_t stride = 0;
    };
    bool checkShape(const AccessorDesc& a, const std::string& where, AccessorProblem& problem) const;
    bool baseSpan(const AccessorDesc& a, const std::string& where, Span& out,
                  AccessorProblem& problem) const;
    bool charge(std::uint64_t count, int components, const std::string& where,
                AccessorProblem& problem);
    template <class T, class Convert>
    bool read(const AccessorDesc& a, const std::string& where, std::vector<T>& out,
              AccessorProblem& problem, Convert convert);

    std::vector<std::span<const std::uint8_t>> m_buffers;
    std::vector<BufferViewDesc> m_views;
    std::uint64_t m_decodedBudget;
    std::uint64_t m_decodedBytes = 0;
};

} // namespace hv::io::detail
