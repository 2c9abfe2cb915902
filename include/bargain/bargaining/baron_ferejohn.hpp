// Baron-Ferejohn legislative bargaining (closed rule): a random member is
// recognised to propose a division of the pie, which passes with `quota`
// votes including the proposer's; otherwise the pie shrinks by delta and a
// new proposer is drawn. It is the model of majority rule against
// unanimity: how much a veto (quota = n) is worth, and how recognition odds
// turn into bargaining power.
//
// In the stationary subgame-perfect equilibrium each player j has a value
// v_j (its expected share before anyone is recognised). A proposer buys the
// quota - 1 cheapest votes at their price delta v_j and keeps the rest.
// Among equally cheap players it randomises uniformly (oracle §6) whenever
// an equilibrium with that tie rule exists; with unequal recognition odds
// there may be none, and then proposers must favour some equally cheap
// players (Eraslan 2002 proves the values unique; the mixing is part of the
// equilibrium). The values are computed exactly and the equilibrium is
// verified before it is returned (shared/oracles/bargaining.md §1d).
#pragma once

#include <cstddef>
#include <vector>

#include "bargain/numeric.hpp"

namespace bargain {

/// Most legislators baron_ferejohn accepts.
inline constexpr std::size_t kMaxLegislators = 64;

/// What one player proposes when recognised.
struct BaronFerejohnProposal {
  /// The proposer's own share: 1 minus the expected payments.
  Rational kept;
  /// Per player: the probability of being in the proposer's coalition (0
  /// for the proposer itself).
  std::vector<Rational> inclusion;
  /// Per player: what a vote costs, delta v_j, paid when included (0 for
  /// the proposer itself).
  std::vector<Rational> payment;
};

/// The stationary subgame-perfect equilibrium of Baron-Ferejohn bargaining.
struct BaronFerejohnEquilibrium {
  /// Per player: the value v_i, its expected share before anyone is
  /// recognised. The values sum to 1: agreement is immediate.
  std::vector<Rational> values;
  /// proposals[i]: what player i proposes when recognised.
  std::vector<BaronFerejohnProposal> proposals;
  /// True when every proposer randomises uniformly among equally cheap
  /// players (the oracle's tie rule); false when no such equilibrium exists
  /// and the reported mixing favours some of them.
  bool uniform_tie_breaking = true;
  /// Whether these are known to be the only stationary values: true for
  /// delta < 1 (Eraslan 2002). At delta = 1 uniqueness is not claimed, and
  /// under unanimity it fails outright: every split of the pie is then
  /// stationary, and the one reported, v = recognition, is the limit as
  /// delta tends to 1.
  bool values_unique = true;
};

/// The stationary equilibrium with recognition probabilities `recognition`
/// (exact, summing to 1; one per player, at most kMaxLegislators), `quota`
/// votes needed including the proposer's (1 to n; n is unanimity) and a
/// common discount factor delta in [0, 1]. At delta = 1 with quota < n
/// every player must have a positive recognition probability (a player who
/// never proposes can hold out for any price when waiting is free). Throws
/// ModelError or LimitError on bad input, VerificationFailure if no
/// verified equilibrium was found (a bug).
BaronFerejohnEquilibrium baron_ferejohn(
    const std::vector<Rational>& recognition, std::size_t quota,
    const Rational& delta);

/// Recognition probability 1/n for each of n players.
std::vector<Rational> equal_recognition(std::size_t players);

/// The smallest majority of n players: n/2 + 1 (rounded down), (n + 1)/2
/// for odd n.
std::size_t majority_quota(std::size_t players);

}  // namespace bargain
