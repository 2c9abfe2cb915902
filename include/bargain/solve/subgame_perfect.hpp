// A subgame-perfect equilibrium of a game with imperfect information: its
// subgames are solved from the bottom up, each with the chosen solver on a
// reduced game in which the subgames below it are terminals worth their
// equilibrium values. With more than two players a reduced game of perfect
// information is solved by backward induction, so an n-player game is
// solved whenever every subgame with information sets has two players.
#pragma once

#include <unordered_map>

#include "bargain/game/builder.hpp"
#include "bargain/game/subgames.hpp"
#include "bargain/solve/backward_induction.hpp"
#include "bargain/solve/sequence_lemke.hpp"
#include "bargain/solve/sequence_lp.hpp"

namespace bargain {

/// How the subgames with information sets are solved.
enum class SubgameSolver {
  lcp,  ///< sequence-form Lemke (two players, general-sum)
  lp,   ///< sequence-form LP (two players, constant-sum)
};

struct SubgamePerfectOptions {
  SubgameSolver solver = SubgameSolver::lcp;
};

namespace detail {

// The subtree of `root` as a game of its own, each subgame root below it
// (other than itself) a terminal worth `value` of it. Payoffs stay those of
// the whole game (sums from its root): a constant for the whole subtree,
// which changes no choice. `visited` receives the original node of each
// node of the reduced game, in its preorder.
template <Scalar T>
ExtensiveGame<T> reduced_subgame(
    const ExtensiveGame<T>& game, NodeId root,
    const std::unordered_map<NodeId, std::vector<T>>& value,
    std::vector<NodeId>& visited) {
  const GameTree& tree = game.tree();
  GameBuilder<T> b(tree.title());
  for (PlayerId p = 0; p < tree.player_count(); ++p)
    b.add_player(tree.player_name(p));
  std::unordered_map<InfosetId, InfosetId> set_of;
  visited.clear();
  // (original, builder) pairs; children pushed last-first, so nodes are
  // visited in preorder, the order the frozen game numbers them in.
  std::vector<std::pair<NodeId, NodeId>> stack{{root, b.root()}};
  while (!stack.empty()) {
    const auto [v, at] = stack.back();
    stack.pop_back();
    visited.push_back(v);
    const auto worth = value.find(v);
    if (v != root && worth != value.end()) {
      b.set_outcome(at, b.add_outcome("subgame value", worth->second));
      continue;
    }
    if (tree.is_terminal(v)) {
      const auto u = game.payoffs(v);
      b.set_outcome(at, b.add_outcome("", {u.begin(), u.end()}));
      continue;
    }
    const InfosetId set = tree.infoset(v);
    auto [it, added] = set_of.try_emplace(set, 0);
    if (added) {
      std::vector<std::string> labels;
      for (const ActionId a : tree.actions(set))
        labels.emplace_back(tree.action_label(a));
      const auto actions = b.add_action_set(labels);
      if (tree.kind(v) == NodeKind::chance) {
        const auto odds = game.probabilities(set);
        it->second = b.add_chance_infoset(tree.infoset_label(set), actions,
                                          {odds.begin(), odds.end()});
        for (PlayerId p = 0; p < tree.player_count(); ++p)
          if (game.has_own_beliefs(p)) {
            const auto own = game.beliefs(p, set);
            b.set_beliefs(p, it->second, {own.begin(), own.end()});
          }
      } else {
        it->second =
            b.add_infoset(tree.player(v), tree.infoset_label(set), actions);
      }
    }
    const auto kids = tree.children(v);
    const auto made = b.move(at, it->second);
    for (std::size_t j = kids.size(); j-- > 0;)
      stack.emplace_back(kids[j], made[j]);
  }
  return std::move(b).freeze();
}

}  // namespace detail

/// One subgame-perfect equilibrium, verified in every subgame and as a Nash
/// equilibrium of the whole game (regret exactly zero in exact arithmetic).
template <Scalar T>
SolveResult<T> solve_subgame_perfect(const ExtensiveGame<T>& game,
                                     SubgamePerfectOptions options = {}) {
  const GameTree& tree = game.tree();
  const std::string method = options.solver == SubgameSolver::lcp
                                 ? "subgame perfection by sequence-form Lemke"
                                 : "subgame perfection by sequence-form LP";
  if (!tree.has_perfect_recall())
    throw UnsupportedGame(method +
                          " needs perfect recall: " + tree.recall_violation());
  BehaviorProfile<T> profile(game.shared_tree());
  std::unordered_map<NodeId, std::vector<T>> value;
  T worst = T(0);
  std::vector<NodeId> visited;
  const auto roots = subgame_roots(tree);
  for (auto r = roots.rbegin(); r != roots.rend(); ++r) {
    const auto reduced = detail::reduced_subgame(game, *r, value, visited);
    const GameTree& small = reduced.tree();
    // Two-player subgames go to the chosen solver even when they have
    // perfect information, so that ties are broken as Gambit breaks them.
    const auto solved =
        small.player_count() != 2 && small.has_perfect_information()
            ? solve_backward_induction(reduced)
        : options.solver == SubgameSolver::lcp ? solve_sequence_lemke(reduced)
                                               : solve_sequence_lp(reduced);
    const auto& eq = solved.equilibria.front();
    for (NodeId k = 0; k < small.node_count(); ++k) {
      if (small.kind(k) != NodeKind::decision) continue;
      const InfosetId from = small.infoset(k), to = tree.infoset(visited[k]);
      const auto chosen = eq.profile.at(from);
      const ActionId first = *tree.actions(to).begin();
      for (std::size_t j = 0; j < chosen.size(); ++j)
        profile[first + static_cast<ActionId>(j)] = chosen[j];
    }
    worst = std::max(worst, eq.verification.max_regret);
    value[*r] = eq.payoffs;
  }
  // Each subgame's answer was verified on its own; the whole profile is
  // checked once more, against the whole game.
  auto verification = verify_nash(game, profile);
  verification.criterion = "no player gains by a best response in any subgame";
  verification.max_regret = std::max(worst, verification.max_regret);
  return one_equilibrium(game, std::move(profile), std::move(verification),
                         method);
}

}  // namespace bargain
