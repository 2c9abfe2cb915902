// Random perfect-information trees of the family that gen_efg.py's `pi`
// draws (shared/peers/gambit/gen_efg.py), so our figures and Gambit's are
// taken on games of one shape: breadth-first growth, two or three actions
// per move, players alternating by depth, integer payoffs 0..99. The shape
// is drawn once, without the library, so that building it is all a
// benchmark times.
#pragma once

#include <benchmark/benchmark.h>

#include <bargain/game/builder.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bargain::bench {

struct RandomTree {
  /// Per node, in breadth-first order: its number of children, 0 at a
  /// terminal.
  std::vector<std::uint8_t> branching;
  /// Per node: the mover, which is the node's depth modulo 2.
  std::vector<std::uint8_t> mover;
  /// Per node, two payoffs (read at terminals only).
  std::vector<std::uint8_t> payoffs;

  std::size_t node_count() const { return branching.size(); }
};

/// A tree of `target_nodes` nodes, or one fewer where gen_efg.py stops one
/// short too (a last move needs two children). Same seed, same tree.
RandomTree random_tree(std::size_t target_nodes, std::uint64_t seed = 12345);

/// random_tree(target_nodes), drawn once per size and kept for the run.
const RandomTree& cached_random_tree(std::size_t target_nodes);

/// Registers sizes 10^3, 10^4, ... up to `largest` nodes, timed in wall
/// time (what a user waits for) and shown in milliseconds.
void register_sizes(benchmark::internal::Benchmark* b, std::size_t largest);

/// The tree as GameBuilder calls, in the order a reader of the tree would
/// make them: an information set per move, an outcome per terminal.
template <Scalar T>
GameBuilder<T> build_game(const RandomTree& tree) {
  GameBuilder<T> b("Random perfect-information game");
  const PlayerId players[2] = {b.add_player("Player 1"),
                               b.add_player("Player 2")};
  // Indexed by branching: gen_efg.py labels a move's actions a1, a2, a3.
  const ActionSetId actions[4] = {0, 0, b.add_action_set({"a1", "a2"}),
                                  b.add_action_set({"a1", "a2", "a3"})};
  // Builder ids are breadth-first too: a move appends its children.
  for (NodeId v = 0; v < tree.node_count(); ++v) {
    const std::uint8_t k = tree.branching[v];
    if (k == 0) {
      b.set_outcome(v, b.add_outcome("", {T(tree.payoffs[2 * v]),
                                          T(tree.payoffs[2 * v + 1])}));
      continue;
    }
    b.move(v, b.add_infoset(players[tree.mover[v]], "", actions[k]));
  }
  return b;
}

/// The tree in .efg text, line for line as gen_efg.py writes it.
std::string to_efg_text(const RandomTree& tree);

}  // namespace bargain::bench
