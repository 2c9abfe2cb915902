#include <doctest/doctest.h>

#include "lessons/two_tracks_2025.hpp"

using bargain::ProtocolKind;

TEST_CASE("two tracks 2025: either track alone stalls, linked packages agree") {
  const auto t = lessons::two_tracks_2025();
  REQUIRE(t.cases.size() == 4);
  const auto& cf = t.cases[0];
  const auto& so = t.cases[1];
  const auto& gb = t.cases[2];
  const auto& pa = t.cases[3];
  CHECK(cf.kind == ProtocolKind::ceasefire_first);
  CHECK(!cf.round_one_deal);
  CHECK(!so.round_one_deal);
  CHECK(gb.round_one_deal);
  CHECK(pa.round_one_deal);
  // Stalling costs fighting; the linked package ends the war at once.
  CHECK(cf.summary.war_rounds > 0);
  CHECK(so.summary.war_rounds > cf.summary.war_rounds);
  CHECK(gb.summary.war_rounds == 0);
  CHECK(pa.summary.settlement == 1);
  CHECK(pa.first_settlement == 1);
  // The ceasefire track agrees later, and a settlement follows it.
  CHECK(cf.first_ceasefire == 2);
  CHECK(cf.first_settlement == 3);
  CHECK(cf.summary.settlement < 1);
  // Parallel tracks agree on the grand bargain's linked package.
  CHECK(pa.deal == gb.deal);
  const auto& linked = pa.summary.solution.path.at(0).choices.at(0);
  CHECK(linked.scope == bargain::Scope::linked);
  // Speed has a price: the linked package concedes de facto recognition
  // (issue 3), and Ukraine fares better on the slower ceasefire track.
  CHECK(linked.backed.at(3) == 1);
  CHECK(cf.summary.payoffs[1] > pa.summary.payoffs[1]);
}

TEST_CASE("two tracks 2025: the window of Moscow's advance flow") {
  const auto t = lessons::two_tracks_2025();
  const auto& cf = t.cases[0];
  const auto& so = t.cases[1];
  const auto& pa = t.cases[3];
  // The ceasefire track stalls above its threshold, linked packages below
  // theirs; the scenario's flow lies between, where the essay's pattern
  // holds.
  REQUIRE(cf.advance_threshold);
  REQUIRE(pa.advance_threshold);
  CHECK(cf.advance_threshold->bracket.hi() < t.advance_flow);
  CHECK(t.advance_flow < pa.advance_threshold->bracket.lo());
  CHECK(pa.advance_threshold->bracket.lo() == lessons::Rational(4, 5));
  // The settlement track alone stalls in round 1 whatever the flow.
  CHECK(!so.advance_threshold);
}
