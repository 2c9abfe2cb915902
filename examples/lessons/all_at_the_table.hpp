// Lesson: all at the table. The patrons and guarantors who must implement
// a deal (sanctions, guarantees, monitoring, assets) either sit at the
// table from day one or are left outside it. The finding compares, for two
// scenarios, every patron and guarantor outside against every one seated:
// Istanbul 2022 (scenarios/lessons/istanbul_2022.json) and the 2025
// negotiation (scenarios/negotiation_2025.json, the bundled default).
#pragma once

#include <string>
#include <vector>

#include "istanbul_2022.hpp"

namespace lessons {

/// One scenario with its patrons and guarantors all outside and all seated.
struct SeatComparison {
  bargain::Scenario excluded, seated;
  Summary outside, inside;
  /// The actors whose seat is the lever.
  std::vector<std::size_t> moved;
  /// Settlements on the path that some controller undermined.
  std::size_t undermined_outside = 0, undermined_inside = 0;
  /// The chance of a settlement by the end of each round.
  std::vector<Rational> settled_outside, settled_inside;
};

/// Settlements on the equilibrium path that were undermined.
inline std::size_t undermined(const bargain::TwoTrackSolution& solution) {
  std::size_t n = 0;
  for (const auto& visit : solution.path)
    for (const auto& choice : visit.choices)
      n += settles(choice) && !choice.underminers.empty();
  return n;
}

/// The chance of a settlement by the end of each round.
inline std::vector<Rational> settled_by_round(
    const bargain::TwoTrackSolution& solution) {
  std::vector<Rational> out;
  Rational total = 0;
  for (const auto& p : solution.settlement_by_round) out.push_back(total += p);
  return out;
}

inline SeatComparison compare_seats(const bargain::Scenario& scenario) {
  SeatComparison c;
  c.excluded = c.seated = scenario;
  for (std::size_t i = 0; i < scenario.actors.size(); ++i) {
    const auto& a = scenario.actors[i];
    if (!a.patron && !a.guarantor) continue;
    c.moved.push_back(i);
    c.excluded.actors[i].at_table = false;
    c.seated.actors[i].at_table = true;
  }
  c.outside = summarise(c.excluded);
  c.inside = summarise(c.seated);
  c.undermined_outside = undermined(c.outside.solution);
  c.undermined_inside = undermined(c.inside.solution);
  c.settled_outside = settled_by_round(c.outside.solution);
  c.settled_inside = settled_by_round(c.inside.solution);
  return c;
}

struct AllAtTheTable {
  SeatComparison istanbul, talks_2025;
  /// The 2025 negotiation with the European states' salience of sanctions
  /// relief raised from `tie` to `untie`: in the file, the value of keeping
  /// the sanctions equals what undermining would cost them elsewhere, and
  /// the model resolves that tie as backing.
  Rational tie, untie;
  SeatComparison untied_2025;
};

inline AllAtTheTable all_at_the_table() {
  AllAtTheTable f;
  f.istanbul = compare_seats(scenario("istanbul_2022"));
  auto talks = bargain::read_scenario_file(std::string(BARGAIN_SOURCE_DIR) +
                                           "/scenarios/negotiation_2025.json");
  f.talks_2025 = compare_seats(talks);
  const auto europe = index_named(talks.actors, "European states");
  const auto sanctions = index_named(talks.issues, "sanctions relief");
  f.tie = talks.actors[europe].salience[sanctions];
  f.untie = f.tie + Rational(1, 100);
  talks.actors[europe].salience[sanctions] = f.untie;
  f.untied_2025 = compare_seats(talks);
  return f;
}

}  // namespace lessons
