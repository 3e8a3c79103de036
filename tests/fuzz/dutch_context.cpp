#include "dutch_context.hpp"

#include "inputs/agreements_table.hpp"
#include "inputs/dataset_loader.hpp"

namespace eiisim::fuzz {

const DutchContext& dutch_context() {
    static const DutchContext context = [] {
        const std::filesystem::path source = EIISIM_SOURCE_DIR;
        DutchContext c;
        c.inputs = load_inputs(source / "scenarios" / "current-policy.toml");
        c.dataset = source / "clusters" / "nl";
        c.sector_table = load_sectors(c.dataset / "sectors.csv", c.inputs.scenario.prices.import_names);
        c.agreements_alone =
            read_agreements_table(c.dataset / "agreements.csv", c.inputs.scenario.policy.instruments);
        return c;
    }();
    return context;
}

}  // namespace eiisim::fuzz
