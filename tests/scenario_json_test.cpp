// Scenario files: where each field lands, where each number's source lands,
// and the errors that name the field.
#include "bargain/io/scenario_json.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace bargain;

namespace {

using Rationals = std::vector<Rational>;

// A small valid scenario, written in parts so that a test can replace one:
// two war states, two actors at the table, a ceasefire and a settlement
// issue; every number is covered by the document's source.
struct Parts {
  std::string head =
      R"("format": "bargain.scenario/1", "title": "t", "source": "assumption")";
  std::string battlefield = R"({"states": ["war", "calm"], "initial": "war",
      "odds": {"without_aid": {"war": {"war": 0.5, "calm": 0.5},
                               "calm": [0, 1]}}})";
  std::string ceasefire = R"({"breakdown": 0.2})";
  std::string issues =
      R"([{"name": "truce", "track": "ceasefire", "options": ["no", "yes"],
           "status_quo": "no", "controllers": ["A"]},
          {"name": "land", "track": "settlement",
           "options": ["A keeps", "B keeps"], "status_quo": "A keeps"}])";
  std::string actors =
      R"([{"name": "A", "seat": "table", "discount": 0.9, "war_flow": [0, 0]},
          {"name": "B", "seat": "table", "discount": 0.9, "war_flow": [0, 0]}])";
  std::string protocol = R"({"kind": "parallel", "proposer": "alternating",
      "proposers": ["A", "B"], "rounds": 1})";
  std::string guarantees;  // none

  std::string text() const {
    std::string out = "{" + head;
    const auto member = [&](const char* name, const std::string& value) {
      if (value.empty()) return;
      out += ", \"";
      out += name;
      out += "\": " + value;
    };
    member("battlefield", battlefield);
    member("ceasefire", ceasefire);
    member("issues", issues);
    member("actors", actors);
    member("protocol", protocol);
    member("guarantees", guarantees);
    return out + "}";
  }
};

Scenario read(const Parts& parts) {
  return read_scenario(parse_json(parts.text(), "s.json").root());
}

template <class E = Error>
std::string error_of(const Parts& parts) {
  try {
    read(parts);
  } catch (const E& e) {
    return e.what();
  }
  return "no error";
}

bool contains(const std::string& text, const std::string& part) {
  const bool found = text.find(part) != std::string::npos;
  if (!found) MESSAGE(text);
  return found;
}

const std::string kMinimal =
    std::string(BARGAIN_SOURCE_DIR) + "/scenarios/minimal.json";

}  // namespace

