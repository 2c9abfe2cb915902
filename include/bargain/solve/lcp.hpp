// Linear complementarity problems and Lemke's algorithm.
//
// Find z >= 0 with w = q + M z >= 0 and z'w = 0. Lemke adds an artificial
// variable z0 with covering vector d (w = q + M z + d z0), starts on the ray
// where z0 is large, and pivots complementarily until z0 leaves the basis (a
// solution) or the path runs off along a secondary ray (no solution this way).
//
// Degenerate problems are resolved by the lexicographic rule (the right-hand
// side perturbed by eps^k in row k), so the path is unique and never cycles;
// in exact arithmetic the rule is exact, in double it compares with a small
// tolerance. The tableau is dense (Tucker form: one column per nonbasic
// variable), and a pivot touches only the nonzeros of its row and column.
//
// Exact problems are first solved along the same path in double precision;
// the basis it ends in is then solved exactly (a sparse LU over rationals)
// and kept if it is an exact solution. Only when rounding misled the double
// path is the path followed again in exact arithmetic. Double problems whose
// path rounding ends on a false ray are solved exactly and rounded back.
#pragma once

#include <Eigen/SparseCore>
#include <Eigen/SparseLU>
#include <algorithm>
#include <boost/multiprecision/eigen.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "bargain/error.hpp"
#include "bargain/numeric.hpp"

namespace bargain {

/// Lemke's path ended on a secondary ray: the problem has no solution that
/// this path reaches (for the sequence form of a game: never in exact
/// arithmetic, and in double a sign that rounding led it astray).
class LcpRayTermination : public Error {
 public:
  using Error::Error;
};

/// w = q + M z + d z0 over n complementary pairs (w_k, z_k).
template <Scalar T>
struct Lcp {
  Eigen::SparseMatrix<T, Eigen::RowMajor> M;
  std::vector<T> q;
  std::vector<T> d;  ///< covering vector: positive where q is negative
};

template <Scalar T>
struct LcpSolution {
  std::vector<T> z;
  std::vector<T> w;
  /// Which z_k are basic in the final basis (the others are zero).
  std::vector<bool> z_basic;
  std::size_t pivots = 0;
};

struct LemkeOptions {
  /// Stop with LimitError after this many pivots (0: 100 n + 1000). The
  /// lexicographic rule cannot cycle; this bounds only the path's length.
  std::size_t max_pivots = 0;
};

namespace detail {

// The dictionary: basic variables as affine functions of the nonbasic ones,
// x_B(i) = a(i, rhs) + sum_j a(i, j) x_N(j). Variables: w_k = k, z_k = n + k,
// z0 = 2n.
template <Scalar T>
class LemkeTableau {
 public:
  explicit LemkeTableau(const Lcp<T>& lcp)
      : n_(lcp.q.size()),
        columns_(n_ + 2),
        a_(n_ * columns_, T(0)),
        basis_(n_),
        nonbasic_(n_ + 1),
        row_of_(2 * n_ + 1, kNone),
        column_of_(2 * n_ + 1, kNone) {
    for (std::size_t i = 0; i < n_; ++i) {
      for (typename Eigen::SparseMatrix<T, Eigen::RowMajor>::InnerIterator e(
               lcp.M, static_cast<Eigen::Index>(i));
           e; ++e)
        at(i, static_cast<std::size_t>(e.col())) = e.value();
      at(i, n_) = lcp.d[i];
      at(i, rhs()) = lcp.q[i];
      basis_[i] = i;
      row_of_[i] = i;
    }
    for (std::size_t j = 0; j <= n_; ++j) {
      nonbasic_[j] = n_ + j;
      column_of_[n_ + j] = j;
    }
  }

