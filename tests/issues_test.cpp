// Issue spaces and spatial preferences.
#include "bargain/bargaining/issues.hpp"

#include <doctest/doctest.h>

#include "bargain/bargaining/preferences.hpp"

using namespace bargain;

namespace {

IssueSpace two_track_space() {
  IssueSpace space;
  const auto ceasefire = space.add_track("ceasefire");
  const auto settlement = space.add_track("settlement");
  space.add_issue(
      ceasefire,
      Issue::discrete("scope", {{"energy", 0}, {"Black Sea", 1}, {"full", 2}}));
  space.add_issue(settlement,
                  Issue::discrete("neutrality", {{"no", 0}, {"yes", 1}}));
  space.add_issue(
      settlement,
      Issue::discrete("force cap", {{"none", 0}, {"loose", 1}, {"tight", 2}}));
  return space;
}

}  // namespace

TEST_CASE("packages are numbered in mixed radix, the last issue fastest") {
  const auto space = two_track_space();
  CHECK(space.package_count() == 18);
  CHECK(space.options_of(0) == std::vector<std::uint32_t>{0, 0, 0});
  CHECK(space.options_of(5) == std::vector<std::uint32_t>{0, 1, 2});
  CHECK(space.options_of(17) == std::vector<std::uint32_t>{2, 1, 2});
  CHECK(space.package(7) == Package{1, 0, 1});
  CHECK_THROWS_AS(space.options_of(18), ModelError);
}

TEST_CASE("a subspace keeps the issues of its tracks") {
  const auto space = two_track_space();
  const TrackId settlement = *space.find_track("settlement");
  const auto sub = space.subspace(std::vector<TrackId>{settlement});
  CHECK(sub.space.issue_count() == 2);
  CHECK(sub.space.issue(0).name() == "neutrality");
  CHECK(sub.issue_in_parent == std::vector<IssueId>{1, 2});
  CHECK(space.issues_of(settlement) == std::vector<IssueId>{1, 2});
}

TEST_CASE("bad issue spaces are refused with the reason") {
  IssueSpace space;
  const auto t = space.add_track("t");
  CHECK_THROWS_WITH_AS(Issue::continuous("x", 1, 0),
                       doctest::Contains("lower end"), ModelError);
  CHECK_THROWS_WITH_AS(Issue::discrete("x", {}),
                       doctest::Contains("no options"), ModelError);
  CHECK_THROWS_WITH_AS(Issue::discrete("x", {{"a", 0}, {"a", 1}}),
                       doctest::Contains("twice"), ModelError);
  CHECK_THROWS_WITH_AS(Issue::discrete("x", {{"a", 0}, {"b", 0}}),
                       doctest::Contains("position 0"), ModelError);
  space.add_issue(t, Issue::continuous("x", 0, 1));
  CHECK_THROWS_AS(space.add_issue(t, Issue::continuous("x", 0, 1)), ModelError);
  CHECK_THROWS_AS(space.add_issue(7, Issue::continuous("y", 0, 1)), ModelError);
  CHECK_THROWS_AS(space.add_track("t"), ModelError);
  CHECK_THROWS_WITH_AS(space.check({Rational(3, 2)}, "the offer"),
                       "the offer puts issue \"x\" at 3/2, expected a value "
                       "in [0, 1]",
                       ModelError);
  CHECK_THROWS_WITH_AS(space.package_count(),
                       doctest::Contains("\"x\" is continuous"), ModelError);
}

TEST_CASE("spatial utility: salience-weighted linear or quadratic loss") {
  const auto linear =
      Preference::spatial({1, 0}, {Rational(3, 10), 2}, Loss::linear, 5);
  CHECK(linear.utility({Rational(1, 2), Rational(1, 4)}) ==
        5 - Rational(3, 20) - Rational(1, 2));
  const auto quadratic =
      Preference::spatial({1, 0}, {Rational(3, 10), 2}, Loss::quadratic);
  CHECK(quadratic.utility({Rational(1, 2), Rational(1, 4)}) ==
        -Rational(3, 40) - Rational(1, 8));
  CHECK(linear.restricted(std::vector<IssueId>{1}).utility({1}) == 3);
  CHECK_THROWS_AS(Preference::spatial({0}, {-1}, Loss::linear), ModelError);
  CHECK_THROWS_AS(Preference::spatial({0, 1}, {1}, Loss::linear), ModelError);
  CHECK_THROWS_AS(linear.utility({1}), ModelError);
}

TEST_CASE("a custom utility is taken at its double's exact value") {
  const auto p = Preference::custom(
      "product", 2, [](std::span<const double> x) { return x[0] * x[1]; });
  CHECK_FALSE(p.is_spatial());
  CHECK(p.utility({Rational(1, 2), Rational(1, 4)}) == Rational(1, 8));
  CHECK(p.utility({Rational(1, 10), 1}) == Rational(0.1));
  CHECK_THROWS_AS(p.issue_term(0, 0), ModelError);
  const auto nan = Preference::custom(
      "nan", 1, [](std::span<const double>) { return std::nan(""); });
  CHECK_THROWS_WITH_AS(nan.utility({0}), doctest::Contains("non-finite"),
                       ModelError);
}

TEST_CASE("war as a reservation value is Fearon's p - c for a share") {
  const auto share = Preference::spatial({1}, {1}, Loss::linear, 1);
  CHECK(war_reservation(share, {1}, {0}, Rational(7, 10), Rational(1, 20)) ==
        Rational(13, 20));
  CHECK_THROWS_AS(war_reservation(share, {1}, {0}, 2, 0), ModelError);
  CHECK_THROWS_AS(war_reservation(share, {1}, {0}, 1, -1), ModelError);
}

TEST_CASE("actors must have preferences over the space's issues") {
  IssueSpace space;
  space.add_issue(space.add_track("t"), Issue::continuous("x", 0, 1));
  const std::vector<Actor> actors{
      {"A", Preference::spatial({0, 0}, {1, 1}, Loss::linear), 0}};
  CHECK_THROWS_WITH_AS(check_actors(space, actors),
                       doctest::Contains("actors[0] (\"A\")"), ModelError);
  CHECK_THROWS_AS(check_actors(space, {}), ModelError);
}
