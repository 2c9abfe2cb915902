// Cheap talk: what costless, unverifiable messages can convey when the
// speaker's interests differ from the listener's (Crawford and Sobel 1982).
// A sender who knows the state wants the receiver to act a little higher
// than the receiver would; the receiver, knowing this, discounts what it
// hears. In equilibrium the sender can only say which of finitely many
// intervals the state lies in, and the larger the bias, the fewer and
// coarser the intervals: cheap signals inform less as interests diverge.
//
// This is the uniform-quadratic example, in closed form
// (shared/oracles/bargaining.md §1h, H3): state θ ~ U[0, 1], receiver loss
// (y - θ)², sender loss (y - θ - b)² with bias b > 0. Templated on the
// scalar so that Rational gives the exact answer and double a fast one; how
// many intervals fit is always decided exactly.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "bargain/bargaining/validate.hpp"
#include "bargain/error.hpp"
#include "bargain/numeric.hpp"

namespace bargain {

/// Most steps (intervals) of a partition equilibrium computed: LimitError
/// beyond, that is for a bias below 1/(2 K (K + 1)) with K this limit.
inline constexpr std::size_t kMaxPartitionSteps = 1'000'000;

/// The uniform-quadratic cheap-talk game: the sender's ideal action exceeds
/// the receiver's by `bias`.
template <Scalar T>
struct CheapTalkModel {
  T bias;  ///< b > 0
};

/// A partition equilibrium: the sender reports which step [a_{i-1}, a_i]
/// holds the state, and the receiver takes that step's midpoint, its
/// expected state.
template <Scalar T>
struct PartitionEquilibrium {
  /// 0 = a_0 < a_1 < ... < a_N = 1; each step is 4b longer than the one
  /// before, which leaves the sender at each a_i indifferent between the
  /// two neighbouring actions.
  std::vector<T> boundaries;
  /// actions[i] = (a_i + a_{i+1})/2, the receiver's reply to step i + 1.
  std::vector<T> actions;
  /// EU_R = -Σ (a_i - a_{i-1})³/12: minus the receiver's mean squared error.
  T receiver_utility;
  /// EU_S = EU_R - b²: the sender also bears the bias.
  T sender_utility;

  /// N, the number of steps (1 is babbling: nothing is conveyed).
  std::size_t steps() const { return actions.size(); }
};

namespace detail::cheap_talk {

/// Whether a partition equilibrium with `steps` steps exists for this
/// bias: 2 N (N - 1) b < 1, that is, the first step a_1 is positive.
inline bool partition_fits(const Rational& bias, std::size_t steps) {
  return 2 * Rational(steps) * Rational(steps - 1) * bias < 1;
}

/// N(b) if it is at most `cap`, else cap + 1. Bisection on the exact test:
/// no square root, so thresholds such as b = 1/12 come out right.
inline std::size_t most_steps(const Rational& bias, std::size_t cap) {
  std::size_t fits = 1, fails = cap + 1;  // 1 step always fits
  if (partition_fits(bias, fails)) return fails;
  while (fails - fits > 1) {
    const std::size_t middle = fits + (fails - fits) / 2;
    (partition_fits(bias, middle) ? fits : fails) = middle;
  }
  return fits;
}

/// Checks the bias for `function` and returns it exactly.
template <Scalar T>
Rational exact_bias(std::string_view function, const CheapTalkModel<T>& model) {
  require_positive(function, "bias", model.bias, "a positive bias");
  return scalar_cast<Rational>(model.bias);
}

/// N(b) for `function`; LimitError beyond kMaxPartitionSteps.
template <Scalar T>
std::size_t most_steps_within_limit(std::string_view function,
                                    const CheapTalkModel<T>& model) {
  const std::size_t steps =
      most_steps(exact_bias(function, model), kMaxPartitionSteps);
  if (steps <= kMaxPartitionSteps) return steps;
  const Rational least_bias =
      1 / (2 * Rational(kMaxPartitionSteps) * Rational(kMaxPartitionSteps + 1));
  std::string message(function);
  message += ": bias = ";
  message += to_string(model.bias);
  message += " allows more than ";
  message += std::to_string(kMaxPartitionSteps);
  message += " steps, the most computed; expected a bias of at least ";
  message += to_string(least_bias);
  throw LimitError(message);
}

/// The N-step equilibrium, N <= N(b) already checked: a_1 = (1 - 2N(N-1)b)/N
/// and a_i = i a_1 + 2i(i-1)b.
template <Scalar T>
PartitionEquilibrium<T> partition(const T& bias, std::size_t steps) {
  const T one(1), n(steps);
  const T first = (one - 2 * n * (n - one) * bias) / n;
  PartitionEquilibrium<T> out{{T(0)}, {}, T(0), T(0)};
  out.boundaries.reserve(steps + 1);
  out.actions.reserve(steps);
  for (std::size_t step = 1; step <= steps; ++step) {
    const T i(step);
    // a_N = 1 by the formula; stated, so that double ends exactly at 1.
    out.boundaries.push_back(
        step == steps ? one : i * first + 2 * i * (i - one) * bias);
    const T& lo = out.boundaries[step - 1];
    const T& hi = out.boundaries[step];
    out.actions.push_back((lo + hi) / 2);
    out.receiver_utility -= (hi - lo) * (hi - lo) * (hi - lo);
  }
  out.receiver_utility /= 12;
  out.sender_utility = out.receiver_utility - bias * bias;
  return out;
}

}  // namespace detail::cheap_talk

/// N(b): the most steps of any partition equilibrium, the largest N with
/// 2 N (N - 1) b < 1, decided exactly (for double, on the double's exact
/// value). Throws ModelError unless b > 0, LimitError when N(b) exceeds
/// kMaxPartitionSteps.
template <Scalar T>
std::size_t max_partition_steps(const CheapTalkModel<T>& model) {
  return detail::cheap_talk::most_steps_within_limit("max_partition_steps",
                                                     model);
}

/// The equilibrium with `steps` steps, 1 <= steps <= N(b); steps = 1 is the
/// babbling equilibrium, which exists for every bias. Throws ModelError
/// unless b > 0 and 1 <= steps <= N(b) (the message gives N(b)), LimitError
/// when steps exceeds kMaxPartitionSteps.
template <Scalar T>
PartitionEquilibrium<T> partition_equilibrium(const CheapTalkModel<T>& model,
                                              std::size_t steps) {
  constexpr std::string_view fn = "partition_equilibrium";
  const Rational bias = detail::cheap_talk::exact_bias(fn, model);
  detail::require_count(fn, "steps", steps, 1, kMaxPartitionSteps);
  if (!detail::cheap_talk::partition_fits(bias, steps)) {
    std::string message(fn);
    message += ": steps = ";
    message += std::to_string(steps);
    message += ", expected at most ";
    message += std::to_string(detail::cheap_talk::most_steps(bias, steps));
    message += ", the most steps for bias = ";
    message += to_string(model.bias);
    throw ModelError(message);
  }
  return detail::cheap_talk::partition(model.bias, steps);
}

/// The most informative partition equilibrium, the one with N(b) steps: it
/// gives both players the highest expected utility among the partition
/// equilibria. Throws as max_partition_steps does.
template <Scalar T>
PartitionEquilibrium<T> most_informative_equilibrium(
    const CheapTalkModel<T>& model) {
  return detail::cheap_talk::partition(
      model.bias, detail::cheap_talk::most_steps_within_limit(
                      "most_informative_equilibrium", model));
}

}  // namespace bargain
