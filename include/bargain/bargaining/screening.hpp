// Two-period screening: stated positions are opening offers. A seller who
// does not know what the buyer will pay names a price and, if it is refused,
// a second and last one. Whoever accepts the first price reveals a high
// value, and whoever refuses it makes the seller concede; a buyer who sees
// the concession coming pays a high opening price only if it leaves him as
// much as waiting would. So the opening offer is a position the seller
// expects to move from, and what it can ask is limited by its own future
// concession (the Coasian concession of Fudenberg and Tirole 1983).
//
// The seller-optimal perfect Bayesian equilibrium is the best of three
// closed-form plans (shared/oracles/bargaining.md §1h, H2), templated on
// the scalar so that Rational gives the exact answer and double a fast one.
// Profits are in period-1 present value.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bargain/bargaining/validate.hpp"
#include "bargain/numeric.hpp"

namespace bargain {

/// A seller faces a buyer whose value is value_high with probability mu,
/// else value_low. The seller names a first price and, after a refusal, a
/// second and last one; both sides discount the second period by delta. A
/// buyer indifferent between buying and not buys.
template <Scalar T>
struct ScreeningModel {
  T value_high;  ///< vH, the high type's value, above value_low
  T value_low;   ///< vL >= 0, the low type's value
  T mu;          ///< the chance that the buyer's value is high
  T delta;       ///< the common discount factor, in [0, 1)
};

/// The seller's candidate plans, from the simplest to the most elaborate.
enum class ScreeningRegime {
  pool,    ///< price vL at once: every type buys in period 1
  screen,  ///< price p̂ then vL: the high type buys first, the low type later
  mix,     ///< price vH twice: the high type spreads its purchase, the low
           ///< type never buys
};

/// One plan of the seller with the buyer's best response to it.
template <Scalar T>
struct ScreeningPlan {
  ScreeningRegime regime;  ///< which of the three plans this is
  T first_price;           ///< p1
  /// p2; none when every type buys in period 1 (pooling ends the game).
  std::optional<T> second_price;
  /// The chance that the high type accepts p1: 1, except σ* under mixing.
  T high_accepts_first;
  T profit;  ///< the seller's expected profit, in period-1 present value
  T agreement_first;   ///< the chance of a sale in period 1
  T agreement_second;  ///< the chance of a sale in period 2
  T no_agreement;      ///< the chance that the buyer never buys
};

/// The three candidate plans and the seller-optimal equilibrium among them.
template <Scalar T>
struct ScreeningOutcome {
  /// p̂ = (1 - delta) vH + delta vL: the highest first price the high type
  /// accepts for sure when the seller will then concede to vL.
  T screening_price;
  ScreeningPlan<T> pool;    ///< p1 = vL
  ScreeningPlan<T> screen;  ///< p1 = p̂, then p2 = vL
  /// Exists only when mu vH > vL: otherwise, after a refusal of vH, the
  /// seller would concede to vL and no high type would buy at vH.
  std::optional<ScreeningPlan<T>> mix;
  /// The most profitable plan; ties go to the simpler one, pool before
  /// screen (one period, not two) before mix (no randomising buyer).
  ScreeningRegime regime;

  /// The equilibrium plan, the one named by `regime`.
  const ScreeningPlan<T>& equilibrium() const {
    if (regime == ScreeningRegime::mix) return *mix;
    return regime == ScreeningRegime::screen ? screen : pool;
  }
};

namespace detail {

/// A plan from the seller's prices and the chance each type accepts p1;
/// in period 2 each remaining type buys exactly when p2 is at most its
/// value (the last offer: nothing is gained by waiting).
template <Scalar T>
ScreeningPlan<T> screening_plan(const ScreeningModel<T>& model,
                                ScreeningRegime regime, const T& first_price,
                                const std::optional<T>& second_price,
                                const T& high_accepts_first,
                                const T& low_accepts_first) {
  const T one(1);
  const T high_left = model.mu * (one - high_accepts_first);
  const T low_left = (one - model.mu) * (one - low_accepts_first);
  const T agreement_first = one - high_left - low_left;
  T agreement_second(0);
  T second_revenue(0);
  if (second_price) {
    if (*second_price <= model.value_high) agreement_second += high_left;
    if (*second_price <= model.value_low) agreement_second += low_left;
    second_revenue = *second_price * agreement_second;
  }
  return {regime,
          first_price,
          second_price,
          high_accepts_first,
          first_price * agreement_first + model.delta * second_revenue,
          agreement_first,
          agreement_second,
          one - agreement_first - agreement_second};
}

}  // namespace detail

/// The seller-optimal perfect Bayesian equilibrium of the two-period
/// screening game, with the other candidate plans:
///  - pool: p1 = vL, which every type accepts; profit vL.
///  - screen: p1 = p̂, which exactly the high type accepts, then p2 = vL;
///    profit mu p̂ + (1 - mu) delta vL.
///  - mix (when mu vH > vL): p1 = vH, which the high type accepts with
///    probability σ* = 1 - vL (1 - mu)/(mu (vH - vL)), then p2 = vH. After
///    a refusal the seller believes the buyer high with probability vL/vH,
///    so it is indifferent between vH and vL in period 2 and may charge vH,
///    which in turn leaves the high type indifferent in period 1. Profit
///    mu σ* vH + delta vL (1 - mu σ*); the low type never buys.
/// Throws ModelError unless vL >= 0, vH > vL, mu in [0, 1], delta in [0, 1).
template <Scalar T>
ScreeningOutcome<T> two_period_screening(const ScreeningModel<T>& model) {
  constexpr std::string_view fn = "two_period_screening";
  detail::require_nonnegative(fn, "value_low", model.value_low,
                              "a value of at least 0");
  std::string above_low("a value above value_low = ");
  above_low += to_string(model.value_low);
  detail::require(
      detail::is_finite(model.value_high) && model.value_low < model.value_high,
      fn, "value_high", model.value_high, above_low);
  detail::require_probability(fn, "mu", model.mu);
  detail::require_discount(fn, "delta", model.delta);

  const T& high = model.value_high;
  const T& low = model.value_low;
  const T one(1), zero(0);
  const T screening_price = (one - model.delta) * high + model.delta * low;
  ScreeningOutcome<T> out{
      screening_price,
      detail::screening_plan(model, ScreeningRegime::pool, low, {}, one, one),
      detail::screening_plan<T>(model, ScreeningRegime::screen, screening_price,
                                low, one, zero),
      std::nullopt, ScreeningRegime::pool};
  if (low < model.mu * high) {
    const T sigma = one - low * (one - model.mu) / (model.mu * (high - low));
    out.mix = detail::screening_plan<T>(model, ScreeningRegime::mix, high, high,
                                        sigma, zero);
  }
  // Later candidates must be strictly better: ties go to the simpler plan.
  if (out.pool.profit < out.screen.profit) out.regime = ScreeningRegime::screen;
  if (out.mix && out.equilibrium().profit < out.mix->profit)
    out.regime = ScreeningRegime::mix;
  return out;
}

}  // namespace bargain
