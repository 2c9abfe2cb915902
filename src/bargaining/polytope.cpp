#include "bargain/bargaining/polytope.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <set>
#include <utility>

#include "bargain/error.hpp"

namespace bargain {
namespace {

using Point = std::vector<Rational>;
using Point2 = std::array<Rational, 2>;

using detail::dot;

std::size_t count_common(const std::vector<std::uint64_t>& a,
                         const std::vector<std::uint64_t>& b) {
  std::size_t count = 0;
  for (std::size_t w = 0; w < a.size(); ++w)
    count += static_cast<std::size_t>(std::popcount(a[w] & b[w]));
  return count;
}

bool is_subset(const std::vector<std::uint64_t>& a,
               const std::vector<std::uint64_t>& b) {
  for (std::size_t w = 0; w < a.size(); ++w)
    if ((a[w] & ~b[w]) != 0) return false;
  return true;
}

void set_bit(std::vector<std::uint64_t>& bits, std::size_t index) {
  bits[index / 64] |= std::uint64_t{1} << (index % 64);
}

bool has_bit(const std::vector<std::uint64_t>& bits, std::size_t index) {
  return (bits[index / 64] >> (index % 64) & 1) != 0;
}

std::vector<std::size_t> bit_indices(const std::vector<std::uint64_t>& bits) {
  std::vector<std::size_t> indices;
  for (std::size_t w = 0; w < bits.size(); ++w)
    for (std::uint64_t word = bits[w]; word != 0; word &= word - 1)
      indices.push_back(w * 64 +
                        static_cast<std::size_t>(std::countr_zero(word)));
  return indices;
}

/// The dimension of the affine hull of the points (-1 for none), by exact
/// Gaussian elimination of their differences from the first.
int affine_dimension(const std::vector<const Point*>& points) {
  if (points.empty()) return -1;
  std::vector<Point> rows;
  for (std::size_t k = 1; k < points.size(); ++k) {
    Point row(points[k]->size());
    for (std::size_t j = 0; j < row.size(); ++j)
      row[j] = (*points[k])[j] - (*points[0])[j];
    rows.push_back(std::move(row));
  }
  int rank = 0;
  const std::size_t columns = points[0]->size();
  for (std::size_t j = 0; j < columns && rank < static_cast<int>(rows.size());
       ++j) {
    const auto r = static_cast<std::size_t>(rank);
    std::size_t pivot = r;
    while (pivot < rows.size() && rows[pivot][j] == 0) ++pivot;
    if (pivot == rows.size()) continue;
    std::swap(rows[r], rows[pivot]);
    for (std::size_t i = r + 1; i < rows.size(); ++i) {
      if (rows[i][j] == 0) continue;
      const Rational factor = rows[i][j] / rows[r][j];
      for (std::size_t c = j; c < columns; ++c)
        rows[i][c] -= factor * rows[r][c];
    }
    ++rank;
  }
  return rank;
}

Point centroid(const std::vector<const Point*>& points) {
  Point sum(points[0]->size(), Rational(0));
  for (const Point* p : points)
    for (std::size_t j = 0; j < sum.size(); ++j) sum[j] += (*p)[j];
  for (auto& s : sum) s /= static_cast<long>(points.size());
  return sum;
}

Rational cross(const Point2& a, const Point2& b) {
  return a[0] * b[1] - a[1] * b[0];
}

/// The order of the vertices of a convex polygon (each one extreme),
/// counterclockwise around their centroid, which lies strictly inside.
/// Directions are compared exactly, first by half-plane, then by the sign
/// of a cross product; no angle is ever computed.
std::vector<std::size_t> counterclockwise(const std::vector<Point2>& polygon) {
  Point2 center{Rational(0), Rational(0)};
  for (const auto& p : polygon) {
    center[0] += p[0];
    center[1] += p[1];
  }
  for (auto& c : center) c /= static_cast<long>(polygon.size());
  std::vector<Point2> direction;
  for (const auto& p : polygon)
    direction.push_back({p[0] - center[0], p[1] - center[1]});
  const auto upper = [](const Point2& p) {
    return p[1] > 0 || (p[1] == 0 && p[0] > 0);
  };
  std::vector<std::size_t> order(polygon.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (upper(direction[a]) != upper(direction[b])) return upper(direction[a]);
    return cross(direction[a], direction[b]) > 0;
  });
  return order;
}

Rational determinant(const Point& a, const Point& b, const Point& c) {
  return a[0] * (b[1] * c[2] - b[2] * c[1]) -
         a[1] * (b[0] * c[2] - b[2] * c[0]) +
         a[2] * (b[0] * c[1] - b[1] * c[0]);
}

Point minus(const Point& a, const Point& b) {
  Point d(a.size());
  for (std::size_t j = 0; j < a.size(); ++j) d[j] = a[j] - b[j];
  return d;
}

std::string face_label(const std::string& name, const char* relation,
                       const Rational& value) {
  std::string label = name;
  label += relation;
  label += to_string(value);
  return label;
}

}  // namespace

