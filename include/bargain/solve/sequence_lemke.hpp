// A Nash equilibrium of a two-player extensive game, general-sum, by
// Lemke's algorithm on the sequence form (Koller, Megiddo and von Stengel
// 1996): polynomial in the size of the tree, exact or double.
//
// The LCP is laid out as Gambit's gambit-lcp lays it out (player 1's
// sequences, player 2's, then each player's constraint rows, root first;
// payoffs shifted below zero; covering vector of ones), and Lemke's
// lexicographic rule is the one Gambit uses, so both follow the same path
// and report the same equilibrium.
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

// The LCP whose solutions are the sequence-form equilibria. With payoffs
// shifted below zero, z = (x, y, u, v) and
//   w_x = -A y - E'u,  w_y = -B'x - F'v,  w_u = E x - e,  w_v = F y - f,
// where u, v >= 0 price the constraints relaxed to E x >= e, F y >= f:
// negative payoffs make a player want no more weight than the plan needs.
template <Scalar T>
Lcp<T> sequence_form_lcp(const ExtensiveGame<T>& game,
                         const SequenceForm<T>& form) {
  using std::max;
  const auto n1 = static_cast<std::size_t>(form.A.rows());
  const auto n2 = static_cast<std::size_t>(form.A.cols());
  const auto m1 = static_cast<std::size_t>(form.E.rows());
  const auto m2 = static_cast<std::size_t>(form.F.rows());
  const std::size_t n = n1 + n2 + m1 + m2;
  const std::size_t u0 = n1 + n2, v0 = u0 + m1;
  // Every sequence pair that ends at some terminal is shifted by one more
  // than the largest payoff, as in Gambit; as a player's total weight over
  // such pairs is the same for all its plans, the shift changes no best
  // response.
  T shift = game.terminal_payoffs().empty() ? T(0) : game.terminal_payoffs()[0];
  for (const T& u : game.terminal_payoffs()) shift = max(shift, u);
  shift += 1;
  const auto chance = detail::chance_reach_of_terminals(game);
  std::vector<Eigen::Triplet<T>> m;
  const auto& seq = form.sequences;
  for (std::size_t t = 0; t < seq.terminal_count(); ++t) {
    const auto s = seq.at_terminal(t);
    const auto u = game.terminal_payoffs().subspan(t * 2, 2);
    m.emplace_back(s[0], n1 + s[1], T(chance[0][t] * (shift - u[0])));
    m.emplace_back(n1 + s[1], s[0], T(chance[1][t] * (shift - u[1])));
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
  const auto form = sequence_form(game);
  const auto solution =
      solve_lcp_lemke(detail::sequence_form_lcp(game, form), options.lemke);
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
