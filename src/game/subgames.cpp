#include "bargain/game/subgames.hpp"

#include <algorithm>

namespace bargain {

std::vector<NodeId> subgame_roots(const GameTree& tree) {
  const std::size_t n = tree.node_count();
  // Preorder numbers a subtree [v, end[v]); a set's members span
  // [first, last]. A node starts a subgame when the sets of its subtree
  // span nothing outside it.
  std::vector<NodeId> first(tree.infoset_count()), last(tree.infoset_count());
  for (InfosetId set = 0; set < tree.infoset_count(); ++set) {
    const auto members = tree.members(set);
    const auto [lo, hi] = std::minmax_element(members.begin(), members.end());
    first[set] = *lo;
    last[set] = *hi;
  }
  std::vector<NodeId> end(n), lo(n), hi(n);
  std::vector<NodeId> roots;
  for (NodeId v = static_cast<NodeId>(n); v-- > 0;) {
    if (tree.is_terminal(v)) {
      end[v] = v + 1;
      lo[v] = v;
      hi[v] = v;
      continue;
    }
    const auto kids = tree.children(v);
    end[v] = end[kids.back()];
    lo[v] = first[tree.infoset(v)];
    hi[v] = last[tree.infoset(v)];
    for (const NodeId c : kids) {
      lo[v] = std::min(lo[v], lo[c]);
      hi[v] = std::max(hi[v], hi[c]);
    }
    if (lo[v] >= v && hi[v] < end[v]) roots.push_back(v);
  }
  std::reverse(roots.begin(), roots.end());
  return roots;
}

}  // namespace bargain
