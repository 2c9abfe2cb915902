// Malformed .efg input: every case names the line and column of the
// offending token, what was found there and what was expected.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "bargain/error.hpp"
#include "bargain/io/efg.hpp"
#include "support.hpp"

using namespace bargain;

namespace {

// A valid start (players A and B, an empty comment); nodes from line 3.
const std::string kHead = "EFG 2 R \"t\" { \"A\" \"B\" }\n\"\"\n";

std::string parse_error(std::string_view text) {
  return test::parse_error(
      [](std::string_view t, const std::string& f) { return read_efg(t, f); },
      text, "bad.efg");
}

}  // namespace

TEST_CASE("efg error: empty file") {
  CHECK(parse_error("") == "bad.efg:1:1: found end of file, expected \"EFG\"");
  CHECK(parse_error("\n  \n   ") ==
        "bad.efg:3:4: found end of file, expected \"EFG\"");
}

TEST_CASE("efg error: binary data, a NUL byte") {
  CHECK(parse_error(std::string("EFG 2 R \"t\0\" { }", 16)) ==
        "bad.efg:1:11: found binary data, expected text (UTF-8 without "
        "control characters)");
}

TEST_CASE("efg error: binary data, invalid UTF-8") {
  // A gzip header, and a label in Latin-1 after correct UTF-8 on its line.
  CHECK(parse_error("\x1f\x8b\x08") ==
        "bad.efg:1:1: found binary data, expected text (UTF-8 without "
        "control characters)");
  CHECK(parse_error(kHead + "t \"é caf\xe9\" 0\n") ==
        "bad.efg:3:9: found binary data, expected text (UTF-8 without "
        "control characters)");
}

TEST_CASE("efg error: wrong magic") {
  CHECK(parse_error("NFG 1 R \"t\" { }") ==
        "bad.efg:1:1: found \"NFG\", expected \"EFG\"");
}

TEST_CASE("efg error: wrong version") {
  CHECK(parse_error("EFG 3 R \"t\" { }") ==
        "bad.efg:1:5: found \"3\", expected version \"2\" of the EFG format");
  CHECK(parse_error("EFG 2 X \"t\" { }") ==
        "bad.efg:1:7: found \"X\", expected \"R\" or \"D\"");
}

TEST_CASE("efg error: a title missing") {
  CHECK(parse_error("EFG 2 R { \"A\" }") ==
        "bad.efg:1:9: found \"{\", expected the game's title (a quoted text)");
}

TEST_CASE("efg error: truncated in the middle of the tree") {
  CHECK(parse_error(kHead + "p \"\" 1 1 \"\" { \"a\" \"b\" } 0\n"
                            "t \"\" 0\n") ==
        "bad.efg:5:1: found end of file, expected a node: \"p\", \"c\" or "
        "\"t\"");
}

TEST_CASE("efg error: truncated in the middle of a node") {
  CHECK(parse_error(kHead + "p \"\" 1 1 \"\" { \"a\" \"b\" }") ==
        "bad.efg:3:24: found end of file, expected an outcome number (0 for "
        "none)");
}

TEST_CASE("efg error: truncated in the middle of a list") {
  CHECK(parse_error(kHead + "p \"\" 1 1 \"\" { \"a\" \"b\"\n") ==
        "bad.efg:4:1: found end of file, expected an action label (a quoted "
        "text) or \"}\"");
}

TEST_CASE("efg error: unterminated text, reported where it starts") {
  CHECK(parse_error(kHead + "t \"\" 1 \"Outcome") ==
        "bad.efg:3:8: found unterminated text \"Outcome, expected a closing "
        "'\"' before the end of the file");
  CHECK(parse_error(kHead + "t \"\" 1 \"a long outcome label that goes on "
                            "and on\nand on\n") ==
        "bad.efg:3:8: found unterminated text \"a long outcome label that "
        "goes on and on..., expected a closing '\"' before the end of the "
        "file");
}

TEST_CASE("efg error: unknown node type") {
  CHECK(parse_error(kHead + "x \"\" 0\n") ==
        "bad.efg:3:1: found \"x\", expected a node: \"p\", \"c\" or \"t\"");
  CHECK(parse_error(kHead + "terminal \"\" 0\n") ==
        "bad.efg:3:1: found \"terminal\", expected a node: \"p\", \"c\" or "
        "\"t\"");
}

TEST_CASE("efg error: unbalanced braces") {
  CHECK(parse_error("EFG 2 R \"t\" { \"A\" \"B\"\np \"\" 1 1 \"\" { \"a\" } "
                    "0\nt \"\" 0\n") ==
        "bad.efg:2:1: found \"p\", expected a player's name (a quoted text) "
        "or \"}\"");
  CHECK(parse_error(kHead + "p \"\" 1 1 \"\" { \"a\" } } 0\nt \"\" 0\n") ==
        "bad.efg:3:21: found \"}\", expected an outcome number (0 for none)");
  CHECK(
      parse_error(kHead + "p \"\" 1 1 \"\" { \"a\" { \"b\" } 0\nt \"\" 0\n") ==
      "bad.efg:3:19: found \"{\", expected an action label (a quoted text) "
      "or \"}\"");
}

