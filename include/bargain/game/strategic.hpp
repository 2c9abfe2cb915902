// A strategic (normal-form) game: players, their strategies, and a payoff
// for every player at every contingency (pure-strategy profile).
//
// Payoffs live in one flat array, contingency x player, with contingencies
// in Gambit's odometer order: player 1's strategy changes fastest, so the
// contingency (s_1, ..., s_n) has index s_1 + n_1 * (s_2 + n_2 * (...)).
// For two players each player's payoffs form a column-major matrix (stride 2
// in that array), so later matrix views need no copy.
//
//   StrategicGame<Rational> bos("Battle of the sexes", {"Row", "Col"},
//                               {{"Opera", "Football"}, {"Opera", "Football"}},
//                               {2, 1, 0, 0, 0, 0, 1, 2});
//   const std::size_t both_football[] = {1, 1};
//   bos.payoff(bos.contingency_index(both_football), 1);  // 2
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "bargain/error.hpp"
#include "bargain/game/tree.hpp"
#include "bargain/numeric.hpp"

namespace bargain {

/// Largest number of contingencies a strategic game may have; a game that
/// would exceed it is refused before its payoffs are allocated.
inline constexpr std::size_t kMaxContingencies = 100'000'000;

/// The number of contingencies of players with these strategy counts.
/// Throws GameError when a player has no strategy, LimitError beyond
/// kMaxContingencies (checked step by step, so the product never overflows).
inline std::size_t count_contingencies(
    std::span<const std::size_t> strategy_counts) {
  std::size_t count = 1;
  for (std::size_t p = 0; p < strategy_counts.size(); ++p) {
    const std::size_t n = strategy_counts[p];
    if (n == 0)
      throw GameError("player " + std::to_string(p + 1) +
                      " has no strategy; every player needs at least one");
    if (count > kMaxContingencies / n)
      throw LimitError("a strategic game with more than " +
                       std::to_string(kMaxContingencies) + " contingencies");
    count *= n;
  }
  return count;
}

/// Payoffs given as named outcomes, as in Gambit's outcome-version .nfg. A
/// game keeps its table only so that such a file writes back the same way;
/// solvers read the payoffs it implies.
template <Scalar T>
struct OutcomeTable {
  std::vector<std::string> labels;
  std::vector<T> payoffs;  // outcome x player
  /// The outcome of each contingency, or kNoOutcome (every payoff 0).
  std::vector<OutcomeId> contingency_outcome;

  friend bool operator==(const OutcomeTable&, const OutcomeTable&) = default;
};

template <Scalar T>
class StrategicGame {
 public:
  using scalar_type = T;

  /// A game from its payoffs, contingency x player in odometer order.
  /// Throws GameError when the sizes do not fit together.
  StrategicGame(std::string title, std::vector<std::string> players,
                std::vector<std::vector<std::string>> strategies,
                std::vector<T> payoffs)
      : StrategicGame(std::move(title), std::move(players),
                      std::move(strategies)) {
    payoffs_ = std::move(payoffs);
    check_size("one payoff per player and contingency",
               contingency_count_ * player_count(), payoffs_.size());
  }

  /// A game whose payoffs an outcome table gives; the game keeps the table.
  /// Throws GameError when the sizes or outcome numbers do not fit.
  static StrategicGame from_outcomes(
      std::string title, std::vector<std::string> players,
      std::vector<std::vector<std::string>> strategies,
      OutcomeTable<T> outcomes) {
    StrategicGame game(std::move(title), std::move(players),
                       std::move(strategies));
    game.set_outcomes(std::move(outcomes));
    return game;
  }

  /// The title and free-text comment, as an .nfg file carries them.
  const std::string& title() const noexcept { return title_; }
  const std::string& comment() const noexcept { return comment_; }
  void set_comment(std::string comment) { comment_ = std::move(comment); }

  /// Players and each player's strategies, numbered from 0.
  std::size_t player_count() const noexcept { return players_.size(); }
  const std::string& player_name(PlayerId p) const { return players_[p]; }
  std::size_t strategy_count(PlayerId p) const { return strategies_[p].size(); }
  const std::string& strategy_label(PlayerId p, std::size_t s) const {
    return strategies_[p][s];
  }

