// Scenario data: what validate() accepts and how it names what it refuses.
#include "bargain/model/scenario.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "bargain/error.hpp"

using namespace bargain;

namespace {

Rational R(long n, long d = 1) { return Rational(n, d); }

// Two war states, a ceasefire issue, two settlement issues, two
// belligerents at the table and a patron outside controlling sanctions.
Scenario small_scenario() {
  Scenario s;
  s.title = "small";
  s.sources[""] = "assumption";
  s.battlefield.states = {"A advancing", "B advancing"};
  s.battlefield.odds.without_aid = {{R(3, 4), R(1, 4)}, {R(1, 2), R(1, 2)}};
  s.battlefield.odds.with_aid = {{R(1, 2), R(1, 2)}, {R(1, 4), R(3, 4)}};
  s.battlefield.aid = R(1, 2);
  s.ceasefire_breakdown = R(1, 5);
  s.issues = {{"scope",
               Track::ceasefire,
               {{"none", 1, 1}, {"energy", R(3, 2), R(4, 5)}, {"full", 1, 0}},
               0,
               {0, 1}},
              {"territory",
               Track::settlement,
               {{"kept", 1, 0}, {"ceded", 1, 0}},
               0,
               {}},
              {"sanctions",
               Track::settlement,
               {{"kept", 1, 0}, {"lifted", 1, 0}},
               0,
               {2}}};
  const auto actor = [](std::string name, bool at_table) {
    ScenarioActor a;
    a.name = std::move(name);
    a.at_table = at_table;
    a.discount = R(9, 10);
    a.salience = {R(1, 5), R(1, 2), R(3, 10)};
    a.option_value = {{0, R(1, 2), 1}, {1, 0}, {1, 0}};
    a.war_flow = {R(1, 10), -R(1, 10)};
    return a;
  };
  s.actors = {actor("A", true), actor("B", true), actor("Patron", false)};
  s.actors[0].belligerent = s.actors[1].belligerent = true;
  s.actors[2].patron = true;
  s.protocol.kind = ProtocolKind::parallel;
  s.protocol.proposer = ProposerRule::alternating;
  s.protocol.proposers = {0, 1};
  s.protocol.rounds = 2;
  return s;
}

std::string error_of(const std::function<void(Scenario&)>& change) {
  Scenario s = small_scenario();
  change(s);
  try {
    s.validate();
  } catch (const ModelError& e) {
    return e.what();
  }
  return "valid";
}

}  // namespace

TEST_CASE("scenario: a small valid scenario validates") {
  CHECK_NOTHROW(small_scenario().validate());
}

TEST_CASE("scenario: aid mixes the odds linearly, exactly") {
  const auto s = small_scenario();
  CHECK(s.battlefield.odds.at(R(1, 2)) ==
        TransitionMatrix{{R(5, 8), R(3, 8)}, {R(3, 8), R(5, 8)}});
  CHECK(s.battlefield.odds.at(0) == s.battlefield.odds.without_aid);
  WarOdds fixed{s.battlefield.odds.without_aid, {}};
  CHECK(fixed.at(1) == fixed.without_aid);
}

TEST_CASE("scenario: validate names the field of each problem") {
  CHECK(error_of([](Scenario& s) {
          s.battlefield.odds.without_aid[1] = {R(1, 2), R(2, 5)};
        }) ==
        "battlefield.odds.without_aid.B advancing: the probabilities sum to "
        "9/10, expected 1");
  CHECK(error_of([](Scenario& s) { s.actors[1].discount = 1; }) ==
        "actors[1].discount: found 1, expected a discount factor in (0, 1)");
  CHECK(error_of([](Scenario& s) { s.issues[2].controllers = {7}; }) ==
        "issues[2].controllers[0]: found actor 7, expected an actor from 0 "
        "to 3 - 1");
  CHECK(error_of(
            [](Scenario& s) { s.issues[1].options[1].fighting_share = 1; }) ==
        "issues[1].options.ceded: sets ceasefire mechanics, expected them on "
        "ceasefire issues only");
  CHECK(error_of([](Scenario& s) { s.actors[0].option_value[0][2] = 2; }) ==
        "actors[0].values.scope.full: found 2, expected a value in [0, 1]");
  CHECK(error_of([](Scenario& s) { s.actors[0].war_flow.pop_back(); }) ==
        "actors[0].war_flow: found 1 flows, expected one per war state (2)");
  CHECK(error_of([](Scenario& s) {
          s.protocol.proposer = ProposerRule::mediator;
        }) == "protocol.proposers: found 2 actors, expected one mediator");
  CHECK(error_of([](Scenario& s) {
          s.protocol.recognition = {R(1, 2), R(1, 2)};
        }) ==
        "protocol.recognition: is given, expected it only with random "
        "recognition");
  CHECK(error_of([](Scenario& s) {
          s.protocol.proposer = ProposerRule::random;
          s.protocol.recognition = {R(1, 2), R(1, 3)};
        }) == "protocol.recognition: the probabilities sum to 5/6, expected 1");
  CHECK(error_of([](Scenario& s) {
          s.issues.erase(s.issues.begin());
          for (auto& a : s.actors) {
            a.salience.erase(a.salience.begin());
            a.option_value.erase(a.option_value.begin());
          }
          s.protocol.kind = ProtocolKind::ceasefire_first;
        }) ==
        "protocol.kind: is ceasefire_first, expected a ceasefire issue "
        "to negotiate first");
  CHECK(error_of([](Scenario& s) {
          s.guarantees.push_back(
              {0, 2, 1, 0, R(1, 10), R(3, 10), {0, 0, 0}, 1, 1, 1});
        }) == "guarantees[0].issue: expected a settlement issue");
  CHECK(
      error_of([](Scenario& s) {
        s.guarantees.push_back({1, 2, 1, 0, R(1, 10), R(3, 10), {0}, 1, 1, 1});
      }) ==
      "guarantees[0].stake: found 1 stakes, expected one per option "
      "(2)");
  CHECK(error_of([](Scenario& s) {
          s.actors[0].types = {{"hawk", R(1, 2), {1, 1}},
                               {"dove", R(1, 3), {0, 0}}};
        }) == "actors[0].types: the probabilities sum to 5/6, expected 1");
  CHECK(error_of([](Scenario& s) {
          s.battlefield.states = {"x", "x"};
        }) ==
        "battlefield.states[1]: found \"x\" a second time, expected distinct "
        "war state names");
}

TEST_CASE("scenario: every number needs a source") {
  auto s = small_scenario();
  s.sources.clear();
  s.sources["battlefield"] = "ISW campaign assessment, March 2025";
  s.sources["ceasefire"] = "assumption";
  CHECK_THROWS_WITH_AS(s.validate(),
                       doctest::Contains("issues[0].options.none: has no "
                                         "source"),
                       ModelError);
  s.sources["issues[0]"] = "assumption";
  CHECK_THROWS_WITH_AS(s.validate(),
                       doctest::Contains("actors[0].discount: has no source"),
                       ModelError);
  s.sources["actors"] = "assumption";
  CHECK_NOTHROW(s.validate());
}
