// Two-period screening against shared/oracles/bargaining.md §1h H2 (SCR ids
// in the test names), with the equilibrium conditions checked on a grid.
#include "bargain/bargaining/screening.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include "support.hpp"

using namespace bargain;
using bargain::test::unit_grid;

namespace {

Rational R(long n, long d = 1) { return Rational(n, d); }

using Model = ScreeningModel<Rational>;

// Models over a grid of values, beliefs and discount factors.
std::vector<Model> model_grid() {
  std::vector<Model> models;
  for (const auto& [high, low] : {std::pair{R(1), R(0)},
                                  {R(1), R(1, 4)},
                                  {R(1), R(1, 2)},
                                  {R(2), R(1)},
                                  {R(3), R(2)}})
    for (const Rational& mu : unit_grid(8))
      for (const Rational& delta : unit_grid(10))
        if (delta < 1) models.push_back({high, low, mu, delta});
  return models;
}

}  // namespace

TEST_CASE("SCR-1..6 candidate profits, prices and the equilibrium regime") {
  struct Row {
    const char* id;
    Rational high, low, mu, delta, screening_price, pool, screen;
    std::optional<Rational> mix;
    ScreeningRegime regime;
    std::optional<Rational> sigma;  // σ* where the table gives it
  };
  using enum ScreeningRegime;
  const Row rows[] = {
      {"SCR-1", R(1), R(1, 2), R(2, 5), R(1, 2), R(3, 4), R(1, 2), R(9, 20),
       std::nullopt, pool, std::nullopt},
      {"SCR-2", R(1), R(1, 2), R(1, 4), R(1, 2), R(3, 4), R(1, 2), R(3, 8),
       std::nullopt, pool, std::nullopt},
      {"SCR-3", R(1), R(1, 2), R(3, 4), R(9, 10), R(11, 20), R(1, 2), R(21, 40),
       R(29, 40), mix, R(2, 3)},
      {"SCR-4", R(1), R(1, 4), R(1, 2), R(1, 2), R(5, 8), R(1, 4), R(3, 8),
       R(5, 12), mix, R(2, 3)},
      {"SCR-5", R(1), R(1, 4), R(1, 2), R(9, 10), R(13, 40), R(1, 4), R(11, 40),
       R(29, 60), mix, std::nullopt},
      {"SCR-6", R(2), R(1), R(2, 3), R(1, 2), R(3, 2), R(1), R(7, 6), R(1),
       screen, std::nullopt},
  };
  for (const Row& row : rows) {
    CAPTURE(row.id);
    const auto out =
        two_period_screening<Rational>({row.high, row.low, row.mu, row.delta});
    CHECK(out.screening_price == row.screening_price);
    CHECK(out.pool.profit == row.pool);
    CHECK(out.screen.profit == row.screen);
    REQUIRE(out.mix.has_value() == row.mix.has_value());
    if (row.mix) CHECK(out.mix->profit == *row.mix);
    if (row.sigma) CHECK(out.mix->high_accepts_first == *row.sigma);
    CHECK(out.regime == row.regime);
    CHECK(out.equilibrium().regime == row.regime);

    // The prices each regime names.
    CHECK(out.pool.first_price == row.low);
    CHECK_FALSE(out.pool.second_price.has_value());
    CHECK(out.screen.first_price == row.screening_price);
    CHECK(out.screen.second_price == row.low);
    if (out.mix) {
      CHECK(out.mix->first_price == row.high);
      CHECK(out.mix->second_price == row.high);
    }

    // Double agrees to rounding.
    const auto fast =
        two_period_screening<double>({to_double(row.high), to_double(row.low),
                                      to_double(row.mu), to_double(row.delta)});
    CHECK(fast.regime == row.regime);
    CHECK(fast.equilibrium().profit ==
          doctest::Approx(to_double(out.equilibrium().profit)).epsilon(1e-12));
  }
}

TEST_CASE("SCR-6 screening: p1 = 3/2 to the high type, then p2 = 1") {
  const auto out =
      two_period_screening<Rational>({R(2), R(1), R(2, 3), R(1, 2)});
  const auto& plan = out.equilibrium();
  CHECK(plan.first_price == R(3, 2));
  CHECK(plan.second_price == R(1));
  CHECK(plan.agreement_first == R(2, 3));
  CHECK(plan.agreement_second == R(1, 3));
  CHECK(plan.no_agreement == 0);
}