TEST_CASE("minimal.json: a small two-track scenario, every field in place") {
  const Scenario s = read_scenario_file(kMinimal);
  CHECK(s.title == "Minimal two-track scenario");
  CHECK(!s.description.empty());

  // Battlefield: odds by name, both matrices.
  const Battlefield& b = s.battlefield;
  CHECK(b.states == std::vector<std::string>{"Russia advancing", "stalemate"});
  CHECK(b.initial == 1);
  CHECK(b.odds.without_aid ==
        TransitionMatrix{{Rational(7, 10), Rational(3, 10)},
                         {Rational(2, 5), Rational(3, 5)}});
  CHECK(b.odds.with_aid == TransitionMatrix{{Rational(2, 5), Rational(3, 5)},
                                            {Rational(1, 5), Rational(4, 5)}});
  CHECK(b.aid == Rational(1, 2));
  CHECK(s.ceasefire_breakdown == Rational(1, 5));

  // Issues: one ceasefire issue with an option written as an object, two
  // settlement issues; controllers by name.
  REQUIRE(s.issues.size() == 3);
  const ScenarioIssue& scope = s.issues[0];
  CHECK(scope.name == "scope");
  CHECK(scope.track == Track::ceasefire);
  REQUIRE(scope.options.size() == 3);
  CHECK(scope.options[1].name == "energy");
  CHECK(scope.options[1].breakdown_factor == Rational(3, 2));
  CHECK(scope.options[1].fighting_share == Rational(4, 5));
  CHECK(scope.options[2].name == "full");
  CHECK(scope.options[2].breakdown_factor == 1);  // the defaults
  CHECK(scope.options[2].fighting_share == 0);
  CHECK(scope.status_quo == 0);
  CHECK(scope.controllers == std::vector<std::size_t>{0, 1});
  CHECK(s.issues[1].track == Track::settlement);
  CHECK(s.issues[1].controllers == std::vector<std::size_t>{2});
  CHECK(s.issues[2].options[2].name == "Article-5-like");

  // Actors: two belligerents at the table, a patron outside.
  REQUIRE(s.actors.size() == 3);
  const ScenarioActor& russia = s.actors[0];
  CHECK(russia.belligerent);
  CHECK(!russia.patron);
  CHECK(russia.at_table);
  CHECK(russia.discount == Rational(19, 20));
  CHECK(russia.salience ==
        Rationals{Rational(1, 10), Rational(3, 10), Rational(2, 5)});
  CHECK(russia.option_value[0] == Rationals{1, Rational(3, 5), 0});  // by name
  CHECK(russia.option_value[1] == Rationals{0, 1});                  // in order
  CHECK(russia.war_flow == Rationals{Rational(1, 5), Rational(-3, 10)});
  CHECK(!russia.beliefs);
  CHECK(russia.types.empty());
  CHECK(s.actors[1].option_value[0] == Rationals{0, Rational(3, 5), 1});
  const ScenarioActor& us = s.actors[2];
  CHECK(us.patron);
  CHECK(us.guarantor);
  CHECK(!us.belligerent);
  CHECK(!us.at_table);
  CHECK(us.salience[0] == 0);  // scope not listed
  CHECK(us.option_value[0] == Rationals{0, 0, 0});
  CHECK(us.option_value[2] == Rationals{1, Rational(7, 10), Rational(1, 5)});

  const Protocol& p = s.protocol;
  CHECK(p.kind == ProtocolKind::parallel);
  CHECK(p.proposer == ProposerRule::alternating);
  CHECK(p.proposers == std::vector<std::size_t>{1, 0});
  CHECK(p.recognition.empty());
  CHECK(p.rounds == 2);

  REQUIRE(s.guarantees.size() == 1);
  const Guarantee& g = s.guarantees[0];
  CHECK(g.issue == 2);
  CHECK(g.guarantor == 2);
  CHECK(g.aggressor == 0);
  CHECK(g.victim == 1);
  CHECK(g.strike_probability == Rational(1, 10));
  CHECK(g.intervention_cost == Rational(3, 10));
  CHECK(g.stake == Rationals{0, Rational(1, 10), Rational(1, 2)});
  CHECK(g.strike_gain == Rational(2, 5));
  CHECK(g.victim_loss == Rational(3, 5));
  CHECK(g.repelled_loss == Rational(1, 2));

  // Sources, each under the path of what carries it; no document source.
  CHECK(s.sources.count("") == 0);
  CHECK(s.sources.at("battlefield") ==
        "assumption: aid makes a Russian advance less likely");
  CHECK(s.sources.at("ceasefire") == "assumption");
  CHECK(s.sources.at("issues[0].options.energy").starts_with("assumption: "));
  CHECK(s.sources.at("actors[0]") == "assumption");
  CHECK(s.sources.at("actors[0].discount") ==
        "assumption: a round is about a month");
  CHECK(s.sources.at("actors[2].salience.scope") == kDefaultSource);
  CHECK(s.sources.at("actors[2].values.scope") == kDefaultSource);
  CHECK(s.sources.at("protocol") == "assumption");
  CHECK(s.sources.at("guarantees[0]").starts_with("assumption: "));
}

TEST_CASE("scenario files: value and source, the document's source, exact") {
  Parts parts;
  parts.head = R"("format": "bargain.scenario/1", "source": "Doc")";
  parts.actors =
      R"([{"name": "A", "seat": "table", "war_flow": [0, 0],
           "discount": {"value": "3/7", "source": "Reuters, 2025-03-11",
                        "note": "per round"}},
          {"name": "B", "seat": "table", "discount": 0.9, "war_flow": [0, 0],
           "source": "B's own"}])";
  const Scenario s = read(parts);
  CHECK(s.title.empty());
  CHECK(s.sources.at("") == "Doc");
  CHECK(s.actors[0].discount == Rational(3, 7));
  CHECK(s.sources.at("actors[0].discount") == "Reuters, 2025-03-11");
  CHECK(s.sources.count("actors[0]") == 0);
  CHECK(s.sources.at("actors[1]") == "B's own");
  CHECK(s.actors[1].discount == Rational(9, 10));
}

