#include "bargain/game/sequence_form.hpp"

#include <doctest/doctest.h>

#include "bargain/games/poker.hpp"
#include "bargain/io/efg.hpp"
#include "bargain/solve/evaluate.hpp"
#include "support.hpp"

using namespace bargain;

namespace {

// A mixed profile with no zero and no symmetry: every action of every set
// gets a different weight.
template <Scalar T>
BehaviorProfile<T> lopsided_profile(const ExtensiveGame<T>& game) {
  BehaviorProfile<T> profile(game.shared_tree());
  const GameTree& tree = game.tree();
  for (PlayerId p = 0; p < tree.player_count(); ++p)
    for (const InfosetId set : tree.infosets_of(p)) {
      const auto actions = tree.actions(set);
      const T step = T(1) / T(actions.size() * (actions.size() + 1) / 2);
      T weight = step;
      for (const ActionId a : actions) {
        profile[a] = weight;
        weight += step;
      }
    }
  return profile;
}

}  // namespace

TEST_CASE("sequence form: Kuhn poker's sequences, constraints and payoffs") {
  const auto kuhn = kuhn_poker<Rational>();
  const auto form = sequence_form(kuhn);
  // Six sets of two actions each, plus the empty sequence.
  CHECK(form.sequences.sequence_count(0) == 13);
  CHECK(form.sequences.sequence_count(1) == 13);
  CHECK(form.E.rows() == 7);
  CHECK(form.E.cols() == 13);
  // Player 1's "J:pb" follows its own "J" pass: that sequence is its parent.
  const GameTree& tree = kuhn.tree();
  for (const InfosetId set : tree.infosets_of(0)) {
    if (tree.infoset_label(set) != "J:pb") continue;
    const InfosetId opening = tree.infosets_of(0)[0];
    REQUIRE(tree.infoset_label(opening) == "J");
    CHECK(form.sequences.parent(set) ==
          form.sequences.sequence(*tree.actions(opening).begin()));
  }

  // x'Ay and x'By are the expected payoffs, x and y the realization plans.
  const auto profile = lopsided_profile(kuhn);
  Eigen::Matrix<Rational, Eigen::Dynamic, 1> x(13), y(13);
  const auto px = realization_plan(form.sequences, profile, 0);
  const auto py = realization_plan(form.sequences, profile, 1);
  for (int i = 0; i < 13; ++i) {
    x[i] = px[i];
    y[i] = py[i];
  }
  const auto payoffs = expected_payoffs(kuhn, profile);
  CHECK(Rational(x.dot(form.A * y)) == payoffs[0]);
  CHECK(Rational(x.dot(form.B * y)) == payoffs[1]);
  // The plans satisfy E x = e, F y = f.
  const Eigen::Matrix<Rational, Eigen::Dynamic, 1> ex = form.E * x;
  CHECK(ex[0] == 1);
  for (int i = 1; i < ex.size(); ++i) CHECK(ex[i] == 0);
  const Eigen::Matrix<Rational, Eigen::Dynamic, 1> fy = form.F * y;
  CHECK(fy[0] == 1);
}

TEST_CASE("sequence form: behaviour -> realization plan -> behaviour") {
  const auto kuhn = kuhn_poker<Rational>();
  const SequenceSpace sequences(kuhn.tree());
  const auto profile = lopsided_profile(kuhn);
  const std::vector<RealizationPlan<Rational>> plans{
      realization_plan(sequences, profile, 0),
      realization_plan(sequences, profile, 1)};
  CHECK(behavior_profile<Rational>(kuhn.shared_tree(), sequences, plans) ==
        profile);

  SUBCASE("sets the player's own moves exclude get the centroid") {
    auto pure = profile;
    for (const InfosetId set : kuhn.tree().infosets_of(0))
      if (kuhn.tree().infoset_label(set).size() == 1)  // opening: bet
        pure.set_pure(*kuhn.tree().actions(set).begin() + 1);
    const std::vector<RealizationPlan<Rational>> pure_plans{
        realization_plan(sequences, pure, 0), plans[1]};
    const auto back =
        behavior_profile<Rational>(kuhn.shared_tree(), sequences, pure_plans);
    for (const InfosetId set : kuhn.tree().infosets_of(0)) {
      if (kuhn.tree().infoset_label(set).size() == 1) continue;
      for (const auto& p : back.at(set)) CHECK(p == Rational(1, 2));
    }
  }
}

TEST_CASE("sequence form: refusals") {
  CHECK_THROWS_WITH_AS(sequence_form(read_efg_file(
                           test::kGambitDir + "games/selten1975_fig1.efg")),
                       "the sequence form is built for two-player games; this "
                       "game has 3 players",
                       UnsupportedGame);
  CHECK_THROWS_WITH_AS(
      SequenceSpace(
          read_efg_file(test::kGambitDir + "games/myerson.efg").tree()),
      doctest::Contains("the sequence form needs perfect recall: information "
                        "set 2 of player 1"),
      UnsupportedGame);
}
