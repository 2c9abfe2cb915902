// Linear programs, solved in double precision by Clp (COIN-OR) and, when
// asked for in exact arithmetic, finished exactly: the optimal basis Clp
// ends in is solved over the rationals (Eigen's sparse LU), giving exact
// primal and dual values that the caller then verifies. A basis that is not
// exactly optimal (rounding misled the simplex) is reported as such, never
// passed off as an answer.
#pragma once

#include <Eigen/SparseCore>
#include <Eigen/SparseLU>
#include <boost/multiprecision/eigen.hpp>
#include <optional>
#include <vector>

#include "bargain/numeric.hpp"

namespace bargain {

/// maximize c'x subject to, for each row i, (K x)_i = b_i or (K x)_i <= b_i,
/// and x_j >= 0 or x_j free.
template <Scalar T>
struct LinearProgram {
  Eigen::SparseMatrix<T, Eigen::RowMajor> K;
  std::vector<T> b;
  std::vector<bool> equality;  ///< per row: = (true) or <= (false)
  std::vector<T> c;
  std::vector<bool> free;  ///< per column: free (true) or >= 0 (false)
};

/// An optimal basic solution: primal x, the rows' dual prices, and which
/// columns and rows (slacks) are basic.
template <Scalar T>
struct LpSolution {
  std::vector<T> x;
  std::vector<T> dual;
  T objective = T(0);
  std::vector<bool> basic_column;
  std::vector<bool> basic_row;
};

/// Clp's barrier method with crossover to an optimal basis. Throws
/// UnsupportedGame if the program is infeasible or unbounded, Error if Clp
/// fails.
LpSolution<double> solve_lp_double(const LinearProgram<double>& lp);

/// The exact basic solution of `basis` (its basic columns and rows), if it
/// is primal and dual feasible, hence optimal; nullopt otherwise.
template <Scalar T>
std::optional<LpSolution<T>> solve_basis_exactly(
    const LinearProgram<T>& lp, const std::vector<bool>& basic_column,
    const std::vector<bool>& basic_row) {
  using Vector = Eigen::Matrix<T, Eigen::Dynamic, 1>;
  const auto rows = static_cast<std::size_t>(lp.K.rows());
  const auto cols = static_cast<std::size_t>(lp.K.cols());
  // Nonbasic rows are tight; nonbasic columns are zero (at their bound, or
  // free and nonbasic at zero, as the crossover leaves them). So the basic
  // columns solve K[tight rows, basic columns] x_B = b[tight rows].
  std::vector<Eigen::Index> column_index(cols, -1), row_index(rows, -1);
  Eigen::Index size = 0, tight = 0;
  for (std::size_t j = 0; j < cols; ++j)
    if (basic_column[j]) column_index[j] = size++;
  for (std::size_t i = 0; i < rows; ++i)
    if (!basic_row[i]) row_index[i] = tight++;
  if (size != tight) return std::nullopt;
  LpSolution<T> out{std::vector<T>(cols, T(0)), std::vector<T>(rows, T(0)),
                    T(0), basic_column, basic_row};
  if (size > 0) {
    std::vector<Eigen::Triplet<T>> entries;
    Vector rhs(size), cost(size);
    for (std::size_t i = 0; i < rows; ++i) {
      if (row_index[i] < 0) continue;
      rhs[row_index[i]] = lp.b[i];
      for (typename Eigen::SparseMatrix<T, Eigen::RowMajor>::InnerIterator e(
               lp.K, static_cast<Eigen::Index>(i));
           e; ++e)
        if (column_index[e.col()] >= 0)
          entries.emplace_back(row_index[i], column_index[e.col()], e.value());
    }
    for (std::size_t j = 0; j < cols; ++j)
      if (column_index[j] >= 0) cost[column_index[j]] = lp.c[j];
    Eigen::SparseMatrix<T> basis(size, size);
    basis.setFromTriplets(entries.begin(), entries.end());
    Eigen::SparseLU<Eigen::SparseMatrix<T>, Eigen::COLAMDOrdering<int>> lu;
    lu.compute(basis);
    if (lu.info() != Eigen::Success) return std::nullopt;
    const Vector x = lu.solve(rhs);
    // Dual prices of the tight rows: basis' y = c_B.
    const Vector y = lu.transpose().solve(cost);
    if (lu.info() != Eigen::Success) return std::nullopt;
    for (std::size_t j = 0; j < cols; ++j)
      if (column_index[j] >= 0) out.x[j] = x[column_index[j]];
    for (std::size_t i = 0; i < rows; ++i)
      if (row_index[i] >= 0) out.dual[i] = y[row_index[i]];
  }
  // Primal feasibility.
  std::vector<T> reduced_cost = lp.c;
  for (std::size_t i = 0; i < rows; ++i) {
    T activity = T(0);
    for (typename Eigen::SparseMatrix<T, Eigen::RowMajor>::InnerIterator e(
             lp.K, static_cast<Eigen::Index>(i));
         e; ++e) {
      activity += e.value() * out.x[e.col()];
      reduced_cost[e.col()] -= e.value() * out.dual[i];
    }
    if (lp.equality[i] ? activity != lp.b[i] : activity > lp.b[i])
      return std::nullopt;
    // Dual feasibility of a <= row in a maximization: a nonnegative price.
    if (!lp.equality[i] && out.dual[i] < 0) return std::nullopt;
  }
  for (std::size_t j = 0; j < cols; ++j) {
    if (!lp.free[j] && out.x[j] < 0) return std::nullopt;
    // Optimality: no column could raise the objective.
    if (lp.free[j] ? reduced_cost[j] != 0 : reduced_cost[j] > 0)
      return std::nullopt;
    out.objective += lp.c[j] * out.x[j];
  }
  return out;
}

}  // namespace bargain
