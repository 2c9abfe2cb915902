// The two-track negotiation as an extensive-form game, built literally from
// a scenario (docs/model.md): proposals branch over every package of the
// open tracks, then each ratifier's answer, each controller's backing, and
// nature's moves, round after round. Each actor's odds of the war are its
// own beliefs at nature's nodes, and the value of playing on after the last
// round is paid at the leaves, each actor valuing it under its own beliefs.
//
// It is exponential in the rounds: for small scenarios, to check the
// dynamic programme (two_track.hpp), to export to Gambit, and to hand to
// the library's other solvers. Its size is estimated before it is built.
#pragma once

#include <cstdint>

#include "bargain/game/builder.hpp"
#include "bargain/model/scenario.hpp"

namespace bargain {

/// Nodes the scenario's game tree would have (saturating at UINT64_MAX).
std::uint64_t two_track_game_nodes(const Scenario& scenario);

/// The game tree of a scenario without private types. Throws LimitError,
/// with the estimate, when it would have more than `max_nodes` nodes.
ExtensiveGame<Rational> two_track_game(const Scenario& scenario,
                                       std::uint64_t max_nodes = 2'000'000);

}  // namespace bargain
