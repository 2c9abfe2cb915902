// Graphviz DOT export of an extensive game, optionally with a profile's path
// of play highlighted:
//
//   std::ofstream file("entry.dot");
//   write_dot(file, game, {.profile = &equilibrium});
//   // then: dot -Tsvg entry.dot -o entry.svg
//
// Decision nodes show the mover (and the information set's label), chance
// nodes "chance", terminal nodes the payoff vector, edges the actions with
// chance's probabilities. The nodes of one information set are joined by a
// dashed line, the textbook picture.
//
// The scalar-free half of the writer (the DOT syntax, labels of movers,
// information sets) is compiled once in src/io/dot.cpp; the template only
// decides what the numbers say.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bargain/error.hpp"
#include "bargain/game/profile.hpp"
#include "bargain/game/tree.hpp"
#include "bargain/numeric.hpp"

namespace bargain {

/// What write_dot draws besides the game itself.
template <Scalar T>
struct DotOptions {
  /// A profile whose path of play is drawn bold and coloured; none if null.
  const BehaviorProfile<T>* profile = nullptr;
  /// Larger games are refused with a LimitError: a drawing of more nodes
  /// cannot be read, and dot's layout time grows faster than the tree.
  std::size_t max_nodes = 5000;
};

/// `text` as a DOT quoted string that a label shows verbatim: quotes and
/// backslashes escaped, line breaks as DOT's centred `\n`.
std::string dot_quoted(std::string_view text);

namespace dot_detail {

/// How an edge or node stands out when a profile is drawn.
enum class Emphasis : std::uint8_t {
  none,
  path,      // reached with positive probability
  off_path,  // an action the profile (or chance) would take if play got here
};

void check_drawable(const GameTree& tree, std::size_t max_nodes,
                    bool foreign_profile);
void write_header(std::ostream& out, const GameTree& tree);
/// "chance" or the player's name, and the information set's label if any.
std::string mover_label(const GameTree& tree, NodeId v);
void write_node(std::ostream& out, NodeId v, NodeKind kind,
                std::string_view label, Emphasis emphasis);
void write_edge(std::ostream& out, NodeId from, NodeId to,
                std::string_view label, Emphasis emphasis);
/// The dashed lines joining information sets, and the closing brace.
void write_footer(std::ostream& out, const GameTree& tree);

/// The terminal's outcome label, if any, over its payoff vector "(1/2, 0)".
template <Scalar T>
std::string payoff_label(const ExtensiveGame<T>& game, NodeId terminal) {
  const GameTree& tree = game.tree();
  std::string text;
  if (tree.outcome(terminal) != kNoOutcome) {
    text = tree.outcome_label(tree.outcome(terminal));
    if (!text.empty()) text += '\n';
  }
  text += '(';
  const auto payoffs = game.payoffs(terminal);
  for (std::size_t p = 0; p < payoffs.size(); ++p) {
    if (p > 0) text += ", ";
    text += to_string(payoffs[p]);
  }
  return text + ')';
}

}  // namespace dot_detail

/// Writes `game` as a Graphviz digraph, one statement per node and per move,
/// in preorder. With options.profile, nodes and moves reached with positive
/// probability are drawn bold in colour, moves the profile plays off that
/// path thin in a paler tone, and a mixed action is labelled with its
/// probability. Throws LimitError, before writing anything, for a game of
/// more than options.max_nodes nodes, and GameError for a profile of
/// another game's tree.
template <Scalar T>
void write_dot(std::ostream& out, const ExtensiveGame<T>& game,
               const DotOptions<T>& options = {}) {
  using dot_detail::Emphasis;
  const GameTree& tree = game.tree();
  const BehaviorProfile<T>* profile = options.profile;
  dot_detail::check_drawable(tree, options.max_nodes,
                             profile && !profile->belongs_to(tree));
  const std::vector<bool> on_path =
      profile ? profile->reached(game) : std::vector<bool>{};
  // A node, or the move into it, stands out when play reaches it; a move
  // that play does not reach stands out less if the profile (or chance)
  // would take it from there.
  const auto emphasis_of = [&](NodeId head, bool played) {
    if (!profile) return Emphasis::none;
    if (on_path[head]) return Emphasis::path;
    return played ? Emphasis::off_path : Emphasis::none;
  };

  dot_detail::write_header(out, tree);
  for (NodeId v = 0; v < tree.node_count(); ++v) {
    const NodeKind kind = tree.kind(v);
    const std::string label = kind == NodeKind::terminal
                                  ? dot_detail::payoff_label(game, v)
                                  : dot_detail::mover_label(tree, v);
    dot_detail::write_node(out, v, kind, label,
                           emphasis_of(v, /*played=*/false));
    if (kind == NodeKind::terminal) continue;

    const InfosetId set = tree.infoset(v);
    const bool chance = kind == NodeKind::chance;
    const std::span<const T> odds = chance    ? game.probabilities(set)
                                    : profile ? profile->at(set)
                                              : std::span<const T>{};
    const auto kids = tree.children(v);
    ActionId action = *tree.actions(set).begin();
    for (std::size_t j = 0; j < kids.size(); ++j, ++action) {
      std::string text(tree.action_label(action));
      const bool played = !odds.empty() && T(0) < odds[j];
      // Chance always shows its odds; a player only when mixing, since the
      // edge's style already says 1 or 0.
      if (chance || (played && odds[j] < T(1))) {
        const std::string p = to_string(odds[j]);
        text = text.empty() ? p : text + " (" + p + ")";
      }
      dot_detail::write_edge(out, v, kids[j], text,
                             emphasis_of(kids[j], played));
    }
  }
  dot_detail::write_footer(out, tree);
}

}  // namespace bargain
