// Backward induction against the closed-form oracles of
// shared/oracles/bargaining.md (ids in the test names).
#include "bargain/solve/backward_induction.hpp"

#include <doctest/doctest.h>

#include <set>
#include <vector>

#include "bargain/bargaining/rubinstein.hpp"
#include "bargain/game/builder.hpp"
#include "support.hpp"

using namespace bargain;

namespace {

// Proposer offers k of N to the responder, who accepts (N-k, k) or rejects (0,
// 0).
Game ultimatum(int pie) {
  GameBuilder<Rational> b("Ultimatum");
  const auto proposer = b.add_player("Proposer");
  const auto responder = b.add_player("Responder");
  std::vector<std::string> offers;
  for (int k = 0; k <= pie; ++k) offers.push_back(std::to_string(k));
  const auto offer =
      b.move(b.root(), b.add_infoset(proposer, "", b.add_action_set(offers)));
  const auto respond = b.add_action_set({"accept", "reject"});
  const auto nothing = b.add_outcome("disagree", {0, 0});
  for (int k = 0; k <= pie; ++k) {
    const auto reply = b.move(offer[k], b.add_infoset(responder, "", respond));
    b.set_outcome(reply[0], b.add_outcome("", {pie - k, k}));
    b.set_outcome(reply[1], nothing);
  }
  return std::move(b).freeze();
}

// McKelvey-Palfrey centipede, 4 moves.
Game centipede() {
  GameBuilder<Rational> b("Centipede");
  const PlayerId p[2] = {b.add_player("1"), b.add_player("2")};
  const Rational take[4][2] = {{Rational(2, 5), Rational(1, 10)},
                               {Rational(1, 5), Rational(4, 5)},
                               {Rational(8, 5), Rational(2, 5)},
                               {Rational(4, 5), Rational(16, 5)}};
  NodeId v = b.root();
  for (int i = 0; i < 4; ++i) {
    const auto kids = b.move(v, b.add_infoset(p[i % 2], "", {"take", "pass"}));
    b.set_outcome(kids[0], b.add_outcome("", {take[i][0], take[i][1]}));
    v = kids[1];
  }
  b.set_outcome(v, b.add_outcome("", {Rational(32, 5), Rational(8, 5)}));
  return std::move(b).freeze();
}

std::vector<std::string> chosen_actions(
    const Game& g, const BehaviorProfile<Rational>& profile) {
  std::vector<std::string> out;
  for (PlayerId p = 0; p < g.player_count(); ++p)
    for (const InfosetId set : g.tree().infosets_of(p))
      out.emplace_back(g.tree().action_label(profile.pure_action(set)));
  return out;
}

}  // namespace

TEST_CASE("backward induction: EFG-ENTRY has the SPE (In, Cooperate) = (2,2)") {
  const auto result = solve_backward_induction(test::entry_game());
  REQUIRE(result.equilibria.size() == 1);
  const auto& eq = result.equilibria[0];
  CHECK(eq.payoffs == std::vector<Rational>{2, 2});
  CHECK(eq.verification.max_regret == 0);
  CHECK(eq.verification.passed());
  CHECK(chosen_actions(test::entry_game(), eq.profile) ==
        std::vector<std::string>{"In", "Cooperate"});
}

TEST_CASE("backward induction: EFG-CENT-4 takes at once, (2/5, 1/10)") {
  const Game g = centipede();
  const auto result = solve_backward_induction(g, {.all = true});
  CHECK(result.total_count == 1);
  REQUIRE(result.equilibria.size() == 1);
  CHECK(result.equilibria[0].payoffs ==
        std::vector<Rational>{Rational(2, 5), Rational(1, 10)});
  CHECK(chosen_actions(g, result.equilibria[0].profile) ==
        std::vector<std::string>{"take", "take", "take", "take"});
}

TEST_CASE(
    "backward induction: EFG-ULT-4 and EFG-ULT-10 have exactly 2 pure SPE") {
  for (const int pie : {4, 10}) {
    CAPTURE(pie);
    const Game g = ultimatum(pie);
    const auto result = solve_backward_induction(g, {.all = true});
    CHECK(result.total_count == 2);
    REQUIRE(result.equilibria.size() == 2);
    std::set<std::vector<Rational>> payoffs;
    for (const auto& eq : result.equilibria) {
      CHECK(eq.verification.max_regret == 0);
      payoffs.insert(eq.payoffs);
    }
    // (offer 0; accept all) and (offer 1; accept k >= 1, reject 0).
    CHECK(payoffs == std::set<std::vector<Rational>>{{pie, 0}, {pie - 1, 1}});
    // One SPE: ties go to the first action, accept.
    const auto one = solve_backward_induction(g);
    CHECK(one.equilibria[0].payoffs == std::vector<Rational>{pie, 0});
  }
}

