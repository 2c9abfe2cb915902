// War as bargaining. Fearon (1995): war destroys value, so whenever the sides
// agree on their chances a range of splits exists that both prefer to
// fighting. War between rational states then needs an explanation, and each
// model here is one: disagreement about the odds (mutual optimism), private
// information with an incentive to bluff (the risk-return trade-off), a
// promise that cannot be kept (Powell's shifting power), or a contest of
// endurance (the war of attrition).
//
// Every model is a closed form, templated on the scalar so that Rational gives
// the exact answer and double a fast one, and every function checks its
// inputs first (ModelError naming the parameter). Normalisations differ across
// papers, so each model states its own; the numbers are those of
// shared/oracles/bargaining.md, sections 1e to 1h.
//
// Throughout, x is A's share of a pie of size 1 and B gets 1 - x.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>

#include "bargain/bargaining/interval.hpp"
#include "bargain/bargaining/validate.hpp"
#include "bargain/error.hpp"
#include "bargain/numeric.hpp"

namespace bargain {

/// A risk attitude over shares of the pie: u(z) = z^exponent for z in [0, 1],
/// with 0 < exponent <= 1. Exponent 1 is risk neutral; the smaller the
/// exponent, the more risk averse. Since u(0) = 0 and u(1) = 1, a war won with
/// probability p at a cost of c utils is worth p - c utils.
///
/// Exact scalars need exponent = 1/k for a positive integer k: the share worth
/// v utils is then v^k, a rational. Any other exponent needs double.
struct PowerUtility {
  /// Exact k-th powers are refused beyond this k (LimitError): the numbers
  /// would grow k times longer than the inputs.
  static constexpr unsigned long kMaxExactRootDegree = 1024;

  Rational exponent{1};

  /// u(z) = z, the default.
  static PowerUtility risk_neutral() { return {}; }

  /// u(z) = z^(1/degree): the square root for 2, the cube root for 3.
  static PowerUtility root(unsigned long degree) {
    if (degree == 0)
      throw ModelError(
          "PowerUtility::root: degree = 0, expected a positive integer");
    return {Rational(1, degree)};
  }

