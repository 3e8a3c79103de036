#pragma once
// A minimal writer of netCDF-4-compatible HDF5 files: named dimensions are HDF5 dimension
// scales (H5DS) backed by coordinate variables, every variable has its dimension scales
// attached, and text attributes are stored the way netCDF stores them, so ncdump,
// netCDF4-python, xarray (h5netcdf) and h5py all read the file. The class knows nothing
// about eiisim; hdf5_layout.cpp decides what goes in.
#include <hdf5.h>

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "hdf5_handles.hpp"
#include "hdf5_types.hpp"

namespace eiisim::h5 {

// The CF attributes every variable carries, plus optional extra text attributes
// (flag_meanings, comment, ...).
struct VarAttrs {
    std::string units;
    std::string long_name;
    std::vector<std::pair<std::string, std::string>> text{};
};

// CF flag attributes of a coded integer variable: flag_values (same type as the variable)
// and flag_meanings (blank-separated words).
template <typename T>
struct Flags {
    std::vector<T> values;
    std::string meanings;
};

class NcFile {
public:
    // Creates (truncating) the file at `path`.
    explicit NcFile(const std::filesystem::path& path);

    // A dimension of length coords.size() and its coordinate variable of the same name.
    template <typename T>
    void add_dimension(const std::string& name, std::span<const T> coords, const VarAttrs& attrs) {
        auto ds = create_dataset(name, {dims_length(coords.size())}, TypeOf<T>::file(), sizeof(T), false);
        write_dataset(ds, TypeOf<T>::memory(), coords.data(), name);
        finish_dimension(name, std::move(ds), coords.size(), attrs);
    }
    void add_dimension(const std::string& name, std::span<const std::string> coords, const VarAttrs& attrs);

    // A variable along the named dimensions (row-major: last dimension varies fastest).
    template <typename T>
    void add_variable(const std::string& name, const std::vector<std::string>& dims, std::span<const T> data,
                      const VarAttrs& attrs) {
        const auto shape = shape_of(name, dims, data.size());
        auto ds = create_dataset(name, shape, TypeOf<T>::file(), sizeof(T), is_run_leading(dims));
        write_dataset(ds, TypeOf<T>::memory(), data.data(), name);
        finish_variable(name, ds, dims, attrs);
    }
    template <typename T>
    void add_variable(const std::string& name, const std::vector<std::string>& dims, std::span<const T> data,
                      const VarAttrs& attrs, const Flags<T>& flags) {
        add_variable(name, dims, data, attrs);
        auto ds = open_dataset(name);
        write_numeric_attribute(ds.get(), "flag_values", TypeOf<T>::memory(), TypeOf<T>::file(),
                                flags.values.data(), flags.values.size(), name);
        write_text_attribute(ds.get(), "flag_meanings", flags.meanings, name);
    }
    void add_variable(const std::string& name, const std::vector<std::string>& dims,
                      std::span<const std::string> data, const VarAttrs& attrs);

    // Global (file) attributes.
    void set_global(const std::string& name, const std::string& value);
    // Stored as a variable-length string: no 64 KiB object-header limit (scenario text).
    void set_global_long_text(const std::string& name, const std::string& value);
    template <typename T>
    void set_global_number(const std::string& name, T value) {
        write_numeric_attribute(file_.get(), name, TypeOf<T>::memory(), TypeOf<T>::file(), &value, 1, "/");
    }

    // Closes every object and the file, reporting a failed flush.
    void close();

private:
    struct Dimension {
        std::string name;
        hsize_t length = 0;
        Handle scale;
    };

    static hsize_t dims_length(std::size_t n) { return static_cast<hsize_t>(n); }
    [[nodiscard]] std::vector<hsize_t> shape_of(const std::string& var, const std::vector<std::string>& dims,
                                                std::size_t elements) const;
    [[nodiscard]] const Dimension& dimension(const std::string& var, const std::string& dim) const;
    static bool is_run_leading(const std::vector<std::string>& dims) { return !dims.empty() && dims[0] == "run"; }

    Handle create_dataset(const std::string& name, const std::vector<hsize_t>& shape, hid_t file_type,
                          std::size_t element_bytes, bool run_leading);
    Handle open_dataset(const std::string& name) const;
    static void write_dataset(const Handle& ds, hid_t memory_type, const void* data, const std::string& name);
    void finish_dimension(const std::string& name, Handle ds, std::size_t length, const VarAttrs& attrs);
    void finish_variable(const std::string& name, const Handle& ds, const std::vector<std::string>& dims,
                         const VarAttrs& attrs);
    static void write_common_attributes(hid_t obj, const VarAttrs& attrs, const std::string& owner);
    static void write_text_attribute(hid_t obj, const std::string& name, const std::string& value,
                                     const std::string& owner);
    static void write_numeric_attribute(hid_t obj, const std::string& name, hid_t memory_type, hid_t file_type,
                                        const void* values, std::size_t count, const std::string& owner);

    Handle file_;
    std::vector<Dimension> dims_;
};

}  // namespace eiisim::h5
