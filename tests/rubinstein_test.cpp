// Rubinstein's alternating offers against shared/oracles/bargaining.md §1a
// (ids in the test names), and the grid game tree against the closed form.
#include "bargain/bargaining/rubinstein.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace bargain;

namespace {

using R = Rational;

R q(long numerator, long denominator = 1) { return R(numerator, denominator); }

std::vector<R> split(const R& first) { return {first, 1 - first}; }

}  // namespace

TEST_CASE("RUB-INF-1..8 infinite horizon: x1 = (1 - d2) / (1 - d1 d2)") {
  struct Row {
    const char* id;
    R d1, d2, first;
  };
  const Row rows[] = {
      {"RUB-INF-1", q(1, 2), q(1, 2), q(2, 3)},
      {"RUB-INF-2", q(9, 10), q(9, 10), q(10, 19)},
      {"RUB-INF-3", q(9, 10), q(4, 5), q(5, 7)},
      {"RUB-INF-4", q(4, 5), q(9, 10), q(5, 14)},
      {"RUB-INF-5", q(99, 100), q(9, 10), q(100, 109)},
      {"RUB-INF-6", q(0), q(1, 2), q(1, 2)},
      {"RUB-INF-7", q(1, 2), q(0), q(1)},
      {"RUB-INF-8", q(2, 3), q(1, 3), q(6, 7)},
  };
  for (const auto& row : rows) {
    CAPTURE(row.id);
    const auto out = rubinstein(row.d1, row.d2);
    CHECK(out.shares == split(row.first));
    CHECK(out.unique());
    CHECK(out.first_share_range == ShareRange<R>{row.first, row.first});
    // Double mode agrees to rounding.
    const auto fast = rubinstein(to_double(row.d1), to_double(row.d2));
    CHECK(fast.shares[0] ==
          doctest::Approx(to_double(row.first)).epsilon(1e-12));
  }
}

TEST_CASE("RUB-INF: one patient player takes the pie, the other none") {
  CHECK(rubinstein(q(1), q(1, 2)).shares == split(1));
  CHECK(rubinstein(q(1, 2), q(1)).shares == split(0));
}

TEST_CASE("RUB-FIN-1..4 finite horizon equals every table entry") {
  struct Row {
    const char* id;
    R d1, d2;
    std::vector<R> first;  // T = 1..6
    R limit;
  };
  const Row rows[] = {
      {"RUB-FIN-1",
       q(1, 2),
       q(1, 2),
       {1, q(1, 2), q(3, 4), q(5, 8), q(11, 16), q(21, 32)},
       q(2, 3)},
      {"RUB-FIN-2",
       q(9, 10),
       q(9, 10),
       {1, q(1, 10), q(91, 100), q(181, 1000), q(8371, 10000),
        q(24661, 100000)},
       q(10, 19)},
      {"RUB-FIN-3",
       q(9, 10),
       q(4, 5),
       {1, q(1, 5), q(23, 25), q(43, 125), q(539, 625), q(1399, 3125)},
       q(5, 7)},
      {"RUB-FIN-4",
       q(2, 3),
       q(1, 3),
       {1, q(2, 3), q(8, 9), q(22, 27), q(70, 81), q(206, 243)},
       q(6, 7)},
  };
  for (const auto& row : rows) {
    CAPTURE(row.id);
    for (std::size_t t = 1; t <= row.first.size(); ++t) {
      CAPTURE(t);
      const auto out = rubinstein_finite(row.d1, row.d2, t);
      CHECK(out.shares == split(row.first[t - 1]));
      CHECK(out.unique());
      if (row.d1 == row.d2) {
        // The equal-delta closed form (1 - (-delta)^T) / (1 + delta).
        R power = 1;
        for (std::size_t i = 0; i < t; ++i) power *= -row.d1;
        CHECK(out.shares[0] == (1 - power) / (1 + row.d1));
      }
    }
    CHECK(rubinstein(row.d1, row.d2).shares[0] == row.limit);
  }
}