  /// The share z whose utility is `utils` (in [0, 1]): z = utils^(1/exponent).
  /// The exponent must have passed detail::require_utility<T>.
  template <Scalar T>
  T inverse(const T& utils) const {
    if constexpr (is_exact_v<T>) {
      return power(utils, denominator(exponent).convert_to<unsigned long>());
    } else {
      return std::pow(utils, to_double(1 / exponent));
    }
  }
};

namespace detail {

/// Throws ModelError unless the exponent is in (0, 1] and, for exact
/// scalars, of the form 1/k (LimitError when k is too large to compute).
template <Scalar T>
void require_utility(std::string_view function, std::string_view parameter,
                     const PowerUtility& utility) {
  const Rational& exponent = utility.exponent;
  const std::string name = std::string(parameter) + ".exponent";
  require(Rational(0) < exponent && exponent <= Rational(1), function, name,
          exponent, "an exponent in (0, 1], 1 being risk neutral");
  if constexpr (is_exact_v<T>) {
    require(numerator(exponent) == 1, function, name, exponent,
            "1/k for exact arithmetic (other exponents need double)");
    if (denominator(exponent) > PowerUtility::kMaxExactRootDegree) {
      std::string message(function);
      message += ": ";
      message += name + " = " + to_string(exponent) +
                 " would raise shares to a power above " +
                 std::to_string(PowerUtility::kMaxExactRootDegree) +
                 ", the most computed exactly";
      throw LimitError(message);
    }
  }
}

/// The shares x that both sides weakly prefer to war, given what war is worth
/// to each in utils: A accepts x when u_A(x) >= its war value, B when
/// u_B(1 - x) >= its own. A side whose war is worth at most 0 accepts every
/// share, so the range always lies in [0, 1].
template <Scalar T>
Interval<T> acceptable_shares(const T& war_value_a, const T& war_value_b,
                              const PowerUtility& utility_a,
                              const PowerUtility& utility_b) {
  const T zero(0);
  return Interval<T>(utility_a.inverse(std::max(war_value_a, zero)),
                     T(1) - utility_b.inverse(std::max(war_value_b, zero)));
}

}  // namespace detail

// ---------------------------------------------------------------------------
// Fearon's bargaining range

/// Fearon's model: A wins a war with probability p; war costs A cost_a and B
/// cost_b, in each side's utils (shares of the pie when risk neutral).
template <Scalar T>
struct FearonModel {
  T p;                       ///< A's chance of winning a war
  T cost_a = T(0);           ///< A's cost of war
  T cost_b = T(0);           ///< B's cost of war
  PowerUtility utility_a{};  ///< risk neutral unless given
  PowerUtility utility_b{};
};

/// The shares x of A that both sides weakly prefer to war:
/// [u_A^-1(p - cost_a), 1 - u_B^-1(1 - p - cost_b)] within [0, 1], which is
/// [p - cost_a, p + cost_b] ∩ [0, 1] when both are risk neutral. Never empty:
/// war's costs leave a surplus, and risk aversion widens the range.
template <Scalar T>
Interval<T> fearon_range(const FearonModel<T>& model) {
  constexpr std::string_view fn = "fearon_range";
  detail::require_probability(fn, "p", model.p);
  detail::require_cost(fn, "cost_a", model.cost_a);
  detail::require_cost(fn, "cost_b", model.cost_b);
  detail::require_utility<T>(fn, "utility_a", model.utility_a);
  detail::require_utility<T>(fn, "utility_b", model.utility_b);
  return detail::acceptable_shares(model.p - model.cost_a,
                                   T(1) - model.p - model.cost_b,
                                   model.utility_a, model.utility_b);
}

// ---------------------------------------------------------------------------
// Mutual optimism

/// Fearon's model with disagreement about the odds: A believes it wins with
/// probability p_a, B believes A wins with probability p_b. Risk neutral;
/// costs in shares of the pie.
template <Scalar T>
struct OptimismModel {
  T p_a;            ///< A's belief that A wins
  T p_b;            ///< B's belief that A wins
  T cost_a = T(0);  ///< A's cost of war
  T cost_b = T(0);  ///< B's cost of war
};

/// The bargaining range under mutual optimism.
template <Scalar T>
struct OptimismRange {
  /// The shares both accept: [p_a - cost_a, p_b + cost_b] ∩ [0, 1], empty
  /// exactly when gap > cost_a + cost_b.
  Interval<T> range;
  /// p_a - p_b: the optimism, how much more A expects than B concedes.
  T gap;
  /// (cost_a + cost_b) - gap, the signed width of [p_a - cost_a,
  /// p_b + cost_b]: optimism eats the surplus war's costs create one for
  /// one, and a negative width says by how much the demands are apart.
  T width;
};

template <Scalar T>
OptimismRange<T> optimism_range(const OptimismModel<T>& model) {
  constexpr std::string_view fn = "optimism_range";
  detail::require_probability(fn, "p_a", model.p_a);
  detail::require_probability(fn, "p_b", model.p_b);
  detail::require_cost(fn, "cost_a", model.cost_a);
  detail::require_cost(fn, "cost_b", model.cost_b);
  const T gap = model.p_a - model.p_b;
  return {detail::acceptable_shares(model.p_a - model.cost_a,
                                    T(1) - model.p_b - model.cost_b,
                                    PowerUtility{}, PowerUtility{}),
          gap, model.cost_a + model.cost_b - gap};
}

// ---------------------------------------------------------------------------
// Shifting power (Powell)

/// A commitment problem in Powell's style, with this normalisation: a pie of
/// 1 per period, a common discount factor delta, and B makes every offer
/// while A can fight at any time. War is absorbing with flow costs: fighting
/// at t is worth (p_t - cost_a)/(1 - delta) to A from then on. A's chance is
/// p0 now and p1 from period 1 on; A is declining when p1 < p0.
template <Scalar T>
struct ShiftingPowerModel {
  T p0;             ///< A's chance of winning a war fought now
  T p1;             ///< A's chance of winning a war fought from period 1 on
  T cost_a = T(0);  ///< A's cost of war per period, in shares of the pie
  T delta;          ///< the common discount factor, in [0, 1)
};

/// Whether the declining side fights now, and what would keep the peace.
template <Scalar T>
struct ShiftingPowerOutcome {
  /// A's value of fighting now: (p0 - cost_a)/(1 - delta).
  T war_value;
  /// The most B can credibly give A: the whole pie today plus A's war value
  /// after the shift, 1 + delta max(p1 - cost_a, 0)/(1 - delta). B cannot
  /// promise more, since tomorrow it will only give what A could take.
  T max_peace_value;
  /// A fights: war_value > max_peace_value (a tie keeps the peace).
  bool war;
  /// g*: the least raise of p1 (a security guarantee: p1 -> p1 + g*) that
  /// restores peace; 0 under peace.
  T guarantee;

