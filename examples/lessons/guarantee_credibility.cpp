// Lesson "guarantee credibility": the scenario solved with an
// Article-5-like guarantee its guarantors would honour and with one they
// would not; per option of the guarantee, its credibility and what the
// deal with it is worth to each side.
#include "guarantee_credibility.hpp"

#include <iostream>

namespace {

using lessons::readable;

std::string describe(const bargain::Scenario& s,
                     const std::vector<std::uint32_t>& package) {
  std::string out;
  for (std::size_t k = 0; k < s.issues.size(); ++k)
    out += (k ? ", " : "") + s.issues[k].name + " = " +
           s.issues[k].options[package[k]].name;
  return out;
}

// "+6 to Ukraine, -2 to Russia" for the belligerents.
std::string per_belligerent(const bargain::Scenario& s,
                            const std::vector<lessons::Rational>& values) {
  std::string out;
  for (std::size_t i = 0; i < s.actors.size(); ++i)
    if (s.actors[i].belligerent)
      out += (out.empty() ? "" : ", ") + std::string(values[i] > 0 ? "+" : "") +
             readable(values[i]) + " to " + s.actors[i].name;
  return out;
}

void print_options(const lessons::GuaranteeCredibility& f) {
  const auto& s = f.honoured.scenario;
  std::vector<std::vector<std::string>> rows{
      {"case", "option", "credible", "stake - cost"}};
  for (const auto& actor : s.actors)
    rows[0].push_back("deal's value to " + actor.name);
  for (const auto* c : {&f.honoured, &f.not_honoured})
    for (const auto& o : c->options) {
      rows.push_back({c == &f.honoured ? "honoured" : "not honoured", o.name,
                      o.credible ? "yes" : "no", readable(o.margin)});
      for (const auto& v : o.deal_value) rows.back().push_back(readable(v));
    }
  lessons::print_table(std::cout, rows);
}

}  // namespace

int main() {
  const auto f = lessons::guarantee_credibility();
  const auto& s = f.honoured.scenario;
  const auto& g = s.guarantees[0];
  std::cout << s.title << "\n  scenarios/lessons/guarantee_credibility.json: "
            << "Russia and Ukraine at the table, proposing in turn (Ukraine "
               "first) on the settlement track while the war goes on; the "
               "guarantor states outside it implement the guarantee\n"
            << "  guarantee subgame: Russia may strike again with probability "
            << readable(g.strike_probability)
            << " a round; the guarantors intervene iff their stake >= the "
               "cost "
            << readable(g.intervention_cost)
            << "; an unanswered strike gains Russia " << readable(g.strike_gain)
            << " and costs Ukraine " << readable(g.victim_loss) << "\n"
            << "  lever: the guarantors' stake in the Article-5-like "
               "guarantee, "
            << readable(g.stake[f.treaty]) << " (honoured) or "
            << readable(f.not_honoured.scenario.guarantees[0].stake[f.treaty])
            << " (not honoured: no more than in the reassurance force)\n\n";
  lessons::print_cases(std::cout, s,
                       {{"honoured", f.honoured.summary},
                        {"not honoured", f.not_honoured.summary}});
  if (!f.deal) {
    std::cout << "\nFinding: even an honoured guarantee brings no deal in "
                 "round 1; there is no settlement to value.\n";
    return 0;
  }
  std::cout << "\nThe honoured case's deal, " << describe(s, *f.deal)
            << ", with each option of the guarantee in its place (settlement "
               "values, solved)\n";
  print_options(f);

  const auto& treaty = f.honoured.options[f.treaty];
  const auto& troops = f.honoured.options[f.troops];
  std::cout << "\nFinding: the Article-5-like guarantee is "
            << (treaty.credible ? "credible" : "not credible")
            << " when honoured, the reassurance force "
            << (troops.credible ? "credible" : "not credible")
            << ". At the deal, credibility is worth "
            << per_belligerent(s, f.worth) << ". ";
  if (f.not_honoured.agreed)
    std::cout << "Without it round 1 agrees "
              << describe(s, *f.not_honoured.agreed);
  else
    std::cout << "Without it round 1 brings no deal (ZOPA "
              << f.not_honoured.summary.first_zopa << " of "
              << f.not_honoured.summary.packages << "), P(settlement) "
              << readable(f.not_honoured.summary.settlement);
  std::cout << "; in equilibrium an honoured guarantee is worth "
            << per_belligerent(s, f.equilibrium_gain) << ".\n";
}