TEST_CASE(
    "RUB-FIN odd and even horizons oscillate around the infinite value and "
    "converge to it") {
  const std::pair<R, R> deltas[] = {{q(1, 2), q(1, 2)},
                                    {q(9, 10), q(4, 5)},
                                    {q(2, 3), q(1, 3)},
                                    {q(1, 5), q(7, 8)},
                                    {q(99, 100), q(1, 100)}};
  for (const auto& pair : deltas) {
    const R& d1 = pair.first;
    const R& d2 = pair.second;
    CAPTURE(to_string(d1));
    CAPTURE(to_string(d2));
    const R limit = rubinstein(d1, d2).shares[0];
    const auto keep = rubinstein_proposer_shares(d1, d2, 40);
    R previous_gap[2] = {2, 2};
    for (std::size_t t = 1; t <= 40; ++t) {
      CAPTURE(t);
      const R x = rubinstein_finite(d1, d2, t).shares[0];
      // Player 1 proposes in round 1 of every horizon: the last round's
      // proposer is player 1 exactly when t is odd.
      if (t % 2 == 1)
        CHECK(x > limit);
      else
        CHECK(x < limit);
      const R gap = abs(x - limit);
      CHECK(gap < previous_gap[t % 2]);
      // Two more rounds shrink the gap by exactly delta1 delta2.
      if (previous_gap[t % 2] != 2) CHECK(gap == d1 * d2 * previous_gap[t % 2]);
      previous_gap[t % 2] = gap;
    }
    // The last proposer takes all; round t's proposer leaves the responder
    // the next round's keep, discounted.
    CHECK(keep.back() == 1);
    CHECK(keep[0] == rubinstein_finite(d1, d2, 40).shares[0]);
  }
}

TEST_CASE("RUB-BRK-1..6 risk of breakdown: x1 = b1 + (1 - b1 - b2)/(2 - q)") {
  struct Row {
    const char* id;
    R q, b1, b2, first;
  };
  const Row rows[] = {
      {"RUB-BRK-1", q(1, 10), 0, 0, q(10, 19)},
      {"RUB-BRK-2", q(1, 2), 0, 0, q(2, 3)},
      {"RUB-BRK-3", q(1), 0, 0, q(1)},
      {"RUB-BRK-4", q(1, 4), q(1, 5), q(1, 10), q(3, 5)},
      {"RUB-BRK-5", q(1, 10), q(3, 10), q(3, 10), q(97, 190)},
      {"RUB-BRK-6", q(1, 100), 0, q(2, 5), q(60, 199)},
  };
  for (const auto& row : rows) {
    CAPTURE(row.id);
    const auto out = rubinstein_breakdown(row.q, row.b1, row.b2);
    CHECK(out.shares == split(row.first));
    CHECK(out.unique());
  }
  // Breakdown with probability q is discounting by 1 - q over the surplus.
  CHECK(rubinstein_breakdown(q(1, 10), R(0), R(0)).shares ==
        rubinstein(q(9, 10), q(9, 10)).shares);
}

TEST_CASE(
    "RUB-OO-1..8 outside option: player 2 gets max(b, Rubinstein share), not "
    "the threat-point split") {
  struct Row {
    const char* id;
    R d1, d2, option, first;
    bool binds;
    R threat_point_first;  // the wrong model's answer, 1 - (b + (1 - b)/2)
  };
  const Row rows[] = {
      {"RUB-OO-1", q(9, 10), q(9, 10), 0, q(10, 19), false, q(1, 2)},
      {"RUB-OO-2", q(9, 10), q(9, 10), q(2, 5), q(10, 19), false, q(3, 10)},
      {"RUB-OO-3", q(9, 10), q(9, 10), q(1, 2), q(1, 2), true, q(1, 4)},
      {"RUB-OO-4", q(9, 10), q(9, 10), q(3, 5), q(2, 5), true, q(1, 5)},
      {"RUB-OO-5", q(1, 2), q(1, 2), q(1, 4), q(2, 3), false, q(3, 8)},
      {"RUB-OO-6", q(1, 2), q(1, 2), q(2, 5), q(3, 5), true, q(3, 10)},
      {"RUB-OO-7", q(9, 10), q(4, 5), q(1, 4), q(5, 7), false, q(3, 8)},
      {"RUB-OO-8", q(9, 10), q(4, 5), q(1, 3), q(2, 3), true, q(1, 3)},
  };
  for (const auto& row : rows) {
    CAPTURE(row.id);
    const auto out = rubinstein_outside_option(row.d1, row.d2, row.option);
    CHECK(out.shares == split(row.first));
    CHECK(out.option_binds == row.binds);
    CHECK(out.unique());
    CHECK(out.shares[0] != row.threat_point_first);
  }
  // RUB-OO-7's threshold: an option worth exactly the Rubinstein share 2/7
  // changes nothing.
  CHECK_FALSE(
      rubinstein_outside_option(q(9, 10), q(4, 5), q(2, 7)).option_binds);
  CHECK(rubinstein_outside_option(q(9, 10), q(4, 5), q(2, 7)).shares ==
        split(q(5, 7)));
}