  /// max_peace_value - war_value: at least 0 exactly under peace.
  T peace_margin() const { return max_peace_value - war_value; }
};

template <Scalar T>
ShiftingPowerOutcome<T> shifting_power(const ShiftingPowerModel<T>& model) {
  constexpr std::string_view fn = "shifting_power";
  detail::require_probability(fn, "p0", model.p0);
  detail::require_probability(fn, "p1", model.p1);
  detail::require_cost(fn, "cost_a", model.cost_a);
  detail::require_discount(fn, "delta", model.delta);
  const T one(1);
  // How much all future periods weigh against one period now.
  const T future_weight = model.delta / (one - model.delta);
  const T war_value = (model.p0 - model.cost_a) / (one - model.delta);
  const T max_peace_value =
      one + future_weight * std::max(model.p1 - model.cost_a, T(0));
  const bool war = max_peace_value < war_value;
  T guarantee(0);
  if (war) {
    // Peace returns when the post-shift war value p1 + g - cost_a reaches
    // (war_value - 1)/future_weight. That is positive (war needs
    // war_value > 1), so the max above is p1 + g - cost_a itself there, and
    // p1 + g* <= 1 since p0 <= 1. War also needs delta > 0: the division
    // is safe.
    guarantee = (war_value - one) / future_weight + model.cost_a - model.p1;
  }
  return {war_value, max_peace_value, war, guarantee};
}

// ---------------------------------------------------------------------------
// The risk-return trade-off (private information about B's cost)

/// A take-it-or-leave-it offer under uncertainty about B's cost of war.
template <Scalar T>
struct RiskReturnOffer {
  T offer;            ///< A's share in the offer A makes
  T war_probability;  ///< the chance B rejects it and fights
  T value;            ///< A's expected utility from the offer
};

/// A offers B a take-it-or-leave-it split; B's cost of war is cost_low (the
/// tough type) with probability mu, else cost_high >= cost_low (the weak
/// type). B accepts x when x <= p + its cost; shares are capped at 1.
template <Scalar T>
struct TwoTypeCostModel {
  T p;          ///< A's chance of winning a war
  T cost_a;     ///< A's cost of war
  T cost_low;   ///< the tough type's cost of war
  T cost_high;  ///< the weak type's cost of war
  T mu;         ///< the chance that B is tough
};

/// The two-type offer: the safe offer min(p + cost_low, 1) that both types
/// accept, or the risky min(p + cost_high, 1) that the tough type fights.
template <Scalar T>
struct TwoTypeOffer : RiskReturnOffer<T> {
  bool risky;     ///< the risky offer is strictly better (ties go to safe)
  T safe_value;   ///< A's expected utility from the safe offer
  T risky_value;  ///< A's expected utility from the risky offer
  /// mu*: the offer is risky exactly when mu < mu*; (cost_high - cost_low)/
  /// (cost_high + cost_a) without the cap, 0 when the risky offer gains
  /// nothing.
  T critical_mu;
};

template <Scalar T>
TwoTypeOffer<T> two_type_offer(const TwoTypeCostModel<T>& model) {
  constexpr std::string_view fn = "two_type_offer";
  detail::require_probability(fn, "p", model.p);
  detail::require_cost(fn, "cost_a", model.cost_a);
  detail::require_cost(fn, "cost_low", model.cost_low);
  detail::require_cost(fn, "cost_high", model.cost_high);
  std::string at_least_low("at least cost_low = ");
  at_least_low += to_string(model.cost_low);
  detail::require(model.cost_low <= model.cost_high, fn, "cost_high",
                  model.cost_high, at_least_low);
  detail::require_probability(fn, "mu", model.mu);
  const T one(1);
  const T safe_offer = std::min(model.p + model.cost_low, one);
  const T risky_offer = std::min(model.p + model.cost_high, one);
  const T war_value = model.p - model.cost_a;
  const T risky_value = (one - model.mu) * risky_offer + model.mu * war_value;
  const T gain = risky_offer - safe_offer;  // what the weak type concedes
  const T critical_mu = gain == T(0) ? T(0) : gain / (risky_offer - war_value);
  const bool risky = safe_offer < risky_value;
  return {{risky ? risky_offer : safe_offer, risky ? model.mu : T(0),
           risky ? risky_value : safe_offer},
          risky,
          safe_offer,
          risky_value,
          critical_mu};
}

/// A offers B a take-it-or-leave-it split; B's cost of war is uniform on
/// [0, cost_b_max]. B accepts x when x <= p + its cost; shares are capped at 1.
template <Scalar T>
struct UniformCostModel {
  T p;           ///< A's chance of winning a war
  T cost_a;      ///< A's cost of war
  T cost_b_max;  ///< the upper end of B's cost, which is uniform from 0
};

/// A's optimal offer x* = p + (cost_b_max - cost_a)/2, rejected with
/// probability (cost_b_max - cost_a)/(2 cost_b_max); when cost_a >=
/// cost_b_max war costs A too much to risk it, and A offers p for sure
/// peace. The offer is capped at 1.
template <Scalar T>
RiskReturnOffer<T> uniform_cost_offer(const UniformCostModel<T>& model) {
  constexpr std::string_view fn = "uniform_cost_offer";
  detail::require_probability(fn, "p", model.p);
  detail::require_cost(fn, "cost_a", model.cost_a);
  detail::require_positive(fn, "cost_b_max", model.cost_b_max,
                           "a positive upper bound of B's cost");
  const T zero(0), one(1);
  // A asks for p + y; B fights when its cost is below y. A's expected
  // utility p - cost_a + (1 - y/cost_b_max)(y + cost_a) is concave in y,
  // so the capped stationary point is the optimum.
  const T y = std::min(std::max((model.cost_b_max - model.cost_a) / 2, zero),
                       one - model.p);
  const T war_probability = y / model.cost_b_max;
  const T offer = model.p + y;
  return {offer, war_probability,
          (one - war_probability) * offer +
              war_probability * (model.p - model.cost_a)};
}

// ---------------------------------------------------------------------------
// War of attrition

/// One side of a war of attrition: the prize it wins when the other concedes,
/// and its cost of a period in which neither concedes.
template <Scalar T>
struct Contestant {
  T prize;  ///< what winning is worth
  T cost;   ///< the cost of a period (or unit of time) of fighting on
};

/// The stationary mixed equilibrium of the discrete war of attrition.
template <Scalar T>
struct AttritionEquilibrium {
  /// Each side's chance of conceding in each period.
  std::array<T, 2> concede;
  /// The chance that at least one side concedes in a period.
  T end_probability;
  /// The expected number of periods, counting the one in which it ends.
  T expected_periods;
  /// Each side's expected total cost, paid in every period but the last.
  /// It equals the expected prize: the rent is dissipated in full.
  std::array<T, 2> expected_cost;
};

/// The discrete war of attrition: each period both sides choose to concede
/// or to stay. A side that stays while the other concedes wins its prize; if
/// both stay, each pays its cost and the contest goes on; conceding (also
/// both at once) gives 0. In the stationary mixed equilibrium each side
/// concedes with the probability that leaves the other indifferent,
/// cost/(prize + cost) of the other side, whatever the discounting (the
/// continuation is worth 0). So it is the other side's stakes that set a
/// side's concessions: with equal costs, the side with the larger prize
/// concedes more often.
template <Scalar T>
AttritionEquilibrium<T> attrition_equilibrium(const Contestant<T>& first,
                                              const Contestant<T>& second) {
  constexpr std::string_view fn = "attrition_equilibrium";
  detail::require_positive(fn, "first.prize", first.prize, "a positive prize");
  detail::require_positive(fn, "first.cost", first.cost,
                           "a positive cost per period");
  detail::require_positive(fn, "second.prize", second.prize,
                           "a positive prize");
  detail::require_positive(fn, "second.cost", second.cost,
                           "a positive cost per period");
  const T one(1);
  const std::array<T, 2> concede{second.cost / (second.prize + second.cost),
                                 first.cost / (first.prize + first.cost)};
  const T end_probability = one - (one - concede[0]) * (one - concede[1]);
  const T expected_periods = one / end_probability;
  return {concede,
          end_probability,
          expected_periods,
          {first.cost * (expected_periods - one),
           second.cost * (expected_periods - one)}};
}

/// The symmetric war of attrition in continuous time.
template <Scalar T>
struct ContinuousAttrition {
  T hazard;             ///< each side's concession rate: cost/prize
  T expected_duration;  ///< prize/(2 cost): the first of two concessions
  T expected_cost;      ///< per side, prize/2: together the whole prize
};

/// Both sides pay `each.cost` per unit of time and win `each.prize`; in the
/// symmetric equilibrium each concedes at the constant rate that leaves the
/// other indifferent.
template <Scalar T>
ContinuousAttrition<T> continuous_attrition(const Contestant<T>& each) {
  constexpr std::string_view fn = "continuous_attrition";
  detail::require_positive(fn, "each.prize", each.prize, "a positive prize");
  detail::require_positive(fn, "each.cost", each.cost,
                           "a positive cost per unit of time");
  const T hazard = each.cost / each.prize;
  const T expected_duration = T(1) / (2 * hazard);
  return {hazard, expected_duration, each.cost * expected_duration};
}

}  // namespace bargain
