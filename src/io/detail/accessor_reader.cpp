#include "io/detail/accessor_reader.hpp"

#include "io/detail/load_support.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

namespace hv::io::detail {

namespace {

float readComponent(const std::uint8_t* p, int componentType, bool normalized) {
    switch (componentType) {
    case kGltfFloat: {
        float f;
        std::memcpy(&f, p, 4);
        return f;
    }
    case kGltfUnsignedByte:
        return normalized ? static_cast<float>(*p) / 255.0f : static_cast<float>(*p);
    case kGltfByte: {
        const auto v = static_cast<std::int8_t>(*p);
        return normalized ? std::max(static_cast<float>(v) / 127.0f, -1.0f) : static_cast<float>(v);
    }
    case kGltfUnsignedShort: {
        std::uint16_t v;
        std::memcpy(&v, p, 2);
        return normalized ? static_cast<float>(v) / 65535.0f : static_cast<float>(v);
    }
    case kGltfShort: {
        std::int16_t v;
        std::memcpy(&v, p, 2);
        return normalized ? std::max(static_cast<float>(v) / 32767.0f, -1.0f)
                          : static_cast<float>(v);
    }
    case kGltfUnsignedInt: {
        std::uint32_t v;
        std::memcpy(&v, p, 4);
        return static_cast<float>(v);
    }
    case kGltfInt: {
        std::int32_t v;
        std::memcpy(&v, p, 4);
        return static_cast<float>(v);
    }
    default:
        return 0.0f;
    }
}

std::uint32_t readIndex(const std::uint8_t* p, int componentType) {
    switch (componentType) {
    case kGltfUnsignedByte:
        return *p;
    case kGltfUnsignedShort: {
        std::uint16_t v;
        std::memcpy(&v, p, 2);
        return v;
    }
    case kGltfUnsignedInt: {
        std::uint32_t v;
        std::memcpy(&v, p, 4);
        return v;
    }
    default:
        return std::numeric_limits<std::uint32_t>::max();
    }
}

bool fail(AccessorProblem& problem, std::string field, std::string message) {
    problem.field = std::move(field);
    problem.message = std::move(message);
    return false;
}

} // namespace

int gltfComponentSize(int componentType) {
    switch (componentType) {
    case kGltfByte:
    case kGltfUnsignedByte:
        return 1;
    case kGltfShort:
    case kGltfUnsignedShort:
        return 2;
    case kGltfInt:
    case kGltfUnsignedInt:
    case kGltfFloat:
        return 4;
    default:
        return 0;
    }
}

AccessorReader::AccessorReader(std::vector<std::span<const std::uint8_t>> buffers,
                               std::vector<BufferViewDesc> views, std::uint64_t decodedBudget)
    : m_buffers(std::move(buffers)), m_views(std::move(views)), m_decodedBudget(decodedBudget) {}

bool AccessorReader::view(int index, const std::string& where, std::span<const std::uint8_t>& out,
                          AccessorProblem& problem) const {
    if (index < 0 || static_cast<std::size_t>(index) >= m_views.size())
        return fail(problem, where,
                    "refers to buffer view " + std::to_string(index) + ", which does not exist");
    const BufferViewDesc& v = m_views[static_cast<std::size_t>(index)];
    const std::string place = "bufferView " + std::to_string(index);
    if (v.buffer < 0 || static_cast<std::size_t>(v.buffer) >= m_buffers.size())
        return fail(problem, place,
                    "refers to buffer " + std::to_string(v.buffer) + ", which does not exist");
    const std::span<const std::uint8_t> buffer = m_buffers[static_cast<std::size_t>(v.buffer)];
    if (v.byteOffset > buffer.size() || v.byteLength > buffer.size() - v.byteOffset)
        return fail(problem, place,
                    "bytes " + std::to_string(v.byteOffset) + " to " +
                        std::to_string(v.byteOffset + v.byteLength) + " lie outside buffer " +
                        std::to_string(v.buffer) + " (" + std::to_string(buffer.size()) +
                        " bytes)");
    out = buffer.subspan(static_cast<std::size_t>(v.byteOffset),
                         static_cast<std::size_t>(v.byteLength));
    return true;
}

bool AccessorReader::checkShape(const AccessorDesc& a, const std::string& where,
                                AccessorProblem& problem) const {
    if (a.components < 1 || a.components > 16 || gltfComponentSize(a.componentType) == 0)
        return fail(problem, where, "has an invalid type or component type");
    return true;
}

bool AccessorReader::baseSpan(const AccessorDesc& a, const std::string& where, Span& out,
                              AccessorProblem& problem) const {
    const std::uint64_t elementSize =
        static_cast<std::uint64_t>(a.components) * static_cast<std::uint64_t>(gltfComponentSize(a.componentType));
    out = {};
    if (a.bufferView < 0) return true; // all zeros (sparse may fill in values)
    std::span<const std::uint8_t> bytes;
    if (!view(a.bufferView, where, bytes, problem)) return false;
    const std::uint64_t declared = m_views[static_cast<std::size_t>(a.bufferView)].byteStride;
    const std::uint64_t stride = declared ? declared : elementSize;
    if (stride < elementSize)
        return fail(problem, where,
                    "buffer view " + std::to_string(a.bufferView) + " has a byteStride of " +
                        std::to_string(stride) + ", smaller than one element (" +
                        std::to_string(elementSize) + " bytes)");
    const std::uint64_t length = bytes.size();
    if (a.count > 0) {
        // offset + (count - 1) * stride + elementSize <= length, without overflow.
        const bool fits = a.byteOffset <= length && elementSize <= length - a.byteOffset &&
                          a.count - 1 <= (length - a.byteOffset - elementSize) / stride;
        if (!fits)
            return fail(problem, where,
                        std::to_string(a.count) + " elements from byte " +
                            std::to_string(a.byteOffset) + " do not fit in buffer view " +
                            std::to_string(a.bufferView) + " (" + std::to_string(length) +
                            " bytes)");
    }
    out.data = a.count > 0 ? bytes.data() + a.byteOffset : nullptr;
    out.stride = static_cast<std::size_t>(stride);
    return true;
}

bool AccessorReader::charge(std::uint64_t count, int components, const std::string& where,
                            AccessorProblem& problem) {
    const auto c = static_cast<std::uint64_t>(components); // 1..16
    const std::uint64_t left = m_decodedBudget - m_decodedBytes;
    if (count > left / 4 / c) {
        const bool representable = count <= std::numeric_limits<std::uint64_t>::max() / c;
        return fail(problem, where,
                    "reading its " +
                        (representable ? std::to_string(count * c)
                                       : std::to_string(count) + " x " + std::to_string(c)) +
                        " values would take the numbers read from the file past " +
                        formatBytes(m_decodedBudget) + " (the limit for a file of this size)");
    }
    m_decodedBytes += count * c * 4;
    return true;
}

template <class T, class Convert>
bool AccessorReader::read(const AccessorDesc& a, const std::string& where, std::vector<T>& out,
                          AccessorProblem& problem, Convert convert) {
    if (!checkShape(a, where, problem)) return false;
    Span span;
    if (!baseSpan(a, where, span, problem)) return false;
    if (!charge(a.count, a.components, where, problem)) return false;
    const auto c = static_cast<std::size_t>(a.components);
    const auto n = static_cast<std::size_t>(a.count);
    const auto cs = static_cast<std::size_t>(gltfComponentSize(a.componentType));
    out.assign(n * c, T{});
    if (span.data)
        for (std::size_t e = 0; e < n; ++e) {
            const std::uint8_t* p = span.data + e * span.stride;
            for (std::size_t k = 0; k < c; ++k) out[e * c + k] = convert(p + k * cs);
        }

    const AccessorDesc::Sparse& sp = a.sparse;
    if (!sp.present) return true;
    if (sp.count < 0 || static_cast<std::uint64_t>(sp.count) > a.count)
        return fail(problem, where,
                    "the sparse count " + std::to_string(sp.count) +
                        " exceeds the accessor's count " + std::to_string(a.count));
    const auto sn = static_cast<std::uint64_t>(sp.count);
    if (sn == 0) return true;
    if (sp.indexComponentType != kGltfUnsignedByte && sp.indexComponentType != kGltfUnsignedShort &&
        sp.indexComponentType != kGltfUnsignedInt)
        return fail(problem, where, "the sparse indices have an invalid component type");
    std::span<const std::uint8_t> indices;
    std::span<const std::uint8_t> values;
    if (!view(sp.indicesView, where + " (sparse indices)", indices, problem)) return false;
    if (!view(sp.valuesView, where + " (sparse values)", values, problem)) return false;
    const auto indexSize = static_cast<std::uint64_t>(gltfComponentSize(sp.indexComponentType));
    const std::uint64_t valueSize = c * cs;
    // offset + sn * size <= the view's length, without overflow.
    auto fits = [sn](std::int64_t offset, std::uint64_t size, std::size_t length) {
        return offset >= 0 && static_cast<std::uint64_t>(offset) <= length &&
               sn <= (length - static_cast<std::uint64_t>(offset)) / size;
    };
    if (!fits(sp.indicesOffset, indexSize, indices.size()) ||
        !fits(sp.valuesOffset, valueSize, values.size()))
        return fail(problem, where, "the sparse indices or values do not fit in their buffer views");
    const std::uint8_t* idata = indices.data() + sp.indicesOffset;
    const std::uint8_t* vdata = values.data() + sp.valuesOffset;
    for (std::size_t i = 0; i < sn; ++i) {
        const std::uint32_t target = readIndex(idata + i * indexSize, sp.indexComponentType);
        if (target >= a.count)
            return fail(problem, where,
                        "sparse index " + std::to_string(target) +
                            " is not below the accessor's count " + std::to_string(a.count));
        const std::uint8_t* p = vdata + i * valueSize;
        for (std::size_t k = 0; k < c; ++k) out[target * c + k] = convert(p + k * cs);
    }
    return true;
}

bool AccessorReader::readFloats(const AccessorDesc& a, const std::string& where,
                                std::vector<float>& out, AccessorProblem& problem) {
    return read(a, where, out, problem, [&a](const std::uint8_t* p) {
        return readComponent(p, a.componentType, a.normalized);
    });
}

bool AccessorReader::readUints(const AccessorDesc& a, const std::string& where,
                               std::vector<std::uint32_t>& out, AccessorProblem& problem) {
    return read(a, where, out, problem,
                [&a](const std::uint8_t* p) { return readIndex(p, a.componentType); });
}

} // namespace hv::io::detail
