// Two tracks, 2025 (the essay): a ceasefire first (the unconditional 30-day
// ceasefire, the energy and Black Sea partial deals), a grand bargain (the
// multipoint plan) and the two tracks in parallel, compared on one scenario.
// The lever is protocol.kind; settlement_only (the settlement track alone)
// is the fourth case.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lesson.hpp"

namespace lessons {

/// The number the sensitivity study moves: what a round of advancing is
/// worth to Moscow (actor 0).
inline constexpr const char* kAdvancing = "Russia advancing";
inline constexpr const char* kAdvanceFlow =
    "actors[0].war_flow.Russia advancing";

struct ProtocolCase {
  bargain::ProtocolKind kind{};
  Summary summary;
  bool round_one_deal = false;  ///< a ceasefire or settlement in round 1
  /// The earliest round with a chance of a first ceasefire, and of a
  /// settlement (0: none within the horizon).
  std::size_t first_ceasefire = 0, first_settlement = 0;
  Rational first_ceasefire_chance;  ///< the chance of it in that round
  /// What the most likely first settlement contains: the options away from
  /// the status quo, ceasefire terms in force included.
  std::string deal;
  /// Where round 1's outcome changes as kAdvanceFlow moves over [1/2, 1],
  /// if it does.
  std::optional<bargain::RegimeChange<std::string>> advance_threshold;
};

/// The options of `options` away from their issues' status quo.
inline std::string away_from_status_quo(
    const bargain::Scenario& s, const std::vector<std::uint32_t>& options,
    bargain::Track track) {
  std::string text;
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    const auto& issue = s.issues[k];
    if (issue.track != track || options[k] == issue.status_quo) continue;
    if (!text.empty()) text += ", ";
    text += issue.name + " = " + issue.options[options[k]].name;
  }
  return text;
}

inline ProtocolCase protocol_case(bargain::Scenario s,
                                  bargain::ProtocolKind kind) {
  s.protocol.kind = kind;
  ProtocolCase c;
  c.kind = kind;
  c.summary = summarise(s);
  const auto& sol = c.summary.solution;
  c.round_one_deal =
      sol.settlement_by_round.at(0) > 0 || sol.ceasefire_by_round.at(0) > 0;
  // The earliest rounds with a chance of each (scanning backwards).
  for (std::size_t t = sol.ceasefire_by_round.size(); t > 0; --t)
    if (sol.ceasefire_by_round[t - 1] > 0) c.first_ceasefire = t;
  if (c.first_ceasefire > 0)
    c.first_ceasefire_chance = sol.ceasefire_by_round[c.first_ceasefire - 1];
  for (std::size_t t = sol.settlement_by_round.size(); t > 0; --t)
    if (sol.settlement_by_round[t - 1] > 0) c.first_settlement = t;

  const bargain::TwoTrackSolution::Visit* likeliest = nullptr;
  for (const auto& visit : sol.path) {
    const auto& choice = visit.choices.at(0);
    if (!choice.accepted || choice.scope == bargain::Scope::ceasefire ||
        visit.state.round != c.first_settlement)
      continue;
    if (!likeliest || visit.probability > likeliest->probability)
      likeliest = &visit;
  }
  if (likeliest) {
    const auto& backed = likeliest->choices.at(0).backed;
    const auto& in_force = likeliest->state.ceasefire;
    std::string ceasefire = away_from_status_quo(
        s, in_force ? *in_force : backed, bargain::Track::ceasefire);
    if (in_force && !ceasefire.empty()) ceasefire.insert(0, "(in force) ");
    const std::string settlement =
        away_from_status_quo(s, backed, bargain::Track::settlement);
    c.deal = ceasefire.empty() || settlement.empty()
                 ? ceasefire + settlement
                 : ceasefire + "; " + settlement;
  }

  const auto at_flow = [&s](const Rational& flow) {
    auto v = s;
    bargain::set_parameter(v, kAdvanceFlow, flow);
    return bargain::first_round_outcome(v, bargain::solve_two_track(v));
  };
  const Rational lo(1, 2), hi = 1;
  if (at_flow(lo) != at_flow(hi))
    c.advance_threshold = bargain::outcome_threshold(s, kAdvanceFlow, lo, hi,
                                                     Rational(1, 1000000));
  return c;
}

struct TwoTracks {
  /// ceasefire_first, settlement_only, grand_bargain, parallel.
  std::vector<ProtocolCase> cases;
  Rational advance_flow;  ///< the scenario's kAdvanceFlow
};

inline TwoTracks two_tracks_2025() {
  const auto s = scenario("two_tracks_2025");
  TwoTracks t;
  const auto& states = s.battlefield.states;
  t.advance_flow = s.actors.at(0).war_flow.at(
      std::find(states.begin(), states.end(), kAdvancing) - states.begin());
  for (const auto kind :
       {bargain::ProtocolKind::ceasefire_first,
        bargain::ProtocolKind::settlement_only,
        bargain::ProtocolKind::grand_bargain, bargain::ProtocolKind::parallel})
    t.cases.push_back(protocol_case(s, kind));
  return t;
}

}  // namespace lessons
