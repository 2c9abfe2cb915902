#include "bargain/solve/sequence_lemke.hpp"

#include <doctest/doctest.h>

#include "bargain/games/poker.hpp"
#include "bargain/io/efg.hpp"
#include "support.hpp"

using namespace bargain;

namespace {

// Beer-Quiche (oracle EFG-BQ): strong w.p. 9/10, weak 1/10. The sender gets
// 1 for its preferred breakfast (strong: beer, weak: quiche) plus 2 if not
// dueled; the receiver 1 for dueling the weak or sparing the strong.
Game beer_quiche() {
  GameBuilder<Rational> b("Beer-Quiche");
  const auto sender = b.add_player("Sender");
  const auto receiver = b.add_player("Receiver");
  const auto type = b.move(
      b.root(), b.add_chance_infoset("type", {{"strong", Rational(9, 10)},
                                              {"weak", Rational(1, 10)}}));
  const auto breakfast = b.add_action_set({"beer", "quiche"});
  const InfosetId after[2] = {
      b.add_infoset(receiver, "after beer", {"duel", "spare"}),
      b.add_infoset(receiver, "after quiche", {"duel", "spare"})};
  for (int t = 0; t < 2; ++t) {
    const bool strong = t == 0;
    const auto meal = b.move(
        type[t], b.add_infoset(sender, strong ? "strong" : "weak", breakfast));
    for (int m = 0; m < 2; ++m) {
      const auto response = b.move(meal[m], after[m]);
      const int liked = (m == 0) == strong ? 1 : 0;
      for (int r = 0; r < 2; ++r) {
        const bool duel = r == 0;
        b.set_outcome(response[r], b.add_outcome("", {liked + (duel ? 0 : 2),
                                                      duel != strong ? 1 : 0}));
      }
    }
  }
  return std::move(b).freeze();
}

}  // namespace

TEST_CASE("sequence-form Lemke: Kuhn poker, exactly (oracle EFG-KUHN)") {
  const auto kuhn = kuhn_poker<Rational>();
  const auto result = solve_sequence_lemke(kuhn);
  REQUIRE(result.equilibria.size() == 1);
  const auto& eq = result.equilibria.front();
  CHECK(eq.payoffs[0] == Rational(-1, 18));
  CHECK(eq.verification.max_regret == 0);
  CHECK(nash_conv(kuhn, eq.profile) == 0);

  const auto approx = solve_sequence_lemke(kuhn.convert<double>());
  CHECK(approx.equilibria.front().payoffs[0] == doctest::Approx(-1.0 / 18));
  CHECK(approx.equilibria.front().verification.passed());
}

TEST_CASE("sequence-form Lemke: Beer-Quiche pools (oracle EFG-BQ)") {
  const Game game = beer_quiche();
  const auto eq = solve_sequence_lemke(game).equilibria.front();
  CHECK(eq.verification.max_regret == 0);
  // No equilibrium separates: the receiver learns nothing and spares, 9/10.
  CHECK(eq.payoffs[1] == Rational(9, 10));
  const GameTree& tree = game.tree();
  const auto strong = tree.infosets_of(0)[0], weak = tree.infosets_of(0)[1];
  CHECK(eq.profile.at(strong)[0] == eq.profile.at(weak)[0]);
}

TEST_CASE(
    "sequence-form Lemke: degenerate and awkward games get a verified answer") {
  SUBCASE("all payoffs zero") {
    const auto eq =
        solve_sequence_lemke(test::guessing_game()).equilibria.front();
    CHECK(eq.verification.max_regret == 0);
  }
  SUBCASE("a chance branch of probability zero") {
    GameBuilder<Rational> b;
    const auto p1 = b.add_player("1");
    const auto p2 = b.add_player("2");
    const auto coin = b.move(
        b.root(), b.add_chance_infoset("coin", {{"never", Rational(0)},
                                                {"always", Rational(1)}}));
    const auto guess = b.add_infoset(p2, "guess", {"l", "r"});
    for (int side = 0; side < 2; ++side) {
      const auto hide =
          b.move(coin[side], b.add_infoset(p1, side ? "a" : "n", {"L", "R"}));
      for (int h = 0; h < 2; ++h) {
        const auto kids = b.move(hide[h], guess);
        for (int g = 0; g < 2; ++g)
          b.set_outcome(kids[g],
                        b.add_outcome("", {g == h ? -1 : 1, g == h ? 1 : -1}));
      }
    }
    const auto eq =
        solve_sequence_lemke(std::move(b).freeze()).equilibria.front();
    CHECK(eq.verification.max_regret == 0);
    CHECK(eq.payoffs[0] == 0);  // matching pennies on the branch that happens
  }
  SUBCASE("subjective beliefs") {
    // Entry where the incumbent believes a fight is cheap (9/10) though it
    // is so only half the time: the entrant, knowing it, stays out.
    const auto entry = [](bool optimistic) {
      GameBuilder<Rational> b;
      const auto entrant = b.add_player("Entrant");
      const auto incumbent = b.add_player("Incumbent");
      const auto cost = b.add_chance_infoset(
          "cost", {{"high", Rational(1, 2)}, {"low", Rational(1, 2)}});
      if (optimistic)
        b.set_beliefs(incumbent, cost, {Rational(1, 10), Rational(9, 10)});
      const auto kind = b.move(b.root(), cost);
      const auto enter = b.add_infoset(entrant, "enter?", {"out", "in"});
      const auto respond =
          b.add_infoset(incumbent, "respond", {"fight", "share"});
      for (int c = 0; c < 2; ++c) {
        const auto first = b.move(kind[c], enter);
        b.set_outcome(first[0], b.add_outcome("", {0, 4}));
        const auto second = b.move(first[1], respond);
        b.set_outcome(second[0], b.add_outcome("", {-1, c == 0 ? -2 : 3}));
        b.set_outcome(second[1], b.add_outcome("", {2, 2}));
      }
      return std::move(b).freeze();
    };
    // It expects 0.1(-2) + 0.9(3) = 5/2 > 2 from fighting; objectively 1/2.
    const Game optimistic = entry(true), sober = entry(false);
    const auto deterred = solve_sequence_lemke(optimistic).equilibria.front();
    CHECK(deterred.verification.max_regret == 0);
    CHECK(deterred.payoffs == std::vector<Rational>{0, 4});
    const auto entered = solve_sequence_lemke(sober).equilibria.front();
    CHECK(entered.payoffs == std::vector<Rational>{2, 2});
  }
}

TEST_CASE("sequence-form Lemke: refusals name the obstacle") {
  CHECK_THROWS_WITH_AS(
      solve_sequence_lemke(
          read_efg_file(test::kGambitDir + "games/selten1975_fig1.efg")),
      "sequence-form Lemke solves two-player games; this game has 3 players",
      UnsupportedGame);
  CHECK_THROWS_WITH_AS(
      solve_sequence_lemke(
          read_efg_file(test::kGambitDir + "games/myerson.efg")),
      doctest::Contains(
          "sequence-form Lemke needs perfect recall: information set 2"),
      UnsupportedGame);
}
