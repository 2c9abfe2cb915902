// A Boost.Graph view of a frozen game tree: `const GameTree&` models
// VertexListGraph, EdgeListGraph, IncidenceGraph, BidirectionalGraph and
// AdjacencyGraph, so every Boost.Graph algorithm runs on a game as it is
// stored, without a copy.
//
// Vertices are NodeIds. Every node but the root has exactly one parent, so an
// edge is named by the node it leads to: the descriptor is one NodeId, and
// source() is a lookup of the parent array. A node's out-edges follow its
// actions in order; edges(tree) lists them by head, in preorder. Nothing here
// allocates or recurses.
#pragma once

#include <algorithm>
#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstddef>
#include <utility>

#include "bargain/game/tree.hpp"

namespace bargain {

/// An edge of a game tree, from parent(child) to child.
struct TreeEdge {
  NodeId child = kNoNode;

  friend bool operator==(TreeEdge, TreeEdge) = default;
};

namespace graph_detail {

// The iterators store node ids (into the CSR array or as a counter) and
// turn each into the edge that leads to it when dereferenced.
struct EdgeTo {
  TreeEdge operator()(NodeId child) const noexcept { return {child}; }
};

}  // namespace graph_detail

using TreeVertexIterator = boost::counting_iterator<NodeId>;
/// Walks one node's children in the CSR array.
using TreeOutEdgeIterator =
    boost::transform_iterator<graph_detail::EdgeTo, const NodeId*>;
/// Walks a run of consecutive heads: all edges, or the one in-edge of a node.
using TreeEdgeIterator =
    boost::transform_iterator<graph_detail::EdgeTo, TreeVertexIterator>;
using TreeAdjacencyIterator = const NodeId*;

// --- VertexListGraph ---------------------------------------------------------

inline std::pair<TreeVertexIterator, TreeVertexIterator> vertices(
    const GameTree& tree) {
  return {TreeVertexIterator(0),
          TreeVertexIterator(static_cast<NodeId>(tree.node_count()))};
}

inline std::size_t num_vertices(const GameTree& tree) {
  return tree.node_count();
}

// --- EdgeListGraph -----------------------------------------------------------

/// The edges into nodes 1..n-1: in preorder every node but the root.
inline std::pair<TreeEdgeIterator, TreeEdgeIterator> edges(
    const GameTree& tree) {
  const auto end = static_cast<NodeId>(tree.node_count());
  // A default-constructed tree has no nodes, hence no root to skip.
  const NodeId begin = std::min<NodeId>(tree.root() + 1, end);
  return {TreeEdgeIterator(begin), TreeEdgeIterator(end)};
}

inline std::size_t num_edges(const GameTree& tree) {
  return tree.node_count() == 0 ? 0 : tree.node_count() - 1;
}

inline NodeId source(TreeEdge e, const GameTree& tree) {
  return tree.parent(e.child);
}

inline NodeId target(TreeEdge e, const GameTree&) { return e.child; }

// --- IncidenceGraph, BidirectionalGraph, AdjacencyGraph ----------------------

/// The edges to v's children, in action order.
inline std::pair<TreeOutEdgeIterator, TreeOutEdgeIterator> out_edges(
    NodeId v, const GameTree& tree) {
  const auto kids = tree.children(v);
  return {TreeOutEdgeIterator(kids.data()),
          TreeOutEdgeIterator(kids.data() + kids.size())};
}

inline std::size_t out_degree(NodeId v, const GameTree& tree) {
  return tree.children(v).size();
}

/// The edge from v's parent, or nothing for the root.
inline std::pair<TreeEdgeIterator, TreeEdgeIterator> in_edges(
    NodeId v, const GameTree& tree) {
  const bool has_parent = tree.parent(v) != kNoNode;
  return {TreeEdgeIterator(v), TreeEdgeIterator(v + (has_parent ? 1 : 0))};
}

inline std::size_t in_degree(NodeId v, const GameTree& tree) {
  return tree.parent(v) != kNoNode ? 1 : 0;
}

inline std::size_t degree(NodeId v, const GameTree& tree) {
  return in_degree(v, tree) + out_degree(v, tree);
}

/// v's children, in action order.
inline std::pair<TreeAdjacencyIterator, TreeAdjacencyIterator>
adjacent_vertices(NodeId v, const GameTree& tree) {
  const auto kids = tree.children(v);
  return {kids.data(), kids.data() + kids.size()};
}

// --- property maps -----------------------------------------------------------

/// Numbers the edges 0..n-2 (the head's id minus one), so that exterior edge
/// properties fit in an array of num_edges(tree) entries.
struct TreeEdgeIndexMap {
  using key_type = TreeEdge;
  using value_type = std::size_t;
  using reference = std::size_t;
  using category = boost::readable_property_map_tag;

  friend std::size_t get(TreeEdgeIndexMap, TreeEdge e) { return e.child - 1; }
};

/// NodeIds are already 0..n-1: the vertex index is the identity.
inline boost::typed_identity_property_map<NodeId> get(boost::vertex_index_t,
                                                      const GameTree&) {
  return {};
}

inline NodeId get(boost::vertex_index_t, const GameTree&, NodeId v) {
  return v;
}

inline TreeEdgeIndexMap get(boost::edge_index_t, const GameTree&) { return {}; }

inline std::size_t get(boost::edge_index_t, const GameTree&, TreeEdge e) {
  return get(TreeEdgeIndexMap{}, e);
}

}  // namespace bargain

namespace boost {

template <>
struct graph_traits<bargain::GameTree> {
  using vertex_descriptor = bargain::NodeId;
  using edge_descriptor = bargain::TreeEdge;
  using directed_category = bidirectional_tag;
  using edge_parallel_category = disallow_parallel_edge_tag;
  struct traversal_category : bidirectional_graph_tag,
                              vertex_list_graph_tag,
                              edge_list_graph_tag,
                              adjacency_graph_tag {};

  using vertex_iterator = bargain::TreeVertexIterator;
  using edge_iterator = bargain::TreeEdgeIterator;
  using out_edge_iterator = bargain::TreeOutEdgeIterator;
  using in_edge_iterator = bargain::TreeEdgeIterator;
  using adjacency_iterator = bargain::TreeAdjacencyIterator;

  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  using degree_size_type = std::size_t;

  static vertex_descriptor null_vertex() noexcept { return bargain::kNoNode; }
};

template <>
struct property_map<bargain::GameTree, vertex_index_t> {
  using type = typed_identity_property_map<bargain::NodeId>;
  using const_type = type;
};

template <>
struct property_map<bargain::GameTree, edge_index_t> {
  using type = bargain::TreeEdgeIndexMap;
  using const_type = type;
};

}  // namespace boost
