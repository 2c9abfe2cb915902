// Every two-player game with perfect recall that gambit-lcp (17.0.0-alpha.2)
// solved: sequence-form Lemke follows Gambit's path and so reports the very
// same equilibrium, equal as exact rationals; in double, within 1e-9.
#include <doctest/doctest.h>

#include <filesystem>

#include "bargain/io/efg.hpp"
#include "bargain/io/gambit_profile.hpp"
#include "bargain/solve/sequence_lemke.hpp"
#include "support.hpp"

using namespace bargain;

TEST_CASE(
    "peers: sequence-form Lemke equals gambit-lcp on every game it solved") {
  std::size_t compared = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(test::kGambitDir + "results")) {
    const std::string file = entry.path().filename().string();
    if (!file.ends_with(".efg.lcp.txt")) continue;
    const std::string name = file.substr(0, file.size() - 8);
    const auto theirs =
        read_gambit_lines(test::read_text(entry.path().string()));
    if (theirs.empty()) continue;  // Gambit refused or failed to read it
    CAPTURE(name);
    const Game game = read_efg_file(test::kGambitDir + "games/" + name);
    if (game.tree().player_count() != 2 || !game.tree().has_perfect_recall())
      continue;
    const auto exact = solve_sequence_lemke(game).equilibria.front();
    CHECK(exact.verification.max_regret == 0);
    CHECK(read_gambit_lines(to_gambit_line(exact.profile)).front() ==
          theirs.front());

    const auto approx =
        solve_sequence_lemke(game.convert<double>()).equilibria.front();
    CHECK(approx.verification.passed());
    ++compared;
    // Payoffs of 10^19 beside payoffs of 1 (large_payoff_game) are beyond
    // double's 53 bits: there double finds another profile, verified to
    // its tolerance (1e-9 of the largest payoff), and is not compared.
    if (payoff_scale(game) > Rational(1ull << 53)) continue;
    const auto flat = read_gambit_lines(to_gambit_line(approx.profile)).front();
    REQUIRE(flat.size() == theirs.front().size());
    for (std::size_t i = 0; i < flat.size(); ++i)
      CHECK(to_double(flat[i]) ==
            doctest::Approx(to_double(theirs.front()[i])).epsilon(1e-9));
  }
  CHECK(compared == 110);
}
