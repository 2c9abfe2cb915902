// Numbers: every solver is a template on a Scalar that is either `double` or
// an exact rational, so one algorithm serves both fast floating point and
// answers that compare equal, digit for digit, with Gambit's and lrsnash's.
#pragma once

#include <boost/multiprecision/gmp.hpp>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "bargain/error.hpp"

namespace bargain {

/// Exact rational number (GMP's mpq behind Boost.Multiprecision).
/// Expression templates are off: generic code written as `auto v = a * b;`
/// must hold a value for both scalars, not a reference to temporaries.
using Rational =
    boost::multiprecision::number<boost::multiprecision::gmp_rational,
                                  boost::multiprecision::et_off>;

/// What the library needs to know about a scalar beyond its arithmetic.
template <class T>
struct ScalarTraits;

template <>
struct ScalarTraits<double> {
  static constexpr bool is_exact = false;
  static constexpr std::string_view name = "double";
};

template <boost::multiprecision::expression_template_option Et>
struct ScalarTraits<
    boost::multiprecision::number<boost::multiprecision::gmp_rational, Et>> {
  static constexpr bool is_exact = true;
  static constexpr std::string_view name = "exact";
};

/// A field the solvers can compute in: `double` or an exact rational
/// (`Rational`, and Boost's own `mpq_rational` too).
template <class T>
concept Scalar = requires(const T a, const T b) {
  { ScalarTraits<T>::is_exact } -> std::convertible_to<bool>;
  { a + b } -> std::convertible_to<T>;
  { a - b } -> std::convertible_to<T>;
  { a* b } -> std::convertible_to<T>;
  { a / b } -> std::convertible_to<T>;
  { a < b } -> std::convertible_to<bool>;
  { a == b } -> std::convertible_to<bool>;
};

template <Scalar T>
inline constexpr bool is_exact_v = ScalarTraits<T>::is_exact;

/// Limits on decimal input, so that text like `1e999999999` is refused
/// instead of building a number with a billion digits.
struct NumberLimits {
  static constexpr int max_decimal_exponent = 1000;
  static constexpr std::size_t max_digits = 10000;
};

/// Why a text is not a number: `offset` is the byte where the problem starts.
class NumberFormatError : public std::invalid_argument {
 public:
  NumberFormatError(std::string message, std::size_t offset, bool limit)
      : std::invalid_argument(std::move(message)),
        offset_(offset),
        limit_(limit) {}
  std::size_t offset() const noexcept { return offset_; }
  /// True when the text is well formed but beyond NumberLimits.
  bool is_limit() const noexcept { return limit_; }

 private:
  std::size_t offset_;
  bool limit_;
};

/// Parses an integer ("-12"), a fraction ("3/7"), or a decimal with optional
/// exponent ("-0.25", ".5", "1e-3", "2.5e+2") into the exact rational it
/// denotes. The whole text must be the number. Throws NumberFormatError.
Rational parse_rational(std::string_view text);

/// Exact text of a rational ("-3/7", "2"); parse_rational reads it back equal.
std::string to_string(const Rational& value);

/// Shortest text that reads back as the same double ("0.1", "1e-300").
std::string to_string(double value);

/// The double nearest to `value` (ties to even). Throws LimitError when the
/// value is beyond the range of double.
double to_double(const Rational& value);

/// Converts an exact input number to the scalar a computation runs in.
template <Scalar T>
T from_rational(const Rational& value) {
  if constexpr (is_exact_v<T>) {
    return T(value);
  } else {
    return to_double(value);
  }
}

/// One scalar as another: exact to double rounds to nearest; double to
/// exact is the double's exact binary value.
template <Scalar To, Scalar From>
To scalar_cast(const From& value) {
  if constexpr (std::is_same_v<To, From>) {
    return value;
  } else if constexpr (is_exact_v<From>) {
    return from_rational<To>(value);
  } else {
    return To(value);
  }
}

/// base^exponent by repeated squaring: exact for rationals.
template <Scalar T>
T power(T base, std::uint64_t exponent) {
  T result(1);
  for (; exponent > 0; exponent >>= 1) {
    if (exponent & 1) result = result * base;
    if (exponent > 1) base = base * base;
  }
  return result;
}

/// A container of scalars converted element by element (scalar_cast) into
/// a container of type Out.
template <class Out, class In>
Out convert_scalars(const In& values) {
  Out out;
  out.reserve(values.size());
  for (const auto& v : values)
    out.push_back(scalar_cast<typename Out::value_type>(v));
  return out;
}

}  // namespace bargain
