// Exact threshold finding, on the war models' own margins (oracle ids
// FEA-OPT and POW of shared/oracles/bargaining.md) and on margins whose
// roots are known by construction.
#include "bargain/bargaining/threshold.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "bargain/bargaining/war.hpp"

using namespace bargain;

namespace {

Rational R(long n, long d = 1) { return Rational(n, d); }

// The simplest rational strictly inside (a, b) by brute force: the least
// denominator, then the least absolute numerator.
Rational simplest_by_search(const Rational& a, const Rational& b) {
  for (long q = 1;; ++q) {
    for (long n = 0;; ++n) {
      bool beyond = true;
      for (const long p : {n, -n}) {
        const Rational x(p, q);
        if (a < x && x < b) return x;
        if ((p >= 0 && x < b) || (p <= 0 && a < x)) beyond = false;
      }
      if (beyond) break;
    }
  }
}

long bits(const boost::multiprecision::mpz_int& n) {
  return n == 0 ? 0 : static_cast<long>(msb(abs(n))) + 1;
}

}  // namespace

TEST_CASE(
    "simplest_rational_between: the first of the interval in Stern-Brocot") {
  CHECK(simplest_rational_between(0, 1) == R(1, 2));
  CHECK(simplest_rational_between(R(1, 3), R(1, 2)) == R(2, 5));
  CHECK(simplest_rational_between(R(29, 100), R(31, 100)) == R(3, 10));
  CHECK(simplest_rational_between(R(-1, 2), R(1, 3)) == 0);
  CHECK(simplest_rational_between(R(-1, 2), R(-1, 3)) == R(-2, 5));
  CHECK(simplest_rational_between(2, 5) == 3);
  CHECK(simplest_rational_between(R(-9, 2), -2) == -3);
  CHECK(simplest_rational_between(3, 4) == R(7, 2));
  CHECK(simplest_rational_between(0, R(1, 1000)) == R(1, 1001));
  CHECK(simplest_rational_between(R(314159, 100000), R(314160, 100000)) ==
        R(355, 113));
  CHECK_THROWS_AS(simplest_rational_between(1, 1), ModelError);
}

TEST_CASE("simplest_rational_between agrees with a brute-force search") {
  std::vector<Rational> ends;
  for (long q = 1; q <= 9; ++q)
    for (long p = -2 * q; p <= 2 * q; ++p) ends.push_back(R(p, q));
  for (const Rational& a : ends)
    for (const Rational& b : ends) {
      if (!(a < b)) continue;
      CAPTURE(a);
      CAPTURE(b);
      CHECK(simplest_rational_between(a, b) == simplest_by_search(a, b));
    }
}

TEST_CASE("FEA-OPT: the optimism gap that empties the range is cA + cB") {
  struct Row {
    const char* id;
    Rational p_b, cost_a, cost_b;
  };
  const Row rows[] = {
      {"FEA-OPT-1", R(2, 5), R(1, 10), R(1, 10)},
      {"FEA-OPT-3", R(9, 20), R(1, 10), R(1, 10)},
      {"FEA-OPT-4", R(3, 10), R(1, 5), R(1, 5)},
      {"FEA-OPT-5", R(1, 2), R(1, 20), R(1, 20)},
      {"asymmetric costs", R(1, 3), R(1, 7), R(2, 9)},
  };
  for (const Row& row : rows) {
    CAPTURE(row.id);
    const auto width = [&](const Rational& gap) {
      return optimism_range<Rational>(
                 {row.p_b + gap, row.p_b, row.cost_a, row.cost_b})
          .width;
    };
    const Threshold t = find_threshold(width, 0, 1 - row.p_b, R(1, 1000000));
    REQUIRE(t.is_exact());
    CHECK(t.bracket.lo() == row.cost_a + row.cost_b);
    CHECK(t.below == 1);
    CHECK(t.above == -1);
    CHECK(t.evaluations <= 4);  // an affine margin: one Illinois step

    // Only emptiness known: a bracket around the same gap, the range still a
    // point at the threshold itself.
    const auto empty = [&](const Rational& gap) {
      return optimism_range<Rational>(
                 {row.p_b + gap, row.p_b, row.cost_a, row.cost_b})
          .range.empty();
    };
    const auto change =
        find_regime_change(empty, 0, 1 - row.p_b, R(1, 1000000));
    CHECK(change.below == false);
    CHECK(change.above == true);
    CHECK(change.bracket.lo() <= row.cost_a + row.cost_b);
    CHECK(row.cost_a + row.cost_b < change.bracket.hi());
    CHECK(change.bracket.width() <= R(1, 1000000));
  }
}

