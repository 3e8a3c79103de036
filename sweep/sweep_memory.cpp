#include "sweep_memory.hpp"

#include <unistd.h>

#include <cctype>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "core/observables.hpp"

namespace eiisim {
namespace {

constexpr std::size_t kDouble = sizeof(double);
// Per worker thread: its copy of the model (inputs, catalogue, graph) and its run's
// workspace; measured at about 10 MiB for the Dutch dataset, rounded up.
constexpr std::size_t kPerThreadBytes = std::size_t{32} << 20;
// The read-back budget of the final reduction (assemble_sweep) and the HDF5 library's
// chunk caches and buffers while writing.
constexpr std::size_t kReadBackBytes = std::size_t{64} << 20;

std::size_t dtype_bytes(DType t) {
    switch (t) {
        case DType::int16: return 2;
        case DType::uint8: return 1;
        case DType::float64: return kDouble;
    }
    return kDouble;
}

}  // namespace

SweepMemoryEstimate estimate_sweep_memory(const RecordLayout& layout, const SweepOptions& options, std::size_t dims,
                                          std::size_t threads, std::size_t panel_bytes_per_run) {
    const std::size_t runs = options.runs;
    SweepMemoryEstimate m;
    m.design_bytes = runs * (2 * dims * kDouble + 1);  // design, samples and a done flag per run
    // The outcome columns as read back ([run][column]) and the result's own vectors of them.
    m.outcome_bytes = 2 * runs * layout.outcome_columns() * kDouble;
    m.trajectory_bytes = runs * layout.saved_columns() * kDouble;
    if (options.save == SaveLevel::plants) m.panel_bytes = 2 * runs * panel_bytes_per_run;
    // One column of every run at a time, at least, when the records are read back.
    // --reference: each thread holds a reference model and workspace beside its own.
    const std::size_t models = options.reference ? 2 : 1;
    m.working_bytes = threads * models * kPerThreadBytes + kReadBackBytes + runs * kDouble;
    return m;
}

std::size_t plant_panel_bytes(const Model& model) {
    const Inputs& in = model.inputs;
    const std::size_t years = static_cast<std::size_t>(in.year_count());
    std::size_t bytes = 0;
    for (const Observable& o : observables())
        if (o.in_sweep_panels())
            bytes += years * o.per_year(in.plants.size(), in.clusters.size(), in.scenario.policy.instruments.size()) *
                     dtype_bytes(o.dtype());
    return bytes;
}

std::size_t physical_memory_bytes() {
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long page = ::sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || page <= 0) return 0;
    return static_cast<std::size_t>(pages) * static_cast<std::size_t>(page);
}

std::size_t default_max_memory_bytes() { return physical_memory_bytes() / 4 * 3; }

std::string format_bytes(std::size_t bytes) {
    const double b = static_cast<double>(bytes);
    if (b >= 1024.0 * 1024.0 * 1024.0) return fmt::format("{:.1f} GiB", b / (1024.0 * 1024.0 * 1024.0));
    if (b >= 1024.0 * 1024.0) return fmt::format("{:.0f} MiB", b / (1024.0 * 1024.0));
    return fmt::format("{:.0f} KiB", b / 1024.0);
}

std::size_t parse_byte_size(const std::string& text) {
    std::size_t used = 0;
    double value = 0;
    try {
        value = std::stod(text, &used);
    } catch (const std::exception&) {
        throw std::invalid_argument("expected a size such as 8G, 500M or 1048576, got '" + text + "'");
    }
    std::string unit = text.substr(used);
    for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (unit.size() > 1 && (unit.ends_with("IB") || unit.ends_with("B"))) unit = unit.substr(0, 1);
    double scale = 1;
    if (unit == "K") scale = 1024.0;
    else if (unit == "M") scale = 1024.0 * 1024.0;
    else if (unit == "G") scale = 1024.0 * 1024.0 * 1024.0;
    else if (unit == "T") scale = 1024.0 * 1024.0 * 1024.0 * 1024.0;
    else if (!unit.empty() && unit != "B") throw std::invalid_argument("unknown size unit in '" + text + "' (K, M, G, T)");
    const double bytes = value * scale;
    if (!std::isfinite(bytes) || bytes < 1 || bytes > 1e18)
        throw std::invalid_argument("expected a size between 1 byte and 1e18 bytes, got '" + text + "'");
    return static_cast<std::size_t>(bytes);
}

}  // namespace eiisim
