#include "bargain/bargaining/polytope.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <set>
#include <string>

using namespace bargain;

namespace {

using Point = std::vector<Rational>;

Rational q(std::string_view text) { return parse_rational(text); }

/// Reproducible random numbers: mt19937's output is fixed by the standard,
/// the library's distributions are not, so none is used; and draws happen
/// in statement order, never as two arguments of one call.
class Random {
 public:
  explicit Random(unsigned seed) : engine_(seed) {}
  int integer(int low, int high) {
    return low +
           static_cast<int>(engine_() % static_cast<unsigned>(high - low + 1));
  }
  /// A numerator in [low, high] over a denominator in [1, max_denominator].
  Rational fraction(int low, int high, int max_denominator) {
    const int numerator = integer(low, high);
    return Rational(numerator, integer(1, max_denominator));
  }
  /// A vector of integers in [low, high], not all zero.
  Point nonzero_vector(std::size_t size, int low, int high) {
    for (;;) {
      Point v(size);
      for (auto& a : v) a = integer(low, high);
      if (std::any_of(v.begin(), v.end(),
                      [](const Rational& a) { return a != 0; }))
        return v;
    }
  }

 private:
  std::mt19937 engine_;
};

/// [0, 1]^d with coordinates x, y, z, then x3, x4...
Polytope unit_box(std::size_t d) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < d; ++i)
    names.push_back(i < 3 ? std::string(1, "xyz"[i])
                          : std::string("x") + std::to_string(i));
  return Polytope(Point(d, Rational(0)), Point(d, Rational(1)), names);
}

/// A box with corners of small integers, flat in a coordinate one time in
/// ten if `may_be_flat`.
Polytope random_box(Random& random, std::size_t d, bool may_be_flat) {
  Point lo(d), hi(d);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < d; ++i) {
    lo[i] = random.integer(-1, 1);
    const bool flat = may_be_flat && random.integer(0, 9) == 0;
    hi[i] = lo[i] + (flat ? 0 : random.integer(1, 2));
    names.push_back(std::string("x") + std::to_string(i));
  }
  return Polytope(lo, hi, names);
}

std::set<Point> vertex_set(const Polytope& p) {
  std::set<Point> points;
  for (const auto& v : p.vertices()) points.insert(v.point);
  return points;
}

const Vertex& vertex_at(const Polytope& p, const Point& x) {
  for (const auto& v : p.vertices())
    if (v.point == x) return v;
  FAIL("no vertex at the point");
  return p.vertices().front();
}

Rational dot(const Point& a, const Point& b) {
  Rational sum = 0;
  for (std::size_t j = 0; j < a.size(); ++j) sum += a[j] * b[j];
  return sum;
}

/// The rank of the rows, by exact elimination (independent of the code
/// under test).
std::size_t rank(std::vector<Point> rows) {
  std::size_t r = 0;
  const std::size_t columns = rows.empty() ? 0 : rows[0].size();
  for (std::size_t j = 0; j < columns && r < rows.size(); ++j) {
    std::size_t pivot = r;
    while (pivot < rows.size() && rows[pivot][j] == 0) ++pivot;
    if (pivot == rows.size()) continue;
    std::swap(rows[r], rows[pivot]);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (i == r || rows[i][j] == 0) continue;
      const Rational f = rows[i][j] / rows[r][j];
      for (std::size_t c = 0; c < columns; ++c) rows[i][c] -= f * rows[r][c];
    }
    ++r;
  }
  return r;
}

/// The unique solution of the square system, if there is one.
std::optional<Point> solve(std::vector<Point> a, Point b) {
  const std::size_t n = b.size();
  for (std::size_t j = 0; j < n; ++j) {
    std::size_t pivot = j;
    while (pivot < n && a[pivot][j] == 0) ++pivot;
    if (pivot == n) return std::nullopt;
    std::swap(a[j], a[pivot]);
    std::swap(b[j], b[pivot]);
    for (std::size_t i = 0; i < n; ++i) {
      if (i == j || a[i][j] == 0) continue;
      const Rational f = a[i][j] / a[j][j];
      for (std::size_t c = 0; c < n; ++c) a[i][c] -= f * a[j][c];
      b[i] -= f * b[j];
    }
  }
  for (std::size_t j = 0; j < n; ++j) b[j] /= a[j][j];
  return b;
}

