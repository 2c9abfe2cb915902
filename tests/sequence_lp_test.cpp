#include "bargain/solve/sequence_lp.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include "bargain/games/poker.hpp"
#include "bargain/io/efg.hpp"
#include "support.hpp"

using namespace bargain;

TEST_CASE(
    "sequence-form LP: Kuhn poker's value is -1/18, exactly (oracle "
    "EFG-KUHN)") {
  const auto kuhn = kuhn_poker<Rational>();
  const auto result = solve_sequence_lp(kuhn);
  CHECK(result.method == "sequence-form LP");  // the exact basis held
  const auto& eq = result.equilibria.front();
  CHECK(eq.payoffs[0] == Rational(-1, 18));
  CHECK(nash_conv(kuhn, eq.profile) == 0);
  const auto approx =
      solve_sequence_lp(kuhn.convert<double>()).equilibria.front();
  CHECK(approx.payoffs[0] == doctest::Approx(-1.0 / 18).epsilon(1e-12));
}

TEST_CASE("sequence-form LP: Leduc poker, 936 information sets, exactly") {
  const auto leduc = leduc_poker<Rational>();
  std::size_t player_sets = 0;
  for (PlayerId p = 0; p < 2; ++p)
    player_sets += leduc.tree().infosets_of(p).size();
  CHECK(player_sets == 936);
  const auto result = solve_sequence_lp(leduc);
  CHECK(result.method == "sequence-form LP");
  const auto& eq = result.equilibria.front();
  CHECK(eq.verification.max_regret == 0);
  CHECK(to_double(eq.payoffs[0]) == doctest::Approx(-0.0856064).epsilon(1e-6));
  const auto approx =
      solve_sequence_lp(leduc.convert<double>()).equilibria.front();
  CHECK(approx.payoffs[0] ==
        doctest::Approx(to_double(eq.payoffs[0])).epsilon(1e-9));
}

TEST_CASE(
    "sequence-form LP: the value equals Lemke's on Gambit's constant-sum "
    "games") {
  std::size_t compared = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(test::kGambitDir + "games")) {
    if (entry.path().extension() != ".efg") continue;
    const Game game = read_efg_file(entry.path().string());
    const GameTree& tree = game.tree();
    if (tree.player_count() != 2 || !tree.has_perfect_recall()) continue;
    try {
      require_constant_sum(game, "");
    } catch (const UnsupportedGame&) {
      continue;
    }
    CAPTURE(entry.path().filename().string());
    const auto lp = solve_sequence_lp(game).equilibria.front();
    const auto lemke = solve_sequence_lemke(game).equilibria.front();
    CHECK(lp.verification.max_regret == 0);
    CHECK(lp.payoffs == lemke.payoffs);
    ++compared;
  }
  CHECK(compared >= 10);
}

TEST_CASE("sequence-form LP: refusals") {
  CHECK_THROWS_WITH_AS(solve_sequence_lp(test::entry_game()),
                       "sequence-form LP solves constant-sum games; terminal "
                       "payoffs sum to 6 at the first terminal and 0 at "
                       "terminal 2 (use the lcp method instead)",
                       UnsupportedGame);
  CHECK_THROWS_WITH_AS(solve_sequence_lp(test::sure_of_heads_game()),
                       doctest::Contains("players hold their own beliefs"),
                       UnsupportedGame);
}

TEST_CASE("poker games shipped in examples/games are the builders' own") {
  const std::string dir = std::string(BARGAIN_SOURCE_DIR) + "/examples/games/";
  CHECK(test::read_text(dir + "kuhn_poker.efg") ==
        to_efg(kuhn_poker<Rational>()));
  CHECK(test::read_text(dir + "leduc_poker.efg") ==
        to_efg(leduc_poker<Rational>()));
}
