// The compact state graph of the two-track game: one vertex per round, war
// state and ceasefire in force (rounds 1..T, then T + 1 for the perpetual
// tail after the horizon), one edge per way play can move between them
// (the war state moving on, a ceasefire agreed, holding or breaking down).
// A settlement leaves the graph: its value is closed-form. The graph is a
// Boost.Graph DAG; the dynamic programme (two_track.hpp) visits it in
// reverse topological order, each state after every state it can lead to.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <ostream>
#include <string_view>

#include "bargain/model/scenario.hpp"
#include "bargain/model/two_track.hpp"

namespace bargain {

/// How play moves from one state to the next.
enum class StateTransition {
  fighting,          ///< no ceasefire: the war state moves on
  ceasefire_agreed,  ///< a ceasefire is agreed this round and holds
  ceasefire_holds,   ///< the ceasefire in force holds another round
  ceasefire_breaks   ///< the ceasefire (new or in force) breaks down
};

std::string_view to_string(StateTransition transition);

/// Vertices are TwoTrackState (round T + 1: after the horizon); vertex v of
/// round t, war state s and ceasefire regime r is ((t - 1) S + s) R + r,
/// where r = 0 is no ceasefire and r >= 1 is ceasefire package r - 1 of
/// the ceasefire issues in mixed radix, the last issue fastest (the
/// all-status-quo package is no ceasefire: its vertices have no way in).
using TwoTrackStateGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                          TwoTrackState, StateTransition>;

/// The state graph of a valid scenario. War-state edges are those any
/// actor's beliefs or the objective odds give a positive probability.
TwoTrackStateGraph two_track_state_graph(const Scenario& scenario);

/// The graph in Graphviz's DOT language, states and transitions named as
/// in the scenario.
void write_dot(std::ostream& out, const Scenario& scenario,
               const TwoTrackStateGraph& graph);

}  // namespace bargain
