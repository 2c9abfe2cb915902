// The ZOPA polytope of continuous issues, issue by issue and as a
// bargaining problem: ZOPA-LINK and FEA of shared/oracles/bargaining.md.
#include "bargain/bargaining/zopa.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "bargain/bargaining/package_zopa.hpp"
#include "bargain/bargaining/threshold.hpp"
#include "support.hpp"

using namespace bargain;
using bargain::test::logroll_actors;

namespace {

using Point = std::vector<Rational>;

IssueSpace unit_issues(std::initializer_list<const char*> names) {
  IssueSpace space;
  const auto t = space.add_track("settlement");
  for (const char* name : names)
    space.add_issue(t, Issue::continuous(name, 0, 1));
  return space;
}

std::set<Point> vertex_set(const Polytope& p) {
  std::set<Point> out;
  for (const auto& v : p.vertices()) out.insert(v.point);
  return out;
}

// Fearon's one-issue ZOPA: x is A's share, each side's war value p - c.
std::vector<Actor> fearon_actors(Rational p_a, Rational p_b, Rational c_a,
                                 Rational c_b) {
  const auto share_a = Preference::spatial({1}, {1}, Loss::linear, 1);
  const auto share_b = Preference::spatial({0}, {1}, Loss::linear, 1);
  return {{"A", share_a, war_reservation(share_a, {1}, {0}, p_a, c_a)},
          {"B", share_b, war_reservation(share_b, {1}, {0}, p_b, c_b)}};
}

}  // namespace

TEST_CASE("ZOPA-LINK: the package ZOPA polygon, its area and its NBS") {
  const auto space = unit_issues({"X", "Y"});
  const auto actors = logroll_actors();
  const auto zopa = polytope_zopa(space, actors);
  CHECK_FALSE(zopa.empty());
  CHECK(vertex_set(zopa.polytope) ==
        std::set<Point>{{0, Rational(11, 14)},
                        {0, 1},
                        {Rational(3, 14), 1},
                        {Rational(3, 8), Rational(5, 8)}});
  CHECK(zopa.polytope.volume() == Rational(9, 112));
  CHECK(zopa.actor_of == std::vector<std::size_t>{0, 1});

  const auto bargaining = zopa_bargaining(zopa, space, actors);
  for (const auto& s : {nash_solution(bargaining.problem),
                        nash_solution(bargaining.problem, Point{1, 2}),
                        kalai_smorodinsky_solution(bargaining.problem),
                        egalitarian_solution(bargaining.problem)}) {
    CHECK(s.utilities == Point{Rational(7, 10), Rational(7, 10)});
    CHECK(bargaining.package_of(s.mix) == Package{0, 1});
  }
  CHECK(nash_solution(bargaining.problem, Point{3, 1}).utilities ==
        Point{Rational(199, 280), Rational(27, 40)});
}

TEST_CASE("ZOPA-LINK: no uniform split and no issue-by-issue deal") {
  const auto space = unit_issues({"X", "Y"});
  const auto actors = logroll_actors();
  const auto by_issue = issue_by_issue_zopa(space, actors);
  CHECK(by_issue.empty());
  CHECK(by_issue.issues[0].range.empty());
  CHECK(by_issue.issues[1].range.empty());
  // The uniform splits x = y: the polytope cut by x <= y and y <= x.
  auto zopa = polytope_zopa(space, actors);
  zopa.polytope.add({{1, -1}, 0, "x <= y"});
  zopa.polytope.add({{-1, 1}, 0, "y <= x"});
  CHECK(zopa.polytope.empty());
  CHECK_FALSE(zopa.polytope.contains(Point{Rational(1, 2), Rational(1, 2)}));
}

TEST_CASE(
    "issue by issue: each actor asks its reservation's share of each issue") {
  // Both actors want more of X and less of Y... no: aligned on Y, opposed on X.
  const auto space = unit_issues({"X", "Y"});
  const std::vector<Actor> actors{
      {"A", Preference::spatial({1, 1}, {1, 1}, Loss::linear, 2), 1},
      {"B", Preference::spatial({0, 1}, {1, 1}, Loss::linear, 2), 1}};
  const auto by_issue = issue_by_issue_zopa(space, actors);
  CHECK_FALSE(by_issue.empty());
  CHECK(by_issue.issues[0].range ==
        Interval<Rational>(Rational(1, 2), Rational(1, 2)));
  CHECK(by_issue.issues[1].range == Interval<Rational>(Rational(1, 2), 1));
}

