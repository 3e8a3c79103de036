#include "time_path.hpp"

#include <algorithm>

namespace eiisim {
namespace {

// The path's value in `year`, searching the anchors from index `segment` on (>= 1) and
// leaving there the index of the anchor that ends the year's segment: a caller walking
// through rising years passes the same `segment` back and never searches an anchor twice.
double value_from(const std::vector<std::pair<int, double>>& points, int year, std::size_t& segment) {
    if (points.empty()) return 0.0;
    if (year <= points.front().first) return points.front().second;
    if (year >= points.back().first) return points.back().second;
    for (std::size_t& i = segment; i < points.size(); ++i) {
        const auto& [y1, v1] = points[i];
        if (year <= y1) {
            const auto& [y0, v0] = points[i - 1];
            const double w = static_cast<double>(year - y0) / static_cast<double>(y1 - y0);
            return v0 + w * (v1 - v0);
        }
    }
    return points.back().second;
}

}  // namespace

double TimePath::at(int year) const {
    std::size_t segment = 1;
    return value_from(points_, year, segment);
}

double TimePath::mean_over(int first, int years) const {
    if (years <= 0) return at(first);
    double sum = 0.0;
    std::size_t segment = 1;  // the years rise: each one's search starts where the last one's ended
    for (int y = first; y < first + years; ++y) sum += value_from(points_, y, segment);
    return sum / years;
}

TimePath TimePath::scaled(double factor) const {
    auto copy = points_;
    for (auto& p : copy) p.second *= factor;
    return TimePath(std::move(copy));
}

TimePath TimePath::clamped(double min, double max) const {
    auto copy = points_;
    for (auto& p : copy) p.second = std::clamp(p.second, min, max);
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