TEST_CASE("A5 fixed bargaining costs: unique unless the costs are equal") {
  SUBCASE("c1 < c2: player 1 takes the pie") {
    const auto out = rubinstein_costs(q(1, 10), q(1, 5));
    CHECK(out.shares == split(1));
    CHECK(out.unique());
    CHECK(out.first_share_range == ShareRange<R>{1, 1});
  }
  SUBCASE("c1 > c2: player 1 gets c2") {
    const auto out = rubinstein_costs(q(1, 5), q(1, 10));
    CHECK(out.shares == split(q(1, 10)));
    CHECK(out.unique());
  }
  SUBCASE("c1 = c2 = c < 1: every x1 in [c, 1], reported as a set") {
    const auto out = rubinstein_costs(q(1, 10), q(1, 10));
    CHECK_FALSE(out.unique());
    CHECK(out.multiplicity == Multiplicity::multiple);
    REQUIRE(out.first_share_range.has_value());
    CHECK(*out.first_share_range == ShareRange<R>{q(1, 10), 1});
    CHECK_FALSE(out.first_share_range->is_point());
    CHECK(out.first_share_range->contains(out.shares[0]));
    // Free bargaining: every split.
    CHECK(*rubinstein_costs(R(0), R(0)).first_share_range ==
          ShareRange<R>{0, 1});
  }
  SUBCASE("c >= 1: the responder accepts anything, uniquely (1, 0)") {
    for (const R& c : {q(1), q(3, 2)}) {
      const auto out = rubinstein_costs(c, c);
      CHECK(out.unique());
      CHECK(out.shares == split(1));
    }
    // c1 > c2 >= 1: player 1's share c2 is capped by the pie.
    CHECK(rubinstein_costs(q(3), q(2)).shares == split(1));
  }
  CHECK(rubinstein_costs(0.2, 0.1).shares[0] == 0.1);
}

TEST_CASE("RUB-BRW-1..4 continuous-time limit: x1 -> r2 / (r1 + r2)") {
  struct Row {
    const char* id;
    double r1, r2;
    double path[4];  // period 1, 0.1, 0.01, 0.001
    R limit;
  };
  const Row rows[] = {
      {"RUB-BRW-1",
       1,
       1,
       {0.731058579, 0.524979187, 0.502499979, 0.500250000},
       q(1, 2)},
      {"RUB-BRW-2",
       1,
       2,
       {0.909969427, 0.699390395, 0.669994389, 0.666999944},
       q(2, 3)},
      {"RUB-BRW-3",
       2,
       1,
       {0.665240956, 0.367165401, 0.336672167, 0.333666722},
       q(1, 3)},
      {"RUB-BRW-4",
       1,
       3,
       {0.967941397, 0.786161780, 0.753737407, 0.750374875},
       q(3, 4)},
  };
  const double periods[4] = {1, 0.1, 0.01, 0.001};
  for (const auto& row : rows) {
    CAPTURE(row.id);
    double previous_gap = 1;
    const double limit = to_double(row.limit);
    for (int i = 0; i < 4; ++i) {
      CAPTURE(periods[i]);
      const auto out = rubinstein_continuous_time(row.r1, row.r2, periods[i]);
      // The table has nine decimals: within half a unit of the last.
      CHECK(std::abs(out.shares[0] - row.path[i]) <= 0.5e-9 + 1e-15);
      CHECK(out.shares[0] + out.shares[1] == doctest::Approx(1));
      CHECK(std::abs(out.shares[0] - limit) < previous_gap);
      previous_gap = std::abs(out.shares[0] - limit);
    }
    CHECK(std::abs(rubinstein_continuous_time(row.r1, row.r2, 1e-9).shares[0] -
                   limit) < 1e-8);
    CHECK(rubinstein_continuous_limit(R(long(row.r1)), R(long(row.r2)))
              .shares[0] == row.limit);
  }
}

