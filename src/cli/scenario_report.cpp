#include "scenario_report.hpp"

#include <nlohmann/json.hpp>

#include "table.hpp"

namespace bargain::cli {

namespace {

// The issues a scope covers, as "issue = option".
std::vector<std::string> package_parts(const Scenario& sc, Scope scope,
                                       const std::vector<std::uint32_t>& x) {
  std::vector<std::string> parts;
  for (std::size_t k = 0; k < sc.issues.size(); ++k) {
    const bool ceasefire = sc.issues[k].track == Track::ceasefire;
    if (scope == Scope::linked || (scope == Scope::ceasefire) == ceasefire)
      parts.push_back(sc.issues[k].name + " = " +
                      sc.issues[k].options[x[k]].name);
  }
  return parts;
}

std::string package_text(const Scenario& sc, Scope scope,
                         const std::vector<std::uint32_t>& x) {
  return joined(package_parts(sc, scope, x), ", ");
}

std::string roles(const ScenarioActor& a) {
  std::vector<std::string> r;
  if (a.belligerent) r.push_back("belligerent");
  if (a.patron) r.push_back("patron");
  if (a.guarantor) r.push_back("guarantor");
  r.push_back(a.at_table ? "at the table" : "outside the table");
  return joined(r, ", ");
}

// Whether a ceasefire proposal leaves every ceasefire issue at its status
// quo: tie-breaking may list it before passing, but nothing changes.
bool changes_nothing(const Scenario& sc, const ProposalChoice& c) {
  if (c.scope != Scope::ceasefire) return false;
  for (std::size_t k = 0; k < sc.issues.size(); ++k)
    if (sc.issues[k].track == Track::ceasefire &&
        c.backed[k] != sc.issues[k].status_quo)
      return false;
  return true;
}

// What a proposer does, in words; packages go on the lines below, wrapped
// and indented by `indent`.
std::string describe_choice(const Scenario& sc, const ProposalChoice& c,
                            const std::string& indent) {
  const std::string& who = sc.actors[c.proposer].name;
  const std::string zopa =
      c.zopa_size == 0
          ? "ZOPA empty, " + std::to_string(c.packages) + " packages"
          : "ZOPA " + std::to_string(c.zopa_size) + " of " +
                std::to_string(c.packages) + " packages, " +
                std::to_string(c.zopa_frontier.size()) +
                " on its Pareto frontier";
  const bool no_change =
      c.accepted && c.underminers.empty() && changes_nothing(sc, c);
  if (c.passes || no_change)
    return who +
           (c.zopa_size == 0
                ? " finds no package that all at the table accept: no deal ("
                : " proposes nothing beyond the status quo: no deal (") +
           zopa + ")";
  std::string text = who + " proposes a " + std::string(to_string(c.scope)) +
                     " package; " + (c.accepted ? "accepted" : "rejected") +
                     " (" + zopa + ")\n" +
                     wrapped(package_parts(sc, c.scope, c.proposal), indent);
  if (!c.underminers.empty()) {
    std::vector<std::string> names;
    for (const auto j : c.underminers) names.push_back(sc.actors[j].name);
    text += "\n" + indent + "undermined by " + joined(names, " and ") +
            "; what holds:\n" +
            wrapped(package_parts(sc, c.scope, c.backed), indent);
  }
  return text;
}

// The ceasefire in force, from the options of the ceasefire issues.
std::string ceasefire_text(const Scenario& sc,
                           const std::vector<std::uint32_t>& options) {
  std::vector<std::string> parts;
  std::size_t j = 0;
  for (const auto& issue : sc.issues)
    if (issue.track == Track::ceasefire)
      parts.push_back(issue.name + " = " + issue.options[options[j++]].name);
  return joined(parts, ", ");
}

std::string state_text(const Scenario& sc, const TwoTrackSolution::Visit& v) {
  std::string text = "round " + std::to_string(v.state.round) + ", " +
                     sc.battlefield.states[v.state.war_state];
  if (v.state.ceasefire)
    text +=
        ", ceasefire in force (" + ceasefire_text(sc, *v.state.ceasefire) + ")";
  return text;
}

struct GuaranteeLine {
  std::string option;
  bool credible;
  Rational margin, worth_victim, worth_aggressor;
};

// Per option of a guarantee's issue: credible or not, and what deterrence
// is worth: a credible guarantee spares the victim its expected losses
// and denies the aggressor its expected gains, for ever.
std::vector<GuaranteeLine> guarantee_lines(const Scenario& sc,
                                           const Guarantee& g) {
  std::vector<GuaranteeLine> out;
  const auto& issue = sc.issues[g.issue];
  const Rational victim_worth =
      g.strike_probability * g.victim_loss / (1 - sc.actors[g.victim].discount);
  const Rational aggressor_worth = -g.strike_probability * g.strike_gain /
                                   (1 - sc.actors[g.aggressor].discount);
  for (std::size_t o = 0; o < issue.options.size(); ++o) {
    const bool credible = g.stake[o] >= g.intervention_cost;
    const bool deterrence_matters = g.strike_gain > 0;
    out.push_back(
        {issue.options[o].name, credible, g.stake[o] - g.intervention_cost,
         credible && deterrence_matters ? victim_worth : Rational(0),
         credible && deterrence_matters ? aggressor_worth : Rational(0)});
  }
  return out;
}

void print_table(std::ostream& out, const Scenario& sc,
                 const TwoTrackSolution& solution, const std::string& source) {
  out << (sc.title.empty() ? "Scenario" : sc.title) << '\n';
  TextTable head;
  head.add({"source", source});
  std::vector<std::string> actors;
  for (const auto& a : sc.actors)
    actors.push_back(a.name + " (" + roles(a) + ")");
  head.add({"actors", joined(actors, "; ")});
  for (const Track track : {Track::ceasefire, Track::settlement}) {
    std::vector<std::string> issues;
    for (const auto& issue : sc.issues) {
      if (issue.track != track) continue;
      std::vector<std::string> options;
      for (const auto& o : issue.options) options.push_back(o.name);
      issues.push_back(issue.name + " (" + joined(options, " | ") + ")");
    }
    if (!issues.empty())
      head.add({std::string(to_string(track)), joined(issues, ", ")});
  }
  std::vector<std::string> proposers;
  for (const auto p : sc.protocol.proposers)
    proposers.push_back(sc.actors[p].name);
  head.add({"protocol", std::string(to_string(sc.protocol.kind)) + ", " +
                            std::string(to_string(sc.protocol.proposer)) +
                            " proposer (" + joined(proposers, ", ") + "), " +
                            std::to_string(sc.protocol.rounds) + " rounds"});
  head.add({"war", joined(sc.battlefield.states, " | ") + ", starting in \"" +
                       sc.battlefield.states[sc.battlefield.initial] +
                       "\", aid " + to_string(sc.battlefield.aid)});
  head.add({"method",
            "dynamic programme over (round, war state, ceasefire), "
            "exact rational arithmetic (~: rounded here; --format json "
            "gives every number exactly)"});
  head.print(out);

  out << "\nEquilibrium play (states reached under the objective odds)\n";
  for (const auto& visit : solution.path) {
    out << "  " << state_text(sc, visit) << ", probability "
        << readable(visit.probability) << '\n';
    for (const auto& c : visit.choices)
      out << "    " << describe_choice(sc, c, "        ") << '\n';
  }

  out << "\nOutcome\n";
  TextTable outcome;
  for (std::size_t t = 0; t < solution.settlement_by_round.size(); ++t)
    outcome.add(
        {"round " + std::to_string(t + 1),
         "settlement " + readable(solution.settlement_by_round[t]),
         "first ceasefire " + readable(solution.ceasefire_by_round[t])});
  outcome.add(
      {"after", "no settlement " + readable(solution.no_settlement), ""});
  outcome.print(out);
  out << "  expected rounds of fighting: "
      << readable(solution.expected_war_rounds) << '\n';

  out << "\nPayoffs (discounted; own beliefs | objective odds)\n";
  TextTable payoffs("    ");
  for (std::size_t i = 0; i < sc.actors.size(); ++i)
    payoffs.add({sc.actors[i].name, readable(solution.payoffs[i]),
                 readable(solution.objective_payoffs[i])});
  payoffs.print(out);

  for (const auto& g : sc.guarantees) {
    out << "\nGuarantee on \"" << sc.issues[g.issue].name << "\" by "
        << sc.actors[g.guarantor].name << " (aggressor "
        << sc.actors[g.aggressor].name << ", victim "
        << sc.actors[g.victim].name << ")\n";
    TextTable table("    ");
    table.add({"option", "credible", "stake - cost",
               "worth to " + sc.actors[g.victim].name,
               "worth to " + sc.actors[g.aggressor].name});
    for (const auto& line : guarantee_lines(sc, g))
      table.add({line.option, line.credible ? "yes" : "no",
                 to_string(line.margin), to_string(line.worth_victim),
                 to_string(line.worth_aggressor)});
    table.print(out);
  }
}

// A state play reaches, as JSON: where it is and how likely.
nlohmann::json state_json(const Scenario& sc,
                          const TwoTrackSolution::Visit& visit) {
  nlohmann::json v;
  v["round"] = visit.state.round;
  v["war_state"] = sc.battlefield.states[visit.state.war_state];
  if (visit.state.ceasefire)
    v["ceasefire"] = ceasefire_text(sc, *visit.state.ceasefire);
  v["probability"] = to_string(visit.probability);
  return v;
}

void print_json(std::ostream& out, const Scenario& sc,
                const TwoTrackSolution& solution, const std::string& source) {
  nlohmann::json j;
  j["title"] = sc.title;
  j["source"] = source;
  j["method"] = "dynamic programme";
  auto& payoffs = j["payoffs"] = nlohmann::json::object();
  for (std::size_t i = 0; i < sc.actors.size(); ++i)
    payoffs[sc.actors[i].name] = {
        {"own_beliefs", to_string(solution.payoffs[i])},
        {"objective", to_string(solution.objective_payoffs[i])}};
  auto& by_round = j["settlement_by_round"] = nlohmann::json::array();
  for (const auto& p : solution.settlement_by_round)
    by_round.push_back(to_string(p));
  auto& ceasefire = j["ceasefire_by_round"] = nlohmann::json::array();
  for (const auto& p : solution.ceasefire_by_round)
    ceasefire.push_back(to_string(p));
  j["no_settlement"] = to_string(solution.no_settlement);
  j["expected_war_rounds"] = to_string(solution.expected_war_rounds);
  auto& path = j["path"] = nlohmann::json::array();
  for (const auto& visit : solution.path) {
    nlohmann::json v = state_json(sc, visit);
    auto& choices = v["choices"] = nlohmann::json::array();
    for (const auto& c : visit.choices) {
      nlohmann::json cj;
      cj["proposer"] = sc.actors[c.proposer].name;
      cj["passes"] = c.passes;
      if (!c.passes) {
        cj["scope"] = std::string(to_string(c.scope));
        cj["proposal"] = package_text(sc, c.scope, c.proposal);
        cj["accepted"] = c.accepted;
        if (c.accepted) cj["holds"] = package_text(sc, c.scope, c.backed);
        auto& underminers = cj["underminers"] = nlohmann::json::array();
        for (const auto u : c.underminers)
          underminers.push_back(sc.actors[u].name);
      }
      cj["zopa_size"] = c.zopa_size;
      cj["packages"] = c.packages;
      choices.push_back(cj);
    }
    path.push_back(v);
  }
  auto& guarantees = j["guarantees"] = nlohmann::json::array();
  for (const auto& g : sc.guarantees) {
    nlohmann::json gj;
    gj["issue"] = sc.issues[g.issue].name;
    gj["guarantor"] = sc.actors[g.guarantor].name;
    auto& options = gj["options"] = nlohmann::json::array();
    for (const auto& line : guarantee_lines(sc, g))
      options.push_back(
          {{"option", line.option},
           {"credible", line.credible},
           {"stake_minus_cost", to_string(line.margin)},
           {"worth_to_victim", to_string(line.worth_victim)},
           {"worth_to_aggressor", to_string(line.worth_aggressor)}});
    guarantees.push_back(gj);
  }
  out << j.dump(2) << '\n';
}

void print_zopa_table(std::ostream& out, const Scenario& sc,
                      const TwoTrackSolution& solution,
                      const std::string& source, std::size_t max_rows) {
  out << (sc.title.empty() ? "Scenario" : sc.title) << '\n';
  TextTable head;
  head.add({"source", source});
  head.add({"ZOPA",
            "the packages every actor at the table accepts rather "
            "than play on (after backing and guarantees), each "
            "valued under the actor's own beliefs"});
  head.print(out);
  for (const auto& visit : solution.path) {
    out << '\n'
        << state_text(sc, visit) << ", probability "
        << readable(visit.probability) << '\n';
    for (const auto& c : visit.choices) {
      out << "  " << describe_choice(sc, c, "      ") << '\n';
      if (c.zopa_frontier.empty()) continue;
      TextTable frontier("    ");
      std::vector<std::string> header = {"scope"};
      for (const auto& a : sc.actors) header.push_back(a.name);
      header.push_back("package (what holds once backed)");
      frontier.add(header);
      std::size_t shown = 0;
      for (const auto& z : c.zopa_frontier) {
        if (shown++ == max_rows) break;
        std::vector<std::string> row = {std::string(to_string(z.scope))};
        for (const auto& v : z.values) row.push_back(readable(v));
        row.push_back(package_text(sc, z.scope, z.backed));
        frontier.add(row);
      }
      frontier.print(out);
      if (c.zopa_frontier.size() > max_rows)
        out << "    ... " << c.zopa_frontier.size() - max_rows
            << " more (--max-rows, or --format json for all)\n";
    }
  }
}

void print_zopa_json(std::ostream& out, const Scenario& sc,
                     const TwoTrackSolution& solution,
                     const std::string& source) {
  nlohmann::json j;
  j["title"] = sc.title;
  j["source"] = source;
  auto& rounds = j["states"] = nlohmann::json::array();
  for (const auto& visit : solution.path) {
    nlohmann::json v = state_json(sc, visit);
    auto& choices = v["proposers"] = nlohmann::json::array();
    for (const auto& c : visit.choices) {
      nlohmann::json cj;
      cj["proposer"] = sc.actors[c.proposer].name;
      cj["zopa_size"] = c.zopa_size;
      cj["packages"] = c.packages;
      auto& frontier = cj["pareto_frontier"] = nlohmann::json::array();
      for (const auto& z : c.zopa_frontier) {
        nlohmann::json values = nlohmann::json::object();
        for (std::size_t i = 0; i < sc.actors.size(); ++i)
          values[sc.actors[i].name] = to_string(z.values[i]);
        frontier.push_back({{"scope", std::string(to_string(z.scope))},
                            {"proposal", package_text(sc, z.scope, z.proposal)},
                            {"holds", package_text(sc, z.scope, z.backed)},
                            {"values", values}});
      }
      choices.push_back(cj);
    }
    rounds.push_back(v);
  }
  out << j.dump(2) << '\n';
}

}  // namespace

void print_scenario_zopa(std::ostream& out, const Scenario& scenario,
                         const TwoTrackSolution& solution, bool json,
                         const std::string& source, std::size_t max_rows) {
  if (json)
    print_zopa_json(out, scenario, solution, source);
  else
    print_zopa_table(out, scenario, solution, source, max_rows);
}

void print_scenario_report(std::ostream& out, const Scenario& scenario,
                           const TwoTrackSolution& solution, bool json,
                           const std::string& source) {
  if (json)
    print_json(out, scenario, solution, source);
  else
    print_table(out, scenario, solution, source);
}

}  // namespace bargain::cli
