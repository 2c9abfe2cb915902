#include "bargain/solve/exact_lp.hpp"

#include <string>

#include "bargain/error.hpp"

namespace bargain {
Rational detail::dot(std::span<const Rational> a, std::span<const Rational> b) {
  Rational sum = 0;
  for (std::size_t j = 0; j < a.size(); ++j)
    if (a[j] != 0 && b[j] != 0) sum += a[j] * b[j];
  return sum;
}

namespace {

using detail::dot;

constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);

bool is_nonnegative(const ExactLp& lp, std::size_t variable) {
  return !lp.nonnegative.empty() && lp.nonnegative[variable];
}

void check_sizes(const ExactLp& lp) {
  const std::size_t rows = lp.rows.size();
  const std::size_t variables = lp.objective.size();
  const auto per_row = [&](std::size_t found, const char* field) {
    if (found != rows)
      throw ModelError(std::string("exact LP field ") + field + " has " +
                       std::to_string(found) +
                       " entries, expected one per row (" +
                       std::to_string(rows) + ")");
  };
  per_row(lp.relations.size(), "relations");
  per_row(lp.rhs.size(), "rhs");
  for (std::size_t i = 0; i < rows; ++i)
    if (lp.rows[i].size() != variables)
      throw ModelError(std::string("exact LP row ") + std::to_string(i) +
                       " has " + std::to_string(lp.rows[i].size()) +
                       " coefficients, expected one per variable (" +
                       std::to_string(variables) + ")");
  if (!lp.nonnegative.empty() && lp.nonnegative.size() != variables)
    throw ModelError(std::string("exact LP field nonnegative has ") +
                     std::to_string(lp.nonnegative.size()) +
                     " entries, expected none or one per variable (" +
                     std::to_string(variables) + ")");
}

/// Whether `lhs` (relation) `rhs` holds.
bool holds(Relation relation, const Rational& lhs, const Rational& rhs) {
  switch (relation) {
    case Relation::less_equal:
      return lhs <= rhs;
    case Relation::greater_equal:
      return lhs >= rhs;
    case Relation::equal:
      return lhs == rhs;
  }
  return false;
}

/// The relation of a row multiplied by -1.
Relation reversed(Relation relation) {
  switch (relation) {
    case Relation::less_equal:
      return Relation::greater_equal;
    case Relation::greater_equal:
      return Relation::less_equal;
    case Relation::equal:
      return Relation::equal;
  }
  return relation;
}

/// A row multiplier has the sign that keeps y·(rows x) <= y·rhs.
bool has_dual_sign(Relation relation, const Rational& multiplier) {
  switch (relation) {
    case Relation::less_equal:
      return multiplier >= 0;
    case Relation::greater_equal:
      return multiplier <= 0;
    case Relation::equal:
      return true;
  }
  return false;
}

[[noreturn]] void fail(const std::string& what) {
  throw VerificationFailure("exact LP: " + what);
}

/// Rows x satisfies every row (and the sign of nonnegative variables); for
/// a ray, the homogeneous version with right sides zero.
void check_rows(const ExactLp& lp, const std::vector<Rational>& x, bool ray,
                const char* what) {
  if (x.size() != lp.objective.size())
    fail(std::string(what) + " has " + std::to_string(x.size()) +
         " entries, expected " + std::to_string(lp.objective.size()));
  const Rational zero = 0;
  for (std::size_t i = 0; i < lp.rows.size(); ++i)
    if (!holds(lp.relations[i], dot(lp.rows[i], x), ray ? zero : lp.rhs[i]))
      fail(std::string(what) + " violates row " + std::to_string(i));
  for (std::size_t j = 0; j < x.size(); ++j)
    if (is_nonnegative(lp, j) && x[j] < 0)
      fail(std::string(what) + " is negative on nonnegative variable " +
           std::to_string(j));
}

/// The multipliers have their dual signs and y·rows covers `target`
/// (exactly on free variables, from above on nonnegative ones): dual
/// feasibility for the objective, the Farkas condition for zero.
void check_multipliers(const ExactLp& lp, const std::vector<Rational>& y,
                       const std::vector<Rational>& target, const char* what) {
  if (y.size() != lp.rows.size())
    fail(std::string(what) + " has " + std::to_string(y.size()) +
         " entries, expected " + std::to_string(lp.rows.size()));
  std::vector<Rational> combination(lp.objective.size(), Rational(0));
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (!has_dual_sign(lp.relations[i], y[i]))
      fail(std::string(what) + " has the wrong sign on row " +
           std::to_string(i));
    if (y[i] == 0) continue;
    for (std::size_t j = 0; j < combination.size(); ++j)
      combination[j] += y[i] * lp.rows[i][j];
  }
  for (std::size_t j = 0; j < combination.size(); ++j)
    if (is_nonnegative(lp, j) ? combination[j] < target[j]
                              : combination[j] != target[j])
      fail(std::string(what) + " fails on the column of variable " +
           std::to_string(j));
}

