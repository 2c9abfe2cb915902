// The standing test of the two-track model: on many generated small
// scenarios the game tree, solved by backward induction, and the dynamic
// programme give the same payoffs exactly.
#include "bargain/model/two_track_game.hpp"

#include <doctest/doctest.h>

#include <random>

#include "bargain/model/two_track.hpp"
#include "bargain/solve/backward_induction.hpp"

using namespace bargain;

namespace {

Scenario random_scenario(std::mt19937& rng) {
  const auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  const auto unit = [&](int denominator) {
    return Rational(pick(denominator + 1), denominator);
  };
  Scenario s;
  s.sources[""] = "assumption";
  const int states = 1 + pick(2);
  for (int k = 0; k < states; ++k)
    s.battlefield.states.push_back(std::string("s") + std::to_string(k));
  const auto random_odds = [&] {
    TransitionMatrix m;
    for (int a = 0; a < states; ++a) {
      std::vector<Rational> row(states, Rational(0));
      if (states == 1) {
        row[0] = 1;
      } else {
        row[0] = unit(4);
        row[1] = 1 - row[0];
      }
      m.push_back(row);
    }
    return m;
  };
  s.battlefield.odds.without_aid = random_odds();
  s.ceasefire_breakdown = unit(4);
  const int ceasefire_issues = pick(2), settlement_issues = 1 + pick(2);
  for (int k = 0; k < ceasefire_issues; ++k)
    s.issues.push_back({std::string("c") + std::to_string(k),
                        Track::ceasefire,
                        {{"none", 1, 1}, {"full", unit(2), 0}},
                        0,
                        {}});
  for (int k = 0; k < settlement_issues; ++k) {
    ScenarioIssue issue{
        std::string("z") + std::to_string(k), Track::settlement, {}, 0, {}};
    const int options = 2 + pick(2);
    for (int o = 0; o < options; ++o)
      issue.options.push_back({std::string("o") + std::to_string(o), 1, 0});
    s.issues.push_back(issue);
  }
  const int actors = 2 + pick(2);
  const Rational discounts[] = {Rational(1, 2), Rational(2, 3), Rational(3, 4)};
  for (int i = 0; i < actors; ++i) {
    ScenarioActor a;
    a.name = std::string("a") + std::to_string(i);
    a.at_table = i < 2 || pick(2) == 0;
    a.discount = discounts[pick(3)];
    for (const auto& issue : s.issues) {
      a.salience.push_back(unit(3));
      std::vector<Rational> values;
      for (std::size_t o = 0; o < issue.options.size(); ++o)
        values.push_back(unit(4));
      a.option_value.push_back(values);
    }
    for (int k = 0; k < states; ++k)
      a.war_flow.push_back(unit(4) - Rational(1, 2));
    if (states > 1 && pick(2) == 0) a.beliefs = WarOdds{random_odds(), {}};
    s.actors.push_back(a);
  }
  for (auto& issue : s.issues)
    if (pick(3) == 0) issue.controllers.push_back(pick(actors));
  const ProtocolKind kinds[] = {
      ProtocolKind::parallel, ProtocolKind::settlement_only,
      ProtocolKind::grand_bargain, ProtocolKind::ceasefire_first};
  s.protocol.kind = kinds[pick(ceasefire_issues > 0 ? 4 : 3)];
  const int rule = pick(3);
  s.protocol.proposer = rule == 0   ? ProposerRule::mediator
                        : rule == 1 ? ProposerRule::alternating
                                    : ProposerRule::random;
  s.protocol.proposers =
      rule == 0 ? std::vector<std::size_t>{0} : std::vector<std::size_t>{0, 1};
  if (rule == 2) {
    const Rational p = unit(4);
    s.protocol.recognition = {p, 1 - p};
  }
  s.protocol.rounds = 1 + pick(2);
  if (pick(2) == 0) {
    const std::size_t issue = s.issues.size() - 1;
    std::vector<Rational> stake;
    for (std::size_t o = 0; o < s.issues[issue].options.size(); ++o)
      stake.push_back(unit(2));
    s.guarantees.push_back({issue, static_cast<std::size_t>(actors - 1), 1, 0,
                            unit(2), unit(2), stake, unit(4), unit(4),
                            unit(4)});
  }
  return s;
}

}  // namespace

TEST_CASE("two-track: the game tree and the dynamic programme agree exactly") {
  std::mt19937 rng(20261125);
  int solved = 0;
  for (int trial = 0; trial < 200; ++trial) {
    const Scenario s = random_scenario(rng);
    CAPTURE(trial);
    REQUIRE_NOTHROW(s.validate());
    if (two_track_game_nodes(s) > 200'000) continue;
    const auto dp = solve_two_track(s);
    const auto game = two_track_game(s);
    const auto tree = solve_backward_induction(game);
    CHECK(tree.equilibria.at(0).payoffs == dp.payoffs);
    bool common_odds = true;
    for (const auto& a : s.actors) common_odds = common_odds && !a.beliefs;
    if (common_odds)
      CHECK(tree.equilibria.at(0).objective_payoffs == dp.objective_payoffs);
    CHECK(game.tree().node_count() == two_track_game_nodes(s));
    ++solved;
  }
  CHECK(solved > 120);
}

TEST_CASE(
    "two-track: the tree's size is estimated and refused before it is built") {
  std::mt19937 rng(3);
  Scenario s = random_scenario(rng);
  s.protocol.rounds = 30;
  CHECK_THROWS_WITH_AS(two_track_game(s, 1000),
                       doctest::Contains("nodes, above the limit of 1000"),
                       LimitError);
}
