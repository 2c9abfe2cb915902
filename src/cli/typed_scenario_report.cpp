#include "typed_scenario_report.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "bargain/model/two_track_game.hpp"
#include "table.hpp"

namespace bargain::cli {

namespace {

// What an actor of one type (an actor without types: of its one known
// type) is offered first and can walk away with, averaged over the
// others' types and the openings it sees.
struct Position {
  std::size_t actor = 0, type = 0;
  std::vector<std::string> offers;  // the opening proposals, distinct
  Rational weight = 0;              // of the openings that propose
  Rational value = 0, reservation = 0;
};

std::vector<Position> positions(const Scenario& sc,
                                const std::vector<TypeDraw>& draws) {
  std::vector<Position> out;
  for (std::size_t i = 0; i < sc.actors.size(); ++i)
    for (std::size_t t = 0;
         t < std::max<std::size_t>(1, sc.actors[i].types.size()); ++t) {
      Position p;
      p.actor = i;
      p.type = t;
      for (const auto& d : draws) {
        if (d.types[i] != t) continue;
        for (const auto& o : d.opening) {
          if (o.proposal == "pass") continue;
          const std::string offer =
              o.proposal + " (by " + sc.actors[o.proposer].name + ")";
          if (std::find(p.offers.begin(), p.offers.end(), offer) ==
              p.offers.end())
            p.offers.push_back(offer);
          const Rational w = d.probability * o.probability;
          p.weight += w;
          p.value += w * o.value[i];
          p.reservation += w * o.reservation[i];
        }
      }
      if (p.weight != 0) {
        p.value /= p.weight;
        p.reservation /= p.weight;
      }
      out.push_back(std::move(p));
    }
  return out;
}

std::string type_name(const Scenario& sc, const Position& p) {
  const auto& types = sc.actors[p.actor].types;
  return types.empty() ? "(known)" : types[p.type].name;
}

std::string draw_text(const Scenario& sc, const TypeDraw& d) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < sc.actors.size(); ++i)
    if (!sc.actors[i].types.empty())
      parts.push_back(sc.actors[i].name + " " +
                      sc.actors[i].types[d.types[i]].name);
  return joined(parts, ", ");
}

std::string method_text(const ExtensiveGame<Rational>& game) {
  return "game tree with private types (" +
         std::to_string(game.tree().node_count()) + " nodes, " +
         std::to_string(game.tree().infoset_count()) +
         " information sets) solved by sequence-form Lemke in exact "
         "rational arithmetic: a Nash equilibrium, not necessarily a "
         "sequential one";
}

void print_table(std::ostream& out, const Scenario& sc,
                 const ExtensiveGame<Rational>& game,
                 const Equilibrium<Rational>& eq,
                 const std::vector<TypeDraw>& draws,
                 const std::string& source) {
  out << (sc.title.empty() ? "Scenario" : sc.title) << '\n';
  TextTable head;
  head.add({"source", source});
  for (const auto& a : sc.actors) {
    if (a.types.empty()) continue;
    std::vector<std::string> types;
    for (const auto& t : a.types)
      types.push_back(t.name + " " + to_string(t.probability));
    head.add({"types of " + a.name, joined(types, ", ")});
  }
  head.add({"method", method_text(game)});
  head.add({"verified", "NashConv " + to_string(eq.verification.max_regret) +
                            " exactly (" + eq.verification.criterion + ")"});
  head.print(out);

  for (const auto& d : draws) {
    out << "\nNature draws " << draw_text(sc, d) << " (probability "
        << to_string(d.probability) << ")\n";
    for (const auto& o : d.opening) {
      std::string text = "  round 1: " + sc.actors[o.proposer].name + " ";
      if (o.proposal == "pass") {
        text += "passes";
      } else {
        text += "proposes " + o.proposal + "; accepted with probability " +
                to_string(o.accepted);
      }
      if (o.probability != 1)
        text += " (probability " + to_string(o.probability) + ")";
      out << text << '\n';
    }
    std::vector<std::string> rounds;
    for (std::size_t t = 0; t < d.settlement_by_round.size(); ++t)
      rounds.push_back("round " + std::to_string(t + 1) + ": " +
                       to_string(d.settlement_by_round[t]));
    out << "  settlement by round: " << joined(rounds, ", ") << '\n';
    TextTable outcomes("    ");
    for (const auto& [label, p] : d.outcomes)
      outcomes.add({to_string(p), label});
    outcomes.print(out);
    std::vector<std::string> payoffs;
    for (std::size_t i = 0; i < sc.actors.size(); ++i)
      payoffs.push_back(sc.actors[i].name + " " + to_string(d.payoffs[i]));
    out << "  payoffs: " << joined(payoffs, ", ") << '\n';
  }

  out << "\nStated positions and reservation values (round 1, own beliefs;\n"
         "the reservation value is the payoff if round 1 ends without a deal:\n"
         "after the actor's own rejection, or the proposer's pass)\n";
  TextTable table("    ");
  table.add({"actor", "type", "opening offer", "worth to it if accepted",
             "reservation value"});
  for (const auto& p : positions(sc, draws))
    table.add({sc.actors[p.actor].name, type_name(sc, p),
               p.offers.empty() ? "none (passes)" : joined(p.offers, "; "),
               p.weight == 0 ? "" : to_string(p.value),
               p.weight == 0 ? "" : to_string(p.reservation)});
  table.print(out);

  out << "\nPayoffs (discounted, expected over the types; own beliefs | "
         "objective odds)\n";
  TextTable payoffs("    ");
  for (std::size_t i = 0; i < sc.actors.size(); ++i)
    payoffs.add({sc.actors[i].name, to_string(eq.payoffs[i]),
                 to_string(eq.objective_payoffs[i])});
  payoffs.print(out);
}

