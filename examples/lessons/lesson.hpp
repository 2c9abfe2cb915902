// What the lesson programs share: their scenarios (scenarios/lessons/), the
// headline figures of a solved scenario, and a side-by-side table of them.
// Each lesson's own header computes its finding from these; its program
// prints it and tests/lesson_NAME_test.cpp asserts on it.
#pragma once

#include <algorithm>
#include <bargain/bargain.hpp>
#include <cstdint>
#include <cstdio>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace lessons {

using bargain::Rational;

/// scenarios/lessons/NAME.json, read and validated.
inline bargain::Scenario scenario(const std::string& name) {
  return bargain::read_scenario_file(std::string(BARGAIN_SOURCE_DIR) +
                                     "/scenarios/lessons/" + name + ".json");
}

/// The headline figures of a solved scenario.
struct Summary {
  std::string first_round;  ///< what round 1 brings (first_round_outcome)
  std::uint64_t first_zopa = 0, packages = 0;  ///< round 1's ZOPA, of how many
  Rational settlement;            ///< chance of a settlement within the horizon
  Rational war_rounds;            ///< expected rounds of fighting within it
  std::vector<Rational> payoffs;  ///< each actor's, under its own beliefs
  bargain::TwoTrackSolution solution;
};

/// Solves a scenario and keeps its headline figures. The ZOPA is the first
/// proposer's in round 1.
inline Summary summarise(const bargain::Scenario& scenario) {
  Summary s;
  s.solution = bargain::solve_two_track(scenario);
  const auto& first = s.solution.path.at(0).choices.at(0);
  s.first_round = bargain::first_round_outcome(scenario, s.solution);
  s.first_zopa = first.zopa_size;
  s.packages = first.packages;
  s.settlement = 1 - s.solution.no_settlement;
  s.war_rounds = s.solution.expected_war_rounds;
  s.payoffs = s.solution.payoffs;
  return s;
}

/// An exact number with its decimal when it is a short fraction, else the
/// decimal alone, marked "~".
inline std::string readable(const Rational& x) {
  const std::string exact = bargain::to_string(x);
  char decimal[32];
  if (exact.size() <= 12) {
    if (exact.find('/') == std::string::npos) return exact;
    std::snprintf(decimal, sizeof decimal, " (%.4g)", bargain::to_double(x));
    return exact + decimal;
  }
  std::snprintf(decimal, sizeof decimal, "~%.6g", bargain::to_double(x));
  return decimal;
}

/// Rows of cells, each column as wide as its widest cell.
inline void print_table(std::ostream& out,
                        const std::vector<std::vector<std::string>>& rows,
                        const std::string& indent = "  ") {
  std::vector<std::size_t> width;
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (width.size() <= c) width.push_back(0);
      width[c] = std::max(width[c], row[c].size());
    }
  for (const auto& row : rows) {
    std::string line = indent;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line.append(width[c] - row[c].size() + 2, ' ');
    }
    out << line << '\n';
  }
}

/// Cases side by side: round 1's outcome and ZOPA, the chance of
/// settlement, the fighting and each actor's payoff.
inline void print_cases(
    std::ostream& out, const bargain::Scenario& scenario,
    const std::vector<std::pair<std::string, Summary>>& cases) {
  std::vector<std::vector<std::string>> rows(5 + scenario.actors.size());
  rows[0] = {""};
  rows[1] = {"round 1"};
  rows[2] = {"round 1 ZOPA"};
  rows[3] = {"P(settlement)"};
  rows[4] = {"rounds of war"};
  for (std::size_t i = 0; i < scenario.actors.size(); ++i)
    rows[5 + i] = {scenario.actors[i].name};
  for (const auto& [name, s] : cases) {
    rows[0].push_back(name);
    rows[1].push_back(s.first_round);
    rows[2].push_back(std::to_string(s.first_zopa) + " of " +
                      std::to_string(s.packages));
    rows[3].push_back(readable(s.settlement));
    rows[4].push_back(readable(s.war_rounds));
    for (std::size_t i = 0; i < scenario.actors.size(); ++i)
      rows[5 + i].push_back(readable(s.payoffs[i]));
  }
  print_table(out, rows);
}

}  // namespace lessons
