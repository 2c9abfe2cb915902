// Battlefield calculus: mutual optimism empties round 1's ZOPA; raising U.S.
// aid until Moscow itself expects a stalemate reopens it, at an exact level.
#include "battlefield_calculus.hpp"

#include <iostream>

namespace {

using lessons::Rational;
using lessons::readable;

/// Each actor's chance, as it sees it, that a Russian advance goes on next
/// round, at aid level `aid`.
std::string advance_odds(const bargain::Scenario& s, const Rational& aid) {
  std::string text;
  for (const auto& actor : s.actors) {
    if (!actor.belligerent) continue;
    const auto& odds = actor.beliefs ? *actor.beliefs : s.battlefield.odds;
    text += "  " + actor.name + " " + readable(odds.at(aid)[0][0]) + ";";
  }
  return text + "  objective " + readable(s.battlefield.odds.at(aid)[0][0]);
}

}  // namespace

int main() {
  const auto s = lessons::scenario("battlefield_calculus");
  const auto b = lessons::battlefield_calculus();

  std::cout << "Battlefield calculus\n"
            << "  Russia and Ukraine at the table, the United States mediating "
               "from outside;\n  one round on territory and neutrality, then "
               "war, starting with Russia advancing.\n  Lever: U.S. aid level "
               "a, which moves the objective odds and each side's beliefs.\n"
            << "  P(Russia's advance goes on), at a = " << readable(b.aid)
            << ":" << advance_odds(s, b.aid) << "\n\n"
            << "At a = " << readable(b.aid)
            << ": own beliefs; the objective odds for everyone; one side "
               "with its own\nbeliefs, the other with the objective odds:\n";
  std::vector<std::pair<std::string, lessons::Summary>> cases{
      {"own beliefs", b.optimistic}, {"objective odds", b.objective}};
  for (std::size_t k = 0, n = 0; k < s.actors.size(); ++k)
    if (s.actors[k].beliefs)
      cases.emplace_back("only " + s.actors[k].name + "'s own",
                         b.one_optimist[n++]);
  lessons::print_cases(std::cout, s, cases);

  std::cout << "\nSweep of aid, own beliefs (slack: the largest least gain of "
               "a ratifier from a deal):\n";
  std::vector<std::vector<std::string>> rows{{"aid", "round 1 ZOPA",
                                              "objective ZOPA", "slack",
                                              "Russia", "Ukraine", "round 1"}};
  for (std::size_t i = 0; i < b.sweep.size(); ++i) {
    const auto& [aid, p] = b.sweep[i];
    rows.push_back({readable(aid), std::to_string(p.first_zopa),
                    std::to_string(b.objective_zopa[i]), readable(b.slack[i]),
                    readable(p.payoffs[0]), readable(p.payoffs[1]),
                    p.first_round});
  }
  lessons::print_table(std::cout, rows);

  const auto& root = b.reopening.bracket;
  std::cout << "\nThreshold (find_threshold on the slack, from a = "
            << readable(b.aid) << " to 1): "
            << (b.reopening.is_exact() ? "a* = " + readable(root.lo())
                                       : "a* in [" + readable(root.lo()) +
                                             ", " + readable(root.hi()) + "]")
            << "\n  the solver's own bracket (outcome_threshold): ["
            << readable(b.outcome_change.bracket.lo()) << ", "
            << readable(b.outcome_change.bracket.hi()) << "]\n"
            << "  below: " << b.outcome_change.below
            << "\n  above: " << b.outcome_change.above << "\n"
            << "  P(advance goes on) at a*:" << advance_odds(s, root.lo())
            << "\n\n";

  const bool empties =
      b.optimistic.first_zopa == 0 && b.objective.first_zopa > 0;
  if (empties)
    std::cout << "Finding: at a = " << readable(b.aid)
              << " the two sides' own beliefs leave no package both accept ("
              << b.objective.first_zopa << " of " << b.objective.packages
              << " would be accepted under the objective odds).\n";
  else
    std::cout << "Finding: optimism does NOT empty the ZOPA here (own beliefs "
              << b.optimistic.first_zopa << ", objective "
              << b.objective.first_zopa << " packages).\n";
  for (std::size_t k = 0, n = 0; k < s.actors.size(); ++k)
    if (s.actors[k].beliefs)
      std::cout << "  " << s.actors[k].name << "'s optimism alone "
                << (b.one_optimist[n++].first_zopa == 0 ? "empties"
                                                        : "does not empty")
                << " it.\n";
  std::cout << "  Raising aid to " << readable(root.lo())
            << (b.at.first_zopa > 0 ? " reopens it; round 1 brings "
                                    : " does not reopen it; round 1 brings ")
            << b.at.first_round << '\n';
}
