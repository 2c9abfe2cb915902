// Expected payoffs of a behaviour profile at every node of the tree, for
// every player, in one reverse scan (children before parents).
//
// A node's value is a row of one payoff per player. Where a node's value is
// just one child's (a pure action) the row is shared, not copied: rows are
// pointers into the game's terminal payoffs or into a pool of computed rows,
// which keeps exact evaluation of big trees from copying rationals.
#pragma once

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

template <Scalar T>
class NodeValues {
 public:
  /// Each player's expected payoff from node v on.
  std::span<const T> at(NodeId v) const { return {row_[v], players_}; }

 private:
  template <Scalar U>
  friend NodeValues<U> evaluate_nodes(const ExtensiveGame<U>&,
                                      const BehaviorProfile<U>&, ChanceView);
  std::size_t players_ = 0;
  std::vector<const T*> row_;
  std::vector<T> pool_;  // rows of nodes whose value mixes children
};

/// Values of every node under `profile`. Unreached nodes are evaluated too:
/// subgame perfection is about them.
template <Scalar T>
NodeValues<T> evaluate_nodes(const ExtensiveGame<T>& game,
                             const BehaviorProfile<T>& profile,
                             ChanceView view = ChanceView::own_beliefs) {
  const GameTree& tree = game.tree();
  const std::size_t n = tree.node_count();
  const std::size_t players = game.player_count();
  NodeValues<T> values;
  values.players_ = players;
  values.row_.resize(n);

  // Reserve the pool up front so row pointers into it stay valid.
  std::size_t mixing = 0;
  for (NodeId v = 0; v < n; ++v)
    if (!tree.is_terminal(v) &&
        (tree.kind(v) == NodeKind::chance ||
         profile.pure_action(tree.infoset(v)) == kNoAction))
      ++mixing;
  values.pool_.reserve(mixing * players);

  for (NodeId v = static_cast<NodeId>(n); v-- > 0;) {
    if (tree.is_terminal(v)) {
      values.row_[v] = game.payoffs(v).data();
      continue;
    }
    const auto kids = tree.children(v);
    const InfosetId set = tree.infoset(v);
    if (tree.kind(v) == NodeKind::decision) {
      const ActionId pure = profile.pure_action(set);
      if (pure != kNoAction) {
        values.row_[v] = values.row_[kids[tree.action_index(pure)]];
        continue;
      }
    }
    const std::size_t at = values.pool_.size();
    for (PlayerId p = 0; p < players; ++p) {
      const auto weights = tree.kind(v) == NodeKind::decision ? profile.at(set)
                           : view == ChanceView::objective
                               ? game.probabilities(set)
                               : game.beliefs(p, set);
      T sum = T(0);
      for (std::size_t j = 0; j < kids.size(); ++j)
        if (weights[j] != T(0)) sum += weights[j] * values.row_[kids[j]][p];
      values.pool_.push_back(std::move(sum));
    }
    values.row_[v] = values.pool_.data() + at;
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
