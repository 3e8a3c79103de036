#pragma once
// A scenario setting keyed by sector name (`demand.volume_by_sector.hvc`,
// `feedstock.mandate_share.hvc`, `policy.green_quota_share.ammonia`): the sector it names,
// resolved against the dataset once both are loaded.
#include <algorithm>
#include <string>
#include <vector>

#include "input_error.hpp"
#include "inputs.hpp"
#include "setting_lines.hpp"

namespace eiisim {

// The index of sector `name` written under setting `key`; an unknown name is refused at the
// line where the scenario file wrote it.
[[nodiscard]] inline std::size_t sector_named_by_setting(const std::vector<SectorSpec>& sectors,
                                                         const std::string& name, const std::string& key,
                                                         const std::string& scenario_file,
                                                         const SettingLines& lines) {
    const auto it = std::find_if(sectors.begin(), sectors.end(), [&](const SectorSpec& s) { return s.id == name; });
    if (it == sectors.end())
        throw InputError(setting_where(lines, scenario_file, key + "." + name), key + "." + name,
                         "no sector '" + name + "' in sectors.csv");
    return static_cast<std::size_t>(it - sectors.begin());
}

}  // namespace eiisim