TEST_CASE("FEA-1..5 and FEA-OPT as the ZOPA of one issue") {
  struct Row {
    const char* id;
    Rational pa, pb, ca, cb;
    bool empty;
    Rational lo, hi;
  };
  const Rational h(1, 2);
  const std::vector<Row> rows{
      {"FEA-1", h, h, Rational(1, 10), Rational(1, 10), false, Rational(2, 5),
       Rational(3, 5)},
      {"FEA-2", Rational(7, 10), Rational(7, 10), Rational(1, 20),
       Rational(3, 20), false, Rational(13, 20), Rational(17, 20)},
      {"FEA-3", Rational(3, 10), Rational(3, 10), Rational(1, 5),
       Rational(1, 10), false, Rational(1, 10), Rational(2, 5)},
      {"FEA-4", Rational(9, 10), Rational(9, 10), Rational(1, 5),
       Rational(1, 5), false, Rational(7, 10), 1},
      {"FEA-5", h, h, 0, 0, false, h, h},
      {"FEA-OPT-1", Rational(3, 5), Rational(2, 5), Rational(1, 10),
       Rational(1, 10), false, h, h},
      {"FEA-OPT-2", Rational(7, 10), Rational(2, 5), Rational(1, 10),
       Rational(1, 10), true, 0, 0},
      {"FEA-OPT-3", Rational(13, 20), Rational(9, 20), Rational(1, 10),
       Rational(1, 10), false, Rational(11, 20), Rational(11, 20)},
      {"FEA-OPT-4", Rational(4, 5), Rational(3, 10), Rational(1, 5),
       Rational(1, 5), true, 0, 0},
      {"FEA-OPT-5", h, h, Rational(1, 20), Rational(1, 20), false,
       Rational(9, 20), Rational(11, 20)},
  };
  const auto space = unit_issues({"A's share"});
  for (const auto& row : rows) {
    CAPTURE(row.id);
    const auto zopa =
        polytope_zopa(space, fearon_actors(row.pa, row.pb, row.ca, row.cb));
    CHECK(zopa.empty() == row.empty);
    if (row.empty) {
      CHECK(zopa.conflicting_actors == std::vector<std::size_t>{0, 1});
      continue;
    }
    CHECK(vertex_set(zopa.polytope) == std::set<Point>{{row.lo}, {row.hi}});
    CHECK(zopa.polytope.volume() == row.hi - row.lo);
  }
}

TEST_CASE("an actor who wants more than the space holds conflicts alone") {
  const auto space = unit_issues({"X"});
  std::vector<Actor> actors =
      fearon_actors(Rational(1, 2), Rational(1, 2), 0, 0);
  actors.push_back({"greedy", Preference::spatial({1}, {1}, Loss::linear), 1});
  const auto zopa = polytope_zopa(space, actors);
  CHECK(zopa.empty());
  CHECK(zopa.conflicting_actors == std::vector<std::size_t>{2});
}

TEST_CASE(
    "ideals inside the ranges: an exact polytope and a concave frontier") {
  // A wants x = 1/2 exactly, B wants x high; utilities in [0, 1].
  IssueSpace space = unit_issues({"X", "Y"});
  const std::vector<Actor> actors{
      {"A", Preference::spatial({Rational(1, 2), 1}, {1, 1}, Loss::linear, 1),
       Rational(1, 4)},
      {"B", Preference::spatial({1, 0}, {1, 1}, Loss::linear, 1),
       Rational(1, 4)}};
  const auto zopa = polytope_zopa(space, actors);
  CHECK(zopa.actor_of == std::vector<std::size_t>{0, 0, 1});
  // Every vertex is acceptable to both; an exact check against utilities.
  for (const auto& v : zopa.polytope.vertices())
    for (const auto& a : actors)
      CHECK(a.preference.utility(v.point) >= a.reservation);
  // Points just outside the ZOPA are refused by someone.
  CHECK_FALSE(zopa.polytope.contains(Point{0, 0}));
  const auto bargaining = zopa_bargaining(zopa, space, actors);
  const auto nash = nash_solution(bargaining.problem);
  const Package x = bargaining.package_of(nash.mix);
  for (std::size_t a = 0; a < actors.size(); ++a)
    CHECK(actors[a].preference.utility(x) >= nash.utilities[a]);
}

TEST_CASE("the polytope ZOPA refuses what is not a polytope") {
  IssueSpace space = unit_issues({"X"});
  const std::vector<Actor> quadratic{
      {"Q", Preference::spatial({0}, {1}, Loss::quadratic), -1}};
  CHECK_THROWS_WITH_AS(polytope_zopa(space, quadratic),
                       doctest::Contains("actors[0] (\"Q\")"), ModelError);
  IssueSpace discrete;
  discrete.add_issue(discrete.add_track("t"), Issue::discrete("d", {{"a", 0}}));
  const std::vector<Actor> one{
      {"A", Preference::spatial({0}, {1}, Loss::linear), -1}};
  CHECK_THROWS_WITH_AS(polytope_zopa(discrete, one),
                       doctest::Contains("issue \"d\" is discrete"),
                       ModelError);
}

