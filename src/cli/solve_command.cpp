#include <fstream>
#include <iostream>
#include <limits>
#include <memory>

#include "bargain/io/dot.hpp"
#include "bargain/io/efg.hpp"
#include "bargain/io/scenario_json.hpp"
#include "bargain/model/state_graph.hpp"
#include "bargain/model/two_track.hpp"
#include "bargain/model/two_track_game.hpp"
#include "bargain/solve/backward_induction.hpp"
#include "bargain/solve/sequence_lemke.hpp"
#include "bargain/solve/sequence_lp.hpp"
#include "bargain/solve/subgame_perfect.hpp"
#include "commands.hpp"
#include "default_scenario.hpp"
#include "report.hpp"
#include "scenario_report.hpp"
#include "typed_scenario_report.hpp"

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

// Exact sequence-form Lemke slows down past some tens of thousands of nodes.
constexpr std::uint64_t kTypedScenarioNodes = 100'000;

// A scenario with private types: its game tree, solved by sequence-form
// Lemke in exact arithmetic (the dynamic programme has no information sets).
void solve_typed_scenario(const SolveOptions& options, const Scenario& scenario,
                          const std::string& source) {
  if (scenario.actors.size() > 2)
    throw Error("the scenario has " + std::to_string(scenario.actors.size()) +
                " actors, and n-player games with private types need the "
                "iterative solvers (not yet available); bargain export --efg "
                "writes the game for other solvers");
  const auto game = two_track_game(scenario, kTypedScenarioNodes);
  print_typed_scenario_report(std::cout, scenario, game,
                              solve_sequence_lemke(game),
                              options.format == Format::json, source);
}

// A scenario of the two-track model, solved by dynamic programming, or
// with private types on its game tree.
void solve_scenario(const SolveOptions& options, const Scenario& scenario,
                    const std::string& source) {
  if (options.method != "backward-induction" || options.all ||
      options.format == Format::gambit || !options.dot_file.empty())
    throw Error(
        "a scenario is solved by the model's dynamic programme; --method, "
        "--all, --dot and --format gambit apply to .efg games (write the "
        "scenario's game with bargain export --efg, its pictures with "
        "bargain export --dot or --states)");
  for (const auto& actor : scenario.actors)
    if (!actor.types.empty())
      return solve_typed_scenario(options, scenario, source);
  const TwoTrackSolution solution = solve_two_track(scenario);
  print_scenario_report(std::cout, scenario, solution,
                        options.format == Format::json, source);
}

bool is_scenario(const std::string& file) {
  return file.size() >= 5 && file.compare(file.size() - 5, 5, ".json") == 0;
}

void run_solve(const SolveOptions& options) {
  if (options.game_file.empty()) {
    const std::string name(kDefaultScenarioName);
    const JsonDocument bundled = parse_json(kDefaultScenarioText, name);
    return solve_scenario(options, read_scenario(bundled.root()),
                          "bundled default scenario (" + name + ")");
  }
  if (is_scenario(options.game_file))
    return solve_scenario(options, read_scenario_file(options.game_file),
                          options.game_file);
  const Game game = read_efg_file(options.game_file);
  if (options.exact)
    solve_and_report(game, options, options.game_file);
  else
    solve_and_report(game.convert<double>(), options, options.game_file);
}

}  // namespace

void add_solve_command(CLI::App& app) {
  auto options = std::make_shared<SolveOptions>();
  CLI::App* solve =
      app.add_subcommand("solve",
                         "Solve a game or a scenario and show its equilibria "
                         "(with no file: the bundled 2025 scenario)");
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
  std::string scenario_file, efg_file, dot_file, states_file;
  std::uint64_t max_nodes = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t max_bytes = kTreeMemoryBudget;
  bool size = false;
};

void run_export(const ExportOptions& options) {
  if (options.efg_file.empty() && options.dot_file.empty() &&
      options.states_file.empty() && !options.size)
    throw Error(
        "nothing to write: give --efg OUT.efg, --dot OUT.dot, --states "
        "OUT.dot and/or --size");
  const Scenario scenario = read_scenario_file(options.scenario_file);
  if (options.size) {
    // The counts saturate: a tree past 2^64 nodes is past counting.
    const auto count = [](std::uint64_t n) {
      return n == std::numeric_limits<std::uint64_t>::max()
                 ? std::string("more than 2^64")
                 : std::to_string(n);
    };
    std::cout << "the game tree of " << options.scenario_file << " has "
              << count(two_track_game_nodes(scenario))
              << " nodes and takes about "
              << count(two_track_game_bytes(scenario)) << " bytes to build\n";
  }
  const auto write = [&](const std::string& path, auto&& writer) {
    std::ofstream out(path);
    writer(out);
    if (!out) throw Error("cannot write " + path);
  };
  if (!options.states_file.empty()) {
    const auto graph = two_track_state_graph(scenario);
    write(options.states_file,
          [&](std::ostream& out) { write_dot(out, scenario, graph); });
    std::cout << "wrote the state graph of " << options.scenario_file << " ("
              << boost::num_vertices(graph) << " states, "
              << boost::num_edges(graph) << " transitions)\n";
  }
  if (options.efg_file.empty() && options.dot_file.empty()) return;
  const auto game =
      two_track_game(scenario, options.max_nodes, options.max_bytes);
  if (!options.efg_file.empty())
    write(options.efg_file, [&](std::ostream& out) { write_efg(out, game); });
  if (!options.dot_file.empty())
    write(options.dot_file, [&](std::ostream& out) { write_dot(out, game); });
  std::cout << "wrote the game tree of " << options.scenario_file << " ("
            << game.tree().node_count() << " nodes)\n";
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* command = app.add_subcommand(
      "export",
      "Write a scenario's game tree for Gambit (.efg) or Graphviz (.dot), "
      "or its state graph (.dot)");
  command->add_option("scenario", options->scenario_file, "A scenario (.json)")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--efg", options->efg_file, "Write the tree as .efg");
  command->add_option("--dot", options->dot_file, "Write the tree as DOT");
  command->add_option("--states", options->states_file,
                      "Write the state graph the dynamic programme solves "
                      "(round x war state x ceasefire) as DOT");
  command->add_option("--max-nodes", options->max_nodes,
                      "Refuse trees with more nodes (counted before building)");
  command
      ->add_option("--max-memory", options->max_bytes,
                   "Refuse trees that would take more memory to build "
                   "(estimated before building), e.g. 512MiB or 16GiB")
      ->transform(CLI::AsSizeValue(false))
      ->default_str("8GiB");
  command->add_flag("--size", options->size,
                    "Print the tree's node count and estimated peak memory "
                    "(counted without building it)");
  command->callback([options] { run_export(*options); });
}

}  // namespace bargain::cli
