#include "bargain/game/tree.hpp"

#include <doctest/doctest.h>

#include "bargain/game/builder.hpp"
#include "support.hpp"

using namespace bargain;

using test::entry_game;

TEST_CASE("tree: a built game freezes into preorder with CSR children") {
  const Game game = entry_game();
  const GameTree& t = game.tree();
  REQUIRE(t.node_count() == 5);
  CHECK(t.player_count() == 2);
  CHECK(t.kind(0) == NodeKind::decision);
  CHECK(t.children(0).size() == 2);
  CHECK(t.children(0)[0] == 1);  // preorder: first child follows its parent
  CHECK(t.children(0)[1] == 2);
  CHECK(t.children(2)[0] == 3);
  CHECK(t.parent(3) == 2);
  CHECK(t.parent(0) == kNoNode);
  CHECK(t.terminal_count() == 3);
  CHECK(t.infoset_count() == 2);
  CHECK(t.player(2) == 1);
  CHECK(t.action_label(t.incoming_action(4)) == "Cooperate");
  CHECK(t.depth(4) == 2);
  CHECK(t.has_perfect_information());
  CHECK(t.has_perfect_recall());
  CHECK(game.payoffs(4)[0] == 2);
  CHECK(game.payoffs(1)[1] == 5);
  CHECK(t.outcome_label(t.outcome(3)) == "war");
}

TEST_CASE("tree: outcomes on inner nodes add up along the path") {
  GameBuilder<Rational> b;
  const auto p = b.add_player("P");
  const auto kids = b.move(b.root(), b.add_infoset(p, "", {"a", "b"}));
  b.set_outcome(b.root(), b.add_outcome("ante", {Rational(-1, 4)}));
  const auto grand = b.move(kids[0], b.add_infoset(p, "", {"c", "d"}));
  b.set_outcome(kids[0], b.add_outcome("mid", {Rational(1)}));
  b.set_outcome(grand[1], b.add_outcome("end", {Rational(2)}));
  const Game g = std::move(b).freeze();
  // preorder: 0 root, 1 a, 2 a.c, 3 a.d, 4 b
  CHECK(g.payoffs(2)[0] == Rational(3, 4));
  CHECK(g.payoffs(3)[0] == Rational(11, 4));
  CHECK(g.payoffs(4)[0] == Rational(-1, 4));
}

TEST_CASE("tree: chance probabilities must sum to one, exactly") {
  GameBuilder<Rational> b;
  b.add_player("P");
  CHECK_THROWS_WITH_AS(
      b.add_chance_infoset("coin",
                           {{"H", Rational(1, 2)}, {"T", Rational(2, 5)}}),
      "chance information set \"coin\": probabilities sum to 9/10, expected 1",
      GameError);
  CHECK_THROWS_AS(b.add_chance_infoset(
                      "coin", {{"H", Rational(3, 2)}, {"T", Rational(-1, 2)}}),
                  GameError);
  GameBuilder<double> d;
  CHECK_NOTHROW(d.add_chance_infoset(
      "thirds", {{"a", 1.0 / 3}, {"b", 1.0 / 3}, {"c", 1.0 / 3}}));
}

TEST_CASE("tree: misuse of the builder is refused with a reason") {
  GameBuilder<Rational> b;
  const auto p = b.add_player("P");
  const auto set = b.add_infoset(p, "", {"x"});
  CHECK_THROWS_WITH_AS(
      b.add_outcome("o", {1, 2}),
      "outcome \"o\" has 2 payoffs, expected one per player (1)", GameError);
  CHECK_THROWS_AS(b.add_infoset(7, "", {"x"}), GameError);
  b.move(b.root(), set);
  CHECK_THROWS_WITH_AS(b.move(b.root(), set),
                       "move at node 0: the node already has a move",
                       GameError);
  CHECK_THROWS_AS(b.move(99, set), GameError);
  CHECK_THROWS_AS(b.add_infoset(p, "", {}), GameError);
  b.add_outcome("o", {1});
  CHECK_THROWS_AS(b.add_player("late"), GameError);
}

TEST_CASE("tree: subjective beliefs sit beside the objective odds") {
  GameBuilder<Rational> b;
  const auto r = b.add_player("Russia");
  const auto u = b.add_player("Ukraine");
  const auto war = b.add_chance_infoset(
      "front", {{"R wins", Rational(1, 2)}, {"U wins", Rational(1, 2)}});
  b.set_beliefs(r, war, {Rational(7, 10), Rational(3, 10)});
  b.move(b.root(), war);
  const Game g = std::move(b).freeze();
  const InfosetId set = g.tree().infoset(0);
  CHECK(g.probabilities(set)[0] == Rational(1, 2));
  CHECK(g.beliefs(r, set)[0] == Rational(7, 10));
  CHECK(g.beliefs(u, set)[0] == Rational(1, 2));
  CHECK(g.has_subjective_beliefs());
  CHECK(g.has_own_beliefs(r));
  CHECK_FALSE(g.has_own_beliefs(u));
  const auto d = g.convert<double>();
  CHECK(d.beliefs(r, set)[1] == 0.3);
}

TEST_CASE("tree: imperfect recall is reported with the set and the reason") {
  SUBCASE("forgetting one's own earlier action") {
    GameBuilder<Rational> b;
    const auto p = b.add_player("Alice");
    const auto first = b.move(b.root(), b.add_infoset(p, "start", {"L", "R"}));
    const auto later = b.add_infoset(p, "later", {"x", "y"});
    b.move(first[0], later);
    b.move(first[1], later);
    const Game g = std::move(b).freeze();
    CHECK_FALSE(g.tree().has_perfect_recall());
    CHECK(g.tree().recall_violation() ==
          "information set 2 of player 1 (Alice), \"later\" has imperfect "
          "recall: node 2 "
          "follows action 1 \"L\" at information set 1 of player 1 (Alice), "
          "\"start\", but "
          "node 5 follows action 2 \"R\" at information set 1 of player 1 "
          "(Alice), \"start\"");
  }
  SUBCASE("absent-mindedness") {
    GameBuilder<Rational> b;
    const auto p = b.add_player("Driver");
    const auto exit = b.add_infoset(p, "exit?", {"exit", "continue"});
    const auto kids = b.move(b.root(), exit);
    b.move(kids[1], exit);
    const Game g = std::move(b).freeze();
    CHECK_FALSE(g.tree().has_perfect_recall());
    CHECK(g.tree().recall_violation().find("absent-mindedness") !=
          std::string::npos);
  }
  SUBCASE("a set that only others' moves separate keeps perfect recall") {
    const Game g = test::guessing_game();
    CHECK(g.tree().has_perfect_recall());
    CHECK_FALSE(g.tree().has_perfect_information());
    CHECK(g.tree().members(g.tree().infoset(1)).size() == 2);
  }
}

TEST_CASE("tree: a chain a million nodes deep freezes without recursion") {
  const int depth = 1'000'000;
  const auto g = test::take_or_pass_chain<double>(depth, [](int i) {
    return std::array{double(i), double(-i)};
  });
  CHECK(g.tree().node_count() == 2 * depth + 1);
  CHECK(g.tree().has_perfect_recall());
  CHECK(g.tree().depth(static_cast<NodeId>(g.tree().node_count() - 1)) ==
        depth);
}

TEST_CASE("tree: equal games compare equal; a changed payoff does not") {
  CHECK(entry_game() == entry_game());
  const Game a = entry_game();
  CHECK(a.convert<double>().convert<Rational>() == a);
}
