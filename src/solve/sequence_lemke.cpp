#include "bargain/solve/sequence_lemke.hpp"

namespace bargain {

void require_two_player_perfect_recall(const GameTree& tree,
                                       std::string_view method) {
  if (tree.player_count() != 2)
    throw UnsupportedGame(std::string(method) +
                          " solves two-player games; this game has " +
                          std::to_string(tree.player_count()) + " players");
  if (!tree.has_perfect_recall())
    throw UnsupportedGame(std::string(method) +
                          " needs perfect recall: " + tree.recall_violation());
}

}  // namespace bargain
