#include "bargain/solve/best_response.hpp"

#include <doctest/doctest.h>

#include "bargain/games/poker.hpp"
#include "bargain/io/efg.hpp"
#include "support.hpp"

using namespace bargain;

namespace {

// OpenSpiel's equilibrium family of Kuhn poker (oracle EFG-KUHN): player 1
// bets J with alpha, K with 3 alpha, calls with Q at alpha + 1/3; player 2
// calls a bet with K and with Q at 1/3, bets after a pass with K and J at 1/3.
template <Scalar T>
BehaviorProfile<T> kuhn_equilibrium(const ExtensiveGame<T>& kuhn, T alpha) {
  const GameTree& tree = kuhn.tree();
  BehaviorProfile<T> profile(kuhn.shared_tree());
  const std::map<std::string, T> bet{{"J", alpha},
                                     {"Q", T(0)},
                                     {"K", 3 * alpha},
                                     {"J:pb", T(0)},
                                     {"Q:pb", alpha + T(1) / 3},
                                     {"K:pb", T(1)},
                                     {"J:b", T(0)},
                                     {"Q:b", T(1) / 3},
                                     {"K:b", T(1)},
                                     {"J:p", T(1) / 3},
                                     {"Q:p", T(0)},
                                     {"K:p", T(1)}};
  for (PlayerId p = 0; p < 2; ++p)
    for (const InfosetId set : tree.infosets_of(p)) {
      const T b = bet.at(std::string(tree.infoset_label(set)));
      const ActionId pass = *tree.actions(set).begin();
      profile[pass] = 1 - b;
      profile[pass + 1] = b;
    }
  return profile;
}

}  // namespace

TEST_CASE("best response: Kuhn poker's equilibria have NashConv exactly 0") {
  const auto kuhn = kuhn_poker<Rational>();
  for (const Rational& alpha : {Rational(0), Rational(1, 6), Rational(1, 3)}) {
    CAPTURE(alpha);
    const auto r = regrets(kuhn, kuhn_equilibrium(kuhn, alpha));
    CHECK(r.payoff[0] == Rational(-1, 18));
    CHECK(r.best_response[0] == Rational(-1, 18));
    CHECK(r.best_response[1] == Rational(1, 18));
    CHECK(r.nash_conv() == 0);
  }
}

TEST_CASE("best response: a deviation is found and is worth what it gains") {
  const auto kuhn = kuhn_poker<Rational>();
  // Player 2 folds to every bet, though player 1 bets its kings.
  auto profile = kuhn_equilibrium(kuhn, Rational(1, 3));
  const GameTree& tree = kuhn.tree();
  for (const InfosetId set : tree.infosets_of(1))
    if (tree.infoset_label(set).ends_with(":b"))
      profile.set_pure(*tree.actions(set).begin());
  const auto r = regrets(kuhn, profile);
  CHECK(r.regret(0) > 0);
  CHECK(r.regret(1) > 0);  // calling with a king gains
  for (PlayerId p = 0; p < 2; ++p) {
    const auto response = best_response(kuhn, profile, p);
    CHECK(regrets(kuhn, response).payoff[p] == r.best_response[p]);
  }
  // Against a player who never calls, betting a jack beats passing it.
  const auto response = best_response(kuhn, profile, 0);
  for (const InfosetId set : tree.infosets_of(0))
    if (tree.infoset_label(set) == "J") CHECK(response.at(set)[1] == 1);
  CHECK(nash_conv(kuhn, profile) == r.regret(0) + r.regret(1));
  CHECK_FALSE(verify_nash(kuhn, profile).passed());
}

TEST_CASE("best response: double agrees with exact") {
  const auto kuhn = kuhn_poker<Rational>();
  const auto exact = regrets(kuhn, kuhn_equilibrium(kuhn, Rational(1, 7)));
  const auto kd = kuhn.convert<double>();
  const auto approx = regrets(kd, kuhn_equilibrium(kd, 1.0 / 7));
  for (PlayerId p = 0; p < 2; ++p) {
    CHECK(approx.payoff[p] == doctest::Approx(to_double(exact.payoff[p])));
    CHECK(approx.best_response[p] ==
          doctest::Approx(to_double(exact.best_response[p])));
  }
  CHECK(verify_nash(kd, kuhn_equilibrium(kd, 1.0 / 7)).passed());
}

TEST_CASE("best response: Selten's horse, three players (oracle EFG-HORSE)") {
  const Game horse =
      read_efg_file(test::kGambitDir + "games/selten1975_fig1.efg");
  const GameTree& tree = horse.tree();
  // Actions are R then L at each player's single set.
  const auto pure = [&](int a1, int a2, int a3) {
    BehaviorProfile<Rational> profile(horse.shared_tree());
    const int choice[3] = {a1, a2, a3};
    for (PlayerId p = 0; p < 3; ++p)
      profile.set_pure(*tree.actions(tree.infosets_of(p)[0]).begin() +
                       choice[p]);
    return profile;
  };
  // (R, R, L) and (L, R, R) are Nash; the first is not sequentially rational
  // but no best response reveals that.
  CHECK(verify_nash(horse, pure(0, 0, 1)).max_regret == 0);
  CHECK(regrets(horse, pure(0, 0, 1)).payoff == std::vector<Rational>{1, 1, 1});
  CHECK(verify_nash(horse, pure(1, 0, 0)).max_regret == 0);
  CHECK(regrets(horse, pure(1, 0, 0)).payoff == std::vector<Rational>{3, 2, 2});
  // (L, L, L) ends at (0, 0, 0): player 3 gains 2 by R; player 1's R would
  // meet player 3's L at the other node, (0, 0, 1), and gains nothing.
  const auto r = regrets(horse, pure(1, 1, 1));
  CHECK(r.regret(0) == 0);
  CHECK(r.regret(2) == 2);
  CHECK(r.max_regret() == 2);
}

TEST_CASE(
    "best response: subjective chance, each player under its own beliefs") {
  // Player 1 is sure of heads; objectively the coin is fair.
  const Game game = test::sure_of_heads_game();
  const InfosetId guess = game.tree().infosets_of(0)[0];
  BehaviorProfile<Rational> tails(game.shared_tree());
  tails.set_pure(*game.tree().actions(guess).begin() + 1);
  const auto r = regrets(game, tails);
  CHECK(r.payoff[0] == -1);  // sure it is heads
  CHECK(r.best_response[0] == 1);
  CHECK(r.payoff[1] == 0);  // objective odds
}

TEST_CASE("best response: refusals") {
  const Game myerson = read_efg_file(test::kGambitDir + "games/myerson.efg");
  CHECK_THROWS_AS(
      regrets(myerson, BehaviorProfile<Rational>(myerson.shared_tree())),
      UnsupportedGame);
  const auto kuhn = kuhn_poker<Rational>();
  CHECK_THROWS_WITH_AS(
      regrets(kuhn, BehaviorProfile<Rational>(myerson.shared_tree())),
      "a behaviour profile used with a game it was not made for", GameError);
}
