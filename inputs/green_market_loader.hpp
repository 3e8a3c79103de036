#pragma once
// Resolves the scenario's green-market settings that name sectors by id (green premium
// paths per sector, green quotas and their caps) into paths by sector index once the
// dataset's sectors are known (docs/ODD.md §7.4, §7.16).
#include <string>
#include <vector>

#include "core/inputs.hpp"

namespace eiisim {

// Fills policy.sector_green_premium_eur_per_t (one path per sector: its named path, or the
// default green_premium_eur_per_t) and the quota paths by sector; each stays empty when no
// sector is named. Throws InputError naming the scenario file and the key for a name that
// is no sector id, or a quota without a cap.
void resolve_green_market(Policy& policy, const std::vector<SectorSpec>& sectors, const std::string& scenario_file,
                          const SettingLines& lines);

}  // namespace eiisim