Polytope::Polytope(std::vector<Rational> lo, std::vector<Rational> hi,
                   std::vector<std::string> coordinate_names,
                   PolytopeLimits limits)
    : names_(std::move(coordinate_names)), limits_(limits) {
  const std::size_t d = names_.size();
  if (d == 0)
    throw ModelError(
        "polytope coordinate_names is empty, expected at least one "
        "coordinate");
  check_size(lo.size(), "box lower corner lo");
  check_size(hi.size(), "box upper corner hi");
  std::size_t free_coordinates = 0;
  for (std::size_t i = 0; i < d; ++i) {
    if (lo[i] > hi[i])
      throw ModelError(
          "box coordinate \"" + names_[i] + "\" has lo = " + to_string(lo[i]) +
          " above hi = " + to_string(hi[i]) + ", expected lo <= hi");
    if (lo[i] < hi[i]) ++free_coordinates;
  }
  if (free_coordinates >= 64 ||
      (std::uint64_t{1} << free_coordinates) > limits_.max_vertices)
    throw LimitError(std::string("the box has 2^") +
                     std::to_string(free_coordinates) +
                     " vertices, above the limit of " +
                     std::to_string(limits_.max_vertices));

  for (std::size_t i = 0; i < d; ++i) {
    Halfspace lower{std::vector<Rational>(d, Rational(0)), -lo[i],
                    face_label(names_[i], " >= ", lo[i])};
    lower.normal[i] = -1;
    Halfspace upper{std::vector<Rational>(d, Rational(0)), hi[i],
                    face_label(names_[i], " <= ", hi[i])};
    upper.normal[i] = 1;
    halfspaces_.push_back(std::move(lower));
    halfspaces_.push_back(std::move(upper));
  }
  // Corner k takes hi on the free coordinates whose bit in k is set; a
  // fixed coordinate sits on both of its faces at every corner.
  const std::size_t words = (2 * d + 63) / 64;
  for (std::uint64_t corner = 0;
       corner < (std::uint64_t{1} << free_coordinates); ++corner) {
    Vertex vertex{Point(d), {}};
    TightBits bits(words, 0);
    std::size_t free_index = 0;
    for (std::size_t i = 0; i < d; ++i) {
      const bool fixed = lo[i] == hi[i];
      bool high = false;
      if (!fixed) high = (corner >> free_index++ & 1) != 0;
      vertex.point[i] = high ? hi[i] : lo[i];
      if (fixed || !high) set_bit(bits, 2 * i);
      if (fixed || high) set_bit(bits, 2 * i + 1);
    }
    vertex.tight = bit_indices(bits);
    vertices_.push_back(std::move(vertex));
    tight_bits_.push_back(std::move(bits));
  }
}

void Polytope::check_size(std::size_t found, const std::string& what) const {
  if (found != dimension())
    throw ModelError(what + " has " + std::to_string(found) +
                     " entries, expected one per coordinate (" +
                     std::to_string(dimension()) + ")");
}

void Polytope::add(Halfspace h) {
  check_size(h.normal.size(), "the normal of half-space \"" + h.label + "\"");
  halfspaces_.push_back(std::move(h));
  try {
    cut(halfspaces_.size() - 1);
  } catch (const LimitError&) {
    halfspaces_.pop_back();  // refused before any vertex changed
    throw;
  }
}

