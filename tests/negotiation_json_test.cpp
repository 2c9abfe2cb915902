// Negotiation files: what they say, and the errors that name the field.
#include "bargain/io/negotiation_json.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace bargain;

namespace {

Negotiation read(const std::string& text) {
  return read_negotiation(parse_json(text, "n.json").root());
}

std::string error_of(const std::string& text) {
  try {
    read(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

const std::string kTracks =
    R"("tracks": [{"name": "settlement", "issues": [
         {"name": "territory", "range": [0, 1]},
         {"name": "neutrality", "options": ["NATO path", {"name": "neutral", "position": 5}]}]}])";

std::string file_with(const std::string& actors) {
  return R"({"format": "bargain.negotiation/1", "title": "t", )" + kTracks +
         R"(, "actors": [)" + actors + "]}";
}

}  // namespace

TEST_CASE("a negotiation file: issues, options, saliences and reservations") {
  const auto n = read(file_with(
      R"({"name": "Ukraine", "ideal": {"territory": 1, "neutrality": "NATO path"},
          "salience": {"territory": "3/10", "neutrality": 0.7},
          "utility_at_ideal": 1, "reservation": 0.55, "source": "assumption"},
         {"name": "Russia", "ideal": {"territory": 0, "neutrality": 5},
          "loss": "quadratic",
          "reservation": {"war": {"win_probability": "3/5", "cost": 0.1,
             "victory": {"territory": 0, "neutrality": "neutral"},
             "defeat": {"territory": 1, "neutrality": "NATO path"}}}})"));
  CHECK(n.title == "t");
  CHECK(n.space.issue_count() == 2);
  CHECK(n.space.track_name(0) == "settlement");
  CHECK(n.space.issue(1).options()[0].position == 0);
  CHECK(n.space.issue(1).options()[1].position == 5);
  const auto& ukraine = n.actors[0];
  CHECK(ukraine.reservation == Rational(11, 20));
  CHECK(ukraine.preference.salience()[1] == Rational(7, 10));
  CHECK(ukraine.preference.utility({1, 0}) == 1);
  const auto& russia = n.actors[1];
  CHECK(russia.preference.loss() == Loss::quadratic);
  CHECK(russia.preference.salience()[0] == 1);  // saliences default to 1
  // War: 3/5 * u(victory) + 2/5 * u(defeat) - 1/10, u(defeat) = -1 - 25.
  CHECK(russia.reservation == Rational(2, 5) * -26 - Rational(1, 10));
}

TEST_CASE("negotiation files: each error names its field and place") {
  const auto actor = [](const std::string& fields) {
    return file_with(R"({"name": "A", )" + fields + "}");
  };
  CHECK(error_of(actor(R"("ideal": {"territory": 1}, "reservation": 0)")) ==
        "n.json:3:133: actors[0].ideal: found an object with 1 field, "
        "expected an ideal position for every issue the actor cares about "
        "(\"neutrality\" is missing)");
  CHECK(error_of(actor(R"("ideal": {"territory": 1, "neutrality": "maybe"},
      "reservation": 0)"))
            .find("actors[0].ideal.neutrality: found the string \"maybe\", "
                  "expected the name of an option of \"neutrality\"") !=
        std::string::npos);
  CHECK(error_of(actor(R"("ideal": {"land": 1}, "reservation": 0)"))
            .find("actors[0].ideal.land: found the number 1, expected the "
                  "name of an issue") != std::string::npos);
  CHECK(error_of(actor(R"("ideal": {}, "salience": {}, "reservation": 0,
      "loss": "cubic")"))
            .find("actors[0].loss: found the string \"cubic\", expected "
                  "\"linear\" or \"quadratic\"") != std::string::npos);
  CHECK(error_of(actor(R"("ideal": {}, "salience": {}, "reservation": {"war": {
      "win_probability": 2, "cost": 0, "victory": {}, "defeat": {}}})"))
            .find("win_probability: found the number 2, expected a "
                  "probability in [0, 1]") != std::string::npos);
  CHECK(error_of(actor(R"("ideal": {}, "salience": {}, "reservation": {"war": {
      "win_probability": 1, "cost": 0, "victory": {"territory": 2}, "defeat": {}}})"))
            .find("victory.territory: found the number 2, expected a value in "
                  "[0, 1]") != std::string::npos);
  CHECK(
      error_of(
          actor(R"("ideal": {}, "salience": {}, "reservation": 0, "mood": 1)"))
          .find("actors[0].mood: found an unknown field \"mood\"") !=
      std::string::npos);
  CHECK(error_of(
            file_with(
                R"({"name": "A", "ideal": {}, "salience": {}, "reservation": 0},
      {"name": "A", "ideal": {}, "salience": {}, "reservation": 0})"))
            .find("actors[1].name: found the string \"A\", expected an actor "
                  "name not used before") != std::string::npos);
  CHECK(
      error_of(
          R"({"format": "bargain.negotiation/2", "tracks": [], "actors": []})")
          .find("format: found the string \"bargain.negotiation/2\", "
                "expected \"bargain.negotiation/1\"") != std::string::npos);
  CHECK(error_of(R"({"format": "bargain.negotiation/1", "tracks": [{"name": "t",
      "issues": [{"name": "x", "range": [1, 0]}]}], "actors": []})")
            .find("tracks[0].issues[0].range: found an array of 2 elements, "
                  "expected a range [lo, hi] with lo <= hi") !=
        std::string::npos);
  CHECK(error_of(R"({"format": "bargain.negotiation/1", "tracks": [{"name": "t",
      "issues": [{"name": "x", "options": ["a", "a"]}]}], "actors": []})")
            .find("options[1]: found the string \"a\", expected an option name "
                  "not used before") != std::string::npos);
  CHECK(error_of(R"({"format": "bargain.negotiation/1", "tracks": [{"name": "t",
      "issues": [{"name": "x", "range": [0, 1], "options": ["a"]}]}], "actors": []})")
            .find("expected an issue with either \"range\" [lo, hi] or "
                  "\"options\"") != std::string::npos);
}
