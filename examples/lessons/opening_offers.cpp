// Lesson "opening offers": prints the typed game's play per type of Russia
// next to each type's complete-information solution. With an output
// directory it also writes lesson-opening_offers.dot, the path of play.
#include "opening_offers.hpp"

#include <fstream>
#include <iostream>

namespace {

using lessons::readable;

std::string rounds(const std::vector<bargain::Rational>& by_round) {
  std::string out;
  for (const auto& p : by_round)
    out += (out.empty() ? "" : " / ") + readable(p);
  return out;
}

std::string outcomes(
    const std::vector<std::pair<std::string, bargain::Rational>>& list) {
  std::string out;
  for (const auto& [label, p] : list)
    out += (out.empty() ? "" : "; ") + readable(p) + " " + label;
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : " | ") + s;
  return out.empty() ? "(empty)" : out;
}

// The path of play per type: nature's draw, the opening and its answer, the
// outcomes reached.
void write_dot(const std::string& path,
               const lessons::OpeningOffersFinding& f) {
  const auto& sc = f.scenario;
  std::ofstream dot(path);
  dot << "digraph opening_offers {\n  rankdir=LR;\n"
      << "  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=10];\n"
      << "  nature [label=\"nature draws " << sc.actors[f.typed].name
      << "'s type\", shape=ellipse];\n";
  for (std::size_t k = 0; k < f.types.size(); ++k) {
    const auto& c = f.types[k];
    const std::string t = "t" + std::to_string(k);
    dot << "  " << t << "_open [label=\"round 1: " << sc.actors[f.proposer].name
        << " proposes\\n"
        << f.opening << "\\nworth " << readable(c.value) << " to " << c.name
        << ", reservation " << readable(c.reservation) << "\\naccepted "
        << readable(c.accepted) << "; settled by round "
        << rounds(c.settlement_by_round) << "\"];\n";
    dot << "  nature -> " << t << "_open [label=\"" << c.name << " "
        << readable(c.probability) << "\"];\n";
    for (std::size_t j = 0; j < c.outcomes.size(); ++j) {
      const std::string o = t + "_o" + std::to_string(j);
      dot << "  " << o << " [label=\"" << c.outcomes[j].first
          << "\", style=rounded];\n  " << t << "_open -> " << o
          << " [label=\"prob. " << readable(c.outcomes[j].second) << "\"];\n";
    }
  }
  dot << "}\n";
}

}  // namespace

int main(int argc, char** argv) {
  const auto f = lessons::opening_offers();
  const auto& sc = f.scenario;
  const auto& typed = sc.actors[f.typed];

  std::cout << sc.title << "\n\nInputs: " << sc.actors.size()
            << " actors at the table, " << sc.protocol.rounds
            << " rounds, proposers";
  for (const auto p : sc.protocol.proposers)
    std::cout << ' ' << sc.actors[p].name;
  std::cout << " in turn; options of " << sc.issues[0].name << ":";
  for (const auto& o : sc.issues[0].options) std::cout << " [" << o.name << ']';
  std::cout << "\nPrivate types of " << typed.name << " (war flow per round):";
  for (const auto& t : typed.types)
    std::cout << ' ' << t.name << ' ' << readable(t.war_flow[0]) << " (p "
              << readable(t.probability) << ')';
  std::cout << "\nOther side's war flow: ";
  for (std::size_t i = 0; i < sc.actors.size(); ++i)
    if (i != f.typed)
      std::cout << sc.actors[i].name << ' '
                << readable(sc.actors[i].war_flow[0]);
  std::cout << "\nTyped game solved by " << f.method
            << " (a Nash equilibrium, verified exactly).\n\n";

  std::vector<std::vector<std::string>> rows{{"", "private types"}};
  std::vector<std::vector<std::string>> known{{"", "type known to all"}};
  rows.push_back({"type", "P(type)", "opening accepted", "worth to it",
                  "reservation", "settled by round", "outcomes"});
  known.push_back({"type", "round 1", "round 1 ZOPA", "settled by round",
                   "opening in ZOPA"});
  for (const auto& c : f.types) {
    rows.push_back({c.name, readable(c.probability), readable(c.accepted),
                    readable(c.value), readable(c.reservation),
                    rounds(c.settlement_by_round), outcomes(c.outcomes)});
    known.push_back({c.name, c.complete.first_round, joined(c.complete_zopa),
                     rounds(c.complete.solution.settlement_by_round),
                     c.opening_in_complete_zopa ? "yes" : "no"});
  }
  std::cout << "Opening (round 1, by " << sc.actors[f.proposer].name
            << "): " << f.opening << "\n\n";
  lessons::print_table(std::cout, rows);
  std::cout << '\n';
  lessons::print_table(std::cout, known);

  std::cout << '\n';
  if (f.refused_then_settled && f.zopa_nonempty_opening_outside)
    std::cout << "Finding: the opening is a stated position. Some type of "
              << typed.name
              << " refuses it, though told its type the two "
                 "sides have a non-empty ZOPA that excludes the opening; the "
                 "refusing type settles only in a later round, on a "
                 "concession.\n";
  else if (f.refused_then_settled)
    std::cout << "Finding: some type refuses the opening and settles later, "
                 "but the opening is not outside every refusing type's "
                 "complete-information ZOPA (or a ZOPA is empty).\n";
  else
    std::cout << "Finding: no type refuses the opening and then settles: "
                 "the model does not show stated positions giving way to "
                 "concessions here.\n";
  std::cout << "Caveat: Lemke's algorithm gives a Nash equilibrium, not "
               "necessarily a sequential one; the play above is on the path, "
               "but moves off it (answers to offers nobody makes) may be "
               "threats a sequential equilibrium would rule out.\n";

  if (!f.concession.empty() && f.earlier_turn_is_typed) {
    const auto& other = sc.actors[f.typed == 0 ? 1 : 0].name;
    std::cout << "Sequential check: had " << typed.name << " proposed "
              << f.concession << " one round earlier, on its own turn, a yes "
              << "would give the refusing type " << readable(f.typed_earlier)
              << " (equilibrium: " << readable(f.typed_equilibrium) << ") and "
              << other << ", from that round, " << readable(f.other_accepts)
              << " (saying no "
              << "and conceding a round later: " << readable(f.other_refuses)
              << ").\n";
    if (f.typed_earlier > f.typed_equilibrium &&
        f.other_accepts > f.other_refuses)
      std::cout << "So " << other << "'s no to that proposal, off the path, "
                << "is a threat a sequential equilibrium would not keep; "
                << (f.mimic_earlier > f.mimic_opening
                        ? "without it the accepting type would refuse the "
                          "opening too (" +
                              readable(f.mimic_earlier) + " against " +
                              readable(f.mimic_opening) +
                              "), so the separation of the types rests on it.\n"
                        : "the accepting type would still take the "
                          "opening.\n");
  }
  if (argc > 1) {
    const std::string path =
        std::string(argv[1]) + "/lesson-opening_offers.dot";
    write_dot(path, f);
    std::cout << "wrote " << path << '\n';
  }
}
