#pragma once
// A small read-only view of the files eiisim writes (nc_file.hpp): global attributes
// (text, variable-length text, integers) and variables read whole or one row along the
// first dimension. Every failure throws h5::Hdf5Error saying what was being read.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "hdf5_handles.hpp"

namespace eiisim::h5 {

class Reader {
public:
    // Opens `path` read-only (Hdf5Error when it is missing or not an HDF5 file).
    explicit Reader(const std::filesystem::path& path);

    [[nodiscard]] bool has_global(const std::string& name) const;
    // A text attribute, fixed-length (netCDF char) or variable-length (netCDF string).
    [[nodiscard]] std::string global_text(const std::string& name) const;
    // An integer attribute of any integer type, as int64 (uint64 values above 2^63 fail).
    [[nodiscard]] std::int64_t global_integer(const std::string& name) const;

    [[nodiscard]] bool has_variable(const std::string& name) const;
    // The length of the variable's first dimension.
    [[nodiscard]] std::uint64_t length(const std::string& name) const;
    // The whole variable, or its elements [row, ...] along the first dimension.
    [[nodiscard]] std::vector<double> doubles(const std::string& name) const;
    [[nodiscard]] std::vector<double> double_row(const std::string& name, std::uint64_t row) const;
    [[nodiscard]] std::vector<std::int64_t> integers(const std::string& name) const;
    [[nodiscard]] std::vector<std::int64_t> integer_row(const std::string& name, std::uint64_t row) const;
    [[nodiscard]] std::vector<std::string> strings(const std::string& name) const;

private:
    std::vector<double> read_doubles(const std::string& name, const std::uint64_t* row) const;
    std::vector<std::int64_t> read_integers(const std::string& name, const std::uint64_t* row) const;

    std::string path_;
    Handle file_;
};

}  // namespace eiisim::h5