void Polytope::cut(std::size_t index) {
  const Halfspace& h = halfspaces_[index];
  const std::size_t words = index / 64 + 1;
  for (auto& bits : tight_bits_) bits.resize(words, 0);

  std::vector<Rational> excess(vertices_.size());  // normal·v - bound
  std::vector<std::size_t> inside, outside;
  for (std::size_t v = 0; v < vertices_.size(); ++v) {
    excess[v] = dot(h.normal, vertices_[v].point) - h.bound;
    if (excess[v] < 0) inside.push_back(v);
    if (excess[v] > 0) outside.push_back(v);
  }

  const std::uint64_t edge_tests =
      std::uint64_t(inside.size()) * outside.size();
  if (edge_tests > limits_.max_edge_tests)
    throw LimitError("cutting by half-space \"" + h.label + "\" would test " +
                     std::to_string(edge_tests) +
                     " vertex pairs for edges, above the limit of " +
                     std::to_string(limits_.max_edge_tests));

  // New vertices where edges cross the hyperplane. An edge's tight set has
  // rank d - 1, so at least d - 1 members: a cheap necessary test first.
  std::vector<Vertex> crossings;
  std::vector<TightBits> crossing_bits;
  const std::size_t d = dimension();
  for (const std::size_t u : inside)
    for (const std::size_t v : outside) {
      if (count_common(tight_bits_[u], tight_bits_[v]) + 1 < d) continue;
      TightBits common(words);
      for (std::size_t w = 0; w < words; ++w)
        common[w] = tight_bits_[u][w] & tight_bits_[v][w];
      if (!adjacent(u, v, common)) continue;
      // The point u + t (v - u) with normal·x == bound.
      const Rational t = excess[u] / (excess[u] - excess[v]);
      Point point(d);
      const Point& a = vertices_[u].point;
      const Point& b = vertices_[v].point;
      for (std::size_t j = 0; j < d; ++j)
        point[j] = a[j] == b[j] ? a[j] : a[j] + t * (b[j] - a[j]);
      set_bit(common, index);
      crossings.push_back({std::move(point), {}});
      crossing_bits.push_back(std::move(common));
    }

  const std::size_t after =
      vertices_.size() - outside.size() + crossings.size();
  if (after > limits_.max_vertices)
    throw LimitError("cutting by half-space \"" + h.label + "\" would make " +
                     std::to_string(after) + " vertices, above the limit of " +
                     std::to_string(limits_.max_vertices));

  std::vector<Vertex> kept;
  std::vector<TightBits> kept_bits;
  for (std::size_t v = 0; v < vertices_.size(); ++v) {
    if (excess[v] > 0) continue;
    if (excess[v] == 0) set_bit(tight_bits_[v], index);
    kept.push_back(std::move(vertices_[v]));
    kept_bits.push_back(std::move(tight_bits_[v]));
  }
  for (std::size_t k = 0; k < crossings.size(); ++k) {
    kept.push_back(std::move(crossings[k]));
    kept_bits.push_back(std::move(crossing_bits[k]));
  }
  for (std::size_t v = 0; v < kept.size(); ++v)
    kept[v].tight = bit_indices(kept_bits[v]);
  vertices_ = std::move(kept);
  tight_bits_ = std::move(kept_bits);
}

/// u and v span an edge iff the smallest face holding both, the points
/// tight on every half-space in `common`, has no third vertex: a face with
/// two vertices is a segment. This holds in any dimension and under any
/// degeneracy, since tight sets are complete.
bool Polytope::adjacent(std::size_t u, std::size_t v,
                        const TightBits& common) const {
  for (std::size_t w = 0; w < tight_bits_.size(); ++w)
    if (w != u && w != v && is_subset(common, tight_bits_[w])) return false;
  return true;
}

bool Polytope::contains(std::span<const Rational> x) const {
  check_size(x.size(), "the point");
  return std::all_of(
      halfspaces_.begin(), halfspaces_.end(),
      [&](const Halfspace& h) { return dot(h.normal, x) <= h.bound; });
}

Rational Polytope::volume() const {
  switch (dimension()) {
    case 1: {
      if (vertices_.empty()) return 0;
      const auto [low, high] =
          std::minmax_element(vertices_.begin(), vertices_.end(),
                              [](const Vertex& a, const Vertex& b) {
                                return a.point[0] < b.point[0];
                              });
      return high->point[0] - low->point[0];
    }
    case 2:
      return area();
    case 3:
      return volume_3d();
    default:
      throw LimitError(
          std::string("volume is computed in dimension 1, 2 or 3, found "
                      "a polytope of dimension ") +
          std::to_string(dimension()));
  }
}

/// The shoelace formula over the vertices in counterclockwise order.
Rational Polytope::area() const {
  std::vector<const Point*> points;
  for (const auto& v : vertices_) points.push_back(&v.point);
  if (affine_dimension(points) < 2) return 0;
  std::vector<Point2> polygon;
  for (const Point* p : points) polygon.push_back({(*p)[0], (*p)[1]});
  const auto order = counterclockwise(polygon);
  Rational twice = 0;
  for (std::size_t k = 0; k < order.size(); ++k)
    twice += cross(polygon[order[k]], polygon[order[(k + 1) % order.size()]]);
  return twice / 2;
}

