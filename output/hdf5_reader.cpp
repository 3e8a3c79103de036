#include "hdf5_reader.hpp"

#include <hdf5.h>


namespace eiisim::h5 {
namespace {

// The file space of `ds`, narrowed to elements [row, ...] when `row` is given, and the
// memory space of the same shape.
struct Selection {
    Handle file_space;
    Handle memory_space;
    std::size_t elements = 0;
};

Selection select(const Handle& ds, const std::uint64_t* row, const std::string& what) {
    Selection s;
    s.file_space = space_handle(H5Dget_space(ds.get()), what);
    const int rank = H5Sget_simple_extent_ndims(s.file_space.get());
    if (rank < 0) throw Hdf5Error(what + ": cannot read its shape");
    std::vector<hsize_t> shape(static_cast<std::size_t>(rank));
    H5Sget_simple_extent_dims(s.file_space.get(), shape.data(), nullptr);
    if (row != nullptr) {
        if (rank == 0 || *row >= shape[0]) throw Hdf5Error(what + ": row " + std::to_string(*row) + " is beyond its end");
        std::vector<hsize_t> start(shape.size(), 0);
        start[0] = *row;
        shape[0] = 1;
        check(H5Sselect_hyperslab(s.file_space.get(), H5S_SELECT_SET, start.data(), nullptr, shape.data(), nullptr),
              what);
    }
    s.elements = 1;
    for (hsize_t n : shape) s.elements *= static_cast<std::size_t>(n);
    if (rank == 0) shape.push_back(1);  // a scalar: one element
    s.memory_space = space_handle(H5Screate_simple(static_cast<int>(shape.size()), shape.data(), nullptr), what);
    return s;
}

}  // namespace

Reader::Reader(const std::filesystem::path& path) : path_(path.string()) {
    file_ = file_handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "opening '" + path_ + "'");
}

bool Reader::has_global(const std::string& name) const { return H5Aexists(file_.get(), name.c_str()) > 0; }

std::string Reader::global_text(const std::string& name) const {
    const std::string what = "reading global attribute '" + name + "' of '" + path_ + "'";
    auto attr = attribute_handle(H5Aopen(file_.get(), name.c_str(), H5P_DEFAULT), what);
    auto type = type_handle(H5Aget_type(attr.get()), what);
    if (H5Tget_class(type.get()) != H5T_STRING) throw Hdf5Error(what + ": not text");
    if (H5Tis_variable_str(type.get()) > 0) {
        char* text = nullptr;
        check(H5Aread(attr.get(), type.get(), &text), what);  // read as stored (UTF-8 or ASCII)
        std::string value = text != nullptr ? text : "";
        H5free_memory(text);
        return value;
    }
    std::string value(H5Tget_size(type.get()), '\0');
    check(H5Aread(attr.get(), type.get(), value.data()), what);
    return value.substr(0, value.find('\0'));
}

std::int64_t Reader::global_integer(const std::string& name) const {
    const std::string what = "reading global attribute '" + name + "' of '" + path_ + "'";
    auto attr = attribute_handle(H5Aopen(file_.get(), name.c_str(), H5P_DEFAULT), what);
    auto type = type_handle(H5Aget_type(attr.get()), what);
    if (H5Tget_class(type.get()) != H5T_INTEGER) throw Hdf5Error(what + ": not an integer");
    std::int64_t value = 0;
    check(H5Aread(attr.get(), H5T_NATIVE_INT64, &value), what);
    return value;
}

bool Reader::has_variable(const std::string& name) const {
    return H5Lexists(file_.get(), name.c_str(), H5P_DEFAULT) > 0;
}

std::uint64_t Reader::length(const std::string& name) const {
    const std::string what = "reading the shape of '" + name + "' in '" + path_ + "'";
    auto ds = dataset_handle(H5Dopen2(file_.get(), name.c_str(), H5P_DEFAULT), what);
    auto space = space_handle(H5Dget_space(ds.get()), what);
    const int rank = H5Sget_simple_extent_ndims(space.get());
    if (rank <= 0) throw Hdf5Error(what + ": not an array");
    std::vector<hsize_t> shape(static_cast<std::size_t>(rank));
    H5Sget_simple_extent_dims(space.get(), shape.data(), nullptr);
    return shape[0];
}

std::vector<double> Reader::read_doubles(const std::string& name, const std::uint64_t* row) const {
    const std::string what = "reading variable '" + name + "' of '" + path_ + "'";
    auto ds = dataset_handle(H5Dopen2(file_.get(), name.c_str(), H5P_DEFAULT), what);
    const Selection s = select(ds, row, what);
    std::vector<double> values(s.elements);
    check(H5Dread(ds.get(), H5T_NATIVE_DOUBLE, s.memory_space.get(), s.file_space.get(), H5P_DEFAULT, values.data()),
          what);
    return values;
}

std::vector<std::int64_t> Reader::read_integers(const std::string& name, const std::uint64_t* row) const {
    const std::string what = "reading variable '" + name + "' of '" + path_ + "'";
    auto ds = dataset_handle(H5Dopen2(file_.get(), name.c_str(), H5P_DEFAULT), what);
    const Selection s = select(ds, row, what);
    std::vector<std::int64_t> values(s.elements);
    check(H5Dread(ds.get(), H5T_NATIVE_INT64, s.memory_space.get(), s.file_space.get(), H5P_DEFAULT, values.data()),
          what);
    return values;
}

std::vector<double> Reader::doubles(const std::string& name) const { return read_doubles(name, nullptr); }
std::vector<double> Reader::double_row(const std::string& name, std::uint64_t row) const {
    return read_doubles(name, &row);
}
std::vector<std::int64_t> Reader::integers(const std::string& name) const { return read_integers(name, nullptr); }
std::vector<std::int64_t> Reader::integer_row(const std::string& name, std::uint64_t row) const {
    return read_integers(name, &row);
}

std::vector<std::string> Reader::strings(const std::string& name) const {
    const std::string what = "reading variable '" + name + "' of '" + path_ + "'";
    auto ds = dataset_handle(H5Dopen2(file_.get(), name.c_str(), H5P_DEFAULT), what);
    const Selection s = select(ds, nullptr, what);
    auto memory = type_handle(H5Dget_type(ds.get()), what);  // read as stored (UTF-8 or ASCII)
    if (H5Tis_variable_str(memory.get()) <= 0) throw Hdf5Error(what + ": not variable-length text");
    std::vector<char*> raw(s.elements, nullptr);
    check(H5Dread(ds.get(), memory.get(), s.memory_space.get(), s.file_space.get(), H5P_DEFAULT, raw.data()), what);
    std::vector<std::string> values;
    for (char* text : raw) values.emplace_back(text != nullptr ? text : "");
#if H5_VERSION_GE(1, 12, 0)
    check(H5Treclaim(memory.get(), s.memory_space.get(), H5P_DEFAULT, raw.data()), what);
#else
    check(H5Dvlen_reclaim(memory.get(), s.memory_space.get(), H5P_DEFAULT, raw.data()), what);
#endif
    return values;
}

}  // namespace eiisim::h5
