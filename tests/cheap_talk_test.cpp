// Crawford-Sobel cheap talk against shared/oracles/bargaining.md §1h H3 (CS
// ids in the test names), with the equilibrium conditions checked directly.
#include "bargain/bargaining/cheap_talk.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <vector>

using namespace bargain;

namespace {

Rational R(long n, long d = 1) { return Rational(n, d); }

CheapTalkModel<Rational> bias(const Rational& b) { return {b}; }

// Σ_i ∫ over step i of (action_i - θ - shift)² dθ for θ ~ U[0, 1]: the
// expected loss of a player whose ideal action is θ + shift, integrated
// from the boundaries and actions alone.
Rational expected_loss(const PartitionEquilibrium<Rational>& eq,
                       const Rational& shift) {
  Rational loss(0);
  for (std::size_t i = 0; i < eq.steps(); ++i) {
    const Rational from = eq.actions[i] - eq.boundaries[i] - shift;
    const Rational to = eq.actions[i] - eq.boundaries[i + 1] - shift;
    loss += (from * from * from - to * to * to) / 3;
  }
  return loss;
}

}  // namespace

TEST_CASE("CS-1..6 the most informative equilibrium: N, boundaries, EU") {
  struct Row {
    const char* id;
    Rational b;
    std::size_t steps;
    std::vector<Rational> boundaries;
    Rational receiver, sender;
  };
  const Row rows[] = {
      {"CS-1", R(1, 4), 1, {R(0), R(1)}, R(-1, 12), R(-7, 48)},
      {"CS-2", R(1, 5), 2, {R(0), R(1, 10), R(1)}, R(-73, 1200), R(-121, 1200)},
      {"CS-3", R(1, 10), 2, {R(0), R(3, 10), R(1)}, R(-37, 1200), R(-49, 1200)},
      {"CS-4",
       R(1, 20),
       3,
       {R(0), R(2, 15), R(7, 15), R(1)},
       R(-43, 2700),
       R(-199, 10800)},
      {"CS-5",
       R(1, 40),
       4,
       {R(0), R(1, 10), R(3, 10), R(3, 5), R(1)},
       R(-1, 120),
       R(-43, 4800)},
      {"CS-6",
       R(1, 100),
       7,
       {R(0), R(4, 175), R(3, 35), R(33, 175), R(58, 175), R(18, 35),
        R(129, 175), R(1)},
       R(-1213, 367500),
       R(-4999, 1470000)},
  };
  for (const Row& row : rows) {
    CAPTURE(row.id);
    CHECK(max_partition_steps(bias(row.b)) == row.steps);
    const auto eq = most_informative_equilibrium(bias(row.b));
    CHECK(eq.steps() == row.steps);
    CHECK(eq.boundaries == row.boundaries);
    CHECK(eq.receiver_utility == row.receiver);
    CHECK(eq.sender_utility == row.sender);
    CHECK(partition_equilibrium(bias(row.b), row.steps).boundaries ==
          row.boundaries);

    // Double agrees to rounding.
    const CheapTalkModel<double> fast_model{to_double(row.b)};
    CHECK(max_partition_steps(fast_model) == row.steps);
    const auto fast = most_informative_equilibrium(fast_model);
    REQUIRE(fast.boundaries.size() == row.boundaries.size());
    for (std::size_t i = 0; i < row.boundaries.size(); ++i)
      CHECK(fast.boundaries[i] ==
            doctest::Approx(to_double(row.boundaries[i])).epsilon(1e-12));
    CHECK(fast.receiver_utility ==
          doctest::Approx(to_double(row.receiver)).epsilon(1e-12));
    CHECK(fast.sender_utility ==
          doctest::Approx(to_double(row.sender)).epsilon(1e-12));
  }
}

TEST_CASE("CS: every N-step equilibrium satisfies the equilibrium conditions") {
  for (long k = 3; k <= 400; k += 7) {
    const Rational b = R(1, k);
    CAPTURE(b);
    for (std::size_t n = 1; n <= max_partition_steps(bias(b)); ++n) {
      CAPTURE(n);
      const auto eq = partition_equilibrium(bias(b), n);
      REQUIRE(eq.steps() == n);
      REQUIRE(eq.boundaries.size() == n + 1);
      CHECK(eq.boundaries.front() == 0);
      CHECK(eq.boundaries.back() == 1);
      for (std::size_t i = 0; i < n; ++i) {
        CHECK(eq.boundaries[i] < eq.boundaries[i + 1]);
        // The receiver's reply is its expected state given the step.
        CHECK(eq.actions[i] == (eq.boundaries[i] + eq.boundaries[i + 1]) / 2);
      }
      // The sender at an inner boundary is indifferent between the actions
      // on either side: its ideal a_i + b is their midpoint.
      for (std::size_t i = 1; i < n; ++i)
        CHECK(eq.actions[i - 1] + eq.actions[i] == 2 * (eq.boundaries[i] + b));
      // The utilities, integrated from the partition itself.
      CHECK(eq.receiver_utility == -expected_loss(eq, 0));
      CHECK(eq.sender_utility == -expected_loss(eq, b));
    }
  }
}

