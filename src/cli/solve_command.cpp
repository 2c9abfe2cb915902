#include <fstream>
#include <iostream>
#include <memory>

#include "bargain/io/dot.hpp"
#include "bargain/io/efg.hpp"
#include "bargain/io/scenario_json.hpp"
#include "bargain/model/two_track.hpp"
#include "bargain/model/two_track_game.hpp"
#include "bargain/solve/backward_induction.hpp"
#include "bargain/solve/sequence_lemke.hpp"
#include "bargain/solve/sequence_lp.hpp"
#include "bargain/solve/subgame_perfect.hpp"
#include "commands.hpp"
#include "default_game.hpp"
#include "report.hpp"
#include "scenario_report.hpp"

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

// A scenario file: the two-track model, solved by dynamic programming.
void solve_scenario(const SolveOptions& options) {
  if (options.method != "backward-induction" || options.all ||
      options.format == Format::gambit)
    throw Error(
        "a scenario is solved by the model's dynamic programme; --method, "
        "--all and --format gambit apply to .efg games (write the "
        "scenario's game with bargain export --efg)");
  const Scenario scenario = read_scenario_file(options.game_file);
  const TwoTrackSolution solution = solve_two_track(scenario);
  print_scenario_report(std::cout, scenario, solution,
                        options.format == Format::json, options.game_file);
}

bool is_scenario(const std::string& file) {
  return file.size() >= 5 && file.compare(file.size() - 5, 5, ".json") == 0;
}

void run_solve(const SolveOptions& options) {
  if (is_scenario(options.game_file)) return solve_scenario(options);
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
  solve
      ->add_option("game", options->game_file,
                   "A Gambit .efg file, or a scenario (.json) of the "
                   "two-track model")
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

namespace {

struct ExportOptions {
  std::string scenario_file, efg_file, dot_file;
  std::uint64_t max_nodes = 2'000'000;
};

void run_export(const ExportOptions& options) {
  if (options.efg_file.empty() && options.dot_file.empty())
    throw Error("nothing to write: give --efg OUT.efg and/or --dot OUT.dot");
  const Scenario scenario = read_scenario_file(options.scenario_file);
  const auto game = two_track_game(scenario, options.max_nodes);
  const auto write = [&](const std::string& path, auto&& writer) {
    if (path.empty()) return;
    std::ofstream out(path);
    writer(out);
    if (!out) throw Error("cannot write " + path);
  };
  write(options.efg_file, [&](std::ostream& out) { write_efg(out, game); });
  write(options.dot_file, [&](std::ostream& out) { write_dot(out, game); });
  std::cout << "wrote the game tree of " << options.scenario_file << " ("
            << game.tree().node_count() << " nodes)\n";
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* command = app.add_subcommand(
      "export",
      "Write a scenario's game tree for Gambit (.efg) or Graphviz (.dot)");
  command->add_option("scenario", options->scenario_file, "A scenario (.json)")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--efg", options->efg_file, "Write the tree as .efg");
  command->add_option("--dot", options->dot_file, "Write the tree as DOT");
  command
      ->add_option("--max-nodes", options->max_nodes,
                   "Refuse trees larger than this (estimated before building)")
      ->capture_default_str();
  command->callback([options] { run_export(*options); });
}

}  // namespace bargain::cli