/// The program in standard form, max c'·x' subject to A'x' = b' >= 0 and
/// x' >= 0, as a dense tableau. Columns: the variables (a free one twice,
/// as x+ and x-), a slack (+1) or surplus (-1) per inequality, and an
/// artificial per row that has no +1 slack to start the basis with. The
/// column that started as the unit vector of row i stays in the tableau
/// (artificials are barred from entering in phase 2, not deleted): its
/// reduced cost is how the row prices are read off.
class Simplex {
 public:
  explicit Simplex(const ExactLp& lp) : lp_(lp), rows_(lp.rows.size()) {
    std::size_t columns = 0;
    for (std::size_t j = 0; j < lp.objective.size(); ++j) {
      plus_.push_back(columns++);
      minus_.push_back(is_nonnegative(lp, j) ? kNoColumn : columns++);
    }
    std::size_t next_slack = columns;
    // Rows are negated where needed so that every right side is >= 0.
    std::vector<Relation> relation(rows_);
    std::size_t artificials = 0;
    for (std::size_t i = 0; i < rows_; ++i) {
      negated_.push_back(lp.rhs[i] < 0);
      relation[i] = negated_[i] ? reversed(lp.relations[i]) : lp.relations[i];
      if (relation[i] != Relation::less_equal) ++artificials;
      if (relation[i] != Relation::equal) ++columns;
    }
    first_artificial_ = columns;
    columns_ = columns + artificials;
    if (columns_ + 1 > kMaxExactLpCells / (rows_ + 1))
      throw LimitError(std::string("exact LP tableau would have ") +
                       std::to_string(rows_ + 1) + " rows and " +
                       std::to_string(columns_ + 1) +
                       " columns, above the limit of " +
                       std::to_string(kMaxExactLpCells) + " cells");

    tableau_.assign(rows_ + 1, std::vector<Rational>(columns_ + 1));
    std::size_t next_artificial = first_artificial_;
    for (std::size_t i = 0; i < rows_; ++i) {
      auto& row = tableau_[i];
      const int sign = negated_[i] ? -1 : 1;
      for (std::size_t j = 0; j < lp.objective.size(); ++j) {
        if (lp.rows[i][j] == 0) continue;
        row[plus_[j]] = sign * lp.rows[i][j];
        if (minus_[j] != kNoColumn) row[minus_[j]] = -row[plus_[j]];
      }
      row[columns_] = sign * lp.rhs[i];
      if (relation[i] != Relation::equal)
        row[next_slack] = relation[i] == Relation::less_equal ? 1 : -1;
      unit_.push_back(relation[i] == Relation::less_equal ? next_slack
                                                          : next_artificial);
      if (relation[i] != Relation::equal) ++next_slack;
      if (relation[i] != Relation::less_equal) row[next_artificial++] = 1;
    }
    basis_ = unit_;
  }

