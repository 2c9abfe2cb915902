#include "bargain/solve/lcp.hpp"

#include <doctest/doctest.h>

using namespace bargain;

namespace {

template <Scalar T>
Lcp<T> make_lcp(std::initializer_list<std::initializer_list<int>> m,
                std::vector<int> q) {
  const auto n = static_cast<Eigen::Index>(q.size());
  Lcp<T> lcp{Eigen::SparseMatrix<T, Eigen::RowMajor>(n, n), {}, {}};
  std::vector<Eigen::Triplet<T>> entries;
  Eigen::Index i = 0;
  for (const auto& row : m) {
    Eigen::Index j = 0;
    for (const int v : row) {
      if (v != 0) entries.emplace_back(i, j, T(v));
      ++j;
    }
    ++i;
  }
  lcp.M.setFromTriplets(entries.begin(), entries.end());
  for (const int v : q) lcp.q.push_back(T(v));
  lcp.d.assign(q.size(), T(1));
  return lcp;
}

template <Scalar T>
void check_solves(const Lcp<T>& lcp, const LcpSolution<T>& s) {
  for (std::size_t k = 0; k < lcp.q.size(); ++k) {
    T w = lcp.q[k];
    for (std::size_t j = 0; j < lcp.q.size(); ++j)
      w += lcp.M.coeff(k, j) * s.z[j];
    CHECK(w == s.w[k]);
    CHECK(s.z[k] >= 0);
    CHECK(s.w[k] >= 0);
    CHECK(s.z[k] * s.w[k] == 0);
  }
}

}  // namespace

TEST_CASE("lcp: a positive definite problem, exact and double") {
  // w = q + M z with M positive definite: a unique solution z = (4/3, 7/3).
  const auto exact = make_lcp<Rational>({{2, 1}, {1, 2}}, {-5, -6});
  const auto s = solve_lcp_lemke(exact);
  check_solves(exact, s);
  CHECK(s.z == std::vector<Rational>{Rational(4, 3), Rational(7, 3)});
  const auto approx =
      solve_lcp_lemke(make_lcp<double>({{2, 1}, {1, 2}}, {-5, -6}));
  CHECK(approx.z[0] == doctest::Approx(4.0 / 3));
  CHECK(approx.z[1] == doctest::Approx(7.0 / 3));
}

TEST_CASE("lcp: q >= 0 is solved by z = 0 without a pivot") {
  const auto s = solve_lcp_lemke(make_lcp<Rational>({{1, 0}, {0, 1}}, {0, 3}));
  CHECK(s.pivots == 0);
  CHECK(s.z == std::vector<Rational>{0, 0});
}

TEST_CASE("lcp: a degenerate problem does not cycle") {
  // Ties in every ratio test: the lexicographic rule breaks them.
  const auto lcp =
      make_lcp<Rational>({{1, 2, 0}, {0, 1, 2}, {2, 0, 1}}, {-1, -1, -1});
  const auto s = solve_lcp_lemke(lcp);
  check_solves(lcp, s);
  const auto approx = solve_lcp_lemke(
      make_lcp<double>({{1, 2, 0}, {0, 1, 2}, {2, 0, 1}}, {-1, -1, -1}));
  for (int k = 0; k < 3; ++k)
    CHECK(approx.z[k] == doctest::Approx(to_double(s.z[k])));
}

TEST_CASE("lcp: ray termination is reported, not looped on") {
  // w1 = -1 - z2, w2 = -1 - z1: no z >= 0 makes both nonnegative.
  const auto lcp = make_lcp<Rational>({{0, -1}, {-1, 0}}, {-1, -1});
  CHECK_THROWS_WITH_AS(
      solve_lcp_lemke(lcp),
      doctest::Contains("Lemke's algorithm ended on a secondary ray"),
      LcpRayTermination);
  CHECK_THROWS_AS(
      solve_lcp_lemke(make_lcp<double>({{0, -1}, {-1, 0}}, {-1, -1})),
      LcpRayTermination);
}

TEST_CASE("lcp: malformed problems and the pivot limit") {
  auto lcp = make_lcp<Rational>({{2, 1}, {1, 2}}, {-5, -6});
  lcp.d[1] = 0;
  CHECK_THROWS_WITH_AS(
      solve_lcp_lemke(lcp),
      "the covering vector must be positive where q < 0 (row 1)", GameError);
  lcp.d.pop_back();
  CHECK_THROWS_AS(solve_lcp_lemke(lcp), GameError);
  CHECK_THROWS_WITH_AS(
      solve_lcp_lemke(make_lcp<double>({{2, 1}, {1, 2}}, {-5, -6}),
                      {.max_pivots = 1}),
      "Lemke's algorithm stopped after 1 pivots without reaching a solution",
      LimitError);
}
