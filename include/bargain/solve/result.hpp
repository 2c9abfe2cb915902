// What every solver returns: equilibria that have been verified, each with
// its payoffs and the record of that verification. Nothing unverified
// leaves a solver: a failed check throws VerificationFailure instead.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "bargain/error.hpp"
#include "bargain/game/profile.hpp"
#include "bargain/numeric.hpp"

namespace bargain {

/// How much any player could gain by deviating, computed afresh from the
/// profile; the equilibrium holds when that is at most the tolerance, which
/// is zero for exact scalars.
template <Scalar T>
struct Verification {
  std::string criterion;  ///< what was checked, in words
  T max_regret = T(0);    ///< the largest gain from a deviation found
  T tolerance = T(0);     ///< 0 in exact mode
  bool passed() const { return max_regret <= tolerance; }
};

/// The tolerance a double computation is verified to: 1e-9 relative to the
/// largest absolute payoff (at least 1). Exact computations get zero.
template <Scalar T>
T verification_tolerance(const T& payoff_scale) {
  if constexpr (is_exact_v<T>) {
    return T(0);
  } else {
    return 1e-9 * std::max(1.0, std::abs(payoff_scale));
  }
}

template <Scalar T>
struct Equilibrium {
  BehaviorProfile<T> profile;
  /// Each player's expected payoff, under that player's own beliefs.
  std::vector<T> payoffs;
  /// Each player's expected payoff under the objective odds (the same as
  /// `payoffs` unless some player holds subjective beliefs).
  std::vector<T> objective_payoffs;
  Verification<T> verification;
};

template <Scalar T>
struct SolveResult {
  std::string method;
  std::vector<Equilibrium<T>> equilibria;
  /// How many equilibria of the kind sought exist: more than
  /// equilibria.size() when a cap stopped the listing. Exact unless
  /// total_is_lower_bound (counts beyond 2^62 are reported as "at least").
  std::uint64_t total_count = 0;
  bool total_is_lower_bound = false;

  bool truncated() const {
    return total_is_lower_bound || total_count > equilibria.size();
  }
};

/// Throws when a check failed: a solver must never return such a result.
template <Scalar T>
void require_verified(const Verification<T>& v, std::string_view method) {
  if (!v.passed())
    throw VerificationFailure(std::string(method) + ": " + v.criterion +
                              " failed with regret " + to_string(v.max_regret) +
                              " above tolerance " + to_string(v.tolerance));
}

}  // namespace bargain