/// Every vertex by brute force: each d-subset of half-spaces solved as
/// equalities, kept when its unique solution satisfies every half-space.
std::set<Point> brute_force_vertices(const Polytope& p) {
  const auto& hs = p.halfspaces();
  const std::size_t d = p.dimension();
  std::set<Point> points;
  std::vector<std::size_t> subset(d);
  for (std::size_t k = 0; k < d; ++k) subset[k] = k;
  for (;;) {
    std::vector<Point> a;
    Point b;
    for (const std::size_t i : subset) {
      a.push_back(hs[i].normal);
      b.push_back(hs[i].bound);
    }
    if (const auto x = solve(a, b); x && p.contains(*x)) points.insert(*x);
    // Next subset in lexicographic order.
    std::size_t k = d;
    while (k > 0 && subset[k - 1] == hs.size() - d + k - 1) --k;
    if (k == 0) break;
    ++subset[k - 1];
    for (std::size_t m = k; m < d; ++m) subset[m] = subset[m - 1] + 1;
  }
  return points;
}

/// Each vertex lies in the polytope, lists exactly the half-spaces tight at
/// it, and those have rank d (it is determined by them).
void check_vertices(const Polytope& p) {
  for (const auto& v : p.vertices()) {
    CHECK(p.contains(v.point));
    std::vector<std::size_t> tight;
    std::vector<Point> normals;
    for (std::size_t i = 0; i < p.halfspaces().size(); ++i)
      if (dot(p.halfspaces()[i].normal, v.point) == p.halfspaces()[i].bound) {
        tight.push_back(i);
        normals.push_back(p.halfspaces()[i].normal);
      }
    CHECK(v.tight == tight);
    CHECK(rank(normals) == p.dimension());
  }
}

}  // namespace

TEST_CASE("polytope: the box alone, its faces labelled") {
  const Polytope box(Point{0, q("1/2")}, Point{2, 3}, {"territory", "aid"});
  CHECK(box.dimension() == 2);
  REQUIRE(box.halfspaces().size() == 4);
  CHECK(box.halfspaces()[0].label == "territory >= 0");
  CHECK(box.halfspaces()[1].label == "territory <= 2");
  CHECK(box.halfspaces()[2].label == "aid >= 1/2");
  CHECK(box.halfspaces()[3].label == "aid <= 3");
  CHECK(vertex_set(box) ==
        std::set<Point>{{0, q("1/2")}, {2, q("1/2")}, {0, 3}, {2, 3}});
  CHECK(vertex_at(box, {2, q("1/2")}).tight == std::vector<std::size_t>{1, 2});
  CHECK(box.volume() == 5);
  CHECK(box.contains(Point{1, 1}));
  CHECK_FALSE(box.contains(Point{1, q("1/4")}));
  CHECK_FALSE(box.emptiness_witness());
  check_vertices(box);
}

TEST_CASE("polytope: the unit square cut by x + y <= 1") {
  Polytope p = unit_box(2);
  p.add({{1, 1}, 1, "x + y <= 1"});
  CHECK(vertex_set(p) == std::set<Point>{{0, 0}, {1, 0}, {0, 1}});
  // (1, 0) sits on y >= 0, x <= 1 and the cut.
  CHECK(vertex_at(p, {1, 0}).tight == std::vector<std::size_t>{1, 2, 4});
  CHECK(p.volume() == q("1/2"));
  CHECK_FALSE(p.empty());
  check_vertices(p);
}

TEST_CASE("polytope: many half-spaces through one vertex") {
  // Three lines through (1, 0): x + y <= 1, x + 2y <= 1, 2x + y <= 2.
  Polytope p = unit_box(2);
  p.add({{1, 1}, 1, "a"});
  p.add({{1, 2}, 1, "b"});
  p.add({{2, 1}, 2, "c"});
  CHECK(vertex_set(p) == std::set<Point>{{0, 0}, {1, 0}, {0, q("1/2")}});
  CHECK(vertex_at(p, {1, 0}).tight == std::vector<std::size_t>{1, 2, 4, 5, 6});
  CHECK(p.volume() == q("1/4"));
  check_vertices(p);
}

TEST_CASE("polytope: a half-space that misses the box changes nothing") {
  Polytope p = unit_box(2);
  p.add({{1, 1}, 5, "far away"});
  CHECK(vertex_set(p) == vertex_set(unit_box(2)));
  for (const auto& v : p.vertices()) CHECK(v.tight.size() == 2);
  CHECK(p.volume() == 1);
}

