#include <doctest/doctest.h>

#include "lessons/opening_offers.hpp"

using bargain::Rational;

TEST_CASE(
    "lesson_opening_offers: a stated position refused, a concession accepted") {
  const auto f = lessons::opening_offers();
  REQUIRE(f.types.size() == 2);
  const auto& resolute = f.types[0];
  const auto& weary = f.types[1];
  CHECK(resolute.name == "resolute");
  CHECK(f.opening == "settlement territory = Russia withdraws");

  // The resolute type refuses the opening: it is worth less to it than
  // fighting on; the weary type takes it.
  CHECK(resolute.accepted == 0);
  CHECK(resolute.value < resolute.reservation);
  CHECK(weary.accepted == 1);
  CHECK(weary.value >= weary.reservation);

  // The resolute type settles in round 3, on Ukraine's concession.
  CHECK(resolute.settlement_by_round ==
        std::vector<Rational>{Rational(0), Rational(0), Rational(1)});
  REQUIRE(resolute.outcomes.size() == 1);
  CHECK(resolute.outcomes[0].first == "settlement: territory = split");
  CHECK(weary.settlement_by_round[0] == 1);
  CHECK(f.refused_then_settled);

  // Told the type, the two sides settle in round 1, in a non-empty ZOPA
  // that leaves the opening out for the resolute type.
  for (const auto& c : f.types) {
    CHECK(c.complete.first_zopa > 0);
    CHECK(c.complete.solution.settlement_by_round.at(0) == 1);
  }
  CHECK(resolute.complete_zopa ==
        std::vector<std::string>{"settlement territory = split"});
  CHECK_FALSE(resolute.opening_in_complete_zopa);
  CHECK(f.zopa_nonempty_opening_outside);

  // Private resolve costs the resolute draw two rounds of war.
  CHECK(resolute.reservation == Rational(49, 25));

  // The late deal rests on a threat off the path: Russia proposing split in
  // round 2 would gain both sides, and the weary type would then refuse the
  // opening too.
  CHECK(f.concession == "split");
  CHECK(f.earlier_turn_is_typed);
  CHECK(f.typed_earlier == Rational(11, 5));
  CHECK(f.typed_earlier > f.typed_equilibrium);
  CHECK(f.other_accepts == Rational(5, 2));
  CHECK(f.other_refuses == Rational(11, 5));
  CHECK(f.mimic_earlier == 1);
  CHECK(f.mimic_opening == 0);
}
