#include <doctest/doctest.h>

#include "lessons/security_first.hpp"

TEST_CASE("lesson_security_first: a security deal under the essay's weights") {
  const auto f = lessons::security_first();
  const auto& s = f.essay.scenario;
  CHECK(f.essay.summary.first_zopa > 0);
  CHECK(f.security_deal);
  REQUIRE(f.essay.agreed);
  const auto& agreed = *f.essay.agreed;
  CHECK(lessons::settles_security_only(f, s, agreed));
  // Neutrality traded for a guarantee the guarantors back.
  CHECK(s.issues[f.security[0]].options[agreed[f.security[0]]].name ==
        "neutral");
  CHECK(s.issues[f.security[1]].options[agreed[f.security[1]]].name ==
        "Article-5-like");
  CHECK(f.essay.summary.settlement == 1);
}

TEST_CASE("lesson_security_first: flipped toward territory, no ZOPA") {
  const auto f = lessons::security_first();
  CHECK(f.flipped.summary.first_zopa == 0);
  CHECK(f.flipped.frontier.empty());
  CHECK_FALSE(f.flipped.agreed);
  CHECK(f.flipped_empty);
  CHECK(f.flipped.summary.settlement == 0);
}

TEST_CASE("lesson_security_first: the flip keeps each actor's total weight") {
  const auto f = lessons::security_first();
  for (std::size_t i = 0; i < f.essay.scenario.actors.size(); ++i) {
    lessons::Rational before = 0, after = 0;
    for (const auto& w : f.essay.scenario.actors[i].salience) before += w;
    for (const auto& w : f.flipped.scenario.actors[i].salience) after += w;
    CHECK(before == after);
  }
}

TEST_CASE("lesson_security_first: the ZOPA empties part of the way") {
  const auto f = lessons::security_first();
  REQUIRE(f.zopa_by_share.size() == 5);
  CHECK(f.zopa_by_share.front().second == f.essay.summary.first_zopa);
  CHECK(f.zopa_by_share.back().second == 0);
  REQUIRE(f.closes);
  CHECK_FALSE(f.closes->below);
  CHECK(f.closes->above);
  CHECK(f.closes->bracket.lo() > 0);
  CHECK(f.closes->bracket.hi() < 1);
}
