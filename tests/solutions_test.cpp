// Cooperative solutions against shared/oracles/bargaining.md §1b/1c.
#include "bargain/bargaining/solutions.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "bargain/solve/exact_lp.hpp"

using namespace bargain;

namespace {

using U = std::vector<Rational>;

BargainingProblem problem(std::vector<U> points, U d) {
  return {std::move(points), std::move(d)};
}

const std::vector<U> kS4 = {{0, 0}, {10, 0}, {8, 4}, {2, 8}, {0, 9}};
const std::vector<U> kS6a = {
    {0, 0}, {1, 0}, {0, 1}, {Rational(3, 4), Rational(3, 4)}};
const std::vector<U> kS6b = {{0, 0}, {1, 0}, {0, 1}, {1, Rational(7, 10)}};
const std::vector<U> kS7 = {{0, 1},
                            {Rational(7, 10), Rational(7, 10)},
                            {1, 0},
                            {Rational(3, 10), Rational(3, 10)}};

// One oracle row: the feasible set, d, and the expected solutions.
struct Row {
  const char* id;
  BargainingProblem problem;
  U nash, nash_third, nash_three_quarters, ideal, ks, egalitarian;
};

std::vector<Row> rows() {
  const Rational h(1, 2);
  return {
      {"COOP-S1",
       problem({{0, 0}, {1, 0}, {0, 1}}, {0, 0}),
       {h, h},
       {Rational(1, 3), Rational(2, 3)},
       {Rational(3, 4), Rational(1, 4)},
       {1, 1},
       {h, h},
       {h, h}},
      {"COOP-S2",
       problem({{1, 0}, {0, 1}}, {Rational(1, 5), Rational(1, 10)}),
       {Rational(11, 20), Rational(9, 20)},
       {Rational(13, 30), Rational(17, 30)},
       {Rational(29, 40), Rational(11, 40)},
       {Rational(9, 10), Rational(4, 5)},
       {Rational(11, 20), Rational(9, 20)},
       {Rational(11, 20), Rational(9, 20)}},
      {"COOP-S3",
       problem({{1, 0}, {0, 2}}, {0, 0}),
       {h, 1},
       {Rational(1, 3), Rational(4, 3)},
       {Rational(3, 4), h},
       {1, 2},
       {h, 1},
       {Rational(2, 3), Rational(2, 3)}},
      {"COOP-S4",
       problem(kS4, {0, 0}),
       {7, Rational(14, 3)},
       {Rational(14, 3), Rational(56, 9)},
       {8, 4},
       {10, 9},
       {Rational(280, 47), Rational(252, 47)},
       {Rational(28, 5), Rational(28, 5)}},
      {"COOP-S5",
       problem(kS4, {4, 2}),
       {Rational(15, 2), Rational(13, 3)},
       {Rational(19, 3), Rational(46, 9)},
       {8, 4},
       {9, Rational(20, 3)},
       {Rational(83, 12), Rational(85, 18)},
       {Rational(34, 5), Rational(24, 5)}},
      {"COOP-S6a",
       problem(kS6a, {0, 0}),
       {Rational(3, 4), Rational(3, 4)},
       {Rational(3, 4), Rational(3, 4)},
       {Rational(3, 4), Rational(3, 4)},
       {1, 1},
       {Rational(3, 4), Rational(3, 4)},
       {Rational(3, 4), Rational(3, 4)}},
      {"COOP-S6b",
       problem(kS6b, {0, 0}),
       {1, Rational(7, 10)},
       {1, Rational(7, 10)},
       {1, Rational(7, 10)},
       {1, 1},
       {Rational(10, 13), Rational(10, 13)},
       {Rational(10, 13), Rational(10, 13)}},
      {"COOP-S7",
       problem(kS7, {Rational(11, 20), Rational(11, 20)}),
       {Rational(7, 10), Rational(7, 10)},
       {Rational(7, 10), Rational(7, 10)},
       {Rational(199, 280), Rational(27, 40)},
       {Rational(107, 140), Rational(107, 140)},
       {Rational(7, 10), Rational(7, 10)},
       {Rational(7, 10), Rational(7, 10)}},
  };
}

U weighted(const U& u, const BargainingProblem& p, const PointMix& mix) {
  U at(u.size(), Rational(0));
  for (const auto& [k, w] : mix)
    for (std::size_t i = 0; i < u.size(); ++i) at[i] += w * p.points[k][i];
  return at;
}

// The mixture a solution reports attains at least its utilities.
void check_mix(const BargainingProblem& p, const CooperativeSolution& s) {
  Rational total = 0;
  for (const auto& [k, w] : s.mix) {
    CHECK(w > 0);
    total += w;
  }
  CHECK(total == 1);
  const auto at = weighted(s.utilities, p, s.mix);
  for (std::size_t i = 0; i < at.size(); ++i) CHECK(at[i] >= s.utilities[i]);
}

}  // namespace

