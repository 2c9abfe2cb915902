#include <doctest/doctest.h>

#include "lessons/battlefield_calculus.hpp"

TEST_CASE("battlefield calculus: mutual optimism empties the ZOPA") {
  const auto b = lessons::battlefield_calculus();
  CHECK(b.optimistic.first_zopa == 0);
  CHECK(b.objective.first_zopa > 0);
  CHECK(b.optimistic.settlement == 0);
  CHECK(b.objective.settlement == 1);
  // Moscow's optimism alone is enough here; Kyiv's alone is not.
  REQUIRE(b.one_optimist.size() == 2);
  CHECK(b.one_optimist[0].first_zopa == 0);
  CHECK(b.one_optimist[1].first_zopa > 0);
}

TEST_CASE("battlefield calculus: an exact aid level reopens the ZOPA") {
  const auto b = lessons::battlefield_calculus();
  // Moscow's slack is (its deal value) - (its war value), a Moebius function
  // of aid when it believes a stalled front stays stalled: the root is the
  // rational 31/38.
  REQUIRE(b.reopening.is_exact());
  const lessons::Rational aid = b.reopening.bracket.lo();
  CHECK(aid == lessons::Rational(31, 38));
  CHECK(b.reopening.below < 0);
  CHECK(b.reopening.above > 0);
  // The solver's own bracket agrees: no deal just below, a settlement at a*.
  CHECK(b.outcome_change.bracket.lo() < aid);
  CHECK(b.outcome_change.bracket.hi() >= aid);
  CHECK(b.below.first_zopa == 0);
  CHECK(b.at.first_zopa > 0);
  CHECK(b.at.settlement == 1);
  // Along the sweep the slack's sign is the ZOPA's.
  for (std::size_t i = 0; i < b.sweep.size(); ++i)
    CHECK((b.slack[i] >= 0) == (b.sweep[i].second.first_zopa > 0));
}