TEST_CASE("efg error: a malformed number") {
  CHECK(parse_error(kHead + "t \"\" 1 \"\" { 1.2.3, 0 }\n") ==
        "bad.efg:3:13: found \"1.2.3\" (unexpected '.'), expected a payoff "
        "for player 1 (\"A\")");
  CHECK(parse_error(kHead + "t \"\" 1 \"\" { 1, 3/0 }\n") ==
        "bad.efg:3:16: found \"3/0\" (a fraction with denominator zero), "
        "expected a payoff for player 2 (\"B\")");
  CHECK(parse_error(kHead + "t \"\" 1 \"\" { 1, - }\n") ==
        "bad.efg:3:16: found \"-\" (expected digits), expected a payoff for "
        "player 2 (\"B\")");
}

TEST_CASE("efg error: a number beyond the limits is a LimitError") {
  CHECK_THROWS_WITH_AS(
      read_efg(kHead + "t \"\" 1 \"\" { 1, 1e999999999 }\n", "bad.efg"),
      "bad.efg:3:16: the number \"1e999999999\" is beyond the reader's limits: "
      "exponent beyond the limit of +-1000",
      LimitError);
}

TEST_CASE("efg error: player number out of range") {
  CHECK(parse_error(kHead + "p \"\" 3 1 \"\" { \"a\" } 0\nt \"\" 0\n") ==
        "bad.efg:3:6: found \"3\", expected a player number from 1 to 2");
  CHECK(parse_error(kHead + "p \"\" 0 1 \"\" { \"a\" } 0\nt \"\" 0\n") ==
        "bad.efg:3:6: found \"0\", expected a player number from 1 to 2");
  CHECK(parse_error("EFG 2 R \"t\" { } p \"\" 1 1 \"\" { \"a\" } 0 t \"\" 0") ==
        "bad.efg:1:22: found \"1\", expected no player node: the game has no "
        "players");
}

TEST_CASE("efg error: an information set reused with another action count") {
  CHECK(parse_error(kHead + "p \"\" 1 1 \"\" { \"a\" \"b\" } 0\n"
                            "p \"\" 2 1 \"\" { \"x\" \"y\" } 0\n"
                            "t \"\" 0\n"
                            "t \"\" 0\n"
                            "p \"\" 2 1 \"\" { \"x\" \"y\" \"z\" } 0\n") ==
        "bad.efg:7:23: found text \"z\", expected \"}\" as information set 1 "
        "of player 2 (\"B\") was described at 4:10");
}

TEST_CASE("efg error: an information set reused with other labels") {
  const std::string first =
      kHead + "p \"\" 1 1 \"\" { \"a\" \"b\" } 0\n" +
      "p \"\" 2 1 \"guess\" { \"x\" \"y\" } 0\nt \"\" 0\nt \"\" 0\n";
  CHECK(parse_error(first + "p \"\" 2 1 \"guess\" { \"x\" \"w\" } 0\n") ==
        "bad.efg:7:24: found text \"w\", expected text \"y\" as information "
        "set 1 of player 2 (\"B\") was described at 4:10");
  CHECK(parse_error(first + "p \"\" 2 1 \"other\" { \"x\" \"y\" } 0\n") ==
        "bad.efg:7:10: found text \"other\", expected text \"guess\" as "
        "information set 1 of player 2 (\"B\") was described at 4:10");
}

TEST_CASE("efg error: a chance set reused with other probabilities") {
  CHECK(parse_error(kHead + "p \"\" 1 1 \"\" { \"a\" \"b\" } 0\n"
                            "c \"\" 1 \"\" { \"H\" 1/2 \"T\" 1/2 } 0\n"
                            "t \"\" 0\nt \"\" 0\n"
                            "c \"\" 1 \"\" { \"H\" 1/3 \"T\" 2/3 } 0\n") ==
        "bad.efg:7:17: found \"1/3\", expected \"1/2\" as chance information "
        "set 1 was described at 4:8");
}

TEST_CASE("efg error: chance probabilities not summing to exactly 1") {
  CHECK(parse_error(kHead + "c \"\" 1 \"\" { \"H\" 1/2 \"T\" 0.3333 } 0\n") ==
        "bad.efg:3:11: found probabilities summing to 8333/10000, expected "
        "probabilities summing to exactly 1");
}

TEST_CASE("efg error: a negative probability") {
  CHECK(parse_error(kHead + "c \"\" 1 \"\" { \"H\" -1/2 \"T\" 3/2 } 0\n") ==
        "bad.efg:3:17: found \"-1/2\", expected a probability from 0 to 1");
}

