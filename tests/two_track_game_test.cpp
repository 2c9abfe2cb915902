// The standing test of the two-track model: on many generated small
// scenarios the game tree, solved by backward induction, and the dynamic
// programme give the same payoffs exactly. With private types the tree has
// information sets and goes to sequence-form Lemke.
#include "bargain/model/two_track_game.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <random>

#include "bargain/io/scenario_json.hpp"
#include "bargain/model/two_track.hpp"
#include "bargain/solve/backward_induction.hpp"
#include "bargain/solve/sequence_lemke.hpp"

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

// scenarios/private_types.json: two belligerents over one territorial
// issue for two rounds, B proposing first; A is privately resolute
// (fighting on is worth much to it) or weary.
Scenario two_types() {
  Scenario s;
  s.title = "resolve";
  s.sources[""] = "assumption";
  s.battlefield.states = {"A advancing", "stalemate"};
  s.battlefield.initial = 1;
  s.battlefield.odds.without_aid = {{Rational(3, 4), Rational(1, 4)},
                                    {Rational(1, 4), Rational(3, 4)}};
  s.issues.push_back({"territory",
                      Track::settlement,
                      {{"to B", 1, 0}, {"split", 1, 0}, {"to A", 1, 0}},
                      0,
                      {}});
  ScenarioActor a;
  a.name = "A";
  a.belligerent = true;
  a.discount = Rational(9, 10);
  a.salience = {1};
  a.option_value = {{0, Rational(1, 2), 1}};
  a.war_flow = {Rational(11, 20), Rational(7, 20)};
  a.types = {{"resolute", Rational(1, 2), {Rational(4, 5), Rational(3, 5)}},
             {"weary", Rational(1, 2), {Rational(3, 10), Rational(1, 10)}}};
  ScenarioActor b = a;
  b.name = "B";
  b.option_value = {{1, Rational(1, 2), 0}};
  b.war_flow = {Rational(1, 10), Rational(3, 10)};
  b.types.clear();
  s.actors = {a, b};
  s.protocol = {
      ProtocolKind::settlement_only, ProposerRule::alternating, {1, 0}, {}, 2};
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

TEST_CASE("two-track: one sure type is the untyped game, a trivial draw") {
  std::mt19937 rng(7);
  int solved = 0;
  for (int trial = 0; trial < 60; ++trial) {
    Scenario s = random_scenario(rng);
    CAPTURE(trial);
    if (two_track_game_nodes(s) > 50'000) continue;
    const auto untyped = two_track_game(s);
    for (auto& a : s.actors) a.types = {{"sure", 1, a.war_flow}};
    REQUIRE_NOTHROW(s.validate());
    const auto game = two_track_game(s);
    CHECK(game.tree().node_count() ==
          untyped.tree().node_count() + s.actors.size());
    CHECK(game.tree().node_count() == two_track_game_nodes(s));
    CHECK(game.tree().has_perfect_information());
    const auto tree = solve_backward_induction(game);
    CHECK(tree.equilibria.at(0).payoffs ==
          solve_backward_induction(untyped).equilibria.at(0).payoffs);
    for (auto& a : s.actors) a.types.clear();  // the programme refuses them
    CHECK(tree.equilibria.at(0).payoffs == solve_two_track(s).payoffs);
    ++solved;
  }
  CHECK(solved > 30);
}

TEST_CASE("two-track: typed trees have perfect recall and a counted size") {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 40; ++trial) {
    Scenario s = random_scenario(rng);
    CAPTURE(trial);
    if (two_track_game_nodes(s) > 20'000) continue;
    auto& a = s.actors[1];
    a.types = {{"low", Rational(1, 3), a.war_flow},
               {"high", Rational(2, 3), a.war_flow}};
    for (auto& w : a.types[1].war_flow) w -= 1;
    if (s.actors.size() > 2) s.actors[2].types = {{"only", 1, a.war_flow}};
    const auto game = two_track_game(s);
    CHECK(game.tree().node_count() == two_track_game_nodes(s));
    CHECK(game.tree().has_perfect_recall());
  }
}

TEST_CASE("two-track: a privately resolute or weary belligerent") {
  const Scenario s = two_types();
  const auto game = two_track_game(s);
  const GameTree& tree = game.tree();
  CHECK(tree.node_count() == two_track_game_nodes(s));
  CHECK_FALSE(tree.has_perfect_information());
  CHECK(tree.has_perfect_recall());
  // B cannot tell A's types apart: its sets hold one node per type.
  for (const InfosetId set : tree.infosets_of(1))
    CHECK(tree.members(set).size() == 2);
  for (const InfosetId set : tree.infosets_of(0))
    CHECK(tree.members(set).size() == 1);

  const auto result = solve_sequence_lemke(game);
  const auto& eq = result.equilibria.at(0);
  CHECK(eq.verification.max_regret == 0);
  CHECK(eq.verification.passed());

  const auto draws = two_track_play(s, game, eq.profile);
  REQUIRE(draws.size() == 2);
  Rational a_payoff = 0;
  for (std::size_t k = 0; k < 2; ++k) {
    CHECK(draws[k].types == std::vector<std::size_t>{k, 0});
    CHECK(draws[k].probability == Rational(1, 2));
    a_payoff += draws[k].probability * draws[k].payoffs[0];
    Rational total = 0;
    for (const auto& [label, p] : draws[k].outcomes) total += p;
    CHECK(total == 1);
  }
  CHECK(a_payoff == eq.payoffs[0]);
}

TEST_CASE("two-track: stated positions are not reservation values") {
  const Scenario s = two_types();
  const auto game = two_track_game(s);
  const auto eq = solve_sequence_lemke(game).equilibria.at(0);
  const auto draws = two_track_play(s, game, eq.profile);
  REQUIRE(draws.size() == 2);
  // B cannot tell A's types apart, so it opens with one offer to both:
  // the split, worth 0.5 / (1 - 0.9) = 5 a side.
  for (const auto& draw : draws) {
    REQUIRE(draw.opening.size() == 1);
    const auto& o = draw.opening[0];
    CHECK(o.proposer == 1);
    CHECK(o.proposal == "settlement territory = split");
    CHECK(o.value == std::vector<Rational>{5, 5});
    // B's stated position is worth more to it than its walking away.
    CHECK(o.value[1] > o.reservation[1]);
  }
  // The resolute type's reservation value is endless war from stalemate,
  // (I - 0.9 P)^-1 (4/5, 3/5) = 75/11 > 5: it rejects and fights on.
  const auto& resolute = draws[0].opening[0];
  CHECK(resolute.reservation[0] == Rational(75, 11));
  CHECK(resolute.accepted == 0);
  CHECK(draws[0].outcomes == std::vector<std::pair<std::string, Rational>>{
                                 {"no settlement, war", 1}});
  // The weary type would settle for far less than the split it takes.
  const auto& weary = draws[1].opening[0];
  CHECK(weary.reservation[0] < 5);
  CHECK(weary.accepted == 1);
  CHECK(draws[1].settlement_by_round == std::vector<Rational>{1, 0});
}

TEST_CASE("two-track: a typed tree's size is refused with the estimate") {
  Scenario s = two_types();
  s.protocol.rounds = 30;
  CHECK_THROWS_WITH_AS(
      two_track_game(s, 1000),
      doctest::Contains("nodes, above the limit of 1000; with private types"),
      LimitError);
}

TEST_CASE("two-track: a tree beyond the memory budget is refused up front") {
  // 3 actors, 3 rounds: 2,750,329 nodes at 544 bytes each (505 measured).
  Scenario s = read_scenario_file(std::string(BARGAIN_SOURCE_DIR) +
                                  "/scenarios/minimal.json");
  s.protocol.rounds = 3;
  CHECK(two_track_game_nodes(s) == 2'750'329);
  CHECK(two_track_game_bytes(s) == 2'750'329ull * 544);
  CHECK_THROWS_WITH_AS(
      two_track_game(s, std::numeric_limits<std::uint64_t>::max(),
                     std::uint64_t{1} << 30),
      "the scenario's game tree would have 2750329 nodes and take about "
      "1.39 GiB to build, above the memory budget of 1 GiB; solve it with "
      "the dynamic programme instead",
      LimitError);
  // Thirty rounds: the count saturates, and the refusal is as quick.
  s.protocol.rounds = 30;
  CHECK(two_track_game_bytes(s) == std::numeric_limits<std::uint64_t>::max());
  CHECK_THROWS_WITH_AS(two_track_game(s),
                       doctest::Contains("more than 2^64 nodes, far beyond "
                                         "the memory budget of 8 GiB"),
                       LimitError);
}
