// The all-at-the-table lesson as the solver gives it: seating the patrons
// and guarantors never adds a deal within a round, yet in the 2025
// negotiation the Europeans' veto brings the settlement forward; at
// Istanbul it changes nothing, since the guarantors' refusal is the same
// at the table.
#include <doctest/doctest.h>

#include <algorithm>

#include "lessons/all_at_the_table.hpp"

namespace {

const lessons::AllAtTheTable& finding() {
  static const auto f = lessons::all_at_the_table();
  return f;
}

}  // namespace

TEST_CASE(
    "lesson_all_at_the_table: the lever moves only patrons and guarantors") {
  const auto& f = finding();
  CHECK(f.istanbul.moved.size() == 2);
  CHECK(f.talks_2025.moved.size() == 2);
  for (const auto i : f.talks_2025.moved) {
    CHECK_FALSE(f.talks_2025.excluded.actors[i].at_table);
    CHECK(f.talks_2025.seated.actors[i].at_table);
  }
}

TEST_CASE(
    "lesson_all_at_the_table: Istanbul, seating the guarantors changes "
    "nothing") {
  const auto& c = finding().istanbul;
  CHECK(c.outside.settlement == 0);
  CHECK(c.inside.settlement == 0);
  CHECK(c.outside.payoffs == c.inside.payoffs);
}

TEST_CASE(
    "lesson_all_at_the_table: 2025, the Europeans seated bring the deal "
    "forward") {
  const auto& c = finding().talks_2025;
  CHECK(c.inside.settlement > c.outside.settlement);
  CHECK(c.inside.war_rounds < c.outside.war_rounds);
  // By round 2, the stalemate settles only with the Europeans seated.
  CHECK(c.settled_outside.at(0) == 0);
  CHECK(c.settled_inside.at(0) == 0);
  CHECK(c.settled_inside.at(1) > c.settled_outside.at(1));
  for (std::size_t t = 0; t < c.settled_inside.size(); ++t)
    CHECK(c.settled_inside[t] >= c.settled_outside[t]);
  // The patrons and guarantors moved to the table do better seated.
  for (const auto i : c.moved)
    CHECK(c.inside.payoffs[i] > c.outside.payoffs[i]);
}

TEST_CASE(
    "lesson_all_at_the_table: outside controllers are anticipated, not "
    "defied") {
  const auto& f = finding();
  CHECK(f.istanbul.undermined_outside == 0);
  CHECK(f.talks_2025.undermined_outside == 0);
  CHECK(f.talks_2025.undermined_inside == 0);
}

TEST_CASE(
    "lesson_all_at_the_table: 2025, seated Europeans veto lifting sanctions") {
  const auto& c = finding().talks_2025;
  const auto& issues = c.excluded.issues;
  const auto sanctions = lessons::index_named(issues, "sanctions relief");
  const auto lifted = lessons::index_named(issues[sanctions].options, "lifted");
  const auto lifts = [&](const bargain::TwoTrackSolution& solution) {
    const auto deals = lessons::settlements(solution);
    return std::any_of(deals.begin(), deals.end(), [&](const auto& d) {
      return d.backed[sanctions] == lifted;
    });
  };
  // Outside, the deal struck while Ukraine advances lifts the sanctions
  // (the Europeans back it, as undermining would cost them more); seated,
  // no deal on the path does.
  CHECK(lifts(c.outside.solution));
  CHECK_FALSE(lifts(c.inside.solution));
}

TEST_CASE(
    "lesson_all_at_the_table: 2025, the seat effect rests on the Europeans' "
    "tie") {
  const auto& f = finding();
  const auto& u = f.untied_2025;
  CHECK(f.untie > f.tie);
  // Undermining the deal struck while Ukraine advances now pays them, so
  // it is gone outside too, and the seats no longer matter.
  CHECK(u.outside.settlement == u.inside.settlement);
  CHECK(u.outside.payoffs == u.inside.payoffs);
  CHECK(u.outside.settlement == f.talks_2025.inside.settlement);
}