TEST_CASE("COOP-S1..S7: Nash (three weights), ideal, KS and egalitarian") {
  for (const auto& row : rows()) {
    CAPTURE(row.id);
    const auto& p = row.problem;
    const auto nash = nash_solution(p);
    CHECK(nash.utilities == row.nash);
    CHECK(nash.exact);
    check_mix(p, nash);
    CHECK(nash_solution(p, U{1, 2}).utilities == row.nash_third);
    CHECK(nash_solution(p, U{3, 1}).utilities == row.nash_three_quarters);
    CHECK(ideal_point(p) == row.ideal);
    const auto ks = kalai_smorodinsky_solution(p);
    CHECK(ks.utilities == row.ks);
    check_mix(p, ks);
    const auto egalitarian = egalitarian_solution(p);
    CHECK(egalitarian.utilities == row.egalitarian);
    check_mix(p, egalitarian);
  }
}

TEST_CASE("COOP utilitarian: a vertex, or the face of ties") {
  const auto s4 = utilitarian_solution(problem(kS4, {0, 0}));
  CHECK(s4.utilities == U{8, 4});
  CHECK(s4.ties.empty());
  CHECK(utilitarian_solution(problem(kS6b, {0, 0})).utilities ==
        U{1, Rational(7, 10)});
  CHECK(utilitarian_solution(problem(kS7, {Rational(11, 20), Rational(11, 20)}))
            .utilities == U{Rational(7, 10), Rational(7, 10)});
  CHECK(utilitarian_solution(problem({{1, 0}, {0, 2}}, {0, 0})).utilities ==
        U{0, 2});
  // S2: the whole frontier inside u >= d ties.
  const auto s2 = utilitarian_solution(
      problem({{1, 0}, {0, 1}}, {Rational(1, 5), Rational(1, 10)}));
  CHECK(s2.utilities[0] + s2.utilities[1] == 1);
  CHECK(s2.ties == std::vector<U>{{Rational(1, 5), Rational(4, 5)},
                                  {Rational(9, 10), Rational(1, 10)}});
}

TEST_CASE("COOP frontiers of S4, S6a, S6b and S7") {
  CHECK(pareto_frontier(problem(kS4, {0, 0})).points ==
        std::vector<U>{{0, 9}, {2, 8}, {8, 4}, {10, 0}});
  CHECK(pareto_frontier(problem(kS6a, {0, 0})).points ==
        std::vector<U>{{0, 1}, {Rational(3, 4), Rational(3, 4)}, {1, 0}});
  CHECK(pareto_frontier(problem(kS6b, {0, 0})).points ==
        std::vector<U>{{0, 1}, {1, Rational(7, 10)}});
  // Clipped to u >= d: the ends are where the frontier crosses d.
  CHECK(pareto_frontier(problem(kS4, {4, 2})).points ==
        std::vector<U>{{4, Rational(20, 3)}, {8, 4}, {9, 2}});
}

TEST_CASE(
    "COOP-MONO: enlarging the set lowers player 2's Nash payoff, not KS") {
  const auto small = problem(kS6a, {0, 0}), large = problem(kS6b, {0, 0});
  CHECK(nash_solution(small).utilities[1] == Rational(3, 4));
  CHECK(nash_solution(large).utilities[1] == Rational(7, 10));
  CHECK(kalai_smorodinsky_solution(large).utilities[1] == Rational(10, 13));
  CHECK(kalai_smorodinsky_solution(large).utilities[1] >=
        kalai_smorodinsky_solution(small).utilities[1]);
}

