// networks.csv and network_members.csv: pipeline networks as value-chain vertices.
#include "network_tables.hpp"

#include <array>
#include <map>
#include <string>

#include "csv_reader.hpp"
#include "input_file_check.hpp"
#include "plant_option_lookup.hpp"

namespace eiisim {
namespace {

// Shares summed from rounded table values may exceed 1 by a rounding step.
constexpr double kShareSumTolerance = 1e-6;
constexpr Bounds kHeadroom{0.0, 10.0};
// Members' flows are written rounded, so balanced flows may differ by a rounding step.
constexpr double kFlowTolerance = 1e-3;

// A network carries a product its customers could import, or a utility (steam,
// industrial gases) that nobody ships abroad.
EdgeCoupling read_network_coupling(const CsvTable& table, const CsvRow& row) {
    const std::string text = csv_text(table, row, "coupling", false);
    if (text == "product") return EdgeCoupling::product;
    if (text == "utility") return EdgeCoupling::utility;
    table.fail(row, "coupling", "unknown network coupling '" + text + "'; expected product or utility");
}

NetworkRole read_role(const CsvTable& table, const CsvRow& row) {
    const std::string text = csv_text(table, row, "role", false);
    for (std::size_t r = 0; r < kNetworkRoleNames.size(); ++r)
        if (text == kNetworkRoleNames[r]) return static_cast<NetworkRole>(r);
    table.fail(row, "role", "unknown role '" + text + "'; expected producer or consumer");
}

std::vector<NetworkSpec> read_network_rows(const CsvTable& table, std::map<std::string, int, std::less<>>& index) {
    std::vector<NetworkSpec> networks;
    for (const CsvRow& row : table.rows()) {
        NetworkSpec n;
        n.id = csv_text(table, row, "network", false);
        if (!index.emplace(n.id, static_cast<int>(networks.size())).second)
            table.fail(row, "network", "duplicate network '" + n.id + "'");
        n.product = csv_text(table, row, "product", false);
        n.coupling = read_network_coupling(table, row);
        n.headroom_share = csv_number(table, row, "headroom_share", kHeadroom);
        n.import_share = csv_number(table, row, "import_share", kNonNegative);
        n.import_cost_share = csv_number(table, row, "import_cost_share", kShare);
        n.source = csv_text(table, row, "source", false);
        networks.push_back(std::move(n));
    }
    return networks;
}

// leaves_with: blank, or the plant's own options by name, separated by spaces.
std::vector<int> read_leaves_with(const CsvTable& table, const CsvRow& row, const PlantSpec& plant,
                                  const std::vector<TechnologySpec>& technologies, const std::vector<int>& options) {
    std::vector<int> routes;
    const CsvField* field = table.field(row, "leaves_with");
    if (field == nullptr) return routes;
    const std::string_view text = field->text;
    for (std::size_t begin = text.find_first_not_of(' '); begin != std::string_view::npos;
         begin = text.find_first_not_of(' ', begin)) {
        const std::size_t end = std::min(text.find(' ', begin), text.size());
        const int t = plant_option_named(table, row, "leaves_with", text.substr(begin, end - begin), technologies,
                                         options, plant);
        const TechnologySpec& route = technologies[static_cast<std::size_t>(t)];
        // The base-year flows are the incumbent's: it cannot be a route off the network.
        if (route.kind == OptionKind::keep)
            table.fail(row, "leaves_with", "plant '" + plant.id + "': '" + route.name +
                                               "' is the incumbent route, whose flows the network's base year holds");
        routes.push_back(t);
        begin = end;
    }
    return routes;
}

// One member row; the plant's network offtake shares and edge shares add up to <= 1.
NetworkMember read_member(const CsvTable& table, const CsvRow& row, const NetworkSpec& network,
                          const std::map<std::string, int, std::less<>>& plant_index,
                          std::vector<double>& offtake_sum, const std::vector<PlantSpec>& plants,
                          const std::vector<TechnologySpec>& technologies,
                          const std::vector<std::vector<int>>& plant_technologies) {
    NetworkMember m;
    const std::string plant = csv_text(table, row, "plant_id", false);
    const auto it = plant_index.find(plant);
    if (it == plant_index.end()) table.fail(row, "plant_id", "unknown plant '" + plant + "'");
    m.plant = it->second;
    for (const NetworkMember& other : network.members)
        if (other.plant == m.plant)
            table.fail(row, "plant_id", "plant '" + plant + "' is already a member of network '" + network.id + "'");
    m.role = read_role(table, row);
    m.flow_kt = csv_number(table, row, "flow_kt", kNonNegative);
    if (m.flow_kt <= 0) table.fail(row, "flow_kt", "expected a flow > 0 kt/yr");
    m.offtake_share = csv_number(table, row, "offtake_share", kShare);
    m.replacement_eur_per_t = csv_number(table, row, "replacement_eur_per_t", kEurPerTonne);
    if (m.role == NetworkRole::consumer && m.offtake_share > 0)
        table.fail(row, "offtake_share", "expected 0 for a consumer (only producers sell into the network)");
    if (m.role == NetworkRole::producer && m.replacement_eur_per_t > 0)
        table.fail(row, "replacement_eur_per_t", "expected 0 for a producer (only consumers replace supply)");
    offtake_sum[static_cast<std::size_t>(m.plant)] += m.offtake_share;
    if (offtake_sum[static_cast<std::size_t>(m.plant)] > 1.0 + kShareSumTolerance)
        table.fail(row, "offtake_share",
                   "plant '" + plant + "''s offtake shares (edges and networks) add up to " +
                       format_number(offtake_sum[static_cast<std::size_t>(m.plant)]) + "; expected a total <= 1");
    m.source = csv_text(table, row, "source", false);
    const auto p = static_cast<std::size_t>(m.plant);
    m.leaves_with = read_leaves_with(table, row, plants[p], technologies, plant_technologies[p]);
    return m;
}

// A network needs a producer and a consumer, and its producers must deliver at least
// what its member consumers draw (the rest goes to buyers outside the model).
void check_balance(const CsvTable& table, const NetworkSpec& n, const CsvRow& row) {
    double supply = 0, demand = 0;
    for (const NetworkMember& m : n.members) (m.role == NetworkRole::producer ? supply : demand) += m.flow_kt;
    if (supply <= 0 || demand <= 0)
        table.fail(row, "network", "network '" + n.id + "' needs at least one producer and one consumer in network_members.csv");
    if (demand > supply * (1.0 + kFlowTolerance))
        table.fail(row, "network", "network '" + n.id + "': its consumers draw " + format_number(demand) +
                                       " kt but its producers deliver " + format_number(supply) +
                                       " kt; expected consumers' flows <= producers' flows");
}

}  // namespace

std::vector<NetworkSpec> load_networks(const std::filesystem::path& networks_file,
                                       const std::filesystem::path& members_file,
                                       const std::vector<PlantSpec>& plants, const std::vector<EdgeSpec>& edges,
                                       const std::vector<TechnologySpec>& technologies,
                                       const std::vector<std::vector<int>>& plant_technologies) {
    if (!optional_input_present(networks_file)) return {};  // optional: no networks
    static constexpr std::array<CsvColumn, 7> kNetworkColumns{{{"network"}, {"product"}, {"coupling"},
        {"headroom_share"}, {"import_share"}, {"import_cost_share"}, {"source"}}};
    static constexpr std::array<CsvColumn, 8> kMemberColumns{{{"network"}, {"plant_id"}, {"role"}, {"flow_kt"},
        {"offtake_share"}, {"replacement_eur_per_t"}, {"leaves_with", false}, {"source"}}};
    const CsvTable table = CsvTable::read(networks_file, kNetworkColumns);
    std::map<std::string, int, std::less<>> network_index;
    std::vector<NetworkSpec> networks = read_network_rows(table, network_index);
    std::map<std::string, int, std::less<>> plant_index;
    for (std::size_t p = 0; p < plants.size(); ++p) plant_index.emplace(plants[p].id, static_cast<int>(p));
    std::vector<double> offtake_sum(plants.size(), 0.0);
    for (const EdgeSpec& e : edges) offtake_sum[static_cast<std::size_t>(e.supplier)] += e.offtake_share;

    const CsvTable members = CsvTable::read(members_file, kMemberColumns);
    for (const CsvRow& row : members.rows()) {
        const std::string id = csv_text(members, row, "network", false);
        const auto it = network_index.find(id);
        if (it == network_index.end()) members.fail(row, "network", "unknown network '" + id + "' (not in networks.csv)");
        NetworkSpec& n = networks[static_cast<std::size_t>(it->second)];
        n.members.push_back(
            read_member(members, row, n, plant_index, offtake_sum, plants, technologies, plant_technologies));
    }
    for (std::size_t k = 0; k < networks.size(); ++k) check_balance(table, networks[k], table.rows()[k]);
    return networks;
}

}  // namespace eiisim
