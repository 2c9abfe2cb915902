// Subgames: a node starts one when every information set met in its
// subtree lies wholly inside that subtree (its own set then is the node
// alone). Solving subgames from the bottom up and substituting their values
// is how equilibria are made subgame perfect.
#pragma once

#include <vector>

#include "bargain/game/tree.hpp"

namespace bargain {

/// The decision and chance nodes that start a subgame, in preorder (the
/// root first, if the game has a move at all). Linear in the tree.
std::vector<NodeId> subgame_roots(const GameTree& tree);

}  // namespace bargain
