#pragma once
// `eiisim agreements` without the printing: issue 12's additionality check. Each support
// agreement's reduction is compared with what its units would emit without it: the
// scenario is run over seeds 1..N as is and, for each agreement, once more with that
// agreement stopped (its stage set to `stopped` in a copy of the inputs, so no other
// agreement's draw moves), paired by seed and run number (docs/validation.md,
// "Additionality of the agreements").
#include <array>
#include <string>
#include <vector>

#include "core/inputs.hpp"
#include "core/run_result.hpp"

namespace eiisim {

// p05, median and p95 over seeds.
using SeedBand = std::array<double, 3>;

struct AgreementAdditionality {
    std::string id;
    std::string firm;
    std::string stage;
    double binding_share = 0;  // share of seeds in which it is binding by the end year
    double agreed_reduction_t = -1;  // as agreed, t CO2/yr; < 0: not stated
    int agreed_target_year = 0;      // as agreed; 0: not stated
    int year = 0;                    // year compared: the target year within the run, else its end year
    // Net CO2 of its units (the plants it covers), with the agreement: base year less `year`.
    double modelled_reduction_t = 0;  // median over seeds
    // Its units' net CO2 in `year` without the agreement less with it.
    SeedBand additional_t{};
    // National net CO2 in `year` without the agreement less with it (knock-on effects included).
    SeedBand national_t{};
    // Aid committed to its units by the agreement (their support_agreement decisions), EUR.
    double aid_eur = 0;  // median over seeds
    // Cumulative additional reduction of its units, every year of the run, t (median).
    double cumulative_additional_t = 0;
    // Aid per additional tonne: mean aid over mean cumulative additional reduction over
    // the seeds (a ratio of sums, so seeds where it never became binding count as they
    // are); NaN when the cumulative additional reduction is not positive.
    double eur_per_t = 0;
};

struct AdditionalityResult {
    std::string scenario;
    int base_year = 0;
    int end_year = 0;
    int seeds = 0;
    std::vector<AgreementAdditionality> agreements;
};

// The index of agreement `id`; InputError naming --agreement and the known ids otherwise.
[[nodiscard]] std::size_t agreement_index(const Inputs& inputs, const std::string& id);

// The agreements to check: every one that is not stopped, or only `only` (an index).
[[nodiscard]] std::vector<std::size_t> agreements_to_check(const Inputs& inputs, int only = -1);

// Runs (1 + agreements) x seeds runs in parallel (oneTBB, as a sweep): seeds 1..N, run
// index 0, as `eiisim run --seed N`.
[[nodiscard]] AdditionalityResult run_additionality(const Inputs& inputs, const std::vector<std::size_t>& agreements,
                                                    int seeds);

}  // namespace eiisim