  ExactLpResult solve() {
    ExactLpResult result;
    if (first_artificial_ < columns_) {
      // Phase 1: drive the artificials to zero, or prove they cannot be.
      std::vector<Rational> phase_one(columns_, Rational(0));
      for (std::size_t j = first_artificial_; j < columns_; ++j)
        phase_one[j] = -1;
      set_costs(phase_one);
      run(columns_);
      if (value() < 0) {
        result.status = LpStatus::infeasible;
        result.farkas = row_prices(phase_one);
        return result;
      }
      drive_out_artificials();
    }
    std::vector<Rational> costs(columns_, Rational(0));
    for (std::size_t j = 0; j < lp_.objective.size(); ++j) {
      costs[plus_[j]] = lp_.objective[j];
      if (minus_[j] != kNoColumn) costs[minus_[j]] = -lp_.objective[j];
    }
    set_costs(costs);
    const std::size_t entering = run(first_artificial_);
    result.x = original(basic_values());
    if (entering != kNoColumn) {
      result.status = LpStatus::unbounded;
      std::vector<Rational> direction(columns_, Rational(0));
      direction[entering] = 1;
      for (std::size_t i = 0; i < rows_; ++i)
        direction[basis_[i]] = -tableau_[i][entering];
      result.ray = original(direction);
      return result;
    }
    result.status = LpStatus::optimal;
    result.value = value();
    result.duals = row_prices(costs);
    return result;
  }

 private:
  std::vector<Rational>& reduced_costs() { return tableau_[rows_]; }
  /// The objective value of the current basic solution.
  Rational value() const { return -tableau_[rows_][columns_]; }

  /// Makes `costs` the objective: reduced costs c - c_B B^-1 A', and the
  /// value c_B B^-1 b' stored negated in the last cell.
  void set_costs(const std::vector<Rational>& costs) {
    auto& reduced = reduced_costs();
    for (std::size_t j = 0; j < columns_; ++j) reduced[j] = costs[j];
    reduced[columns_] = 0;
    for (std::size_t i = 0; i < rows_; ++i) {
      const Rational& weight = costs[basis_[i]];
      if (weight == 0) continue;
      for (std::size_t j = 0; j <= columns_; ++j)
        if (tableau_[i][j] != 0) reduced[j] -= weight * tableau_[i][j];
    }
  }

  /// Pivots until optimal (returns kNoColumn) or until an entering column
  /// meets no row to stop it (returns that column). Only columns below
  /// `enterable` may enter. The entering column is the one with the largest
  /// reduced cost (Dantzig's rule, few pivots in practice); after a run of
  /// degenerate pivots, which is where cycling can happen, Bland's rule
  /// (the first improving column, ties leaving by lowest basic index) takes
  /// over until the objective moves again, so the method always ends.
  std::size_t run(std::size_t enterable) {
    constexpr int kDegenerateRunBeforeBland = 20;
    int degenerate_run = 0;
    for (;;) {
      const bool bland = degenerate_run >= kDegenerateRunBeforeBland;
      std::size_t entering = kNoColumn;
      for (std::size_t j = 0; j < enterable; ++j) {
        if (reduced_costs()[j] <= 0) continue;
        if (entering == kNoColumn ||
            reduced_costs()[j] > reduced_costs()[entering])
          entering = j;
        if (bland) break;
      }
      if (entering == kNoColumn) return kNoColumn;
      std::size_t leaving = kNoColumn;
      Rational best_ratio;
      for (std::size_t i = 0; i < rows_; ++i) {
        const Rational& entry = tableau_[i][entering];
        if (entry <= 0) continue;
        Rational ratio = tableau_[i][columns_] / entry;
        if (leaving == kNoColumn || ratio < best_ratio ||
            (ratio == best_ratio && basis_[i] < basis_[leaving])) {
          leaving = i;
          best_ratio = std::move(ratio);
        }
      }
      if (leaving == kNoColumn) return entering;
      degenerate_run = best_ratio == 0 ? degenerate_run + 1 : 0;
      pivot(leaving, entering);
    }
  }

  void pivot(std::size_t row, std::size_t column) {
    auto& pivot_row = tableau_[row];
    const Rational pivot_entry = pivot_row[column];
    std::vector<std::size_t> nonzero;
    for (std::size_t j = 0; j <= columns_; ++j)
      if (pivot_row[j] != 0) {
        pivot_row[j] /= pivot_entry;
        nonzero.push_back(j);
      }
    for (std::size_t i = 0; i <= rows_; ++i) {
      if (i == row || tableau_[i][column] == 0) continue;
      const Rational factor = tableau_[i][column];
      for (const std::size_t j : nonzero)
        tableau_[i][j] -= factor * pivot_row[j];
    }
    basis_[row] = column;
  }

