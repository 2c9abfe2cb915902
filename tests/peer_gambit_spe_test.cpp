// Every pure subgame-perfect equilibrium of Gambit's perfect-information
// sample games, compared exactly with Gambit's own answers in
// shared/peers/gambit (gambit-enumpure -P, version 16.4.1).
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "bargain/io/efg.hpp"
#include "bargain/io/gambit_profile.hpp"
#include "bargain/solve/backward_induction.hpp"

using namespace bargain;

namespace {

const std::string kGambit = std::string(BARGAIN_SHARED_DIR) + "/peers/gambit/";

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Games INVENTORY.csv marks as perfect information.
std::vector<std::string> perfect_information_games() {
  std::ifstream inventory(kGambit + "INVENTORY.csv");
  REQUIRE_MESSAGE(inventory, "shared/peers/gambit/INVENTORY.csv is missing: ../shared must sit beside the checkout");
  std::vector<std::string> games;
  std::string line;
  while (std::getline(inventory, line))
    if (line.find("perfect_info=True") != std::string::npos) games.push_back(line.substr(0, line.find(',')));
  return games;
}

std::vector<Rational> flat(const BehaviorProfile<Rational>& profile) {
  return read_gambit_lines(to_gambit_line(profile)).front();
}

// Gambit 17 prints zeros at information sets that play does not reach.
std::vector<Rational> flat_reached_only(const Game& game, const BehaviorProfile<Rational>& profile) {
  const GameTree& tree = game.tree();
  const auto reached = profile.reached(game);
  BehaviorProfile<Rational> shown = profile;
  for (InfosetId set = 0; set < tree.infoset_count(); ++set) {
    if (tree.infoset_player(set) == kChance) continue;
    bool any = false;
    for (const NodeId v : tree.members(set)) any = any || reached[v];
    if (!any)
      for (const ActionId a : tree.actions(set)) shown[a] = 0;
  }
  return flat(shown);
}

}  // namespace

TEST_CASE("peers: all pure SPE of Gambit's perfect-information games equal gambit-enumpure -P") {
  const auto games = perfect_information_games();
  CHECK(games.size() == 29);
  std::size_t compared = 0;
  for (const auto& name : games) {
    CAPTURE(name);
    const Game game = read_efg_file(kGambit + "games/" + name);
    REQUIRE(game.tree().has_perfect_information());
    const auto result = solve_backward_induction(game, {.all = true, .max_equilibria = 100000});
    REQUIRE_FALSE(result.truncated());
    std::set<std::vector<Rational>> ours;
    for (const auto& eq : result.equilibria) {
      CHECK(eq.verification.max_regret == 0);
      ours.insert(flat(eq.profile));
    }
    CHECK(ours.size() == result.total_count);

    const auto theirs_list =
        read_gambit_lines(slurp(kGambit + "results-16.4.1-spe/" + name + ".enumpureP.txt"));
    if (!theirs_list.empty()) {
      const std::set<std::vector<Rational>> theirs(theirs_list.begin(), theirs_list.end());
      CHECK(ours == theirs);
      ++compared;
      continue;
    }
    // Gambit 16.4.1 -P printed nothing here: it mishandles outcomes on inner
    // nodes (Gambit issue 654). Gambit 17's enumpure lists every pure Nash
    // equilibrium, which must include each subgame-perfect one.
    const auto all_nash = read_gambit_lines(slurp(kGambit + "results/" + name + ".enumpure.txt"));
    if (all_nash.empty()) {
      // ttt.efg: -P crashed and enumpure timed out; Gambit has no answer.
      MESSAGE("no Gambit answer to compare for " << name << "; " << result.total_count
                                                  << " pure SPE found and verified");
      continue;
    }
    const std::set<std::vector<Rational>> nash(all_nash.begin(), all_nash.end());
    for (const auto& eq : result.equilibria) CHECK(nash.count(flat_reached_only(game, eq.profile)) == 1);
    ++compared;
  }
  CHECK(compared == 28);
}
