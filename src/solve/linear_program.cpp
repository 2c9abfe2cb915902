#include "bargain/solve/linear_program.hpp"

#include <coin/Clp_C_Interface.h>

#include <memory>

#include "bargain/error.hpp"

namespace bargain {

namespace {

struct ModelDeleter {
  void operator()(Clp_Simplex* model) const { Clp_deleteModel(model); }
};

constexpr double kInfinity = 1e300;  // Clp's COIN_DBL_MAX and beyond

}  // namespace

LpSolution<double> solve_lp_double(const LinearProgram<double>& lp) {
  const auto rows = static_cast<int>(lp.K.rows());
  const auto cols = static_cast<int>(lp.K.cols());
  Eigen::SparseMatrix<double, Eigen::ColMajor, CoinBigIndex> by_column = lp.K;
  by_column.makeCompressed();
  std::vector<double> column_lower(cols), column_upper(cols, kInfinity);
  for (int j = 0; j < cols; ++j)
    column_lower[j] = lp.free[j] ? -kInfinity : 0.0;
  std::vector<double> row_lower(rows), row_upper(lp.b);
  for (int i = 0; i < rows; ++i)
    row_lower[i] = lp.equality[i] ? lp.b[i] : -kInfinity;

  std::unique_ptr<Clp_Simplex, ModelDeleter> owner(Clp_newModel());
  Clp_Simplex* model = owner.get();
  Clp_setLogLevel(model, 0);
  Clp_loadProblem(model, cols, rows, by_column.outerIndexPtr(),
                  by_column.innerIndexPtr(), by_column.valuePtr(),
                  column_lower.data(), column_upper.data(), lp.c.data(),
                  row_lower.data(), row_upper.data());
  Clp_setOptimizationDirection(model, -1);  // maximize
  // The barrier method with crossover to an optimal basis: on sequence-form
  // programs (sparse, many degenerate vertices) three times faster than
  // Clp's own dual simplex and more accurate; the basis is what the exact
  // answer is then computed from.
  Clp_initialBarrierSolve(model);
  switch (Clp_status(model)) {
    case 0:
      break;
    case 1:
      throw UnsupportedGame("the linear program has no feasible solution");
    case 2:
      throw UnsupportedGame("the linear program is unbounded");
    default:
      throw Error(
          "the LP solver (Clp) ended without an optimal solution, "
          "status " +
          std::to_string(Clp_status(model)));
  }
  LpSolution<double> out;
  out.objective = Clp_objectiveValue(model);
  const double* x = Clp_getColSolution(model);
  const double* price = Clp_getRowPrice(model);
  out.x.assign(x, x + cols);
  out.dual.assign(price, price + rows);
  for (int j = 0; j < cols; ++j)
    out.basic_column.push_back(Clp_getColumnStatus(model, j) == 1);
  for (int i = 0; i < rows; ++i)
    out.basic_row.push_back(Clp_getRowStatus(model, i) == 1);
  return out;
}

}  // namespace bargain