TEST_CASE("efg error: fewer payoffs than players") {
  CHECK(parse_error(kHead + "t \"\" 1 \"\" { 5 }\n") ==
        "bad.efg:3:15: found \"}\", expected a payoff for player 2 (\"B\")");
}

TEST_CASE("efg error: more payoffs than players") {
  CHECK(parse_error(kHead + "t \"\" 1 \"\" { 5 6 7 }\n") ==
        "bad.efg:3:17: found \"7\", expected \"}\" after 2 payoffs, one per "
        "player");
  CHECK(parse_error(kHead + "t \"\" 1 \"\" { 5, 6, }\n") ==
        "bad.efg:3:17: found \",\", expected \"}\" after 2 payoffs, one per "
        "player");
}

TEST_CASE("efg error: an outcome described twice with other payoffs") {
  CHECK(parse_error(kHead + "p \"\" 1 1 \"\" { \"a\" \"b\" } 0\n"
                            "t \"\" 1 \"win\" { 1, 2 }\n"
                            "t \"\" 1 \"win\" { 1, 3 }\n") ==
        "bad.efg:5:19: found \"3\", expected \"2\" as outcome 1 was described "
        "at 4:8");
}

TEST_CASE("efg error: an outcome used before its description") {
  CHECK(parse_error(kHead + "p \"\" 1 1 \"\" { \"a\" \"b\" } 0\n"
                            "t \"\" 1\n"
                            "t \"\" 1 \"win\" { 1, 2 }\n") ==
        "bad.efg:5:1: found \"t\", expected the label and payoffs of outcome "
        "1, which appears here first");
}

TEST_CASE("efg error: an information set referenced before its description") {
  CHECK(parse_error(kHead + "p \"\" 1 5 0\nt \"\" 0\n") ==
        "bad.efg:3:10: found \"0\", expected the label and actions of "
        "information set 5 of player 1 (\"A\"), which appears here first");
  CHECK(parse_error(kHead + "c \"\" 2 0\nt \"\" 0\n") ==
        "bad.efg:3:8: found \"0\", expected the label and actions of chance "
        "information set 2, which appears here first");
}

TEST_CASE("efg error: outcome 0 given a description") {
  CHECK(parse_error(kHead + "t \"\" 0 \"none\" { 1, 2 }\n") ==
        "bad.efg:3:8: found text \"none\", expected the next node: outcome 0 "
        "means none and takes no label or payoffs");
}

TEST_CASE("efg error: a node with no actions") {
  CHECK(parse_error(kHead + "p \"\" 1 1 \"\" { } 0\n") ==
        "bad.efg:3:15: found \"}\", expected an action label: a node needs at "
        "least one action");
}

TEST_CASE("efg error: tokens after the root's subtree") {
  // Gambit ignores them; no file of its corpus has any.
  CHECK(parse_error(kHead + "t \"\" 0\nt \"\" 0\n") ==
        "bad.efg:4:1: found \"t\", expected the end of the file after the "
        "root's subtree");
}

TEST_CASE("efg error: ids that are not whole numbers") {
  CHECK(parse_error(kHead + "p \"\" 1 1.5 \"\" { \"a\" } 0\nt \"\" 0\n") ==
        "bad.efg:3:8: found \"1.5\", expected an information set number (a "
        "whole number)");
  CHECK(parse_error(kHead + "t \"\" -1\n") ==
        "bad.efg:3:6: found \"-1\", expected an outcome number (0 for none)");
  CHECK(parse_error(kHead + "t \"\" \"1\"\n") ==
        "bad.efg:3:6: found text \"1\", expected an outcome number (0 for "
        "none)");
  CHECK(parse_error(kHead + "t \"\" 99999999999999999999\n") ==
        "bad.efg:3:6: found \"99999999999999999999\", expected an outcome "
        "number (0 for none)");
}

TEST_CASE("efg error: more children announced than the file can hold") {
  // A set of 100000 actions, then short nodes at that set: the reader stops
  // at the first node whose children cannot fit in the rest of the file,
  // before creating them.
  std::string text = kHead + "p \"\" 1 1 \"\" {";
  for (int i = 0; i < 100'000; ++i) text += " \"\"";
  text += " } 0\n";
  for (int i = 0; i < 1000; ++i) text += "p \"\" 1 1 0\n";
  CHECK(parse_error(text) ==
        "bad.efg:1004:1: found end of file, expected a node: \"p\", \"c\" or "
        "\"t\"");
}

TEST_CASE("efg error: columns count characters, long tokens are shortened") {
  CHECK(parse_error(kHead + "t \"Ærø\" x\n") ==
        "bad.efg:3:9: found \"x\", expected an outcome number (0 for none)");
  CHECK(parse_error(kHead + std::string(100, 'z')) ==
        "bad.efg:3:1: found \"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz...\", "
        "expected a node: \"p\", \"c\" or \"t\"");
}
