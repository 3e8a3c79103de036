#pragma once
// The strategic products a sector's output counts towards (sectors.csv
// `strategic_product`; docs/dataset.md "Strategic products"): the production the policy
// letters want kept for strategic autonomy. The import-dependence KPI is reported per
// tag (docs/ODD.md §7.12, "Leakage"). A sector may have no tag.
#include <array>
#include <cstdint>

namespace eiisim {

enum class StrategicProduct : std::uint8_t {
    steel,             // iron and steel (Tata Steel IJmuiden)
    base_metals,       // primary aluminium and zinc
    fertiliser,        // ammonia, nitric acid, urea
    chlorine,          // chlor-alkali and other inorganic chemicals
    hvc,               // high-value chemicals from the crackers, feeding the downstream chains
    industrial_gases,  // hydrogen and air-separation/syngas over the fence
    refined_fuels,     // refinery products
};
inline constexpr int kStrategicProductCount = 7;
inline constexpr std::array<const char*, kStrategicProductCount> kStrategicProductNames = {
    "steel", "base_metals", "fertiliser", "chlorine", "hvc", "industrial_gases", "refined_fuels"};
// SectorSpec::strategic_product of a sector without a tag (`none` in sectors.csv).
inline constexpr int kNotStrategic = -1;

}  // namespace eiisim
