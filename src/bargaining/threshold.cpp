#include "bargain/bargaining/threshold.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace bargain {
namespace {

Rational floor_of_nonnegative(const Rational& x) {
  return Rational(numerator(x) / denominator(x));
}

// The simplest rational in the open interval (a, b), 0 <= a < b, b = nullopt
// standing for infinity. Either the interval holds an integer, and the least
// one is the answer, or it lies within [n, n + 1] and its simplest point is
// n + 1/y for the simplest y in (1/(b - n), 1/(a - n)): the continued
// fraction of the answer is the common start of those of a and b, plus one
// term. Iterative, since the fractions of long rationals have many terms.
Rational simplest_nonnegative(Rational a, std::optional<Rational> b) {
  std::vector<Rational> terms;
  for (;;) {
    const Rational n = floor_of_nonnegative(a);
    if (!b || n + 1 < *b) {
      terms.push_back(n + 1);
      break;
    }
    terms.push_back(n);
    std::optional<Rational> next_b;
    if (a != n) next_b = 1 / (a - n);
    a = 1 / (*b - n);
    b = std::move(next_b);
  }
  Rational x = terms.back();
  for (auto term = terms.rbegin() + 1; term != terms.rend(); ++term)
    x = *term + 1 / x;
  return x;
}

}  // namespace

Rational simplest_rational_between(const Rational& a, const Rational& b) {
  if (!(a < b)) {
    std::string message("simplest_rational_between: a = ");
    message += to_string(a) + " and b = " + to_string(b) + ", expected a < b";
    throw ModelError(message);
  }
  if (a < 0 && 0 < b) return Rational(0);
  if (b <= 0) return -simplest_nonnegative(-b, -a);
  return simplest_nonnegative(a, b);
}

namespace detail {

void check_search(std::string_view function, const Rational& lo,
                  const Rational& hi, const Rational& tolerance) {
  std::string message(function);
  if (tolerance <= 0) {
    message += ": tolerance = ";
    message += to_string(tolerance) + ", expected a positive width";
    throw ModelError(message);
  }
  if (hi < lo) {
    message += ": lo = ";
    message += to_string(lo) + " is above hi = " + to_string(hi) +
               ", expected lo <= hi";
    throw ModelError(message);
  }
  if (lo == hi) return;
  // log2((hi - lo)/tolerance), to within 1, from the lengths of the numbers:
  // printing a tolerance of a thousand digits would not help anyone.
  const Rational halvings = (hi - lo) / tolerance;
  const long bits = static_cast<long>(msb(numerator(halvings))) -
                    static_cast<long>(msb(denominator(halvings)));
  if (bits > kMaxRefinementBits) {
    message += ": the tolerance is about 2^-";
    message += std::to_string(bits) + " times hi - lo, expected at least 2^-" +
               std::to_string(kMaxRefinementBits) + " times hi - lo";
    throw LimitError(message);
  }
}

Rational simplest_in_middle_half(const Rational& a, const Rational& b) {
  const Rational quarter = (b - a) / 4;
  return simplest_rational_between(a + quarter, b - quarter);
}

Rational illinois_point(const Rational& a, const Rational& b,
                        const Rational& wa, const Rational& wb,
                        const Rational& tolerance) {
  Rational x = (a * wb - b * wa) / (wb - wa);
  // Beyond this denominator the point is far more precise than a search
  // stopping at `tolerance` can use, and its digits would only compound in
  // the next steps; the simplest rational nearby has about half as many.
  const Rational radius = tolerance / 16;
  if (Rational(denominator(x)) * radius * radius > 1)
    x = simplest_rational_between(std::max(a, x - radius),
                                  std::min(b, x + radius));
  return x;
}

void throw_no_change(std::string_view function, const Rational& lo,
                     const Rational& hi, std::string_view found,
                     std::string_view expected) {
  std::string message(function);
  message += ": on [";
  message += to_string(lo) + ", " + to_string(hi) + "] ";
  message += found;
  message += ", expected ";
  message += expected;
  throw ModelError(message);
}

}  // namespace detail
}  // namespace bargain
