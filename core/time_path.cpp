#include "time_path.hpp"

namespace eiisim {

double TimePath::at(int year) const {
    if (points_.empty()) return 0.0;
    if (year <= points_.front().first) return points_.front().second;
    if (year >= points_.back().first) return points_.back().second;
    for (std::size_t i = 1; i < points_.size(); ++i) {
        const auto& [y1, v1] = points_[i];
        if (year <= y1) {
            const auto& [y0, v0] = points_[i - 1];
            const double w = static_cast<double>(year - y0) / static_cast<double>(y1 - y0);
            return v0 + w * (v1 - v0);
        }
    }
    return points_.back().second;
}

double TimePath::mean_over(int first, int years) const {
    if (years <= 0) return at(first);
    double sum = 0.0;
    for (int y = first; y < first + years; ++y) sum += at(y);
    return sum / years;
}

TimePath TimePath::scaled(double factor) const {
    auto copy = points_;
    for (auto& p : copy) p.second *= factor;
    return TimePath(std::move(copy));
}

TimePath TimePath::shifted(int years) const {
    auto copy = points_;
    for (auto& p : copy) p.first += years;
    return TimePath(std::move(copy));
}

TimePath TimePath::replaced_from(int year, double value) const {
    std::vector<std::pair<int, double>> kept;
    for (const auto& point : points_)
        if (point.first < year) kept.push_back(point);
    kept.emplace_back(year - 1, at(year - 1));
    if (kept.size() >= 2 && kept[kept.size() - 2].first == year - 1) kept.pop_back();
    kept.emplace_back(year, value);
    return TimePath(std::move(kept));
}

}  // namespace eiisim
