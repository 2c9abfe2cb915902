// The Istanbul 2022 lesson emerges from the solver: with the guarantors
// outside and averse to being bound, talks collapse; backed, the
// communique is agreed at once; without Kyiv's optimism, a settlement
// without the guarantee comes instead.
#include <doctest/doctest.h>

#include "lessons/istanbul_2022.hpp"

namespace {

const lessons::Istanbul2022& finding() {
  static const auto f = lessons::istanbul_2022();
  return f;
}

}  // namespace

TEST_CASE("lesson_istanbul_2022: unbacked, the talks collapse") {
  const auto& f = finding();
  CHECK(f.collapse.first_zopa == 0);
  CHECK(f.collapse.settlement == 0);
  CHECK(f.collapse.first_round == "no deal");
  for (const auto& visit : f.collapse.solution.path)
    for (const auto& choice : visit.choices) CHECK(choice.zopa_size == 0);
}

TEST_CASE(
    "lesson_istanbul_2022: backed, Ukraine's communique is agreed in round 1") {
  const auto& f = finding();
  CHECK(f.backed_round_one);
  CHECK(f.guarantee_holds);
  CHECK(f.deal.settlement == 1);
  const auto& first = f.deal.solution.path.at(0).choices.at(0);
  CHECK(first.proposer == f.ukraine);
  CHECK(first.underminers.empty());
  const auto option = [&](const char* issue) {
    const auto k = lessons::index_named(f.backed.issues, issue);
    return f.backed.issues[k].options[first.backed[k]].name;
  };
  // The communique's content: neutrality, a guarantee beyond Article 5,
  // Crimea to 15 years of talks, EU accession allowed.
  CHECK(option("neutrality") == "permanent neutrality");
  CHECK(option("guarantee") == "beyond Article 5");
  CHECK(option("Crimea") == "15 years of talks");
  CHECK(option("EU accession") == "allowed");
  // Ukraine gains from the backed deal over fighting on.
  CHECK(f.deal.payoffs[f.ukraine] > f.collapse.payoffs[f.ukraine]);
}

TEST_CASE("lesson_istanbul_2022: the collapse needs Kyiv's improving outlook") {
  const auto& f = finding();
  CHECK(f.sober_without_guarantee);
  CHECK(f.sober_deal.settlement == 1);
  // Round 1 turns to an unbacked settlement once Ukraine's flow from
  // advancing falls to about 3/10 (2022: 1/2).
  CHECK(f.outlook.above == "no deal");
  CHECK(f.outlook.below.starts_with("settlement:"));
  CHECK(f.outlook.bracket.hi() <= lessons::Rational(3, 10));
  CHECK(f.outlook.bracket.lo() > lessons::Rational(29, 100));
}
