// Rubinstein's alternating offers and its variants: the strategic
// foundation of bargaining, where the split of a pie follows from who
// proposes when and what waiting costs each side. Each variant is a closed
// form (shared/oracles/bargaining.md §1a, A1-A7), templated on the scalar so
// that Rational gives the exact answer and double a fast one.
//
// The finite horizon is also built as a game tree with a grid of offers and
// solved by the library's backward induction, so that the closed form and
// the general solver can be checked against each other exactly.
//
// Conventions throughout (oracle §1a): the pie is 1; player 1 proposes in
// rounds 1, 3, 5, ...; a responder accepts when indifferent; payoffs in round
// t are discounted by delta_i^(t-1); shares are reported in round-1 present
// value; disagreement gives (0, 0).
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <array>
#include <boost/multiprecision/eigen.hpp>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bargain/bargaining/validate.hpp"
#include "bargain/error.hpp"
#include "bargain/game/builder.hpp"
#include "bargain/numeric.hpp"
#include "bargain/solve/backward_induction.hpp"

namespace bargain {

/// What is known about subgame-perfect outcomes other than the one reported.
enum class Multiplicity {
  unique,    ///< the reported outcome is the only SPE outcome (a theorem)
  multiple,  ///< other SPE outcomes exist (a theorem)
  unknown,   ///< no theorem settles it for these parameters
};

/// Player 1's least and greatest share over a set of SPE agreements; player
/// 2 gets the rest of the pie.
template <Scalar T>
struct ShareRange {
  T low;
  T high;

  bool is_point() const { return low == high; }
  bool contains(const T& x) const { return low <= x && x <= high; }
  friend bool operator==(const ShareRange&, const ShareRange&) = default;
};

/// What a strategic bargaining model predicts.
template <Scalar T>
struct BargainingOutcome {
  /// Each player's share of the pie in round-1 present value, player 1 (the
  /// first proposer) first. When other SPE outcomes exist, this is the one
  /// the function's documentation names.
  std::vector<T> shares;
  Multiplicity multiplicity = Multiplicity::unique;
  /// Player 1's share over every SPE agreement when the theory pins that set
  /// down as an interval: the point shares[0] when unique, [c, 1] for equal
  /// bargaining costs c; empty where the set is not known.
  std::optional<ShareRange<T>> first_share_range;

