#pragma once
// Maps the C++ element types the writer uses to HDF5 types: the in-memory (native) type
// and the on-disk type. The on-disk types are fixed little-endian standard types so a file
// is byte-for-byte the same whichever machine wrote it.
#include <hdf5.h>

#include <cstdint>

namespace eiisim::h5 {

template <typename T>
struct TypeOf;

template <>
struct TypeOf<std::uint8_t> {
    static hid_t memory() { return H5T_NATIVE_UINT8; }
    static hid_t file() { return H5T_STD_U8LE; }
};
template <>
struct TypeOf<std::int16_t> {
    static hid_t memory() { return H5T_NATIVE_INT16; }
    static hid_t file() { return H5T_STD_I16LE; }
};
template <>
struct TypeOf<std::int32_t> {
    static hid_t memory() { return H5T_NATIVE_INT32; }
    static hid_t file() { return H5T_STD_I32LE; }
};
template <>
struct TypeOf<std::uint64_t> {
    static hid_t memory() { return H5T_NATIVE_UINT64; }
    static hid_t file() { return H5T_STD_U64LE; }
};
template <>
struct TypeOf<double> {
    static hid_t memory() { return H5T_NATIVE_DOUBLE; }
    static hid_t file() { return H5T_IEEE_F64LE; }
};

}  // namespace eiisim::h5
