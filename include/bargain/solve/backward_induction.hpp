// Subgame-perfect equilibria of games of perfect information, by backward
// induction: one reverse scan over the preorder tree.
//
// Each player evaluates chance with its own beliefs (subjective chance), so
// a mover compares actions by its own expectation. With `all`, every pure
// subgame-perfect equilibrium is counted exactly and listed up to a cap:
// ties at one node change what other players expect below and above it, so
// the set of equilibria is not a product of per-node choices.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "bargain/error.hpp"
#include "bargain/game/profile.hpp"
#include "bargain/game/tree.hpp"
#include "bargain/solve/evaluate.hpp"
#include "bargain/solve/result.hpp"
#include "bargain/solve/verify.hpp"

namespace bargain {

struct BackwardInductionOptions {
  /// Every pure subgame-perfect equilibrium rather than one.
  bool all = false;
  /// With `all`: how many profiles to return; the count stays exact.
  std::size_t max_equilibria = 1000;
  /// With `all`: how many distinct continuation values (over all nodes) may
  /// be kept; beyond it the enumeration is refused with LimitError.
  std::size_t max_continuations = 10'000'000;
};

/// Throws UnsupportedGame, naming the first information set with more than
/// one node, unless the game has perfect information.
void require_perfect_information(const GameTree& tree, std::string_view method);

namespace detail {

// One equilibrium: the mover takes its first best action (lowest index).
// A node's value is its chosen child's row, shared by number. Inner nodes
// are visited from last to first, children before parents (evaluate_nodes
// says why terminals are not visited). The values of inner children wait
// on a stack: in reverse preorder they were the last ones found, the first
// child's on top.
template <Scalar T>
BehaviorProfile<T> first_best_responses(const ExtensiveGame<T>& game) {
  const GameTree& tree = game.tree();
  const std::size_t players = game.player_count();
  BehaviorProfile<T> profile(game.shared_tree());
  PayoffRows<T> rows(game);
  // One entry below the bottom keeps the read in child_row in bounds.
  std::vector<std::uint32_t> stack(1);
  std::vector<std::uint32_t> chance_children;
  const auto inner = tree.inner_nodes();
  for (std::size_t i = inner.size(); i-- > 0;) {
    const NodeId v = inner[i];
    const auto kids = tree.children(v);
    std::size_t popped = 0;
    // Without branching on whether the child is terminal (see select).
    const auto child_row = [&](std::size_t j) {
      const bool terminal = tree.is_terminal(kids[j]);
      const std::uint32_t r = select(
          terminal, static_cast<std::uint32_t>(tree.terminal_index(kids[j])),
          stack[stack.size() - 1 - popped]);
      popped += !terminal;
      return r;
    };
    std::uint32_t row;
    if (tree.kind(v) == NodeKind::decision) {
      const PlayerId mover = tree.player(v);
      std::size_t best = 0;
      row = child_row(0);
      const T* best_value = &rows[row][mover];
      for (std::size_t j = 1; j < kids.size(); ++j) {
        const std::uint32_t candidate = child_row(j);
        const T* value = &rows[candidate][mover];
        const bool better = *value > *best_value;
        best = select(better, j, best);
        row = select(better, candidate, row);
        best_value = better ? value : best_value;
      }
      profile[*tree.actions(tree.infoset(v)).begin() +
              static_cast<ActionId>(best)] = 1;
    } else {
      chance_children.resize(kids.size());
      for (std::size_t j = 0; j < kids.size(); ++j)
        chance_children[j] = child_row(j);
      row = rows.next_row();
      for (PlayerId p = 0; p < players; ++p) {
        const auto belief = game.beliefs(p, tree.infoset(v));
        T sum = T(0);
        for (std::size_t j = 0; j < kids.size(); ++j)
          sum += belief[j] * rows[chance_children[j]][p];
        rows.add(std::move(sum));
      }
    }
    stack.resize(stack.size() - popped);
    stack.push_back(row);
  }
  return profile;
}

// Every pure subgame-perfect equilibrium, counted and decoded by index.
//
// Bottom-up, each node keeps its distinct continuation values ("options"),
// each with the exact number of sub-profiles of its subtree that are
// subgame perfect there and yield it, and where that number comes from
// (the mover's action and the chosen child's option; or, at chance, one
// option per child). Top-down, equilibrium k is decoded like a mixed-radix
// number, with a worklist rather than recursion.
template <Scalar T>
class PureSpeEnumerator {
 public:
  // Counts saturate at kCountCap: exact below it, a lower bound at it.
  // Exact counts of a deep tree with ties grow to millions of bits, and
  // decoding the first equilibria needs no more than a bound.
  using Count = std::uint64_t;
  static constexpr Count kCountCap = Count(1) << 62;

