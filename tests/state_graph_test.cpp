// The compact state graph: one vertex per (round, war state, ceasefire),
// edges where play can move, a DAG the dynamic programme walks backward.
#include "bargain/model/state_graph.hpp"

#include <doctest/doctest.h>

#include <boost/graph/topological_sort.hpp>
#include <sstream>

#include "bargain/io/scenario_json.hpp"

using namespace bargain;

namespace {

Scenario minimal() {
  return read_scenario_file(std::string(BARGAIN_SOURCE_DIR) +
                            "/scenarios/minimal.json");
}

// The transitions out of a vertex, as (target, kind) pairs.
std::vector<std::pair<std::size_t, StateTransition>> out_of(
    const TwoTrackStateGraph& graph, std::size_t v) {
  std::vector<std::pair<std::size_t, StateTransition>> out;
  for (const auto e : boost::make_iterator_range(boost::out_edges(v, graph)))
    out.emplace_back(boost::target(e, graph), graph[e]);
  return out;
}

}  // namespace

TEST_CASE("state graph: vertices are (round, war state, ceasefire) states") {
  const Scenario s = minimal();
  const auto graph = two_track_state_graph(s);
  // 2 rounds + the tail, 2 war states, no ceasefire or a package of the
  // ceasefire issue "scope" (none | energy | full).
  const std::size_t T = 2, S = 2, R = 4;
  REQUIRE(boost::num_vertices(graph) == (T + 1) * S * R);
  const auto v = [&](std::size_t t, std::size_t state, std::size_t r) {
    return ((t - 1) * S + state) * R + r;
  };
  CHECK(graph[v(1, 1, 0)] == TwoTrackState{1, 1, std::nullopt});
  CHECK(graph[v(2, 0, 3)] ==
        TwoTrackState{2, 0, std::vector<std::uint32_t>{2}});
  CHECK(boost::in_degree(v(2, 0, 1), graph) == 0);  // "none" is no truce
  CHECK(graph[v(3, 1, 1)].round == 3);

  // Fighting in the stalemate can go either way; a ceasefire can be
  // agreed in either scope; an agreed ceasefire can break at once.
  const auto from_war = out_of(graph, v(1, 1, 0));
  using enum StateTransition;
  const std::vector<std::pair<std::size_t, StateTransition>> expected = {
      {v(2, 0, 0), fighting},
      {v(2, 1, 0), fighting},
      {v(2, 1, 2), ceasefire_agreed},
      {v(2, 1, 3), ceasefire_agreed},
      {v(2, 1, 0), ceasefire_breaks}};
  CHECK(from_war == expected);
  const std::vector<std::pair<std::size_t, StateTransition>> under_truce = {
      {v(2, 0, 2), ceasefire_holds}, {v(2, 0, 0), ceasefire_breaks}};
  CHECK(out_of(graph, v(1, 0, 2)) == under_truce);
  // After the horizon the closed form takes over.
  for (std::size_t state = 0; state < S; ++state)
    for (std::size_t r = 0; r < R; ++r)
      CHECK(boost::out_degree(v(3, state, r), graph) == 0);

  std::vector<std::size_t> order;
  CHECK_NOTHROW(boost::topological_sort(graph, std::back_inserter(order)));
  CHECK(order.size() == boost::num_vertices(graph));
}

TEST_CASE("state graph: the protocol decides which ceasefires can start") {
  Scenario s = minimal();
  s.protocol.kind = ProtocolKind::settlement_only;
  const auto graph = two_track_state_graph(s);
  for (const auto e : boost::make_iterator_range(boost::edges(graph)))
    CHECK(graph[e] != StateTransition::ceasefire_agreed);
}

TEST_CASE("state graph: a move only one actor believes in is an edge") {
  Scenario s = minimal();
  // Objectively a Russian advance never ends; Ukraine believes it can.
  s.battlefield.aid = 0;
  s.battlefield.odds.without_aid[0] = {1, 0};
  s.battlefield.odds.with_aid.clear();
  // Vertices 0 and 8 and 12: round 1 and round 2 of each war state, at war.
  const auto without_belief = two_track_state_graph(s);
  CHECK(boost::edge(0, 8, without_belief).second);
  CHECK_FALSE(boost::edge(0, 12, without_belief).second);
  s.actors[1].beliefs = WarOdds{{{Rational(1, 2), Rational(1, 2)}, {0, 1}}, {}};
  const auto with_belief = two_track_state_graph(s);
  CHECK(boost::edge(0, 12, with_belief).second);
}

TEST_CASE("state graph: DOT names states and transitions as the scenario") {
  const Scenario s = minimal();
  std::ostringstream out;
  write_dot(out, s, two_track_state_graph(s));
  const std::string dot = out.str();
  CHECK(dot.rfind("digraph", 0) == 0);
  CHECK(dot.find("round 1\\nstalemate\\nno ceasefire") != std::string::npos);
  CHECK(dot.find("after the last round\\nRussia advancing\\nscope = full") !=
        std::string::npos);
  CHECK(dot.find("ceasefire agreed") != std::string::npos);
}
