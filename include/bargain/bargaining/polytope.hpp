// The zone of possible agreement of a negotiation over continuous issues
// with linear utilities is a polytope: the box of issue ranges cut by one
// half-space per actor ("my utility is at least my reservation value").
// Researchers need it exactly: its inequalities, its vertices as exact
// rationals, whether it is empty and, if so, which actors' conditions
// cannot hold together, its length, area or volume in 1 to 3 dimensions.
//
// The vertices are kept up to date by the double description method: the
// box's vertices first, then each added half-space cuts them. Vertices
// strictly outside go, vertices on the hyperplane stay (now tight on it),
// and every edge from a vertex strictly inside to one strictly outside
// gives a new vertex where it crosses. Edges are found combinatorially from
// the sets of tight half-spaces, which stays right for degenerate and
// lower-dimensional polytopes, where counting tight constraints does not.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "bargain/numeric.hpp"
#include "bargain/solve/exact_lp.hpp"

namespace bargain {

/// normal · x <= bound, with a label saying where it comes from ("Russia's
/// reservation", "territory <= 1").
struct Halfspace {
  std::vector<Rational> normal;
  Rational bound;
  std::string label;
};

/// A vertex of a polytope and the half-spaces tight at it.
struct Vertex {
  std::vector<Rational> point;
  /// Indices into Polytope::halfspaces() of those with normal·point ==
  /// bound, increasing.
  std::vector<std::size_t> tight;
};

/// Why a polytope is empty: a set of added half-spaces that cannot hold
/// together inside the box, minimal (drop any one and the rest can).
struct EmptinessWitness {
  std::vector<std::size_t> halfspaces;  ///< indices into halfspaces()
  std::vector<std::string> labels;      ///< their labels, in the same order
};

/// How much a polytope may hold and how much work a cut may take: the box's
/// 2^d vertices are checked before they are made; a cut is refused before
/// it tests more candidate edges than max_edge_tests (pairs of a vertex
/// inside and one outside), and before it commits more than max_vertices.
struct PolytopeLimits {
  std::size_t max_vertices = 250'000;
  std::uint64_t max_edge_tests = 1'000'000'000;
};

/// A bounded convex polytope: a box lo <= x <= hi cut by half-spaces, with
/// its exact vertices maintained as half-spaces are added.
class Polytope {
 public:
  /// The box lo <= x <= hi (lo_i == hi_i is allowed and fixes coordinate
  /// i). Its faces become the first half-spaces: 2i is "name_i >= lo_i" and
  /// 2i + 1 is "name_i <= hi_i". Throws ModelError for sizes that differ,
  /// no coordinate, or lo_i > hi_i; LimitError beyond the limits.
  Polytope(std::vector<Rational> lo, std::vector<Rational> hi,
           std::vector<std::string> coordinate_names,
           PolytopeLimits limits = {});

  /// Cuts the polytope by `h`, updating its vertices. Throws ModelError if
  /// the normal's size is not the dimension, LimitError if the cut would
  /// exceed the limits (the polytope is then unchanged).
  void add(Halfspace h);

  /// The number of coordinates (the ambient dimension).
  std::size_t dimension() const noexcept { return names_.size(); }
  const std::vector<std::string>& coordinate_names() const noexcept {
    return names_;
  }
  /// The box's 2 * dimension() faces, then the added half-spaces in order.
  const std::vector<Halfspace>& halfspaces() const noexcept {
    return halfspaces_;
  }
  /// Whether `x` satisfies every half-space. Throws ModelError if its size
  /// is not the dimension.
  bool contains(std::span<const Rational> x) const;

  /// Every vertex, exact, with the half-spaces tight at it.
  const std::vector<Vertex>& vertices() const noexcept { return vertices_; }
  bool empty() const noexcept { return vertices_.empty(); }

  /// Length, area or volume for dimension 1, 2 or 3; 0 for an empty or
  /// lower-dimensional polytope. Throws LimitError for dimension above 3.
  Rational volume() const;

  /// Nothing when the polytope is non-empty; otherwise a minimal set of the
  /// added half-spaces that cannot hold together inside the box, found from
  /// the Farkas certificate of an exact LP and shrunk by a deletion filter.
  std::optional<EmptinessWitness> emptiness_witness() const;

  /// The exact LP maximizing objective·x over the polytope: one <= row per
  /// half-space, in the order of halfspaces(), all variables free. Throws
  /// ModelError if the objective's size is not the dimension.
  ExactLp linear_program(std::vector<Rational> objective) const;

 private:
  /// Bits over half-space indices; tight sets are intersected and compared
  /// for every candidate edge, so they are words, not index lists.
  using TightBits = std::vector<std::uint64_t>;

  void check_size(std::size_t found, const std::string& what) const;
  ExactLp linear_program(std::span<const std::size_t> rows,
                         std::vector<Rational> objective) const;
  void cut(std::size_t index);
  bool adjacent(std::size_t u, std::size_t v, const TightBits& common) const;
  Rational area() const;
  Rational volume_3d() const;

  std::vector<std::string> names_;
  PolytopeLimits limits_;
  std::vector<Halfspace> halfspaces_;
  std::vector<Vertex> vertices_;
  std::vector<TightBits> tight_bits_;  // parallel to vertices_
};

}  // namespace bargain
