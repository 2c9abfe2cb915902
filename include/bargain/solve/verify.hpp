// Independent checks of solver output. They recompute everything from the
// game and the profile, sharing nothing with the solver that produced it.
#pragma once

#include <algorithm>
#include <cmath>

#include "bargain/solve/evaluate.hpp"
#include "bargain/solve/result.hpp"

namespace bargain {

/// The largest absolute payoff of the game: the scale for double tolerances.
template <Scalar T>
T payoff_scale(const ExtensiveGame<T>& game) {
  using std::abs;  // and Boost's abs for rationals, by argument lookup
  T scale = T(0);
  for (const auto& u : game.terminal_payoffs()) scale = std::max(scale, abs(u));
  return scale;
}

/// Subgame perfection in a game of perfect information: at every decision
/// node, reached or not, no action gives the mover more than the profile
/// does (the one-shot deviation principle; each player values chance with
/// its own beliefs). max_regret is the largest such gain.
/// `values` must be evaluate_nodes(game, profile) (own beliefs).
template <Scalar T>
Verification<T> verify_one_shot_deviations(const ExtensiveGame<T>& game,
                                           const NodeValues<T>& values) {
  const GameTree& tree = game.tree();
  // An exact check tolerates nothing whatever the payoffs: no scale to find.
  const T tolerance =
      is_exact_v<T> ? T(0) : verification_tolerance(payoff_scale(game));
  Verification<T> check{"no player gains by deviating at any decision node",
                        T(0), tolerance};
  // From last to first: a child's row was then just read at the child,
  // and is still in cache.
  const auto inner = tree.inner_nodes();
  for (std::size_t i = inner.size(); i-- > 0;) {
    const NodeId v = inner[i];
    if (tree.kind(v) != NodeKind::decision) continue;
    const PlayerId mover = tree.player(v);
    const T& held = values.at(v)[mover];
    for (const NodeId child : tree.children(v)) {
      const T& alternative = values.at(child)[mover];
      if (alternative > held && alternative - held > check.max_regret)
        check.max_regret = alternative - held;
    }
  }
  return check;
}

template <Scalar T>
Verification<T> verify_one_shot_deviations(const ExtensiveGame<T>& game,
                                           const BehaviorProfile<T>& profile) {
  return verify_one_shot_deviations(game, evaluate_nodes(game, profile));
}

}  // namespace bargain
