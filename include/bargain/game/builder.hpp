// Building an extensive game: add players, information sets and outcomes,
// give nodes their moves, then freeze into the flat ExtensiveGame.
//
//   GameBuilder<Rational> b("Entry");
//   auto entrant = b.add_player("Entrant"), incumbent =
//   b.add_player("Incumbent"); auto entry = b.move(b.root(),
//   b.add_infoset(entrant, "", {"Out", "In"})); b.set_outcome(entry[0],
//   b.add_outcome("", {1, 5})); auto fight = b.move(entry[1],
//   b.add_infoset(incumbent, "", {"Fight", "Cooperate"}));
//   ...
//   Game game = std::move(b).freeze();
//
// A node given no move is terminal. Node ids of the builder are its own;
// freezing renumbers nodes in preorder and information sets and outcomes by
// first appearance (Gambit's order), and drops the unused ones.
#pragma once

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bargain/error.hpp"
#include "bargain/game/tree.hpp"
#include "bargain/numeric.hpp"

namespace bargain {

/// The children a move creates: consecutive builder ids, in action order.
using NodeRange = IdRange<NodeId>;

/// Identifies a list of action labels shared by many information sets.
using ActionSetId = std::uint32_t;

/// The scalar-free half of a builder: nodes, information sets, labels.
class TreeBuilder {
 public:
  explicit TreeBuilder(std::string title = {}, std::string comment = {});

  void set_title(std::string title) { title_ = std::move(title); }
  void set_comment(std::string comment) { comment_ = std::move(comment); }

  PlayerId add_player(std::string name);
  std::size_t player_count() const noexcept { return players_.size(); }

  /// Registers a list of action labels once, for many information sets.
  ActionSetId add_action_set(std::span<const std::string> labels);
  ActionSetId add_action_set(std::initializer_list<std::string_view> labels);

  /// An information set of `player` (or kChance) with the given actions.
  InfosetId add_infoset(PlayerId player, std::string_view label,
                        ActionSetId actions);
  std::size_t action_count(InfosetId i) const;
  PlayerId infoset_player(InfosetId i) const;
  std::string_view infoset_label(InfosetId i) const;

  OutcomeId add_outcome(std::string_view label);
  std::size_t outcome_count() const noexcept { return outcome_label_.size(); }

  NodeId root() const noexcept { return 0; }
  std::size_t node_count() const noexcept { return kind_.size(); }
  /// Gives `node` its move at information set `infoset` and creates one child
  /// per action. A node moves once.
  NodeRange move(NodeId node, InfosetId infoset);
  void set_outcome(NodeId node, OutcomeId outcome);
  void set_label(NodeId node, std::string_view label);

  /// The frozen structure and where the builder's sets and outcomes went.
  struct Frozen {
    std::shared_ptr<const GameTree> tree;
    std::vector<InfosetId> infoset_of;  // builder set -> frozen set, or kNoNode
    std::vector<OutcomeId>
        outcome_of;  // builder outcome -> frozen, or kNoOutcome
  };
  Frozen freeze() &&;

 private:
  friend struct TreeFreezer;

  void check_node(NodeId node, std::string_view what) const;
  std::uint32_t intern(std::string_view text);

  std::string title_, comment_;
  std::vector<std::string> players_;

  BigVector<NodeKind> kind_;
  BigVector<std::uint32_t> node_infoset_;
  BigVector<NodeId> first_child_;
  BigVector<OutcomeId> node_outcome_;
  BigVector<std::uint32_t> node_label_;  // grown on the first label

  BigVector<PlayerId> infoset_player_;
  BigVector<std::uint32_t> infoset_label_;
  BigVector<ActionSetId> infoset_actions_;
  std::vector<std::uint32_t> action_set_begin_{0};
  std::vector<std::uint32_t> action_set_labels_;

  BigVector<std::uint32_t> outcome_label_;

  std::vector<std::string> texts_{std::string{}};
  std::unordered_map<std::string, std::uint32_t> text_index_{
      {std::string{}, 0}};
};

/// Builds an ExtensiveGame<T>: the structure plus payoffs and probabilities.
template <Scalar T>
class GameBuilder {
 public:
  explicit GameBuilder(std::string title = {}, std::string comment = {})
      : tree_(std::move(title), std::move(comment)) {}

  void set_title(std::string title) { tree_.set_title(std::move(title)); }
  void set_comment(std::string comment) {
    tree_.set_comment(std::move(comment));
  }

  /// Players come first: an outcome's payoff vector has one entry per player.
  PlayerId add_player(std::string name) {
    if (tree_.outcome_count() > 0)
      throw GameError("player \"" + name +
                      "\" added after the first outcome; add every player "
                      "before any outcome");
    return tree_.add_player(std::move(name));
  }
  std::size_t player_count() const noexcept { return tree_.player_count(); }

