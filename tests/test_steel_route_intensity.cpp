// Gas DRI-EAF at Tata Steel emits what the route physically emits (issue 21, error 7). The
// catalogue row steel/dri_gas_eaf is relative to Tata's own base profile, which excludes
// the blast-furnace gas burnt at Velsen and IJmond; a DRI route makes no such gas, so its
// profile must carry all its CO2: MIDDEN v3 TC0036 (ULCORED shaft, 7.95 GJ natural gas and
// 0.0278 + 0.396 t CO2 per t DRI before capture) x 0.98 t DRI per t steel plus TC0037 (EAF,
// 0.12 t CO2/t) = 0.535 t CO2/t; literature puts gas DRI-EAF at about 0.45-0.6 t/t.
#include <catch2/catch.hpp>

#include "agents/fuel_gas_coupling.hpp"
#include "agents/route_profile.hpp"
#include "fixtures.hpp"

using namespace eiisim;

TEST_CASE("gas DRI-EAF at Tata emits 0.45-0.6 t CO2 per t steel and burns about 9.3 GJ of fuel", "[steel][data]") {
    const Model model = build_model(testing::dutch_inputs());
    const Inputs& in = model.inputs;
    std::size_t tata = in.plants.size();
    for (std::size_t p = 0; p < in.plants.size(); ++p)
        if (in.plants[p].id == "M006") tata = p;
    REQUIRE(tata < in.plants.size());
    const TechnologySpec* dri = nullptr;
    for (const TechnologySpec& t : in.technologies)
        if (t.id == "steel/dri_gas_eaf") dri = &t;
    REQUIRE(dri != nullptr);
    // It makes no process gas: nothing of its CO2 is booked at the power plants.
    REQUIRE_FALSE(route_makes_process_gas(dri->kind));

    const SectorSpec& steel = in.sectors[static_cast<std::size_t>(in.plants[tata].sector)];
    for (const int year : {2030, 2040, 2050}) {
        const RouteProfile profile = route_profile(model.baselines[tata], *dri, steel, year);
        INFO(year);
        CHECK(profile.co2_net_t_per_t() >= 0.45);
        CHECK(profile.co2_net_t_per_t() <= 0.60);
        // The fossil reductant and fuel left: TC0036 7.95 x 0.98 + TC0037 0.78 + 0.76 GJ/t.
        const double fuel = profile.energy_gj_per_t[static_cast<int>(Carrier::gas)] +
                            profile.energy_gj_per_t[static_cast<int>(Carrier::other_fuel)];
        CHECK(fuel == Approx(9.3).epsilon(0.05));
    }
}