TEST_CASE("POW-2,3,4,6: the guarantee g* found on the peace margin") {
  struct Row {
    const char* id;
    Rational p0, p1, cost_a, delta, guarantee;
  };
  const Row rows[] = {
      {"POW-2", R(1, 2), R(2, 5), R(1, 20), R(9, 10), R(7, 180)},
      {"POW-3", R(1, 2), R(3, 10), R(1, 20), R(9, 10), R(5, 36)},
      {"POW-4", R(1, 2), R(1, 5), R(1, 20), R(9, 10), R(43, 180)},
      {"POW-6", R(3, 5), R(1, 5), R(1, 10), R(19, 20), R(71, 190)},
  };
  for (const Row& row : rows) {
    CAPTURE(row.id);
    const auto margin = [&](const Rational& g) {
      return shifting_power<Rational>(
                 {row.p0, row.p1 + g, row.cost_a, row.delta})
          .peace_margin();
    };
    const Threshold t = find_threshold(margin, 0, 1 - row.p1, R(1, 10000));
    REQUIRE(t.is_exact());
    CHECK(t.bracket.lo() == row.guarantee);
    CHECK(t.bracket.lo() ==
          shifting_power<Rational>({row.p0, row.p1, row.cost_a, row.delta})
              .guarantee);
    CHECK(t.below == -1);  // war without a guarantee
    CHECK(t.above == 1);
  }
}

TEST_CASE(
    "threshold: x^2 - 2 gives a bracket of the asked width around sqrt 2") {
  const Rational tolerance =
      Rational(1) /
      boost::multiprecision::pow(boost::multiprecision::mpz_int(10), 30);
  const auto square_minus_two = [](const Rational& x) { return x * x - 2; };
  const Threshold t = find_threshold(square_minus_two, 1, 2, tolerance);
  CHECK_FALSE(t.is_exact());
  const Rational& lo = t.bracket.lo();
  const Rational& hi = t.bracket.hi();
  CHECK(lo * lo < 2);
  CHECK(2 < hi * hi);
  CHECK(t.bracket.width() <= tolerance);
  CHECK(t.below == -1);
  CHECK(t.above == 1);
  // Superlinear: linear convergence from one side took 36 evaluations.
  CHECK(t.evaluations <= 30);
  // The ends stay as long as the tolerance needs: 100 bits here, squared.
  CHECK(bits(denominator(lo)) <= 240);
  CHECK(bits(denominator(hi)) <= 240);
}

TEST_CASE("threshold: a simple root of a nonlinear margin is found exactly") {
  const auto cube = [](const Rational& x) { return x * x * x - R(27, 1000); };
  const Threshold t = find_threshold(cube, 0, 1, R(1, 1000000000));
  REQUIRE(t.is_exact());
  CHECK(t.bracket.lo() == R(3, 10));
  CHECK(t.evaluations <= 12);
  // Decreasing margin, root far from the middle.
  const auto falling = [](const Rational& x) {
    return R(1, 49) - (x - 1) * (x - 1);
  };
  const Threshold f = find_threshold(falling, 1, 3, R(1, 1000000000));
  REQUIRE(f.is_exact());
  CHECK(f.bracket.lo() == R(8, 7));
  CHECK(f.below == 1);
  CHECK(f.above == -1);
}

TEST_CASE("threshold: an affine margin's root in one Illinois step") {
  struct Line {
    Rational slope, root;
  };
  for (const Line& line :
       {Line{R(190), R(71, 190)}, Line{R(-1234567), R(1000000, 1234567)},
        Line{R(3, 7), R(-5, 11)}}) {
    CAPTURE(line.root);
    const auto affine = [&](const Rational& x) {
      return line.slope * (x - line.root);
    };
    const Threshold t = find_threshold(affine, -1, 1, R(1, 1000000));
    REQUIRE(t.is_exact());
    CHECK(t.bracket.lo() == line.root);
    CHECK(t.evaluations <= 4);
  }
}