  /// The number of pure-strategy profiles: the product of strategy counts.
  std::size_t contingency_count() const noexcept { return contingency_count_; }
  /// The index of the profile that gives player p strategy strategies[p]
  /// (one entry per player).
  std::size_t contingency_index(std::span<const std::size_t> strategies) const {
    std::size_t index = 0;
    for (std::size_t p = strategies.size(); p-- > 0;)
      index = index * strategies_[p].size() + strategies[p];
    return index;
  }

  /// Player p's payoff at one contingency.
  const T& payoff(std::size_t contingency, PlayerId p) const {
    return payoffs_[contingency * player_count() + p];
  }
  /// Every player's payoff at one contingency.
  std::span<const T> payoffs(std::size_t contingency) const {
    return {payoffs_.data() + contingency * player_count(), player_count()};
  }
  /// All payoffs, contingency x player.
  std::span<const T> payoff_table() const noexcept { return payoffs_; }

  /// The outcome table the game was made from (from_outcomes), if any.
  const std::optional<OutcomeTable<T>>& outcomes() const noexcept {
    return outcomes_;
  }

  /// The same game in another scalar.
  template <Scalar U>
  StrategicGame<U> convert() const {
    StrategicGame<U> out(title_, players_, strategies_);
    out.comment_ = comment_;
    out.payoffs_ = convert_scalars<std::vector<U>>(payoffs_);
    if (outcomes_)
      out.outcomes_ =
          OutcomeTable<U>{outcomes_->labels,
                          convert_scalars<std::vector<U>>(outcomes_->payoffs),
                          outcomes_->contingency_outcome};
    return out;
  }

  /// Same title, comment, players, strategies, payoffs and outcome table.
  friend bool operator==(const StrategicGame&, const StrategicGame&) = default;

 private:
  template <Scalar>
  friend class StrategicGame;

  // The shape alone; the public constructors fill in the payoffs.
  StrategicGame(std::string title, std::vector<std::string> players,
                std::vector<std::vector<std::string>> strategies)
      : title_(std::move(title)),
        players_(std::move(players)),
        strategies_(std::move(strategies)),
        contingency_count_(check_shape()) {}

  void set_outcomes(OutcomeTable<T> outcomes) {
    const std::size_t n = player_count();
    const std::size_t count = outcomes.labels.size();
    check_size("one payoff per outcome and player in its outcome table",
               count * n, outcomes.payoffs.size());
    check_size("one outcome number per contingency", contingency_count_,
               outcomes.contingency_outcome.size());
    payoffs_.assign(contingency_count_ * n, T(0));
    for (std::size_t c = 0; c < contingency_count_; ++c) {
      const OutcomeId o = outcomes.contingency_outcome[c];
      if (o == kNoOutcome) continue;
      if (o >= count)
        throw GameError("contingency " + std::to_string(c) +
                        " refers to outcome " + std::to_string(o) +
                        ", beyond the end of the outcome table (size " +
                        std::to_string(count) + ")");
      std::copy_n(outcomes.payoffs.begin() + static_cast<std::ptrdiff_t>(o * n),
                  n, payoffs_.begin() + static_cast<std::ptrdiff_t>(c * n));
    }
    outcomes_ = std::move(outcomes);
  }

  // Every player has a list of strategies; returns the contingency count.
  std::size_t check_shape() const {
    check_size("one strategy list per player", players_.size(),
               strategies_.size());
    std::vector<std::size_t> counts;
    for (const auto& s : strategies_) counts.push_back(s.size());
    return count_contingencies(counts);
  }

  static void check_size(std::string_view what, std::size_t expected,
                         std::size_t found) {
    if (found != expected)
      throw GameError("a strategic game needs " + std::string(what) +
                      ": expected " + std::to_string(expected) + ", given " +
                      std::to_string(found));
  }

  std::string title_, comment_;
  std::vector<std::string> players_;
  std::vector<std::vector<std::string>> strategies_;
  std::size_t contingency_count_;
  std::vector<T> payoffs_;  // contingency x player
  std::optional<OutcomeTable<T>> outcomes_;
};

}  // namespace bargain