/// Each facet (the vertices tight on one half-space, spanning a plane) is
/// ordered around its centroid in a 2-D projection and fanned into
/// triangles, each the base of a tetrahedron with apex at the polytope's
/// centroid, which lies strictly inside.
Rational Polytope::volume_3d() const {
  std::vector<const Point*> points;
  for (const auto& v : vertices_) points.push_back(&v.point);
  if (affine_dimension(points) < 3) return 0;
  const Point apex = centroid(points);
  std::set<std::vector<std::size_t>> facets;  // the same facet may repeat
  Rational six_times = 0;
  for (std::size_t h = 0; h < halfspaces_.size(); ++h) {
    std::vector<std::size_t> members;
    std::vector<const Point*> facet;
    for (std::size_t v = 0; v < vertices_.size(); ++v)
      if (has_bit(tight_bits_[v], h)) {
        members.push_back(v);
        facet.push_back(&vertices_[v].point);
      }
    if (affine_dimension(facet) != 2 || !facets.insert(members).second)
      continue;
    // Dropping a coordinate on which the normal is nonzero projects the
    // facet's plane one to one.
    const auto& normal = halfspaces_[h].normal;
    const std::size_t dropped = static_cast<std::size_t>(
        std::find_if(normal.begin(), normal.end(),
                     [](const Rational& a) { return a != 0; }) -
        normal.begin());
    const std::size_t first = dropped == 0 ? 1 : 0;
    const std::size_t second = dropped == 2 ? 1 : 2;
    std::vector<Point2> projected;
    for (const Point* p : facet)
      projected.push_back({(*p)[first], (*p)[second]});
    const auto order = counterclockwise(projected);
    const Point base = minus(*facet[order[0]], apex);
    for (std::size_t k = 1; k + 1 < order.size(); ++k)
      six_times += abs(determinant(base, minus(*facet[order[k]], apex),
                                   minus(*facet[order[k + 1]], apex)));
  }
  return six_times / 6;
}

std::optional<EmptinessWitness> Polytope::emptiness_witness() const {
  if (!empty()) return std::nullopt;
  const std::size_t box_faces = 2 * dimension();
  // The added half-spaces among `added` whose Farkas multiplier is nonzero
  // when they are infeasible together with the box; nothing if feasible.
  const auto conflict = [&](const std::vector<std::size_t>& added)
      -> std::optional<std::vector<std::size_t>> {
    std::vector<std::size_t> rows(box_faces);
    for (std::size_t i = 0; i < box_faces; ++i) rows[i] = i;
    rows.insert(rows.end(), added.begin(), added.end());
    const ExactLpResult result = maximize(
        linear_program(rows, std::vector<Rational>(dimension(), Rational(0))));
    if (result.status != LpStatus::infeasible) return std::nullopt;
    std::vector<std::size_t> support;
    for (const std::size_t row : conflicting_rows(result))
      if (row >= box_faces) support.push_back(rows[row]);
    return support;
  };
  std::vector<std::size_t> added;
  for (std::size_t i = box_faces; i < halfspaces_.size(); ++i)
    added.push_back(i);
  auto witness = conflict(added);
  if (!witness)
    throw VerificationFailure(
        "the vertex enumeration found the polytope empty, but an exact LP "
        "found a point in it");
  // Deletion filter: a half-space whose removal leaves a conflict goes
  // (with any others the new certificate does without); one whose removal
  // removes the conflict is needed in every smaller conflict too, so the
  // confirmed ones form a growing prefix of the (increasing) witness.
  for (std::size_t position = 0; position < witness->size();) {
    std::vector<std::size_t> trial = *witness;
    trial.erase(trial.begin() + static_cast<std::ptrdiff_t>(position));
    if (auto smaller = conflict(trial))
      witness = std::move(smaller);
    else
      ++position;
  }
  EmptinessWitness result{*witness, {}};
  for (const std::size_t i : result.halfspaces)
    result.labels.push_back(halfspaces_[i].label);
  return result;
}

ExactLp Polytope::linear_program(std::vector<Rational> objective) const {
  check_size(objective.size(), "the objective");
  std::vector<std::size_t> rows(halfspaces_.size());
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
  return linear_program(rows, std::move(objective));
}

ExactLp Polytope::linear_program(std::span<const std::size_t> rows,
                                 std::vector<Rational> objective) const {
  ExactLp lp;
  for (const std::size_t i : rows) {
    lp.rows.push_back(halfspaces_[i].normal);
    lp.relations.push_back(Relation::less_equal);
    lp.rhs.push_back(halfspaces_[i].bound);
  }
  lp.objective = std::move(objective);
  return lp;
}

}  // namespace bargain
