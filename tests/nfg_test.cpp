#include "bargain/io/nfg.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "bargain/error.hpp"
#include "bargain/game/strategic.hpp"
#include "support.hpp"

using namespace bargain;

namespace {

const std::filesystem::path kGambit =
    std::filesystem::path(BARGAIN_SHARED_DIR) / "peers" / "gambit";

// FORMATS.md, Example B: Battle of the sexes in both body versions.
constexpr std::string_view kPayoffVersion =
    R"(NFG 1 R "Battle of the sexes" { "Row" "Col" } { 2 2 }

2 1  0 0  0 0  1 2
)";
constexpr std::string_view kOutcomeVersion =
    R"(NFG 1 R "Battle of the sexes" { "Row" "Col" }
{ { "Opera" "Football" } { "Opera" "Football" } }
""
{
{ "OO" 2, 1 }
{ "FF" 1, 2 }
}
1 0 0 2
)";

std::string parse_error(std::string_view text) {
  return test::parse_error(
      [](std::string_view t, const std::string& f) { return read_nfg(t, f); },
      text, "bad.nfg");
}

using Labels = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("nfg: both body versions of example B give one payoff table") {
  const auto by_payoffs = read_nfg(kPayoffVersion);
  const auto by_outcomes = read_nfg(kOutcomeVersion);
  const auto a = by_payoffs.payoff_table(), b = by_outcomes.payoff_table();
  CHECK(std::equal(a.begin(), a.end(), b.begin(), b.end()));
  REQUIRE(by_payoffs.contingency_count() == 4);
  CHECK(by_payoffs.strategy_label(0, 1) == "2");  // counts name them 1, 2
  CHECK(by_outcomes.strategy_label(1, 0) == "Opera");
  const std::size_t football_opera[] = {1, 0};  // Row F, Col O: index 1
  CHECK(by_payoffs.contingency_index(football_opera) == 1);
  CHECK(by_payoffs.payoff(3, 1) == 2);
  CHECK(by_outcomes.payoffs(0)[0] == 2);
  CHECK_FALSE(by_payoffs.outcomes());
  REQUIRE(by_outcomes.outcomes());
  CHECK(by_outcomes.outcomes()->labels[1] == "FF");
  CHECK(by_outcomes.outcomes()->contingency_outcome[1] == kNoOutcome);
  CHECK(by_payoffs != by_outcomes);  // one keeps an outcome table
}

TEST_CASE("nfg: the writer uses the version the game was given in") {
  CHECK(to_nfg(read_nfg(kOutcomeVersion)) ==
        R"(NFG 1 R "Battle of the sexes" { "Row" "Col" }

{ { "Opera" "Football" }
{ "Opera" "Football" }
}
""

{
{ "OO" 2, 1 }
{ "FF" 1, 2 }
}
1 0 0 2
)");
  CHECK(to_nfg(read_nfg(kPayoffVersion)) ==
        R"(NFG 1 R "Battle of the sexes" { "Row" "Col" }

{ { "1" "2" }
{ "1" "2" }
}
""

2 1
0 0
0 0
1 2
)");
  std::ostringstream out;
  write_nfg(out, read_nfg(kPayoffVersion));
  CHECK(out.str() == to_nfg(read_nfg(kPayoffVersion)));
}

TEST_CASE("nfg: every game of Gambit's corpus reads, writes, reads back") {
  std::map<std::string, std::vector<std::string>> inventory;
  std::ifstream csv(kGambit / "INVENTORY.csv");
  for (std::string line; std::getline(csv, line);) {
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string field; std::getline(row, field, ',');)
      fields.push_back(field);
    if (fields.size() == 5 && fields[1] == "nfg") inventory[fields[0]] = fields;
  }
  std::size_t files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(kGambit / "games")) {
    if (entry.path().extension() != ".nfg") continue;
    const std::string name = entry.path().filename().string();
    CAPTURE(name);
    ++files;
    const auto game = read_nfg_file(entry.path());
    const std::string text = to_nfg(game);
    const auto again = read_nfg(text, name);
    CHECK(again == game);
    CHECK(to_nfg(again) == text);
    REQUIRE(inventory.contains(name));
    const auto& row = inventory.at(name);
    std::string strategies;
    for (PlayerId p = 0; p < game.player_count(); ++p) {
      if (p > 0) strategies += 'x';
      strategies += std::to_string(game.strategy_count(p));
    }
    CHECK(row[2] == std::to_string(game.player_count()));
    CHECK(row[3] == std::to_string(game.contingency_count()));
    CHECK(row[4] == "strategies=" + strategies +
                        " body=" + (game.outcomes() ? "outcome" : "payoff"));
  }
  CHECK(files == 59);
}

