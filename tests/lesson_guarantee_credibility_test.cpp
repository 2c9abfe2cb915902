#include <doctest/doctest.h>

#include "lessons/guarantee_credibility.hpp"

using lessons::Rational;

TEST_CASE("lesson_guarantee_credibility: credibility per option") {
  const auto f = lessons::guarantee_credibility();
  const auto& honoured = f.honoured.options;
  CHECK(honoured[f.treaty].credible);
  CHECK_FALSE(honoured[f.troops].credible);
  CHECK_FALSE(honoured[0].credible);  // no guarantee
  for (const auto& o : f.not_honoured.options) CHECK_FALSE(o.credible);
}

TEST_CASE("lesson_guarantee_credibility: what credibility is worth") {
  const auto f = lessons::guarantee_credibility();
  REQUIRE(f.deal);
  const auto& s = f.honoured.scenario;
  const auto& g = s.guarantees[0];
  CHECK((*f.deal)[f.issue] == f.treaty);
  // At the deal, a credible guarantee spares Ukraine its expected losses
  // and denies Russia its gains, for ever: rho * loss / (1 - delta).
  CHECK(f.worth[g.victim] == g.strike_probability * g.victim_loss /
                                 (1 - s.actors[g.victim].discount));
  CHECK(f.worth[g.aggressor] == -g.strike_probability * g.strike_gain /
                                    (1 - s.actors[g.aggressor].discount));
  CHECK(f.worth[g.victim] == 6);
  CHECK(f.worth[g.aggressor] == -2);
  // Troops without a commitment deter nothing: the deal with them is worth
  // the same to Ukraine whether or not the treaty would be honoured.
  CHECK(f.honoured.options[f.troops].deal_value ==
        f.not_honoured.options[f.troops].deal_value);
}

TEST_CASE("lesson_guarantee_credibility: the equilibrium changes") {
  const auto f = lessons::guarantee_credibility();
  REQUIRE(f.deal);
  const auto& g = f.honoured.scenario.guarantees[0];
  CHECK(f.honoured.summary.settlement == 1);
  CHECK(f.not_honoured.summary.first_zopa == 0);
  CHECK_FALSE(f.not_honoured.agreed);
  CHECK(f.not_honoured.summary.settlement == 0);
  // The deal, once its guarantee is not credible, is worth less to Ukraine
  // than fighting on; both sides gain from a guarantee that would be
  // honoured, Russia because it makes the deal possible at all.
  CHECK(f.not_honoured.options[f.treaty].deal_value[g.victim] <
        f.not_honoured.summary.payoffs[g.victim]);
  CHECK(f.equilibrium_gain[g.victim] > 0);
  CHECK(f.equilibrium_gain[g.aggressor] > 0);
}