TEST_CASE("threshold: a jump in the margin is bracketed, not missed") {
  const auto jump = [](const Rational& x) { return x < R(1, 3) ? -1 : 2; };
  const Threshold t = find_threshold(jump, 0, 1, R(1, 100000000000LL));
  CHECK_FALSE(t.is_exact());
  CHECK(t.bracket.lo() < R(1, 3));
  CHECK(R(1, 3) <= t.bracket.hi());
  CHECK(t.bracket.width() <= R(1, 100000000000LL));
  CHECK(t.evaluations <= 3 * 100);  // shrinks to 3/4 or less each round
}

TEST_CASE("threshold: a root at an end of the search interval") {
  const auto rising = [](const Rational& x) { return x - 1; };
  const Threshold at_hi = find_threshold(rising, 0, 1, R(1, 100));
  CHECK(at_hi.bracket == Interval<Rational>::point(1));
  CHECK(at_hi.below == -1);
  CHECK(at_hi.above == 0);
  const Threshold at_lo = find_threshold(rising, 1, 2, R(1, 100));
  CHECK(at_lo.bracket == Interval<Rational>::point(1));
  CHECK(at_lo.below == 0);
  CHECK(at_lo.above == 1);
  CHECK(find_threshold(rising, 1, 1, R(1, 100)).is_exact());
}

TEST_CASE("threshold: errors say what was wrong") {
  const auto positive = [](const Rational& x) { return x + R(1, 5); };
  CHECK_THROWS_WITH_AS(
      find_threshold(positive, 0, 1, R(1, 100)),
      "find_threshold: on [0, 1] the margin has the same sign at both ends "
      "(1/5 at lo, 6/5 at hi), expected opposite signs, or 0 at one end only",
      ModelError);
  CHECK_THROWS_WITH_AS(find_threshold(positive, 1, 0, R(1, 100)),
                       "find_threshold: lo = 1 is above hi = 0, expected lo "
                       "<= hi",
                       ModelError);
  CHECK_THROWS_WITH_AS(find_threshold(positive, -1, 0, 0),
                       "find_threshold: tolerance = 0, expected a positive "
                       "width",
                       ModelError);
  const auto zero = [](const Rational&) { return Rational(0); };
  CHECK_THROWS_WITH_AS(find_threshold(zero, 0, 1, R(1, 100)),
                       doctest::Contains("the margin is 0 at both ends"),
                       ModelError);
  const Rational tiny =
      Rational(1) /
      boost::multiprecision::pow(boost::multiprecision::mpz_int(2), 2000);
  CHECK_THROWS_WITH_AS(find_threshold(positive, -1, 0, tiny),
                       doctest::Contains("the tolerance is about 2^-2000"),
                       LimitError);
  CHECK_THROWS_AS(find_regime_change(positive, -1, 0, tiny), LimitError);
}

TEST_CASE("find_regime_change: a step function with named regimes") {
  const auto outcome = [](const Rational& gap) -> std::string {
    return gap <= R(2, 7) ? "settlement" : "war";
  };
  const auto change = find_regime_change(outcome, 0, 1, R(1, 1000));
  CHECK(change.below == "settlement");
  CHECK(change.above == "war");
  CHECK(change.bracket.lo() <= R(2, 7));
  CHECK(R(2, 7) < change.bracket.hi());
  CHECK(change.bracket.width() <= R(1, 1000));
  CHECK_FALSE(change.is_exact());
  // Each step keeps at most 3/4 of the bracket: 3/4^25 < 1/1000.
  CHECK(change.evaluations <= 2 + 25);

  // Three regimes: one change away from regime(lo) is found.
  const auto three = [](const Rational& x) {
    return x < R(1, 3) ? 0 : (x < R(2, 3) ? 1 : 2);
  };
  const auto first = find_regime_change(three, 0, 1, R(1, 100));
  CHECK(first.below == 0);
  CHECK(first.above != 0);
  CHECK(first.bracket.lo() < R(1, 3));
  CHECK(three(first.bracket.hi()) == first.above);

  CHECK_THROWS_WITH_AS(find_regime_change(outcome, 1, R(3, 2), R(1, 100)),
                       "find_regime_change: on [1, 3/2] the regime is war at "
                       "both ends, expected different regimes at lo and hi",
                       ModelError);
  CHECK_THROWS_AS(find_regime_change(outcome, 1, 0, R(1, 100)), ModelError);
}
