// Lesson: all at the table (examples/lessons/all_at_the_table.md). Prints,
// for Istanbul 2022 and the 2025 negotiation, the patrons and guarantors
// outside against seated, and the finding computed from them. With an
// output directory it also writes the 2025 equilibrium paths as Graphviz
// DOT (lesson-all_at_the_table.dot).
#include "all_at_the_table.hpp"

#include <fstream>
#include <iostream>

namespace {

using lessons::SeatComparison;

std::string seats(const bargain::Scenario& s, const SeatComparison& c) {
  std::string out;
  for (const auto i : c.moved) {
    std::string controls;
    for (const auto& issue : s.issues)
      for (const auto j : issue.controllers)
        if (j == i) controls += (controls.empty() ? "" : ", ") + issue.name;
    out += "\n    " + s.actors[i].name + " (controls " +
           (controls.empty() ? "nothing" : controls) + "; " +
           (s.actors[i].at_table ? "seated" : "outside") + " in the file)";
  }
  return out;
}

void report(std::ostream& out, const bargain::Scenario& file,
            const SeatComparison& c) {
  out << file.title << "\n  the lever: the seats of" << seats(file, c)
      << "\n\n";
  lessons::print_cases(out, c.excluded,
                       {{"all outside", c.outside}, {"all seated", c.inside}});
  std::vector<std::vector<std::string>> rounds = {
      {"settled by", "all outside", "all seated"}};
  for (std::size_t t = 0; t < c.settled_outside.size(); ++t)
    rounds.push_back({"round " + std::to_string(t + 1),
                      lessons::readable(c.settled_outside[t]),
                      lessons::readable(c.settled_inside[t])});
  out << '\n';
  lessons::print_table(out, rounds);
  out << "\n  ";
  const bool same = c.outside.solution.payoffs == c.inside.solution.payoffs &&
                    c.outside.settlement == c.inside.settlement;
  std::size_t t = 0;
  while (t + 1 < c.settled_outside.size() &&
         c.settled_outside[t] == c.settled_inside[t])
    ++t;
  if (same)
    out << "Seating them changes nothing: the same play and payoffs.";
  else
    out << "Seating them moves the chance of settlement from "
        << lessons::readable(c.outside.settlement) << " to "
        << lessons::readable(c.inside.settlement)
        << ", the expected rounds of fighting from "
        << lessons::readable(c.outside.war_rounds) << " to "
        << lessons::readable(c.inside.war_rounds)
        << "; the chance of a settlement first differs by round " << t + 1
        << " (" << lessons::readable(c.settled_outside[t]) << " outside, "
        << lessons::readable(c.settled_inside[t]) << " seated).";
  if (!same) {
    std::string gain, lose;
    for (std::size_t i = 0; i < c.excluded.actors.size(); ++i) {
      if (c.inside.payoffs[i] == c.outside.payoffs[i]) continue;
      auto& d = c.inside.payoffs[i] > c.outside.payoffs[i] ? gain : lose;
      d += (d.empty() ? "" : ", ") + c.excluded.actors[i].name;
    }
    out << "\n  Seated, better off under their own beliefs: "
        << (gain.empty() ? "nobody" : gain)
        << "; worse off: " << (lose.empty() ? "nobody" : lose) << ".";
  }
  out << "\n  "
      << (c.undermined_outside == 0
              ? "Outside, no controller undermines an accepted deal: the "
                "proposals already anticipate their backing."
              : "Outside, controllers undermine " +
                    std::to_string(c.undermined_outside) +
                    " accepted deal(s) on the path.")
      << "\n\n";
}

// The states play reaches, one cluster per case: a node per (round, war
// state), green where a settlement is accepted, an edge where the war can
// move on without a deal.
void write_paths(std::ostream& dot, const SeatComparison& c) {
  dot << "digraph paths {\n  rankdir=LR;\n  node [shape=box, style=filled, "
         "fontname=Helvetica, fontsize=10];\n";
  const auto odds = c.excluded.battlefield.odds.at(c.excluded.battlefield.aid);
  const std::vector<std::pair<std::string, const lessons::Summary*>> cases = {
      {"all seated", &c.inside},
      {"patrons and guarantors outside", &c.outside}};
  for (std::size_t k = 0; k < cases.size(); ++k) {
    const auto& path = cases[k].second->solution.path;
    dot << "  subgraph cluster_" << k << " {\n    label=\"" << cases[k].first
        << "\";\n";
    for (std::size_t v = 0; v < path.size(); ++v) {
      const auto& visit = path[v];
      const bool deal = lessons::settles(visit.choices.at(0));
      dot << "    s" << k << '_' << v << " [label=\"round " << visit.state.round
          << "\\n"
          << c.excluded.battlefield.states[visit.state.war_state]
          << "\\np = " << lessons::readable(visit.probability)
          << (deal ? "\\nsettlement" : "")
          << "\", fillcolor=" << (deal ? "palegreen" : "lightgrey") << "];\n";
      if (deal) continue;
      for (std::size_t w = 0; w < path.size(); ++w)
        if (path[w].state.round == visit.state.round + 1 &&
            odds[visit.state.war_state][path[w].state.war_state] > 0)
          dot << "    s" << k << '_' << v << " -> s" << k << '_' << w << ";\n";
    }
    dot << "  }\n";
  }
  dot << "}\n";
}

}  // namespace

int main(int argc, char** argv) {
  const auto f = lessons::all_at_the_table();
  report(std::cout, lessons::scenario("istanbul_2022"), f.istanbul);
  const auto talks = bargain::read_scenario_file(
      std::string(BARGAIN_SOURCE_DIR) + "/scenarios/negotiation_2025.json");
  report(std::cout, talks, f.talks_2025);
  const auto& u = f.untied_2025;
  std::cout << "The 2025 negotiation with the European states' salience of "
               "sanctions relief at "
            << lessons::readable(f.untie) << " instead of "
            << lessons::readable(f.tie)
            << " (breaking their tie between backing and undermining):\n  "
            << "P(settlement) " << lessons::readable(u.outside.settlement)
            << " outside, " << lessons::readable(u.inside.settlement)
            << " seated; rounds of war "
            << lessons::readable(u.outside.war_rounds) << " outside, "
            << lessons::readable(u.inside.war_rounds) << " seated: "
            << (u.outside.solution.payoffs == u.inside.solution.payoffs
                    ? "the seats make no difference."
                    : "the seats still matter.")
            << "\n";
  if (argc > 1) {
    std::ofstream dot(std::string(argv[1]) + "/lesson-all_at_the_table.dot");
    write_paths(dot, f.talks_2025);
  }
}
