// GameTree queries, the TreeBuilder, and freezing a builder into a GameTree.
// Nothing here recurses on the depth of the tree: a chain a million nodes
// deep freezes like any other tree.
#include "bargain/game/tree.hpp"

#include <algorithm>
#include <cstdint>
#include <new>
#include <string>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "bargain/error.hpp"
#include "bargain/game/builder.hpp"

namespace bargain {

// --- GameTree --------------------------------------------------------------

ActionId GameTree::incoming_action(NodeId v) const {
  const NodeId p = parent_[v];
  if (p == kNoNode) return kNoAction;
  const auto siblings = children(p);
  const auto index = std::ranges::find(siblings, v) - siblings.begin();
  return action_begin_[slot_[p]] + static_cast<ActionId>(index);
}

std::size_t GameTree::depth(NodeId v) const {
  std::size_t d = 0;
  for (; parent_[v] != kNoNode; v = parent_[v]) ++d;
  return d;
}

InfosetId GameTree::action_infoset(ActionId a) const {
  const auto it = std::ranges::upper_bound(action_begin_, a);
  return static_cast<InfosetId>(it - action_begin_.begin() - 1);
}

std::string describe_infoset(const GameTree& tree, InfosetId set) {
  const PlayerId p = tree.infoset_player(set);
  std::string text =
      "information set " + std::to_string(tree.infoset_rank(set) + 1) + " of ";
  if (p == kChance) {
    text += "chance";
  } else {
    text += "player " + std::to_string(p + 1);
    if (!tree.player_name(p).empty()) text += " (" + tree.player_name(p) + ")";
  }
  if (!tree.infoset_label(set).empty())
    text += ", \"" + std::string(tree.infoset_label(set)) + "\"";
  return text;
}

namespace detail {

#if defined(__linux__) && defined(MADV_HUGEPAGE)
namespace {
constexpr std::size_t kHugePage = std::size_t(2) << 20;
std::size_t round_to_huge_pages(std::size_t bytes) {
  return (bytes + kHugePage - 1) / kHugePage * kHugePage;
}
}  // namespace

void* allocate_big_array(std::size_t bytes) {
  // Maps a huge page more than needed and trims the ends, so the array
  // starts on a huge-page boundary.
  const std::size_t size = round_to_huge_pages(bytes);
  void* mapped = mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) throw std::bad_alloc();
  const auto begin = reinterpret_cast<std::uintptr_t>(mapped);
  const std::uintptr_t aligned =
      (begin + kHugePage - 1) / kHugePage * kHugePage;
  const std::uintptr_t end = begin + size + kHugePage;
  if (aligned > begin) munmap(mapped, aligned - begin);
  if (end > aligned + size)
    munmap(reinterpret_cast<void*>(aligned + size), end - aligned - size);
  // Advice only: without huge pages the array is an ordinary mapping.
  madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);
  return reinterpret_cast<void*>(aligned);
}

void deallocate_big_array(void* array, std::size_t bytes) noexcept {
  munmap(array, round_to_huge_pages(bytes));
}
#else
void* allocate_big_array(std::size_t bytes) { return ::operator new(bytes); }

void deallocate_big_array(void* array, std::size_t) noexcept {
  ::operator delete(array);
}
#endif

}  // namespace detail

namespace {

template <class T, class Allocator>
std::size_t heap_bytes(const std::vector<T, Allocator>& v) {
  return v.capacity() * sizeof(T);
}

std::size_t heap_bytes(const std::string& s) {
  // Short strings live inside the object; longer ones own a buffer.
  return s.capacity() > std::string().capacity() ? s.capacity() + 1 : 0;
}

template <class T>
std::size_t heap_bytes(const std::vector<std::vector<T>>& v) {
  std::size_t bytes = v.capacity() * sizeof(std::vector<T>);
  for (const auto& inner : v) bytes += heap_bytes(inner);
  return bytes;
}

std::size_t heap_bytes(const std::vector<std::string>& v) {
  std::size_t bytes = v.capacity() * sizeof(std::string);
  for (const auto& s : v) bytes += heap_bytes(s);
  return bytes;
}

}  // namespace

