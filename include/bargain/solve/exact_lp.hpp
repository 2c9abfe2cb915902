// Exact linear programming for small dense problems: a two-phase simplex
// over the rationals (Dantzig's entering rule, Bland's after a run of
// degenerate pivots, so that it never cycles), and every answer comes with
// its proof. An optimum carries dual prices that meet it
// (strong duality), an infeasible program carries Farkas multipliers that
// say which rows cannot hold together, an unbounded one carries a ray. The
// proof is checked before the answer is returned. The cooperative
// bargaining solutions and the zone of possible agreement need this:
// answers exact to the last digit and, when there is no agreement, the
// reason why.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "bargain/numeric.hpp"

namespace bargain {

/// How a row's left side compares with its right side.
enum class Relation { less_equal, greater_equal, equal };

/// maximize objective·x subject to, for each row i,
/// rows[i]·x (<=, >= or =) rhs[i]; every variable is free unless
/// `nonnegative` marks it x_j >= 0.
struct ExactLp {
  std::vector<std::vector<Rational>> rows;  ///< the constraint matrix, by row
  std::vector<Relation> relations;          ///< one per row
  std::vector<Rational> rhs;                ///< one per row
  std::vector<Rational> objective;          ///< one per variable
  /// Per variable: x_j >= 0 (true) or free (false). Empty means all free.
  std::vector<bool> nonnegative;
};

/// What the simplex found.
enum class LpStatus { optimal, infeasible, unbounded };

/// An answer with its certificate; which fields are filled depends on the
/// status. Row multipliers y follow the signs of the dual of a
/// maximization: y_i >= 0 on a <= row, y_i <= 0 on a >= row, free on an
/// equality, so that y·(rows x) <= y·rhs for every feasible x.
struct ExactLpResult {
  LpStatus status = LpStatus::optimal;
  /// optimal: an optimal basic solution; unbounded: the feasible point the
  /// ray starts from; infeasible: empty.
  std::vector<Rational> x;
  /// optimal: objective·x, which equals rhs·duals.
  Rational value;
  /// optimal: one price per row; y·rows matches the objective exactly on
  /// free variables and is at least it on nonnegative ones.
  std::vector<Rational> duals;
  /// infeasible: one multiplier per row with y·rows zero on free variables
  /// and nonnegative on nonnegative ones, yet y·rhs < 0: the rows with a
  /// nonzero multiplier cannot hold together.
  std::vector<Rational> farkas;
  /// unbounded: a direction that keeps every row satisfied (rows·ray <= 0
  /// on a <= row, >= 0 on a >= row, 0 on an equality, >= 0 on nonnegative
  /// variables) and raises the objective (objective·ray > 0).
  std::vector<Rational> ray;
};

/// Largest standard-form tableau, in cells (rows times columns, counting
/// split free variables, slacks and artificials), that maximize() accepts.
inline constexpr std::size_t kMaxExactLpCells = 2'000'000;

/// Solves the program exactly and verifies the certificate before
/// returning. Throws ModelError for inconsistent sizes, LimitError beyond
/// kMaxExactLpCells, VerificationFailure if a certificate fails its check.
ExactLpResult maximize(const ExactLp& lp);

/// Checks `result` against `lp` from scratch: feasibility, dual feasibility
/// and equal objective values for an optimum, the Farkas contradiction for
/// infeasibility, the ray for unboundedness. Throws VerificationFailure,
/// naming the failed condition.
void verify(const ExactLp& lp, const ExactLpResult& result);

namespace detail {
/// a . b over exact rationals, skipping zeros (rows are mostly sparse).
Rational dot(std::span<const Rational> a, std::span<const Rational> b);
}  // namespace detail

/// The rows with a nonzero Farkas multiplier, increasing: a set of rows
/// that cannot hold together. Empty unless the result is infeasible.
std::vector<std::size_t> conflicting_rows(const ExactLpResult& result);

}  // namespace bargain
