#pragma once
// feedstocks.csv (optional): the alternative feedstocks a sector can blend into its fossil
// feed, with their technical maximum blend share per sector, the fossil feed they replace
// and its carbon (docs/input-format.md, docs/ODD.md §7.18); and the scenario settings that
// price them and set mandates, resolved once the dataset is known.
#include <filesystem>
#include <string>
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

struct FeedstockTable {
    std::vector<FeedstockSpec> feedstocks;  // in order of first appearance
    std::vector<SectorFeed> sector_feed;    // by sector index (all zero without the file)
};

// Throws InputError naming file, line and field for a malformed row, an unknown sector,
// a feedstock without a supply path in infrastructure.toml's [feedstock_supply], rows of
// one feedstock or one sector that disagree, or a sector whose maximum shares exceed 1.
[[nodiscard]] FeedstockTable load_feedstocks(const std::filesystem::path& file, const std::vector<SectorSpec>& sectors,
                                             const NationalInfrastructure& national);

// Prices (prices.feedstock_eur_per_t), mandates and buy-outs by sector ([feedstock]) and
// the supply factor. Throws InputError naming the scenario file and the key for a price
// key that is no feedstock or fossil feed, an unpriced fossil feed whose alternatives are
// priced, a mandate on a sector without feed data, or a mandate without a buy-out.
void resolve_feedstock_market(Inputs& inputs, const std::string& scenario_file);

}  // namespace eiisim