  PureSpeEnumerator(const ExtensiveGame<T>& game, const T& tie_tolerance,
                    std::size_t max_options)
      : game_(game),
        tree_(game.tree()),
        players_(game.player_count()),
        tolerance_(tie_tolerance),
        max_options_(max_options),
        node_options_(tree_.node_count()) {
    for (NodeId v = static_cast<NodeId>(tree_.node_count()); v-- > 0;) {
      switch (tree_.kind(v)) {
        case NodeKind::terminal:
          add_terminal(v);
          break;
        case NodeKind::decision:
          add_decision(v);
          break;
        case NodeKind::chance:
          add_chance(v);
          break;
      }
    }
  }

  /// The number of pure subgame-perfect equilibria, or kCountCap if at least.
  Count total() const { return filtered_count(tree_.root(), kNoFilter); }

  /// Equilibrium number k, 0 <= k < total().
  BehaviorProfile<T> profile(Count k) const {
    BehaviorProfile<T> profile(game_.shared_tree());
    struct Task {
      NodeId node;
      Filter filter;
      Count index;
    };
    std::vector<Task> work{{tree_.root(), kNoFilter, std::move(k)}};
    while (!work.empty()) {
      Task task = std::move(work.back());
      work.pop_back();
      const NodeId v = task.node;
      if (tree_.is_terminal(v)) continue;
      Count r = std::move(task.index);
      const Option& option = choose_option(v, task.filter, r);
      const auto kids = tree_.children(v);
      const Source* source = &sources_[option.source_begin];
      while (r >= source->weight) r -= (source++)->weight;
      if (tree_.kind(v) == NodeKind::decision) {
        const std::size_t a = source->action;
        profile[*tree_.actions(tree_.infoset(v)).begin() +
                static_cast<ActionId>(a)] = T(1);
        const Filter exact{source->child_option, 0, nullptr};
        split(work, kids[a], exact, r);
        const Filter below{kAnyOption, tree_.player(v),
                           option_value(option) + tree_.player(v)};
        for (std::size_t b = 0; b < kids.size(); ++b)
          if (b != a) split(work, kids[b], below, r);
      } else {
        for (std::size_t j = 0; j < kids.size(); ++j)
          split(work, kids[j],
                Filter{combos_[source->child_option + j], 0, nullptr}, r);
      }
    }
    return profile;
  }

 private:
  static constexpr std::uint32_t kAnyOption = 0xffffffffu;

  struct Option {
    std::uint32_t value;  // offset of its row in values_
    Count count;
    std::uint32_t source_begin, source_end;
  };
  // Decision: the action and the chosen child's option. Chance: offset of
  // one option index per child in combos_.
  struct Source {
    std::uint32_t action;
    std::uint32_t child_option;
    Count weight;
  };
  // Which options of a node are allowed: one given option, or every option
  // worth at most `*threshold` to `player` (whose deviation must not pay).
  struct Filter {
    std::uint32_t option;
    PlayerId player;
    const T* threshold;
  };
  static constexpr Filter kNoFilter{kAnyOption, 0, nullptr};

