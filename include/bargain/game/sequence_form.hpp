// The sequence form (Koller, Megiddo and von Stengel 1996): a player's
// strategy as a realization plan, one probability per sequence of its own
// actions, so that a two-player game's equilibria are the solutions of a
// linear complementarity problem the size of the tree, not of the
// exponentially larger strategic form.
//
// A player's sequences are numbered as Gambit numbers them: 0 is the empty
// sequence, then one per action, its information sets in the player's order
// and their actions in order. Perfect recall makes the sequence leading to an
// information set the same from every one of its nodes.
#pragma once

#include <Eigen/SparseCore>
#include <boost/multiprecision/eigen.hpp>
#include <cstdint>
#include <span>
#include <vector>

#include "bargain/game/profile.hpp"
#include "bargain/game/tree.hpp"

namespace bargain {

using SequenceId = std::uint32_t;
inline constexpr SequenceId kEmptySequence = 0;

/// Every player's sequences, and which of them leads to each information set
/// and each terminal node.
class SequenceSpace {
 public:
  /// Throws UnsupportedGame for imperfect recall: a set would then have no
  /// single sequence leading to it.
  explicit SequenceSpace(const GameTree& tree);

  std::size_t player_count() const noexcept { return sequence_count_.size(); }
  std::size_t terminal_count() const noexcept {
    return terminal_sequence_.size() / player_count();
  }
  /// The empty sequence and one per action of the player.
  std::size_t sequence_count(PlayerId p) const { return sequence_count_[p]; }
  /// The sequence that ends with action `a` (a player's action).
  SequenceId sequence(ActionId a) const { return action_sequence_[a]; }
  /// The mover's sequence that leads to `set`.
  SequenceId parent(InfosetId set) const { return infoset_parent_[set]; }
  /// Each player's last sequence on the path to a terminal node.
  std::span<const SequenceId> at_terminal(std::size_t terminal_index) const {
    const auto n = player_count();
    return {terminal_sequence_.data() + terminal_index * n, n};
  }