TEST_CASE("package solutions pick packages, not lotteries") {
  IssueSpace space;
  const auto t = space.add_track("t");
  space.add_issue(t, Issue::discrete("X", {{"B", 0}, {"split", 1}, {"A", 2}}));
  space.add_issue(t, Issue::discrete("Y", {{"B", 0}, {"split", 1}, {"A", 2}}));
  const std::vector<Actor> actors{
      {"A", Preference::spatial({2, 2}, {1, 3}, Loss::linear, 8), 0},
      {"B", Preference::spatial({0, 0}, {3, 1}, Loss::linear, 8), 0}};
  const auto zopa = package_zopa(space, actors);
  const auto frontier = pareto_packages(space, actors, zopa.packages);
  const auto solutions = package_solutions(space, actors, frontier);
  // X to B and Y to A gives (6, 6): best for every criterion.
  const auto logroll = 2;  // options (0, 2)
  CHECK(solutions.nash == logroll);
  CHECK(solutions.kalai_smorodinsky == logroll);
  CHECK(solutions.egalitarian == logroll);
  CHECK(solutions.utilitarian == logroll);
  CHECK_THROWS_AS(package_solutions(space, actors, {}), ModelError);
}

TEST_CASE("threshold: the reservation that closes the ZOPA-LINK deal is 7/10") {
  // Both actors ask r; the package (X to B, Y to A) gives both 7/10, so the
  // ZOPA closes exactly at r = 7/10, whatever the margin's shape.
  const auto space = unit_issues({"X", "Y"});
  const auto margin = [&](const Rational& r) {
    auto actors = logroll_actors();
    for (auto& a : actors) a.reservation = r;
    return zopa_margin(space, actors);
  };
  CHECK(margin(Rational(11, 20)) == Rational(3, 20));
  CHECK(margin(Rational(4, 5)) == -Rational(1, 10));
  const auto t = find_threshold(margin, Rational(1, 2), 1, Rational(1, 1000));
  CHECK(t.is_exact());
  CHECK(t.bracket.lo() == Rational(7, 10));
}

TEST_CASE("threshold: the optimism that empties a two-issue war ZOPA") {
  // A fights over two issues at once; B's belief stays 1/2, A's grows. With
  // costs 1/10 each the ZOPA empties when A's belief exceeds B's by 1/5.
  const auto space = unit_issues({"X", "Y"});
  const auto share_a = Preference::spatial(
      {1, 1}, {Rational(1, 2), Rational(1, 2)}, Loss::linear, 1);
  const auto share_b = Preference::spatial(
      {0, 0}, {Rational(1, 2), Rational(1, 2)}, Loss::linear, 1);
  const auto margin = [&](const Rational& p_a) {
    const std::vector<Actor> actors{
        {"A", share_a,
         war_reservation(share_a, {1, 1}, {0, 0}, p_a, Rational(1, 10))},
        {"B", share_b,
         war_reservation(share_b, {0, 0}, {1, 1}, Rational(1, 2),
                         Rational(1, 10))}};
    return zopa_margin(space, actors);
  };
  const auto t = find_threshold(margin, Rational(1, 2), 1, Rational(1, 1000));
  CHECK(t.is_exact());
  CHECK(t.bracket.lo() == Rational(7, 10));
}

TEST_CASE("the conflict names whole actors, each with all its half-spaces") {
  // A's ideal for x lies inside its range (two half-spaces); A alone can
  // never get within 5 of its ideal, whatever B wants.
  IssueSpace space;
  const auto t = space.add_track("t");
  space.add_issue(t, Issue::continuous("x", 2, 5));
  space.add_issue(t, Issue::continuous("y", 1, 3));
  const std::vector<Actor> actors{
      {"A", Preference::spatial({Rational(9, 2), -1}, {3, 3}, Loss::linear),
       -5},
      {"B", Preference::spatial({Rational(9, 2), 3}, {3, 3}, Loss::linear),
       -1}};
  const auto zopa = polytope_zopa(space, actors);
  CHECK(zopa.empty());
  CHECK(zopa.conflicting_actors == std::vector<std::size_t>{0});
  CHECK(zopa_margin(space, std::vector<Actor>{actors[0]}) < 0);
}

TEST_CASE("issue by issue: an actor who accepts nothing empties every issue") {
  const auto space = unit_issues({"x"});
  const std::vector<Actor> actors{
      {"A", Preference::spatial({1}, {0}, Loss::linear), 1},
      {"B", Preference::spatial({0}, {1}, Loss::linear), -Rational(1, 2)}};
  CHECK(polytope_zopa(space, actors).empty());
  CHECK(issue_by_issue_zopa(space, actors).empty());
}

TEST_CASE("package solutions refuse packages outside the ZOPA") {
  IssueSpace space;
  space.add_issue(space.add_track("t"),
                  Issue::discrete("x", {{"a", 0}, {"b", 1}}));
  const std::vector<Actor> actors{
      {"A", Preference::spatial({0}, {1}, Loss::linear), 0}};
  CHECK(package_solutions(space, actors, std::vector<std::uint64_t>{0}).nash ==
        0);
  CHECK_THROWS_WITH_AS(
      package_solutions(space, actors, std::vector<std::uint64_t>{0, 1}),
      "package 1 is below the reservation value of actors[0] (\"A\"), "
      "expected packages of the ZOPA",
      ModelError);
}
