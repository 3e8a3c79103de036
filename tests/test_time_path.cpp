#include <catch2/catch.hpp>

#include "core/time_path.hpp"

using eiisim::TimePath;

TEST_CASE("time paths interpolate linearly and hold their end values", "[core]") {
    const TimePath path({{2020, 10.0}, {2030, 30.0}});
    CHECK(path.at(2010) == 10.0);
    CHECK(path.at(2025) == Approx(20.0));
    CHECK(path.at(2040) == 30.0);
    CHECK(path.mean_over(2020, 3) == Approx((10.0 + 12.0 + 14.0) / 3.0));
    CHECK(path.shifted(5).at(2030) == Approx(20.0));
    CHECK(path.scaled(2.0).at(2030) == Approx(60.0));
}