TEST_CASE("COOP-DPT: Nash and KS follow affine rescaling; symmetry") {
  std::mt19937 rng(7);
  const auto r = [&](int range) {
    return Rational(static_cast<int>(rng() % range), 1 + rng() % 4);
  };
  for (int trial = 0; trial < 60; ++trial) {
    BargainingProblem p;
    const int k = 2 + rng() % 5;
    for (int j = 0; j < k; ++j) p.points.push_back({r(20), r(20)});
    p.points.push_back({r(3), r(3)});
    p.disagreement = p.points.back();
    const U scale{1 + r(3), 1 + r(5)}, shift{r(9) - 4, r(7) - 3};
    BargainingProblem q = p;
    for (auto& point : q.points)
      for (int i = 0; i < 2; ++i) point[i] = scale[i] * point[i] + shift[i];
    for (int i = 0; i < 2; ++i)
      q.disagreement[i] = scale[i] * q.disagreement[i] + shift[i];
    CAPTURE(trial);
    const auto transformed = [&](const U& u) {
      return U{scale[0] * u[0] + shift[0], scale[1] * u[1] + shift[1]};
    };
    CHECK(nash_solution(q).utilities ==
          transformed(nash_solution(p).utilities));
    CHECK(nash_solution(q, U{1, 3}).utilities ==
          transformed(nash_solution(p, U{1, 3}).utilities));
    CHECK(kalai_smorodinsky_solution(q).utilities ==
          transformed(kalai_smorodinsky_solution(p).utilities));
    // Symmetrise p: the solutions of a symmetric problem are symmetric.
    BargainingProblem sym = p;
    for (const auto& point : p.points)
      sym.points.push_back({point[1], point[0]});
    sym.disagreement = {p.disagreement[0], p.disagreement[0]};
    for (const auto& s : {nash_solution(sym), kalai_smorodinsky_solution(sym),
                          egalitarian_solution(sym)})
      CHECK(s.utilities[0] == s.utilities[1]);
  }
}

