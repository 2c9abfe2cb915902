// Expected payoffs of a behaviour profile at every node of the tree, for
// every player, in one reverse scan (children before parents).
//
// A node's value is a row of one payoff per player. Where a node's value is
// just one child's (a pure action) the row is shared, not copied: a node
// holds the number of its row, which is a terminal's payoffs in the game or
// a row computed into a pool. That keeps exact evaluation of big trees from
// copying rationals, and costs four bytes a node.
#pragma once

#include <concepts>
#include <cstdint>
#include <span>
#include <vector>

#include "bargain/game/profile.hpp"
#include "bargain/game/tree.hpp"

namespace bargain {

/// Whose probabilities chance plays with when a payoff is evaluated.
enum class ChanceView {
  own_beliefs,  ///< each player's payoff under its own beliefs
  objective,    ///< everyone's payoff under the game's objective odds
};

namespace detail {

// Rows of one payoff per player, numbered the game's terminals first (by
// terminal index), then rows computed into a pool. A node's value is a row
// number: sharing a child's row copies no rationals, and as there is at
// most one row per node, 32 bits number them all.
template <Scalar T>
class PayoffRows {
 public:
  explicit PayoffRows(const ExtensiveGame<T>& game)
      : players_(game.player_count()),
        terminal_rows_(game.tree().terminal_count()),
        terminal_payoffs_(game.terminal_payoffs().data()) {}

  const T* operator[](std::uint32_t r) const {
    return r < terminal_rows_ ? terminal_payoffs_ + r * players_
                              : pool_.data() + (r - terminal_rows_) * players_;
  }
  /// The number the next row added will have; add it one payoff at a time.
  std::uint32_t next_row() const {
    return static_cast<std::uint32_t>(terminal_rows_ + pool_.size() / players_);
  }
  void add(T payoff) { pool_.push_back(std::move(payoff)); }

 private:
  std::size_t players_;
  std::size_t terminal_rows_;
  const T* terminal_payoffs_;
  std::vector<T> pool_;
};

// `condition ? a : b` by arithmetic. Where the condition is as good as
// random (is a child terminal? is it the best?), GCC still compiles the
// conditional into a branch, mispredicted half the time at some fifteen
// cycles each: more than all the rest of the work on a node.
template <std::unsigned_integral U>
constexpr U select(bool condition, U a, U b) {
  return static_cast<U>(b + static_cast<U>(condition) * (a - b));
}

}  // namespace detail

/// Values of the nodes of a game; they refer to the game's payoffs, so the
/// game must outlive them.
template <Scalar T>
class NodeValues {
 public:
  /// Each player's expected payoff from node v on.
  std::span<const T> at(NodeId v) const { return {rows_[row_[v]], players_}; }

 private:
  template <Scalar U>
  friend NodeValues<U> evaluate_nodes(const ExtensiveGame<U>&,
                                      const BehaviorProfile<U>&, ChanceView);
  explicit NodeValues(const ExtensiveGame<T>& game)
      : players_(game.player_count()), rows_(game) {}

  std::size_t players_;
  BigVector<std::uint32_t> row_;  // per node
  detail::PayoffRows<T> rows_;
};

/// Values of every node under `profile`. Unreached nodes are evaluated too:
/// subgame perfection is about them.
template <Scalar T>
NodeValues<T> evaluate_nodes(const ExtensiveGame<T>& game,
                             const BehaviorProfile<T>& profile,
                             ChanceView view = ChanceView::own_beliefs) {
  const GameTree& tree = game.tree();
  const std::size_t players = game.player_count();
  NodeValues<T> values(game);
  auto& row = values.row_;
  row.resize(tree.node_count());  // a lone root is terminal 0
  // Inner nodes from last to first: children before parents. A node gives
  // its terminal children their rows, so the scan never visits terminals:
  // whether a node is one is as good as random, and a branch on it would
  // be mispredicted at every other node.
  const auto inner = tree.inner_nodes();
  for (std::size_t i = inner.size(); i-- > 0;) {
    const NodeId v = inner[i];
    const auto kids = tree.children(v);
    const InfosetId set = tree.infoset(v);
    const bool decision = tree.kind(v) == NodeKind::decision;
    const auto weights = decision ? profile.at(set) : std::span<const T>{};
    std::size_t pure = kids.size();  // the first action played for sure
    for (std::size_t j = kids.size(); j-- > 0;) {
      const NodeId c = kids[j];
      row[c] = detail::select(
          tree.is_terminal(c),
          static_cast<std::uint32_t>(tree.terminal_index(c)), row[c]);
      if (decision) pure = detail::select(weights[j] == 1, j, pure);
    }
    if (pure < kids.size()) {
      row[v] = row[kids[pure]];
      continue;
    }
    row[v] = values.rows_.next_row();
    for (PlayerId p = 0; p < players; ++p) {
      const auto w = decision                        ? weights
                     : view == ChanceView::objective ? game.probabilities(set)
                                                     : game.beliefs(p, set);
      T sum = T(0);
      for (std::size_t j = 0; j < kids.size(); ++j)
        if (w[j] != 0) sum += w[j] * values.rows_[row[kids[j]]][p];
      values.rows_.add(std::move(sum));
    }
  }
  return values;
}

/// Each player's expected payoff of the whole game under `profile`.
template <Scalar T>
std::vector<T> expected_payoffs(const ExtensiveGame<T>& game,
                                const BehaviorProfile<T>& profile,
                                ChanceView view = ChanceView::own_beliefs) {
  const auto values = evaluate_nodes(game, profile, view);
  const auto root = values.at(game.tree().root());
  return {root.begin(), root.end()};
}

}  // namespace bargain