TEST_CASE("nfg: exact numbers, comments, commas and D") {
  const auto g = read_nfg(
      "NFG 1 D \"t\" { \"A\" \"B\" \"C\" } { 1 2 1 } \"a comment\"\n"
      "{ { \"x\" 1/3, -2 0.5 } { \"\" 1e-2 2 3 } }\n"
      "2 1\n");
  CHECK(g.comment() == "a comment");
  CHECK(g.player_count() == 3);
  CHECK(g.payoff(0, 0) == Rational(1, 100));
  CHECK(g.payoff(1, 0) == Rational(1, 3));
  CHECK(g.payoff(1, 2) == Rational(1, 2));
  CHECK(read_nfg(to_nfg(g)) == g);
}

TEST_CASE("nfg: the example of strategic.hpp") {
  StrategicGame<Rational> bos("Battle of the sexes", {"Row", "Col"},
                              {{"Opera", "Football"}, {"Opera", "Football"}},
                              {2, 1, 0, 0, 0, 0, 1, 2});
  const std::size_t both_football[] = {1, 1};
  CHECK(bos.payoff(bos.contingency_index(both_football), 1) == 2);
  const auto read = read_nfg(kPayoffVersion);
  const auto a = bos.payoff_table(), b = read.payoff_table();
  CHECK(std::equal(a.begin(), a.end(), b.begin(), b.end()));
  CHECK_FALSE(bos == read);  // the strategies are named otherwise
}

TEST_CASE("nfg: strategic games check their shape when made") {
  const std::vector<std::string> players{"A", "B"};
  CHECK_THROWS_WITH_AS(
      StrategicGame<Rational>("", players, Labels{{"x"}}, {1, 2}),
      "a strategic game needs one strategy list per player: expected 2, "
      "given 1",
      GameError);
  CHECK_THROWS_WITH_AS(
      StrategicGame<Rational>("", players, Labels{{"x"}, {}}, {1, 2}),
      "player 2 has no strategy; every player needs at least one", GameError);
  CHECK_THROWS_WITH_AS(
      StrategicGame<Rational>("", players, Labels{{"x"}, {"y", "z"}},
                              std::vector<Rational>(3)),
      "a strategic game needs one payoff per player and contingency: "
      "expected 4, given 3",
      GameError);
  CHECK_THROWS_WITH_AS(
      StrategicGame<Rational>::from_outcomes(
          "", players, Labels{{"x"}, {"y"}},
          OutcomeTable<Rational>{{"o"}, {1, 2}, {3}}),
      "contingency 0 refers to outcome 3, beyond the end of the outcome "
      "table (size 1)",
      GameError);
  CHECK_THROWS_WITH_AS(
      StrategicGame<Rational>::from_outcomes(
          "", players, Labels{{"x"}, {"y"}},
          OutcomeTable<Rational>{{"o"}, {1}, {0}}),
      "a strategic game needs one payoff per outcome and player in its "
      "outcome table: expected 2, given 1",
      GameError);
  const std::size_t huge[] = {100'000, 100'000};
  CHECK_THROWS_AS(count_contingencies(huge), LimitError);
}

TEST_CASE("nfg: games convert between scalars and keep their outcomes") {
  const auto exact = read_nfg(kOutcomeVersion);
  const StrategicGame<double> approximate = exact.convert<double>();
  CHECK(approximate.payoff(3, 1) == 2.0);
  CHECK(approximate.outcomes()->payoffs[0] == 2.0);
  CHECK(approximate.convert<Rational>() == exact);
  CHECK(read_nfg(to_nfg(approximate)) == exact);
}

TEST_CASE("nfg: doubles are written so that they read back the same") {
  const StrategicGame<double> g("", {"A"}, {{"x", "y", "z"}},
                                {1e300, -1e-300, 0.1});
  const std::string text = to_nfg(g);
  CHECK(text.find("1e300\n-1e-300\n0.1\n") != std::string::npos);
  CHECK(read_nfg(text).convert<double>() == g);
  const StrategicGame<double> inf("", {"A"}, {{"x"}}, {1.0 / 0.0});
  CHECK_THROWS_WITH_AS(
      to_nfg(inf),
      "the value inf cannot be written to a file; every number must be finite",
      GameError);
}

TEST_CASE("nfg error: trailing tokens after the body") {
  CHECK(parse_error("NFG 1 R \"\" { \"A\" \"B\" } { 2 2 }\n"
                    "2 1 0 0 0 0 1 2 9\n") ==
        "bad.nfg:2:17: found \"9\", expected the end of the file after 8 "
        "payoffs (4 contingencies x 2 players)");
  CHECK(parse_error("NFG 1 R \"\" { \"A\" } { 2 } { { \"\" 1 } } 1 0 }") ==
        "bad.nfg:1:43: found \"}\", expected the end of the file after 2 "
        "outcome numbers, one per contingency");
}

