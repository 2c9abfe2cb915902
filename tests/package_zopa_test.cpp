// The ZOPA of discrete issues against brute force over every package.
#include "bargain/bargaining/package_zopa.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "support.hpp"

using namespace bargain;

namespace {

// Every package each actor weakly prefers to its reservation, one by one.
std::vector<std::uint64_t> brute_force_zopa(const IssueSpace& space,
                                            std::span<const Actor> actors) {
  std::vector<std::uint64_t> out;
  for (std::uint64_t p = 0; p < space.package_count(); ++p)
    if (std::all_of(actors.begin(), actors.end(), [&](const Actor& a) {
          return a.preference.utility(space.package(p)) >= a.reservation;
        }))
      out.push_back(p);
  return out;
}

std::vector<std::uint64_t> brute_force_pareto(
    const IssueSpace& space, std::span<const Actor> actors,
    std::span<const std::uint64_t> packages) {
  std::vector<std::uint64_t> out;
  const auto utilities = [&](std::uint64_t p) {
    std::vector<Rational> u;
    for (const auto& a : actors)
      u.push_back(a.preference.utility(space.package(p)));
    return u;
  };
  for (const auto p : packages) {
    const auto up = utilities(p);
    bool dominated = false;
    for (const auto q : packages) {
      const auto uq = utilities(q);
      bool weakly = true, strictly = false;
      for (std::size_t a = 0; a < up.size(); ++a) {
        weakly = weakly && uq[a] >= up[a];
        strictly = strictly || uq[a] > up[a];
      }
      dominated = dominated || (weakly && strictly);
    }
    if (!dominated) out.push_back(p);
  }
  return out;
}

struct RandomNegotiation {
  IssueSpace space;
  std::vector<Actor> actors;
};

RandomNegotiation random_negotiation(std::mt19937& rng) {
  RandomNegotiation n;
  const auto track = n.space.add_track("t");
  const int issues = 1 + rng() % 5;
  for (int i = 0; i < issues; ++i) {
    std::vector<IssueOption> options;
    const int k = 1 + rng() % 4;
    int position = 0;
    for (int o = 0; o < k; ++o, position += 1 + rng() % 3)
      options.push_back({std::to_string(o), Rational(position, 2)});
    n.space.add_issue(track,
                      Issue::discrete(std::string("i") + std::to_string(i),
                                      std::move(options)));
  }
  const int actors = 1 + rng() % 4;
  for (int a = 0; a < actors; ++a) {
    std::vector<Rational> ideal, salience;
    for (int i = 0; i < issues; ++i) {
      ideal.emplace_back(static_cast<int>(rng() % 7), 2);
      salience.emplace_back(static_cast<int>(rng() % 5), 1 + rng() % 3);
    }
    const Loss loss = rng() % 2 ? Loss::linear : Loss::quadratic;
    n.actors.push_back(
        {std::string("a") + std::to_string(a),
         Preference::spatial(std::move(ideal), std::move(salience), loss),
         -Rational(static_cast<int>(rng() % 12), 1 + rng() % 4)});
  }
  return n;
}

}  // namespace

TEST_CASE("package ZOPA and its Pareto frontier equal brute force") {
  std::mt19937 rng(20261125);
  int empty = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const auto n = random_negotiation(rng);
    const auto zopa = package_zopa(n.space, n.actors);
    CAPTURE(trial);
    CHECK(zopa.package_count == n.space.package_count());
    CHECK(zopa.packages == brute_force_zopa(n.space, n.actors));
    CHECK(pareto_packages(n.space, n.actors, zopa.packages) ==
          brute_force_pareto(n.space, n.actors, zopa.packages));
    if (!zopa.empty()) {
      CHECK(zopa.conflicting_actors.empty());
      continue;
    }
    ++empty;
    // The conflict is real and minimal.
    std::vector<Actor> conflict;
    for (const auto a : zopa.conflicting_actors)
      conflict.push_back(n.actors[a]);
    CHECK(brute_force_zopa(n.space, conflict).empty());
    for (std::size_t k = 0; k < conflict.size(); ++k) {
      auto rest = conflict;
      rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(k));
      if (!rest.empty()) CHECK_FALSE(brute_force_zopa(n.space, rest).empty());
    }
  }
  CHECK(empty > 20);  // the sample exercises the witness
}

TEST_CASE("a logroll: each side gets the issue it values more") {
  // Two binary issues, A's share on each; A cares more about Y, B about X.
  IssueSpace space;
  const auto t = space.add_track("settlement");
  space.add_issue(t, Issue::discrete("X", {{"to B", 0}, {"to A", 1}}));
  space.add_issue(t, Issue::discrete("Y", {{"to B", 0}, {"to A", 1}}));
  const auto actors = bargain::test::logroll_actors();
  const auto zopa = package_zopa(space, actors);
  CHECK(zopa.packages == std::vector<std::uint64_t>{1});  // X to B, Y to A
  CHECK(space.package(1) == Package{0, 1});
}

TEST_CASE("a custom utility decides package by package") {
  IssueSpace space;
  const auto t = space.add_track("t");
  for (const char* name : {"x", "y"})
    space.add_issue(t, Issue::discrete(name, {{"0", 0}, {"1", 1}, {"2", 2}}));
  const std::vector<Actor> actors{
      {"product",
       Preference::custom(
           "x*y", 2, [](std::span<const double> x) { return x[0] * x[1]; }),
       2},
      {"spatial", Preference::spatial({0, 0}, {1, 1}, Loss::linear), -3}};
  CHECK(package_zopa(space, actors).packages ==
        brute_force_zopa(space, actors));
}

TEST_CASE("the package ZOPA refuses more packages than its limit, up front") {
  IssueSpace space;
  const auto t = space.add_track("t");
  for (int i = 0; i < 40; ++i)
    space.add_issue(t, Issue::discrete(std::string("i") + std::to_string(i),
                                       {{"a", 0}, {"b", 1}}));
  const std::vector<Actor> actors{
      {"A",
       Preference::spatial(std::vector<Rational>(40, 0),
                           std::vector<Rational>(40, 1), Loss::linear),
       0}};
  CHECK_THROWS_WITH_AS(package_zopa(space, actors),
                       doctest::Contains("1099511627776 packages"), LimitError);
}

TEST_CASE("Pareto packages with many equal utilities, two actors") {
  // Constant-sum: every package is Pareto optimal, and utilities repeat
  // across packages; the runs of equal scores are decided together.
  IssueSpace space;
  const auto t = space.add_track("t");
  for (int i = 0; i < 4; ++i)
    space.add_issue(t, Issue::discrete(std::string("i") + std::to_string(i),
                                       {{"0", 0}, {"1", 1}, {"2", 2}}));
  const std::vector<Actor> actors{
      {"A", Preference::spatial({2, 2, 2, 2}, {1, 1, 1, 1}, Loss::linear), -8},
      {"B", Preference::spatial({0, 0, 0, 0}, {1, 1, 1, 1}, Loss::linear), -8}};
  const auto zopa = package_zopa(space, actors);
  CHECK(zopa.packages.size() == 81);
  CHECK(pareto_packages(space, actors, zopa.packages) == zopa.packages);
  // A third actor preferring the middle breaks the ties.
  auto three = actors;
  three.push_back(
      {"C", Preference::spatial({1, 1, 1, 1}, {1, 1, 1, 1}, Loss::linear), -8});
  CHECK(pareto_packages(space, three, zopa.packages) ==
        brute_force_pareto(space, three, zopa.packages));
}
