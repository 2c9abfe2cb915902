// The parts of rubinstein.hpp that are not templates: the continuous-time
// shares (double only), the grid game's size and its exact grid.
#include "bargain/bargaining/rubinstein.hpp"

#include <boost/multiprecision/gmp.hpp>
#include <cmath>
#include <limits>

namespace bargain {

BargainingOutcome<double> rubinstein_continuous_time(double rate1, double rate2,
                                                     double period) {
  constexpr std::string_view fn = "rubinstein_continuous_time";
  detail::alternating::require_rates(fn, rate1, rate2);
  detail::require(std::isfinite(period) && 0.0 < period, fn, "period", period,
                  "a positive time step");
  // 1 - exp(-r period) by expm1: the difference of two numbers near 1 would
  // lose the digits that matter as the period shrinks.
  return detail::alternating::two_player_agreement(
      detail::alternating::first_proposer_share(-std::expm1(-rate1 * period),
                                                -std::expm1(-rate2 * period)));
}

std::uint64_t rubinstein_game_nodes(std::size_t rounds, std::size_t grid) {
  constexpr std::uint64_t kSaturated =
      std::numeric_limits<std::uint64_t>::max();
  const auto times = [](std::uint64_t a, std::uint64_t b) {
    std::uint64_t product;
    return __builtin_mul_overflow(a, b, &product) ? kSaturated : product;
  };
  const auto plus = [](std::uint64_t a, std::uint64_t b) {
    std::uint64_t sum;
    return __builtin_add_overflow(a, b, &sum) ? kSaturated : sum;
  };
  const std::uint64_t offers = plus(grid, 1);
  // Each proposer node, its offers' reply nodes and their accept leaves.
  const std::uint64_t per_proposer = plus(1, times(2, offers));
  std::uint64_t total = 0, proposers = 1;  // proposer nodes in this round
  for (std::size_t t = 1; t <= rounds && total != kSaturated; ++t) {
    total = plus(total, times(proposers, per_proposer));
    proposers = times(proposers, offers);
  }
  return plus(total, proposers);  // the last round's reject leaves
}

std::size_t rubinstein_exact_grid(const Rational& delta1,
                                  const Rational& delta2, std::size_t rounds) {
  const auto keep = detail::alternating::proposer_shares(
      "rubinstein_exact_grid", delta1, delta2, rounds);
  const Rational delta[2] = {delta1, delta2};
  // The integer type of a Rational's parts.
  decltype(denominator(Rational())) grid = 1;
  for (std::size_t t = 1; t < rounds; ++t) {
    // Round t's offer: what the next proposer's keep is worth to it now.
    const Rational offer = delta[t % 2] * keep[t];
    grid = boost::multiprecision::lcm(grid, denominator(offer));
  }
  if (grid > std::numeric_limits<std::size_t>::max())
    throw LimitError(std::string("rubinstein_exact_grid: the exact grid has ") +
                     grid.str() + " steps, above the largest size_t");
  return grid.convert_to<std::size_t>();
}

}  // namespace bargain
