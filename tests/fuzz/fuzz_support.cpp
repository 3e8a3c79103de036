#include "fuzz_support.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace eiisim::fuzz {

const std::filesystem::path& scratch_folder() {
    static const std::filesystem::path folder = [] {
        const std::filesystem::path base =
            std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
        std::string pattern = (base / "eiisim-fuzz-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot make " + pattern);
        const std::filesystem::path made = pattern;
        // Removed at exit; a crash leaves it, small, for the reproduction.
        std::atexit([] { std::error_code ignored; std::filesystem::remove_all(scratch_folder(), ignored); });
        return made;
    }();
    return folder;
}

std::filesystem::path write_input(const std::string& name, const std::uint8_t* data, std::size_t size) {
    const std::filesystem::path file = scratch_folder() / name;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) throw std::runtime_error("cannot write " + file.string());
    return file;
}

}  // namespace eiisim::fuzz
