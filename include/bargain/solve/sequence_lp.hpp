// The value and optimal strategies of a two-player constant-sum extensive
// game by the sequence-form linear program (Koller, Megiddo and von Stengel
// 1994):
//
//   maximize v_root  over x >= 0, v free
//   subject to  F'v - A'x <= 0,  E x = e,
//
// player 1's optimal realization plan is x; player 2's is the dual price y
// of the first rows. In double precision Clp solves it; in exact arithmetic
// Clp's optimal basis is then solved over the rationals and checked, and
// only if rounding misled the simplex does the exact Lemke path decide.
#pragma once

#include "bargain/solve/linear_program.hpp"
#include "bargain/solve/sequence_lemke.hpp"

namespace bargain {

/// Throws UnsupportedGame unless every terminal's payoffs sum to the same
/// constant and chance is objective (players' own beliefs would make the
/// game general-sum).
template <Scalar T>
void require_constant_sum(const ExtensiveGame<T>& game,
                          std::string_view method) {
  if (game.has_subjective_beliefs())
    throw UnsupportedGame(std::string(method) +
                          " needs one view of chance; here players hold their "
                          "own beliefs, which makes the game general-sum");
  const auto u = game.terminal_payoffs();
  const T tolerance = verification_tolerance(payoff_scale(game));
  for (std::size_t t = 1; t < game.tree().terminal_count(); ++t) {
    using std::abs;
    if (abs(T(u[2 * t] + u[2 * t + 1] - u[0] - u[1])) > tolerance)
      throw UnsupportedGame(
          std::string(method) +
          " solves constant-sum games; terminal payoffs sum to " +
          to_string(T(u[0] + u[1])) + " at the first terminal and " +
          to_string(T(u[2 * t] + u[2 * t + 1])) + " at terminal " +
          std::to_string(t + 1) + " (use the lcp method instead)");
  }
}

namespace detail {

inline constexpr double kPlanDust = 1e-9;

template <Scalar T>
LinearProgram<T> sequence_form_lp(const SequenceForm<T>& form) {
  const auto n1 = form.A.rows(), n2 = form.A.cols();
  const auto m1 = form.E.rows(), m2 = form.F.rows();
  LinearProgram<T> lp;
  std::vector<Eigen::Triplet<T>> entries;
  // Rows 0..n2: (F'v)_t - (A'x)_t <= 0, one per sequence t of player 2.
  for (Eigen::Index s = 0; s < n1; ++s)
    for (typename SequenceForm<T>::Matrix::InnerIterator e(form.A, s); e; ++e)
      entries.emplace_back(e.col(), s, T(-e.value()));
  for (Eigen::Index r = 0; r < m2; ++r)
    for (typename SequenceForm<T>::Matrix::InnerIterator e(form.F, r); e; ++e)
      entries.emplace_back(e.col(), n1 + r, e.value());
  // Rows n2..n2+m1: E x = e.
  for (Eigen::Index r = 0; r < m1; ++r)
    for (typename SequenceForm<T>::Matrix::InnerIterator e(form.E, r); e; ++e)
      entries.emplace_back(n2 + r, e.col(), e.value());
  lp.K.resize(n2 + m1, n1 + m2);
  lp.K.setFromTriplets(entries.begin(), entries.end());
  lp.b.assign(n2 + m1, T(0));
  lp.b[n2] = T(1);
  lp.equality.assign(n2, false);
  lp.equality.resize(n2 + m1, true);
  lp.c.assign(n1 + m2, T(0));
  lp.c[n1] = T(1);  // v at the root constraint: the value
  lp.free.assign(n1, false);
  lp.free.resize(n1 + m2, true);
  return lp;
}

template <Scalar To, Scalar From>
LinearProgram<To> convert_lp(const LinearProgram<From>& lp) {
  return {lp.K.unaryExpr([](const From& x) { return scalar_cast<To>(x); }),
          convert_scalars<std::vector<To>>(lp.b), lp.equality,
          convert_scalars<std::vector<To>>(lp.c), lp.free};
}

}  // namespace detail

/// Optimal strategies of a two-player constant-sum game and, as player 1's
/// payoff, the value; verified (regret exactly zero in exact arithmetic).
template <Scalar T>
SolveResult<T> solve_sequence_lp(const ExtensiveGame<T>& game) {
  const std::string method = "sequence-form LP";
  require_two_player_perfect_recall(game.tree(), method);
  require_constant_sum(game, method);
  const auto form = sequence_form(game);
  const auto lp = detail::sequence_form_lp(form);
  const auto n1 = static_cast<std::size_t>(form.A.rows());
  const auto n2 = static_cast<std::size_t>(form.A.cols());

  std::optional<LpSolution<T>> solution;
  if constexpr (is_exact_v<T>) {
    const auto guide = solve_lp_double(detail::convert_lp<double>(lp));
    solution = solve_basis_exactly(lp, guide.basic_column, guide.basic_row);
    if (!solution) {
      // Rounding misled the simplex: the exact Lemke path decides.
      auto result = solve_sequence_lemke(game);
      result.method = method + " (exact answer by sequence-form Lemke)";
      return result;
    }
  } else {
    solution = solve_lp_double(lp);
    // Realization plans lie in [0, 1]; the interior-point method leaves
    // dust of either sign where they are zero, which would turn into
    // nonsense behaviour where the player never goes.
    for (std::size_t j = 0; j < n1; ++j)
      if (solution->x[j] < detail::kPlanDust) solution->x[j] = 0;
    for (std::size_t t = 0; t < n2; ++t)
      if (solution->dual[t] < detail::kPlanDust) solution->dual[t] = 0;
  }
  const std::vector<RealizationPlan<T>> plans{
      {solution->x.begin(), solution->x.begin() + n1},
      {solution->dual.begin(), solution->dual.begin() + n2}};
  auto profile = behavior_profile<T>(game.shared_tree(), form.sequences, plans);
  auto verification = verify_nash(game, profile);
  return one_equilibrium(game, std::move(profile), std::move(verification),
                         method);
}

}  // namespace bargain