TEST_CASE("RUB-N-1..5 n-player unanimity in a fixed order") {
  struct Row {
    const char* id;
    std::size_t n;
    R delta;
    std::vector<R> shares;
  };
  const Row rows[] = {
      {"RUB-N-1", 2, q(1, 2), {q(2, 3), q(1, 3)}},
      {"RUB-N-2", 3, q(1, 2), {q(4, 7), q(2, 7), q(1, 7)}},
      {"RUB-N-3", 3, q(9, 10), {q(100, 271), q(90, 271), q(81, 271)}},
      {"RUB-N-4", 4, q(1, 2), {q(8, 15), q(4, 15), q(2, 15), q(1, 15)}},
      {"RUB-N-5",
       4,
       q(9, 10),
       {q(1000, 3439), q(900, 3439), q(810, 3439), q(729, 3439)}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.id);
    const auto closed =
        rubinstein_unanimity(row.n, row.delta, Rotation::fixed_order);
    CHECK(closed.shares == row.shares);
    // The linear system with one delta per player agrees exactly.
    const auto system = rubinstein_unanimity(std::vector<R>(row.n, row.delta),
                                             Rotation::fixed_order);
    CHECK(system.shares == row.shares);
    // Stationary, not unique, from three players on when delta >= 1/2.
    const auto expected =
        row.n <= 2 ? Multiplicity::unique : Multiplicity::multiple;
    CHECK(closed.multiplicity == expected);
    CHECK(system.multiplicity == expected);
  }
  CHECK(rubinstein_unanimity(3, q(2, 5), Rotation::fixed_order).multiplicity ==
        Multiplicity::unknown);
  CHECK(rubinstein_unanimity(1, q(1, 2), Rotation::fixed_order).shares ==
        std::vector<R>{1});
}

TEST_CASE("A7 the rejector proposes next: x = 1 / (1 + (n - 1) delta)") {
  for (const std::size_t n : {2u, 3u, 5u}) {
    for (const R& delta : {q(1, 2), q(9, 10), q(0)}) {
      CAPTURE(n);
      CAPTURE(to_string(delta));
      const R x = 1 / (1 + R(long(n - 1)) * delta);
      std::vector<R> expected(n, delta * x);
      expected[0] = x;
      CHECK(
          rubinstein_unanimity(n, delta, Rotation::rejector_proposes).shares ==
          expected);
      CHECK(rubinstein_unanimity(std::vector<R>(n, delta),
                                 Rotation::rejector_proposes)
                .shares == expected);
    }
  }
  CHECK(rubinstein_unanimity(3, q(1, 2), Rotation::rejector_proposes)
            .multiplicity == Multiplicity::unknown);
}

TEST_CASE("A7 one delta per player: two players are Rubinstein (RUB-INF-3)") {
  for (const auto rotation :
       {Rotation::fixed_order, Rotation::rejector_proposes})
    CHECK(rubinstein_unanimity(std::vector<R>{q(9, 10), q(4, 5)}, rotation)
              .shares == split(q(5, 7)));
}

TEST_CASE(
    "A7 one delta per player: each responder is offered exactly what "
    "rejecting is worth to it") {
  const std::vector<R> deltas{q(9, 10), q(1, 2), q(3, 4), q(1, 5)};
  const std::size_t n = deltas.size();
  // The game with player `first` proposing first: the deltas rotated.
  const auto starting_with = [&](std::size_t first, Rotation rotation) {
    std::vector<R> rotated(n);
    for (std::size_t i = 0; i < n; ++i) rotated[i] = deltas[(first + i) % n];
    return rubinstein_unanimity(rotated, rotation).shares;
  };
  const auto fixed = starting_with(0, Rotation::fixed_order);
  const auto after = starting_with(1, Rotation::fixed_order);
  R total = 0;
  for (std::size_t j = 1; j < n; ++j) {
    // Rejecting leads to player 2 proposing, where j is (j - 1)-th in line.
    CHECK(fixed[j] == deltas[j] * after[j - 1]);
    total += fixed[j];
  }
  CHECK(fixed[0] == 1 - total);
  const auto rejector = starting_with(0, Rotation::rejector_proposes);
  for (std::size_t j = 1; j < n; ++j)
    CHECK(rejector[j] ==
          deltas[j] * starting_with(j, Rotation::rejector_proposes)[0]);
  CHECK(rubinstein_unanimity(deltas, Rotation::fixed_order).multiplicity ==
        Multiplicity::unknown);
}

