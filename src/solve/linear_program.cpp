#include "bargain/solve/linear_program.hpp"

#include <coin/Clp_C_Interface.h>
#include <dlfcn.h>

#include <memory>
#include <string>

#include "bargain/error.hpp"

namespace bargain {

namespace {

constexpr const char* kClpLibrary = "libClp.so.1";  // Debian 12's soname

// Clp is opened on first use, not linked: with the LAPACK and Fortran
// libraries it pulls in, loading it costs every run of a program some 3 ms,
// more than most games take to solve.
class ClpLibrary {
 public:
  static const ClpLibrary& get() {
    static const ClpLibrary library;
    return library;
  }

 private:
  // Before the functions: members are initialised in order, and the first
  // function loaded opens the library.
  void* handle_ = nullptr;  // left open: the process may solve again

 public:
#define BARGAIN_CLP_FUNCTION(name) \
  decltype(&::name) name = load<decltype(&::name)>(#name)
  BARGAIN_CLP_FUNCTION(Clp_newModel);
  BARGAIN_CLP_FUNCTION(Clp_deleteModel);
  BARGAIN_CLP_FUNCTION(Clp_setLogLevel);
  BARGAIN_CLP_FUNCTION(Clp_loadProblem);
  BARGAIN_CLP_FUNCTION(Clp_setOptimizationDirection);
  BARGAIN_CLP_FUNCTION(Clp_initialBarrierSolve);
  BARGAIN_CLP_FUNCTION(Clp_status);
  BARGAIN_CLP_FUNCTION(Clp_objectiveValue);
  BARGAIN_CLP_FUNCTION(Clp_getColSolution);
  BARGAIN_CLP_FUNCTION(Clp_getRowPrice);
  BARGAIN_CLP_FUNCTION(Clp_getColumnStatus);
  BARGAIN_CLP_FUNCTION(Clp_getRowStatus);
#undef BARGAIN_CLP_FUNCTION

 private:
  ClpLibrary() = default;

  template <class Function>
  Function load(const char* name) {
    if (!handle_) handle_ = dlopen(kClpLibrary, RTLD_NOW | RTLD_LOCAL);
    if (!handle_)
      throw Error(std::string("the LP solver needs Clp (Debian package "
                              "coinor-libclp1): ") +
                  dlerror());
    void* symbol = dlsym(handle_, name);
    if (!symbol)
      throw Error(std::string("Clp lacks ") + name + ": " + dlerror());
    return reinterpret_cast<Function>(symbol);
  }
};

struct ModelDeleter {
  void operator()(Clp_Simplex* model) const {
    ClpLibrary::get().Clp_deleteModel(model);
  }
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

  const ClpLibrary& clp = ClpLibrary::get();
  std::unique_ptr<Clp_Simplex, ModelDeleter> owner(clp.Clp_newModel());
  Clp_Simplex* model = owner.get();
  clp.Clp_setLogLevel(model, 0);
  clp.Clp_loadProblem(model, cols, rows, by_column.outerIndexPtr(),
                      by_column.innerIndexPtr(), by_column.valuePtr(),
                      column_lower.data(), column_upper.data(), lp.c.data(),
                      row_lower.data(), row_upper.data());
  clp.Clp_setOptimizationDirection(model, -1);  // maximize
  // The barrier method with crossover to an optimal basis: on sequence-form
  // programs (sparse, many degenerate vertices) three times faster than
  // Clp's own dual simplex and more accurate; the basis is what the exact
  // answer is then computed from.
  clp.Clp_initialBarrierSolve(model);
  switch (clp.Clp_status(model)) {
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
          std::to_string(clp.Clp_status(model)));
  }
  LpSolution<double> out;
  out.objective = clp.Clp_objectiveValue(model);
  const double* x = clp.Clp_getColSolution(model);
  const double* price = clp.Clp_getRowPrice(model);
  out.x.assign(x, x + cols);
  out.dual.assign(price, price + rows);
  for (int j = 0; j < cols; ++j)
    out.basic_column.push_back(clp.Clp_getColumnStatus(model, j) == 1);
  for (int i = 0; i < rows; ++i)
    out.basic_row.push_back(clp.Clp_getRowStatus(model, i) == 1);
  return out;
}

}  // namespace bargain
