// Baron-Ferejohn legislative bargaining against
// shared/oracles/bargaining.md §1d (ids in the test names), and every
// equilibrium re-verified here from its definition.
#include "bargain/bargaining/baron_ferejohn.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "bargain/error.hpp"

using namespace bargain;

namespace {

using R = Rational;

R q(long numerator, long denominator = 1) { return R(numerator, denominator); }

// The stationary-equilibrium conditions, checked independently of the
// library: proposals buy quota - 1 votes in expectation, only among the
// cheapest, at the price delta v_j, and the values are what being
// recognised or bought is worth.
void check_equilibrium(const std::vector<R>& p, std::size_t quota,
                       const R& delta, const BaronFerejohnEquilibrium& eq) {
  const std::size_t n = p.size();
  REQUIRE(eq.values.size() == n);
  REQUIRE(eq.proposals.size() == n);
  R total = 0;
  for (const auto& v : eq.values) total += v;
  CHECK(total == 1);
  for (std::size_t k = 0; k < n; ++k) {
    CAPTURE(k);
    const auto& proposal = eq.proposals[k];
    R votes = 0, paid = 0;
    std::vector<R> prices;
    for (std::size_t j = 0; j < n; ++j) {
      if (j == k) {
        CHECK(proposal.inclusion[j] == 0);
        continue;
      }
      CHECK(proposal.payment[j] == delta * eq.values[j]);
      CHECK(proposal.inclusion[j] >= 0);
      CHECK(proposal.inclusion[j] <= 1);
      votes += proposal.inclusion[j];
      paid += proposal.inclusion[j] * proposal.payment[j];
      prices.push_back(proposal.payment[j]);
    }
    CHECK(votes == R(long(quota - 1)));
    CHECK(proposal.kept == 1 - paid);
    if (quota >= 2) {
      std::sort(prices.begin(), prices.end());
      const R threshold = prices[quota - 2];
      for (std::size_t j = 0; j < n; ++j)
        if (j != k) {
          if (proposal.payment[j] < threshold)
            CHECK(proposal.inclusion[j] == 1);
          if (proposal.payment[j] > threshold)
            CHECK(proposal.inclusion[j] == 0);
        }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    R bought = 0;
    for (std::size_t k = 0; k < n; ++k)
      bought += p[k] * eq.proposals[k].inclusion[i];
    CHECK(eq.values[i] ==
          p[i] * eq.proposals[i].kept + delta * eq.values[i] * bought);
  }
}

}  // namespace

TEST_CASE("BF-1..14 equal recognition: proposer 1 - (q-1) delta/n") {
  struct Row {
    const char* id;
    std::size_t n;
    bool unanimity;
    R delta, proposer, partner;
    long partners;
  };
  const Row rows[] = {
      {"BF-1", 3, false, q(1, 2), q(5, 6), q(1, 6), 1},
      {"BF-2", 3, false, q(4, 5), q(11, 15), q(4, 15), 1},
      {"BF-3", 3, false, q(9, 10), q(7, 10), q(3, 10), 1},
      {"BF-4", 3, false, q(1), q(2, 3), q(1, 3), 1},
      {"BF-5", 3, true, q(1, 2), q(2, 3), q(1, 6), 2},
      {"BF-6", 3, true, q(9, 10), q(2, 5), q(3, 10), 2},
      {"BF-7", 3, true, q(1), q(1, 3), q(1, 3), 2},
      {"BF-8", 5, false, q(1, 2), q(4, 5), q(1, 10), 2},
      {"BF-9", 5, false, q(4, 5), q(17, 25), q(4, 25), 2},
      {"BF-10", 5, false, q(9, 10), q(16, 25), q(9, 50), 2},
      {"BF-11", 5, false, q(1), q(3, 5), q(1, 5), 2},
      {"BF-12", 5, true, q(1, 2), q(3, 5), q(1, 10), 4},
      {"BF-13", 5, true, q(4, 5), q(9, 25), q(4, 25), 4},
      {"BF-14", 5, true, q(9, 10), q(7, 25), q(9, 50), 4},
  };
  for (const auto& row : rows) {
    CAPTURE(row.id);
    const auto p = equal_recognition(row.n);
    const std::size_t quota = row.unanimity ? row.n : majority_quota(row.n);
    const auto eq = baron_ferejohn(p, quota, row.delta);
    check_equilibrium(p, quota, row.delta, eq);
    CHECK(eq.values == std::vector<R>(row.n, q(1, long(row.n))));
    CHECK(eq.uniform_tie_breaking);
    CHECK(eq.values_unique == (row.delta < 1));
    for (std::size_t k = 0; k < row.n; ++k) {
      const auto& proposal = eq.proposals[k];
      CHECK(proposal.kept == row.proposer);
      for (std::size_t j = 0; j < row.n; ++j)
        if (j != k) {
          CHECK(proposal.payment[j] == row.partner);
          // Uniformly among the n - 1 equally cheap others.
          CHECK(proposal.inclusion[j] == q(row.partners, long(row.n - 1)));
        }
    }
  }
  CHECK(majority_quota(3) == 2);
  CHECK(majority_quota(4) == 3);
  CHECK(majority_quota(5) == 3);
}

TEST_CASE("BF-H1..H4 unequal recognition: 2 and 3 buy each other, 1 mixes") {
  struct Row {
    const char* id;
    R p1, p2, delta;
    std::vector<R> values;
    R keeps, pays;
  };
  const Row rows[] = {
      {"BF-H1",
       q(1, 2),
       q(1, 4),
       q(9, 10),
       {q(11, 31), q(10, 31), q(10, 31)},
       q(22, 31),
       q(9, 31)},
      {"BF-H2",
       q(1, 2),
       q(1, 4),
       q(4, 5),
       {q(3, 8), q(5, 16), q(5, 16)},
       q(3, 4),
       q(1, 4)},
      {"BF-H3",
       q(3, 5),
       q(1, 5),
       q(9, 10),
       {q(33, 73), q(20, 73), q(20, 73)},
       q(55, 73),
       q(18, 73)},
      {"BF-H4",
       q(3, 5),
       q(1, 5),
       q(4, 5),
       {q(9, 19), q(5, 19), q(5, 19)},
       q(15, 19),
       q(4, 19)},
  };
  for (const auto& row : rows) {
    CAPTURE(row.id);
    const std::vector<R> p{row.p1, row.p2, row.p2};
    const auto eq = baron_ferejohn(p, 2, row.delta);
    check_equilibrium(p, 2, row.delta, eq);
    CHECK(eq.values == row.values);
    CHECK(eq.uniform_tie_breaking);
    for (const auto& proposal : eq.proposals) CHECK(proposal.kept == row.keeps);
    CHECK(eq.proposals[0].inclusion == std::vector<R>{0, q(1, 2), q(1, 2)});
    CHECK(eq.proposals[1].inclusion == std::vector<R>{0, 0, 1});
    CHECK(eq.proposals[2].inclusion == std::vector<R>{0, 1, 0});
    CHECK(eq.proposals[1].payment[2] == row.pays);
    CHECK(eq.proposals[0].payment[1] == row.pays);
  }
}

TEST_CASE(
    "Baron-Ferejohn: when uniform tie-breaking has no equilibrium, proposers "
    "favour the weak player") {
  // p = (1/7, 3/7, 3/7), majority. By hand: all three tie at 1/3, and player
  // i must be bought with probability R_i solving (1/3)(1 - delta R_i) =
  // p_i (1 - delta/3), feasible for delta >= 4/5. At delta = 9/10, R_1 =
  // 7/9, more than the 3/7 that uniform mixing would give player 1.
  const std::vector<R> p{q(1, 7), q(3, 7), q(3, 7)};
  for (const R& delta : {q(9, 10), q(1)}) {
    CAPTURE(to_string(delta));
    const auto eq = baron_ferejohn(p, 2, delta);
    check_equilibrium(p, 2, delta, eq);
    CHECK(eq.values == std::vector<R>(3, q(1, 3)));
    CHECK_FALSE(eq.uniform_tie_breaking);
    for (std::size_t i = 0; i < 3; ++i) {
      R bought = 0;
      for (std::size_t k = 0; k < 3; ++k)
        bought += p[k] * eq.proposals[k].inclusion[i];
      CHECK(bought == (1 - 3 * p[i] * (1 - delta / 3)) / delta);
    }
  }
}

TEST_CASE("Baron-Ferejohn: unanimity and the closed forms give v = p") {
  const std::vector<R> p{q(1, 2), q(1, 3), q(1, 6)};
  for (const R& delta : {q(0), q(1, 2), q(1)}) {
    CAPTURE(to_string(delta));
    const auto eq = baron_ferejohn(p, 3, delta);
    check_equilibrium(p, 3, delta, eq);
    CHECK(eq.values == p);
    // Every vote is needed: the proposer pays delta v_j to both others.
    CHECK(eq.proposals[0].kept == 1 - delta * (p[1] + p[2]));
    // At delta = 1 every split is stationary; v = p is the limit.
    CHECK(eq.values_unique == (delta < 1));
  }
  // Dictatorship of the proposer: one vote suffices.
  const auto one = baron_ferejohn(p, 1, q(9, 10));
  CHECK(one.values == p);
  for (const auto& proposal : one.proposals) CHECK(proposal.kept == 1);
  // Free delay (delta = 0): votes cost nothing, every other player is
  // equally cheap and included with probability (q - 1)/(n - 1).
  const auto free = baron_ferejohn(p, 2, R(0));
  CHECK(free.values == p);
  CHECK(free.proposals[0].inclusion == std::vector<R>{0, q(1, 2), q(1, 2)});
  CHECK(free.uniform_tie_breaking);
  // One legislator.
  CHECK(baron_ferejohn({R(1)}, 1, q(1, 2)).values == std::vector<R>{1});
}

TEST_CASE(
    "Baron-Ferejohn: random legislatures verify, and values rise with "
    "recognition") {
  std::mt19937 random(20260125);
  const R deltas[] = {q(1, 2), q(9, 10), q(1), q(3, 10)};
  for (int trial = 0; trial < 150; ++trial) {
    const std::size_t n = 2 + random() % 6;
    std::vector<long> weight(n);
    long sum = 0;
    for (auto& w : weight) sum += w = 1 + long(random() % 6);
    std::vector<R> p;
    for (const long w : weight) p.push_back(q(w, sum));
    const std::size_t quota = 1 + random() % n;
    const R& delta = deltas[random() % 4];
    CAPTURE(n);
    CAPTURE(quota);
    CAPTURE(to_string(delta));
    const auto eq = baron_ferejohn(p, quota, delta);
    check_equilibrium(p, quota, delta, eq);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j)
        if (p[i] < p[j]) CHECK(eq.values[i] <= eq.values[j]);
  }
}

