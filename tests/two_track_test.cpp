// The two-track model's dynamic programme against closed forms of
// shared/oracles/bargaining.md and against hand-built cases.
#include "bargain/model/two_track.hpp"

#include <doctest/doctest.h>

#include "bargain/bargaining/rubinstein.hpp"
#include "bargain/model/two_track_game.hpp"
#include "bargain/solve/backward_induction.hpp"

using namespace bargain;

namespace {

Rational R(long n, long d = 1) { return Rational(n, d); }

// Alternating offers over one settlement issue "split" whose option k of
// 0..grid gives A the share k/grid of a perpetual flow and B the rest, with
// nothing while they disagree: Rubinstein's game in flow units.
Scenario splitting(Rational delta_a, Rational delta_b, std::size_t rounds,
                   std::size_t grid) {
  Scenario s;
  s.sources[""] = "assumption";
  s.battlefield.states = {"stalemate"};
  s.battlefield.odds.without_aid = {{1}};
  s.ceasefire_breakdown = 0;
  ScenarioIssue split{"split", Track::settlement, {}, 0, {}};
  for (std::size_t k = 0; k <= grid; ++k)
    split.options.push_back({std::to_string(k), 1, 0});
  s.issues = {split};
  const auto actor = [&](std::string name, Rational delta, bool gets_k) {
    ScenarioActor a;
    a.name = std::move(name);
    a.discount = delta;
    a.salience = {1};
    a.option_value.emplace_back();
    for (std::size_t k = 0; k <= grid; ++k)
      a.option_value[0].push_back(gets_k ? R(k, grid) : 1 - R(k, grid));
    a.war_flow = {0};
    return a;
  };
  s.actors = {actor("A", delta_a, true), actor("B", delta_b, false)};
  s.protocol.kind = ProtocolKind::settlement_only;
  s.protocol.proposer = ProposerRule::alternating;
  s.protocol.proposers = {0, 1};
  s.protocol.rounds = rounds;
  return s;
}

}  // namespace

// Grids where no proposer is indifferent between a deal and waiting: the
// two tie rules (here a proposal before passing, there waiting) then agree.
TEST_CASE(
    "two-track DP: alternating offers over a split equal Rubinstein's grid "
    "recursion") {
  struct Case {
    Rational d1, d2;
    std::size_t rounds, grid;
  };
  const Case cases[] = {{R(1, 2), R(1, 2), 1, 4},
                        {R(1, 2), R(1, 2), 3, 8},
                        {R(9, 10), R(4, 5), 3, 25},
                        {R(2, 3), R(1, 3), 4, 9},
                        {R(1, 2), R(3, 4), 5, 6}};
  for (const auto& c : cases) {
    CAPTURE(c.rounds);
    CAPTURE(c.grid);
    const auto solution =
        solve_two_track(splitting(c.d1, c.d2, c.rounds, c.grid));
    const auto expected = rubinstein_grid(c.d1, c.d2, c.rounds, c.grid);
    CHECK(solution.payoffs[0] * (1 - c.d1) == expected.shares[0]);
    CHECK(solution.payoffs[1] * (1 - c.d2) == expected.shares[1]);
    CHECK(solution.objective_payoffs == solution.payoffs);
  }
}

TEST_CASE("two-track DP: RUB-FIN-1 on the exact grid, agreement in round 1") {
  // T = 3, delta = 1/2: player 1 keeps 3/4 (shared/oracles RUB-FIN-1).
  const auto solution = solve_two_track(splitting(R(1, 2), R(1, 2), 3, 4));
  CHECK(solution.payoffs[0] == R(3, 4) / R(1, 2));
  CHECK(solution.settlement_by_round == std::vector<Rational>{1, 0, 0});
  CHECK(solution.no_settlement == 0);
  CHECK(solution.expected_war_rounds == 0);
  REQUIRE(solution.path.size() == 1);
  const auto& choice = solution.path[0].choices.at(0);
  CHECK(choice.accepted);
  CHECK(choice.backed == std::vector<std::uint32_t>{3});  // A keeps 3/4
  CHECK(choice.packages == 5);
}

