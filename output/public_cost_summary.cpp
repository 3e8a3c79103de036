#include "public_cost_summary.hpp"

#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace eiisim {
namespace {

constexpr double kMillion = 1e6;

// Sum of series[year][instrument] over the run's years up to `last_year`, inclusive.
double sum_to(const RunResult& r, const std::vector<double>& series, int instrument, int last_year) {
    double sum = 0;
    for (int y = 0; y < r.years && r.base_year + y <= last_year; ++y) sum += series[r.at_instrument(y, instrument)];
    return sum;
}

// Energy cost compensation paid to 2050 (IKC and any other, docs/ODD.md §7.4), from the
// plant panel; a run that kept only one year of it prints nothing.
void print_energy_compensation(std::ostream& out, const RunResult& r) {
    const auto full = static_cast<std::size_t>(r.years) * static_cast<std::size_t>(r.plants) * kEnergyPartCount;
    if (r.energy_cost_eur.size() != full) return;
    double ikc = 0;
    double other = 0;
    for (int y = 0; y < r.years && r.base_year + y <= 2050; ++y)
        for (int p = 0; p < r.plants; ++p) {
            const std::size_t at = r.at(y, p) * kEnergyPartCount;
            ikc -= r.energy_cost_eur[at + static_cast<std::size_t>(EnergyPart::ikc)];
            other -= r.energy_cost_eur[at + static_cast<std::size_t>(EnergyPart::other_compensation)];
        }
    out << fmt::format("\nEnergy cost compensation paid to 2050: IKC {:.1f} MEUR, other {:.1f} MEUR\n", ikc / kMillion,
                       other / kMillion);
}

}  // namespace

double InstrumentCost::eur_per_t() const {
    return avoided_to_2050_t > 0 ? paid_to_2050_eur / avoided_to_2050_t : std::numeric_limits<double>::quiet_NaN();
}

std::vector<InstrumentCost> instrument_costs(const RunResult& r) {
    std::vector<InstrumentCost> costs(static_cast<std::size_t>(r.instruments));
    for (int i = 0; i < r.instruments; ++i) {
        InstrumentCost& c = costs[static_cast<std::size_t>(i)];
        c.committed_to_2030_eur = sum_to(r, r.instrument_committed_eur, i, 2030);
        c.committed_to_2050_eur = sum_to(r, r.instrument_committed_eur, i, 2050);
        c.paid_to_2050_eur = sum_to(r, r.instrument_paid_eur, i, 2050);
        c.avoided_to_2050_t = sum_to(r, r.instrument_avoided_t, i, 2050);
    }
    return costs;
}

void print_public_cost(std::ostream& out, const Inputs& inputs, const RunResult& result) {
    print_energy_compensation(out, result);
    if (result.instruments == 0) return;
    out << "\nPublic cost per support instrument (MEUR committed over whole contracts and paid; Mt CO2 avoided by "
           "the routes it supports; EUR paid per t avoided)\n";
    out << fmt::format("{:<20} {:>14} {:>14} {:>11} {:>15} {:>12}\n", "instrument", "committed 2030",
                       "committed 2050", "paid 2050", "avoided Mt 2050", "EUR/t");
    const std::vector<InstrumentCost> costs = instrument_costs(result);
    for (std::size_t i = 0; i < costs.size(); ++i) {
        const InstrumentCost& c = costs[i];
        const double eur_per_t = c.eur_per_t();
        out << fmt::format("{:<20} {:>14.1f} {:>14.1f} {:>11.1f} {:>15.2f} {:>12}\n",
                           inputs.scenario.policy.instruments[i].id, c.committed_to_2030_eur / kMillion,
                           c.committed_to_2050_eur / kMillion, c.paid_to_2050_eur / kMillion,
                           c.avoided_to_2050_t / kMillion,
                           std::isnan(eur_per_t) ? std::string("-") : fmt::format("{:.0f}", eur_per_t));
    }
}

}  // namespace eiisim
