#include "bargain/numeric.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <random>

using bargain::parse_rational;
using bargain::Rational;

TEST_CASE("numeric: double and both rationals meet Scalar; int does not") {
  static_assert(bargain::Scalar<double>);
  static_assert(bargain::Scalar<Rational>);
  static_assert(bargain::Scalar<boost::multiprecision::mpq_rational>);
  static_assert(!bargain::Scalar<int>);
  static_assert(bargain::is_exact_v<Rational> && !bargain::is_exact_v<double>);
}

TEST_CASE("numeric: exact parsing of fractions, decimals and exponents") {
  CHECK(parse_rational("3/7") == Rational(3, 7));
  CHECK(parse_rational("-3/7") == Rational(-3, 7));
  CHECK(parse_rational("6/14") == Rational(3, 7));
  CHECK(parse_rational("-0.25") == Rational(-1, 4));
  CHECK(parse_rational("1e-3") == Rational(1, 1000));
  CHECK(parse_rational("2.5e+2") == Rational(250));
  CHECK(parse_rational("2.5E2") == Rational(250));
  CHECK(parse_rational(".80") == Rational(4, 5));
  CHECK(parse_rational("5.") == Rational(5));
  CHECK(parse_rational("+7") == Rational(7));
  CHECK(parse_rational("0.1") == Rational(1, 10));
  CHECK(parse_rational("-0") == Rational(0));
  CHECK(parse_rational("123456789012345678901234567890") ==
        Rational("123456789012345678901234567890"));
  CHECK(parse_rational("1e1000") ==
        Rational(boost::multiprecision::pow(boost::multiprecision::mpz_int(10),
                                            1000)));
}

TEST_CASE("numeric: malformed numbers say where and why") {
  struct Case {
    const char* text;
    std::size_t offset;
  };
  for (const Case& c :
       {Case{"", 0}, Case{"-", 1}, Case{"1/", 2}, Case{"/3", 0}, Case{"1/0", 2},
        Case{"1.5/2", 3}, Case{"1e", 2}, Case{"1e+", 3}, Case{"1x", 1},
        Case{"--1", 1}, Case{"1/2/3", 3}, Case{".", 0}, Case{"1 ", 1}}) {
    CAPTURE(c.text);
    try {
      parse_rational(c.text);
      FAIL("accepted");
    } catch (const bargain::NumberFormatError& e) {
      CHECK(e.offset() == c.offset);
      CHECK_FALSE(e.is_limit());
    }
  }
}

TEST_CASE("numeric: numbers beyond the limits are refused, not built") {
  for (const char* text :
       {"1e999999999", "1e-1001", "1e1001", "5e99999999999999999999"}) {
    CAPTURE(text);
    try {
      parse_rational(text);
      FAIL("accepted");
    } catch (const bargain::NumberFormatError& e) {
      CHECK(e.is_limit());
    }
  }
  const std::string huge(bargain::NumberLimits::max_digits + 1, '7');
  CHECK_THROWS_AS(parse_rational(huge), bargain::NumberFormatError);
  CHECK_THROWS_AS(parse_rational("1/" + huge), bargain::NumberFormatError);
}

TEST_CASE("numeric: printing round-trips") {
  for (const char* text :
       {"0", "-3/7", "22/7", "1/1000", "123456789012345678901234567890/7"}) {
    const Rational r = parse_rational(text);
    CHECK(parse_rational(bargain::to_string(r)) == r);
  }
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> dist(-1e6, 1e6);
  for (int i = 0; i < 2000; ++i) {
    const double x =
        dist(rng) * std::pow(10.0, static_cast<int>(rng() % 40) - 20);
    const std::string text = bargain::to_string(x);
    CHECK(std::stod(text) == x);
    // The exact value of the printed decimal rounds back to the same double.
    CHECK(bargain::to_double(parse_rational(text)) == x);
  }
  CHECK(bargain::to_string(0.1) == "0.1");
  CHECK(bargain::to_string(2.0) == "2");
}

TEST_CASE("numeric: to_double rounds to nearest, ties to even") {
  CHECK(bargain::to_double(Rational(1, 10)) == 0.1);
  CHECK(bargain::to_double(Rational(1, 3)) == 1.0 / 3.0);
  CHECK(bargain::to_double(Rational(-2, 3)) == -2.0 / 3.0);
  const Rational two53 = Rational(boost::multiprecision::mpz_int(1) << 53);
  // 2^53 + 1 lies halfway between 2^53 and 2^53 + 2: ties go to even (2^53).
  CHECK(bargain::to_double(two53 + 1) == 9007199254740992.0);
  CHECK(bargain::to_double(two53 + 3) == 9007199254740996.0);
  CHECK(bargain::to_double(parse_rational("1e300")) == 1e300);
  CHECK(bargain::to_double(parse_rational("1e-300")) == 1e-300);
  CHECK_THROWS_AS(bargain::to_double(parse_rational("1e400")),
                  bargain::LimitError);
}