  std::size_t size() const { return n_; }
  std::size_t artificial() const { return 2 * n_; }
  std::size_t complement(std::size_t var) const {
    return var < n_ ? var + n_ : var - n_;
  }
  std::size_t rhs() const { return n_ + 1; }
  std::size_t basic(std::size_t row) const { return basis_[row]; }
  std::size_t column(std::size_t var) const { return column_of_[var]; }
  bool is_basic(std::size_t var) const { return row_of_[var] != kNone; }

  /// The value of a variable in the current basic solution.
  T value(std::size_t var) const {
    if (row_of_[var] == kNone) return T(0);
    const T& v = at(row_of_[var], rhs());
    // A degenerate basic variable is zero; in double it comes out as dust.
    if constexpr (!is_exact_v<T>)
      if (std::abs(v) < kEpsilon) return T(0);
    return v;
  }

  /// The row whose basic variable leaves when the nonbasic variable of
  /// column s increases: the lexicographic minimum ratio; none on a ray.
  std::optional<std::size_t> leaving_row(std::size_t s) const {
    std::vector<std::size_t> candidates;
    // In double, "negative" is judged against the column's largest entry:
    // entries grow with the payoffs and along the path.
    T threshold = T(0);
    if constexpr (!is_exact_v<T>) {
      for (std::size_t i = 0; i < n_; ++i)
        threshold = std::max(threshold, std::abs(at(i, s)));
      threshold *= kEpsilon;
    }
    for (std::size_t i = 0; i < n_; ++i)
      if (at(i, s) < -threshold) candidates.push_back(i);
    if (candidates.empty()) return std::nullopt;
    // Compare a(i, rhs) / -a(i, s), then the perturbation's coefficients
    // (eps^k comes from w_k) in the same ratio, until one row is left.
    keep_minimal(candidates, s, [&](std::size_t i) { return at(i, rhs()); });
    for (std::size_t k = 0; k < n_ && candidates.size() > 1; ++k) {
      if (row_of_[k] != kNone) {
        const std::size_t r = row_of_[k];
        keep_minimal(candidates, s,
                     [&](std::size_t i) { return T(i == r ? 1 : 0); });
      } else {
        const std::size_t c = column_of_[k];
        keep_minimal(candidates, s,
                     [&](std::size_t i) { return T(-at(i, c)); });
      }
    }
    return candidates.front();
  }

  /// Exchanges the basic variable of row r with the nonbasic one of column s.
  void pivot(std::size_t r, std::size_t s) {
    T* row = &a_[r * columns_];
    const T inverse = T(1) / row[s];
    nonzero_.clear();
    for (std::size_t j = 0; j < columns_; ++j) {
      if (j == s) {
        row[j] = inverse;
      } else if (row[j] != 0) {
        row[j] = -row[j] * inverse;
        nonzero_.push_back(j);
      }
    }
    for (std::size_t i = 0; i < n_; ++i) {
      if (i == r) continue;
      T* other = &a_[i * columns_];
      if (other[s] == 0) continue;
      const T factor = other[s];
      for (const std::size_t j : nonzero_) {
        other[j] += factor * row[j];
        // Rounding leaves dust where exact arithmetic gives zero; left in
        // place it would make later pivots denser and ties look broken.
        if constexpr (!is_exact_v<T>)
          if (std::abs(other[j]) < kEpsilon * kEpsilon) other[j] = 0;
      }
      other[s] = factor * inverse;
    }
    const std::size_t entering = nonbasic_[s], leaving = basis_[r];
    basis_[r] = entering;
    nonbasic_[s] = leaving;
    row_of_[entering] = r;
    column_of_[entering] = kNone;
    row_of_[leaving] = kNone;
    column_of_[leaving] = s;
  }

 private:
  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  // Relative to entries of order one, as the sequence form's are after the
  // payoff shift; exact arithmetic needs none.
  static constexpr double kEpsilon = 1e-9;

  T& at(std::size_t i, std::size_t j) { return a_[i * columns_ + j]; }
  const T& at(std::size_t i, std::size_t j) const {
    return a_[i * columns_ + j];
  }

