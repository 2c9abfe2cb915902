// Closed intervals with set semantics.
#include "bargain/bargaining/interval.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <sstream>

using namespace bargain;

namespace {
using RI = Interval<Rational>;
const Rational half(1, 2), third(1, 3), two_thirds(2, 3);
}  // namespace

TEST_CASE("interval: [lo, hi] holds its ends and what lies between") {
  const RI x(third, two_thirds);
  CHECK_FALSE(x.empty());
  CHECK_FALSE(x.is_point());
  CHECK(x.lo() == third);
  CHECK(x.hi() == two_thirds);
  CHECK(x.width() == third);
  CHECK(x.contains(third));
  CHECK(x.contains(half));
  CHECK(x.contains(two_thirds));
  CHECK_FALSE(x.contains(Rational(1, 4)));
  CHECK_FALSE(x.contains(1));
}

TEST_CASE("interval: lo > hi is the empty set, and all empty sets are equal") {
  const RI backwards(two_thirds, third);
  CHECK(backwards.empty());
  CHECK(backwards == RI());
  CHECK(backwards == RI(5, 1));
  CHECK(backwards.width() == 0);
  CHECK_FALSE(backwards.contains(half));
  CHECK_FALSE(backwards.is_point());
  CHECK_THROWS_AS(backwards.lo(), Error);
  CHECK_THROWS_WITH(backwards.hi(),
                    "hi() of an empty interval, expected a non-empty one");
  CHECK(RI() != RI::point(0));
}

TEST_CASE("interval: a point has width 0 and is not empty") {
  const RI p = RI::point(half);
  CHECK(p.is_point());
  CHECK_FALSE(p.empty());
  CHECK(p.width() == 0);
  CHECK(p.contains(half));
  CHECK(p == RI(half, half));
}

TEST_CASE("interval: intersection and clamping") {
  const RI a(0, two_thirds), b(third, 1);
  CHECK(a.intersect(b) == RI(third, two_thirds));
  CHECK(b.intersect(a) == a.intersect(b));
  CHECK(a.intersect(RI(two_thirds, 2)) == RI::point(two_thirds));
  CHECK(a.intersect(RI(1, 2)).empty());
  CHECK(a.intersect(RI()).empty());
  CHECK(RI().intersect(a).empty());
  // Clamping is intersection: outside [0, 1] means empty, not an end.
  CHECK(RI(Rational(-1, 5), Rational(3, 5)).clamp(0, 1) ==
        RI(0, Rational(3, 5)));
  CHECK(RI(Rational(7, 10), Rational(11, 10)).clamp(0, 1) ==
        RI(Rational(7, 10), 1));
  CHECK(RI(2, 3).clamp(0, 1).empty());
}

TEST_CASE("interval: double intervals, and NaN bounds make an empty set") {
  const Interval<double> x(0.25, 0.75);
  CHECK(x.width() == 0.5);
  CHECK(x.contains(0.5));
  CHECK(Interval<double>(0.0, std::nan("")).empty());
}

TEST_CASE("interval: printed with exact bounds") {
  std::ostringstream out;
  out << RI(Rational(2, 5), Rational(3, 5)) << ' ' << RI();
  CHECK(out.str() == "[2/5, 3/5] empty");
}