std::size_t GameTree::memory_bytes() const noexcept {
  return heap_bytes(title_) + heap_bytes(comment_) + heap_bytes(players_) +
         heap_bytes(kind_) + heap_bytes(parent_) + heap_bytes(slot_) +
         heap_bytes(child_begin_) + heap_bytes(children_) +
         heap_bytes(outcome_) + heap_bytes(node_label_) +
         heap_bytes(infoset_player_) + heap_bytes(infoset_label_) +
         heap_bytes(infoset_rank_) + heap_bytes(action_begin_) +
         heap_bytes(member_begin_) + heap_bytes(members_) + heap_bytes(inner_) +
         heap_bytes(player_infosets_) + heap_bytes(chance_offset_) +
         heap_bytes(action_label_) + heap_bytes(outcome_label_) +
         heap_bytes(texts_) + heap_bytes(recall_violation_);
}

bool operator==(const GameTree& a, const GameTree& b) {
  if (a.title_ != b.title_ || a.comment_ != b.comment_ ||
      a.players_ != b.players_ || a.kind_ != b.kind_ ||
      a.parent_ != b.parent_ || a.slot_ != b.slot_ ||
      a.child_begin_ != b.child_begin_ || a.children_ != b.children_ ||
      a.outcome_ != b.outcome_ || a.infoset_player_ != b.infoset_player_ ||
      a.action_begin_ != b.action_begin_ ||
      a.member_begin_ != b.member_begin_ || a.members_ != b.members_ ||
      a.recall_violation_ != b.recall_violation_ ||
      a.action_label_.size() != b.action_label_.size() ||
      a.outcome_count_ != b.outcome_count_)
    return false;
  for (NodeId v = 0; v < a.node_count(); ++v)
    if (a.label(v) != b.label(v)) return false;
  for (InfosetId i = 0; i < a.infoset_count(); ++i)
    if (a.infoset_label(i) != b.infoset_label(i)) return false;
  for (ActionId x = 0; x < a.action_count(); ++x)
    if (a.action_label(x) != b.action_label(x)) return false;
  for (OutcomeId o = 0; o < a.outcome_count(); ++o)
    if (a.outcome_label(o) != b.outcome_label(o)) return false;
  return true;
}

// --- TreeBuilder -----------------------------------------------------------

TreeBuilder::TreeBuilder(std::string title, std::string comment)
    : title_(std::move(title)), comment_(std::move(comment)) {
  kind_.push_back(NodeKind::terminal);
  node_infoset_.push_back(0);
  first_child_.push_back(kNoNode);
  node_outcome_.push_back(kNoOutcome);
}

std::uint32_t TreeBuilder::intern(std::string_view text) {
  if (text.empty()) return 0;
  const auto [it, inserted] = text_index_.try_emplace(
      std::string(text), static_cast<std::uint32_t>(texts_.size()));
  if (inserted) texts_.emplace_back(text);
  return it->second;
}

PlayerId TreeBuilder::add_player(std::string name) {
  players_.push_back(std::move(name));
  return static_cast<PlayerId>(players_.size() - 1);
}

ActionSetId TreeBuilder::add_action_set(std::span<const std::string> labels) {
  if (labels.empty())
    throw GameError("an action set needs at least one action");
  for (const auto& label : labels) action_set_labels_.push_back(intern(label));
  action_set_begin_.push_back(
      static_cast<std::uint32_t>(action_set_labels_.size()));
  return static_cast<ActionSetId>(action_set_begin_.size() - 2);
}