TEST_CASE("scenario files: maps by name or in order, beliefs and types") {
  Parts parts;
  parts.battlefield = R"({"states": ["war", "calm"], "initial": "calm",
      "odds": {"without_aid": [[0.5, 0.5], {"calm": 1, "war": 0}],
               "with_aid": {"calm": [0, 1], "war": [0.25, 0.75]}}})";
  parts.actors =
      R"([{"name": "A", "seat": "outside", "roles": ["patron", "guarantor"],
           "discount": 0.9, "salience": [0, 0.5],
           "values": {"land": {"B keeps": 0.25, "A keeps": 1}},
           "war_flow": {"calm": 1, "war": -1},
           "beliefs": {"without_aid": [[1, 0], [0, 1]], "source": "A's view"},
           "types": [{"name": "hawk", "probability": 0.25,
                      "war_flow": [-2, 1], "source": "T"},
                     {"name": "dove", "probability": 0.75,
                      "war_flow": {"war": -3, "calm": 1}}]},
          {"name": "B", "seat": "table", "roles": ["belligerent"],
           "discount": 0.9, "war_flow": [0, 0]}])";
  parts.guarantees = R"([{"issue": "land", "guarantor": "A",
      "aggressor": "B", "victim": "A", "strike_probability": 0.5,
      "intervention_cost": 0, "stake": [0, 0.5], "strike_gain": 1,
      "victim_loss": 1, "repelled_loss": 1}])";
  const Scenario s = read(parts);
  CHECK(s.battlefield.initial == 1);
  CHECK(s.battlefield.odds.without_aid ==
        TransitionMatrix{{Rational(1, 2), Rational(1, 2)}, {0, 1}});
  CHECK(s.battlefield.odds.with_aid ==
        TransitionMatrix{{Rational(1, 4), Rational(3, 4)}, {0, 1}});
  CHECK(s.battlefield.aid == 0);  // left out
  CHECK(s.sources.at("battlefield.aid") == kDefaultSource);
  const ScenarioActor& a = s.actors[0];
  CHECK(a.patron);
  CHECK(a.guarantor);
  CHECK(!a.belligerent);
  CHECK(!a.at_table);
  CHECK(a.salience == Rationals{0, Rational(1, 2)});
  CHECK(a.option_value == std::vector<Rationals>{{0, 0}, {1, Rational(1, 4)}});
  CHECK(a.war_flow == Rationals{-1, 1});
  REQUIRE(a.beliefs);
  CHECK(a.beliefs->without_aid == TransitionMatrix{{1, 0}, {0, 1}});
  CHECK(a.beliefs->with_aid.empty());
  CHECK(s.sources.at("actors[0].beliefs") == "A's view");
  REQUIRE(a.types.size() == 2);
  CHECK(a.types[0].name == "hawk");
  CHECK(a.types[0].probability == Rational(1, 4));
  CHECK(a.types[0].war_flow == Rationals{-2, 1});
  CHECK(a.types[1].war_flow == Rationals{-3, 1});
  CHECK(s.sources.at("actors[0].types[0]") == "T");
  CHECK(s.actors[1].belligerent);
  CHECK(s.guarantees[0].stake == Rationals{0, Rational(1, 2)});
  CHECK(s.guarantees[0].issue == 1);
}

TEST_CASE("scenario files: random recognition and the ceasefire left out") {
  Parts parts;
  parts.ceasefire.clear();
  parts.issues = R"([{"name": "land", "track": "settlement",
      "options": ["A keeps", "B keeps"], "status_quo": "B keeps"}])";
  parts.protocol = R"({"kind": "settlement_only", "proposer": "random",
      "proposers": ["B", "A"], "recognition": ["1/3", {"value": "2/3",
      "source": "R"}], "rounds": {"value": 3, "source": "N"}})";
  const Scenario s = read(parts);
  CHECK(s.issues[0].status_quo == 1);
  CHECK(s.ceasefire_breakdown == 0);
  CHECK(s.sources.at("ceasefire.breakdown") == kDefaultSource);
  CHECK(s.protocol.kind == ProtocolKind::settlement_only);
  CHECK(s.protocol.proposer == ProposerRule::random);
  CHECK(s.protocol.proposers == std::vector<std::size_t>{1, 0});
  CHECK(s.protocol.recognition == Rationals{Rational(1, 3), Rational(2, 3)});
  CHECK(s.sources.at("protocol.recognition[1]") == "R");
  CHECK(s.protocol.rounds == 3);
  CHECK(s.sources.at("protocol.rounds") == "N");
}

