// War-as-bargaining models against shared/oracles/bargaining.md sections 1e
// (FEA), 1f (POW), 1g (WOA) and 1h H1 (FRR); ids in the test names.
#include "bargain/bargaining/war.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>
#include <vector>

#include "support.hpp"

using namespace bargain;
using bargain::test::unit_grid;

namespace {

Rational R(long n, long d = 1) { return Rational(n, d); }

using RI = Interval<Rational>;

FearonModel<double> in_double(const FearonModel<Rational>& m) {
  return {to_double(m.p), to_double(m.cost_a), to_double(m.cost_b), m.utility_a,
          m.utility_b};
}

bool close(double x, const Rational& exact) {
  return std::abs(x - to_double(exact)) <=
         1e-12 * std::max(1.0, std::abs(to_double(exact)));
}

}  // namespace

// ---------------------------------------------------------------------------
// Fearon

TEST_CASE("FEA-1..5 Fearon's range is [p - cA, p + cB] within [0, 1]") {
  struct Row {
    const char* id;
    Rational p, cost_a, cost_b;
    RI range;
  };
  const Row rows[] = {
      {"FEA-1", R(1, 2), R(1, 10), R(1, 10), RI(R(2, 5), R(3, 5))},
      {"FEA-2", R(7, 10), R(1, 20), R(3, 20), RI(R(13, 20), R(17, 20))},
      {"FEA-3", R(3, 10), R(1, 5), R(1, 10), RI(R(1, 10), R(2, 5))},
      {"FEA-4", R(9, 10), R(1, 5), R(1, 5), RI(R(7, 10), R(1))},
      {"FEA-5", R(1, 2), R(0), R(0), RI::point(R(1, 2))},
  };
  for (const Row& row : rows) {
    CAPTURE(row.id);
    const FearonModel<Rational> model{row.p, row.cost_a, row.cost_b};
    const RI range = fearon_range(model);
    CHECK(range == row.range);
    const Interval<double> approx = fearon_range(in_double(model));
    CHECK(close(approx.lo(), row.range.lo()));
    CHECK(close(approx.hi(), row.range.hi()));
  }
}

TEST_CASE("FEA-RA-1 and FEA-RA-2: square-root utilities widen the range") {
  const PowerUtility root = PowerUtility::root(2);
  const RI ra1 =
      fearon_range<Rational>({R(1, 2), R(1, 10), R(1, 10), root, root});
  CHECK(ra1 == RI(R(4, 25), R(21, 25)));
  const RI ra2 =
      fearon_range<Rational>({R(7, 10), R(1, 20), R(3, 20), root, root});
  CHECK(ra2 == RI(R(169, 400), R(391, 400)));
  // Double, with the same exponent, to 1e-12.
  const auto approx = fearon_range<double>({0.7, 0.05, 0.15, root, root});
  CHECK(close(approx.lo(), R(169, 400)));
  CHECK(close(approx.hi(), R(391, 400)));
}

TEST_CASE("FEA-RA: risk aversion of either side only widens the range") {
  for (const Rational& p : unit_grid(10))
    for (const Rational& cost_a : {R(0), R(1, 20), R(1, 5), R(3, 2)})
      for (const Rational& cost_b : {R(0), R(1, 10), R(2, 5)})
        for (const unsigned long k : {2UL, 3UL, 5UL}) {
          CAPTURE(p);
          CAPTURE(cost_a);
          CAPTURE(cost_b);
          CAPTURE(k);
          const RI neutral = fearon_range<Rational>({p, cost_a, cost_b});
          const PowerUtility averse = PowerUtility::root(k);
          const RI a_averse =
              fearon_range<Rational>({p, cost_a, cost_b, averse, {}});
          const RI b_averse =
              fearon_range<Rational>({p, cost_a, cost_b, {}, averse});
          CHECK(a_averse.intersect(neutral) == neutral);
          CHECK(a_averse.hi() == neutral.hi());
          CHECK(b_averse.intersect(neutral) == neutral);
          CHECK(b_averse.lo() == neutral.lo());
          CHECK(neutral.intersect(RI(0, 1)) == neutral);
        }
}

TEST_CASE("FEA-RA: any exponent in double; each end is worth war's value") {
  const PowerUtility a{R(37, 100)}, b{R(4, 5)};
  const double p = 0.55, cost_a = 0.1, cost_b = 0.2;
  const auto range = fearon_range<double>({p, cost_a, cost_b, a, b});
  CHECK(std::pow(range.lo(), 0.37) ==
        doctest::Approx(p - cost_a).epsilon(1e-12));
  CHECK(std::pow(1 - range.hi(), 0.8) ==
        doctest::Approx(1 - p - cost_b).epsilon(1e-12));
}