void print_json(std::ostream& out, const Scenario& sc,
                const ExtensiveGame<Rational>& game,
                const Equilibrium<Rational>& eq,
                const std::vector<TypeDraw>& draws, const std::string& source) {
  const auto by_actor = [&](const std::vector<Rational>& v) {
    nlohmann::json j = nlohmann::json::object();
    for (std::size_t i = 0; i < sc.actors.size(); ++i)
      j[sc.actors[i].name] = to_string(v[i]);
    return j;
  };
  nlohmann::json j;
  j["title"] = sc.title;
  j["source"] = source;
  j["method"] = method_text(game);
  j["verification"] = {{"criterion", eq.verification.criterion},
                       {"nash_conv", to_string(eq.verification.max_regret)}};
  auto& payoffs = j["payoffs"] = nlohmann::json::object();
  for (std::size_t i = 0; i < sc.actors.size(); ++i)
    payoffs[sc.actors[i].name] = {
        {"own_beliefs", to_string(eq.payoffs[i])},
        {"objective", to_string(eq.objective_payoffs[i])}};
  auto& list = j["draws"] = nlohmann::json::array();
  for (const auto& d : draws) {
    nlohmann::json dj;
    auto& types = dj["types"] = nlohmann::json::object();
    for (std::size_t i = 0; i < sc.actors.size(); ++i)
      if (!sc.actors[i].types.empty())
        types[sc.actors[i].name] = sc.actors[i].types[d.types[i]].name;
    dj["probability"] = to_string(d.probability);
    auto& opening = dj["opening"] = nlohmann::json::array();
    for (const auto& o : d.opening)
      opening.push_back({{"proposer", sc.actors[o.proposer].name},
                         {"proposal", o.proposal},
                         {"probability", to_string(o.probability)},
                         {"accepted", to_string(o.accepted)},
                         {"value", by_actor(o.value)},
                         {"reservation", by_actor(o.reservation)}});
    auto& by_round = dj["settlement_by_round"] = nlohmann::json::array();
    for (const auto& p : d.settlement_by_round)
      by_round.push_back(to_string(p));
    auto& outcomes = dj["outcomes"] = nlohmann::json::array();
    for (const auto& [label, p] : d.outcomes)
      outcomes.push_back({{"outcome", label}, {"probability", to_string(p)}});
    dj["payoffs"] = by_actor(d.payoffs);
    list.push_back(dj);
  }
  auto& stated = j["positions"] = nlohmann::json::array();
  for (const auto& p : positions(sc, draws)) {
    nlohmann::json pj = {{"actor", sc.actors[p.actor].name},
                         {"type", type_name(sc, p)},
                         {"opening_offers", p.offers}};
    if (p.weight != 0) {
      pj["offer_value"] = to_string(p.value);
      pj["reservation_value"] = to_string(p.reservation);
    }
    stated.push_back(pj);
  }
  out << j.dump(2) << '\n';
}

}  // namespace

void print_typed_scenario_report(std::ostream& out, const Scenario& scenario,
                                 const ExtensiveGame<Rational>& game,
                                 const SolveResult<Rational>& result, bool json,
                                 const std::string& source) {
  const auto& eq = result.equilibria.front();
  const auto draws = two_track_play(scenario, game, eq.profile);
  if (json)
    print_json(out, scenario, game, eq, draws, source);
  else
    print_table(out, scenario, game, eq, draws, source);
}

}  // namespace bargain::cli
