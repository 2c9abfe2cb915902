// Checks on model parameters, shared by the bargaining models: each throws
// ModelError with one sentence, "function: parameter = value, expected
// ...", so a caller learns which argument of which model was wrong.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

#include "bargain/error.hpp"
#include "bargain/numeric.hpp"

namespace bargain::detail {

template <Scalar T>
bool is_finite(const T& x) {
  if constexpr (is_exact_v<T>) {
    return true;
  } else {
    return std::isfinite(x);
  }
}

/// Throws ModelError "function: parameter = value, expected ..." unless ok.
template <Scalar T>
void require(bool ok, std::string_view function, std::string_view parameter,
             const T& value, std::string_view expected) {
  if (ok) return;
  std::string message(function);
  message += ": ";
  message += parameter;
  message += " = ";
  message += to_string(value);
  message += ", expected ";
  message += expected;
  throw ModelError(message);
}

/// A finite value in [low, high].
template <Scalar T>
void require_between(std::string_view function, std::string_view parameter,
                     const T& value, const T& low, const T& high,
                     std::string_view expected) {
  require(is_finite(value) && low <= value && value <= high, function,
          parameter, value, expected);
}

/// A finite value of at least 0 (a cost, a rate).
template <Scalar T>
void require_nonnegative(std::string_view function, std::string_view parameter,
                         const T& value, std::string_view expected) {
  require(is_finite(value) && T(0) <= value, function, parameter, value,
          expected);
}

template <Scalar T>
void require_positive(std::string_view function, std::string_view parameter,
                      const T& value, std::string_view expected) {
  require(is_finite(value) && T(0) < value, function, parameter, value,
          expected);
}

template <Scalar T>
void require_probability(std::string_view function, std::string_view parameter,
                         const T& p) {
  require_between(function, parameter, p, T(0), T(1),
                  "a probability in [0, 1]");
}

template <Scalar T>
void require_cost(std::string_view function, std::string_view parameter,
                  const T& cost) {
  require_nonnegative(function, parameter, cost, "a cost of at least 0");
}

/// A discount factor in [0, 1), or in [0, 1] when `one_allowed`.
template <Scalar T>
void require_discount(std::string_view function, std::string_view parameter,
                      const T& delta, bool one_allowed = false) {
  require(is_finite(delta) && T(0) <= delta &&
              (one_allowed ? delta <= T(1) : delta < T(1)),
          function, parameter, delta,
          one_allowed ? "a discount factor in [0, 1]"
                      : "a discount factor in [0, 1)");
}

/// A count from `low` to `high`: below is a ModelError, above a LimitError.
inline void require_count(std::string_view function, std::string_view parameter,
                          std::size_t value, std::size_t low,
                          std::size_t high) {
  std::string message(function);
  message += ": ";
  message += parameter;
  message += " = ";
  message += std::to_string(value);
  if (value < low) {
    message += ", expected at least ";
    throw ModelError(message += std::to_string(low));
  }
  if (value > high) {
    message += ", above the limit of ";
    throw LimitError(message += std::to_string(high));
  }
}

}  // namespace bargain::detail