TEST_CASE("FEA: bad inputs are refused, naming the parameter") {
  CHECK_THROWS_WITH_AS(
      fearon_range<Rational>({R(3, 2), 0, 0}),
      "fearon_range: p = 3/2, expected a probability in [0, 1]", ModelError);
  CHECK_THROWS_WITH_AS(fearon_range<Rational>({R(1, 2), R(-1, 10), 0}),
                       "fearon_range: cost_a = -1/10, expected a cost of at "
                       "least 0",
                       ModelError);
  CHECK_THROWS_WITH_AS(fearon_range<double>({0.5, 0.1, std::nan("")}),
                       doctest::Contains("cost_b = nan"), ModelError);
  CHECK_THROWS_WITH_AS(fearon_range<double>({0.5, 0.1, HUGE_VAL}),
                       doctest::Contains("cost_b = inf"), ModelError);
  CHECK_THROWS_WITH_AS(
      fearon_range<Rational>({R(1, 2), 0, 0, PowerUtility{R(2, 3)}, {}}),
      "fearon_range: utility_a.exponent = 2/3, expected 1/k for exact "
      "arithmetic (other exponents need double)",
      ModelError);
  CHECK_THROWS_WITH_AS(
      fearon_range<double>({0.5, 0, 0, {}, PowerUtility{R(3, 2)}}),
      "fearon_range: utility_b.exponent = 3/2, expected an exponent in (0, 1], "
      "1 being risk neutral",
      ModelError);
  CHECK_THROWS_AS(fearon_range<double>({0.5, 0, 0, {}, PowerUtility{R(0)}}),
                  ModelError);
  CHECK_THROWS_AS(
      fearon_range<Rational>({R(1, 2), 0, 0, PowerUtility::root(2000), {}}),
      LimitError);
  CHECK_THROWS_AS(PowerUtility::root(0), ModelError);
}

// ---------------------------------------------------------------------------
// Mutual optimism

TEST_CASE("FEA-OPT-1..5 optimism eats the range one for one") {
  struct Row {
    const char* id;
    Rational p_a, p_b, cost_a, cost_b;
    RI range;
  };
  const Row rows[] = {
      {"FEA-OPT-1", R(3, 5), R(2, 5), R(1, 10), R(1, 10), RI::point(R(1, 2))},
      {"FEA-OPT-2", R(7, 10), R(2, 5), R(1, 10), R(1, 10), RI()},
      {"FEA-OPT-3", R(13, 20), R(9, 20), R(1, 10), R(1, 10),
       RI::point(R(11, 20))},
      {"FEA-OPT-4", R(4, 5), R(3, 10), R(1, 5), R(1, 5), RI()},
      {"FEA-OPT-5", R(1, 2), R(1, 2), R(1, 20), R(1, 20),
       RI(R(9, 20), R(11, 20))},
  };
  for (const Row& row : rows) {
    CAPTURE(row.id);
    const auto result =
        optimism_range<Rational>({row.p_a, row.p_b, row.cost_a, row.cost_b});
    CHECK(result.range == row.range);
    CHECK(result.gap == row.p_a - row.p_b);
    CHECK(result.width == row.cost_a + row.cost_b - (row.p_a - row.p_b));
  }
  // The oracle's stated gaps and widths.
  const auto opt2 =
      optimism_range<Rational>({R(7, 10), R(2, 5), R(1, 10), R(1, 10)});
  CHECK(opt2.gap == R(3, 10));
  CHECK(opt2.width == R(-1, 10));
  const auto opt4 =
      optimism_range<Rational>({R(4, 5), R(3, 10), R(1, 5), R(1, 5)});
  CHECK(opt4.gap == R(1, 2));
  CHECK(opt4.width == R(-1, 10));
}

TEST_CASE("FEA-OPT: empty exactly when the gap exceeds the costs") {
  for (const Rational& p_a : unit_grid(10))
    for (const Rational& p_b : unit_grid(10))
      for (const Rational& cost : {R(0), R(1, 20), R(1, 10), R(3, 10)}) {
        CAPTURE(p_a);
        CAPTURE(p_b);
        CAPTURE(cost);
        const auto result = optimism_range<Rational>({p_a, p_b, cost, cost});
        CHECK(result.range.empty() == (p_a - p_b > 2 * cost));
        CHECK(result.range.empty() == (result.width < 0));
        if (p_a == p_b)
          CHECK(result.range == fearon_range<Rational>({p_a, cost, cost}));
      }
}

