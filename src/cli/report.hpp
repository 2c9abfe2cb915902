// How `bargain solve` shows a result: a readable table, JSON for programs,
// or Gambit's `NE,...` lines for scripts written for Gambit.
#pragma once

#include <ostream>
#include <string>

#include "bargain/game/tree.hpp"
#include "bargain/solve/result.hpp"

namespace bargain::cli {

enum class Format { table, json, gambit };

/// What the report says about where the game came from and how it was solved.
struct ReportContext {
  std::string source;       ///< the path of the game file
  std::string kind;         ///< what the equilibria are, e.g. "subgame-perfect"
  bool exhaustive = false;  ///< every equilibrium of that kind was sought
  std::string note;         ///< how the one equilibrium shown was chosen
};

template <Scalar T>
void print_report(std::ostream& out, const ExtensiveGame<T>& game,
                  const SolveResult<T>& result, Format format,
                  const ReportContext& context);

}  // namespace bargain::cli