TEST_CASE("CS: N(b) agrees with the oracle's ceil formula") {
  for (long k = 1; k <= 2000; ++k) {
    CAPTURE(k);
    const double formula =
        std::ceil(-0.5 + 0.5 * std::sqrt(1 + 2 * static_cast<double>(k)));
    CHECK(max_partition_steps(bias(R(1, k))) ==
          static_cast<std::size_t>(formula));
  }
}

TEST_CASE("CS: N(b) is exact at the thresholds b = 1/(2N(N-1))") {
  const Rational tiny = R(1, 1'000'000'000) * R(1, 1'000'000'000);
  for (std::size_t n = 2; n <= 60; ++n) {
    CAPTURE(n);
    const Rational threshold = 1 / (2 * Rational(n) * Rational(n - 1));
    CHECK(max_partition_steps(bias(threshold)) == n - 1);
    CHECK(max_partition_steps(bias(threshold - tiny)) == n);
  }
  // For double, on the double's own value: 0.25 is exact, and the double
  // just below it allows two steps.
  CHECK(max_partition_steps(CheapTalkModel<double>{0.25}) == 1);
  CHECK(max_partition_steps(
            CheapTalkModel<double>{std::nextafter(0.25, 0.0)}) == 2);
  // The least bias within the limit.
  const Rational k(kMaxPartitionSteps);
  CHECK(max_partition_steps(bias(1 / (2 * k * (k + 1)))) == kMaxPartitionSteps);
}

TEST_CASE("CS: the receiver's utility falls weakly as the bias grows") {
  Rational previous =
      most_informative_equilibrium(bias(R(1, 2000))).receiver_utility;
  for (long k = 2; k <= 700; ++k) {
    const Rational b = R(k, 2000);
    CAPTURE(b);
    const auto eq = most_informative_equilibrium(bias(b));
    CHECK(eq.receiver_utility <= previous);
    previous = eq.receiver_utility;
  }
  // Past b = 1/4 only babbling is left.
  CHECK(previous == R(-1, 12));
}

TEST_CASE("CS: more steps inform more, so N(b) steps are best for both") {
  for (const Rational& b : {R(1, 20), R(1, 100), R(3, 1000)}) {
    CAPTURE(b);
    const std::size_t most = max_partition_steps(bias(b));
    Rational receiver = partition_equilibrium(bias(b), 1).receiver_utility;
    CHECK(receiver == R(-1, 12));  // babbling: the prior's variance
    for (std::size_t n = 2; n <= most; ++n) {
      const auto eq = partition_equilibrium(bias(b), n);
      CHECK(receiver < eq.receiver_utility);
      receiver = eq.receiver_utility;
    }
    CHECK(most_informative_equilibrium(bias(b)).receiver_utility == receiver);
  }
}

TEST_CASE("CS: bad inputs are refused") {
  CHECK_THROWS_WITH_AS(max_partition_steps(bias(R(0))),
                       "max_partition_steps: bias = 0, expected a positive "
                       "bias",
                       ModelError);
  CHECK_THROWS_WITH_AS(most_informative_equilibrium(bias(R(-1, 10))),
                       "most_informative_equilibrium: bias = -1/10, expected "
                       "a positive bias",
                       ModelError);
  CHECK_THROWS_WITH_AS(
      most_informative_equilibrium(CheapTalkModel<double>{std::nan("")}),
      doctest::Contains("bias = nan"), ModelError);
  CHECK_THROWS_WITH_AS(partition_equilibrium(bias(R(-1)), 1),
                       doctest::Contains("bias = -1"), ModelError);
  CHECK_THROWS_WITH_AS(partition_equilibrium(bias(R(1, 10)), 3),
                       "partition_equilibrium: steps = 3, expected at most 2, "
                       "the most steps for bias = 1/10",
                       ModelError);
  CHECK_THROWS_WITH_AS(partition_equilibrium(bias(R(1, 4)), 2),
                       "partition_equilibrium: steps = 2, expected at most 1, "
                       "the most steps for bias = 1/4",
                       ModelError);
  CHECK_THROWS_WITH_AS(partition_equilibrium(bias(R(1, 10)), 0),
                       "partition_equilibrium: steps = 0, expected at least 1",
                       ModelError);
  CHECK_THROWS_AS(partition_equilibrium(bias(R(1, 10)), kMaxPartitionSteps + 1),
                  LimitError);
  const Rational k(kMaxPartitionSteps);
  const Rational too_small = 1 / (2 * k * (k + 1)) - R(1, 1'000'000'000) *
                                                         R(1, 1'000'000'000) *
                                                         R(1, 1'000'000);
  CHECK_THROWS_WITH_AS(
      max_partition_steps(bias(too_small)),
      doctest::Contains("allows more than 1000000 steps, the most computed; "
                        "expected a bias of at least 1/2000002000000"),
      LimitError);
  CHECK_THROWS_AS(most_informative_equilibrium(CheapTalkModel<double>{1e-300}),
                  LimitError);
}