  ActionSetId add_action_set(std::span<const std::string> labels) {
    return tree_.add_action_set(labels);
  }
  ActionSetId add_action_set(std::initializer_list<std::string_view> labels) {
    return tree_.add_action_set(labels);
  }

  InfosetId add_infoset(PlayerId player, std::string_view label,
                        ActionSetId actions) {
    if (player == kChance || player >= player_count())
      throw GameError("information set \"" + std::string(label) +
                      "\" names player " + player_text(player) +
                      ", expected a player from 0 to " +
                      std::to_string(player_count()) + " - 1");
    return tree_.add_infoset(player, label, actions);
  }
  InfosetId add_infoset(PlayerId player, std::string_view label,
                        std::initializer_list<std::string_view> actions) {
    return add_infoset(player, label, add_action_set(actions));
  }

  /// A chance information set; probabilities must be >= 0 and sum to 1
  /// (exactly for exact scalars, within 1e-12 per action for double).
  InfosetId add_chance_infoset(std::string_view label, ActionSetId actions,
                               std::vector<T> probabilities) {
    const InfosetId set = tree_.add_infoset(kChance, label, actions);
    check_distribution(probabilities, set, "probabilities");
    probabilities_.resize(set + 1);
    probabilities_[set] = std::move(probabilities);
    return set;
  }
  InfosetId add_chance_infoset(
      std::string_view label,
      std::initializer_list<std::pair<std::string_view, T>> actions) {
    std::vector<std::string> labels;
    std::vector<T> probabilities;
    for (const auto& [name, p] : actions) {
      labels.emplace_back(name);
      probabilities.push_back(p);
    }
    return add_chance_infoset(label, add_action_set(labels),
                              std::move(probabilities));
  }

  /// Player `player`'s own probabilities for a chance set (subjective chance).
  void set_beliefs(PlayerId player, InfosetId chance_set,
                   std::vector<T> probabilities) {
    if (player >= player_count())
      throw GameError("beliefs given for player " + player_text(player) +
                      ", expected a player from 0 to " +
                      std::to_string(player_count()) + " - 1");
    if (chance_set >= probabilities_.size() ||
        probabilities_[chance_set].empty())
      throw GameError("beliefs given for information set " +
                      std::to_string(chance_set) +
                      ", which is not a chance information set");
    check_distribution(probabilities, chance_set, "beliefs");
    beliefs_.resize(player_count());
    beliefs_[player].resize(probabilities_.size());
    beliefs_[player][chance_set] = std::move(probabilities);
  }

  OutcomeId add_outcome(std::string_view label, std::vector<T> payoffs) {
    if (payoffs.size() != player_count())
      throw GameError("outcome \"" + std::string(label) + "\" has " +
                      std::to_string(payoffs.size()) +
                      " payoffs, expected one per player (" +
                      std::to_string(player_count()) + ")");
    const OutcomeId o = tree_.add_outcome(label);
    for (auto& u : payoffs) payoffs_.push_back(std::move(u));
    return o;
  }

  NodeId root() const noexcept { return tree_.root(); }
  std::size_t node_count() const noexcept { return tree_.node_count(); }
  NodeRange move(NodeId node, InfosetId infoset) {
    return tree_.move(node, infoset);
  }
  void set_outcome(NodeId node, OutcomeId outcome) {
    tree_.set_outcome(node, outcome);
  }
  void set_label(NodeId node, std::string_view label) {
    tree_.set_label(node, label);
  }

  /// The structure alone, for code that needs no numbers.
  const TreeBuilder& structure() const noexcept { return tree_; }

