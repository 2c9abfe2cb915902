// Best responses in extensive games with perfect recall, for any number of
// players: what each player could get by changing its whole strategy while
// the others keep theirs. NashConv, the sum of those gains, is zero exactly
// at a Nash equilibrium; it is how every equilibrium of an imperfect-
// information game is verified before it leaves a solver.
//
// One pass per player: the others' and chance's probability of reaching
// each terminal is credited to the player's last sequence there; then the
// player's sets, from last to first, pick their best action given the
// best continuations below. Linear in the tree, exact or double.
#pragma once

#include <vector>

#include "bargain/game/sequence_form.hpp"
#include "bargain/solve/result.hpp"
#include "bargain/solve/verify.hpp"

namespace bargain {

/// Each player's expected payoff under a profile and the most it could get
/// by a best response, both under the player's own beliefs about chance.
template <Scalar T>
struct Regrets {
  std::vector<T> payoff;
  std::vector<T> best_response;

  T regret(PlayerId p) const { return best_response[p] - payoff[p]; }
  /// The sum of all players' regrets: zero exactly at a Nash equilibrium.
  T nash_conv() const {
    T sum = T(0);
    for (PlayerId p = 0; p < payoff.size(); ++p) sum += regret(p);
    return sum;
  }
  T max_regret() const {
    T most = T(0);
    for (PlayerId p = 0; p < payoff.size(); ++p)
      most = std::max(most, regret(p));
    return most;
  }
};

namespace detail {

template <Scalar T>
void require_profile_of(const ExtensiveGame<T>& game,
                        const BehaviorProfile<T>& profile) {
  if (!profile.belongs_to(game.tree()))
    throw GameError("a behaviour profile used with a game it was not made for");
  if (!game.tree().has_perfect_recall())
    throw UnsupportedGame("best responses need perfect recall: " +
                          game.tree().recall_violation());
}

// Player p's payoff and best-response value; the best action at each of its
// sets is written to `best` (indexed by the player's set rank) if given.
template <Scalar T>
std::pair<T, T> evaluate_player(const ExtensiveGame<T>& game,
                                const SequenceSpace& sequences,
                                const BehaviorProfile<T>& profile, PlayerId p,
                                std::vector<ActionId>* best) {
  const GameTree& tree = game.tree();
  const std::size_t players = game.player_count();
  // Probability that chance and the others reach each node.
  std::vector<T> reach(tree.node_count(), T(0));
  reach[tree.root()] = T(1);
  std::vector<T> direct(sequences.sequence_count(p), T(0));
  for (NodeId v = 0; v < tree.node_count(); ++v) {
    if (reach[v] == 0) continue;  // children stay at zero
    if (tree.is_terminal(v)) {
      const std::size_t t = tree.terminal_index(v);
      direct[sequences.at_terminal(t)[p]] +=
          reach[v] * game.terminal_payoffs()[t * players + p];
      continue;
    }
    const auto kids = tree.children(v);
    const InfosetId set = tree.infoset(v);
    if (tree.player(v) == p) {
      for (const NodeId c : kids) reach[c] = reach[v];
      continue;
    }
    const auto odds = tree.kind(v) == NodeKind::chance ? game.beliefs(p, set)
                                                       : profile.at(set);
    for (std::size_t j = 0; j < kids.size(); ++j)
      if (odds[j] != 0) reach[kids[j]] = reach[v] * odds[j];
  }
  // Continuation values below each sequence: as played, and at best.
  std::vector<T> played(sequences.sequence_count(p), T(0));
  std::vector<T> optimal(sequences.sequence_count(p), T(0));
  const auto sets = tree.infosets_of(p);
  for (std::size_t k = sets.size(); k-- > 0;) {
    const InfosetId set = sets[k];
    T here = T(0), most = T(0);
    ActionId argmax = kNoAction;
    for (const ActionId a : tree.actions(set)) {
      const SequenceId s = sequences.sequence(a);
      if (profile[a] != 0) here += profile[a] * (direct[s] + played[s]);
      T value = direct[s] + optimal[s];
      if (argmax == kNoAction || value > most) {
        most = std::move(value);
        argmax = a;
      }
    }
    if (best) (*best)[k] = argmax;
    const SequenceId parent = sequences.parent(set);
    played[parent] += here;
    optimal[parent] += most;
  }
  return {direct[kEmptySequence] + played[kEmptySequence],
          direct[kEmptySequence] + optimal[kEmptySequence]};
}

}  // namespace detail

/// Every player's payoff and best-response value under `profile`.
template <Scalar T>
Regrets<T> regrets(const ExtensiveGame<T>& game,
                   const BehaviorProfile<T>& profile) {
  detail::require_profile_of(game, profile);
  const SequenceSpace sequences(game.tree());
  Regrets<T> out;
  for (PlayerId p = 0; p < game.player_count(); ++p) {
    auto [payoff, best] =
        detail::evaluate_player(game, sequences, profile, p, nullptr);
    out.payoff.push_back(std::move(payoff));
    out.best_response.push_back(std::move(best));
  }
  return out;
}

/// NashConv: the sum over players of what a best response would gain.
template <Scalar T>
T nash_conv(const ExtensiveGame<T>& game, const BehaviorProfile<T>& profile) {
  return regrets(game, profile).nash_conv();
}

/// `profile` with player p's strategy replaced by a pure best response (at
/// each set the first action of highest value, sets the player's own
/// earlier choices exclude included).
template <Scalar T>
BehaviorProfile<T> best_response(const ExtensiveGame<T>& game,
                                 const BehaviorProfile<T>& profile,
                                 PlayerId p) {
  detail::require_profile_of(game, profile);
  const GameTree& tree = game.tree();
  std::vector<ActionId> best(tree.infosets_of(p).size());
  detail::evaluate_player(game, SequenceSpace(tree), profile, p, &best);
  BehaviorProfile<T> out = profile;
  for (const ActionId a : best) out.set_pure(a);
  return out;
}

/// The Nash check every solver of imperfect-information games runs on its
/// answer: no player gains by changing its whole strategy.
template <Scalar T>
Verification<T> verify_nash(const ExtensiveGame<T>& game,
                            const BehaviorProfile<T>& profile) {
  const T tolerance =
      is_exact_v<T> ? T(0) : verification_tolerance(payoff_scale(game));
  return {"no player gains by a best response to the others",
          regrets(game, profile).max_regret(), tolerance};
}

/// The result of a solver that found one equilibrium: `verification` must
/// have passed (VerificationFailure otherwise); payoffs are computed under
/// each player's beliefs and under the objective odds.
template <Scalar T>
SolveResult<T> one_equilibrium(const ExtensiveGame<T>& game,
                               BehaviorProfile<T> profile,
                               Verification<T> verification,
                               std::string method) {
  require_verified(verification, method);
  SolveResult<T> result{std::move(method), {}, 1, false};
  auto payoffs = expected_payoffs(game, profile);
  auto objective = expected_payoffs(game, profile, ChanceView::objective);
  result.equilibria.push_back({std::move(profile), std::move(payoffs),
                               std::move(objective), std::move(verification)});
  return result;
}

}  // namespace bargain