TEST_CASE("FEA-OPT: bad beliefs are refused") {
  CHECK_THROWS_WITH_AS(optimism_range<Rational>({R(1, 2), R(-1, 5), 0, 0}),
                       "optimism_range: p_b = -1/5, expected a probability in "
                       "[0, 1]",
                       ModelError);
  CHECK_THROWS_AS(optimism_range<double>({0.5, 0.5, -0.1, 0}), ModelError);
}

// ---------------------------------------------------------------------------
// Shifting power

TEST_CASE("POW-1..6 shifting power: war value, peace value, outcome, g*") {
  struct Row {
    const char* id;
    Rational p0, p1, cost_a, delta, war_value, max_peace_value;
    bool war;
    Rational guarantee;
  };
  const Row rows[] = {
      {"POW-1", R(1, 2), R(1, 2), R(1, 20), R(9, 10), R(9, 2), R(101, 20),
       false, R(0)},
      {"POW-2", R(1, 2), R(2, 5), R(1, 20), R(9, 10), R(9, 2), R(83, 20), true,
       R(7, 180)},
      {"POW-3", R(1, 2), R(3, 10), R(1, 20), R(9, 10), R(9, 2), R(13, 4), true,
       R(5, 36)},
      {"POW-4", R(1, 2), R(1, 5), R(1, 20), R(9, 10), R(9, 2), R(47, 20), true,
       R(43, 180)},
      {"POW-5", R(1, 2), R(1, 5), R(1, 20), R(1, 2), R(9, 10), R(23, 20), false,
       R(0)},
      {"POW-6", R(3, 5), R(1, 5), R(1, 10), R(19, 20), R(10), R(29, 10), true,
       R(71, 190)},
  };
  for (const Row& row : rows) {
    CAPTURE(row.id);
    const auto outcome =
        shifting_power<Rational>({row.p0, row.p1, row.cost_a, row.delta});
    CHECK(outcome.war_value == row.war_value);
    CHECK(outcome.max_peace_value == row.max_peace_value);
    CHECK(outcome.war == row.war);
    CHECK(outcome.guarantee == row.guarantee);
    CHECK((outcome.peace_margin() >= 0) == !row.war);
    const auto approx =
        shifting_power<double>({to_double(row.p0), to_double(row.p1),
                                to_double(row.cost_a), to_double(row.delta)});
    CHECK(approx.war == row.war);
    CHECK(close(approx.guarantee, row.guarantee));
  }
}

TEST_CASE("POW: the guarantee g* is exactly where peace returns") {
  for (const Rational& p0 : unit_grid(5))
    for (const Rational& p1 : unit_grid(5))
      for (const Rational& cost_a : {R(0), R(1, 20), R(1, 4)})
        for (const Rational& delta : {R(1, 2), R(9, 10), R(99, 100)}) {
          CAPTURE(p0);
          CAPTURE(p1);
          CAPTURE(cost_a);
          CAPTURE(delta);
          const auto outcome =
              shifting_power<Rational>({p0, p1, cost_a, delta});
          if (!outcome.war) {
            CHECK(outcome.guarantee == 0);
            continue;
          }
          const Rational raised = p1 + outcome.guarantee;
          REQUIRE(raised <= 1);
          const auto guaranteed =
              shifting_power<Rational>({p0, raised, cost_a, delta});
          CHECK_FALSE(guaranteed.war);
          CHECK(guaranteed.peace_margin() == 0);
          CHECK(shifting_power<Rational>(
                    {p0, raised - R(1, 1000000), cost_a, delta})
                    .war);
        }
}

TEST_CASE("POW: war is monotone in the size of the shift") {
  for (const Rational& p0 : {R(1, 2), R(3, 5), R(9, 10)})
    for (const Rational& cost_a : {R(1, 20), R(1, 10)})
      for (const Rational& delta : {R(3, 4), R(9, 10), R(19, 20)}) {
        CAPTURE(p0);
        CAPTURE(cost_a);
        CAPTURE(delta);
        bool war_before = false;
        Rational guarantee_before = 0;
        for (long shift = 0; shift <= 20; ++shift) {
          const Rational p1 = p0 - p0 * R(shift, 20);
          const auto outcome =
              shifting_power<Rational>({p0, p1, cost_a, delta});
          CHECK(outcome.war >= war_before);
          CHECK(outcome.guarantee >= guarantee_before);
          war_before = outcome.war;
          guarantee_before = outcome.guarantee;
        }
        // The largest shift (p1 = 0) with patience this high means war.
        CHECK(war_before);
      }
}

