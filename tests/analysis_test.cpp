// Comparative statics of the two-track model: parameters by path, sweeps
// on threads equal to one by one, and exact outcome thresholds.
#include "bargain/model/analysis.hpp"

#include <doctest/doctest.h>

#include "bargain/io/scenario_json.hpp"

using namespace bargain;

namespace {

Scenario minimal() {
  return read_scenario_file(std::string(BARGAIN_SOURCE_DIR) +
                            "/scenarios/minimal.json");
}

}  // namespace

TEST_CASE("analysis: parameters are set by the paths a file uses") {
  Scenario s = minimal();
  set_parameter(s, "battlefield.aid", Rational(1, 4));
  CHECK(s.battlefield.aid == Rational(1, 4));
  set_parameter(s, "actors[1].discount", Rational(4, 5));
  CHECK(s.actors[1].discount == Rational(4, 5));
  set_parameter(s, "actors[0].war_flow.stalemate", Rational(-1, 3));
  CHECK(s.actors[0].war_flow[1] == Rational(-1, 3));
  set_parameter(s, "guarantees[0].intervention_cost", Rational(1));
  CHECK(s.guarantees[0].intervention_cost == 1);
  CHECK_THROWS_WITH_AS(set_parameter(s, "actors[9].discount", 0),
                       doctest::Contains("actors[9].discount: names no number"),
                       ModelError);
  CHECK_THROWS_WITH_AS(set_parameter(s, "battlefield.mood", 0),
                       doctest::Contains("expected battlefield.aid"),
                       ModelError);
}

TEST_CASE("analysis: a sweep on threads equals solving point by point") {
  const Scenario s = minimal();
  const auto points = sweep(s, "guarantees[0].intervention_cost", 0, 1, 5, 2);
  REQUIRE(points.size() == 5);
  for (const auto& point : points) {
    Scenario one = s;
    set_parameter(one, "guarantees[0].intervention_cost", point.value);
    CHECK(point.solution.payoffs == solve_two_track(one).payoffs);
  }
  CHECK(points[2].value == Rational(1, 2));
}

TEST_CASE("analysis: the first round's outcome changes at an exact threshold") {
  // Russia's flow from a stalemate: at 0 it settles at once; at 2 fighting
  // pays it enough that only a partial ceasefire is agreed.
  const Scenario s = minimal();
  const std::string path = "actors[0].war_flow.stalemate";
  Scenario low = s, high = s;
  set_parameter(low, path, 0);
  set_parameter(high, path, 2);
  const auto below = first_round_outcome(low, solve_two_track(low));
  const auto above = first_round_outcome(high, solve_two_track(high));
  CHECK(below.rfind("settlement:", 0) == 0);
  CHECK(above.rfind("ceasefire:", 0) == 0);
  const auto t = outcome_threshold(s, path, 0, 2, Rational(1, 1000));
  CHECK(t.bracket.width() <= Rational(1, 1000));
  CHECK(t.below == below);
  CHECK(t.above != below);
  // Just inside the bracket's ends the outcomes are those reported.
  for (const auto& [value, expected] : {std::pair{t.bracket.lo(), t.below},
                                        std::pair{t.bracket.hi(), t.above}}) {
    Scenario at = s;
    set_parameter(at, path, value);
    CHECK(first_round_outcome(at, solve_two_track(at)) == expected);
  }
}