  /// Freezes into the flat game; the builder is consumed.
  ExtensiveGame<T> freeze() && {
    const std::size_t n = player_count();
    auto frozen = std::move(tree_).freeze();
    const GameTree& tree = *frozen.tree;

    ExtensiveGame<T> game;
    game.tree_ = frozen.tree;

    // Outcomes added in the order they are first used, as a reader of a
    // file adds them, keep their numbers: their payoffs move over whole.
    bool renumbered = frozen.outcome_of.size() != tree.outcome_count();
    for (OutcomeId o = 0; o < frozen.outcome_of.size() && !renumbered; ++o)
      renumbered = frozen.outcome_of[o] != o;
    if (!renumbered) {
      game.outcome_payoffs_ = std::move(payoffs_);
    } else {
      game.outcome_payoffs_.resize(tree.outcome_count() * n);
      for (OutcomeId o = 0; o < frozen.outcome_of.size(); ++o) {
        const OutcomeId to = frozen.outcome_of[o];
        if (to == kNoOutcome) continue;
        for (std::size_t p = 0; p < n; ++p)
          game.outcome_payoffs_[to * n + p] = std::move(payoffs_[o * n + p]);
      }
    }

    auto gather = [&](const std::vector<std::vector<T>>& per_set) {
      std::vector<T> flat(tree.chance_action_count());
      for (InfosetId b = 0; b < per_set.size(); ++b) {
        if (per_set[b].empty() || frozen.infoset_of[b] == kNoNode) continue;
        std::ranges::copy(
            per_set[b],
            flat.begin() + static_cast<std::ptrdiff_t>(
                               tree.chance_offset(frozen.infoset_of[b])));
      }
      return flat;
    };
    game.probabilities_ = gather(probabilities_);
    game.beliefs_.resize(n);
    for (PlayerId p = 0; p < beliefs_.size(); ++p) {
      if (beliefs_[p].empty()) continue;
      // Sets the player has no view on keep the objective odds.
      auto own = probabilities_;
      for (InfosetId b = 0; b < beliefs_[p].size(); ++b)
        if (!beliefs_[p][b].empty()) own[b] = beliefs_[p][b];
      game.beliefs_[p] = gather(own);
    }

    game.terminal_payoffs_ = sum_outcomes_on_paths(tree, game.outcome_payoffs_);
    return game;
  }

 private:
  static std::string player_text(PlayerId p) {
    return p == kChance ? std::string("chance") : std::to_string(p);
  }

  void check_distribution(const std::vector<T>& probabilities, InfosetId set,
                          std::string_view what) const {
    const auto where = "chance information set \"" +
                       std::string(tree_.infoset_label(set)) + "\"";
    if (probabilities.size() != tree_.action_count(set))
      throw GameError(where + " has " +
                      std::to_string(tree_.action_count(set)) +
                      " actions but " + std::to_string(probabilities.size()) +
                      " " + std::string(what));
    T sum = T(0);
    for (const auto& p : probabilities) {
      if (p < T(0))
        throw GameError(where + ": " + std::string(what) +
                        " include a negative value, " + to_string(p) +
                        "; expected values from 0 to 1");
      sum = sum + p;
    }
    bool sums_to_one;
    if constexpr (is_exact_v<T>)
      sums_to_one = sum == T(1);
    else
      sums_to_one = std::abs(sum - 1.0) <=
                    1e-12 * static_cast<double>(probabilities.size());
    if (!sums_to_one)
      throw GameError(where + ": " + std::string(what) + " sum to " +
                      to_string(sum) + ", expected 1");
  }

  // A play's payoff is the sum of the outcomes on its path. Most trees carry
  // outcomes on terminal nodes only; the general case keeps a stack of the
  // running sums at the outcome-carrying ancestors of the current node.
  static BigVector<T> sum_outcomes_on_paths(const GameTree& tree,
                                            const BigVector<T>& outcome) {
    const std::size_t n = tree.player_count();
    BigVector<T> out(tree.terminal_count() * n, T(0));
    struct Open {
      NodeId subtree_end;
      std::vector<T> sum;
    };
    std::vector<Open> open;
    std::vector<NodeId> subtree_end;  // built only if needed
    for (NodeId v = 0; v < tree.node_count(); ++v) {
      const OutcomeId o = tree.outcome(v);
      if (o != kNoOutcome && !tree.is_terminal(v) && subtree_end.empty())
        subtree_end = subtree_ends(tree);
      while (!open.empty() && v >= open.back().subtree_end) open.pop_back();
      if (tree.is_terminal(v)) {
        T* dst = out.data() + tree.terminal_index(v) * n;
        for (std::size_t p = 0; p < n; ++p) {
          if (o == kNoOutcome) {
            if (!open.empty()) dst[p] = open.back().sum[p];
          } else {
            dst[p] = open.empty() ? outcome[o * n + p]
                                  : open.back().sum[p] + outcome[o * n + p];
          }
        }
      } else if (o != kNoOutcome) {
        std::vector<T> sum(n, T(0));
        for (std::size_t p = 0; p < n; ++p)
          sum[p] =
              (open.empty() ? T(0) : open.back().sum[p]) + outcome[o * n + p];
        open.push_back({subtree_end[v], std::move(sum)});
      }
    }
    return out;
  }

  static std::vector<NodeId> subtree_ends(const GameTree& tree) {
    std::vector<NodeId> end(tree.node_count());
    for (NodeId v = static_cast<NodeId>(tree.node_count()); v-- > 0;) {
      const auto kids = tree.children(v);
      end[v] = kids.empty() ? v + 1 : end[kids.back()];
    }
    return end;
  }

  TreeBuilder tree_;
  BigVector<T> payoffs_;                              // outcome x player
  std::vector<std::vector<T>> probabilities_;         // per builder chance set
  std::vector<std::vector<std::vector<T>>> beliefs_;  // player, set
};

}  // namespace bargain
