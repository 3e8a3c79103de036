#include "green_market_loader.hpp"

#include <algorithm>

#include "core/input_error.hpp"
#include "core/sector_setting.hpp"
#include "core/sweep_hooks.hpp"

namespace eiisim {
namespace {


// Paths by sector index: `fallback` for every sector, the named ones replaced.
std::vector<TimePath> by_sector(const std::vector<std::string>& names, const std::vector<TimePath>& paths,
                                const TimePath& fallback, const std::vector<SectorSpec>& sectors,
                                const std::string& key, const std::string& scenario_file, const SettingLines& lines) {
    if (names.empty()) return {};
    std::vector<TimePath> out(sectors.size(), fallback);
    for (std::size_t i = 0; i < names.size(); ++i)
        out[sector_named_by_setting(sectors, names[i], key, scenario_file, lines)] = paths[i];
    return out;
}

}  // namespace

void resolve_green_market(Policy& policy, const std::vector<SectorSpec>& sectors, const std::string& scenario_file,
                          const SettingLines& lines) {
    for (const std::string& name : policy.green_premium_sector_names)
        (void)sector_named_by_setting(sectors, name, "policy.green_premium_by_sector_eur_per_t", scenario_file,
                                      lines);
    refresh_sector_green_premiums(policy, sectors);  // as a sweep sample resolves them again
    policy.sector_green_quota_share = by_sector(policy.green_quota_sector_names, policy.green_quota_share_paths,
                                                TimePath{0.0}, sectors, "policy.green_quota_share", scenario_file, lines);
    policy.sector_green_quota_cap_eur_per_t =
        by_sector(policy.green_quota_cap_sector_names, policy.green_quota_cap_paths, TimePath{0.0}, sectors,
                  "policy.green_quota_cap_eur_per_t", scenario_file, lines);
    const auto& caps = policy.green_quota_cap_sector_names;
    for (const std::string& name : policy.green_quota_sector_names)
        if (std::find(caps.begin(), caps.end(), name) == caps.end())
            throw InputError(setting_where(lines, scenario_file, "policy.green_quota_share." + name),
                             "policy.green_quota_cap_eur_per_t." + name,
                             "the green quota of sector '" + name + "' needs a premium cap");
    if (policy.sector_green_quota_cap_eur_per_t.empty() == false && policy.sector_green_quota_share.empty())
        throw InputError(setting_where(lines, scenario_file, "policy.green_quota_cap_eur_per_t"),
                         "policy.green_quota_cap_eur_per_t",
                         "a premium cap without any policy.green_quota_share");
}

}  // namespace eiisim
