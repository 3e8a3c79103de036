// Implementation of the netCDF-4-compatible HDF5 writer (see nc_file.hpp). The property
// choices below are what make the file readable by netCDF and reproducible byte for byte:
//  - creation order of links and attributes is tracked and indexed, as netCDF-4 does, so
//    tools list variables and attributes in the order written;
//  - object modification times are not stored, so two runs with the same results give
//    identical files (only the `created` attribute can differ);
//  - file format bounds are pinned to the HDF5 1.8 format, readable by every netCDF-4.
#include "nc_file.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <stdexcept>

#include "hdf5_storage.hpp"

namespace eiisim::h5 {

namespace {

constexpr unsigned kCreationOrder = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;

Handle utf8_string_type(std::size_t size, const std::string& what) {
    auto type = type_handle(H5Tcopy(H5T_C_S1), what);
    if (size == 0) {
        check(H5Tset_size(type.get(), H5T_VARIABLE), what);
    } else {
        check(H5Tset_size(type.get(), size), what);
        check(H5Tset_strpad(type.get(), H5T_STR_NULLTERM), what);
    }
    check(H5Tset_cset(type.get(), H5T_CSET_UTF8), what);
    return type;
}

std::vector<const char*> c_strings(std::span<const std::string> values) {
    std::vector<const char*> ptrs(values.size());
    std::transform(values.begin(), values.end(), ptrs.begin(), [](const std::string& s) { return s.c_str(); });
    return ptrs;
}

}  // namespace

NcFile::NcFile(const std::filesystem::path& path) {
    const std::string what = "creating file '" + path.string() + "'";
    auto fcpl = plist_handle(H5Pcreate(H5P_FILE_CREATE), what);
    check(H5Pset_link_creation_order(fcpl.get(), kCreationOrder), what);
    check(H5Pset_attr_creation_order(fcpl.get(), kCreationOrder), what);
    check(H5Pset_obj_track_times(fcpl.get(), false), what);
    auto fapl = plist_handle(H5Pcreate(H5P_FILE_ACCESS), what);
    check(H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_V18, H5F_LIBVER_V18), what);
    file_ = file_handle(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.get()), what);
}

std::vector<hsize_t> NcFile::shape_of(const std::string& var, const std::vector<std::string>& dims,
                                      std::size_t elements) const {
    std::vector<hsize_t> shape;
    hsize_t expected = 1;
    for (const auto& d : dims) {
        shape.push_back(dimension(var, d).length);
        expected *= shape.back();
    }
    if (expected != elements) {
        throw Hdf5Error("variable '" + var + "': " + std::to_string(elements) + " values given, the dimensions need " +
                        std::to_string(expected));
    }
    return shape;
}

const NcFile::Dimension& NcFile::dimension(const std::string& var, const std::string& dim) const {
    const auto it = std::find_if(dims_.begin(), dims_.end(), [&](const Dimension& d) { return d.name == dim; });
    if (it == dims_.end()) {
        throw Hdf5Error("variable '" + var + "': dimension '" + dim + "' is not defined");
    }
    return *it;
}

Handle NcFile::create_dataset(const std::string& name, const std::vector<hsize_t>& shape, hid_t file_type,
                              std::size_t element_bytes, bool run_leading) {
    const std::string what = "creating variable '" + name + "'";
    auto space = space_handle(H5Screate_simple(static_cast<int>(shape.size()), shape.data(), nullptr), what);
    auto dcpl = plist_handle(H5Pcreate(H5P_DATASET_CREATE), what);
    check(H5Pset_attr_creation_order(dcpl.get(), kCreationOrder), what);
    check(H5Pset_obj_track_times(dcpl.get(), false), what);
    // Variable-length strings stay contiguous and unfiltered: filters would compress only
    // the heap references, and some netCDF versions refuse filtered variable-length data.
    if (H5Tis_variable_str(file_type) <= 0) {
        // Every element is written right after creation; pre-filling would only cost time.
        // (HDF5 requires a fill value for variable-length types, so strings keep it.)
        check(H5Pset_fill_time(dcpl.get(), H5D_FILL_TIME_NEVER), what);
        const Storage storage = choose_storage(shape, element_bytes, run_leading);
        if (storage.chunked) {
            check(H5Pset_chunk(dcpl.get(), static_cast<int>(storage.chunk.size()), storage.chunk.data()), what);
            check(H5Pset_shuffle(dcpl.get()), what);
            check(H5Pset_deflate(dcpl.get(), kDeflateLevel), what);
        }
    }
    return dataset_handle(
        H5Dcreate2(file_.get(), name.c_str(), file_type, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT), what);
}

Handle NcFile::open_dataset(const std::string& name) const {
    return dataset_handle(H5Dopen2(file_.get(), name.c_str(), H5P_DEFAULT), "opening variable '" + name + "'");
}