ActionSetId TreeBuilder::add_action_set(
    std::initializer_list<std::string_view> labels) {
  if (labels.size() == 0)
    throw GameError("an action set needs at least one action");
  for (const auto label : labels) action_set_labels_.push_back(intern(label));
  action_set_begin_.push_back(
      static_cast<std::uint32_t>(action_set_labels_.size()));
  return static_cast<ActionSetId>(action_set_begin_.size() - 2);
}

InfosetId TreeBuilder::add_infoset(PlayerId player, std::string_view label,
                                   ActionSetId actions) {
  if (actions + 1 >= action_set_begin_.size())
    throw GameError("information set \"" + std::string(label) +
                    "\" uses action set " + std::to_string(actions) +
                    ", which was never added");
  infoset_player_.push_back(player);
  infoset_label_.push_back(intern(label));
  infoset_actions_.push_back(actions);
  return static_cast<InfosetId>(infoset_player_.size() - 1);
}

std::size_t TreeBuilder::action_count(InfosetId i) const {
  const auto set = infoset_actions_[i];
  return action_set_begin_[set + 1] - action_set_begin_[set];
}

PlayerId TreeBuilder::infoset_player(InfosetId i) const {
  return infoset_player_[i];
}

std::string_view TreeBuilder::infoset_label(InfosetId i) const {
  return texts_[infoset_label_[i]];
}

OutcomeId TreeBuilder::add_outcome(std::string_view label) {
  outcome_label_.push_back(intern(label));
  return static_cast<OutcomeId>(outcome_label_.size() - 1);
}

void TreeBuilder::check_node(NodeId node, std::string_view what) const {
  if (node >= kind_.size())
    throw GameError(std::string(what) + ": node " + std::to_string(node) +
                    " does not exist (the builder has " +
                    std::to_string(kind_.size()) + " nodes)");
}

NodeRange TreeBuilder::move(NodeId node, InfosetId infoset) {
  check_node(node, "move");
  if (infoset >= infoset_player_.size())
    throw GameError("move at node " + std::to_string(node) +
                    ": information set " + std::to_string(infoset) +
                    " does not exist");
  if (kind_[node] != NodeKind::terminal)
    throw GameError("move at node " + std::to_string(node) +
                    ": the node already has a move");
  const std::size_t k = action_count(infoset);
  if (kind_.size() + k > kMaxNodes)
    throw LimitError("a game tree of more than " + std::to_string(kMaxNodes) +
                     " nodes");
  kind_[node] = infoset_player_[infoset] == kChance ? NodeKind::chance
                                                    : NodeKind::decision;
  node_infoset_[node] = infoset;
  const auto first = static_cast<NodeId>(kind_.size());
  first_child_[node] = first;
  const std::size_t total = kind_.size() + k;
  kind_.resize(total, NodeKind::terminal);
  node_infoset_.resize(total, 0);
  first_child_.resize(total, kNoNode);
  node_outcome_.resize(total, kNoOutcome);
  if (!node_label_.empty()) node_label_.resize(total, 0);
  return {first, static_cast<NodeId>(total)};
}

void TreeBuilder::set_outcome(NodeId node, OutcomeId outcome) {
  check_node(node, "set_outcome");
  if (outcome != kNoOutcome && outcome >= outcome_label_.size())
    throw GameError("set_outcome at node " + std::to_string(node) +
                    ": outcome " + std::to_string(outcome) + " does not exist");
  node_outcome_[node] = outcome;
}

void TreeBuilder::set_label(NodeId node, std::string_view label) {
  check_node(node, "set_label");
  if (label.empty() && node_label_.empty()) return;
  if (node_label_.empty()) node_label_.resize(kind_.size(), 0);
  node_label_[node] = intern(label);
}

// --- freezing ----------------------------------------------------------------

struct TreeFreezer {
  static TreeBuilder::Frozen freeze(TreeBuilder&& b);
  static void check_recall(GameTree& t);
  static std::string describe_history(const GameTree& t, ActionId a);
};

TreeBuilder::Frozen TreeBuilder::freeze() && {
  return TreeFreezer::freeze(std::move(*this));
}