TEST_CASE("grid game: the tree's size is estimated exactly before building") {
  for (const std::size_t rounds : {1u, 2u, 3u})
    for (const std::size_t grid : {1u, 2u, 5u}) {
      CAPTURE(rounds);
      CAPTURE(grid);
      const auto game = rubinstein_game(q(1, 2), q(1, 3), rounds, grid);
      CHECK(game.tree().node_count() == rubinstein_game_nodes(rounds, grid));
    }
  CHECK(rubinstein_game_nodes(1000, 1000) ==
        std::numeric_limits<std::uint64_t>::max());
  CHECK_THROWS_WITH_AS(
      rubinstein_game(q(1, 2), q(1, 2), 5, 16),
      "rubinstein_game: 5 rounds with offers in steps of 1/16 need 4525792 "
      "nodes, above the limit of 1000000",
      LimitError);
}

TEST_CASE(
    "grid game: backward induction on the tree equals the discrete recursion "
    "for every grid") {
  const std::pair<R, R> deltas[] = {{q(1, 2), q(1, 2)}, {q(9, 10), q(4, 5)},
                                    {q(2, 3), q(1, 3)}, {q(1, 3), q(3, 4)},
                                    {q(1), q(1, 2)},    {q(0), q(1, 2)}};
  for (const auto& pair : deltas) {
    const R& d1 = pair.first;
    const R& d2 = pair.second;
    for (std::size_t grid = 1; grid <= 6; ++grid) {
      for (std::size_t rounds = 1; rounds <= (grid <= 4 ? 4u : 3u); ++rounds) {
        CAPTURE(to_string(d1));
        CAPTURE(to_string(d2));
        CAPTURE(grid);
        CAPTURE(rounds);
        CHECK(solve_rubinstein_game(d1, d2, rounds, grid).shares ==
              rubinstein_grid(d1, d2, rounds, grid).shares);
      }
    }
  }
}

TEST_CASE("grid game: a coarse grid can make the proposer wait") {
  // Offers of 0 or the whole pie. In round 2 player 2 takes all, worth 1/2
  // now; player 1 must give it all or wait, worth 0 either way, and the tie
  // goes to the first action, offer 0, which is rejected.
  const std::vector<R> delayed{0, q(1, 2)};
  CHECK(solve_rubinstein_game(q(1, 2), q(1, 2), 2, 1).shares == delayed);
  CHECK(rubinstein_grid(q(1, 2), q(1, 2), 2, 1).shares == delayed);
}

TEST_CASE(
    "RUB-FIN on the exact grid: the tree's backward induction equals the "
    "closed form") {
  struct Row {
    const char* id;
    R d1, d2;
    std::size_t max_rounds;  // beyond it the tree exceeds its node budget
  };
  // RUB-FIN-1 stops at T = 4 (T = 5 needs steps of 1/16: 4.5e6 nodes),
  // RUB-FIN-2 at T = 2 (T = 3 needs 1/100: 3.1e6 nodes), RUB-FIN-3 at T = 3
  // (T = 4 needs 1/250: 4e9) and RUB-FIN-4 at T = 3 (T = 4 needs 1/27:
  // 1.9e6); each skipped horizon is checked to exceed the budget.
  const Row rows[] = {{"RUB-FIN-1", q(1, 2), q(1, 2), 4},
                      {"RUB-FIN-2", q(9, 10), q(9, 10), 2},
                      {"RUB-FIN-3", q(9, 10), q(4, 5), 3},
                      {"RUB-FIN-4", q(2, 3), q(1, 3), 3}};
  for (const auto& row : rows) {
    for (std::size_t t = 1; t <= row.max_rounds + 1; ++t) {
      CAPTURE(row.id);
      CAPTURE(t);
      const std::size_t grid = rubinstein_exact_grid(row.d1, row.d2, t);
      if (t > row.max_rounds) {
        CHECK(rubinstein_game_nodes(t, grid) > kRubinsteinGameMaxNodes);
        CHECK_THROWS_AS(solve_rubinstein_game(row.d1, row.d2, t, grid),
                        LimitError);
        continue;
      }
      const auto tree = solve_rubinstein_game(row.d1, row.d2, t, grid);
      CHECK(tree.shares == rubinstein_finite(row.d1, row.d2, t).shares);
      CHECK(tree.shares == rubinstein_grid(row.d1, row.d2, t, grid).shares);
    }
  }
  CHECK(rubinstein_exact_grid(q(1, 2), q(1, 2), 4) == 8);
  CHECK(rubinstein_exact_grid(q(2, 3), q(1, 3), 3) == 9);
  CHECK(rubinstein_exact_grid(q(9, 10), q(4, 5), 3) == 50);
}