TEST_CASE("polytope: a half-space touching the cube at one vertex") {
  Polytope p = unit_box(3);
  p.add({{1, 1, 1}, 3, "touches (1, 1, 1)"});
  CHECK(vertex_set(p) == vertex_set(unit_box(3)));
  CHECK(vertex_at(p, {1, 1, 1}).tight == std::vector<std::size_t>{1, 3, 5, 6});
  CHECK(p.volume() == 1);
  check_vertices(p);
}

TEST_CASE("polytope: a cube cut by planes through its vertices") {
  // x + y + z <= 1 passes through three vertices: the corner simplex.
  Polytope simplex = unit_box(3);
  simplex.add({{1, 1, 1}, 1, "x + y + z <= 1"});
  CHECK(vertex_set(simplex) ==
        std::set<Point>{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
  CHECK(simplex.volume() == q("1/6"));
  check_vertices(simplex);

  // x <= y passes through the four vertices with x == y: half the cube.
  Polytope half = unit_box(3);
  half.add({{1, -1, 0}, 0, "x <= y"});
  CHECK(half.vertices().size() == 6);
  CHECK(half.volume() == q("1/2"));
  check_vertices(half);

  // The same facet given again, and a box face repeated as a half-space,
  // must not be counted twice.
  half.add({{1, -1, 0}, 0, "x <= y again"});
  half.add({{0, 0, 1}, 1, "z <= 1 again"});
  CHECK(half.volume() == q("1/2"));
}

TEST_CASE("polytope: volume of a 3-D box and a sliced one") {
  Polytope p(Point{0, 0, 0}, Point{2, 3, q("1/2")}, {"a", "b", "c"});
  CHECK(p.volume() == 3);
  // Keeping a + b >= 1 removes a prism: a triangle of area 1/2 times a
  // height of 1/2.
  p.add({{-1, -1, 0}, -1, "a + b >= 1"});
  CHECK(p.volume() == q("11/4"));
  check_vertices(p);
}

TEST_CASE("polytope: an equality given as two half-spaces is a segment") {
  Polytope p = unit_box(2);
  p.add({{1, -1}, 0, "x = y"});
  p.add({{-1, 1}, 0, "x = y"});
  CHECK(vertex_set(p) == std::set<Point>{{0, 0}, {1, 1}});
  for (const auto& v : p.vertices()) {
    CHECK(std::count(v.tight.begin(), v.tight.end(), 4) == 1);
    CHECK(std::count(v.tight.begin(), v.tight.end(), 5) == 1);
  }
  CHECK(p.volume() == 0);
  check_vertices(p);

  // In 1-D a single point: length zero; a fixed box coordinate likewise.
  Polytope point(Point{0}, Point{1}, {"x"});
  point.add({{2}, 1, "x <= 1/2"});
  point.add({{-2}, -1, "x >= 1/2"});
  CHECK(vertex_set(point) == std::set<Point>{{q("1/2")}});
  CHECK(point.volume() == 0);
  const Polytope flat(Point{0, 1}, Point{1, 1}, {"x", "y"});
  CHECK(vertex_set(flat) == std::set<Point>{{0, 1}, {1, 1}});
  CHECK(flat.volume() == 0);
  check_vertices(flat);
}

TEST_CASE("polytope: lengths in one dimension") {
  Polytope p(Point{q("-1/2")}, Point{3}, {"x"});
  CHECK(p.volume() == q("7/2"));
  p.add({{1}, 2, "x <= 2"});
  CHECK(p.volume() == q("5/2"));
}

TEST_CASE("polytope: an empty intersection and its witness") {
  Polytope p = unit_box(2);
  p.add({{1, 0}, q("1/4"), "a: x <= 1/4"});
  p.add({{0, 1}, q("1/2"), "c: y <= 1/2"});
  p.add({{-1, 0}, q("-3/4"), "b: x >= 3/4"});
  p.add({{1, 1}, 2, "d: x + y <= 2"});
  CHECK(p.empty());
  CHECK(p.vertices().empty());
  CHECK(p.volume() == 0);
  const auto witness = p.emptiness_witness();
  REQUIRE(witness);
  CHECK(witness->halfspaces == std::vector<std::size_t>{4, 6});
  CHECK(witness->labels ==
        std::vector<std::string>{"a: x <= 1/4", "b: x >= 3/4"});

  // One half-space alone can miss the box.
  Polytope beyond = unit_box(2);
  beyond.add({{-1, -1}, -3, "x + y >= 3"});
  CHECK(beyond.empty());
  CHECK(beyond.emptiness_witness()->labels ==
        std::vector<std::string>{"x + y >= 3"});
}

TEST_CASE("ZOPA-LINK the package ZOPA of the territory-security logroll") {
  // x, y in [0, 1] are A's shares; A needs (3/10) x + (7/10) y >= 11/20,
  // B needs (7/10)(1 - x) + (3/10)(1 - y) >= 11/20.
  Polytope zopa(Point{0, 0}, Point{1, 1}, {"x", "y"});
  zopa.add({{q("-3/10"), q("-7/10")}, q("-11/20"), "A's reservation"});
  zopa.add({{q("7/10"), q("3/10")}, q("9/20"), "B's reservation"});
  CHECK(vertex_set(zopa) ==
        std::set<Point>{
            {0, q("11/14")}, {0, 1}, {q("3/14"), 1}, {q("3/8"), q("5/8")}});
  CHECK(zopa.volume() == q("9/112"));
  check_vertices(zopa);
  // No uniform split is in it, (1/2, 1/2) in particular.
  CHECK_FALSE(zopa.contains(Point{q("1/2"), q("1/2")}));

  // Forcing a uniform split (x = y as two half-spaces) empties it, and the
  // witness names both actors and the uniform split.
  zopa.add({{1, -1}, 0, "x = y"});
  zopa.add({{-1, 1}, 0, "x = y"});
  CHECK(zopa.empty());
  const auto witness = zopa.emptiness_witness();
  REQUIRE(witness);
  CHECK(witness->labels == std::vector<std::string>{
                               "A's reservation", "B's reservation", "x = y"});
  // The half that binds is y <= x: the ZOPA lies where y > x.
  CHECK(witness->halfspaces == std::vector<std::size_t>{4, 5, 7});
}

TEST_CASE("polytope: bad input is refused with a clear error") {
  CHECK_THROWS_WITH_AS(Polytope(Point{0, 0}, Point{1}, {"x", "y"}),
                       "box upper corner hi has 1 entries, expected one per "
                       "coordinate (2)",
                       ModelError);
  CHECK_THROWS_AS(Polytope(Point{}, Point{}, {}), ModelError);
  CHECK_THROWS_WITH_AS(Polytope(Point{2}, Point{1}, {"x"}),
                       "box coordinate \"x\" has lo = 2 above hi = 1, "
                       "expected lo <= hi",
                       ModelError);
  Polytope p = unit_box(2);
  CHECK_THROWS_AS(p.add({{1, 1, 1}, 1, "too long"}), ModelError);
  CHECK(p.halfspaces().size() == 4);
  CHECK_THROWS_AS((void)p.contains(Point{1}), ModelError);
  CHECK_THROWS_AS((void)p.linear_program({1}), ModelError);
  CHECK_THROWS_AS((void)unit_box(4).volume(), LimitError);

  // 2^18 box vertices are refused before any is made.
  const std::size_t d = 18;
  CHECK_THROWS_AS(Polytope(Point(d, Rational(0)), Point(d, Rational(1)),
                           std::vector<std::string>(d, "t")),
                  LimitError);
  // Cutting the 6-cube by x1 + ... + x6 <= 5/2 tests 22 x 42 vertex pairs
  // and leaves 22 + 60 vertices: refused by either limit, the polytope
  // intact.
  const auto middle = [] {
    return Halfspace{Point(6, Rational(1)), Rational(5, 2), "middle"};
  };
  for (const auto limits :
       {PolytopeLimits{1000, 900}, PolytopeLimits{81, 1000}}) {
    Polytope cube(Point(6, Rational(0)), Point(6, Rational(1)),
                  std::vector<std::string>(6, "t"), limits);
    CHECK_THROWS_AS(cube.add(middle()), LimitError);
    CHECK(cube.halfspaces().size() == 12);
    CHECK(cube.vertices().size() == 64);
  }
  Polytope cube(Point(6, Rational(0)), Point(6, Rational(1)),
                std::vector<std::string>(6, "t"), PolytopeLimits{82, 1000});
  cube.add(middle());
  CHECK(cube.vertices().size() == 82);
}

TEST_CASE("polytope: random degenerate instances match brute force") {
  // Small integer normals and half-spaces through lattice points make ties
  // (several hyperplanes through one vertex, half-spaces touching a face)
  // common; one box in ten is flat in a coordinate.
  Random random(7);
  int empty = 0, flat = 0;
  for (int instance = 0; instance < 300; ++instance) {
    const auto d = static_cast<std::size_t>(random.integer(2, 4));
    const Polytope box = random_box(random, d, true);
    Polytope p = box;
    const int cuts = random.integer(1, d == 4 ? 3 : 5);
    for (int k = 0; k < cuts; ++k) {
      const Point normal = random.nonzero_vector(d, -2, 2);
      Point through(d);
      for (auto& x : through) x = random.integer(-1, 2);
      p.add({normal, dot(normal, through),
             std::string("cut ") + std::to_string(k)});
    }
    check_vertices(p);
    CHECK(vertex_set(p) == brute_force_vertices(p));
    if (p.empty()) {
      ++empty;
      // The witness cannot hold together with the box, and each of its
      // members is needed: checked by vertex enumeration, not by LP.
      const auto witness = p.emptiness_witness();
      REQUIRE(witness);
      const auto without = [&](std::size_t skipped) {
        Polytope subset = box;
        for (const std::size_t i : witness->halfspaces)
          if (i != skipped) subset.add(p.halfspaces()[i]);
        return subset;
      };
      CHECK(without(p.halfspaces().size()).empty());
      for (const std::size_t i : witness->halfspaces)
        CHECK_FALSE(without(i).empty());
    } else {
      CHECK_FALSE(p.emptiness_witness());
      if (d < 4 && p.volume() == 0) ++flat;
    }
  }
  // Both kinds of degenerate outcome were exercised.
  CHECK(empty > 10);
  CHECK(flat > 10);
}

TEST_CASE("polytope: a cut splits the area or volume in two") {
  // vol(P) = vol(P and a·x <= b) + vol(P and a·x >= b) for a != 0.
  Random random(11);
  for (int instance = 0; instance < 100; ++instance) {
    const auto d = static_cast<std::size_t>(random.integer(2, 3));
    Polytope whole = unit_box(d);
    for (int k = 0; k < 3; ++k) {
      const Point normal = random.nonzero_vector(d, -3, 3);
      whole.add({normal, random.fraction(0, 6, 4), "cut"});
    }
    const Point normal = random.nonzero_vector(d, -3, 3);
    const Rational bound = random.fraction(-2, 6, 4);
    Polytope below = whole, above = whole;
    below.add({normal, bound, "below"});
    Point opposite;
    for (const auto& a : normal) opposite.push_back(-a);
    above.add({opposite, -bound, "above"});
    CHECK(whole.volume() == below.volume() + above.volume());
  }
}

TEST_CASE("polytope: ten dimensions, the box and six general half-spaces") {
  // Half-spaces through random interior points, with random normals.
  Random random(3);
  const std::size_t d = 10;
  Polytope p = unit_box(d);
  for (int k = 0; k < 6; ++k) {
    Point normal(d), through(d);
    for (auto& a : normal) a = random.fraction(-9, 9, 7);
    for (auto& x : through) x = Rational(random.integer(1, 9), 10);
    p.add({normal, dot(normal, through), "cut"});
  }
  REQUIRE_FALSE(p.empty());
  check_vertices(p);
  // The LP's optimum over it is one of its vertices.
  Point objective(d);
  for (auto& c : objective) c = random.integer(-5, 5);
  const auto best = maximize(p.linear_program(objective));
  REQUIRE(best.status == LpStatus::optimal);
  CHECK(vertex_set(p).count(best.x) == 1);
}

TEST_CASE("polytope: the exact LP's optimum is the best vertex") {
  // Over random boxes cut by random half-spaces, the LP's optimum must be
  // the best vertex found by vertex enumeration, and an empty polytope an
  // infeasible LP.
  Random random(20240611);
  int optimal = 0, infeasible = 0;
  for (int instance = 0; instance < 200; ++instance) {
    const auto d = static_cast<std::size_t>(random.integer(1, 4));
    Polytope polytope = random_box(random, d, false);
    const int cuts = random.integer(1, 5);
    for (int k = 0; k < cuts; ++k) {
      const Point normal = random.nonzero_vector(d, -3, 3);
      polytope.add({normal, random.fraction(-4, 4, 3), "cut"});
    }
    Point objective(d);
    for (auto& c : objective) c = random.integer(-5, 5);
    const auto result = maximize(polytope.linear_program(objective));
    if (polytope.empty()) {
      CHECK(result.status == LpStatus::infeasible);
      ++infeasible;
      continue;
    }
    REQUIRE(result.status == LpStatus::optimal);
    ++optimal;
    Rational best = dot(objective, polytope.vertices()[0].point);
    for (const auto& v : polytope.vertices())
      best = std::max(best, dot(objective, v.point));
    CHECK(result.value == best);
  }
  // Both kinds of instance were exercised.
  CHECK(optimal > 50);
  CHECK(infeasible > 10);
}
