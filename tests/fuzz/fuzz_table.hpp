#pragma once
// The libFuzzer harness of one dataset table (inputs/dataset_tables.cpp,
// catalogue_tables.cpp, *_table.cpp, infrastructure_loader.cpp, ...): the input is written
// as that table and read by its loader, with the tables it refers to taken from the
// shipped Dutch dataset. Each table's fuzzer is fuzz_table_entry.cpp built with
// EIISIM_FUZZ_TABLE set to the table's file name (tests/fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>
#include <string>

namespace eiisim::fuzz {

// Reads the input as `table` (a file name of clusters/nl); throws std::out_of_range for
// a table without a loader here.
int fuzz_table(const std::string& table, const std::uint8_t* data, std::size_t size);

}  // namespace eiisim::fuzz
