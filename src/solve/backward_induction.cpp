#include "bargain/solve/backward_induction.hpp"

#include <string>

namespace bargain {

void require_perfect_information(const GameTree& tree,
                                 std::string_view method) {
  if (tree.has_perfect_information()) return;
  for (InfosetId set = 0; set < tree.infoset_count(); ++set) {
    if (tree.infoset_player(set) == kChance || tree.members(set).size() == 1)
      continue;
    throw UnsupportedGame(std::string(method) +
                          " needs perfect information, but " +
                          describe_infoset(tree, set) + " holds " +
                          std::to_string(tree.members(set).size()) +
                          " nodes (the mover cannot tell them apart)");
  }
}

}  // namespace bargain