TEST_CASE("grid game in double: the tree and the recursion agree bit for bit") {
  for (std::size_t grid = 1; grid <= 8; ++grid) {
    CAPTURE(grid);
    CHECK(solve_rubinstein_game(0.9, 0.8, 3, grid).shares ==
          rubinstein_grid(0.9, 0.8, 3, grid).shares);
  }
  CHECK(solve_rubinstein_game(0.5, 0.5, 4, 8).shares[0] ==
        doctest::Approx(0.625));
}

TEST_CASE("strategic bargaining: bad parameters are refused in one sentence") {
  CHECK_THROWS_WITH_AS(rubinstein(q(3, 2), q(1, 2)),
                       "rubinstein: delta1 = 3/2, expected a discount factor "
                       "in [0, 1]",
                       ModelError);
  CHECK_THROWS_WITH_AS(rubinstein(q(1), q(1)),
                       "rubinstein: delta1 = 1 and delta2 = 1, expected at "
                       "least one discount factor below 1 (without "
                       "discounting every split is an equilibrium)",
                       ModelError);
  CHECK_THROWS_AS(rubinstein(0.5, std::nan("")), ModelError);
  CHECK_THROWS_AS(rubinstein(q(1, 2), q(-1, 2)), ModelError);
  CHECK_THROWS_WITH_AS(rubinstein_finite(q(1, 2), q(1, 2), 0),
                       "rubinstein_finite: rounds = 0, expected at least 1",
                       ModelError);
  CHECK_THROWS_WITH_AS(rubinstein_finite(q(1, 2), q(1, 2), 10'001),
                       "rubinstein_finite: rounds = 10001, above the limit of "
                       "10000",
                       LimitError);
  CHECK_THROWS_WITH_AS(rubinstein_breakdown(R(0), R(0), R(0)),
                       "rubinstein_breakdown: breakdown_probability = 0, "
                       "expected a probability in (0, 1]",
                       ModelError);
  CHECK_THROWS_AS(rubinstein_breakdown(q(1, 2), q(-1, 5), R(0)), ModelError);
  CHECK_THROWS_WITH_AS(rubinstein_breakdown(q(1, 2), q(3, 5), q(1, 2)),
                       "rubinstein_breakdown: breakdown1 + breakdown2 = 11/10, "
                       "expected at most 1 (the pie)",
                       ModelError);
  CHECK_THROWS_WITH_AS(rubinstein_outside_option(q(1, 2), q(1, 2), q(6, 5)),
                       "rubinstein_outside_option: option = 6/5, expected an "
                       "outside option in [0, 1]",
                       ModelError);
  CHECK_THROWS_WITH_AS(rubinstein_costs(q(-1, 10), R(0)),
                       "rubinstein_costs: cost1 = -1/10, expected a cost of at "
                       "least 0",
                       ModelError);
  CHECK_THROWS_AS(rubinstein_costs(0.1, double(INFINITY)), ModelError);
  CHECK_THROWS_WITH_AS(rubinstein_continuous_time(1, 1, 0),
                       "rubinstein_continuous_time: period = 0, expected a "
                       "positive time step",
                       ModelError);
  CHECK_THROWS_AS(rubinstein_continuous_time(-1, 1, 1), ModelError);
  CHECK_THROWS_AS(rubinstein_continuous_limit(R(0), R(0)), ModelError);
  CHECK_THROWS_WITH_AS(rubinstein_unanimity(3, q(1), Rotation::fixed_order),
                       "rubinstein_unanimity: delta = 1, expected a discount "
                       "factor in [0, 1)",
                       ModelError);
  CHECK_THROWS_AS(rubinstein_unanimity(0, q(1, 2), Rotation::fixed_order),
                  ModelError);
  CHECK_THROWS_AS(rubinstein_unanimity(65, q(1, 2), Rotation::fixed_order),
                  LimitError);
  CHECK_THROWS_WITH_AS(
      rubinstein_unanimity(std::vector<R>{q(1, 2), q(2)},
                           Rotation::fixed_order),
      "rubinstein_unanimity: deltas[1] = 2, expected a discount factor in "
      "[0, 1)",
      ModelError);
  CHECK_THROWS_AS(rubinstein_unanimity(std::vector<R>{}, Rotation::fixed_order),
                  ModelError);
  CHECK_THROWS_WITH_AS(rubinstein_game(q(1, 2), q(1, 2), 2, 0),
                       "rubinstein_game: grid = 0, expected at least 1",
                       ModelError);
  CHECK_THROWS_AS(rubinstein_grid(q(1, 2), q(5, 4), 2, 3), ModelError);
}