  bool unique() const { return multiplicity == Multiplicity::unique; }
};

/// Rubinstein's game where player 2 may opt out when responding.
template <Scalar T>
struct OutsideOptionOutcome : BargainingOutcome<T> {
  /// True when the option beats player 2's Rubinstein share, so that player
  /// 2 gets exactly the option's value; false when it is irrelevant.
  bool option_binds = false;
};

/// Who proposes after a rejection in n-player unanimity bargaining.
enum class Rotation {
  fixed_order,        ///< the next player in the order 1 -> 2 -> ... -> n -> 1
  rejector_proposes,  ///< the first responder who rejected
};

/// Longest finite horizon computed, so that exact shares (whose
/// denominators grow with every round) stay quick.
inline constexpr std::size_t kMaxBargainingRounds = 10'000;
/// Most players in unanimity bargaining (the stationary shares solve an n x n
/// linear system).
inline constexpr std::size_t kMaxUnanimityPlayers = 64;
/// Default node budget of the grid game tree.
inline constexpr std::size_t kRubinsteinGameMaxNodes = 1'000'000;

namespace detail::alternating {

/// Two discount rates of at least 0, not both 0 (someone must be
/// impatient for the shares to be determined).
template <Scalar T>
void require_rates(std::string_view function, const T& rate1, const T& rate2) {
  require_nonnegative(function, "rate1", rate1,
                      "a discount rate of at least 0");
  require_nonnegative(function, "rate2", rate2,
                      "a discount rate of at least 0");
  require(T(0) < rate1 + rate2, function, "rate1 + rate2", rate1 + rate2,
          "a positive sum (someone must be impatient)");
}

/// Two discount factors in [0, 1], not both 1: without any discounting
/// every split is an equilibrium of the infinite game.
template <Scalar T>
void require_some_discounting(std::string_view function, const T& delta1,
                              const T& delta2) {
  require_discount(function, "delta1", delta1, true);
  require_discount(function, "delta2", delta2, true);
  if (delta1 == T(1) && delta2 == T(1))
    throw ModelError(std::string(function) +
                     ": delta1 = 1 and delta2 = 1, expected at least one "
                     "discount factor below 1 (without discounting every "
                     "split is an equilibrium)");
}

/// Checks the finite game's parameters for `function`: discount factors in
/// [0, 1], 1 to kMaxBargainingRounds rounds.
template <Scalar T>
void require_finite_game(std::string_view function, const T& delta1,
                         const T& delta2, std::size_t rounds) {
  require_discount(function, "delta1", delta1, true);
  require_discount(function, "delta2", delta2, true);
  require_count(function, "rounds", rounds, 1, kMaxBargainingRounds);
}

/// rubinstein_proposer_shares on behalf of `function`.
template <Scalar T>
std::vector<T> proposer_shares(std::string_view function, const T& delta1,
                               const T& delta2, std::size_t rounds) {
  require_finite_game(function, delta1, delta2, rounds);
  const T delta[2] = {delta1, delta2};
  std::vector<T> keep(rounds, T(1));
  for (std::size_t t = rounds - 1; t >= 1; --t)
    keep[t - 1] = T(1) - delta[t % 2] * keep[t];
  return keep;
}

/// Checks the grid game's parameters for `function`.
template <Scalar T>
void require_grid_game(std::string_view function, const T& delta1,
                       const T& delta2, std::size_t rounds, std::size_t grid) {
  require_finite_game(function, delta1, delta2, rounds);
  require_count(function, "grid", grid, 1, kMaxNodes);
}

/// Player 1's share in the infinite game, from the impatience g_i = 1 -
/// delta_i: x1 = (1 - delta2) / (1 - delta1 delta2) = g2 / (g1 + g2 - g1 g2).
/// Taking g directly lets the continuous-time limit keep its digits.
template <Scalar T>
T first_proposer_share(const T& impatience1, const T& impatience2) {
  return impatience2 / (impatience1 + impatience2 - impatience1 * impatience2);
}

/// The unique two-player agreement giving player 1 `first` (and so the
/// whole range of its SPE shares).
template <Scalar T>
BargainingOutcome<T> two_player_agreement(const T& first) {
  return {
      {first, T(1) - first}, Multiplicity::unique, ShareRange<T>{first, first}};
}

/// The grid game's payoffs, in one place for the tree and the recursion so
/// that both compare the very same numbers (bit for bit in double).
template <Scalar T>
class GridPayoffs {
 public:
  GridPayoffs(const T& delta1, const T& delta2, std::size_t rounds,
              std::size_t grid)
      : grid_(grid), discount_(rounds) {
    discount_[0] = {T(1), T(1)};
    for (std::size_t t = 1; t < rounds; ++t)
      discount_[t] = {discount_[t - 1][0] * delta1,
                      discount_[t - 1][1] * delta2};
  }

  /// Index (0 or 1) of the player proposing in `round` (1-based).
  static std::size_t proposer(std::size_t round) { return (round - 1) % 2; }

  /// Round-1 present values when the responder accepts `offer` grid steps,
  /// offer/grid of the pie, in `round`.
  std::array<T, 2> accepted(std::size_t round, std::size_t offer) const {
    const std::size_t p = proposer(round);
    std::array<T, 2> share;
    share[1 - p] = T(offer) / T(grid_);
    share[p] = T(1) - share[1 - p];
    const auto& discount = discount_[round - 1];
    return {discount[0] * share[0], discount[1] * share[1]};
  }

