// Games and helpers several test suites share.
#pragma once

#include <array>
#include <exception>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "bargain/bargaining/preferences.hpp"
#include "bargain/error.hpp"
#include "bargain/game/builder.hpp"

namespace bargain::test {

/// Gambit's games and answers, beside the checkout (never copied in).
inline const std::string kGambitDir =
    std::string(BARGAIN_SHARED_DIR) + "/peers/gambit/";

/// A whole file as text; empty if it cannot be read.
inline std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Selten's entry game: Out (1,5); In, then Fight (0,0) or Cooperate (2,2).
inline Game entry_game() {
  GameBuilder<Rational> b("Entry");
  const auto entrant = b.add_player("Entrant");
  const auto incumbent = b.add_player("Incumbent");
  const auto first =
      b.move(b.root(), b.add_infoset(entrant, "enter?", {"Out", "In"}));
  b.set_outcome(first[0], b.add_outcome("out", {1, 5}));
  const auto second = b.move(
      first[1], b.add_infoset(incumbent, "respond", {"Fight", "Cooperate"}));
  b.set_outcome(second[0], b.add_outcome("war", {0, 0}));
  b.set_outcome(second[1], b.add_outcome("peace", {2, 2}));
  return std::move(b).freeze();
}

/// Player A ("A") picks L or R; Bob guesses without seeing it: one
/// information set ("guess") of two nodes. No payoffs.
inline Game guessing_game() {
  GameBuilder<Rational> b;
  const auto a = b.add_player("A");
  const auto bob = b.add_player("Bob");
  const auto first = b.move(b.root(), b.add_infoset(a, "", {"L", "R"}));
  const auto guess = b.add_infoset(bob, "guess", {"l", "r"});
  b.move(first[0], guess);
  b.move(first[1], guess);
  return std::move(b).freeze();
}

/// A coin, fair in fact, that the guesser (player 0) believes lands heads
/// for sure; the guesser calls it unseen ("guess": h or t) and wins 1 from
/// the bystander if right, loses 1 if wrong. Zero-sum, subjective chance.
inline Game sure_of_heads_game() {
  GameBuilder<Rational> b;
  const auto guesser = b.add_player("guesser");
  b.add_player("bystander");
  const auto coin = b.add_chance_infoset(
      "coin", {{"H", Rational(1, 2)}, {"T", Rational(1, 2)}});
  b.set_beliefs(guesser, coin, {1, 0});
  const auto flips = b.move(b.root(), coin);
  const auto guess = b.add_infoset(guesser, "guess", {"h", "t"});
  for (int side = 0; side < 2; ++side) {
    const auto kids = b.move(flips[side], guess);
    for (int g = 0; g < 2; ++g)
      b.set_outcome(
          kids[g], b.add_outcome("", {g == side ? 1 : -1, g == side ? -1 : 1}));
  }
  return std::move(b).freeze();
}

/// A centipede-like chain `depth` moves deep: players 1 and 2 alternate,
/// "take" ends the game with payoff(i) at move i, "pass" goes on. Built to
/// show that nothing recurses on the depth of a tree.
template <Scalar T, class Payoff>
ExtensiveGame<T> take_or_pass_chain(int depth, Payoff payoff) {
  GameBuilder<T> b("chain");
  const PlayerId player[2] = {b.add_player("1"), b.add_player("2")};
  const auto step = b.add_action_set({"take", "pass"});
  NodeId v = b.root();
  for (int i = 0; i < depth; ++i) {
    // One information set per move: perfect information.
    const auto kids = b.move(v, b.add_infoset(player[i % 2], "", step));
    const std::array<T, 2> u = payoff(i);
    b.set_outcome(kids[0], b.add_outcome("", {u[0], u[1]}));
    v = kids[1];
  }
  return std::move(b).freeze();
}

/// The message of the ParseError that `read(text, file)` throws; "accepted"
/// if it throws nothing.
template <class Read>
std::string parse_error(Read read, std::string_view text,
                        const std::string& file) {
  try {
    read(text, file);
  } catch (const ParseError& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("not a ParseError: ") + e.what();
  }
  return "accepted";
}

/// The rationals 0, 1/n, ..., 1: a grid for property tests.
inline std::vector<Rational> unit_grid(long n) {
  std::vector<Rational> grid;
  for (long k = 0; k <= n; ++k) grid.emplace_back(k, n);
  return grid;
}

/// ZOPA-LINK (shared/oracles/bargaining.md): on issues X and Y, positions
/// being A's shares, A cares more about Y and B about X; both need 11/20.
inline std::vector<Actor> logroll_actors() {
  return {{"A",
           Preference::spatial({1, 1}, {Rational(3, 10), Rational(7, 10)},
                               Loss::linear, 1),
           Rational(11, 20)},
          {"B",
           Preference::spatial({0, 0}, {Rational(7, 10), Rational(3, 10)},
                               Loss::linear, 1),
           Rational(11, 20)}};
}

}  // namespace bargain::test
