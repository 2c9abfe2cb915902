// A frozen extensive game: flat, index-based, immutable.
//
// The structure (nodes, information sets, actions, labels) lives in GameTree,
// which knows no numbers; ExtensiveGame<T> adds the payoffs and probabilities
// in one scalar type and shares the structure, so converting an exact game to
// double copies numbers only.
//
// Nodes are numbered in preorder (the root is 0, a node's first child follows
// it), so "for v from last to first" visits children before parents: backward
// induction is one reverse scan. Children of a node are contiguous in one CSR
// array. Information sets are numbered by first appearance in preorder, which
// is Gambit's order; each player's list keeps that order.
#pragma once

#include <boost/iterator/counting_iterator.hpp>
#include <cstdint>
#include <limits>
#include <memory>
#include <new>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bargain/numeric.hpp"

namespace bargain {

using NodeId = std::uint32_t;
using PlayerId = std::uint32_t;
using InfosetId = std::uint32_t;
using ActionId = std::uint32_t;
using OutcomeId = std::uint32_t;

inline constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();
inline constexpr OutcomeId kNoOutcome = std::numeric_limits<OutcomeId>::max();
inline constexpr ActionId kNoAction = std::numeric_limits<ActionId>::max();
/// The player id of chance ("nature") in node and information-set queries.
inline constexpr PlayerId kChance = std::numeric_limits<PlayerId>::max();

/// Largest node count a game may have: ids are 32-bit.
inline constexpr std::size_t kMaxNodes = std::numeric_limits<NodeId>::max() - 1;

enum class NodeKind : std::uint8_t { terminal, decision, chance };

/// Consecutive ids [first, last), as the actions of one information set or
/// the children a move creates. (Not std::views::iota, which Clang 14 cannot
/// compile against libstdc++ 12.)
template <class Id>
class IdRange {
 public:
  using iterator = boost::counting_iterator<Id>;

  constexpr IdRange() = default;
  constexpr IdRange(Id first, Id last) : first_(first), last_(last) {}

  iterator begin() const { return iterator(first_); }
  iterator end() const { return iterator(last_); }
  std::size_t size() const { return last_ - first_; }
  bool empty() const { return first_ == last_; }
  Id front() const { return first_; }
  Id operator[](std::size_t i) const { return first_ + static_cast<Id>(i); }

 private:
  Id first_ = 0, last_ = 0;
};

/// The actions of one information set: consecutive ActionIds.
using ActionRange = IdRange<ActionId>;

namespace detail {

// Filling a fresh array costs a page fault per 4 KiB page, and on a virtual
// machine that costs more than the filling: half of a backward induction
// over 10^7 nodes went to the faults of its profile. Arrays of at least
// kBigArrayBytes therefore ask for transparent huge pages (Linux, in its
// default "madvise" mode): one fault per 2 MiB. Smaller arrays stay with
// the heap, which reuses freed memory, as glibc does below 32 MiB.
inline constexpr std::size_t kBigArrayBytes = std::size_t(32) << 20;
void* allocate_big_array(std::size_t bytes);
void deallocate_big_array(void* array, std::size_t bytes) noexcept;

template <class T>
struct BigArrayAllocator {
  using value_type = T;

  BigArrayAllocator() = default;
  template <class U>
  BigArrayAllocator(const BigArrayAllocator<U>&) noexcept {}

  T* allocate(std::size_t n) {
    if (n > std::numeric_limits<std::size_t>::max() / sizeof(T))
      throw std::bad_array_new_length();
    if (n * sizeof(T) < kBigArrayBytes) return std::allocator<T>().allocate(n);
    return static_cast<T*>(allocate_big_array(n * sizeof(T)));
  }
  void deallocate(T* array, std::size_t n) noexcept {
    if (n * sizeof(T) < kBigArrayBytes)
      std::allocator<T>().deallocate(array, n);
    else
      deallocate_big_array(array, n * sizeof(T));
  }
  friend bool operator==(BigArrayAllocator, BigArrayAllocator) { return true; }
};

}  // namespace detail

/// A vector for arrays that grow with the game (per node, per action, per
/// terminal): a std::vector whose big allocations go to huge pages.
template <class T>
using BigVector = std::vector<T, detail::BigArrayAllocator<T>>;

class GameTree {
 public:
  const std::string& title() const noexcept { return title_; }
  const std::string& comment() const noexcept { return comment_; }

  std::size_t player_count() const noexcept { return players_.size(); }
  const std::string& player_name(PlayerId p) const { return players_[p]; }

