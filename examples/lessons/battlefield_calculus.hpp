// Battlefield calculus (the essay): each side fights on while it expects the
// war to go its way, so mutual optimism empties the zone of agreement; U.S.
// aid that makes a stalemate likely enough, in Moscow's own eyes, reopens
// it. The lever is battlefield.aid, which moves the objective odds and each
// belligerent's beliefs alike.
#pragma once

#include <optional>
#include <stdexcept>

#include "lesson.hpp"

namespace lessons {

/// The largest ratifier slack at aid level `aid`: over the settlement
/// packages, the largest of the least gains any actor at the table makes by
/// accepting rather than fighting on. It is >= 0 exactly when round 1's ZOPA
/// is non-empty. It holds for a scenario of one round on the settlement
/// track, proposed by a mediator outside the table, with no guarantees and
/// no controllers, where a package is worth its flow for ever and a
/// rejection is worth the war (checked).
inline Rational largest_slack(bargain::Scenario s, const Rational& aid) {
  if (s.protocol.rounds != 1 ||
      s.protocol.kind != bargain::ProtocolKind::settlement_only ||
      s.protocol.proposer != bargain::ProposerRule::mediator ||
      s.actors.at(s.protocol.proposers.at(0)).at_table || !s.guarantees.empty())
    throw std::invalid_argument("largest_slack: not a one-shot settlement");
  for (const auto& issue : s.issues)
    if (!issue.controllers.empty())
      throw std::invalid_argument("largest_slack: an issue has controllers");
  bargain::set_parameter(s, "battlefield.aid", aid);

  // The war's value to each actor, from the solver: the same war with a
  // mediator who gains nothing from any deal, so it never proposes one.
  auto war = s;
  auto& mediator = war.actors.at(war.protocol.proposers.at(0));
  for (auto& w : mediator.salience) w = 0;
  for (auto& f : mediator.war_flow) f = 1;
  const auto fighting = bargain::solve_two_track(war).payoffs;

  std::vector<std::uint32_t> package(s.issues.size(), 0);
  std::optional<Rational> best;
  for (;;) {
    std::optional<Rational> least;
    for (std::size_t j = 0; j < s.actors.size(); ++j) {
      const auto& actor = s.actors[j];
      if (!actor.at_table) continue;
      Rational flow = 0;
      for (std::size_t k = 0; k < s.issues.size(); ++k)
        flow += actor.salience[k] * actor.option_value[k][package[k]];
      const Rational gain = flow / (1 - actor.discount) - fighting[j];
      if (!least || gain < *least) least = gain;
    }
    if (!best || *least > *best) best = least;
    std::size_t k = s.issues.size();  // next package, last issue fastest
    while (k > 0 && ++package[k - 1] == s.issues[k - 1].options.size())
      package[--k] = 0;
    if (k == 0) return *best;
  }
}

struct BattlefieldCalculus {
  Rational aid;  ///< the scenario's aid level
  /// At that aid: each belligerent with its own beliefs, and everyone with
  /// the objective odds.
  Summary optimistic, objective;
  /// At that aid, one belligerent with its own beliefs, the others with
  /// the objective odds (in actor order).
  std::vector<Summary> one_optimist;
  /// Raising aid from the scenario's level to 1 under the belligerents' own
  /// beliefs: where the largest ratifier slack crosses 0, and where round
  /// 1's outcome changes (the solver's own bracket).
  bargain::Threshold reopening;
  bargain::RegimeChange<std::string> outcome_change;
  Summary below, at;  ///< at the outcome bracket's lower end, at the root
  /// Aid 0, 1/10, ..., 1 under the belligerents' own beliefs, and the
  /// round 1 ZOPA's size there under the objective odds.
  std::vector<std::pair<Rational, Summary>> sweep;
  std::vector<std::uint64_t> objective_zopa;
  std::vector<Rational> slack;  ///< largest_slack at each sweep point
};

inline BattlefieldCalculus battlefield_calculus() {
  const auto optimistic = scenario("battlefield_calculus");
  auto objective = optimistic;
  for (auto& actor : objective.actors) actor.beliefs.reset();
  const auto at_aid = [](bargain::Scenario s, const Rational& aid) {
    bargain::set_parameter(s, "battlefield.aid", aid);
    return summarise(s);
  };

  BattlefieldCalculus b;
  b.aid = optimistic.battlefield.aid;
  b.optimistic = summarise(optimistic);
  b.objective = summarise(objective);
  for (std::size_t k = 0; k < optimistic.actors.size(); ++k) {
    if (!optimistic.actors[k].beliefs) continue;
    auto one = objective;
    one.actors[k].beliefs = optimistic.actors[k].beliefs;
    b.one_optimist.push_back(summarise(one));
  }
  const Rational tolerance(1, 1000000);
  b.reopening = bargain::find_threshold(
      [&optimistic](const Rational& aid) {
        return largest_slack(optimistic, aid);
      },
      b.aid, 1, tolerance);
  b.outcome_change = bargain::outcome_threshold(optimistic, "battlefield.aid",
                                                b.aid, 1, tolerance);
  b.below = at_aid(optimistic, b.outcome_change.bracket.lo());
  b.at = at_aid(optimistic, b.reopening.bracket.lo());
  for (int i = 0; i <= 10; ++i) {
    const Rational aid(i, 10);
    b.sweep.emplace_back(aid, at_aid(optimistic, aid));
    b.objective_zopa.push_back(at_aid(objective, aid).first_zopa);
    b.slack.push_back(largest_slack(optimistic, aid));
  }
  return b;
}

}  // namespace lessons
