// Exact thresholds: the value of a parameter where the answer changes regime
// (the optimism gap that empties the bargaining range, the guarantee g* that
// restores peace). Comparative statics are only as good as their thresholds,
// and a threshold read off a grid of doubles is neither exact nor sure to be
// where the grid says; this search works in exact rationals and keeps an
// exact bracket around the change at every step.
//
// Two kinds of answer:
// - find_threshold takes a margin, a number whose sign gives the regime, and
//   finds where it is exactly 0 when it can (most thresholds in bargaining
//   models are simple rationals), or else a bracket as narrow as asked.
// - find_regime_change takes only a discrete answer (an int, an enum, a
//   string) and narrows a bracket with the regime on each side.
#pragma once

#include <concepts>
#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "bargain/bargaining/interval.hpp"
#include "bargain/error.hpp"
#include "bargain/numeric.hpp"

namespace bargain {

/// The simplest rational strictly between a and b: the one with the least
/// denominator (and then the least absolute numerator), the first of the
/// interval met going down the Stern-Brocot tree; found from the continued
/// fractions of the ends. Throws ModelError unless a < b.
Rational simplest_rational_between(const Rational& a, const Rational& b);

/// Where the regime changes along a parameter, and how that was found.
template <class Label>
struct RegimeChange {
  /// Where the change lies: a single point when it is an exact threshold,
  /// otherwise an interval no wider than the tolerance whose lower end is in
  /// regime `below` and whose upper end is in regime `above`.
  Interval<Rational> bracket;
  /// The regime just below the change (at the lower end of the last bracket
  /// evaluated).
  Label below;
  /// The regime just above the change (at the upper end of the last bracket
  /// evaluated).
  Label above;
  /// How many times the margin or regime function was called.
  std::size_t evaluations = 0;