  // --- nodes ---------------------------------------------------------------
  std::size_t node_count() const noexcept { return kind_.size(); }
  NodeId root() const noexcept { return 0; }
  NodeKind kind(NodeId v) const { return kind_[v]; }
  bool is_terminal(NodeId v) const { return kind_[v] == NodeKind::terminal; }
  /// kNoNode for the root.
  NodeId parent(NodeId v) const { return parent_[v]; }
  std::span<const NodeId> children(NodeId v) const {
    return {children_.data() + child_begin_[v],
            children_.data() + child_begin_[v + 1]};
  }
  /// The information set a decision or chance node belongs to.
  InfosetId infoset(NodeId v) const { return slot_[v]; }
  /// The mover at a decision node, or kChance at a chance node.
  PlayerId player(NodeId v) const { return infoset_player_[slot_[v]]; }
  /// Terminal nodes are numbered 0.. in preorder; payoffs are stored so.
  std::size_t terminal_index(NodeId v) const { return slot_[v]; }
  std::size_t terminal_count() const noexcept { return terminal_count_; }
  /// The outcome attached to a node (any kind of node), or kNoOutcome.
  OutcomeId outcome(NodeId v) const { return outcome_[v]; }
  std::string_view label(NodeId v) const {
    return node_label_.empty() ? std::string_view{} : text(node_label_[v]);
  }
  /// The decision and chance nodes, in preorder: what a backward scan
  /// visits, without testing every terminal on the way.
  std::span<const NodeId> inner_nodes() const noexcept {
    return inner_.empty() ? std::span<const NodeId>(members_) : inner_;
  }
  /// The action that leads from the parent to v (kNoAction for the root).
  ActionId incoming_action(NodeId v) const;
  /// The depth of v (the root has depth 0), by walking to the root.
  std::size_t depth(NodeId v) const;

  // --- information sets ----------------------------------------------------
  std::size_t infoset_count() const noexcept { return infoset_player_.size(); }
  PlayerId infoset_player(InfosetId i) const { return infoset_player_[i]; }
  std::string_view infoset_label(InfosetId i) const {
    return infoset_label_.empty() ? std::string_view{}
                                  : text(infoset_label_[i]);
  }
  /// Position of the set in its player's list (Gambit's number minus one).
  std::size_t infoset_rank(InfosetId i) const { return infoset_rank_[i]; }
  std::span<const NodeId> members(InfosetId i) const {
    return {members_.data() + member_begin_[i],
            members_.data() + member_begin_[i + 1]};
  }
  ActionRange actions(InfosetId i) const {
    return {action_begin_[i], action_begin_[i + 1]};
  }
  std::size_t action_count(InfosetId i) const {
    return action_begin_[i + 1] - action_begin_[i];
  }
  /// Where a chance set's actions start among all chance actions (chance
  /// sets in order): the index of its probabilities in a flat array.
  std::size_t chance_offset(InfosetId chance_set) const {
    return chance_offset_[infoset_rank_[chance_set]];
  }
  std::size_t chance_action_count() const noexcept {
    return chance_offset_.back();
  }
  /// A player's information sets in Gambit's order; kChance for chance's.
  std::span<const InfosetId> infosets_of(PlayerId p) const {
    return player_infosets_[p == kChance ? players_.size() : p];
  }

  // --- actions -------------------------------------------------------------
  std::size_t action_count() const noexcept { return action_label_.size(); }
  std::string_view action_label(ActionId a) const {
    return text(action_label_[a]);
  }
  InfosetId action_infoset(ActionId a) const;
  std::size_t action_index(ActionId a) const {
    return a - action_begin_[action_infoset(a)];
  }

  // --- outcomes ------------------------------------------------------------
  std::size_t outcome_count() const noexcept { return outcome_count_; }
  std::string_view outcome_label(OutcomeId o) const {
    return outcome_label_.empty() ? std::string_view{}
                                  : text(outcome_label_[o]);
  }

  // --- properties checked at freeze ---------------------------------------
  /// Every player's information set is a single node.
  bool has_perfect_information() const noexcept { return perfect_information_; }
  bool has_perfect_recall() const noexcept { return recall_violation_.empty(); }
  /// Why the game has imperfect recall, naming the information set; empty
  /// when recall is perfect.
  const std::string& recall_violation() const noexcept {
    return recall_violation_;
  }

  /// Heap bytes the structure holds: every array at its capacity, label
  /// texts included. What a game costs beyond its payoffs and probabilities.
  std::size_t memory_bytes() const noexcept;

  /// Same structure, labels and properties (labels compared as text).
  friend bool operator==(const GameTree& a, const GameTree& b);

 private:
  friend struct TreeFreezer;

  std::string_view text(std::uint32_t index) const { return texts_[index]; }

  std::string title_, comment_;
  std::vector<std::string> players_;

  // Per node (preorder).
  BigVector<NodeKind> kind_;
  BigVector<NodeId> parent_;
  BigVector<std::uint32_t> slot_;         // infoset, or terminal index
  BigVector<std::uint32_t> child_begin_;  // node_count + 1 offsets
  BigVector<NodeId> children_;
  BigVector<OutcomeId> outcome_;
  BigVector<std::uint32_t> node_label_;  // empty when every label is ""