TEST_CASE("Baron-Ferejohn: a player never recognised is worth nothing") {
  const std::vector<R> p{0, q(1, 3), q(2, 3)};
  const auto eq = baron_ferejohn(p, 2, q(9, 10));
  check_equilibrium(p, 2, q(9, 10), eq);
  CHECK(eq.values[0] == 0);
  CHECK(eq.proposals[1].inclusion == std::vector<R>{1, 0, 0});
}

TEST_CASE("Baron-Ferejohn: 64 legislators with distinct recognition") {
  std::vector<R> p;
  for (long i = 1; i <= 64; ++i) p.push_back(q(i, 64 * 65 / 2));
  const auto eq = baron_ferejohn(p, majority_quota(64), q(9, 10));
  check_equilibrium(p, majority_quota(64), q(9, 10), eq);
}

TEST_CASE("Baron-Ferejohn: bad parameters are refused in one sentence") {
  const auto p = equal_recognition(3);
  CHECK_THROWS_WITH_AS(baron_ferejohn(p, 0, q(1, 2)),
                       "baron_ferejohn: quota = 0, expected a number of votes "
                       "from 1 to 3",
                       ModelError);
  CHECK_THROWS_AS(baron_ferejohn(p, 4, q(1, 2)), ModelError);
  CHECK_THROWS_WITH_AS(baron_ferejohn({q(1, 2), q(1, 4), q(1, 8)}, 2, q(1, 2)),
                       "baron_ferejohn: recognition sums to 7/8, expected 1",
                       ModelError);
  CHECK_THROWS_WITH_AS(baron_ferejohn({q(3, 2), q(-1, 2)}, 2, q(1, 2)),
                       "baron_ferejohn: recognition[0] = 3/2, expected a "
                       "probability in [0, 1]",
                       ModelError);
  CHECK_THROWS_WITH_AS(baron_ferejohn(p, 2, q(11, 10)),
                       "baron_ferejohn: delta = 11/10, expected a discount "
                       "factor in [0, 1]",
                       ModelError);
  CHECK_THROWS_AS(baron_ferejohn(p, 2, q(-1, 10)), ModelError);
  CHECK_THROWS_WITH_AS(baron_ferejohn({}, 1, q(1, 2)),
                       "baron_ferejohn: recognition has no probabilities, "
                       "expected one per player",
                       ModelError);
  CHECK_THROWS_WITH_AS(baron_ferejohn(equal_recognition(65), 33, q(1, 2)),
                       "baron_ferejohn: recognition has 65 probabilities, "
                       "above the limit of 64 players",
                       LimitError);
  CHECK_THROWS_WITH_AS(
      baron_ferejohn({0, q(1, 2), q(1, 2)}, 2, q(1)),
      "baron_ferejohn: recognition[0] = 0, expected a positive probability "
      "when delta = 1 and the quota is below unanimity (a player who never "
      "proposes can hold out for any price when waiting is free)",
      ModelError);
  CHECK_THROWS_AS(equal_recognition(0), ModelError);
}
