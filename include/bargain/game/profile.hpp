// Behaviour profiles: for every information set of every player, a
// probability for each of its actions. Stored flat, indexed by ActionId, so a
// profile is one array the size of the game's action list (chance actions
// hold 0 and are never read: chance plays by the game's probabilities).
#pragma once

#include <algorithm>
#include <memory>
#include <span>
#include <vector>

#include "bargain/error.hpp"
#include "bargain/game/tree.hpp"
#include "bargain/numeric.hpp"

namespace bargain {

template <Scalar T>
class BehaviorProfile {
 public:
  using scalar_type = T;

  /// All probabilities zero; fill with set_pure or operator[].
  explicit BehaviorProfile(std::shared_ptr<const GameTree> tree)
      : tree_(std::move(tree)), probability_(tree_->action_count(), T(0)) {}

  const GameTree& tree() const noexcept { return *tree_; }

  T& operator[](ActionId a) { return probability_[a]; }
  const T& operator[](ActionId a) const { return probability_[a]; }

  /// The probabilities of one information set's actions.
  std::span<const T> at(InfosetId set) const {
    const auto actions = tree_->actions(set);
    return {probability_.data() + *actions.begin(), actions.size()};
  }

  /// Plays `action` with certainty at its information set.
  void set_pure(ActionId action) {
    for (const ActionId a : tree_->actions(tree_->action_infoset(action)))
      probability_[a] = T(a == action ? 1 : 0);
  }

  /// The action played with certainty at `set`, or kNoAction if it mixes.
  ActionId pure_action(InfosetId set) const {
    // Against the integer 1: an exact T(1) would allocate on every call.
    for (const ActionId a : tree_->actions(set))
      if (probability_[a] == 1) return a;
    return kNoAction;
  }

  /// True for the tree the profile was made for, or an equal one.
  bool belongs_to(const GameTree& tree) const {
    return tree_.get() == &tree || *tree_ == tree;
  }

  /// The probability that play following this profile (and chance) reaches
  /// each node is positive: used to draw the path of play.
  std::vector<bool> reached(const ExtensiveGame<T>& game) const {
    if (!belongs_to(game.tree()))
      throw GameError(
          "a behaviour profile used with a game it was not made for");
    const GameTree& tree = *tree_;
    std::vector<bool> on_path(tree.node_count(), false);
    on_path[tree.root()] = true;
    for (NodeId v = 0; v < tree.node_count(); ++v) {
      if (!on_path[v] || tree.is_terminal(v)) continue;
      const auto kids = tree.children(v);
      const InfosetId set = tree.infoset(v);
      const auto p =
          tree.kind(v) == NodeKind::chance ? game.probabilities(set) : at(set);
      for (std::size_t j = 0; j < kids.size(); ++j)
        on_path[kids[j]] = p[j] > T(0);
    }
    return on_path;
  }

  friend bool operator==(const BehaviorProfile& a, const BehaviorProfile& b) {
    return a.probability_ == b.probability_;
  }

 private:
  std::shared_ptr<const GameTree> tree_;
  BigVector<T> probability_;
};

}  // namespace bargain
