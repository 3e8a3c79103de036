#pragma once
// The dataset's observed yearly prices (observed_prices.csv; docs/input-format.md,
// docs/ODD.md §7.1). Optional: a dataset without the file has no observed prices and
// every scenario path applies as written.
#include <filesystem>
#include <string>
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

// Reads `file` when it exists (else returns none). Every row names a series the scenario
// knows (a [prices] path key, `import_eur_per_t.<name>` of the scenario's import paths,
// `product_price_index.<sector>` of sectors.csv) in that setting's unit; a series' years
// are consecutive; the wholesale electricity price and the network tariff, which the
// engine adds into one path, cover the same years. Throws InputError naming file, line
// and field otherwise.
[[nodiscard]] std::vector<ObservedPriceSeries> load_observed_prices(const std::filesystem::path& file,
                                                                    const std::vector<SectorSpec>& sectors,
                                                                    const std::vector<std::string>& import_names);

}  // namespace eiisim