TEST_CASE("POW: peace is restored as delta falls") {
  for (const Rational& p0 : {R(1, 2), R(3, 5), R(9, 10)})
    for (const Rational& p1 : {R(0), R(1, 5), R(2, 5)})
      for (const Rational& cost_a : {R(0), R(1, 20), R(1, 10)}) {
        CAPTURE(p0);
        CAPTURE(p1);
        CAPTURE(cost_a);
        bool war_at_higher_delta = true;
        for (long k = 99; k >= 0; --k) {
          const auto outcome =
              shifting_power<Rational>({p0, p1, cost_a, R(k, 100)});
          if (outcome.war) CHECK(war_at_higher_delta);
          war_at_higher_delta = outcome.war;
        }
        CHECK_FALSE(war_at_higher_delta);  // delta = 0: always peace
      }
  CHECK(shifting_power<Rational>({R(1, 2), R(1, 5), R(1, 20), R(9, 10)}).war);
  CHECK_FALSE(
      shifting_power<Rational>({R(1, 2), R(1, 5), R(1, 20), R(1, 2)}).war);
}

TEST_CASE("POW: a rising side never fights (p1 >= p0)") {
  for (const Rational& p0 : unit_grid(10))
    for (const Rational& p1 : unit_grid(10))
      for (const Rational& cost_a : {R(0), R(1, 20), R(1, 2)})
        for (const Rational& delta : {R(0), R(1, 2), R(99, 100)}) {
          if (p1 < p0) continue;
          CAPTURE(p0);
          CAPTURE(p1);
          CAPTURE(cost_a);
          CAPTURE(delta);
          CHECK_FALSE(shifting_power<Rational>({p0, p1, cost_a, delta}).war);
        }
}

TEST_CASE("POW: the max(p1 - cA, 0) term: a side that would not fight later") {
  // p1 < cA: after the shift A's war is worth nothing, so B owes it nothing.
  const auto outcome =
      shifting_power<Rational>({R(9, 10), R(1, 20), R(1, 10), R(9, 10)});
  CHECK(outcome.max_peace_value == 1);
  CHECK(outcome.war_value == 8);
  CHECK(outcome.war);
  CHECK(outcome.guarantee == R(149, 180));  // p1 + g* - cA = (8 - 1)/9
}

TEST_CASE("POW: bad inputs are refused") {
  CHECK_THROWS_WITH_AS(
      shifting_power<Rational>({R(1, 2), R(1, 5), R(1, 20), R(1)}),
      "shifting_power: delta = 1, expected a discount factor in [0, 1)",
      ModelError);
  CHECK_THROWS_WITH_AS(
      shifting_power<Rational>({R(1, 2), R(6, 5), R(1, 20), R(1, 2)}),
      doctest::Contains("p1 = 6/5"), ModelError);
  CHECK_THROWS_AS(shifting_power<double>({0.5, 0.2, 0.05, -0.1}), ModelError);
}

// ---------------------------------------------------------------------------
// Risk-return trade-off

TEST_CASE("FRR-1..4 the two-type risk-return trade-off") {
  struct Row {
    const char* id;
    Rational p, cost_a, cost_low, cost_high, mu, safe, risky, critical;
    bool is_risky;
  };
  const Row rows[] = {
      {"FRR-1", R(1, 2), R(1, 10), R(1, 20), R(3, 10), R(1, 5), R(11, 20),
       R(18, 25), R(5, 8), true},
      {"FRR-2", R(1, 2), R(1, 10), R(1, 20), R(3, 10), R(1, 2), R(11, 20),
       R(3, 5), R(5, 8), true},
      {"FRR-3", R(1, 2), R(1, 10), R(0), R(1, 5), R(2, 3), R(1, 2), R(1, 2),
       R(2, 3), false},
      {"FRR-4", R(2, 5), R(1, 20), R(1, 10), R(2, 5), R(1, 4), R(1, 2),
       R(11, 16), R(2, 3), true},
  };
  for (const Row& row : rows) {
    CAPTURE(row.id);
    const auto offer = two_type_offer<Rational>(
        {row.p, row.cost_a, row.cost_low, row.cost_high, row.mu});
    CHECK(offer.safe_value == row.safe);
    CHECK(offer.risky_value == row.risky);
    CHECK(offer.critical_mu == row.critical);
    CHECK(offer.risky == row.is_risky);
    CHECK(offer.war_probability == (row.is_risky ? row.mu : R(0)));
    CHECK(offer.offer == row.p + (row.is_risky ? row.cost_high : row.cost_low));
    CHECK(offer.value == (row.is_risky ? row.risky : row.safe));
  }
}