void NcFile::write_dataset(const Handle& ds, hid_t memory_type, const void* data, const std::string& name) {
    check(H5Dwrite(ds.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), "writing variable '" + name + "'");
}

void NcFile::add_dimension(const std::string& name, std::span<const std::string> coords, const VarAttrs& attrs) {
    const std::string what = "creating dimension '" + name + "'";
    auto type = utf8_string_type(0, what);
    auto ds = create_dataset(name, {dims_length(coords.size())}, type.get(), sizeof(char*), false);
    const auto ptrs = c_strings(coords);
    write_dataset(ds, type.get(), ptrs.data(), name);
    finish_dimension(name, std::move(ds), coords.size(), attrs);
}

void NcFile::finish_dimension(const std::string& name, Handle ds, std::size_t length, const VarAttrs& attrs) {
    // The scale's NAME is the dimension name, as netCDF-4 writes it for coordinate variables.
    check(H5DSset_scale(ds.get(), name.c_str()), "making '" + name + "' a dimension scale");
    write_common_attributes(ds.get(), attrs, name);
    dims_.push_back(Dimension{name, dims_length(length), std::move(ds)});
}

void NcFile::add_variable(const std::string& name, const std::vector<std::string>& dims,
                          std::span<const std::string> data, const VarAttrs& attrs) {
    const auto shape = shape_of(name, dims, data.size());
    auto type = utf8_string_type(0, "creating variable '" + name + "'");
    auto ds = create_dataset(name, shape, type.get(), sizeof(char*), false);
    const auto ptrs = c_strings(data);
    write_dataset(ds, type.get(), ptrs.data(), name);
    finish_variable(name, ds, dims, attrs);
}

void NcFile::finish_variable(const std::string& name, const Handle& ds, const std::vector<std::string>& dims,
                             const VarAttrs& attrs) {
    for (std::size_t i = 0; i < dims.size(); ++i) {
        check(H5DSattach_scale(ds.get(), dimension(name, dims[i]).scale.get(), static_cast<unsigned>(i)),
              "attaching dimension '" + dims[i] + "' to variable '" + name + "'");
    }
    write_common_attributes(ds.get(), attrs, name);
}

void NcFile::write_common_attributes(hid_t obj, const VarAttrs& attrs, const std::string& owner) {
    write_text_attribute(obj, "units", attrs.units, owner);
    write_text_attribute(obj, "long_name", attrs.long_name, owner);
    for (const auto& [key, value] : attrs.text) {
        write_text_attribute(obj, key, value, owner);
    }
}

// Fixed-length, NUL-terminated, one character array per attribute: what netCDF calls a
// text (NC_CHAR) attribute, shown by ncdump as `units = "t/yr"`.
void NcFile::write_text_attribute(hid_t obj, const std::string& name, const std::string& value,
                                  const std::string& owner) {
    const std::string what = "writing attribute '" + name + "' of '" + owner + "'";
    auto type = utf8_string_type(std::max<std::size_t>(value.size(), 1), what);
    auto space = space_handle(H5Screate(H5S_SCALAR), what);
    auto attr = attribute_handle(H5Acreate2(obj, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), what);
    const std::string padded = value.empty() ? std::string(1, '\0') : value;
    check(H5Awrite(attr.get(), type.get(), padded.data()), what);
}

void NcFile::write_numeric_attribute(hid_t obj, const std::string& name, hid_t memory_type, hid_t file_type,
                                     const void* values, std::size_t count, const std::string& owner) {
    const std::string what = "writing attribute '" + name + "' of '" + owner + "'";
    const hsize_t n = count;
    auto space = space_handle(count == 1 ? H5Screate(H5S_SCALAR) : H5Screate_simple(1, &n, nullptr), what);
    auto attr = attribute_handle(H5Acreate2(obj, name.c_str(), file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT), what);
    check(H5Awrite(attr.get(), memory_type, values), what);
}

void NcFile::set_global(const std::string& name, const std::string& value) {
    write_text_attribute(file_.get(), name, value, "/");
}

void NcFile::set_global_long_text(const std::string& name, const std::string& value) {
    const std::string what = "writing global attribute '" + name + "'";
    auto type = utf8_string_type(0, what);
    auto space = space_handle(H5Screate(H5S_SCALAR), what);
    auto attr =
        attribute_handle(H5Acreate2(file_.get(), name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), what);
    const char* ptr = value.c_str();
    check(H5Awrite(attr.get(), type.get(), &ptr), what);
}

void NcFile::close() {
    dims_.clear();  // close the scales first: the file close then flushes everything
    file_.close("closing (flushing) the file");
}

}  // namespace eiisim::h5
