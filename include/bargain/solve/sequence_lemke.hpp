// A Nash equilibrium of a two-player extensive game, general-sum, by
// Lemke's algorithm on the sequence form (Koller, Megiddo and von Stengel
// 1996): polynomial in the size of the tree, exact or double.
//
// The LCP is laid out as Gambit's gambit-lcp lays it out (player 1's
// sequences, player 2's, then each player's constraint rows, root first;
// payoffs lowered below zero by one more than the largest; covering vector
// of ones), and Lemke's lexicographic rule is the one Gambit uses, so both
// follow the same path and report the same equilibrium.
#pragma once

#include <algorithm>
#include <utility>

#include "bargain/game/sequence_form.hpp"
#include "bargain/solve/best_response.hpp"
#include "bargain/solve/evaluate.hpp"
#include "bargain/solve/lcp.hpp"

namespace bargain {

struct SequenceLemkeOptions {
  LemkeOptions lemke;
};

namespace detail {

// One more than the largest payoff: lowering every payoff by it makes all
// sequence-form payoff entries negative, which Lemke's start needs; a
// constant taken from every terminal changes no best response.
template <Scalar T>
T lemke_payoff_shift(const ExtensiveGame<T>& game) {
  using std::max;
  const auto u = game.terminal_payoffs();
  T largest = u.empty() ? T(0) : u[0];
  for (const T& x : u) largest = max(largest, x);
  return largest + 1;
}

// The LCP whose solutions are the sequence-form equilibria, for a form whose
// payoffs are all negative (lemke_payoff_shift). With z = (x, y, u, v),
//   w_x = -A y - E'u,  w_y = -B'x - F'v,  w_u = E x - e,  w_v = F y - f,
// where u, v >= 0 price the constraints relaxed to E x >= e, F y >= f:
// negative payoffs make a player want no more weight than the plan needs.
template <Scalar T>
Lcp<T> sequence_form_lcp(const SequenceForm<T>& form) {
  const auto n1 = static_cast<std::size_t>(form.A.rows());
  const auto n2 = static_cast<std::size_t>(form.A.cols());
  const auto m1 = static_cast<std::size_t>(form.E.rows());
  const auto m2 = static_cast<std::size_t>(form.F.rows());
  const std::size_t n = n1 + n2 + m1 + m2;
  const std::size_t u0 = n1 + n2, v0 = u0 + m1;
  std::vector<Eigen::Triplet<T>> m;
  for (Eigen::Index s = 0; s < form.A.outerSize(); ++s) {
    for (typename SequenceForm<T>::Matrix::InnerIterator e(form.A, s); e; ++e)
      m.emplace_back(s, n1 + e.col(), T(-e.value()));
    for (typename SequenceForm<T>::Matrix::InnerIterator e(form.B, s); e; ++e)
      m.emplace_back(n1 + e.col(), s, T(-e.value()));
  }
  const auto constraints = [&](const auto& E, std::size_t row0,
                               std::size_t col0) {
    for (Eigen::Index r = 0; r < E.outerSize(); ++r)
      for (typename std::decay_t<decltype(E)>::InnerIterator e(E, r); e; ++e) {
        m.emplace_back(col0 + e.col(), row0 + r, T(-e.value()));
        m.emplace_back(row0 + r, col0 + e.col(), e.value());
      }
  };
  constraints(form.E, u0, 0);
  constraints(form.F, v0, n1);
  Lcp<T> lcp{{}, std::vector<T>(n, T(0)), std::vector<T>(n, T(1))};
  lcp.q[u0] = lcp.q[v0] = T(-1);
  lcp.M.resize(n, n);
  lcp.M.setFromTriplets(m.begin(), m.end());
  return lcp;
}

}  // namespace detail

/// Throws UnsupportedGame unless the game has two players and perfect recall.
void require_two_player_perfect_recall(const GameTree& tree,
                                       std::string_view method);

/// One Nash equilibrium, verified (regret exactly zero in exact arithmetic).
template <Scalar T>
SolveResult<T> solve_sequence_lemke(const ExtensiveGame<T>& game,
                                    SequenceLemkeOptions options = {}) {
  const std::string method = "sequence-form Lemke";
  require_two_player_perfect_recall(game.tree(), method);
  const auto form = sequence_form(game, detail::lemke_payoff_shift(game));
  const auto solution =
      solve_lcp_lemke(detail::sequence_form_lcp(form), options.lemke);
  const auto n1 = static_cast<std::size_t>(form.A.rows());
  const auto n2 = static_cast<std::size_t>(form.A.cols());
  const std::vector<RealizationPlan<T>> plans{
      {solution.z.begin(), solution.z.begin() + n1},
      {solution.z.begin() + n1, solution.z.begin() + n1 + n2}};
  auto profile = behavior_profile<T>(game.shared_tree(), form.sequences, plans);
  auto verification = verify_nash(game, profile);
  return one_equilibrium(game, std::move(profile), std::move(verification),
                         method);
}

}  // namespace bargain