TEST_CASE("FRR: risky exactly when mu < mu*, ties to safe") {
  for (const Rational& mu : unit_grid(24)) {
    CAPTURE(mu);
    const auto offer =
        two_type_offer<Rational>({R(1, 2), R(1, 10), R(1, 20), R(3, 10), mu});
    CHECK(offer.critical_mu == R(5, 8));
    CHECK(offer.risky == (mu < R(5, 8)));
  }
}

TEST_CASE("FRR: offers are capped at the whole pie") {
  // p + cost_high = 6/5: the weak type accepts everything.
  const auto offer =
      two_type_offer<Rational>({R(4, 5), R(1, 10), R(1, 10), R(2, 5), R(1, 5)});
  CHECK(offer.risky_value == R(4, 5) * 1 + R(1, 5) * R(7, 10));
  CHECK(offer.critical_mu == R(1, 10) / (1 - R(7, 10)));
  CHECK(offer.offer == 1);
  // Both offers capped: nothing to gain from risk.
  const auto capped =
      two_type_offer<Rational>({R(1), R(0), R(0), R(1, 5), R(1, 2)});
  CHECK(capped.critical_mu == 0);
  CHECK_FALSE(capped.risky);
  CHECK(capped.value == 1);
}

TEST_CASE("FRR-U1..4 uniform private costs: x*, P(war), EU_A") {
  struct Row {
    const char* id;
    Rational p, cost_a, cost_b_max, offer, war, value;
  };
  const Row rows[] = {
      {"FRR-U1", R(1, 2), R(1, 10), R(3, 10), R(3, 5), R(1, 3), R(8, 15)},
      {"FRR-U2", R(1, 2), R(0), R(1, 5), R(3, 5), R(1, 2), R(11, 20)},
      {"FRR-U3", R(2, 5), R(1, 20), R(1, 4), R(1, 2), R(2, 5), R(11, 25)},
      {"FRR-U4", R(1, 2), R(3, 10), R(1, 5), R(1, 2), R(0), R(1, 2)},
  };
  for (const Row& row : rows) {
    CAPTURE(row.id);
    const auto offer =
        uniform_cost_offer<Rational>({row.p, row.cost_a, row.cost_b_max});
    CHECK(offer.offer == row.offer);
    CHECK(offer.war_probability == row.war);
    CHECK(offer.value == row.value);
    const auto approx = uniform_cost_offer<double>(
        {to_double(row.p), to_double(row.cost_a), to_double(row.cost_b_max)});
    CHECK(close(approx.value, row.value));
  }
}

TEST_CASE("FRR-U: no offer on a fine grid beats x* (the oracle's grid check)") {
  for (const Rational& p : {R(0), R(2, 5), R(1, 2), R(9, 10)})
    for (const Rational& cost_a : {R(0), R(1, 10), R(3, 10)})
      for (const Rational& cost_b_max : {R(1, 5), R(3, 10), R(1)}) {
        CAPTURE(p);
        CAPTURE(cost_a);
        CAPTURE(cost_b_max);
        const auto best = uniform_cost_offer<Rational>({p, cost_a, cost_b_max});
        for (const Rational& x : unit_grid(200)) {
          if (x < p) continue;  // below p both types accept: worse than p
          const Rational rejected = std::min(R(1), (x - p) / cost_b_max);
          const Rational value = (1 - rejected) * x + rejected * (p - cost_a);
          CHECK(value <= best.value);
        }
      }
}

TEST_CASE("FRR: bad inputs are refused") {
  CHECK_THROWS_WITH_AS(
      two_type_offer<Rational>({R(1, 2), R(1, 10), R(1, 5), R(1, 10), R(1, 2)}),
      "two_type_offer: cost_high = 1/10, expected at least cost_low = 1/5",
      ModelError);
  CHECK_THROWS_WITH_AS(
      two_type_offer<Rational>({R(1, 2), R(1, 10), 0, R(1, 10), R(3, 2)}),
      doctest::Contains("mu = 3/2"), ModelError);
  CHECK_THROWS_WITH_AS(
      uniform_cost_offer<Rational>({R(1, 2), R(1, 10), R(0)}),
      "uniform_cost_offer: cost_b_max = 0, expected a positive upper bound of "
      "B's cost",
      ModelError);
}