TEST_CASE("SCR: each plan is a best response of the buyer and the seller") {
  for (const Model& m : model_grid()) {
    CAPTURE(m.value_high);
    CAPTURE(m.value_low);
    CAPTURE(m.mu);
    CAPTURE(m.delta);
    const auto out = two_period_screening(m);
    const Rational& high = m.value_high;
    const Rational& low = m.value_low;

    // Pooling: both types buy at vL at once.
    CHECK(out.pool.agreement_first == 1);
    CHECK(out.pool.no_agreement == 0);

    // Screening: the high type is indifferent between p̂ now and vL later,
    // and the low type cannot afford p̂.
    CHECK(high - out.screen.first_price == m.delta * (high - low));
    CHECK(low < out.screen.first_price);
    CHECK(out.screen.agreement_first == m.mu);
    CHECK(out.screen.agreement_second == 1 - m.mu);
    CHECK(out.screen.no_agreement == 0);

    REQUIRE(out.mix.has_value() == (low < m.mu * high));
    if (out.mix) {
      const Rational sigma = out.mix->high_accepts_first;
      CHECK(0 < sigma);
      CHECK(sigma <= 1);
      // After a refusal the seller believes the buyer high with chance
      // vL/vH, so that charging vH and vL earns the same (when anyone is
      // left to believe about).
      const Rational left = m.mu * (1 - sigma) + (1 - m.mu);
      if (left != 0) CHECK(m.mu * (1 - sigma) / left == low / high);
      // The oracle's profit formula, which charges vL to all who are left.
      CHECK(out.mix->profit ==
            m.mu * sigma * high + m.delta * low * (1 - m.mu * sigma));
      CHECK(out.mix->agreement_first == m.mu * sigma);
      CHECK(out.mix->agreement_second == m.mu * (1 - sigma));
      CHECK(out.mix->no_agreement == 1 - m.mu);
    }

    // The equilibrium is the most profitable plan, ties to the simpler one.
    Rational best = out.pool.profit;
    ScreeningRegime regime = ScreeningRegime::pool;
    if (best < out.screen.profit) {
      best = out.screen.profit;
      regime = ScreeningRegime::screen;
    }
    if (out.mix && best < out.mix->profit) {
      best = out.mix->profit;
      regime = ScreeningRegime::mix;
    }
    CHECK(out.regime == regime);
    CHECK(out.equilibrium().profit == best);

    // Riley-Zeckhauser: no sequence of prices beats the best single price
    // a seller who could commit would post, max(vL, mu vH).
    CHECK(best <= std::max(low, m.mu * high));
    CHECK(low <= best);
  }
}

TEST_CASE("SCR: if mu vH <= vL, screening never strictly beats pooling") {
  for (const Model& m : model_grid()) {
    if (m.value_low < m.mu * m.value_high) continue;
    CAPTURE(m.mu);
    CAPTURE(m.delta);
    const auto out = two_period_screening(m);
    CHECK_FALSE(out.mix.has_value());
    CHECK(out.screen.profit <= out.pool.profit);
    CHECK(out.regime == ScreeningRegime::pool);
  }
}

TEST_CASE("SCR: ties go to the simpler regime, pool before screen before mix") {
  // vH = 1, vL = 1/2, delta = 1/2, mu = 1/2: pool and screen both earn 1/2
  // (and mu vH = vL: no mixing).
  const auto pool_screen =
      two_period_screening<Rational>({R(1), R(1, 2), R(1, 2), R(1, 2)});
  CHECK(pool_screen.pool.profit == R(1, 2));
  CHECK(pool_screen.screen.profit == R(1, 2));
  CHECK(pool_screen.regime == ScreeningRegime::pool);
  // vL = 0, delta = 0: screening at p̂ = vH and mixing with σ* = 1 are the
  // same sale, mu vH.
  const auto screen_mix =
      two_period_screening<Rational>({R(1), R(0), R(1, 2), R(0)});
  CHECK(screen_mix.screen.profit == R(1, 2));
  REQUIRE(screen_mix.mix.has_value());
  CHECK(screen_mix.mix->profit == R(1, 2));
  CHECK(screen_mix.regime == ScreeningRegime::screen);
  // mu = 0, vL = 0: every plan earns nothing; pooling wins.
  const auto nothing =
      two_period_screening<Rational>({R(1), R(0), R(0), R(1, 3)});
  CHECK(nothing.screen.profit == 0);
  CHECK(nothing.regime == ScreeningRegime::pool);
}

