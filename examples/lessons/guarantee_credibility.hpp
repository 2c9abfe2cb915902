// Lesson "guarantee credibility": a guarantee is worth what the guarantor
// would do when it is tested. Credible iff the guarantor's stake in it is
// at least its cost of intervening; a guarantee that is not credible
// deters nothing. The scenario is solved with an Article-5-like guarantee
// the guarantors would honour and with one they would not (their stake in
// it no higher than in troops deployed without a commitment).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lesson.hpp"

namespace lessons {

/// The solver's value to each actor of settling `package` in round 1: the
/// scenario pinned to that package (one option per issue, the guarantee's
/// stake at its option) with nobody at the table, so that round 1's ZOPA
/// is that package alone and its frontier carries its values.
inline std::vector<Rational> settlement_value(
    bargain::Scenario s, const std::vector<std::uint32_t>& package) {
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    const auto o = package[k];
    s.issues[k].options = {s.issues[k].options[o]};
    s.issues[k].status_quo = 0;
    for (auto& actor : s.actors)
      actor.option_value[k] = {actor.option_value[k][o]};
    for (auto& g : s.guarantees)
      if (g.issue == k) g.stake = {g.stake[o]};
  }
  for (auto& actor : s.actors) actor.at_table = false;
  s.protocol.rounds = 1;
  return bargain::solve_two_track(s)
      .path.at(0)
      .choices.at(0)
      .zopa_frontier.at(0)
      .values;
}

/// One option of the guarantee issue in one case: the guarantor's margin
/// (stake - cost of intervening) and the solver's value, to each actor, of
/// the honoured case's deal with this option in place of its guarantee.
struct GuaranteeOption {
  std::string name;
  Rational margin;
  bool credible = false;
  std::vector<Rational> deal_value;
};

struct CredibilityCase {
  bargain::Scenario scenario;
  Summary summary;
  std::optional<std::vector<std::uint32_t>> agreed;  ///< round 1's, backed
  std::vector<GuaranteeOption> options;
};

struct GuaranteeCredibility {
  CredibilityCase honoured, not_honoured;
  std::size_t issue = 0;                 ///< the guarantee's issue
  std::uint32_t treaty = 0, troops = 0;  ///< Article-5-like, reassurance force
  /// The honoured case's round-1 deal (none: nothing to compare).
  std::optional<std::vector<std::uint32_t>> deal;
  /// Per actor: the deal's value with the treaty honoured minus with it
  /// not honoured (what credibility is worth at a fixed package), and its
  /// equilibrium payoff in the honoured case minus the other's.
  std::vector<Rational> worth, equilibrium_gain;
};

inline CredibilityCase solve_credibility_case(
    bargain::Scenario scenario,
    const std::optional<std::vector<std::uint32_t>>& deal) {
  CredibilityCase c;
  c.summary = summarise(scenario);
  const auto& first = c.summary.solution.path.at(0).choices.at(0);
  if (first.accepted && !first.passes) c.agreed = first.backed;
  const auto& g = scenario.guarantees.at(0);
  const auto& d = deal ? deal : c.agreed;
  for (std::uint32_t o = 0; o < g.stake.size(); ++o) {
    GuaranteeOption option{scenario.issues[g.issue].options[o].name,
                           g.stake[o] - g.intervention_cost,
                           g.stake[o] >= g.intervention_cost,
                           {}};
    if (d) {
      auto package = *d;
      package[g.issue] = o;
      option.deal_value = settlement_value(scenario, package);
    }
    c.options.push_back(std::move(option));
  }
  c.scenario = std::move(scenario);
  return c;
}

inline std::uint32_t option_index(const bargain::ScenarioIssue& issue,
                                  const std::string& name) {
  for (std::uint32_t o = 0; o < issue.options.size(); ++o)
    if (issue.options[o].name == name) return o;
  throw bargain::ModelError("no option named " + name);
}

inline GuaranteeCredibility guarantee_credibility() {
  GuaranteeCredibility f;
  bargain::Scenario honoured = scenario("guarantee_credibility");
  f.issue = honoured.guarantees.at(0).issue;
  f.treaty = option_index(honoured.issues[f.issue], "Article-5-like");
  f.troops = option_index(honoured.issues[f.issue], "reassurance force");
  // Not honoured: the guarantors' stake in the treaty no higher than in
  // troops without one.
  bargain::Scenario not_honoured = honoured;
  bargain::set_parameter(not_honoured, "guarantees[0].stake.Article-5-like",
                         honoured.guarantees[0].stake[f.troops]);

  f.honoured = solve_credibility_case(std::move(honoured), std::nullopt);
  f.deal = f.honoured.agreed;
  f.not_honoured = solve_credibility_case(std::move(not_honoured), f.deal);
  const auto& a = f.honoured.summary.payoffs;
  const auto& b = f.not_honoured.summary.payoffs;
  for (std::size_t i = 0; i < a.size(); ++i) {
    f.equilibrium_gain.push_back(a[i] - b[i]);
    if (f.deal)
      f.worth.push_back(f.honoured.options[f.treaty].deal_value[i] -
                        f.not_honoured.options[f.treaty].deal_value[i]);
  }
  return f;
}

}  // namespace lessons