  // Per information set (first appearance in preorder).
  BigVector<PlayerId> infoset_player_;
  BigVector<std::uint32_t> infoset_label_;  // empty when every label is ""
  BigVector<std::uint32_t> infoset_rank_;
  BigVector<ActionId> action_begin_;       // infoset_count + 1 offsets
  BigVector<std::uint32_t> member_begin_;  // infoset_count + 1 offsets
  BigVector<NodeId> members_;
  // Inner nodes in preorder; empty when members_ is that list already
  // (every information set one node, as in perfect-information games).
  BigVector<NodeId> inner_;
  std::vector<std::vector<InfosetId>> player_infosets_;  // players, then chance
  std::vector<std::uint32_t> chance_offset_;             // per chance set, + 1

  BigVector<std::uint32_t> action_label_;
  BigVector<std::uint32_t> outcome_label_;  // empty when every label is ""
  // Labels are interned: most trees repeat a few action names.
  std::vector<std::string> texts_;

  std::size_t terminal_count_ = 0;
  std::size_t outcome_count_ = 0;
  bool perfect_information_ = true;
  std::string recall_violation_;
};

/// Names an information set for messages, as a user finds it in a Gambit
/// file: `information set 2 of player 1 (Alice), "later"` (1-based numbers).
std::string describe_infoset(const GameTree& tree, InfosetId set);

/// An extensive game with payoffs and chance probabilities in scalar T.
///
/// The payoff of a play is the sum of the outcomes on its path (outcomes may
/// sit on any node, as in Gambit); payoffs(terminal) gives that sum, stored
/// contiguously per terminal. A chance information set may carry, besides
/// its objective probabilities, one probability vector per player: the
/// player's own beliefs (heterogeneous priors).
template <Scalar T>
class ExtensiveGame {
 public:
  using scalar_type = T;

  const GameTree& tree() const noexcept { return *tree_; }
  std::size_t player_count() const noexcept { return tree_->player_count(); }

  /// Each player's payoff at a terminal node: the sum of outcomes on its path.
  std::span<const T> payoffs(NodeId terminal) const {
    const auto n = player_count();
    return {terminal_payoffs_.data() + tree_->terminal_index(terminal) * n, n};
  }
  /// Every terminal's payoffs: terminal_index by terminal_index, each a row
  /// of one payoff per player.
  std::span<const T> terminal_payoffs() const noexcept {
    return terminal_payoffs_;
  }
  /// The payoff vector of one outcome.
  std::span<const T> outcome_payoffs(OutcomeId o) const {
    const auto n = player_count();
    return {outcome_payoffs_.data() + o * n, n};
  }
  /// The objective probabilities of a chance information set's actions.
  std::span<const T> probabilities(InfosetId chance_set) const {
    return probabilities_of(probabilities_, chance_set);
  }
  /// A player's beliefs over a chance information set's actions.
  std::span<const T> beliefs(PlayerId p, InfosetId chance_set) const {
    return probabilities_of(beliefs_[p].empty() ? probabilities_ : beliefs_[p],
                            chance_set);
  }
  /// True when some player's beliefs differ from the objective odds.
  bool has_subjective_beliefs() const {
    for (const auto& b : beliefs_)
      if (!b.empty()) return true;
    return false;
  }
  bool has_own_beliefs(PlayerId p) const { return !beliefs_[p].empty(); }

  /// The same game in another scalar; the structure is shared, not copied.
  template <Scalar U>
  ExtensiveGame<U> convert() const {
    ExtensiveGame<U> out;
    out.tree_ = tree_;
    out.outcome_payoffs_ = convert_scalars<BigVector<U>>(outcome_payoffs_);
    out.terminal_payoffs_ = convert_scalars<BigVector<U>>(terminal_payoffs_);
    out.probabilities_ = convert_scalars<std::vector<U>>(probabilities_);
    for (const auto& b : beliefs_)
      out.beliefs_.push_back(convert_scalars<std::vector<U>>(b));
    return out;
  }

  std::shared_ptr<const GameTree> shared_tree() const noexcept { return tree_; }

  friend bool operator==(const ExtensiveGame& a, const ExtensiveGame& b) {
    return (a.tree_ == b.tree_ || *a.tree_ == *b.tree_) &&
           a.outcome_payoffs_ == b.outcome_payoffs_ &&
           a.terminal_payoffs_ == b.terminal_payoffs_ &&
           a.probabilities_ == b.probabilities_ && a.beliefs_ == b.beliefs_;
  }

 private:
  template <Scalar>
  friend class ExtensiveGame;
  template <Scalar>
  friend class GameBuilder;

  // Chance probabilities are stored per chance set, in Gambit's order.
  std::span<const T> probabilities_of(const std::vector<T>& all,
                                      InfosetId chance_set) const {
    return {all.data() + tree_->chance_offset(chance_set),
            tree_->action_count(chance_set)};
  }

  std::shared_ptr<const GameTree> tree_;
  BigVector<T> outcome_payoffs_;         // outcome x player
  BigVector<T> terminal_payoffs_;        // terminal x player
  std::vector<T> probabilities_;         // chance actions, chance sets in order
  std::vector<std::vector<T>> beliefs_;  // per player; empty = objective
};

/// Games read from files are exact; convert<double>() for fast solving.
using Game = ExtensiveGame<Rational>;

}  // namespace bargain
