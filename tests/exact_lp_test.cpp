#include "bargain/solve/exact_lp.hpp"

#include <doctest/doctest.h>

using namespace bargain;

namespace {

using Vector = std::vector<Rational>;
constexpr auto le = Relation::less_equal;
constexpr auto ge = Relation::greater_equal;
constexpr auto eq = Relation::equal;

Rational q(std::string_view text) { return parse_rational(text); }

Rational dot(const Vector& a, const Vector& b) {
  Rational sum = 0;
  for (std::size_t j = 0; j < a.size(); ++j) sum += a[j] * b[j];
  return sum;
}

/// y·rows, column by column.
Vector combine(const ExactLp& lp, const Vector& y) {
  Vector sum(lp.objective.size(), Rational(0));
  for (std::size_t i = 0; i < lp.rows.size(); ++i)
    for (std::size_t j = 0; j < sum.size(); ++j) sum[j] += y[i] * lp.rows[i][j];
  return sum;
}

/// Wyndor Glass (Hillier and Lieberman): max 3x + 5y subject to x <= 4,
/// 2y <= 12, 3x + 2y <= 18, x, y >= 0.
ExactLp wyndor() {
  return {{{1, 0}, {0, 2}, {3, 2}},
          {le, le, le},
          {4, 12, 18},
          {3, 5},
          {true, true}};
}

}  // namespace

TEST_CASE("exact LP: a textbook optimum with its dual prices") {
  const ExactLp lp = wyndor();
  const auto result = maximize(lp);
  REQUIRE(result.status == LpStatus::optimal);
  CHECK(result.x == Vector{2, 6});
  CHECK(result.value == 36);
  // The textbook's shadow prices: the second and third resources bind.
  CHECK(result.duals == Vector{0, q("3/2"), 1});
  CHECK(conflicting_rows(result).empty());
}

TEST_CASE("exact LP: infeasible rows come with a Farkas certificate") {
  // x + y <= 1 and x + y >= 3 cannot both hold; x - y <= 5 is innocent.
  const ExactLp lp{
      {{1, 1}, {1, -1}, {1, 1}}, {le, le, ge}, {1, 5, 3}, {1, 0}, {}};
  const auto result = maximize(lp);
  REQUIRE(result.status == LpStatus::infeasible);
  CHECK(conflicting_rows(result) == std::vector<std::size_t>{0, 2});
  CHECK(combine(lp, result.farkas) == Vector{0, 0});
  CHECK(dot(lp.rhs, result.farkas) < 0);
  CHECK(result.farkas[0] > 0);  // a <= row takes a nonnegative multiplier
  CHECK(result.farkas[2] < 0);  // a >= row a nonpositive one
}

TEST_CASE("exact LP: infeasible against the sign of a nonnegative variable") {
  // x >= 0 and x <= -1: the certificate's combination is positive on x.
  const ExactLp lp{{{1}}, {le}, {-1}, {0}, {true}};
  const auto result = maximize(lp);
  REQUIRE(result.status == LpStatus::infeasible);
  CHECK(result.farkas[0] > 0);
  CHECK(combine(lp, result.farkas)[0] >= 0);
  CHECK(dot(lp.rhs, result.farkas) < 0);
}

TEST_CASE("exact LP: an unbounded program comes with a ray") {
  // max x + y subject to x - y <= 1, x, y >= 0.
  const ExactLp lp{{{1, -1}}, {le}, {1}, {1, 1}, {true, true}};
  const auto result = maximize(lp);
  REQUIRE(result.status == LpStatus::unbounded);
  CHECK(dot(lp.objective, result.ray) > 0);
  CHECK(dot(lp.rows[0], result.ray) <= 0);
  CHECK(result.ray[0] >= 0);
  CHECK(result.ray[1] >= 0);
  CHECK(dot(lp.rows[0], result.x) <= 1);

  // A free variable with a negative price and no rows: unbounded downward.
  const auto down = maximize(ExactLp{{}, {}, {}, {-2}, {}});
  REQUIRE(down.status == LpStatus::unbounded);
  CHECK(down.ray[0] < 0);
}

TEST_CASE("exact LP: Beale's example, which cycles under Dantzig's rule") {
  // Beale (1955): max 3/4 x1 - 20 x2 + 1/2 x3 - 6 x4 subject to
  // 1/4 x1 - 8 x2 - x3 + 9 x4 <= 0, 1/2 x1 - 12 x2 - 1/2 x3 + 3 x4 <= 0,
  // x3 <= 1, x >= 0. Optimum 5/4 at (1, 0, 1, 0).
  const ExactLp lp{
      {{q("1/4"), -8, -1, 9}, {q("1/2"), -12, q("-1/2"), 3}, {0, 0, 1, 0}},
      {le, le, le},
      {0, 0, 1},
      {q("3/4"), -20, q("1/2"), -6},
      {true, true, true, true}};
  const auto result = maximize(lp);
  REQUIRE(result.status == LpStatus::optimal);
  CHECK(result.value == q("5/4"));
  CHECK(result.x == Vector{1, 0, 1, 0});
}

