#include "hindcast_metrics.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace eiisim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void check_pairs(std::span<const double> a, std::span<const double> b) {
    if (a.size() != b.size()) throw std::invalid_argument("hindcast metric: series of different lengths");
}

int sign_of(double x) { return (x > 0) - (x < 0); }

}  // namespace

double mean_absolute_error(std::span<const double> simulated, std::span<const double> observed) {
    check_pairs(simulated, observed);
    if (simulated.empty()) return kNaN;
    double sum = 0;
    for (std::size_t i = 0; i < simulated.size(); ++i) sum += std::abs(simulated[i] - observed[i]);
    return sum / static_cast<double>(simulated.size());
}

double mean_absolute_percentage_error(std::span<const double> simulated, std::span<const double> observed) {
    check_pairs(simulated, observed);
    if (simulated.empty()) return kNaN;
    double sum = 0;
    for (std::size_t i = 0; i < simulated.size(); ++i) {
        if (observed[i] == 0) throw std::invalid_argument("hindcast metric: percentage error of an observed zero");
        sum += std::abs((simulated[i] - observed[i]) / observed[i]);
    }
    return 100.0 * sum / static_cast<double>(simulated.size());
}

bool same_sign(double simulated_change, double observed_change) {
    return sign_of(simulated_change) == sign_of(observed_change);
}

double sign_accuracy(std::span<const double> simulated_change, std::span<const double> observed_change) {
    check_pairs(simulated_change, observed_change);
    if (simulated_change.empty()) return kNaN;
    int right = 0;
    for (std::size_t i = 0; i < simulated_change.size(); ++i)
        right += same_sign(simulated_change[i], observed_change[i]) ? 1 : 0;
    return static_cast<double>(right) / static_cast<double>(simulated_change.size());
}

}  // namespace eiisim