TEST_CASE("COOP three players: facets, vertices and weights, exactly") {
  const auto simplex = problem({{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, {0, 0, 0});
  const auto third = Rational(1, 3);
  CHECK(nash_solution(simplex).utilities == U{third, third, third});
  CHECK(nash_solution(simplex).exact);
  CHECK(nash_solution(simplex, U{1, 2, 3}).utilities ==
        U{Rational(1, 6), Rational(1, 3), Rational(1, 2)});
  CHECK(egalitarian_solution(simplex).utilities == U{third, third, third});
  CHECK(kalai_smorodinsky_solution(simplex).utilities ==
        U{third, third, third});
  CHECK(ideal_point(simplex) == U{1, 1, 1});
  CHECK(pareto_frontier(simplex).points.size() == 3);
  const auto kink = problem({{1, 0, 0},
                             {0, 1, 0},
                             {0, 0, 1},
                             {Rational(1, 2), Rational(1, 2), Rational(1, 2)}},
                            {0, 0, 0});
  CHECK(nash_solution(kink).utilities ==
        U{Rational(1, 2), Rational(1, 2), Rational(1, 2)});
  CHECK(utilitarian_solution(kink).utilities ==
        U{Rational(1, 2), Rational(1, 2), Rational(1, 2)});
}

TEST_CASE("COOP three players: Nash beats every sampled mixture") {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 40; ++trial) {
    BargainingProblem p;
    const int k = 3 + rng() % 6;
    for (int j = 0; j < k; ++j)
      p.points.push_back({Rational(static_cast<int>(rng() % 10)),
                          Rational(static_cast<int>(rng() % 10)),
                          Rational(static_cast<int>(rng() % 10))});
    p.disagreement = {0, 0, 0};
    bool positive = false;
    for (const auto& w : p.points)
      positive = positive || (w[0] > 0 && w[1] > 0 && w[2] > 0);
    if (!positive) continue;
    const auto s = nash_solution(p);
    CAPTURE(trial);
    CHECK(s.gap < 1e-12);
    check_mix(p, s);
    const auto log_product = [](const std::vector<double>& u) {
      return std::log(u[0]) + std::log(u[1]) + std::log(u[2]);
    };
    const double best =
        log_product({to_double(s.utilities[0]), to_double(s.utilities[1]),
                     to_double(s.utilities[2])});
    std::uniform_real_distribution<double> unit(0, 1);
    for (int sample = 0; sample < 2000; ++sample) {
      std::vector<double> mu(p.points.size());
      double total = 0;
      for (auto& m : mu) total += (m = -std::log(unit(rng) + 1e-300));
      std::vector<double> u(3, 0);
      for (std::size_t j = 0; j < mu.size(); ++j)
        for (int i = 0; i < 3; ++i)
          u[i] += mu[j] / total * to_double(p.points[j][i]);
      if (u[0] > 0 && u[1] > 0 && u[2] > 0)
        CHECK(log_product(u) <= best + 1e-9);
    }
  }
}

TEST_CASE("COOP-NL-1..3: curved frontiers in double") {
  const SmoothFrontier parabola{[](double x) { return 1 - x * x; },
                                [](double x) { return -2 * x; }, 0, 1};
  const auto nash = nash_solution(parabola, {0, 0});
  CHECK(nash.first == doctest::Approx(1 / std::sqrt(3.0)).epsilon(1e-12));
  CHECK(nash.second == doctest::Approx(2.0 / 3).epsilon(1e-12));
  const double golden = (std::sqrt(5.0) - 1) / 2;
  for (const auto& s : {kalai_smorodinsky_solution(parabola, {0, 0}),
                        egalitarian_solution(parabola, {0, 0})}) {
    CHECK(s.first == doctest::Approx(golden).epsilon(1e-12));
    CHECK(s.second == doctest::Approx(golden).epsilon(1e-12));
  }
  const SmoothFrontier circle{
      [](double x) { return std::sqrt(1 - x * x); },
      [](double x) { return -x / std::sqrt(1 - x * x); }, 0, 1};
  for (const auto& s : {nash_solution(circle, {0, 0}),
                        kalai_smorodinsky_solution(circle, {0, 0}),
                        egalitarian_solution(circle, {0, 0})}) {
    CHECK(s.first == doctest::Approx(std::sqrt(0.5)).epsilon(1e-12));
    CHECK(s.second == doctest::Approx(std::sqrt(0.5)).epsilon(1e-12));
  }
  // COOP-NL-3 states u1 = sqrt(alpha / (1 + alpha)) = 1/2 for alpha = 1/3,
  // but the first-order condition of alpha log u1 + (1 - alpha) log(1 -
  // u1^2) gives u1^2 = alpha / (2 - alpha): 1/sqrt(5) for alpha = 1/3 (the
  // two formulas agree only at alpha = 1/2). The rational point (1/2, 3/4)
  // is the solution for alpha = 2/5.
  const auto third = nash_solution(parabola, {0, 0}, 1.0 / 3);
  CHECK(third.first == doctest::Approx(1 / std::sqrt(5.0)).epsilon(1e-12));
  const auto rational = nash_solution(parabola, {0, 0}, 0.4);
  CHECK(rational.first == doctest::Approx(0.5).epsilon(1e-12));
  CHECK(rational.second == doctest::Approx(0.75).epsilon(1e-12));
}

TEST_CASE("bargaining problems with nothing to bargain over are refused") {
  CHECK_THROWS_WITH_AS(nash_solution(problem({{0, 0}}, {1, 1})),
                       doctest::Contains("nothing to bargain over"),
                       ModelError);
  CHECK_THROWS_WITH_AS(egalitarian_solution(problem({{0, 0}}, {1, 1})),
                       doctest::Contains("nothing to bargain over"),
                       ModelError);
  CHECK_THROWS_AS(nash_solution(problem({{0, 0, 1}}, {0, 0})), ModelError);
  CHECK_THROWS_AS(nash_solution(problem({}, {0, 0})), ModelError);
  CHECK_THROWS_AS(nash_solution(problem({{1, 1}}, {0, 0}), U{1}), ModelError);
  CHECK_THROWS_AS(nash_solution(problem({{1, 1}}, {0, 0}), U{-1, 2}),
                  ModelError);
}

TEST_CASE("COOP when nobody can gain: every solution is d") {
  const auto one = problem({{1}, {0}}, {1});
  CHECK(kalai_smorodinsky_solution(one).utilities == U{1});
  CHECK(egalitarian_solution(one).utilities == U{1});
  const auto three = problem({{1, 1, 1}, {0, 1, 1}, {1, 0, 1}}, {1, 1, 1});
  for (const auto& s :
       {nash_solution(three), kalai_smorodinsky_solution(three),
        egalitarian_solution(three), utilitarian_solution(three)}) {
    CHECK(s.utilities == U{1, 1, 1});
    check_mix(three, s);
  }
}

TEST_CASE(
    "COOP three players: a zero weight for a player who can gain is refused") {
  const auto p = problem({{2, 2, -5}, {1, 1, 1}}, {0, 0, 0});
  CHECK_THROWS_WITH_AS(nash_solution(p, U{1, 1, 0}),
                       doctest::Contains("weight 0 for player 2"), ModelError);
}

TEST_CASE("COOP three players: an optimum inside an edge is found exactly") {
  // The log-product on the segment from (3,2,1) to (1,2,3) peaks at its
  // midpoint, inside an edge (no facet): exact through the simple-fraction
  // candidate and the first-order certificate.
  const auto p = problem({{3, 2, 1}, {1, 2, 3}}, {0, 0, 0});
  const auto s = nash_solution(p);
  CHECK(s.exact);
  CHECK(s.utilities == U{2, 2, 2});
  check_mix(p, s);
}

TEST_CASE("COOP three players: the frontier equals an independent LP check") {
  // A point is Pareto optimal iff no mixture of all the points gives
  // everyone at least as much and the total more; checked here with one
  // full exact LP per point, independently of the frontier's shortcuts.
  const auto dominated = [](const BargainingProblem& p, const U& w) {
    ExactLp lp;
    const std::size_t K = p.points.size();
    lp.nonnegative.assign(K, true);
    lp.rows.emplace_back(K, Rational(1));
    lp.relations.push_back(Relation::equal);
    lp.rhs.emplace_back(1);
    for (std::size_t i = 0; i < w.size(); ++i) {
      std::vector<Rational> row;
      for (const auto& point : p.points) row.push_back(point[i]);
      lp.rows.push_back(row);
      lp.relations.push_back(Relation::greater_equal);
      lp.rhs.push_back(w[i]);
    }
    Rational own = 0;
    for (const auto& point : p.points) {
      Rational sum = 0;
      for (const auto& x : point) sum += x;
      lp.objective.push_back(sum);
    }
    for (const auto& x : w) own += x;
    return maximize(lp).value > own;
  };
  // The reviewer's case: a point below d takes part in the dominating mix.
  const auto below =
      problem({{3, 3, -1}, {0, 0, 2}, {1, 1, Rational(1, 5)}}, {0, 0, 0});
  CHECK(pareto_frontier(below).points == std::vector<U>{{0, 0, 2}});
  std::mt19937 rng(5);
  for (int trial = 0; trial < 150; ++trial) {
    BargainingProblem p;
    const int k = 3 + rng() % 8;
    for (int j = 0; j < k; ++j) {
      U point;
      for (int i = 0; i < 3; ++i)
        point.emplace_back(static_cast<int>(rng() % 9) - 2);
      p.points.push_back(point);
    }
    p.disagreement = {0, 0, 0};
    std::vector<U> expected;
    for (const auto& w : p.points)
      if (w[0] >= 0 && w[1] >= 0 && w[2] >= 0 && !dominated(p, w) &&
          std::find(expected.begin(), expected.end(), w) == expected.end())
        expected.push_back(w);
    CAPTURE(trial);
    bool feasible = false;
    for (const auto& w : p.points)
      feasible = feasible || (w[0] >= 0 && w[1] >= 0 && w[2] >= 0);
    if (!feasible) continue;
    auto found = pareto_frontier(p).points;
    std::sort(found.begin(), found.end());
    std::sort(expected.begin(), expected.end());
    CHECK(found == expected);
  }
}