  const T* option_value(const Option& o) const { return &values_[o.value]; }
  std::span<const Option> options(NodeId v) const {
    const auto [begin, end] = node_options_[v];
    return {options_.data() + begin, options_.data() + end};
  }
  bool allows(const Filter& f, std::uint32_t index, const Option& o) const {
    if (f.option != kAnyOption) return index == f.option;
    return f.threshold == nullptr ||
           option_value(o)[f.player] <= *f.threshold + tolerance_;
  }
  Count filtered_count(NodeId v, const Filter& f) const {
    Count c = 0;
    const auto list = options(v);
    for (std::uint32_t i = 0; i < list.size(); ++i)
      if (allows(f, i, list[i])) c = std::min(c + list[i].count, kCountCap);
    return c;
  }
  const Option& choose_option(NodeId v, const Filter& f, Count& r) const {
    const auto list = options(v);
    for (std::uint32_t i = 0;; ++i) {
      if (!allows(f, i, list[i])) continue;
      if (r < list[i].count) return list[i];
      r -= list[i].count;
    }
  }
  // Hands child `v` its digit of the mixed-radix index r.
  void split(auto& work, NodeId v, const Filter& f, Count& r) const {
    const Count radix = filtered_count(v, f);
    work.push_back({v, f, r % radix});
    r /= radix;
  }

  void add_terminal(NodeId v) {
    const auto at = static_cast<std::uint32_t>(values_.size());
    for (const auto& u : game_.payoffs(v)) values_.push_back(u);
    const auto s = static_cast<std::uint32_t>(sources_.size());
    open_node(v);
    push_option(at, Count(1), s, s);
    close_node(v);
  }

  struct Candidate {
    std::uint32_t value;
    std::uint32_t action;
    std::uint32_t child_option;
    Count weight;
  };

  void add_decision(NodeId v) {
    const PlayerId mover = tree_.player(v);
    const auto kids = tree_.children(v);
    std::vector<Candidate> candidates;
    for (std::uint32_t a = 0; a < kids.size(); ++a) {
      const auto list = options(kids[a]);
      for (std::uint32_t i = 0; i < list.size(); ++i) {
        const T* value = option_value(list[i]);
        Count weight = list[i].count;
        const Filter below{kAnyOption, mover, &value[mover]};
        for (std::uint32_t b = 0; b < kids.size() && weight != 0; ++b)
          if (b != a) weight = times(weight, filtered_count(kids[b], below));
        if (weight != 0)
          candidates.push_back({list[i].value, a, i, std::move(weight)});
      }
    }
    group(v, candidates);
  }

  void add_chance(NodeId v) {
    const auto kids = tree_.children(v);
    const InfosetId set = tree_.infoset(v);
    std::vector<std::uint32_t> digit(kids.size(), 0);
    std::vector<Candidate> candidates;
    while (true) {
      // One combination of the children's options.
      const auto value = static_cast<std::uint32_t>(values_.size());
      Count weight = 1;
      for (PlayerId p = 0; p < players_; ++p) {
        const auto belief = game_.beliefs(p, set);
        T sum = T(0);
        for (std::size_t j = 0; j < kids.size(); ++j)
          sum += belief[j] * option_value(options(kids[j])[digit[j]])[p];
        values_.push_back(std::move(sum));
      }
      const auto combo = static_cast<std::uint32_t>(combos_.size());
      for (std::size_t j = 0; j < kids.size(); ++j) {
        weight = times(weight, options(kids[j])[digit[j]].count);
        combos_.push_back(digit[j]);
      }
      candidates.push_back({value, 0, combo, std::move(weight)});
      check_budget(candidates.size());
      std::size_t j = 0;
      while (j < kids.size() && ++digit[j] == options(kids[j]).size())
        digit[j++] = 0;
      if (j == kids.size()) break;
    }
    group(v, candidates);
  }

  // Merges candidates with equal values into one option each, keeping the
  // order of first appearance.
  void group(NodeId v, std::vector<Candidate>& candidates) {
    open_node(v);
    std::vector<bool> taken(candidates.size(), false);
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      if (taken[c]) continue;
      const std::uint32_t source_begin =
          static_cast<std::uint32_t>(sources_.size());
      Count count = 0;
      for (std::size_t d = c; d < candidates.size(); ++d) {
        if (taken[d] || !same_value(candidates[c].value, candidates[d].value))
          continue;
        taken[d] = true;
        count = std::min(count + candidates[d].weight, kCountCap);
        sources_.push_back({candidates[d].action, candidates[d].child_option,
                            std::move(candidates[d].weight)});
      }
      push_option(candidates[c].value, std::move(count), source_begin,
                  static_cast<std::uint32_t>(sources_.size()));
    }
    close_node(v);
  }