 private:
  std::vector<std::size_t> sequence_count_;
  std::vector<SequenceId> action_sequence_;    // by ActionId; chance: unused
  std::vector<SequenceId> infoset_parent_;     // by InfosetId; chance: unused
  std::vector<SequenceId> terminal_sequence_;  // terminal x player
};

/// A player's realization plan: the probability that the player's own moves
/// play each of its sequences (chance and the others aside).
template <Scalar T>
using RealizationPlan = std::vector<T>;

/// The realization plan of player p under a behaviour profile.
template <Scalar T>
RealizationPlan<T> realization_plan(const SequenceSpace& sequences,
                                    const BehaviorProfile<T>& profile,
                                    PlayerId p) {
  const GameTree& tree = profile.tree();
  RealizationPlan<T> plan(sequences.sequence_count(p), T(0));
  plan[kEmptySequence] = T(1);
  // A set's parent sequence ends at an earlier set of the player, so the
  // player's order (first appearance in preorder) fills parents first.
  for (const InfosetId set : tree.infosets_of(p)) {
    const T& reach = plan[sequences.parent(set)];
    for (const ActionId a : tree.actions(set))
      plan[sequences.sequence(a)] = reach * profile[a];
  }
  return plan;
}

/// The behaviour profile of realization plans, one per player: at a set the
/// player reaches, each action's share of the plan's weight there; at a set
/// its own earlier moves exclude, every action alike (Gambit's centroid),
/// since no choice there changes anyone's payoff.
template <Scalar T>
BehaviorProfile<T> behavior_profile(const std::shared_ptr<const GameTree>& tree,
                                    const SequenceSpace& sequences,
                                    std::span<const RealizationPlan<T>> plans) {
  BehaviorProfile<T> profile(tree);
  for (PlayerId p = 0; p < plans.size(); ++p) {
    for (const InfosetId set : tree->infosets_of(p)) {
      T total = T(0);
      for (const ActionId a : tree->actions(set))
        total += plans[p][sequences.sequence(a)];
      const auto actions = tree->actions(set);
      for (const ActionId a : actions)
        profile[a] = total > 0 ? plans[p][sequences.sequence(a)] / total
                               : T(1) / T(actions.size());
    }
  }
  return profile;
}

/// The sequence form of a two-player game: realization plans x, y are those
/// with E x = e, F y = f, x, y >= 0 (e = f = the first unit vector); the
/// players' expected payoffs are x' A y and x' B y, each under the player's
/// own beliefs about chance.
template <Scalar T>
struct SequenceForm {
  using Matrix = Eigen::SparseMatrix<T, Eigen::RowMajor>;
  SequenceSpace sequences;
  Matrix E, F;  ///< one row per information set after the first (the root)
  Matrix A, B;  ///< player 1's sequences by player 2's
};

namespace detail {

// Rows: the root (x_empty = 1), then one per set: its actions' sequences sum
// to its parent sequence.
template <Scalar T>
Eigen::SparseMatrix<T, Eigen::RowMajor> constraint_matrix(
    const GameTree& tree, const SequenceSpace& sequences, PlayerId p) {
  const auto sets = tree.infosets_of(p);
  std::vector<Eigen::Triplet<T>> entries{{0, kEmptySequence, T(1)}};
  for (std::size_t row = 1; row <= sets.size(); ++row) {
    const InfosetId set = sets[row - 1];
    entries.emplace_back(row, sequences.parent(set), T(-1));
    for (const ActionId a : tree.actions(set))
      entries.emplace_back(row, sequences.sequence(a), T(1));
  }
  Eigen::SparseMatrix<T, Eigen::RowMajor> matrix(sets.size() + 1,
                                                 sequences.sequence_count(p));
  matrix.setFromTriplets(entries.begin(), entries.end());
  return matrix;
}

// Each player's probability of reaching every terminal through chance
// alone, under that player's beliefs: the weight of a terminal's payoff in
// the sequence form.
template <Scalar T>
std::vector<std::vector<T>> chance_reach_of_terminals(
    const ExtensiveGame<T>& game) {
  const GameTree& tree = game.tree();
  std::vector<std::vector<T>> reach_of_terminal;
  std::vector<T> reach(tree.node_count());
  for (PlayerId p = 0; p < game.player_count(); ++p) {
    reach[tree.root()] = T(1);
    auto& at_terminal =
        reach_of_terminal.emplace_back(tree.terminal_count(), T(0));
    for (NodeId v = 0; v < tree.node_count(); ++v) {
      if (tree.is_terminal(v)) {
        at_terminal[tree.terminal_index(v)] = reach[v];
        continue;
      }
      const auto kids = tree.children(v);
      if (tree.kind(v) == NodeKind::chance) {
        const auto odds = game.beliefs(p, tree.infoset(v));
        for (std::size_t j = 0; j < kids.size(); ++j)
          reach[kids[j]] = reach[v] * odds[j];
      } else {
        for (const NodeId c : kids) reach[c] = reach[v];
      }
    }
  }
  return reach_of_terminal;
}

}  // namespace detail

/// The sequence form of a two-player game; with `payoff_shift`, that of the
/// same game with every terminal's payoffs lowered by it (what Lemke's
/// algorithm needs: all payoff entries negative).
template <Scalar T>
SequenceForm<T> sequence_form(const ExtensiveGame<T>& game,
                              const T& payoff_shift = T(0)) {
  const GameTree& tree = game.tree();
  if (game.player_count() != 2)
    throw UnsupportedGame(
        "the sequence form is built for two-player games; "
        "this game has " +
        std::to_string(game.player_count()) + " players");
  SequenceForm<T> form{SequenceSpace(tree), {}, {}, {}, {}};
  const auto& seq = form.sequences;
  form.E = detail::constraint_matrix<T>(tree, seq, 0);
  form.F = detail::constraint_matrix<T>(tree, seq, 1);
  const auto chance = detail::chance_reach_of_terminals(game);
  std::vector<Eigen::Triplet<T>> a, b;
  for (std::size_t t = 0; t < tree.terminal_count(); ++t) {
    const auto s = seq.at_terminal(t);
    const auto u = game.terminal_payoffs().subspan(t * 2, 2);
    // Duplicates (terminals with the same sequence pair) are summed by
    // setFromTriplets.
    if (chance[0][t] != 0 && u[0] != payoff_shift)
      a.emplace_back(s[0], s[1], chance[0][t] * (u[0] - payoff_shift));
    if (chance[1][t] != 0 && u[1] != payoff_shift)
      b.emplace_back(s[0], s[1], chance[1][t] * (u[1] - payoff_shift));
  }
  form.A.resize(seq.sequence_count(0), seq.sequence_count(1));
  form.B.resize(seq.sequence_count(0), seq.sequence_count(1));
  form.A.setFromTriplets(a.begin(), a.end());
  form.B.setFromTriplets(b.begin(), b.end());
  return form;
}

}  // namespace bargain
