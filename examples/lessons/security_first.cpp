// Lesson "security first": the scenario solved under the essay's weights
// and under weights flipped toward territory, side by side.
#include "security_first.hpp"

#include <iostream>

namespace {

using lessons::SecurityCase;

std::string describe(const bargain::Scenario& s,
                     const std::vector<std::uint32_t>& package) {
  std::string out;
  for (std::size_t k = 0; k < s.issues.size(); ++k)
    out += (k ? ", " : "") + s.issues[k].options[package[k]].name;
  return out;
}

void print_weights(const lessons::SecurityFirst& f) {
  std::vector<std::vector<std::string>> rows{{"weights"}};
  for (const auto& issue : f.essay.scenario.issues)
    rows[0].push_back(issue.name);
  for (const SecurityCase* c : {&f.essay, &f.flipped})
    for (const auto& actor : c->scenario.actors) {
      if (!actor.belligerent) continue;
      rows.push_back({actor.name + (c == &f.essay ? ", essay" : ", flipped")});
      for (const auto& w : actor.salience)
        rows.back().push_back(lessons::readable(w));
    }
  lessons::print_table(std::cout, rows);
}

void print_frontier(const std::string& name, const SecurityCase& c) {
  std::cout << "\nRound 1's ZOPA frontier, " << name << " ("
            << c.summary.first_zopa << " of " << c.summary.packages
            << " packages in the ZOPA)\n";
  if (c.frontier.empty()) {
    std::cout << "  empty: no package beats fighting on for both sides\n";
    return;
  }
  std::string issues;
  for (const auto& issue : c.scenario.issues)
    issues += (issues.empty() ? "" : ", ") + issue.name;
  std::vector<std::vector<std::string>> rows{{"package: " + issues}};
  for (const auto& actor : c.scenario.actors) rows[0].push_back(actor.name);
  for (const auto& p : c.frontier) {
    rows.push_back({describe(c.scenario, p.backed)});
    for (const auto& v : p.values) rows.back().push_back(lessons::readable(v));
  }
  lessons::print_table(std::cout, rows);
}

}  // namespace

int main() {
  const auto f = lessons::security_first();
  const auto& s = f.essay.scenario;
  std::cout << s.title << "\n  scenarios/lessons/security_first.json: "
            << "Russia and Ukraine at the table, proposing in turn (Ukraine "
               "first) on the settlement track while the war goes on; the "
               "guarantor states outside it implement the guarantee\n"
            << "  lever: the belligerents' weights; \"flipped\" gives "
               "territory the security issues' total weight and the "
               "security issues territory's\n\n";
  print_weights(f);
  std::cout << '\n';
  lessons::print_cases(std::cout, s,
                       {{"essay's weights", f.essay.summary},
                        {"flipped toward territory", f.flipped.summary}});
  print_frontier("essay's weights", f.essay);
  print_frontier("flipped toward territory", f.flipped);

  std::cout << "\nRound 1's ZOPA as the weights move toward the flip\n";
  std::vector<std::vector<std::string>> rows{{"share of the flip"},
                                             {"round 1 ZOPA"}};
  for (const auto& [share, size] : f.zopa_by_share) {
    rows[0].push_back(lessons::readable(share));
    rows[1].push_back(std::to_string(size));
  }
  lessons::print_table(std::cout, rows);
  if (f.closes)
    std::cout << "  it empties between shares "
              << lessons::readable(f.closes->bracket.lo()) << " and "
              << lessons::readable(f.closes->bracket.hi()) << '\n';

  std::cout << "\nFinding: ";
  if (f.essay.agreed)
    std::cout << "under the essay's weights round 1 agrees "
              << describe(s, *f.essay.agreed) << "; ";
  else
    std::cout << "under the essay's weights round 1 agrees nothing; ";
  std::cout << (f.security_deal
                    ? "every package of its ZOPA frontier settles security "
                      "and leaves territory at \"" +
                          s.issues[f.territory]
                              .options[s.issues[f.territory].status_quo]
                              .name +
                          "\". "
                    : "its ZOPA frontier holds no package that settles "
                      "security with territory at status quo. ")
            << (f.flipped_empty
                    ? "With the weights flipped toward territory no round's "
                      "ZOPA holds a package: territory alone opens none.\n"
                    : "With the weights flipped toward territory a ZOPA "
                      "remains (see above).\n");
}