TreeBuilder::Frozen TreeFreezer::freeze(TreeBuilder&& b) {
  auto tree = std::make_shared<GameTree>();
  GameTree& t = *tree;
  const std::size_t n = b.kind_.size();

  t.title_ = std::move(b.title_);
  t.comment_ = std::move(b.comment_);
  t.players_ = std::move(b.players_);

  const auto child_count = [&b](NodeId src) -> NodeId {
    return b.kind_[src] == NodeKind::terminal
               ? 0
               : static_cast<NodeId>(b.action_count(b.node_infoset_[src]));
  };

  // Preorder numbers without a traversal. A move appends its children, so
  // builder ids grow down every path: a reverse scan sees children before
  // parents and sums subtree sizes; a forward scan then numbers each child
  // from its parent's number and its elder siblings' sizes. Both read the
  // builder in order. One array serves: a child's size is read once, by its
  // parent, just before its number overwrites it.
  BigVector<NodeId> preorder(n, 1);
  for (NodeId src = static_cast<NodeId>(n); src-- > 0;)
    for (NodeId j = 0, k = child_count(src); j < k; ++j)
      preorder[src] += preorder[b.first_child_[src] + j];
  preorder[0] = 0;
  for (NodeId src = 0; src < n; ++src) {
    NodeId next = preorder[src] + 1;
    for (NodeId j = 0, k = child_count(src); j < k; ++j) {
      const NodeId child = b.first_child_[src] + j;
      const NodeId size = preorder[child];
      preorder[child] = next;
      next += size;
    }
  }

  // Each node to its place, still in builder order; information sets and
  // outcomes keep their builder ids until the preorder pass below.
  t.kind_.resize(n);
  t.parent_.resize(n);
  t.slot_.resize(n);
  t.child_begin_.resize(n + 1);
  t.outcome_.resize(n);
  if (!b.node_label_.empty()) t.node_label_.resize(n);
  t.parent_[0] = kNoNode;
  t.child_begin_[0] = 0;
  for (NodeId src = 0; src < n; ++src) {
    const NodeId v = preorder[src];
    t.kind_[v] = b.kind_[src];
    t.outcome_[v] = b.node_outcome_[src];
    t.slot_[v] = b.node_infoset_[src];
    if (!t.node_label_.empty()) t.node_label_[v] = b.node_label_[src];
    const NodeId k = child_count(src);
    t.child_begin_[v + 1] = k;  // a count until summed below
    for (NodeId j = 0; j < k; ++j)
      t.parent_[preorder[b.first_child_[src] + j]] = v;
  }

  // In preorder: child offsets, terminal numbers, and information sets and
  // outcomes numbered by first appearance.
  TreeBuilder::Frozen out;
  out.infoset_of.assign(b.infoset_player_.size(), kNoNode);
  out.outcome_of.assign(b.outcome_label_.size(), kNoOutcome);
  std::uint32_t terminals = 0;
  std::uint32_t outcomes = 0;
  std::vector<std::uint32_t> member_count;
  for (NodeId v = 0; v < n; ++v) {
    t.child_begin_[v + 1] += t.child_begin_[v];
    if (const OutcomeId o = t.outcome_[v]; o != kNoOutcome) {
      if (out.outcome_of[o] == kNoOutcome) out.outcome_of[o] = outcomes++;
      t.outcome_[v] = out.outcome_of[o];
    }
    if (t.kind_[v] == NodeKind::terminal) {
      t.slot_[v] = terminals++;
      continue;
    }
    InfosetId& set = out.infoset_of[t.slot_[v]];
    if (set == kNoNode) {
      set = static_cast<InfosetId>(member_count.size());
      member_count.push_back(0);
    }
    t.slot_[v] = set;
    ++member_count[set];
  }
  t.terminal_count_ = terminals;

  // Children in action order: a node's children come in preorder.
  t.children_.resize(t.child_begin_[n]);
  {
    BigVector<std::uint32_t>& next_slot = preorder;  // free again
    std::copy(t.child_begin_.begin(), t.child_begin_.end() - 1,
              next_slot.begin());
    for (NodeId v = 1; v < n; ++v) t.children_[next_slot[t.parent_[v]]++] = v;
  }

  // Information sets, actions and their labels in the new order.
  const std::size_t sets = member_count.size();
  std::vector<InfosetId> source_of(sets);
  for (InfosetId s = 0; s < out.infoset_of.size(); ++s)
    if (out.infoset_of[s] != kNoNode) source_of[out.infoset_of[s]] = s;
  t.infoset_player_.resize(sets);
  t.infoset_rank_.resize(sets);
  t.action_begin_.resize(sets + 1);
  t.member_begin_.resize(sets + 1);
  t.player_infosets_.resize(t.players_.size() + 1);
  const auto list_of = [&t](PlayerId p) {
    return p == kChance ? t.players_.size() : p;
  };
  // Sizes first, so that every array is allocated once and exactly.
  std::vector<std::size_t> list_size(t.player_infosets_.size(), 0);
  bool labelled_sets = false;
  t.action_begin_[0] = 0;
  t.member_begin_[0] = 0;
  for (InfosetId s = 0; s < sets; ++s) {
    const InfosetId src = source_of[s];
    t.action_begin_[s + 1] =
        t.action_begin_[s] + static_cast<ActionId>(b.action_count(src));
    t.member_begin_[s + 1] = t.member_begin_[s] + member_count[s];
    labelled_sets = labelled_sets || b.infoset_label_[src] != 0;
    ++list_size[list_of(b.infoset_player_[src])];
  }
  for (std::size_t i = 0; i < list_size.size(); ++i)
    t.player_infosets_[i].reserve(list_size[i]);
  t.action_label_.resize(t.action_begin_[sets]);
  if (labelled_sets) t.infoset_label_.resize(sets);
  for (InfosetId s = 0; s < sets; ++s) {
    const InfosetId src = source_of[s];
    const PlayerId p = b.infoset_player_[src];
    t.infoset_player_[s] = p;
    if (labelled_sets) t.infoset_label_[s] = b.infoset_label_[src];
    auto& list = t.player_infosets_[list_of(p)];
    t.infoset_rank_[s] = static_cast<std::uint32_t>(list.size());
    list.push_back(s);
    const auto labels = b.infoset_actions_[src];
    std::copy(b.action_set_labels_.begin() + b.action_set_begin_[labels],
              b.action_set_labels_.begin() + b.action_set_begin_[labels + 1],
              t.action_label_.begin() + t.action_begin_[s]);
    if (p != kChance && member_count[s] > 1) t.perfect_information_ = false;
  }
  t.members_.resize(t.member_begin_[sets]);
  {
    std::vector<std::uint32_t> fill(t.member_begin_.begin(),
                                    t.member_begin_.end() - 1);
    for (NodeId v = 0; v < n; ++v)
      if (t.kind_[v] != NodeKind::terminal) t.members_[fill[t.slot_[v]]++] = v;
  }
  if (t.members_.size() != sets) {
    t.inner_.resize(t.members_.size());
    std::size_t inner = 0;
    for (NodeId v = 0; v < n; ++v)
      if (t.kind_[v] != NodeKind::terminal) t.inner_[inner++] = v;
  }
  t.chance_offset_.assign(1, 0);
  for (const InfosetId s : t.player_infosets_.back())
    t.chance_offset_.push_back(t.chance_offset_.back() +
                               static_cast<std::uint32_t>(t.action_count(s)));

  t.outcome_count_ = outcomes;
  bool labelled_outcomes = false;
  for (OutcomeId o = 0; o < out.outcome_of.size(); ++o)
    labelled_outcomes = labelled_outcomes || (out.outcome_of[o] != kNoOutcome &&
                                              b.outcome_label_[o] != 0);
  if (labelled_outcomes) {
    t.outcome_label_.resize(outcomes);
    for (OutcomeId o = 0; o < out.outcome_of.size(); ++o)
      if (out.outcome_of[o] != kNoOutcome)
        t.outcome_label_[out.outcome_of[o]] = b.outcome_label_[o];
  }
  t.texts_ = std::move(b.texts_);

  // A tree whose every information set is one node has perfect recall:
  // no set can lie twice on a path, nor be reached by two histories.
  if (t.members_.size() != sets) check_recall(t);
  out.tree = std::move(tree);
  return out;
}

