#include "bargain/model/state_graph.hpp"

#include <algorithm>
#include <boost/graph/graphviz.hpp>

#include "bargain/io/dot.hpp"
#include "rules.hpp"

namespace bargain {

std::string_view to_string(StateTransition transition) {
  switch (transition) {
    case StateTransition::fighting:
      return "fighting";
    case StateTransition::ceasefire_agreed:
      return "ceasefire agreed";
    case StateTransition::ceasefire_holds:
      return "ceasefire holds";
    case StateTransition::ceasefire_breaks:
      return "ceasefire breaks";
  }
  return "?";
}

TwoTrackStateGraph two_track_state_graph(const Scenario& scenario) {
  scenario.validate();
  const detail::Model model(scenario);
  const std::size_t T = scenario.protocol.rounds, S = model.states(),
                    R = model.regimes();
  TwoTrackStateGraph graph((T + 1) * S * R);
  const auto vertex = [&](std::size_t t, std::size_t s, std::size_t r) {
    return ((t - 1) * S + s) * R + r;
  };
  // A war-state move can happen if anyone's odds allow it: each actor
  // values the future under its own beliefs, so the DP needs every state
  // someone believes reachable.
  const auto possible = [&](std::size_t s, std::size_t s2) {
    if (model.objective()[s][s2] != 0) return true;
    for (std::size_t i = 0; i < model.actors(); ++i)
      if (model.beliefs(i)[s][s2] != 0) return true;
    return false;
  };
  const auto ceasefire = [&](std::size_t r) {
    return model.regime_of(model.base(r)) == r;
  };
  bool any_breakdown = false;
  for (std::size_t r = 1; r < R; ++r)
    any_breakdown = any_breakdown || model.breakdown(r) != 0;
  const auto open = model.open_scopes(0);
  const bool ceasefire_open =
      std::find(open.begin(), open.end(), Scope::ceasefire) != open.end();

  for (std::size_t t = 1; t <= T + 1; ++t)
    for (std::size_t s = 0; s < S; ++s)
      for (std::size_t r = 0; r < R; ++r) {
        const auto v = vertex(t, s, r);
        graph[v] = TwoTrackState{t, s, model.ceasefire_in_force(r)};
        // After the horizon the closed form takes over; no play is ever
        // under the all-status-quo "ceasefire".
        if (t > T || (r != 0 && !ceasefire(r))) continue;
        const auto edge = [&](std::size_t s2, std::size_t r2,
                              StateTransition how) {
          boost::add_edge(v, vertex(t + 1, s2, r2), how, graph);
        };
        if (r != 0) {
          if (model.breakdown(r) != 1)
            edge(s, r, StateTransition::ceasefire_holds);
          if (model.breakdown(r) != 0)
            edge(s, 0, StateTransition::ceasefire_breaks);
          continue;
        }
        for (std::size_t s2 = 0; s2 < S; ++s2)
          if (possible(s, s2)) edge(s2, 0, StateTransition::fighting);
        if (!ceasefire_open) continue;
        // Any ceasefire package, or what its backers leave of it.
        for (std::size_t r2 = 1; r2 < R; ++r2)
          if (model.regime_of(model.base(r2)) == r2 && model.breakdown(r2) != 1)
            edge(s, r2, StateTransition::ceasefire_agreed);
        if (any_breakdown) edge(s, 0, StateTransition::ceasefire_breaks);
      }
  return graph;
}

void write_dot(std::ostream& out, const Scenario& scenario,
               const TwoTrackStateGraph& graph) {
  const auto state_label = [&](std::ostream& os, auto v) {
    const TwoTrackState& state = graph[v];
    std::string text = state.round > scenario.protocol.rounds
                           ? "after the last round"
                           : "round " + std::to_string(state.round);
    text += "\n" + scenario.battlefield.states[state.war_state];
    if (state.ceasefire) {
      std::size_t j = 0;
      for (const auto& issue : scenario.issues)
        if (issue.track == Track::ceasefire)
          text += "\n" + issue.name + " = " +
                  issue.options[(*state.ceasefire)[j++]].name;
    } else {
      text += "\nno ceasefire";
    }
    os << "[label=" << dot_quoted(text) << "]";
  };
  const auto transition_label = [&](std::ostream& os, auto e) {
    os << "[label=" << dot_quoted(to_string(graph[e])) << "]";
  };
  boost::write_graphviz(out, graph, state_label, transition_label);
}

}  // namespace bargain
