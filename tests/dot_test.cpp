#include "bargain/io/dot.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "bargain/game/builder.hpp"
#include "support.hpp"

using namespace bargain;

namespace {

// Chance deals High (1/4) or Low (3/4); Alice sees the card and raises or
// checks; Bob sees only the raise: one information set across both deals.
// Preorder: 0 deal, 1 Alice high, 2 Bob, 3 call, 4 fold, 5 check,
// 6 Alice low, 7 Bob, 8 call, 9 fold, 10 check.
Game card_game() {
  GameBuilder<Rational> b("Card game");
  const auto alice = b.add_player("Alice");
  const auto bob = b.add_player("Bob \"the\" \\ Bold");
  const auto deal =
      b.move(b.root(), b.add_chance_infoset("deal", {{"High", Rational(1, 4)},
                                                     {"Low", Rational(3, 4)}}));
  const auto respond = b.add_infoset(bob, "after raise", {"Call", "Fold"});
  const InfosetId seen[] = {b.add_infoset(alice, "high", {"Raise", "Check"}),
                            b.add_infoset(alice, "low", {"Raise", "Check"})};
  for (int card = 0; card < 2; ++card) {
    const int sign = card == 0 ? 1 : -1;
    const auto raise_or_check = b.move(deal[card], seen[card]);
    const auto call_or_fold = b.move(raise_or_check[0], respond);
    b.set_outcome(call_or_fold[0],
                  b.add_outcome("showdown", {2 * sign, -2 * sign}));
    b.set_outcome(call_or_fold[1], b.add_outcome("", {1, -1}));
    b.set_outcome(raise_or_check[1],
                  b.add_outcome("", {Rational(sign, 2), Rational(-sign, 2)}));
  }
  return std::move(b).freeze();
}

// Alice checks with High and raises a quarter of the time with Low; Bob
// calls. Bob's node after High is then off the path of play.
BehaviorProfile<Rational> bluffing_profile(const Game& game) {
  const GameTree& t = game.tree();
  BehaviorProfile<Rational> profile(game.shared_tree());
  profile.set_pure(t.incoming_action(5));  // High: Check
  profile[t.incoming_action(7)] = Rational(1, 4);
  profile[t.incoming_action(10)] = Rational(3, 4);
  profile.set_pure(t.incoming_action(3));  // Call
  return profile;
}

template <Scalar T>
std::string dot_of(const ExtensiveGame<T>& game,
                   const DotOptions<T>& options = {}) {
  std::ostringstream out;
  write_dot(out, game, options);
  return out.str();
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// One node or edge statement of the output: `3 [...]` or `2 -> 3 [...]`.
struct Statement {
  NodeId from = kNoNode;
  NodeId to = kNoNode;  // kNoNode for a node statement
  std::string attributes;

  bool has(std::string_view text) const { return contains(attributes, text); }
  bool is_dashed() const { return has("style=dashed"); }
};

std::vector<Statement> statements(const std::string& dot) {
  std::istringstream lines(dot);
  std::vector<Statement> found;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream in(line);
    Statement s;
    if (!(in >> s.from)) continue;  // the digraph line, defaults, the brace
    if ((in >> std::ws).peek() == '-') {
      std::string arrow;
      in >> arrow >> s.to;
      REQUIRE(arrow == "->");
    }
    std::getline(in, s.attributes);
    found.push_back(std::move(s));
  }
  return found;
}

constexpr std::string_view kPathColor = "color=\"#c0392b\"";
constexpr std::string_view kOffPathColor = "color=\"#e6a39b\"";

}  // namespace

TEST_CASE("dot: one statement per node and move, dashed lines join sets") {
  const Game game = card_game();
  const GameTree& t = game.tree();
  const std::string dot = dot_of(game);
  CHECK(dot.starts_with("digraph \"Card game\" {\n"));
  CHECK(dot.ends_with("}\n"));

  std::set<NodeId> nodes;
  std::set<std::pair<NodeId, NodeId>> moves, dashed;
  for (const Statement& s : statements(dot)) {
    if (s.to == kNoNode)
      nodes.insert(s.from);
    else
      (s.is_dashed() ? dashed : moves).emplace(s.from, s.to);
    CHECK_FALSE(s.has("#c0392b"));  // no profile, no highlight
  }
  CHECK(nodes.size() == t.node_count());
  REQUIRE(moves.size() == t.node_count() - 1);
  for (NodeId v = 1; v < t.node_count(); ++v)
    CHECK(moves.contains({t.parent(v), v}));
  // Bob's two nodes form the only information set of more than one node.
  CHECK(dashed == std::set<std::pair<NodeId, NodeId>>{{2, 7}});
}

TEST_CASE("dot: labels name movers, actions, odds and payoffs") {
  const Game game = card_game();
  const std::string dot = dot_of(game);
  CHECK(contains(dot, R"dot(0 [label="chance\ndeal", shape=diamond])dot"));
  CHECK(contains(dot, R"dot(1 [label="Alice\nhigh", shape=ellipse])dot"));
  CHECK(contains(dot, R"dot(0 -> 1 [label="High (1/4)"])dot"));
  CHECK(contains(dot, R"dot(1 -> 2 [label="Raise"])dot"));
  CHECK(contains(dot, R"dot(3 [label="showdown\n(2, -2)", shape=box])dot"));
  CHECK(contains(dot, R"dot(5 [label="(1/2, -1/2)", shape=box])dot"));
  // The same game in double prints the shortest decimals.
  CHECK(contains(dot_of(game.convert<double>()),
                 R"dot(0 -> 6 [label="Low (0.75)"])dot"));

  GameBuilder<Rational> b;
  b.add_player("");
  const auto kids = b.move(b.root(), b.add_infoset(0, "", {"", "b"}));
  b.set_outcome(kids[0], b.add_outcome("", {1}));
  const std::string anonymous = dot_of(std::move(b).freeze());
  CHECK(anonymous.starts_with("digraph {\n"));
  CHECK(contains(anonymous, R"dot(0 [label="player 1", shape=ellipse])dot"));
  CHECK(contains(anonymous, R"dot(0 -> 1 [label=""])dot"));
}

