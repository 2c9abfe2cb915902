// Lesson: Istanbul 2022. Russia and Ukraine agreed on a communique whose
// security guarantee bound states that were not at the table; they would
// not back it, and Ukraine, its outlook improving, preferred to fight on.
// The finding compares three cases of scenarios/lessons/istanbul_2022.json:
// as in 2022, with the guarantors backing the guarantee, and with Kyiv
// holding the objective odds instead of its improving outlook.
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "lesson.hpp"

namespace lessons {

/// The index of the element of `items` named `name`.
template <class Items>
std::size_t index_named(const Items& items, const std::string& name) {
  const auto it = std::find_if(items.begin(), items.end(),
                               [&](const auto& x) { return x.name == name; });
  if (it == items.end()) throw std::out_of_range("no element named " + name);
  return static_cast<std::size_t>(it - items.begin());
}

/// Whether a choice brings a settlement: an accepted ceasefire-only
/// proposal may leave everything at status quo, which is no deal.
inline bool settles(const bargain::ProposalChoice& choice) {
  return choice.accepted && choice.scope != bargain::Scope::ceasefire;
}

/// The settlements accepted anywhere on the equilibrium path.
inline std::vector<bargain::ProposalChoice> settlements(
    const bargain::TwoTrackSolution& solution) {
  std::vector<bargain::ProposalChoice> out;
  for (const auto& visit : solution.path)
    for (const auto& choice : visit.choices)
      if (settles(choice)) out.push_back(choice);
  return out;
}

struct Istanbul2022 {
  bargain::Scenario as_2022, backed, sober;
  Summary collapse, deal, sober_deal;
  std::size_t guarantee = 0, ukraine = 0;
  /// Round 1 of the backed case: accepted, and the guarantee holds in it.
  bool backed_round_one = false, guarantee_holds = false;
  /// Every settlement Kyiv accepts at the objective odds leaves the
  /// guarantee at its status quo (none).
  bool sober_without_guarantee = false;
  /// Where round 1's outcome changes as Ukraine's flow from fighting while
  /// it advances (its optimism's pay-off) moves from `outlook_from` to its
  /// 2022 value.
  Rational outlook_from;
  bargain::RegimeChange<std::string> outlook;
};

inline Istanbul2022 istanbul_2022() {
  Istanbul2022 f;
  f.as_2022 = scenario("istanbul_2022");
  f.guarantee = index_named(f.as_2022.issues, "guarantee");
  f.ukraine = index_named(f.as_2022.actors, "Ukraine");
  const auto& issue = f.as_2022.issues[f.guarantee];

  // The guarantors value being bound as much as not: they back (a
  // controller backs when indifferent).
  f.backed = f.as_2022;
  for (const auto c : issue.controllers) {
    auto& values = f.backed.actors[c].option_value[f.guarantee];
    std::fill(values.begin(), values.end(), values[issue.status_quo]);
  }
  f.sober = f.as_2022;
  f.sober.actors[f.ukraine].beliefs.reset();

  f.collapse = summarise(f.as_2022);
  f.deal = summarise(f.backed);
  f.sober_deal = summarise(f.sober);

  const auto& first = f.deal.solution.path.at(0).choices.at(0);
  f.backed_round_one = settles(first);
  f.guarantee_holds =
      settles(first) && first.backed[f.guarantee] != issue.status_quo;
  const auto accepted = settlements(f.sober_deal.solution);
  f.sober_without_guarantee =
      !accepted.empty() &&
      std::all_of(accepted.begin(), accepted.end(), [&](const auto& c) {
        return c.backed[f.guarantee] == issue.status_quo;
      });

  const std::string path =
      "actors[" + std::to_string(f.ukraine) + "].war_flow." +
      f.as_2022.battlefield.states[f.as_2022.battlefield.initial];
  f.outlook_from = Rational(-1, 10);
  f.outlook = bargain::outcome_threshold(
      f.as_2022, path, f.outlook_from,
      f.as_2022.actors[f.ukraine].war_flow[f.as_2022.battlefield.initial],
      Rational(1, 1000000));
  return f;
}

}  // namespace lessons