TEST_CASE(
    "backward induction: the count stays exact when the listing is capped") {
  // Two players each indifferent at 20 independent nodes: 2^20 pure SPE.
  GameBuilder<Rational> b;
  const auto p = b.add_player("P");
  const auto q = b.add_player("Q");
  const auto pair = b.add_action_set({"x", "y"});
  const auto zero = b.add_outcome("", {0, 0});
  std::vector<NodeId> leaves{b.root()};
  while (leaves.size() < (1u << 4)) {
    std::vector<NodeId> next;
    for (const NodeId v : leaves)
      for (const NodeId c :
           b.move(v, b.add_infoset(next.size() % 2 ? p : q, "", pair)))
        next.push_back(c);
    leaves = next;
  }
  for (const NodeId v : leaves) {
    const auto kids = b.move(v, b.add_infoset(q, "", pair));
    b.set_outcome(kids[0], zero);
    b.set_outcome(kids[1], zero);
  }
  const Game g = std::move(b).freeze();
  const auto result =
      solve_backward_induction(g, {.all = true, .max_equilibria = 5});
  // Every one of the 15 inner and 16 last decision nodes is a free tie.
  CHECK(result.total_count == std::uint64_t(1) << 31);
  CHECK_FALSE(result.total_is_lower_bound);
  CHECK(result.equilibria.size() == 5);
  CHECK(result.truncated());
  std::set<std::vector<ActionId>> distinct;
  for (const auto& eq : result.equilibria) {
    std::vector<ActionId> choice;
    for (InfosetId s = 0; s < g.tree().infoset_count(); ++s)
      choice.push_back(eq.profile.pure_action(s));
    distinct.insert(choice);
  }
  CHECK(distinct.size() == 5);
}

TEST_CASE("backward induction: double mode agrees with exact mode") {
  // Rubinstein's game over 3 rounds, offers on a grid of eighths (the
  // tree itself is tested against the closed form in rubinstein_test).
  const Game g = rubinstein_game(Rational(1, 2), Rational(1, 2), 3, 8);
  const auto exact = solve_backward_induction(g);
  const auto fast = solve_backward_induction(g.convert<double>());
  CHECK(fast.equilibria[0].payoffs[0] == doctest::Approx(0.75));
  CHECK(fast.equilibria[0].verification.max_regret == 0.0);
  CHECK(fast.equilibria[0].verification.tolerance > 0.0);
}

TEST_CASE(
    "backward induction: each player evaluates chance with its own beliefs") {
  // Ukraine chooses Settle (1/2 each) or Fight: a battle Ukraine wins with
  // objective odds 1/2 (winner takes 1, each pays 1/5). Ukraine believes it
  // wins with 4/5, so it expects 3/5 from fighting and fights; Russia
  // believes Ukraine wins with 1/5.
  GameBuilder<Rational> b;
  const auto ukraine = b.add_player("Ukraine");
  const auto russia = b.add_player("Russia");
  const auto battle = b.add_chance_infoset(
      "battle",
      {{"Ukraine wins", Rational(1, 2)}, {"Russia wins", Rational(1, 2)}});
  b.set_beliefs(ukraine, battle, {Rational(4, 5), Rational(1, 5)});
  b.set_beliefs(russia, battle, {Rational(1, 5), Rational(4, 5)});
  const auto choice =
      b.move(b.root(), b.add_infoset(ukraine, "", {"Settle", "Fight"}));
  b.set_outcome(choice[0],
                b.add_outcome("deal", {Rational(1, 2), Rational(1, 2)}));
  const auto war = b.move(choice[1], battle);
  b.set_outcome(war[0], b.add_outcome("", {Rational(4, 5), Rational(-1, 5)}));
  b.set_outcome(war[1], b.add_outcome("", {Rational(-1, 5), Rational(4, 5)}));
  const Game g = std::move(b).freeze();
  const auto eq = solve_backward_induction(g).equilibria[0];
  CHECK(g.tree().action_label(eq.profile.pure_action(g.tree().infoset(0))) ==
        "Fight");
  CHECK(eq.payoffs == std::vector<Rational>{Rational(3, 5), Rational(3, 5)});
  CHECK(eq.objective_payoffs ==
        std::vector<Rational>{Rational(3, 10), Rational(3, 10)});
  // With common (objective) beliefs Ukraine would settle: 1/2 > 3/10.
}

TEST_CASE(
    "backward induction: imperfect information is refused in one sentence") {
  CHECK_THROWS_WITH_AS(
      solve_backward_induction(test::guessing_game()),
      "backward induction needs perfect information, but information set 1 "
      "of player 2 (Bob), \"guess\" holds 2 nodes (the mover cannot tell them "
      "apart)",
      UnsupportedGame);
}

TEST_CASE(
    "backward induction: a chain a million nodes deep solves without "
    "recursion") {
  // Ties between these few payoff values make the equilibria countless.
  const auto g = test::take_or_pass_chain<double>(1'000'000, [](int i) {
    return std::array{double(i % 7), double(i % 5)};
  });
  const auto result = solve_backward_induction(g);
  CHECK(result.equilibria[0].verification.passed());
  const auto all =
      solve_backward_induction(g, {.all = true, .max_equilibria = 2});
  CHECK(all.total_is_lower_bound);
  CHECK(all.truncated());
  CHECK(all.equilibria[0].verification.passed());
}
