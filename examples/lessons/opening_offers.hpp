// Lesson "opening offers": with private resolve, the first proposals are
// stated positions that some type refuses, and the deal comes later, after a
// concession; told the type, the same two sides would settle at once. The
// typed game is solved by sequence-form Lemke (a Nash equilibrium, not
// necessarily a sequential one), each type alone by the dynamic programme.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "lesson.hpp"

namespace lessons {

/// One type of the typed actor: how the typed game plays for it, and the
/// same scenario with that type known to all.
struct TypeCase {
  std::string name;
  Rational probability;
  Rational accepted;     ///< chance the typed actor accepts the opening
  Rational value;        ///< the opening's worth to it if accepted
  Rational reservation;  ///< its payoff after rejecting the opening
  std::vector<Rational> settlement_by_round;
  std::vector<std::pair<std::string, Rational>> outcomes;
  Summary complete;  ///< complete information: this type alone
  /// Round 1's ZOPA under complete information (every package of it is on
  /// its frontier: one issue, opposed interests), as move labels.
  std::vector<std::string> complete_zopa;
  bool opening_in_complete_zopa = false;
};

struct OpeningOffersFinding {
  bargain::Scenario scenario;
  std::size_t typed = 0;     ///< the actor with private types
  std::string opening;       ///< round 1's proposal (the same for every type)
  std::size_t proposer = 0;  ///< who makes it
  std::string method;        ///< how the typed game was solved
  std::vector<TypeCase> types;
  /// Some type refuses the opening yet settles in a later round.
  bool refused_then_settled = false;
  /// Every type's complete-information ZOPA is non-empty, and the opening
  /// lies outside the ZOPA of a type that refuses it.
  bool zopa_nonempty_opening_outside = false;

  /// Sequential check of the refusing type's late deal on `concession`: had
  /// the typed actor proposed it one round earlier (its own turn), what
  /// each side would get from there with a yes, against what the
  /// equilibrium gives it (the proposer: its reservation; the other: its
  /// no followed by the concession a round later). A gain for both marks
  /// the refusal of that earlier proposal as a threat off the path that a
  /// sequential equilibrium would not keep.
  std::string concession;
  bool earlier_turn_is_typed = false;
  Rational typed_earlier, typed_equilibrium;
  Rational other_accepts, other_refuses;
  /// What a type that takes the opening would get by refusing it and
  /// settling with the refusing type on the earlier deal, against what the
  /// opening is worth to it: if more, the types would no longer separate.
  Rational mimic_earlier, mimic_opening;
};

/// How a package reads as a move of the game tree ("settlement territory =
/// split").
inline std::string move_label(const bargain::Scenario& s,
                              const std::vector<std::uint32_t>& options) {
  std::string out = "settlement ";
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    if (s.issues[k].track != bargain::Track::settlement) continue;
    if (out.back() != ' ') out += ", ";
    out += s.issues[k].name + " = " + s.issues[k].options[options[k]].name;
  }
  return out;
}

inline OpeningOffersFinding opening_offers() {
  OpeningOffersFinding f;
  f.scenario = scenario("opening_offers");
  const auto& sc = f.scenario;
  while (sc.actors.at(f.typed).types.empty()) ++f.typed;

  const auto game = bargain::two_track_game(sc, 5'000);
  const auto solved = bargain::solve_sequence_lemke(game);
  f.method = solved.method;
  const auto draws =
      bargain::two_track_play(sc, game, solved.equilibria.front().profile);

  for (const auto& d : draws) {
    const auto& open = d.opening.at(0);  // one proposer, one pure move
    f.opening = open.proposal;
    f.proposer = open.proposer;
    TypeCase c;
    c.name = sc.actors[f.typed].types[d.types[f.typed]].name;
    c.probability = d.probability;
    c.accepted = open.accepted;
    c.value = open.value[f.typed];
    c.reservation = open.reservation[f.typed];
    c.settlement_by_round = d.settlement_by_round;
    c.outcomes = d.outcomes;

    auto alone = sc;  // this type, known to all
    alone.actors[f.typed].war_flow =
        sc.actors[f.typed].types[d.types[f.typed]].war_flow;
    alone.actors[f.typed].types.clear();
    c.complete = summarise(alone);
    for (const auto& z :
         c.complete.solution.path.at(0).choices.at(0).zopa_frontier)
      c.complete_zopa.push_back(move_label(sc, z.proposal));
    c.opening_in_complete_zopa =
        std::find(c.complete_zopa.begin(), c.complete_zopa.end(), f.opening) !=
        c.complete_zopa.end();
    f.types.push_back(std::move(c));
  }

  f.zopa_nonempty_opening_outside = true;
  bool refused = false;
  for (const auto& c : f.types) {
    if (c.complete.first_zopa == 0) f.zopa_nonempty_opening_outside = false;
    if (c.accepted == 1) continue;
    refused = true;
    if (c.opening_in_complete_zopa) f.zopa_nonempty_opening_outside = false;
    Rational later = 0;
    for (std::size_t t = 1; t < c.settlement_by_round.size(); ++t)
      later += c.settlement_by_round[t];
    if (later > 0) f.refused_then_settled = true;
  }
  f.zopa_nonempty_opening_outside = f.zopa_nonempty_opening_outside && refused;

  // The single-issue check of the late deal (see OpeningOffersFinding).
  for (const auto& c : f.types) {
    std::size_t last = 0;
    for (std::size_t t = 0; t < c.settlement_by_round.size(); ++t)
      if (c.settlement_by_round[t] != 0) last = t + 1;
    if (c.accepted == 1 || last < 2 || c.outcomes.size() != 1) continue;
    const auto& proposers = sc.protocol.proposers;
    const std::size_t earlier = proposers[(last - 2) % proposers.size()];
    f.earlier_turn_is_typed = earlier == f.typed;
    const std::size_t other = f.typed == 0 ? 1 : 0;
    const auto& issue = sc.issues.at(0);
    for (std::uint32_t o = 0; o < issue.options.size(); ++o) {
      if (c.outcomes[0].first !=
          "settlement: " + issue.name + " = " + issue.options[o].name)
        continue;
      const auto lasting = [&](std::size_t i) {
        const auto& a = sc.actors[i];
        return a.salience[0] * a.option_value[0][o] / (1 - a.discount);
      };
      const auto& typed = sc.actors[f.typed];
      // From round 1: war until round last - 1, then the deal.
      const auto earlier_deal = [&](const Rational& war) {
        Rational v = lasting(f.typed);
        for (std::size_t t = 1; t < last - 1; ++t) v = war + typed.discount * v;
        return v;
      };
      f.concession = issue.options[o].name;
      // One typed actor: the k-th draw is its k-th type.
      const auto refusing = static_cast<std::size_t>(&c - f.types.data());
      f.typed_earlier = earlier_deal(typed.types[refusing].war_flow[0]);
      f.typed_equilibrium = c.reservation;
      for (std::size_t k = 0; k < f.types.size(); ++k)
        if (f.types[k].accepted == 1) {
          f.mimic_earlier = earlier_deal(typed.types[k].war_flow[0]);
          f.mimic_opening = f.types[k].value;
        }
      f.other_accepts = lasting(other);
      f.other_refuses = sc.actors[other].war_flow[0] +
                        sc.actors[other].discount * lasting(other);
    }
  }
  return f;
}

}  // namespace lessons