  template <class Numerator>
  void keep_minimal(std::vector<std::size_t>& candidates, std::size_t s,
                    Numerator numerator) const {
    std::vector<T> ratio;
    ratio.reserve(candidates.size());
    for (const std::size_t i : candidates)
      ratio.push_back(numerator(i) / T(-at(i, s)));
    T least = *std::min_element(ratio.begin(), ratio.end());
    std::size_t kept = 0;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      bool tied;
      if constexpr (is_exact_v<T>) {
        tied = ratio[k] == least;
      } else {
        tied = ratio[k] <= least + kEpsilon * std::max(1.0, std::abs(least));
      }
      if (tied) candidates[kept++] = candidates[k];
    }
    candidates.resize(kept);
  }

  std::size_t n_, columns_;
  std::vector<T> a_;                    // n rows x (n + 2) columns
  std::vector<std::size_t> basis_;      // variable of each row
  std::vector<std::size_t> nonbasic_;   // variable of each column
  std::vector<std::size_t> row_of_;     // per variable, kNone if nonbasic
  std::vector<std::size_t> column_of_;  // per variable, kNone if basic
  std::vector<std::size_t> nonzero_;    // scratch for pivot
};

}  // namespace detail

namespace detail {

template <Scalar T>
LcpSolution<T> follow_lemke_path(const Lcp<T>& lcp, LemkeOptions options) {
  const std::size_t n = lcp.q.size();
  if (static_cast<std::size_t>(lcp.M.rows()) != n ||
      static_cast<std::size_t>(lcp.M.cols()) != n || lcp.d.size() != n)
    throw GameError("an LCP needs an n x n matrix M and q, d of length n");
  LcpSolution<T> solution{std::vector<T>(n, T(0)), lcp.q,
                          std::vector<bool>(n, false), 0};
  std::optional<std::size_t> start;
  for (std::size_t k = 0; k < n; ++k) {
    if (!(lcp.q[k] < 0)) continue;
    if (!(lcp.d[k] > 0))
      throw GameError("the covering vector must be positive where q < 0 (row " +
                      std::to_string(k) + ")");
    if (!start || lcp.q[k] / lcp.d[k] < lcp.q[*start] / lcp.d[*start])
      start = k;
  }
  if (!start) return solution;  // z = 0 solves it

  const std::size_t limit =
      options.max_pivots ? options.max_pivots : 100 * n + 1000;
  detail::LemkeTableau<T> tableau(lcp);
  tableau.pivot(*start, tableau.column(tableau.artificial()));
  solution.pivots = 1;
  for (std::size_t entering = tableau.complement(*start);;) {
    if (solution.pivots >= limit)
      throw LimitError("Lemke's algorithm stopped after " +
                       std::to_string(solution.pivots) +
                       " pivots without reaching a solution");
    const std::size_t s = tableau.column(entering);
    const auto r = tableau.leaving_row(s);
    if (!r)
      throw LcpRayTermination(
          "Lemke's algorithm ended on a secondary ray after " +
          std::to_string(solution.pivots) +
          " pivots: no solution is reachable from this covering vector");
    const std::size_t leaving = tableau.basic(*r);
    tableau.pivot(*r, s);
    ++solution.pivots;
    if (leaving == tableau.artificial()) break;
    entering = tableau.complement(leaving);
  }
  for (std::size_t k = 0; k < n; ++k) {
    solution.w[k] = tableau.value(k);
    solution.z[k] = tableau.value(n + k);
    solution.z_basic[k] = tableau.is_basic(n + k);
  }
  return solution;
}

// The solution whose nonzero z are those of `z_basic`: M_CC z_C = -q_C on
// that set C, if it has one with z >= 0 and w = q + M z >= 0.
template <Scalar T>
std::optional<LcpSolution<T>> solve_complementary_basis(
    const Lcp<T>& lcp, const std::vector<bool>& z_basic) {
  const std::size_t n = lcp.q.size();
  std::vector<Eigen::Index> index(n, -1);
  Eigen::Index size = 0;
  for (std::size_t k = 0; k < n; ++k)
    if (z_basic[k]) index[k] = size++;
  LcpSolution<T> solution{std::vector<T>(n, T(0)), lcp.q, z_basic, 0};
  if (size > 0) {
    std::vector<Eigen::Triplet<T>> entries;
    Eigen::Matrix<T, Eigen::Dynamic, 1> rhs(size);
    for (std::size_t k = 0; k < n; ++k) {
      if (index[k] < 0) continue;
      rhs[index[k]] = -lcp.q[k];
      for (typename Eigen::SparseMatrix<T, Eigen::RowMajor>::InnerIterator e(
               lcp.M, static_cast<Eigen::Index>(k));
           e; ++e)
        if (index[e.col()] >= 0)
          entries.emplace_back(index[k], index[e.col()], e.value());
    }
    Eigen::SparseMatrix<T> system(size, size);
    system.setFromTriplets(entries.begin(), entries.end());
    Eigen::SparseLU<Eigen::SparseMatrix<T>, Eigen::COLAMDOrdering<int>> lu;
    lu.compute(system);
    if (lu.info() != Eigen::Success) return std::nullopt;
    const Eigen::Matrix<T, Eigen::Dynamic, 1> z = lu.solve(rhs);
    if (lu.info() != Eigen::Success) return std::nullopt;
    for (std::size_t k = 0; k < n; ++k)
      if (index[k] >= 0) solution.z[k] = z[index[k]];
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (solution.z[k] < 0) return std::nullopt;
    for (typename Eigen::SparseMatrix<T, Eigen::RowMajor>::InnerIterator e(
             lcp.M, static_cast<Eigen::Index>(k));
         e; ++e)
      solution.w[k] += e.value() * solution.z[e.col()];
    if (solution.w[k] < 0 || (solution.z[k] != 0 && solution.w[k] != 0))
      return std::nullopt;
  }
  return solution;
}

template <Scalar To, Scalar From>
Lcp<To> convert_lcp(const Lcp<From>& lcp) {
  Lcp<To> out{lcp.M.unaryExpr([](const From& x) { return scalar_cast<To>(x); }),
              convert_scalars<std::vector<To>>(lcp.q),
              convert_scalars<std::vector<To>>(lcp.d)};
  return out;
}

}  // namespace detail

