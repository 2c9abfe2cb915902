#include "bargain/game/sequence_form.hpp"

namespace bargain {

SequenceSpace::SequenceSpace(const GameTree& tree)
    : sequence_count_(tree.player_count(), 1),
      action_sequence_(tree.action_count(), kEmptySequence),
      infoset_parent_(tree.infoset_count(), kEmptySequence),
      terminal_sequence_(tree.terminal_count() * tree.player_count()) {
  if (!tree.has_perfect_recall())
    throw UnsupportedGame("the sequence form needs perfect recall: " +
                          tree.recall_violation());
  const std::size_t players = tree.player_count();
  for (PlayerId p = 0; p < players; ++p)
    for (const InfosetId set : tree.infosets_of(p))
      for (const ActionId a : tree.actions(set))
        action_sequence_[a] = static_cast<SequenceId>(sequence_count_[p]++);
  // Each node's sequence for every player, one player at a time: a child
  // inherits its parent's, except the mover's, which grows by the action.
  std::vector<SequenceId> at(tree.node_count());
  for (PlayerId p = 0; p < players; ++p) {
    at[tree.root()] = kEmptySequence;
    for (NodeId v = 0; v < tree.node_count(); ++v) {
      if (tree.is_terminal(v)) {
        terminal_sequence_[tree.terminal_index(v) * players + p] = at[v];
        continue;
      }
      const auto kids = tree.children(v);
      const InfosetId set = tree.infoset(v);
      const bool moves = tree.player(v) == p;
      if (moves) infoset_parent_[set] = at[v];
      const ActionId first = *tree.actions(set).begin();
      for (std::size_t j = 0; j < kids.size(); ++j)
        at[kids[j]] = moves ? action_sequence_[first + j] : at[v];
    }
  }
}

}  // namespace bargain