TEST_CASE("exact LP: equality rows, free variables and negative right sides") {
  // max x - y subject to x + y = 1, x <= 3, both free: x = 3, y = -2.
  const ExactLp lp{{{1, 1}, {1, 0}}, {eq, le}, {1, 3}, {1, -1}, {}};
  const auto result = maximize(lp);
  REQUIRE(result.status == LpStatus::optimal);
  CHECK(result.x == Vector{3, -2});
  CHECK(result.value == 5);
  // y1 (1, 1) + y2 (1, 0) = (1, -1): y = (-1, 2); an equality's price may
  // be negative.
  CHECK(result.duals == Vector{-1, 2});

  // max -x subject to x >= -2: the >= row's price is nonpositive.
  const auto below = maximize(ExactLp{{{1}}, {ge}, {-2}, {-1}, {}});
  REQUIRE(below.status == LpStatus::optimal);
  CHECK(below.x == Vector{-2});
  CHECK(below.value == 2);
  CHECK(below.duals == Vector{-1});
}

TEST_CASE("exact LP: a redundant equality keeps its artificial at zero") {
  // x + y = 1 twice over (once doubled), x, y >= 0, max x: x = 1.
  const ExactLp lp{{{1, 1}, {2, 2}}, {eq, eq}, {1, 2}, {1, 0}, {true, true}};
  const auto result = maximize(lp);
  REQUIRE(result.status == LpStatus::optimal);
  CHECK(result.x == Vector{1, 0});
  CHECK(result.value == 1);
  CHECK(dot(lp.rhs, result.duals) == 1);
}

TEST_CASE("exact LP: empty programs") {
  const auto nothing = maximize(ExactLp{});
  REQUIRE(nothing.status == LpStatus::optimal);
  CHECK(nothing.value == 0);
  const auto flat = maximize(ExactLp{{}, {}, {}, {0, 0}, {}});
  REQUIRE(flat.status == LpStatus::optimal);
  CHECK(flat.x == Vector{0, 0});
}

TEST_CASE("exact LP: verify rejects a result whose certificate is wrong") {
  const ExactLp lp = wyndor();
  auto result = maximize(lp);
  CHECK_NOTHROW(verify(lp, result));

  auto wrong_value = result;
  wrong_value.value = 35;
  CHECK_THROWS_AS(verify(lp, wrong_value), VerificationFailure);

  auto wrong_dual = result;
  wrong_dual.duals[0] = -1;
  CHECK_THROWS_AS(verify(lp, wrong_dual), VerificationFailure);

  auto infeasible_point = result;
  infeasible_point.x = {3, 6};
  infeasible_point.value = 39;
  CHECK_THROWS_AS(verify(lp, infeasible_point), VerificationFailure);

  ExactLpResult false_farkas;
  false_farkas.status = LpStatus::infeasible;
  false_farkas.farkas = {1, 1, 0};  // no contradiction: rhs·y = 16 >= 0
  CHECK_THROWS_AS(verify(lp, false_farkas), VerificationFailure);

  ExactLpResult false_ray;
  false_ray.status = LpStatus::unbounded;
  false_ray.x = {0, 0};
  false_ray.ray = {1, 0};  // leaves x <= 4
  CHECK_THROWS_AS(verify(lp, false_ray), VerificationFailure);
}

TEST_CASE("exact LP: inconsistent sizes and oversized tableaux are refused") {
  ExactLp lp = wyndor();
  lp.rhs.pop_back();
  CHECK_THROWS_AS(maximize(lp), ModelError);
  lp = wyndor();
  lp.relations.push_back(le);
  CHECK_THROWS_AS(maximize(lp), ModelError);
  lp = wyndor();
  lp.rows[1].push_back(1);
  CHECK_THROWS_WITH_AS(maximize(lp),
                       "exact LP row 1 has 3 coefficients, expected one per "
                       "variable (2)",
                       ModelError);
  lp = wyndor();
  lp.nonnegative.push_back(true);
  CHECK_THROWS_AS(maximize(lp), ModelError);

  // 2000 inequality rows need 2000 slack columns: 2001 x 2001 cells.
  const ExactLp big{std::vector<Vector>(2000),
                    std::vector<Relation>(2000, le),
                    Vector(2000, Rational(1)),
                    {},
                    {}};
  CHECK_THROWS_AS(maximize(big), LimitError);
}