TEST_CASE("nfg error: fewer payoffs than contingencies need") {
  CHECK(parse_error("NFG 1 R \"\" { \"A\" \"B\" } { 2 2 }\n2 1 0 0 0 0 1\n") ==
        "bad.nfg:3:1: found end of file, expected payoff 8 of 8 (player 2 "
        "(\"B\") at contingency 4)");
}

TEST_CASE("nfg error: a strategy count list that is not whole numbers") {
  CHECK(parse_error("NFG 1 R \"\" { \"A\" \"B\" } { 2 \"x\" } 1 2") ==
        "bad.nfg:1:28: found text \"x\", expected a strategy count for "
        "player 2 (\"B\") (a whole number, at least 1)");
  CHECK(parse_error("NFG 1 R \"\" { \"A\" \"B\" } { 2 1.5 } 1 2") ==
        "bad.nfg:1:28: found \"1.5\", expected a strategy count for player 2 "
        "(\"B\") (a whole number, at least 1)");
  CHECK(parse_error("NFG 1 R \"\" { \"A\" \"B\" } { 2 0 }") ==
        "bad.nfg:1:28: found \"0\", expected a strategy count for player 2 "
        "(\"B\") (a whole number, at least 1)");
}

TEST_CASE("nfg error: strategy lists not one per player") {
  CHECK(parse_error("NFG 1 R \"\" { \"A\" \"B\" } { 2 2 2 }") ==
        "bad.nfg:1:30: found \"2\", expected \"}\" after one strategy count "
        "per player (2 players)");
  CHECK(parse_error("NFG 1 R \"\" { \"A\" \"B\" } { 2 }") ==
        "bad.nfg:1:28: found \"}\", expected a strategy count for player 2 "
        "(\"B\")");
  CHECK(parse_error("NFG 1 R \"\" { \"A\" \"B\" } { { \"x\" } }") ==
        "bad.nfg:1:34: found \"}\", expected \"{\" opening the strategy "
        "labels of player 2 (\"B\")");
  CHECK(parse_error("NFG 1 R \"\" { \"A\" } { { \"x\" } { \"y\" } }") ==
        "bad.nfg:1:30: found \"{\", expected \"}\" after one strategy list "
        "per player (1 player)");
  CHECK(parse_error("NFG 1 R \"\" { \"A\" } { { } }") ==
        "bad.nfg:1:24: found \"}\", expected a strategy label: every player "
        "needs at least one strategy");
}

TEST_CASE("nfg error: too many contingencies, refused before allocating") {
  CHECK_THROWS_WITH_AS(
      read_nfg("NFG 1 R \"\" { \"A\" \"B\" } { 100000 100001 }\n1 2\n",
               "big.nfg"),
      "big.nfg:1:24: a strategic game with more than 100000000 "
      "contingencies",
      LimitError);
}

TEST_CASE("nfg error: outcome numbers out of range") {
  CHECK(parse_error("NFG 1 R \"\" { \"A\" } { 2 } { { \"\" 1 } } 1 2") ==
        "bad.nfg:1:41: found \"2\", expected an outcome number from 0 to 1 "
        "for contingency 2 of 2");
  CHECK(parse_error("NFG 1 R \"\" { \"A\" } { 2 } { { \"\" 1 } } 1 -1") ==
        "bad.nfg:1:41: found \"-1\", expected an outcome number from 0 to 1 "
        "for contingency 2 of 2");
}

TEST_CASE("nfg error: an outcome with the wrong number of payoffs") {
  CHECK(parse_error("NFG 1 R \"\" { \"A\" \"B\" } { 1 1 } { { \"\" 1 } } 1") ==
        "bad.nfg:1:41: found \"}\", expected a payoff for player 2 (\"B\")");
  CHECK(parse_error("NFG 1 R \"\" { \"A\" } { 1 } { { \"\" 1 2 } } 1") ==
        "bad.nfg:1:35: found \"2\", expected \"}\" after 1 payoff, one per "
        "player");
}

TEST_CASE("nfg error: an efg file given to the nfg reader") {
  CHECK(parse_error("EFG 2 R \"\" { }") ==
        "bad.nfg:1:1: found \"EFG\", expected \"NFG\"");
  CHECK(parse_error("NFG 2 R \"\" { }") ==
        "bad.nfg:1:5: found \"2\", expected version \"1\" of the NFG format");
}