  /// True when the bracket is a single point: the margin is exactly 0 there.
  bool is_exact() const { return bracket.is_point(); }
};

/// A threshold of a margin: the regimes are the margin's signs, -1 or +1 (0
/// on a side only when the threshold is an end of the search interval, where
/// the margin is 0 and nothing beyond was evaluated).
using Threshold = RegimeChange<int>;

/// A function of a rational parameter whose sign gives the regime.
template <class F>
concept MarginFunction = std::invocable<F&, const Rational&> &&
    std::convertible_to<std::invoke_result_t<F&, const Rational&>, Rational>;

/// A function of a rational parameter that names the regime.
template <class F>
concept RegimeFunction =
    std::invocable<F&, const Rational&> && std::equality_comparable<
        std::decay_t<std::invoke_result_t<F&, const Rational&>>>;

namespace detail {

/// Throws ModelError unless lo <= hi and tolerance > 0, and LimitError when
/// the tolerance asks for more than kMaxRefinementBits halvings of hi - lo.
void check_search(std::string_view function, const Rational& lo,
                  const Rational& hi, const Rational& tolerance);

/// At most this many halvings of the search interval: beyond it a search
/// would crawl through numbers of thousands of digits.
inline constexpr long kMaxRefinementBits = 1024;

/// The simplest rational in the middle half of (a, b): a bisection step that
/// shrinks the bracket to at most 3/4 and keeps denominators small.
Rational simplest_in_middle_half(const Rational& a, const Rational& b);

/// The regula falsi point of the bracket (a, b) whose ends carry the
/// opposite-signed weights wa and wb: where the line through (a, wa) and
/// (b, wb) crosses 0, so an affine margin's root in one step. A point with a
/// denominator above (16/tolerance)^2 is replaced by the simplest rational
/// within tolerance/16 of it, so that the bracket's numbers stay as long as
/// the tolerance needs and no longer.
Rational illinois_point(const Rational& a, const Rational& b,
                        const Rational& wa, const Rational& wb,
                        const Rational& tolerance);

/// Throws ModelError "function: on [lo, hi] found, expected expected".
[[noreturn]] void throw_no_change(std::string_view function, const Rational& lo,
                                  const Rational& hi, std::string_view found,
                                  std::string_view expected);

/// A label as text for an error message, or "" when it cannot be printed.
template <class Label>
std::string label_text(const Label& label) {
  if constexpr (requires(std::ostream & out) { out << label; }) {
    std::ostringstream out;
    out << label;
    return out.str();
  } else {
    return {};
  }
}

}  // namespace detail

/// The parameter value in [lo, hi] where margin changes sign, margin(x)
/// being a rational whose sign gives the regime (a range's width, peace
/// value minus war value). margin(lo) and margin(hi) must have opposite
/// signs, or one of them be 0; otherwise ModelError says what they were.
///
/// Each round first tries the simplest rational in the bracket, which finds
/// simple thresholds like 3/10 at once even for nonlinear margins; then an
/// Illinois (modified regula falsi) step, exact in one step when the margin
/// is affine, and superlinear on smooth margins; then, if the bracket did
/// not halve, the simplest rational in its middle half, so that it shrinks
/// to 3/4 or less every round whatever the margin. The search stops at an x
/// with margin(x) == 0 (an exact threshold) or when the bracket is at most
/// `tolerance` wide. Numbers stay as long as the tolerance needs: an
/// Illinois point with a denominator above (16/tolerance)^2 is rounded to
/// the simplest rational within tolerance/16 (so an affine margin whose
/// root has more digits than that gives a bracket).
template <class Margin>
requires MarginFunction<Margin> Threshold
find_threshold(Margin&& margin, const Rational& lo, const Rational& hi,
               const Rational& tolerance) {
  detail::check_search("find_threshold", lo, hi, tolerance);
  constexpr std::string_view kOppositeSigns =
      "opposite signs, or 0 at one end only";
  std::size_t evaluations = 0;
  const auto evaluate = [&](const Rational& x) {
    ++evaluations;
    return Rational(margin(x));
  };
  Rational a = lo, b = hi;
  const Rational fa = evaluate(a);
  const Rational fb = a == b ? fa : evaluate(b);
  const int below = fa.sign(), above = fb.sign();
  if (below == 0 || above == 0) {
    if (below == above && a != b)
      detail::throw_no_change("find_threshold", lo, hi,
                              "the margin is 0 at both ends", kOppositeSigns);
    return {Interval<Rational>::point(below == 0 ? a : b), below, above,
            evaluations};
  }
  if (below == above) {
    std::string found("the margin has the same sign at both ends (");
    found += to_string(fa) + " at lo, " + to_string(fb) + " at hi)";
    detail::throw_no_change("find_threshold", lo, hi, found, kOppositeSigns);
  }

  // Evaluates x and moves the end of its sign there, keeping the margins at
  // the ends.
  enum class Moved { none, lower, upper };  // none: margin(x) is 0
  Rational margin_a = fa, margin_b = fb;
  const auto probe = [&](const Rational& x) {
    Rational fx = evaluate(x);
    const int sign = fx.sign();
    if (sign == 0) return Moved::none;
    if (sign == below) {
      a = x;
      margin_a = std::move(fx);
      return Moved::lower;
    }
    b = x;
    margin_b = std::move(fx);
    return Moved::upper;
  };
  const auto exact_at = [&](const Rational& x) {
    return Threshold{Interval<Rational>::point(x), below, above, evaluations};
  };
  // The Illinois rule: while Illinois steps keep moving the same end, the
  // margin at the other end weighs half as much per repeat, so that a step
  // soon lands beyond the root and both ends close in (plain regula falsi
  // crawls from one side on a convex margin).
  Moved illinois_moved = Moved::none;
  unsigned repeats = 0;
  while (b - a > tolerance) {
    const Rational start_width = b - a;
    Rational x = simplest_rational_between(a, b);
    if (probe(x) == Moved::none) return exact_at(x);
    if (b - a <= tolerance) break;

    Rational weight_a = margin_a, weight_b = margin_b;
    const Rational discount(boost::multiprecision::mpz_int(1) << repeats);
    (illinois_moved == Moved::lower ? weight_b : weight_a) /= discount;
    x = detail::illinois_point(a, b, weight_a, weight_b, tolerance);
    const Moved moved = probe(x);
    if (moved == Moved::none) return exact_at(x);
    repeats = moved == illinois_moved ? repeats + 1 : 0;
    illinois_moved = moved;

    if (2 * (b - a) > start_width && b - a > tolerance) {
      x = detail::simplest_in_middle_half(a, b);
      if (probe(x) == Moved::none) return exact_at(x);
    }
  }
  return {Interval<Rational>(a, b), below, above, evaluations};
}

/// Where a discrete regime changes in [lo, hi]: regime(x) is any
/// equality-comparable label (an int, an enum, a string), and regime(lo)
/// must differ from regime(hi) (otherwise ModelError). Bisection on simplest
/// rationals narrows the bracket to at most `tolerance`, keeping regime(lo)
/// at its lower end (`below`) and another regime at its upper end (`above`).
/// With several changes in [lo, hi] it finds one of them.
template <class Regime>
requires RegimeFunction<Regime>
    RegimeChange<std::decay_t<std::invoke_result_t<Regime&, const Rational&>>>
    find_regime_change(Regime&& regime, const Rational& lo, const Rational& hi,
                       const Rational& tolerance) {
  detail::check_search("find_regime_change", lo, hi, tolerance);
  using Label = std::decay_t<std::invoke_result_t<Regime&, const Rational&>>;
  Label below = regime(lo);
  Label above = regime(hi);
  std::size_t evaluations = 2;
  if (below == above) {
    const std::string text = detail::label_text(below);
    std::string found("the regime is ");
    found += text.empty() ? "the same" : text;
    found += " at both ends";
    detail::throw_no_change("find_regime_change", lo, hi, found,
                            "different regimes at lo and hi");
  }
  Rational a = lo, b = hi;
  while (b - a > tolerance) {
    Rational x = detail::simplest_in_middle_half(a, b);
    Label label = regime(x);
    ++evaluations;
    if (label == below) {
      a = std::move(x);
    } else {
      b = std::move(x);
      above = std::move(label);
    }
  }
  return {Interval<Rational>(a, b), std::move(below), std::move(above),
          evaluations};
}

}  // namespace bargain