  static Count times(Count a, Count b) {
    Count product;
    if (__builtin_mul_overflow(a, b, &product)) return kCountCap;
    return std::min(product, kCountCap);
  }
  bool same_value(std::uint32_t a, std::uint32_t b) const {
    for (PlayerId p = 0; p < players_; ++p)
      if (!(values_[a + p] == values_[b + p])) return false;
    return true;
  }
  void open_node(NodeId v) {
    node_options_[v].first = static_cast<std::uint32_t>(options_.size());
  }
  void close_node(NodeId v) {
    node_options_[v].second = static_cast<std::uint32_t>(options_.size());
  }
  void push_option(std::uint32_t value, Count count, std::uint32_t begin,
                   std::uint32_t end) {
    options_.push_back({value, std::move(count), begin, end});
    check_budget(options_.size());
  }
  void check_budget(std::size_t used) const {
    if (used > max_options_)
      throw LimitError(
          "enumerating every pure subgame-perfect equilibrium needs more "
          "than " +
          std::to_string(max_options_) +
          " distinct continuation values; raise max_continuations or ask "
          "for one equilibrium");
  }

  const ExtensiveGame<T>& game_;
  const GameTree& tree_;
  std::size_t players_;
  T tolerance_;
  std::size_t max_options_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> node_options_;
  std::vector<Option> options_;
  std::vector<Source> sources_;
  std::vector<T> values_;
  std::vector<std::uint32_t> combos_;
};

}  // namespace detail

/// Verifies a subgame-perfect profile of a perfect-information game and
/// packs it with its payoffs; throws VerificationFailure if it is not one.
template <Scalar T>
Equilibrium<T> verified_subgame_perfect(const ExtensiveGame<T>& game,
                                        BehaviorProfile<T> profile,
                                        std::string_view method) {
  const auto values = evaluate_nodes(game, profile);
  const auto root = values.at(game.tree().root());
  Equilibrium<T> eq{std::move(profile), {root.begin(), root.end()}, {}, {}};
  eq.objective_payoffs =
      game.has_subjective_beliefs()
          ? expected_payoffs(game, eq.profile, ChanceView::objective)
          : eq.payoffs;
  eq.verification = verify_one_shot_deviations(game, values);
  require_verified(eq.verification, method);
  return eq;
}

/// Subgame-perfect equilibria of a perfect-information game (chance and
/// subjective chance allowed): one, with ties going to the lowest-numbered
/// action, or with options.all every pure one (counted exactly, listed up
/// to options.max_equilibria). Each is verified before it is returned.
template <Scalar T>
SolveResult<T> solve_backward_induction(
    const ExtensiveGame<T>& game,
    const BackwardInductionOptions& options = {}) {
  constexpr std::string_view method = "backward induction";
  require_perfect_information(game.tree(), method);
  SolveResult<T> result;
  result.method = std::string(method);
  if (!options.all) {
    result.equilibria.push_back(verified_subgame_perfect(
        game, detail::first_best_responses(game), method));
    result.total_count = 1;
    return result;
  }
  // Ties in double are judged to a thousandth of the verification tolerance.
  const T tie = verification_tolerance(payoff_scale(game)) / T(1000);
  const detail::PureSpeEnumerator<T> enumerator(game, tie,
                                                options.max_continuations);
  result.total_count = enumerator.total();
  result.total_is_lower_bound =
      result.total_count == detail::PureSpeEnumerator<T>::kCountCap;
  for (std::size_t k = 0; k < options.max_equilibria && k < result.total_count;
       ++k)
    result.equilibria.push_back(
        verified_subgame_perfect(game, enumerator.profile(k), method));
  return result;
}

}  // namespace bargain
