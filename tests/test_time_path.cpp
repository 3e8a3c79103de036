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

TEST_CASE("a path replaced from a year keeps its values before it and is not interpolated across", "[core]") {
    const TimePath path({{2020, 10.0}, {2030, 30.0}, {2040, 50.0}});
    const TimePath cut = path.replaced_from(2026, 0.0);
    for (int year = 2015; year <= 2025; ++year) REQUIRE(cut.at(year) == Approx(path.at(year)));
    for (int year = 2026; year <= 2050; ++year) REQUIRE(cut.at(year) == 0.0);
    // An anchor on the year before the switch is kept once.
    const TimePath on_anchor = TimePath({{2020, 1.0}, {2025, 5.0}, {2030, 9.0}}).replaced_from(2026, 2.0);
    REQUIRE(on_anchor.anchors().size() == 3);
    REQUIRE(on_anchor.at(2025) == 5.0);
    REQUIRE(on_anchor.at(2026) == 2.0);
    // An empty path reads 0 before the switch, as before.
    REQUIRE(TimePath().replaced_from(2026, 3.0).at(2025) == 0.0);
    REQUIRE(TimePath().replaced_from(2026, 3.0).at(2030) == 3.0);
}

TEST_CASE("the mean over a horizon is exactly the mean of the yearly values, across anchors", "[core]") {
    // mean_over walks the anchors once (issue 20): it must add the very same at(y) values in
    // the same order, before, across and after several segments.
    const TimePath path({{2021, 3.1}, {2024, 7.7}, {2025, -1.3}, {2033, 11.9}, {2040, 0.7}});
    for (int first = 2015; first <= 2045; ++first) {
        for (int years : {1, 2, 5, 13, 30}) {
            double sum = 0.0;
            for (int y = first; y < first + years; ++y) sum += path.at(y);
            REQUIRE(path.mean_over(first, years) == sum / years);
        }
    }
}
