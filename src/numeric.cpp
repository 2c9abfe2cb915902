#include "bargain/numeric.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>

#include "bargain/error.hpp"

namespace bargain {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t scan_digits(std::string_view s, std::size_t i) {
  while (i < s.size() && is_digit(s[i])) ++i;
  return i;
}

[[noreturn]] void fail(std::string message, std::size_t offset,
                       bool limit = false) {
  throw NumberFormatError(std::move(message), offset, limit);
}

std::size_t significant_digits(std::string_view digits) {
  const auto first = digits.find_first_not_of('0');
  return first == std::string_view::npos ? 0 : digits.size() - first;
}

// Digits to an integer; the common short case avoids GMP's string parser.
boost::multiprecision::mpz_int integer_of(std::string_view digits) {
  if (digits.size() <= 18) {
    std::int64_t v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
  }
  // GMP's own parser with base 10: Boost's string constructor would read a
  // leading zero as octal.
  boost::multiprecision::mpz_int value;
  mpz_set_str(value.backend().data(), std::string(digits).c_str(), 10);
  return value;
}

boost::multiprecision::mpz_int power_of_ten(int exponent) {
  boost::multiprecision::mpz_int p;
  mpz_ui_pow_ui(p.backend().data(), 10, static_cast<unsigned long>(exponent));
  return p;
}

}  // namespace

Rational parse_rational(std::string_view s) {
  if (s.empty()) fail("an empty text is not a number", 0);
  std::size_t i = 0;
  const bool negative = s[0] == '-';
  if (s[0] == '-' || s[0] == '+') ++i;

  const std::size_t int_begin = i;
  i = scan_digits(s, i);
  const std::string_view int_digits = s.substr(int_begin, i - int_begin);

  if (i < s.size() && s[i] == '/') {
    if (int_digits.empty()) fail("a fraction needs digits before '/'", i);
    const std::size_t den_begin = i + 1;
    i = scan_digits(s, den_begin);
    const std::string_view den_digits = s.substr(den_begin, i - den_begin);
    if (den_digits.empty()) fail("a fraction needs digits after '/'", i);
    if (i != s.size())
      fail(std::string("unexpected '") + s[i] + "' in a fraction", i);
    if (significant_digits(int_digits) > NumberLimits::max_digits ||
        significant_digits(den_digits) > NumberLimits::max_digits)
      fail("a fraction with more than " +
               std::to_string(NumberLimits::max_digits) + " digits",
           int_begin, true);
    auto den = integer_of(den_digits);
    if (den == 0) fail("a fraction with denominator zero", den_begin);
    auto num = integer_of(int_digits);
    if (negative) num = -num;
    return Rational(num, den);
  }

  std::string_view frac_digits;
  if (i < s.size() && s[i] == '.') {
    const std::size_t frac_begin = i + 1;
    i = scan_digits(s, frac_begin);
    frac_digits = s.substr(frac_begin, i - frac_begin);
  }
  if (int_digits.empty() && frac_digits.empty())
    fail("expected digits", int_begin);

  long long exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    const std::size_t exp_at = i++;
    const bool exp_negative = i < s.size() && s[i] == '-';
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    const std::size_t exp_begin = i;
    i = scan_digits(s, i);
    const std::string_view exp_digits = s.substr(exp_begin, i - exp_begin);
    if (exp_digits.empty()) fail("an exponent needs digits", exp_begin);
    if (significant_digits(exp_digits) > 6)
      fail("exponent beyond the limit of +-" +
               std::to_string(NumberLimits::max_decimal_exponent),
           exp_at, true);
    for (char c : exp_digits) exponent = exponent * 10 + (c - '0');
    if (exp_negative) exponent = -exponent;
  }
  if (i != s.size()) fail(std::string("unexpected '") + s[i] + "'", i);
  if (exponent > NumberLimits::max_decimal_exponent ||
      exponent < -NumberLimits::max_decimal_exponent)
    fail("exponent " + std::to_string(exponent) + " beyond the limit of +-" +
             std::to_string(NumberLimits::max_decimal_exponent),
         int_begin, true);
  if (significant_digits(int_digits) + frac_digits.size() >
      NumberLimits::max_digits)
    fail("a number with more than " + std::to_string(NumberLimits::max_digits) +
             " digits",
         int_begin, true);

  std::string mantissa_digits;
  mantissa_digits.reserve(int_digits.size() + frac_digits.size());
  mantissa_digits.append(int_digits).append(frac_digits);
  auto mantissa = integer_of(mantissa_digits);
  if (negative) mantissa = -mantissa;
  const long long scale = exponent - static_cast<long long>(frac_digits.size());
  if (scale >= 0)
    return Rational(mantissa * power_of_ten(static_cast<int>(scale)));
  return Rational(mantissa, power_of_ten(static_cast<int>(-scale)));
}

std::string to_string(const Rational& value) { return value.str(); }

std::string to_string(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

double to_double(const Rational& value) {
  using boost::multiprecision::mpz_int;
  if (value == 0) return 0.0;
  const mpz_int num = abs(numerator(value));
  const mpz_int den = denominator(value);
  // Scale so the quotient has 54 bits: 53 for the mantissa, one to round on;
  // the remainder is the sticky bit. One rounding, so the result is nearest.
  long shift =
      54 - (static_cast<long>(mpz_sizeinbase(num.backend().data(), 2)) -
            static_cast<long>(mpz_sizeinbase(den.backend().data(), 2)));
  mpz_int quotient, remainder;
  if (shift >= 0) {
    mpz_int scaled = num << static_cast<unsigned>(shift);
    mpz_tdiv_qr(quotient.backend().data(), remainder.backend().data(),
                scaled.backend().data(), den.backend().data());
  } else {
    mpz_int scaled = den << static_cast<unsigned>(-shift);
    mpz_tdiv_qr(quotient.backend().data(), remainder.backend().data(),
                num.backend().data(), scaled.backend().data());
  }
  bool sticky = remainder != 0;
  if (mpz_sizeinbase(quotient.backend().data(), 2) > 54) {
    sticky = sticky || mpz_tstbit(quotient.backend().data(), 0);
    quotient >>= 1;
    --shift;
  }
  const bool round_bit = mpz_tstbit(quotient.backend().data(), 0);
  quotient >>= 1;
  std::uint64_t mantissa = mpz_get_ui(quotient.backend().data());
  if (round_bit && (sticky || (mantissa & 1U))) ++mantissa;
  const double magnitude =
      std::ldexp(static_cast<double>(mantissa), static_cast<int>(1 - shift));
  if (!std::isfinite(magnitude))
    throw LimitError("the number " + value.str().substr(0, 40) +
                     (value.str().size() > 40 ? "..." : "") +
                     " is beyond the range of double");
  return value < 0 ? -magnitude : magnitude;
}

}  // namespace bargain