TEST_CASE("scenario files: each error names its field") {
  SUBCASE("the wrong format") {
    Parts parts;
    parts.head = R"("format": "bargain.scenario/2")";
    CHECK(error_of<JsonFieldError>(parts) ==
          "s.json:1:12: format: found the string \"bargain.scenario/2\", "
          "expected \"bargain.scenario/1\"");
  }
  SUBCASE("an unknown actor among the controllers") {
    Parts parts;
    parts.issues =
        R"([{"name": "truce", "track": "ceasefire", "options": ["no", "yes"],
            "status_quo": "no", "controllers": ["A", "C"]}])";
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "issues[0].controllers[1]: found the string \"C\", "
                   "expected the name of an actor (\"A\", \"B\")"));
  }
  SUBCASE("an unknown option as the status quo") {
    Parts parts;
    parts.issues = R"([{"name": "land", "track": "settlement",
        "options": ["A keeps", "B keeps"], "status_quo": "nobody"}])";
    parts.ceasefire.clear();
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "issues[0].status_quo: found the string \"nobody\", "
                   "expected the name of an option of \"land\" "
                   "(\"A keeps\", \"B keeps\")"));
  }
  SUBCASE("probabilities that do not sum to 1, from validate()") {
    Parts parts;
    parts.battlefield = R"({"states": ["war", "calm"], "initial": "war",
        "odds": {"without_aid": {"war": {"war": 0.5, "calm": 0.4},
                                 "calm": [0, 1]}}})";
    CHECK(error_of<ModelError>(parts) ==
          "s.json: battlefield.odds.without_aid.war: the probabilities sum "
          "to 9/10, expected 1");
  }
  SUBCASE("a number without any source") {
    Parts parts;
    parts.head = R"("format": "bargain.scenario/1")";
    parts.battlefield.insert(1, R"("source": "S", )");
    parts.ceasefire = R"({"breakdown": 0.2, "source": "S"})";
    const std::string a =
        R"({"name": "A", "seat": "table", "discount": 0.9, "war_flow": [0, 0],
            "source": "S"})";
    parts.actors = "[" + a +
                   R"(, {"name": "B", "seat": "table", "discount": 0.9,
                         "war_flow": [0, 0]}])";
    const std::string no_source =
        ": has no source, expected a \"source\" (a citation, or "
        "\"assumption\") on it or on an object holding it";
    CHECK(error_of<ModelError>(parts) ==
          "s.json: actors[1].discount" + no_source);
    // A number's own source covers that number only.
    parts.actors = "[" + a +
                   R"(, {"name": "B", "seat": "table", "war_flow": [0, 0],
                         "discount": {"value": 0.9, "source": "S"}}])";
    CHECK(error_of<ModelError>(parts) ==
          "s.json: actors[1].war_flow.war" + no_source);
    parts.actors = "[" + a + ", " + a + "]";
    parts.actors.replace(parts.actors.rfind("\"A\""), 3, "\"B\"");
    CHECK(read(parts).sources.at("actors[1]") == "S");
  }
  SUBCASE("a misspelt field") {
    Parts parts;
    parts.actors = R"([{"name": "A", "seat": "table", "discont": 0.9}])";
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "actors[0].discont: found an unknown field \"discont\", "
                   "expected one of the fields \"name\", \"roles\", "
                   "\"seat\", \"discount\""));
  }
  SUBCASE("a wrong seat or role") {
    Parts parts;
    parts.actors = R"([{"name": "A", "seat": "outsde"}])";
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "actors[0].seat: found the string \"outsde\", expected "
                   "\"table\" or \"outside\""));
    parts.actors = R"([{"name": "A", "roles": ["mediator"]}])";
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "actors[0].roles[0]: found the string \"mediator\", "
                   "expected \"belligerent\", \"patron\" or \"guarantor\""));
  }
  SUBCASE("recognition without a random proposer") {
    Parts parts;
    parts.protocol = R"({"kind": "parallel", "proposer": "alternating",
        "proposers": ["A", "B"], "recognition": [0.5, 0.5], "rounds": 1})";
    CHECK(error_of<ModelError>(parts) ==
          "s.json: protocol.recognition: is given, expected it only with "
          "random recognition");
  }
  SUBCASE("a missing file") {
    const std::string path =
        std::string(BARGAIN_SOURCE_DIR) + "/scenarios/no such scenario.json";
    try {
      read_scenario_file(path);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(contains(e.what(), path));
    }
  }
}