  /// After a successful phase 1 every artificial is zero; those still basic
  /// leave for any real column with a nonzero entry in their row (a
  /// degenerate pivot). A row with none is redundant, and its artificial
  /// stays basic at zero, out of every later ratio test.
  void drive_out_artificials() {
    for (std::size_t i = 0; i < rows_; ++i) {
      if (basis_[i] < first_artificial_) continue;
      for (std::size_t j = 0; j < first_artificial_; ++j)
        if (tableau_[i][j] != 0) {
          pivot(i, j);
          break;
        }
    }
  }

  /// The prices y = c_B B^-1 of the input rows: the unit column of row i
  /// has reduced cost costs[unit] - y'_i, and a negated row's price flips.
  std::vector<Rational> row_prices(const std::vector<Rational>& costs) {
    std::vector<Rational> prices(rows_);
    for (std::size_t i = 0; i < rows_; ++i) {
      prices[i] = costs[unit_[i]] - reduced_costs()[unit_[i]];
      if (negated_[i]) prices[i] = -prices[i];
    }
    return prices;
  }

  std::vector<Rational> basic_values() const {
    std::vector<Rational> values(columns_, Rational(0));
    for (std::size_t i = 0; i < rows_; ++i)
      values[basis_[i]] = tableau_[i][columns_];
    return values;
  }

  /// A standard-form vector in the input's variables: x = x+ - x-.
  std::vector<Rational> original(const std::vector<Rational>& standard) const {
    std::vector<Rational> x(plus_.size());
    for (std::size_t j = 0; j < plus_.size(); ++j) {
      x[j] = standard[plus_[j]];
      if (minus_[j] != kNoColumn) x[j] -= standard[minus_[j]];
    }
    return x;
  }

  const ExactLp& lp_;
  std::size_t rows_;
  std::size_t columns_ = 0;           // standard-form columns
  std::size_t first_artificial_ = 0;  // columns from here on are artificial
  std::vector<std::size_t> plus_, minus_;  // per variable, its columns
  std::vector<bool> negated_;              // per row
  std::vector<std::size_t> unit_;          // per row, its unit column
  std::vector<std::size_t> basis_;         // per row, its basic column
  /// rows_ constraint rows then the reduced costs; the last column holds
  /// the right sides and, in the cost row, minus the objective value.
  std::vector<std::vector<Rational>> tableau_;
};

}  // namespace

ExactLpResult maximize(const ExactLp& lp) {
  check_sizes(lp);
  ExactLpResult result = Simplex(lp).solve();
  verify(lp, result);
  return result;
}

void verify(const ExactLp& lp, const ExactLpResult& result) {
  check_sizes(lp);
  switch (result.status) {
    case LpStatus::optimal:
      check_rows(lp, result.x, false, "the optimal point");
      check_multipliers(lp, result.duals, lp.objective, "the dual prices");
      if (dot(lp.objective, result.x) != result.value)
        fail("the optimal value is not objective·x");
      if (dot(lp.rhs, result.duals) != result.value)
        fail("the dual value rhs·duals differs from the optimal value");
      return;
    case LpStatus::infeasible:
      check_multipliers(lp, result.farkas,
                        std::vector<Rational>(lp.objective.size(), 0),
                        "the Farkas certificate");
      if (dot(lp.rhs, result.farkas) >= 0)
        fail("the Farkas certificate gives rhs·y >= 0, no contradiction");
      return;
    case LpStatus::unbounded:
      check_rows(lp, result.x, false, "the ray's starting point");
      check_rows(lp, result.ray, true, "the ray");
      if (dot(lp.objective, result.ray) <= 0)
        fail("the ray does not raise the objective");
      return;
  }
}

std::vector<std::size_t> conflicting_rows(const ExactLpResult& result) {
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < result.farkas.size(); ++i)
    if (result.farkas[i] != 0) rows.push_back(i);
  return rows;
}

}  // namespace bargain