// ---------------------------------------------------------------------------
// War of attrition

TEST_CASE("WOA-1..4 symmetric discrete war of attrition") {
  struct Row {
    const char* id;
    Rational prize, cost, concede, end, periods;
  };
  const Row rows[] = {
      {"WOA-1", R(1), R(1, 10), R(1, 11), R(21, 121), R(121, 21)},
      {"WOA-2", R(1), R(1, 2), R(1, 3), R(5, 9), R(9, 5)},
      {"WOA-3", R(10), R(1), R(1, 11), R(21, 121), R(121, 21)},
      {"WOA-4", R(1), R(1), R(1, 2), R(3, 4), R(4, 3)},
  };
  for (const Row& row : rows) {
    CAPTURE(row.id);
    const Contestant<Rational> each{row.prize, row.cost};
    const auto eq = attrition_equilibrium(each, each);
    CHECK(eq.concede[0] == row.concede);
    CHECK(eq.concede[1] == row.concede);
    CHECK(eq.end_probability == row.end);
    CHECK(eq.expected_periods == row.periods);
    // Full dissipation: the expected cost is the prize times the chance of
    // winning it, q(1 - q) per period over the chance the contest ends.
    const Rational wins = row.concede * (1 - row.concede) / row.end;
    CHECK(eq.expected_cost[0] == row.prize * wins);
    CHECK(eq.expected_cost[1] == row.prize * wins);
  }
}

TEST_CASE("WOA-A1 and WOA-A2 asymmetric: each keeps the other indifferent") {
  const auto a1 = attrition_equilibrium<Rational>({1, R(1, 10)}, {1, R(1, 5)});
  CHECK(a1.concede[0] == R(1, 6));
  CHECK(a1.concede[1] == R(1, 11));
  const auto a2 = attrition_equilibrium<Rational>({2, R(1, 10)}, {1, R(1, 10)});
  CHECK(a2.concede[0] == R(1, 11));
  CHECK(a2.concede[1] == R(1, 21));
  // The larger prize concedes more often.
  CHECK(a2.concede[0] > a2.concede[1]);
  for (const auto& [eq, prizes] :
       {std::pair{a1, std::array<Rational, 2>{1, 1}},
        std::pair{a2, std::array<Rational, 2>{2, 1}}}) {
    CHECK(eq.end_probability == 1 - (1 - eq.concede[0]) * (1 - eq.concede[1]));
    CHECK(eq.expected_periods * eq.end_probability == 1);
    for (int i = 0; i < 2; ++i) {
      const Rational wins =
          eq.concede[1 - i] * (1 - eq.concede[i]) / eq.end_probability;
      CHECK(eq.expected_cost[i] == prizes[i] * wins);
    }
  }
  const auto approx = attrition_equilibrium<double>({2, 0.1}, {1, 0.1});
  CHECK(close(approx.concede[1], R(1, 21)));
}

TEST_CASE("WOA-C1 and WOA-C2 continuous symmetric war of attrition") {
  const auto c1 = continuous_attrition<Rational>({1, R(1, 10)});
  CHECK(c1.hazard == R(1, 10));
  CHECK(c1.expected_duration == 5);
  CHECK(c1.expected_cost == R(1, 2));
  const auto c2 = continuous_attrition<Rational>({10, 1});
  CHECK(c2.hazard == R(1, 10));
  CHECK(c2.expected_duration == 5);
  CHECK(c2.expected_cost == 5);
  CHECK(2 * c2.expected_cost == 10);  // total dissipation: the prize
  CHECK(continuous_attrition<double>({10, 1}).expected_duration == 5.0);
}

TEST_CASE("WOA: bad inputs are refused") {
  CHECK_THROWS_WITH_AS(
      attrition_equilibrium<Rational>({1, R(1, 10)}, {1, 0}),
      "attrition_equilibrium: second.cost = 0, expected a positive cost per "
      "period",
      ModelError);
  CHECK_THROWS_WITH_AS(attrition_equilibrium<Rational>({-1, 1}, {1, 1}),
                       doctest::Contains("first.prize = -1"), ModelError);
  CHECK_THROWS_WITH_AS(continuous_attrition<double>({0, 1}),
                       "continuous_attrition: each.prize = 0, expected a "
                       "positive prize",
                       ModelError);
}