/// Solves the LCP by Lemke's algorithm. The first pivot brings z0 in at the
/// row of the most negative q_k / d_k (the first such row on ties, as
/// Gambit's sequence-form solver does). Throws LcpRayTermination on a ray,
/// LimitError past the pivot limit, GameError for a malformed problem.
template <Scalar T>
LcpSolution<T> solve_lcp_lemke(const Lcp<T>& lcp, LemkeOptions options = {}) {
  if constexpr (is_exact_v<T>) {
    try {
      const auto guide =
          detail::follow_lemke_path(detail::convert_lcp<double>(lcp), options);
      if (auto exact = detail::solve_complementary_basis(lcp, guide.z_basic)) {
        exact->pivots = guide.pivots;
        return *std::move(exact);
      }
    } catch (const Error&) {
      // A double path that failed or overflowed proves nothing about the
      // exact one: follow that instead.
    }
    return detail::follow_lemke_path(lcp, options);
  } else {
    try {
      return detail::follow_lemke_path(lcp, options);
    } catch (const Error&) {
      // Rounding can end a degenerate path on a false ray; the exact path
      // through the same problem (the doubles' exact values) cannot.
      const auto exact =
          solve_lcp_lemke(detail::convert_lcp<Rational>(lcp), options);
      return {convert_scalars<std::vector<T>>(exact.z),
              convert_scalars<std::vector<T>>(exact.w), exact.z_basic,
              exact.pivots};
    }
  }
}

}  // namespace bargain