namespace {

// Two belligerents over territory (option k of 0..2: A holds k/2 of it) and
// sanctions on A (kept or lifted), with a patron outside the table who
// controls sanctions and wants them kept. One war state, fighting costs
// both belligerents 1/5 per round; A proposes once, then war forever.
Scenario with_patron(bool patron_at_table) {
  Scenario s;
  s.sources[""] = "assumption";
  s.battlefield.states = {"stalemate"};
  s.battlefield.odds.without_aid = {{1}};
  s.ceasefire_breakdown = 0;
  s.issues = {{"territory",
               Track::settlement,
               {{"none", 1, 0}, {"half", 1, 0}, {"all", 1, 0}},
               0,
               {}},
              {"sanctions",
               Track::settlement,
               {{"kept", 1, 0}, {"lifted", 1, 0}},
               0,
               {2}}};
  const auto actor = [](std::string name, std::vector<Rational> salience,
                        std::vector<std::vector<Rational>> values,
                        Rational war) {
    ScenarioActor a;
    a.name = std::move(name);
    a.discount = R(1, 2);
    a.salience = std::move(salience);
    a.option_value = std::move(values);
    a.war_flow = {war};
    return a;
  };
  s.actors = {
      actor("A", {R(1, 2), R(1, 2)}, {{0, R(1, 2), 1}, {0, 1}}, R(1, 10)),
      actor("B", {1, 0}, {{1, R(1, 2), 0}, {0, 0}}, R(1, 10)),
      actor("Patron", {0, 1}, {{0, 0, 0}, {1, 0}}, 0)};
  s.actors[2].at_table = patron_at_table;
  s.protocol.kind = ProtocolKind::settlement_only;
  s.protocol.proposer = ProposerRule::mediator;
  s.protocol.proposers = {0};
  s.protocol.rounds = 1;
  return s;
}

}  // namespace

TEST_CASE(
    "two-track DP: a patron outside the table undermines what it controls") {
  // War is worth 1/10 a round to each belligerent (1/5 in all at delta =
  // 1/2); a settlement z is worth 2 u(z). B accepts territory "half" at
  // most. A would add the lifting of sanctions, but the patron controls
  // them and would undermine it, so A proposes what will hold.
  const auto outside = solve_two_track(with_patron(false));
  const auto& choice = outside.path.at(0).choices.at(0);
  CHECK(choice.accepted);
  CHECK(choice.backed == std::vector<std::uint32_t>{1, 0});
  CHECK(outside.payoffs[0] == 2 * R(1, 4));
  // Without control over sanctions the patron cannot unmake the lifting.
  Scenario powerless = with_patron(false);
  powerless.issues[1].controllers.clear();
  const auto lifted = solve_two_track(powerless);
  CHECK(lifted.path.at(0).choices.at(0).backed ==
        std::vector<std::uint32_t>{1, 1});
  CHECK(lifted.payoffs[0] == 2 * R(3, 4));
  // Seated, the patron ratifies (indifferent to war) and still controls.
  CHECK(solve_two_track(with_patron(true)).payoffs == outside.payoffs);
}

TEST_CASE("two-track DP: a guarantee counts only if the guarantor would act") {
  // Settlement: a guarantee issue (none or guaranteed). The aggressor B
  // strikes with opportunity 1/2 a round when the guarantee is not
  // credible, gaining 1/5 and costing A 2/5.
  for (const bool credible : {true, false}) {
    Scenario s = with_patron(true);
    s.issues[1] = {"guarantee",
                   Track::settlement,
                   {{"none", 1, 0}, {"guaranteed", 1, 0}},
                   0,
                   {}};
    s.actors[0].option_value[1] = {0, 1};
    s.actors[2].option_value[1] = {0, 0};
    s.actors[2].salience[1] = 0;
    s.guarantees = {{1,
                     2,
                     1,
                     0,
                     R(1, 2),
                     R(1, 5),
                     {0, credible ? R(1, 2) : R(1, 10)},
                     R(1, 5),
                     R(2, 5),
                     R(1, 10)}};
    const auto solution = solve_two_track(s);
    const auto& choice = solution.path.at(0).choices.at(0);
    CAPTURE(credible);
    CHECK(choice.accepted);
    // Credible: B accepts territory "half" at most, A gets 1/4 + 1/2 a
    // round. Not credible: B expects to strike (1/2 * 1/5 a round) and so
    // accepts giving up all territory; A gets 1/2 + 1/2 less 1/2 * 2/5.
    CHECK(choice.backed == std::vector<std::uint32_t>{credible ? 1u : 2u, 1});
    CHECK(solution.payoffs[0] == (credible ? 2 * R(3, 4) : 2 * R(4, 5)));
    CHECK(solution.payoffs[1] == (credible ? 2 * R(1, 2) : 2 * R(1, 10)));
  }
}

