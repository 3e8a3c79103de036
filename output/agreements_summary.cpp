#include "agreements_summary.hpp"

#include <algorithm>
#include <string>

#include <fmt/format.h>

namespace eiisim {

namespace {

bool fixed_by_scenario(const Inputs& inputs, const AgreementSpec& agreement) {
    const auto& fixed = inputs.scenario.agreements.fixed;
    return std::any_of(fixed.begin(), fixed.end(), [&](const AgreementOutcomes::Fixed& f) { return f.id == agreement.id; });
}

}  // namespace

void print_agreement_outcomes(std::ostream& out, const Inputs& inputs, const RunResult& result) {
    const std::size_t n = inputs.agreements.size();
    if (n == 0 || result.agreement_fate.size() != n || result.agreement_binding_year.size() != n ||
        result.agreement_routes_from_year.size() != n)
        return;
    out << "\nSupport agreements in this run (docs/ODD.md §7.15; an EoP's or JLoI's outcome is drawn per run "
           "unless [agreements.fixed] sets it)\n";
    const auto year_or_dash = [](int year) { return year > 0 ? std::to_string(year) : std::string("-"); };
    out << fmt::format("{:<24} {:<8} {:<16} {:>8} {:>11}\n", "agreement", "stage", "outcome", "binding", "routes from");
    for (std::size_t a = 0; a < inputs.agreements.size(); ++a) {
        const AgreementSpec& agreement = inputs.agreements[a];
        if (agreement.stage == AgreementStage::stopped) continue;
        const auto fate = static_cast<AgreementFate>(result.agreement_fate[a]);
        std::string outcome = kAgreementFateNames[static_cast<std::size_t>(fate)];
        if (fixed_by_scenario(inputs, agreement)) outcome += " (fixed)";
        out << fmt::format("{:<24} {:<8} {:<16} {:>8} {:>11}\n", agreement.id,
                           kAgreementStageNames[static_cast<std::size_t>(agreement.stage)], outcome,
                           year_or_dash(result.agreement_binding_year[a]),
                           year_or_dash(result.agreement_routes_from_year[a]));  // as the simulation set it
    }
}

}  // namespace eiisim
