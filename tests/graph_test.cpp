#include "bargain/game/graph.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/topological_sort.hpp>
#include <cstdint>
#include <iterator>
#include <memory>
#include <vector>

#include "bargain/game/builder.hpp"

using namespace bargain;

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<GameTree>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<GameTree>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<GameTree>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<GameTree>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<GameTree>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyGraphConcept<
                      GameTree, NodeId, boost::vertex_index_t>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyGraphConcept<
                      GameTree, TreeEdge, boost::edge_index_t>));
static_assert(boost::is_directed_graph<GameTree>::value);

namespace {

// A ragged tree of about 300 nodes, 0 to 3 children each, grown breadth first:
// the builder numbers nodes by creation, so the frozen preorder differs from
// it and the checks below are not trivially true.
std::shared_ptr<const GameTree> ragged_tree() {
  TreeBuilder b;
  const auto p = b.add_player("P");
  const std::array<InfosetId, 3> set_of_arity = {
      b.add_infoset(p, "", b.add_action_set({"a"})),
      b.add_infoset(p, "", b.add_action_set({"a", "b"})),
      b.add_infoset(kChance, "", b.add_action_set({"x", "y", "z"}))};
  std::uint32_t state = 12345;
  for (NodeId v = 0; v < b.node_count() && b.node_count() < 300; ++v) {
    state = state * 1103515245u + 12345u;
    const std::uint32_t arity = v == 0 ? 3 : (state >> 16) % 4;
    if (arity > 0) b.move(v, set_of_arity[arity - 1]);
  }
  return std::move(b).freeze().tree;
}

// A game a million moves deep: each move ends the game or goes on.
std::shared_ptr<const GameTree> deep_chain(int depth) {
  TreeBuilder b;
  const auto step =
      b.add_infoset(b.add_player("P"), "", b.add_action_set({"stop", "go"}));
  NodeId v = b.root();
  for (int i = 0; i < depth; ++i) v = b.move(v, step)[1];
  return std::move(b).freeze().tree;
}

struct DiscoverOrder : boost::default_dfs_visitor {
  std::vector<NodeId>* order;
  void discover_vertex(NodeId v, const GameTree&) const { order->push_back(v); }
};

// How many nodes of a complete order come before their parent (one check,
// not millions, on the deep chain).
std::size_t children_before_parent(const GameTree& tree,
                                   const std::vector<NodeId>& order) {
  REQUIRE(order.size() == tree.node_count());
  std::vector<std::size_t> position(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) position[order[i]] = i;
  std::size_t misplaced = 0;
  for (NodeId v = 1; v < tree.node_count(); ++v)
    if (position[v] < position[tree.parent(v)]) ++misplaced;
  return misplaced;
}

}  // namespace

TEST_CASE("graph: counts, and every edge runs from a node's parent to it") {
  const auto tree = ragged_tree();
  const GameTree& t = *tree;
  const auto n = t.node_count();
  REQUIRE(n >= 300);
  CHECK(num_vertices(t) == n);
  CHECK(num_edges(t) == n - 1);
  CHECK(std::distance(vertices(t).first, vertices(t).second) ==
        static_cast<std::ptrdiff_t>(n));

  std::size_t count = 0;
  const auto index = get(boost::edge_index, t);
  for (auto [e, end] = edges(t); e != end; ++e, ++count) {
    CHECK(source(*e, t) == t.parent(target(*e, t)));
    CHECK(get(index, *e) == count);  // dense: fits an array of num_edges
  }
  CHECK(count == n - 1);
  CHECK(get(boost::vertex_index, t, NodeId{7}) == 7);

  const GameTree empty;  // default-constructed: no nodes, no edges
  CHECK(num_edges(empty) == 0);
  CHECK(edges(empty).first == edges(empty).second);
}

TEST_CASE("graph: out-edges are the children in order, in-edges the parent") {
  const auto tree = ragged_tree();
  const GameTree& t = *tree;
  for (NodeId v = 0; v < t.node_count(); ++v) {
    const auto kids = t.children(v);
    std::vector<NodeId> heads, adjacent;
    for (auto [e, end] = out_edges(v, t); e != end; ++e) {
      CHECK(source(*e, t) == v);
      heads.push_back(target(*e, t));
    }
    for (auto [w, end] = adjacent_vertices(v, t); w != end; ++w)
      adjacent.push_back(*w);
    CHECK(std::ranges::equal(heads, kids));
    CHECK(adjacent == heads);
    CHECK(out_degree(v, t) == kids.size());

    const auto [in, in_end] = in_edges(v, t);
    CHECK(in_degree(v, t) == static_cast<std::size_t>(in_end - in));
    CHECK(degree(v, t) == in_degree(v, t) + out_degree(v, t));
    if (v == t.root()) {
      CHECK(in == in_end);
    } else {
      REQUIRE(in_end - in == 1);
      CHECK(source(*in, t) == t.parent(v));
      CHECK(target(*in, t) == v);
    }
  }
}

TEST_CASE("graph: depth-first search discovers the nodes in preorder") {
  const auto tree = ragged_tree();
  std::vector<NodeId> order;
  DiscoverOrder visitor;
  visitor.order = &order;
  boost::depth_first_search(*tree, boost::visitor(visitor));
  REQUIRE(order.size() == tree->node_count());
  for (NodeId v = 0; v < order.size(); ++v) CHECK(order[v] == v);
}

TEST_CASE("graph: a topological sort puts every parent before its children") {
  const auto tree = ragged_tree();
  std::vector<NodeId> order;
  boost::topological_sort(*tree, std::back_inserter(order));
  std::ranges::reverse(order);  // Boost writes the order back to front
  CHECK(children_before_parent(*tree, order) == 0);
}

TEST_CASE("graph: breadth-first distances from the root are the depths") {
  const auto tree = ragged_tree();
  const GameTree& t = *tree;
  std::vector<std::size_t> distance(t.node_count(), 0);
  boost::breadth_first_search(
      t, t.root(),
      boost::visitor(boost::make_bfs_visitor(
          boost::record_distances(distance.data(), boost::on_tree_edge()))));
  for (NodeId v = 0; v < t.node_count(); ++v) CHECK(distance[v] == t.depth(v));
}

TEST_CASE("graph: a chain a million moves deep is searched without recursion") {
  const int depth = 1'000'000;
  const auto tree = deep_chain(depth);
  REQUIRE(tree->node_count() == 2 * depth + 1);

  std::vector<NodeId> order;
  DiscoverOrder visitor;
  visitor.order = &order;
  boost::depth_first_search(*tree, boost::visitor(visitor));
  CHECK(order.size() == tree->node_count());
  CHECK(std::ranges::is_sorted(order));

  order.clear();
  boost::topological_sort(*tree, std::back_inserter(order));
  std::ranges::reverse(order);
  CHECK(children_before_parent(*tree, order) == 0);
}
