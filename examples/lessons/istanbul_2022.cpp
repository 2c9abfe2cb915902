// Lesson: Istanbul 2022 (examples/lessons/istanbul_2022.md). Prints the
// inputs, the three cases side by side and the finding computed from them.
#include "istanbul_2022.hpp"

#include <iostream>

namespace {

std::string names(const bargain::Scenario& s,
                  const std::vector<std::size_t>& actors) {
  std::string out;
  for (const auto a : actors)
    out += (out.empty() ? "" : ", ") + s.actors[a].name;
  return out.empty() ? "-" : out;
}

}  // namespace

int main() {
  const auto f = lessons::istanbul_2022();
  const auto& s = f.as_2022;
  auto& out = std::cout;

  out << s.title << "\n\nInputs (scenarios/lessons/istanbul_2022.json)\n";
  std::vector<std::vector<std::string>> actors = {
      {"actor", "seat", "values of \"" + s.issues[f.guarantee].name + "\""}};
  for (const auto& a : s.actors) {
    std::string values;
    for (std::size_t o = 0; o < a.option_value[f.guarantee].size(); ++o)
      values += (o ? ", " : "") + s.issues[f.guarantee].options[o].name + " " +
                lessons::readable(a.option_value[f.guarantee][o]);
    actors.push_back({a.name, a.at_table ? "at the table" : "outside", values});
  }
  lessons::print_table(out, actors);
  out << "\n";
  std::vector<std::vector<std::string>> issues = {
      {"issue", "options", "controllers"}};
  for (const auto& i : s.issues) {
    std::string options;
    for (const auto& o : i.options)
      options += (options.empty() ? "" : " | ") + o.name;
    issues.push_back({i.name, options, names(s, i.controllers)});
  }
  lessons::print_table(out, issues);
  out << "\n  protocol: " << bargain::to_string(s.protocol.kind) << ", "
      << s.protocol.rounds << " rounds, "
      << bargain::to_string(s.protocol.proposer) << " proposers ("
      << names(s, s.protocol.proposers) << "); the war starts in \""
      << s.battlefield.states[s.battlefield.initial] << "\"\n"
      << "  cases:    2022        as in the file\n"
      << "            Kyiv sober  Ukraine holds the objective odds, not its "
         "improving outlook\n"
      << "            backed      the guarantors value \"beyond Article 5\" as "
         "much as \"none\"\n\n";

  lessons::print_cases(
      out, s,
      {{"2022", f.collapse}, {"Kyiv sober", f.sober_deal}, {"backed", f.deal}});

  out << "\nFinding\n  ";
  if (f.collapse.settlement == 0 && f.guarantee_holds)
    out << "With the guarantors outside and unwilling to be bound, no "
           "package is accepted in any round; were they to back the "
           "guarantee, Ukraine's first proposal would be accepted at once ("
        << f.deal.first_round << ").\n";
  else
    out << "The model does not reproduce the collapse: P(settlement) is "
        << lessons::readable(f.collapse.settlement)
        << " as in 2022, and backing the guarantee "
        << (f.guarantee_holds ? "brings" : "does not bring")
        << " a guaranteed deal in round 1.\n";
  out << "  ";
  if (f.sober_without_guarantee)
    out << "Without its improving outlook Kyiv settles even without the "
           "guarantee (P(settlement) "
        << lessons::readable(f.sober_deal.settlement)
        << "): the collapse needs both the unbacked guarantee and Ukraine's "
           "optimism.\n";
  else
    out << "With the objective odds Kyiv still accepts no settlement "
           "without the guarantee (P(settlement) "
        << lessons::readable(f.sober_deal.settlement) << ").\n";
  out << "  Round 1 changes from \"" << f.outlook.below << "\" to \""
      << f.outlook.above << "\" as Ukraine's flow from fighting while it "
      << "advances rises through ["
      << bargain::to_string(f.outlook.bracket.lo()) << ", "
      << bargain::to_string(f.outlook.bracket.hi()) << "] (2022 value "
      << lessons::readable(s.actors[f.ukraine].war_flow[s.battlefield.initial])
      << ").\n";
}