// The oracle's Coase-conjecture property (as the period length goes to 0,
// the uninformed proposer's first price tends to vL) is about the infinite
// horizon. With two periods it holds for the screening price: as delta
// tends to 1, p̂ falls to vL and screening gains nothing over pooling.
TEST_CASE("SCR: as delta -> 1 the screening price falls to vL") {
  for (Model m :
       {Model{R(1), R(1, 2), R(2, 5), R(0)},
        Model{R(1), R(1, 4), R(1, 2), R(0)}, Model{R(2), R(1), R(2, 3), R(0)},
        Model{R(1), R(0), R(1, 3), R(0)}}) {
    CAPTURE(m.value_high);
    CAPTURE(m.value_low);
    CAPTURE(m.mu);
    const Rational& high = m.value_high;
    const Rational& low = m.value_low;
    Rational previous = two_period_screening(m).screening_price;  // vH
    for (long k = 2; k <= 4096; k *= 2) {
      m.delta = 1 - R(1, k);
      const auto out = two_period_screening(m);
      CHECK(out.screening_price < previous);
      CHECK(low < out.screening_price);
      CHECK(out.screening_price - low <= (high - low) / k);
      CHECK(out.screen.profit - out.pool.profit <= high / k);
      CHECK(out.pool.profit - out.screen.profit <= low / k);
      previous = out.screening_price;
    }
  }
}

// ... but not for the equilibrium's first price: the last period is a
// commitment, and when mu vH > vL the seller holds out at vH while the
// high type spreads its purchase.
TEST_CASE("SCR: with two periods the seller still opens at vH as delta -> 1") {
  for (long k = 16; k <= 4096; k *= 2) {
    const Rational delta = 1 - R(1, k);
    const auto out =
        two_period_screening<Rational>({R(1), R(1, 4), R(1, 2), delta});
    CHECK(out.regime == ScreeningRegime::mix);
    CHECK(out.equilibrium().first_price == 1);
    CHECK(R(1, 2) - out.equilibrium().profit <= R(1, k));
  }
}

TEST_CASE("SCR: bad inputs are refused, naming the parameter") {
  CHECK_THROWS_WITH_AS(
      two_period_screening<Rational>({R(1, 2), R(1, 2), R(1, 2), R(1, 2)}),
      "two_period_screening: value_high = 1/2, expected a value above "
      "value_low = 1/2",
      ModelError);
  CHECK_THROWS_WITH_AS(
      two_period_screening<Rational>({R(1, 4), R(1, 2), R(1, 2), R(1, 2)}),
      doctest::Contains("value_high = 1/4"), ModelError);
  CHECK_THROWS_WITH_AS(
      two_period_screening<Rational>({R(1), R(-1, 2), R(1, 2), R(1, 2)}),
      "two_period_screening: value_low = -1/2, expected a value of at least 0",
      ModelError);
  CHECK_THROWS_WITH_AS(
      two_period_screening<Rational>({R(1), R(1, 2), R(3, 2), R(1, 2)}),
      "two_period_screening: mu = 3/2, expected a probability in [0, 1]",
      ModelError);
  CHECK_THROWS_WITH_AS(
      two_period_screening<Rational>({R(1), R(1, 2), R(-1, 5), R(1, 2)}),
      doctest::Contains("mu = -1/5"), ModelError);
  CHECK_THROWS_WITH_AS(
      two_period_screening<Rational>({R(1), R(1, 2), R(1, 2), R(1)}),
      "two_period_screening: delta = 1, expected a discount factor in [0, 1)",
      ModelError);
  CHECK_THROWS_WITH_AS(
      two_period_screening<Rational>({R(1), R(1, 2), R(1, 2), R(-1, 10)}),
      doctest::Contains("delta = -1/10"), ModelError);
  CHECK_THROWS_WITH_AS(two_period_screening<double>({HUGE_VAL, 0.5, 0.5, 0.5}),
                       doctest::Contains("value_high = inf"), ModelError);
  CHECK_THROWS_AS(two_period_screening<double>({1, 0.5, std::nan(""), 0.5}),
                  ModelError);
}