 private:
  std::size_t grid_;
  std::vector<std::array<T, 2>> discount_;
};

/// Solves the square system `a x = b`; throws VerificationFailure when it is
/// singular, which the models calling it rule out.
template <Scalar T>
std::vector<T> solve_linear(
    const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>& a,
    const std::vector<T>& b, std::string_view what) {
  const auto lu = a.fullPivLu();
  if (!lu.isInvertible())
    throw VerificationFailure(std::string(what) +
                              ": the linear system is singular");
  Eigen::Matrix<T, Eigen::Dynamic, 1> rhs(static_cast<Eigen::Index>(b.size()));
  for (std::size_t i = 0; i < b.size(); ++i)
    rhs(static_cast<Eigen::Index>(i)) = b[i];
  const Eigen::Matrix<T, Eigen::Dynamic, 1> x = lu.solve(rhs);
  return {x.data(), x.data() + x.size()};
}

/// The stationary SPE of unanimity bargaining and what is known beyond it:
/// unique for two players (Rubinstein); for n >= 3 in the fixed order with
/// a common delta >= 1/2 non-stationary SPE exist (Shaked; Herrero;
/// Osborne-Rubinstein 1990 §3.13); otherwise no theorem is claimed here.
template <Scalar T>
BargainingOutcome<T> unanimity_outcome(std::vector<T> shares,
                                       const std::optional<T>& common_delta,
                                       Rotation rotation) {
  BargainingOutcome<T> out{std::move(shares), Multiplicity::unknown, {}};
  if (out.shares.size() <= 2) {
    out.multiplicity = Multiplicity::unique;
    out.first_share_range = ShareRange<T>{out.shares[0], out.shares[0]};
  } else if (rotation == Rotation::fixed_order && common_delta &&
             T(1) <= T(2) * *common_delta) {
    out.multiplicity = Multiplicity::multiple;
  }
  return out;
}

}  // namespace detail::alternating

/// A1, infinite horizon: x1 = (1 - delta2) / (1 - delta1 delta2), agreed at
/// once, the unique SPE outcome. Each delta in [0, 1], not both 1.
template <Scalar T>
BargainingOutcome<T> rubinstein(const T& delta1, const T& delta2) {
  detail::alternating::require_some_discounting("rubinstein", delta1, delta2);
  return detail::alternating::two_player_agreement(
      detail::alternating::first_proposer_share(T(1) - delta1, T(1) - delta2));
}

/// A2: the share v_t that the proposer of round t keeps, valued in round t,
/// for t = 1..rounds. The last proposer takes all (v_T = 1) and each earlier
/// proposer leaves the responder what waiting is worth to it: v_t = 1 -
/// delta_r v_{t+1}, where r proposes in round t + 1.
template <Scalar T>
std::vector<T> rubinstein_proposer_shares(const T& delta1, const T& delta2,
                                          std::size_t rounds) {
  return detail::alternating::proposer_shares("rubinstein_proposer_shares",
                                              delta1, delta2, rounds);
}

/// A2, T rounds: the unique SPE outcome, agreed in round 1. For equal
/// discount factors x1 = (1 - (-delta)^T) / (1 + delta).
template <Scalar T>
BargainingOutcome<T> rubinstein_finite(const T& delta1, const T& delta2,
                                       std::size_t rounds) {
  return detail::alternating::two_player_agreement(
      detail::alternating::proposer_shares("rubinstein_finite", delta1, delta2,
                                           rounds)
          .front());
}

/// A3, risk of breakdown instead of discounting: after each rejection the
/// talks end with probability q, paying (b1, b2). The unique SPE gives x1 =
/// b1 + (1 - b1 - b2) / (2 - q): Rubinstein with delta1 = delta2 = 1 - q
/// over the surplus above b. q in (0, 1]; b1, b2 >= 0 with b1 + b2 <= 1.
template <Scalar T>
BargainingOutcome<T> rubinstein_breakdown(const T& breakdown_probability,
                                          const T& breakdown1,
                                          const T& breakdown2) {
  constexpr std::string_view fn = "rubinstein_breakdown";
  const T& q = breakdown_probability;
  detail::require(detail::is_finite(q) && T(0) < q && q <= T(1), fn,
                  "breakdown_probability", q, "a probability in (0, 1]");
  detail::require_between(fn, "breakdown1", breakdown1, T(0), T(1),
                          "a share of the pie in [0, 1]");
  detail::require_between(fn, "breakdown2", breakdown2, T(0), T(1),
                          "a share of the pie in [0, 1]");
  const T surplus = T(1) - breakdown1 - breakdown2;
  detail::require(T(0) <= surplus, fn, "breakdown1 + breakdown2",
                  breakdown1 + breakdown2, "at most 1 (the pie)");
  return detail::alternating::two_player_agreement(
      breakdown1 + surplus * detail::alternating::first_proposer_share(q, q));
}

/// A4, the outside-option principle: player 2, when responding to player
/// 1, may opt out for `option` (player 1 then gets 0). Player 2 receives
/// max(option, its Rubinstein share delta2 (1 - delta1) / (1 - delta1
/// delta2)): an option matters only if it beats that share, and then pays
/// exactly its value (never a threat point to split the difference from).
/// option in [0, 1].
template <Scalar T>
OutsideOptionOutcome<T> rubinstein_outside_option(const T& delta1,
                                                  const T& delta2,
                                                  const T& option) {
  constexpr std::string_view fn = "rubinstein_outside_option";
  detail::alternating::require_some_discounting(fn, delta1, delta2);
  detail::require_between(fn, "option", option, T(0), T(1),
                          "an outside option in [0, 1]");
  const T second = rubinstein(delta1, delta2).shares[1];
  const bool binds = second < option;
  return {detail::alternating::two_player_agreement(T(1) -
                                                    (binds ? option : second)),
          binds};
}

/// A5, fixed per-round costs instead of discounting (Rubinstein 1982, case
/// II): each rejection costs player i the amount cost_i >= 0.
///  - cost1 < cost2: player 1 gets the whole pie, uniquely.
///  - cost1 > cost2: player 1 gets cost2 (all of it if cost2 >= 1), uniquely.
///  - cost1 = cost2 = c < 1: every x1 in [c, 1] is an SPE agreement;
///    `shares` then holds player 1's best one, (1, 0).
///  - cost1 = cost2 = c >= 1: rejecting costs the responder at least the
///    whole pie, so it accepts anything: (1, 0), uniquely.
template <Scalar T>
BargainingOutcome<T> rubinstein_costs(const T& cost1, const T& cost2) {
  constexpr std::string_view fn = "rubinstein_costs";
  detail::require_nonnegative(fn, "cost1", cost1, "a cost of at least 0");
  detail::require_nonnegative(fn, "cost2", cost2, "a cost of at least 0");
  if (cost1 < cost2) return detail::alternating::two_player_agreement(T(1));
  const T least = cost2 < T(1) ? cost2 : T(1);
  if (cost2 < cost1) return detail::alternating::two_player_agreement(least);
  auto out = detail::alternating::two_player_agreement(T(1));
  if (least < T(1)) {
    out.multiplicity = Multiplicity::multiple;
    out.first_share_range = ShareRange<T>{least, T(1)};
  }
  return out;
}

/// A6, bargaining in real time: offers every `period` time units, player i
/// discounting at rate r_i, so delta_i = exp(-r_i * period). As the period
/// shrinks, x1 tends to r2 / (r1 + r2) (rubinstein_continuous_limit). Rates
/// >= 0, not both 0; period > 0.
BargainingOutcome<double> rubinstein_continuous_time(double rate1, double rate2,
                                                     double period);

/// A6, the limit of rubinstein_continuous_time as the period tends to 0:
/// x1 = r2 / (r1 + r2), the asymmetric Nash bargaining solution with
/// weights 1 / r_i. Rates >= 0, not both 0.
template <Scalar T>
BargainingOutcome<T> rubinstein_continuous_limit(const T& rate1,
                                                 const T& rate2) {
  detail::alternating::require_rates("rubinstein_continuous_limit", rate1,
                                     rate2);
  return detail::alternating::two_player_agreement(rate2 / (rate1 + rate2));
}

/// A7, n-player unanimity with a common discount factor delta in [0, 1):
/// player 1 proposes first, every other player must accept, and the
/// stationary SPE is reported, proposer first.
///  - Rotation::fixed_order: the proposer keeps x = (1 - delta) / (1 -
///    delta^n) and the k-th in line after it gets delta^k x.
///  - Rotation::rejector_proposes: the proposer keeps x = 1 / (1 + (n - 1)
///    delta) and every responder gets delta x.
/// For n >= 3 the stationary SPE is not the only one when delta >= 1/2 in
/// the fixed order (Multiplicity::multiple); otherwise unknown for n >= 3.
template <Scalar T>
BargainingOutcome<T> rubinstein_unanimity(std::size_t players, const T& delta,
                                          Rotation rotation) {
  constexpr std::string_view fn = "rubinstein_unanimity";
  detail::require_count(fn, "players", players, 1, kMaxUnanimityPlayers);
  detail::require_discount(fn, "delta", delta, false);
  std::vector<T> shares(players);
  if (rotation == Rotation::fixed_order) {
    shares[0] = (T(1) - delta) / (T(1) - power(delta, players));
    for (std::size_t k = 1; k < players; ++k) shares[k] = delta * shares[k - 1];
  } else {
    shares[0] = T(1) / (T(1) + T(players - 1) * delta);
    for (std::size_t k = 1; k < players; ++k) shares[k] = delta * shares[0];
  }
  return detail::alternating::unanimity_outcome(
      std::move(shares), std::optional<T>(delta), rotation);
}

/// A7 with one discount factor per player (each in [0, 1)). In the
/// stationary SPE each responder j is offered exactly what rejecting is
/// worth to it: w_ij a_j, where a_j is what j keeps as proposer and w_ij
/// discounts it back from j's next turn (delta_j^((j - i) mod n) in the
/// fixed order, delta_j when the rejector proposes). The proposer keeps the
/// rest, so sum_j w_ij a_j = 1 for every proposer i: an n x n linear system.
/// Equal factors give rubinstein_unanimity(n, delta, rotation).
template <Scalar T>
BargainingOutcome<T> rubinstein_unanimity(const std::vector<T>& deltas,
                                          Rotation rotation) {
  constexpr std::string_view fn = "rubinstein_unanimity";
  const std::size_t n = deltas.size();
  detail::require_count(fn, "number of discount factors", n, 1,
                        kMaxUnanimityPlayers);
  for (std::size_t j = 0; j < n; ++j)
    detail::require_discount(fn,
                             std::string("deltas[") += std::to_string(j) += "]",
                             deltas[j], false);

  const auto weight = [&](std::size_t proposer, std::size_t responder) {
    if (proposer == responder) return T(1);
    if (rotation == Rotation::rejector_proposes) return deltas[responder];
    return power(deltas[responder], (responder + n - proposer) % n);
  };
  Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic> system(
      static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      system(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) =
          weight(i, j);
  const auto keep =
      detail::alternating::solve_linear(system, std::vector<T>(n, T(1)), fn);
  std::vector<T> shares(n);
  for (std::size_t j = 0; j < n; ++j) shares[j] = weight(0, j) * keep[j];

  std::optional<T> common;
  if (std::all_of(deltas.begin(), deltas.end(),
                  [&](const T& d) { return d == deltas[0]; }))
    common = deltas[0];
  return detail::alternating::unanimity_outcome(std::move(shares), common,
                                                rotation);
}

// ---------------------------------------------------------------------------
// The finite horizon as a game tree with a grid of offers.
//
// In round t the proposer offers the responder k/N of the pie, k = 0..N;
// the responder's actions are {accept, reject} in that order, so that the
// backward-induction tie rule (lowest-numbered action) is accept-when-
// indifferent, and among equally good offers the proposer makes the
// smallest. Payoffs are discounted by delta_i^(t-1); a rejection in the
// last round gives (0, 0).

/// Nodes of the grid game with `rounds` rounds and offers k/grid: with m =
/// grid + 1 offers, sum_t m^(t-1) (1 + 2m) + m^rounds. Saturates at the
/// largest uint64 rather than overflowing.
std::uint64_t rubinstein_game_nodes(std::size_t rounds, std::size_t grid);

/// The grid game as a tree, for any solver. Throws LimitError before
/// building when rubinstein_game_nodes exceeds max_nodes.
template <Scalar T>
ExtensiveGame<T> rubinstein_game(
    const T& delta1, const T& delta2, std::size_t rounds, std::size_t grid,
    std::size_t max_nodes = kRubinsteinGameMaxNodes) {
  constexpr std::string_view fn = "rubinstein_game";
  detail::alternating::require_grid_game(fn, delta1, delta2, rounds, grid);
  const std::uint64_t nodes = rubinstein_game_nodes(rounds, grid);
  if (nodes > max_nodes || nodes > kMaxNodes)
    throw LimitError(std::string(fn) + ": " + std::to_string(rounds) +
                     " rounds with offers in steps of 1/" +
                     std::to_string(grid) + " need " + std::to_string(nodes) +
                     " nodes, above the limit of " +
                     std::to_string(std::min(max_nodes, kMaxNodes)));

  const detail::alternating::GridPayoffs<T> payoffs(delta1, delta2, rounds,
                                                    grid);
  GameBuilder<T> b("Rubinstein alternating offers, " + std::to_string(rounds) +
                   " rounds, offers in steps of 1/" + std::to_string(grid));
  const PlayerId player[2] = {b.add_player("1"), b.add_player("2")};
  std::vector<std::string> labels;
  for (std::size_t k = 0; k <= grid; ++k)
    labels.push_back(std::to_string(k) + "/" + std::to_string(grid));
  const ActionSetId offer_set = b.add_action_set(labels);
  const ActionSetId reply_set = b.add_action_set({"accept", "reject"});
  const OutcomeId no_deal = b.add_outcome("no deal", {T(0), T(0)});
  // accept[t - 1][k]: the deal on offer k in round t, shared by every node.
  std::vector<std::vector<OutcomeId>> accept(rounds);
  for (std::size_t t = 1; t <= rounds; ++t)
    for (std::size_t k = 0; k <= grid; ++k) {
      const auto deal = payoffs.accepted(t, k);
      accept[t - 1].push_back(b.add_outcome(
          "round " + std::to_string(t) + ", " + labels[k], {deal[0], deal[1]}));
    }

  struct Pending {
    NodeId node;
    std::size_t round;
  };
  std::vector<Pending> work{{b.root(), 1}};
  while (!work.empty()) {
    const Pending at = work.back();
    work.pop_back();
    const std::size_t p =
        detail::alternating::GridPayoffs<T>::proposer(at.round);
    const auto offers =
        b.move(at.node, b.add_infoset(player[p], "", offer_set));
    for (std::size_t k = 0; k <= grid; ++k) {
      const auto reply =
          b.move(offers[k], b.add_infoset(player[1 - p], "", reply_set));
      b.set_outcome(reply[0], accept[at.round - 1][k]);
      if (at.round == rounds)
        b.set_outcome(reply[1], no_deal);
      else
        work.push_back({reply[1], at.round + 1});
    }
  }
  return std::move(b).freeze();
}

/// The grid game solved by backward induction (ties to the lowest-numbered
/// action: accept, and the smallest offer). `shares` are the equilibrium
/// payoffs in round-1 present value; they sum to less than 1 when a coarse
/// grid makes a proposer prefer to wait. The grid game can have other SPE
/// (the ultimatum game on a grid has two), so multiplicity is unknown.
template <Scalar T>
BargainingOutcome<T> solve_rubinstein_game(
    const T& delta1, const T& delta2, std::size_t rounds, std::size_t grid,
    std::size_t max_nodes = kRubinsteinGameMaxNodes) {
  const auto game = rubinstein_game(delta1, delta2, rounds, grid, max_nodes);
  auto result = solve_backward_induction(game);
  return {
      std::move(result.equilibria.front().payoffs), Multiplicity::unknown, {}};
}

/// The same equilibrium as solve_rubinstein_game, by the discrete recursion
/// instead of a tree: going back from the last round, the responder accepts
/// the smallest grid offer worth at least what rejecting is worth to it,
/// and the proposer makes it unless waiting is at least as good (then it
/// offers 0, which is rejected). O(rounds log grid).
template <Scalar T>
BargainingOutcome<T> rubinstein_grid(const T& delta1, const T& delta2,
                                     std::size_t rounds, std::size_t grid) {
  detail::alternating::require_grid_game("rubinstein_grid", delta1, delta2,
                                         rounds, grid);
  const detail::alternating::GridPayoffs<T> payoffs(delta1, delta2, rounds,
                                                    grid);
  std::array<T, 2> rejected{T(0), T(0)};  // present values after a rejection
  for (std::size_t t = rounds; t >= 1; --t) {
    const std::size_t p = detail::alternating::GridPayoffs<T>::proposer(t);
    // Acceptance is monotone in the offer and the whole pie is always
    // accepted: binary search for the smallest accepted offer.
    std::size_t low = 0, high = grid;
    while (low < high) {
      const std::size_t mid = low + (high - low) / 2;
      if (payoffs.accepted(t, mid)[1 - p] >= rejected[1 - p])
        high = mid;
      else
        low = mid + 1;
    }
    const auto deal = payoffs.accepted(t, low);
    if (low == 0 || deal[p] > rejected[p]) rejected = deal;
  }
  return {{rejected[0], rejected[1]}, Multiplicity::unknown, {}};
}

/// The smallest grid holding every offer of the finite game's equilibrium
/// (the lcm of the denominators of delta_r v_{t+1} over the rounds), so
/// that the grid game's SPE is the closed form's. Throws LimitError if it
/// exceeds the largest size_t.
std::size_t rubinstein_exact_grid(const Rational& delta1,
                                  const Rational& delta2, std::size_t rounds);

}  // namespace bargain