TEST_CASE(
    "two-track DP: mutual optimism empties the ZOPA, shared odds reopen it") {
  // From a stalemate the war moves for good to "A wins" (A gets the whole
  // flow, B nothing) or "B wins" (the reverse); a stalemate costs both.
  // Settlement: A's share of 0..4 quarters. Each side believes it wins
  // with 9/10: nothing both accept. With the objective odds 1/2 a deal is
  // made at once.
  const auto scenario = [](bool optimistic) {
    Scenario s = splitting(R(4, 5), R(4, 5), 2, 4);
    s.battlefield.states = {"stalemate", "A wins", "B wins"};
    s.battlefield.odds.without_aid = {
        {0, R(1, 2), R(1, 2)}, {0, 1, 0}, {0, 0, 1}};
    s.actors[0].war_flow = {-R(1, 10), 1, 0};
    s.actors[1].war_flow = {-R(1, 10), 0, 1};
    if (optimistic) {
      s.actors[0].beliefs =
          WarOdds{{{0, R(9, 10), R(1, 10)}, {0, 1, 0}, {0, 0, 1}}, {}};
      s.actors[1].beliefs =
          WarOdds{{{0, R(1, 10), R(9, 10)}, {0, 1, 0}, {0, 0, 1}}, {}};
    }
    return s;
  };
  const auto shared = solve_two_track(scenario(false));
  CHECK(shared.settlement_by_round[0] == 1);
  const auto optimists = solve_two_track(scenario(true));
  CHECK(optimists.path.at(0).choices.at(0).zopa_size == 0);
  CHECK(optimists.settlement_by_round[0] == 0);
  // Once the war is decided the loser concedes only when it proposes:
  // in round 2 B proposes, so a deal follows B's victory alone.
  CHECK(optimists.settlement_by_round[1] == R(1, 2));
  CHECK(optimists.expected_war_rounds == R(3, 2));
  // Each optimist expects more than the objective odds give it.
  CHECK(optimists.payoffs[0] > optimists.objective_payoffs[0]);
  CHECK(optimists.payoffs[1] > optimists.objective_payoffs[1]);
}

// Option values whose denominators are large distinct numbers (near 2^31)
// have no common scale within 63 bits, so the programme compares exact
// rationals instead of scaled integer sums; the game tree must still agree.
TEST_CASE(
    "two-track DP: numbers too fine for 63-bit sums are still solved exactly") {
  Scenario s = splitting(R(9, 10), R(4, 5), 2, 4);
  const long denominators[] = {2147483647, 2147483629, 2147483587, 2147483579,
                               2147483563};
  for (std::size_t k = 0; k < 5; ++k)  // staying within [0, 1]
    s.actors[0].option_value[0][k] += R(k < 4 ? 1 : -1, denominators[k]);
  const auto solution = solve_two_track(s);
  const auto tree = solve_backward_induction(two_track_game(s));
  CHECK(tree.equilibria.at(0).payoffs == solution.payoffs);
  CHECK(solution.settlement_by_round[0] == 1);
}

TEST_CASE("two-track DP: the ZOPA's Pareto frontier where play goes") {
  // One issue whose middle option is as good as the best for both: it
  // alone is on the frontier, though all three options are in the ZOPA.
  Scenario s = splitting(R(1, 2), R(1, 2), 1, 2);
  s.actors[0].option_value[0] = {R(0), R(1), R(1)};
  s.actors[1].option_value[0] = {R(1), R(1), R(0)};
  const auto solution = solve_two_track(s);
  const auto& choice = solution.path.front().choices.front();
  CHECK(choice.zopa_size == 3);
  REQUIRE(choice.zopa_frontier.size() == 1);
  const auto& best = choice.zopa_frontier.front();
  CHECK(best.scope == Scope::settlement);
  CHECK(best.proposal == std::vector<std::uint32_t>{1});
  CHECK(best.backed == std::vector<std::uint32_t>{1});
  CHECK(best.values == std::vector<Rational>{R(2), R(2)});

  // On a split every share is on the frontier: more for one is less for
  // the other.
  const auto split = solve_two_track(splitting(R(1, 2), R(1, 2), 1, 4));
  const auto& offer = split.path.front().choices.front();
  CHECK(offer.zopa_frontier.size() == offer.zopa_size);
}