std::string TreeFreezer::describe_history(const GameTree& t, ActionId a) {
  if (a == kNoAction) return "no earlier move of that player";
  const InfosetId i = t.action_infoset(a);
  return "action " + std::to_string(t.action_index(a) + 1) +
         (t.action_label(a).empty()
              ? std::string()
              : " \"" + std::string(t.action_label(a)) + "\"") +
         " at " + describe_infoset(t, i);
}

// Perfect recall: every node of a player's information set must follow the
// same own history. By induction on depth it is enough that all members
// share the player's last own move (set and action), and that no set lies
// twice on one path (absent-mindedness).
void TreeFreezer::check_recall(GameTree& t) {
  constexpr ActionId kUnset = kNoAction - 1;
  const std::size_t n = t.node_count();
  std::vector<ActionId> last_own(t.players_.size(), kNoAction);
  std::vector<ActionId> expected(t.infoset_count(), kUnset);
  std::vector<NodeId> first_member(t.infoset_count(), kNoNode);
  std::vector<std::uint8_t> on_path(t.infoset_count(), 0);
  struct Frame {
    NodeId node;
    PlayerId mover;        // the parent's mover, whose last move this node set
    ActionId previous;     // that player's last move before
    ActionId next_action;  // the action leading to the next child entered
  };
  std::vector<Frame> path;

  for (NodeId v = 0; v < n; ++v) {
    const NodeId parent = t.parent_[v];
    while (!path.empty() && path.back().node != parent) {
      const Frame& f = path.back();
      if (f.mover != kChance) last_own[f.mover] = f.previous;
      if (!t.is_terminal(f.node)) on_path[t.slot_[f.node]] = 0;
      path.pop_back();
    }
    // Entering v: its parent's mover has just taken the action leading here.
    // Children are entered in action order, so the parent's frame counts it.
    Frame frame{v, kChance, kNoAction,
                t.is_terminal(v) ? kNoAction : *t.actions(t.slot_[v]).begin()};
    if (parent != kNoNode && t.kind_[parent] == NodeKind::decision) {
      frame.mover = t.player(parent);
      frame.previous = last_own[frame.mover];
      last_own[frame.mover] = path.back().next_action;
    }
    if (parent != kNoNode) ++path.back().next_action;
    path.push_back(frame);
    if (t.kind_[v] == NodeKind::terminal) continue;
    const InfosetId set = t.slot_[v];
    if (on_path[set] && t.recall_violation_.empty())
      t.recall_violation_ =
          describe_infoset(t, set) + " has imperfect recall: node " +
          std::to_string(v + 1) +
          " lies below another node of the same set, so the player forgets "
          "having moved there (absent-mindedness)";
    on_path[set] = 1;
    if (t.kind_[v] != NodeKind::decision) continue;
    const ActionId history = last_own[t.player(v)];
    if (expected[set] == kUnset) {
      expected[set] = history;
      first_member[set] = v;
    } else if (expected[set] != history && t.recall_violation_.empty()) {
      t.recall_violation_ =
          describe_infoset(t, set) + " has imperfect recall: node " +
          std::to_string(first_member[set] + 1) + " follows " +
          describe_history(t, expected[set]) + ", but node " +
          std::to_string(v + 1) + " follows " + describe_history(t, history);
    }
  }
}

}  // namespace bargain
