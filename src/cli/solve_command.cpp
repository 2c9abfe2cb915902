#include <fstream>
#include <iostream>
#include <memory>

#include "bargain/io/dot.hpp"
#include "bargain/io/efg.hpp"
#include "bargain/solve/backward_induction.hpp"
#include "bargain/solve/sequence_lemke.hpp"
#include "bargain/solve/sequence_lp.hpp"
#include "bargain/solve/subgame_perfect.hpp"
#include "commands.hpp"
#include "default_game.hpp"
#include "report.hpp"

namespace bargain::cli {
namespace {

struct SolveOptions {
  std::string game_file;
  std::string method = "backward-induction";
  bool exact = false;
  bool all = false;
  std::size_t max_equilibria = 1000;
  std::string dot_file;
  Format format = Format::table;
};

// What each method finds, as the report names it, and how the one shown
// was chosen among others.
ReportContext context_of(const SolveOptions& options,
                         const std::string& source) {
  if (options.method == "lcp")
    return {source, "Nash", false,
            "the end of Lemke's path from Gambit's starting point"};
  if (options.method == "lp")
    return {source, "minimax", false,
            "player 1's payoff is the value of the game"};
  if (options.method == "spe")
    return {source, "subgame-perfect", false,
            "subgames solved from the bottom up by sequence-form Lemke"};
  if (options.all) return {source, "pure subgame-perfect", true, ""};
  return {source, "subgame-perfect", false,
          "ties go to the first action; --all finds every pure one"};
}

template <Scalar T>
SolveResult<T> solve(const ExtensiveGame<T>& game,
                     const SolveOptions& options) {
  if (options.method == "lcp") return solve_sequence_lemke(game);
  if (options.method == "lp") return solve_sequence_lp(game);
  if (options.method == "spe") return solve_subgame_perfect(game);
  return solve_backward_induction(
      game, {.all = options.all, .max_equilibria = options.max_equilibria});
}

template <Scalar T>
void solve_and_report(const ExtensiveGame<T>& game, const SolveOptions& options,
                      const std::string& source) {
  if (options.all && options.method != "backward-induction")
    throw Error(
        "--all lists every pure subgame-perfect equilibrium; it goes "
        "with --method backward-induction only");
  const auto result = solve(game, options);
  if (!options.dot_file.empty()) {
    std::ofstream dot(options.dot_file);
    if (!dot) throw Error("cannot write " + options.dot_file);
    write_dot(dot, game,
              DotOptions<T>{.profile = &result.equilibria.front().profile});
  }
  print_report(std::cout, game, result, options.format,
               context_of(options, source));
}

void run_solve(const SolveOptions& options) {
  const bool bundled = options.game_file.empty();
  const Game game =
      bundled ? read_efg(kDefaultGameText, std::string(kDefaultGameName))
              : read_efg_file(options.game_file);
  const std::string source =
      bundled ? "bundled default game (" + std::string(kDefaultGameName) + ")"
              : options.game_file;
  if (options.exact)
    solve_and_report(game, options, source);
  else
    solve_and_report(game.convert<double>(), options, source);
}

}  // namespace

void add_solve_command(CLI::App& app) {
  auto options = std::make_shared<SolveOptions>();
  CLI::App* solve =
      app.add_subcommand("solve",
                         "Solve a game and show its equilibria (with no file: "
                         "the bundled default game)");
  solve->add_option("game", options->game_file, "A Gambit .efg file")
      ->check(CLI::ExistingFile);
  solve
      ->add_option(
          "--method,-m", options->method,
          "backward-induction (perfect information, subgame perfect); lcp "
          "(sequence-form Lemke: a Nash equilibrium of a two-player game); lp "
          "(sequence-form LP: value and optimal strategies of a two-player "
          "constant-sum game); spe (subgame perfect by solving subgames with "
          "lcp)")
      ->check(CLI::IsMember({"backward-induction", "lcp", "lp", "spe"}))
      ->capture_default_str();
  solve->add_flag(
      "--exact,-e", options->exact,
      "Compute in exact rational arithmetic (default: double precision)");
  solve->add_flag("--all,-a", options->all,
                  "Every pure subgame-perfect equilibrium, counted exactly "
                  "(ties enumerated)");
  solve
      ->add_option("--max", options->max_equilibria,
                   "With --all: list at most this many (the count stays exact)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  solve->add_option("--dot", options->dot_file,
                    "Write the tree as Graphviz DOT, the first equilibrium's "
                    "path highlighted");
  solve
      ->add_option("--format,-f", options->format,
                   "Output: table, json or gambit (NE,... lines)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, Format>{{"table", Format::table},
                                        {"json", Format::json},
                                        {"gambit", Format::gambit}},
          CLI::ignore_case))
      ->default_str("table");
  solve->callback([options] { run_solve(*options); });
}

}  // namespace bargain::cli