TEST_CASE("dot: quotes, backslashes and line breaks are escaped") {
  CHECK(dot_quoted("plain") == R"dot("plain")dot");
  CHECK(dot_quoted("say \"no\"") == R"dot("say \"no\"")dot");
  CHECK(dot_quoted("C:\\") == R"dot("C:\\")dot");  // cannot swallow the quote
  CHECK(dot_quoted("\\N is not the node name") ==
        R"dot("\\N is not the node name")dot");
  CHECK(dot_quoted("two\nlines\r\n") == R"dot("two\nlines\n")dot");

  const std::string dot = dot_of(card_game());
  CHECK(contains(dot, R"dot(2 [label="Bob \"the\" \\ Bold\nafter raise")dot"));
}

TEST_CASE("dot: the path of play is drawn exactly along the reached nodes") {
  const Game game = card_game();
  const GameTree& t = game.tree();
  const auto profile = bluffing_profile(game);
  const std::vector<bool> reached = profile.reached(game);
  REQUIRE(reached == std::vector<bool>{true, true, false, false, false, true,
                                       true, true, true, false, true});

  const std::string dot = dot_of(game, {.profile = &profile});
  std::size_t nodes = 0, moves = 0;
  for (const Statement& s : statements(dot)) {
    if (s.is_dashed()) continue;
    if (s.to == kNoNode) {
      ++nodes;
      CHECK_MESSAGE(s.has(kPathColor) == reached[s.from], "node ", s.from);
      continue;
    }
    ++moves;
    CHECK_MESSAGE(s.has(kPathColor) == reached[s.to], "move to ", s.to);
    // Bob's Call after High: what he would do, were he asked.
    CHECK_MESSAGE(s.has(kOffPathColor) == (s.to == 3), "move to ", s.to);
  }
  CHECK(nodes == t.node_count());
  CHECK(moves == t.node_count() - 1);
  // A mixed action shows its probability; a pure one needs none.
  CHECK(contains(dot, R"dot(6 -> 7 [label="Raise (1/4)")dot"));
  CHECK(contains(dot, R"dot(6 -> 10 [label="Check (3/4)")dot"));
  CHECK(contains(dot, R"dot(1 -> 5 [label="Check",)dot"));
}

TEST_CASE("dot: a game beyond the node limit is refused before any output") {
  const Game game = card_game();
  std::ostringstream out;
  CHECK_THROWS_WITH_AS(
      write_dot(out, game, {.max_nodes = 10}),
      "write_dot: the game has 11 nodes, more than the limit of 10; draw a "
      "smaller game or raise DotOptions::max_nodes",
      LimitError);
  CHECK(out.str().empty());
  CHECK_NOTHROW(write_dot(out, game, {.max_nodes = 11}));

  // By default, a few thousand nodes.
  const auto chain = test::take_or_pass_chain<double>(2500, [](int) {
    return std::array{0.0, 0.0};
  });
  CHECK_THROWS_AS(dot_of(chain), LimitError);
}

TEST_CASE("dot: a profile of another game is refused") {
  const Game game = card_game();
  GameBuilder<Rational> b;
  b.move(b.root(), b.add_infoset(b.add_player("P"), "", {"a", "b"}));
  const Game other = std::move(b).freeze();
  const BehaviorProfile<Rational> stranger(other.shared_tree());
  CHECK_THROWS_AS(dot_of(game, {.profile = &stranger}), GameError);
  // An equal tree built separately is the same game.
  const auto profile = bluffing_profile(card_game());
  CHECK_NOTHROW(dot_of(game, {.profile = &profile}));
}

TEST_CASE("dot: Graphviz lays the output out without a complaint") {
  if (std::system("command -v dot > /dev/null 2>&1") != 0) {
    MESSAGE("dot is not on PATH; skipping the Graphviz check");
    return;
  }
  const Game game = card_game();
  const auto profile = bluffing_profile(game);
  const auto dir = std::filesystem::temp_directory_path();
  const auto stem = "bargain_dot_test_" + std::to_string(::getpid());
  const auto dot_path = dir / (stem + ".dot");
  const auto svg_path = dir / (stem + ".svg");
  std::ofstream(dot_path) << dot_of(game, {.profile = &profile});

  const std::string command = "dot -Tsvg '" + dot_path.string() + "' -o '" +
                              svg_path.string() + "' 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string complaints;
  for (int c; (c = std::fgetc(pipe)) != EOF;)
    complaints += static_cast<char>(c);
  CHECK(::pclose(pipe) == 0);
  CHECK(complaints == "");  // not even a warning

  std::ifstream svg_file(svg_path);
  const std::string svg{std::istreambuf_iterator<char>(svg_file), {}};
  const auto count = [&](std::string_view what) {
    std::size_t n = 0;
    for (auto at = svg.find(what); at != std::string::npos;
         at = svg.find(what, at + 1))
      ++n;
    return n;
  };
  CHECK(count("class=\"node\"") == game.tree().node_count());
  CHECK(count("class=\"edge\"") == game.tree().node_count());  // + 1 dashed
  std::filesystem::remove(dot_path);
  std::filesystem::remove(svg_path);
}