TEST_CASE("scenario files: more errors, each naming its field") {
  Parts parts;
  SUBCASE("a name declared twice") {
    parts.actors = R"([{"name": "A"}, {"name": "A"}])";
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "actors[1].name: found the string \"A\", expected an "
                   "actor name not used before"));
    parts.issues = R"([{"name": "land", "track": "settlement",
        "options": ["A keeps", {"name": "A keeps"}]}])";
    parts.actors = Parts().actors;
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "issues[0].options[1].name: found the string \"A keeps\", "
                   "expected an option name not used before"));
  }
  SUBCASE("a value without its source") {
    parts.actors = R"([{"name": "A", "seat": "table",
                        "discount": {"value": 0.9}}])";
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "actors[0].discount: found an object with 1 field, "
                   "expected a number, or {\"value\": ..., \"source\": ...}"));
  }
  SUBCASE("an empty source") {
    parts.head = R"("format": "bargain.scenario/1", "source": "")";
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "source: found the string \"\", expected a citation, or "
                   "\"assumption\""));
  }
  SUBCASE("a map naming no war state") {
    parts.actors = R"([{"name": "A", "seat": "table", "discount": 0.9,
                        "war_flow": {"war": 0, "peace": 0}}])";
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "actors[0].war_flow.peace: found the number 0, expected "
                   "the name of a war state (\"war\", \"calm\")"));
  }
  SUBCASE("a map missing a war state") {
    parts.actors = R"([{"name": "A", "seat": "table", "discount": 0.9,
                        "war_flow": {"war": 0}}])";
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "actors[0].war_flow: found an object with 1 field, "
                   "expected an entry for every war state (\"calm\" is "
                   "missing)"));
  }
  SUBCASE("an array of the wrong length") {
    parts.actors = R"([{"name": "A", "seat": "table", "discount": 0.9,
                        "war_flow": [0, 0, 0]}])";
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "actors[0].war_flow: found an array of 3 elements, "
                   "expected an array of 2 entries, one per war state in "
                   "declaration order"));
  }
  SUBCASE("values missing for an issue the actor weighs") {
    parts.actors = R"([{"name": "A", "seat": "table", "discount": 0.9,
                        "salience": {"land": 1}, "war_flow": [0, 0]}])";
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "actors[0]: found an object without \"values\", expected "
                   "a field \"values\""));
    parts.actors = R"([{"name": "A", "seat": "table", "discount": 0.9,
                        "salience": {"land": 1}, "values": {"truce": [0, 1]},
                        "war_flow": [0, 0]}])";
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "actors[0].values: found an object with 1 field, expected "
                   "values for every issue of positive salience (\"land\" is "
                   "missing)"));
  }
  SUBCASE("a ceasefire issue without the ceasefire") {
    parts.ceasefire.clear();
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "(document): found an object without \"ceasefire\", "
                   "expected a field \"ceasefire\""));
  }
  SUBCASE("an unknown issue for a guarantee") {
    parts.guarantees = R"([{"issue": "water"}])";
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "guarantees[0].issue: found the string \"water\", "
                   "expected the name of an issue (\"truce\", \"land\")"));
  }
  SUBCASE("a count of rounds that is not one") {
    parts.protocol = R"({"kind": "parallel", "proposer": "alternating",
        "proposers": ["A"], "rounds": 0})";
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "protocol.rounds: found the number 0, expected a whole "
                   "number of rounds, 1 or more"));
  }
  SUBCASE("a misspelt kind of protocol") {
    parts.protocol = R"({"kind": "paralel"})";
    CHECK(contains(error_of<JsonFieldError>(parts),
                   "protocol.kind: found the string \"paralel\", expected "
                   "\"ceasefire_first\", \"settlement_only\", "
                   "\"grand_bargain\" or \"parallel\""));
  }
  SUBCASE("ceasefire mechanics on a settlement issue, from validate()") {
    parts.issues = R"([{"name": "land", "track": "settlement",
        "options": ["A keeps", {"name": "B keeps", "fighting_share": 1}],
        "status_quo": "A keeps"}])";
    CHECK(error_of<ModelError>(parts) ==
          "s.json: issues[0].options.B keeps: sets ceasefire mechanics, "
          "expected them on ceasefire issues only");
  }
}

TEST_CASE("scenario files: sizes beyond the limits are refused") {
  Parts parts;
  std::string states;
  for (std::size_t s = 0; s <= ScenarioLimits::max_war_states; ++s) {
    if (s > 0) states += ", ";
    states += "\"s" + std::to_string(s) + "\"";
  }
  parts.battlefield = R"({"states": [)" + states + "]}";
  CHECK(contains(error_of<LimitError>(parts),
                 "battlefield.states: found 65 war states, expected at most "
                 "64 (the reader's limit)"));
}
