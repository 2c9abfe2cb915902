// The two-track negotiation as an extensive-form game, built literally from
// a scenario (docs/model.md): proposals branch over every package of the
// open tracks, then each ratifier's answer, each controller's backing, and
// nature's moves, round after round. Each actor's odds of the war are its
// own beliefs at nature's nodes, and the value of playing on after the last
// round is paid at the leaves, each actor valuing it under its own beliefs.
//
// With private types nature first draws each typed actor's type; an actor
// sees its own type and every public move, not the others' types, so the
// game has information sets and is solved by the sequence-form solvers.
//
// It is exponential in the rounds: for small scenarios, to check the
// dynamic programme (two_track.hpp), to export to Gambit, and to hand to
// the library's other solvers. Its size is estimated before it is built.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "bargain/game/builder.hpp"
#include "bargain/game/profile.hpp"
#include "bargain/model/scenario.hpp"

namespace bargain {

/// Nodes the scenario's game tree would have (saturating at UINT64_MAX).
std::uint64_t two_track_game_nodes(const Scenario& scenario);

/// The memory building the scenario's game tree takes at its peak,
/// estimated from its node count: 448 + 32 n bytes a node for n actors
/// (measured on trees of 1.3 to 10.8 million nodes with 2 and 3 actors:
/// 447 to 505 bytes a node; docs/benchmarks.md). Saturates at UINT64_MAX.
std::uint64_t two_track_game_bytes(const Scenario& scenario);

/// The memory the game tree may take unless told otherwise.
inline constexpr std::uint64_t kTreeMemoryBudget = std::uint64_t{8} << 30;

/// The game tree of a scenario. Throws LimitError, with the estimate,
/// before building when it would have more than `max_nodes` nodes or take
/// more than `max_bytes`.
ExtensiveGame<Rational> two_track_game(
    const Scenario& scenario,
    std::uint64_t max_nodes = std::numeric_limits<std::uint64_t>::max(),
    std::uint64_t max_bytes = kTreeMemoryBudget);

/// How a profile of the game tree plays out for one draw of the private
/// types (a scenario without types has one draw, of probability 1).
/// Payoffs are expected under each actor's own beliefs; the chances of
/// play under the objective odds.
struct TypeDraw {
  std::vector<std::size_t> types;  ///< per actor; 0 for actors without types
  Rational probability;            ///< nature's probability of the draw

  /// A move of a first-round proposer (its stated position, or a pass).
  struct Opening {
    std::size_t proposer = 0;
    std::string proposal;  ///< the move's label, "pass" for a pass
    Rational probability;  ///< recognition times the proposer's mix
    Rational accepted;     ///< every ratifier accepts
    /// Per actor: its payoff if the proposal is accepted (backing and
    /// play after it to follow), and its reservation value, its payoff if
    /// round 1 ends without a deal: after its own rejection for a
    /// ratifier, after the proposer's pass for the others.
    std::vector<Rational> value, reservation;
  };
  std::vector<Opening> opening;
  std::vector<Rational> settlement_by_round;
  /// The leaves reached ("settlement: ..." or "no settlement ..."), with
  /// their probabilities, in the tree's order.
  std::vector<std::pair<std::string, Rational>> outcomes;
  std::vector<Rational> payoffs;  ///< given this draw
};

/// Every draw of the types, in nature's order (the last typed actor's type
/// changing fastest), played by `profile` on `game` = two_track_game(
/// scenario).
std::vector<TypeDraw> two_track_play(const Scenario& scenario,
                                     const ExtensiveGame<Rational>& game,
                                     const BehaviorProfile<Rational>& profile);

}  // namespace bargain
