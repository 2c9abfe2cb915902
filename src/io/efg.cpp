// Reading and writing Gambit's .efg files.
//
// The reader takes the nodes in preorder with an explicit stack, so a deep
// tree costs heap, never call stack. It builds through GameBuilder, which
// numbers information sets and outcomes by first appearance in preorder, as
// Gambit does and as to_efg writes them: reading what to_efg wrote gives the
// same game.
#include "bargain/io/efg.hpp"

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "bargain/game/builder.hpp"
#include "lexer.hpp"

namespace bargain {
namespace {

using detail::Lexer;
using detail::Token;
using detail::TokenKind;

constexpr std::string_view kExpectedNode = "a node: \"p\", \"c\" or \"t\"";

// The shortest text of a node, `t""0`: every node still to come needs at
// least this many bytes of the file.
constexpr std::size_t kMinNodeBytes = 4;

// An information set or outcome met before, and where its description
// starts in the text, to compare a repeated description with.
struct Described {
  std::uint32_t id;
  std::size_t at;
};

// The file's ids of information sets or outcomes. Gambit writes 1, 2, ...,
// so a vector indexed by id serves nearly every file; other ids, or ids that
// would leave the vector mostly empty, go to a hash map.
class IdTable {
 public:
  const Described* find(std::int64_t id) const {
    if (id >= 0 && static_cast<std::uint64_t>(id) < dense_.size())
      return dense_[id].id == kUnknown ? nullptr : &dense_[id];
    const auto it = sparse_.find(id);
    return it == sparse_.end() ? nullptr : &it->second;
  }

  void insert(std::int64_t id, Described described) {
    ++count_;
    if (id >= 0 && static_cast<std::uint64_t>(id) < 2 * count_ + 16) {
      if (static_cast<std::uint64_t>(id) >= dense_.size())
        dense_.resize(static_cast<std::size_t>(id) + 1, {kUnknown, 0});
      dense_[id] = described;
    } else {
      sparse_.emplace(id, described);
    }
  }

 private:
  static constexpr std::uint32_t kUnknown = kNoNode;
  std::vector<Described> dense_;
  std::unordered_map<std::int64_t, Described> sparse_;
  std::uint64_t count_ = 0;
};

class EfgReader {
 public:
  EfgReader(std::string_view text, std::string_view file_name)
      : lex_(text, file_name) {}

  Game read() && {
    auto header = detail::read_header(lex_, "EFG", "2");
    builder_.set_title(std::move(header.title));
    players_ = std::move(header.players);
    for (const auto& name : players_) builder_.add_player(name);
    if (lex_.at(TokenKind::text))
      builder_.set_comment(lex_.text("the game's comment"));
    infosets_.resize(players_.size() + 1);
    read_tree();
    // Gambit stops after the root's subtree and ignores what follows. No
    // file of its corpus has anything there, and what there is is likelier
    // a second tree pasted in or a botched edit than something to drop.
    if (!lex_.at(TokenKind::end))
      lex_.fail(lex_.peek(), "the end of the file after the root's subtree");
    return std::move(builder_).freeze();
  }

 private:
  void read_tree() {
    // For every node whose subtrees are being read: its children to come.
    struct Pending {
      NodeId next, end;
    };
    std::vector<Pending> pending;
    std::size_t outstanding = 0;  // nodes announced, not read yet
    NodeId node = builder_.root();
    for (;;) {
      const NodeRange children = read_node(node, outstanding);
      if (!children.empty()) {
        pending.push_back(
            {children.front(),
             children.front() + static_cast<NodeId>(children.size())});
        outstanding += children.size();
      }
      while (!pending.empty() && pending.back().next == pending.back().end)
        pending.pop_back();
      if (pending.empty()) return;
      node = pending.back().next++;
      --outstanding;
    }
  }

  // One node; returns its children, still to be read.
  NodeRange read_node(NodeId node, std::size_t outstanding) {
    const Token type = lex_.next();
    const char letter = type.kind == TokenKind::symbol && type.text.size() == 1
                            ? type.text[0]
                            : '\0';
    if (letter != 'p' && letter != 'c' && letter != 't')
      lex_.fail(type, kExpectedNode);
    const std::string_view label =
        lex_.text(scratch_, "the node's label (a quoted text)");
    if (!label.empty()) builder_.set_label(node, label);
    InfosetId set = 0;
    if (letter == 'p') set = read_infoset(read_player());
    if (letter == 'c') set = read_infoset(kChance);
    const OutcomeId outcome = read_outcome();
    if (outcome != kNoOutcome) builder_.set_outcome(node, outcome);
    if (letter == 't') return {};
    // A file too short to hold the children announced so far is truncated.
    // Saying so now, before creating them, keeps a crafted file (a set of
    // many actions, then many short nodes at that set) from making far more
    // nodes than it has bytes.
    const std::size_t actions = builder_.structure().action_count(set);
    if (outstanding + actions > lex_.remaining() / kMinNodeBytes)
      lex_.fail(lex_.end_of_file(), kExpectedNode);
    return builder_.move(node, set);
  }

  PlayerId read_player() {
    const Token token = lex_.next();
    const auto expected = [&] {
      return players_.empty()
                 ? std::string("no player node: the game has no players")
                 : "a player number from 1 to " +
                       std::to_string(players_.size());
    };
    const std::int64_t player = lex_.integer(token, expected);
    if (player < 1 || static_cast<std::uint64_t>(player) > players_.size())
      lex_.fail(token, expected);
    return static_cast<PlayerId>(player - 1);
  }

  // `id ["label" { actions }]`: ids are per player, chance having its own.
  InfosetId read_infoset(PlayerId player) {
    const bool chance = player == kChance;
    const std::int64_t id =
        lex_.integer(lex_.next(), "an information set number (a whole number)");
    return resolve(
        infosets_[chance ? players_.size() : player], id, "actions",
        [&] {
          return chance ? "chance information set " + std::to_string(id)
                        : "information set " + std::to_string(id) + " of " +
                              detail::player_text(players_, player);
        },
        [&] { read_actions(chance); },
        [&] {
          const ActionSetId actions = builder_.add_action_set(actions_);
          return chance ? builder_.add_chance_infoset(set_label_, actions,
                                                      std::move(probabilities_))
                        : builder_.add_infoset(player, set_label_, actions);
        });
  }

  // `"label" { "a" "b" }`, or for chance `"label" { "a" 1/2 "b" 1/2 }`.
  void read_actions(bool chance) {
    set_label_.assign(lex_.text(scratch_, "the information set's label"));
    const Token open =
        lex_.expect(TokenKind::open_brace, "\"{\" opening the list of actions");
    actions_.clear();
    probabilities_.clear();
    while (!lex_.at(TokenKind::close_brace)) {
      actions_.emplace_back(
          lex_.text(scratch_, "an action label (a quoted text) or \"}\""));
      if (!chance) continue;
      const Token token = lex_.next();
      Rational p = lex_.number(token, [&] {
        return "the probability of action \"" + actions_.back() + "\"";
      });
      if (p < 0 || p > 1) lex_.fail(token, "a probability from 0 to 1");
      probabilities_.push_back(std::move(p));
    }
    const Token close = lex_.next();
    if (actions_.empty())
      lex_.fail(close, "an action label: a node needs at least one action");
    if (!chance) return;
    Rational sum = 0;
    for (const auto& p : probabilities_) sum += p;
    if (sum != 1)
      lex_.fail(open, "probabilities summing to " + to_string(sum),
                "probabilities summing to exactly 1");
  }

  // `0`, or `id ["label" { payoffs }]`, described at its first use.
  OutcomeId read_outcome() {
    const Token token = lex_.next();
    const std::int64_t id =
        lex_.integer(token, "an outcome number (0 for none)");
    if (id < 0) lex_.fail(token, "an outcome number (0 for none)");
    if (id == 0) {
      if (lex_.at(TokenKind::text))
        lex_.fail(lex_.peek(),
                  "the next node: outcome 0 means none and takes no label or "
                  "payoffs");
      return kNoOutcome;
    }
    std::string_view label;
    return resolve(
        outcomes_, id, "payoffs",
        [&] { return "outcome " + std::to_string(id); },
        [&] {
          label = lex_.text(scratch_, "the outcome's label");
          lex_.expect(TokenKind::open_brace,
                      "\"{\" opening the outcome's payoffs");
          payoffs_.clear();
          detail::read_payoffs(lex_, players_, payoffs_);
        },
        [&] { return builder_.add_outcome(label, std::move(payoffs_)); });
  }

  // An information set or outcome by its id in the file. The first use
  // describes it (`describe` reads the description, `create` makes it);
  // later uses may give the id alone or the same description again.
  template <class Name, class Describe, class Create>
  std::uint32_t resolve(IdTable& table, std::int64_t id,
                        std::string_view contents, const Name& name,
                        const Describe& describe, const Create& create) {
    const Described* known = table.find(id);
    if (!lex_.at(TokenKind::text)) {
      if (!known)
        lex_.fail(lex_.peek(), [&] {
          return "the label and " + std::string(contents) + " of " + name() +
                 ", which appears here first";
        });
      return known->id;
    }
    const std::size_t at = lex_.offset(lex_.peek());
    describe();
    if (known) {
      check_same(known->at, at, name);
      return known->id;
    }
    const std::uint32_t created = create();
    table.insert(id, {created, at});
    return created;
  }

  // A repeated description must say what the first said: the same labels,
  // numbers of the same value (Gambit compares their text, so `1/2` against
  // `0.5` is refused there and accepted here), commas aside.
  template <class Name>
  void check_same(std::size_t first, std::size_t again, const Name& name) {
    Lexer before = lex_.reread_from(first);
    Lexer now = lex_.reread_from(again);
    for (;;) {
      Token x = before.next();
      Token y = now.next();
      if (x.kind == TokenKind::comma) x = before.next();
      if (y.kind == TokenKind::comma) y = now.next();
      if (!lex_.same_value(x, y))
        lex_.fail(y, [&] {
          const SourceLocation where = lex_.locate(first);
          return lex_.shown(x) + " as " + name() + " was described at " +
                 std::to_string(where.line) + ":" +
                 std::to_string(where.column);
        });
      if (x.kind == TokenKind::close_brace) return;
    }
  }

  Lexer lex_;
  GameBuilder<Rational> builder_;
  std::vector<std::string> players_;
  // Per player, then chance: the file's ids of information sets.
  std::vector<IdTable> infosets_;
  IdTable outcomes_;
  // Scratch reused from node to node.
  std::string scratch_, set_label_;
  std::vector<std::string> actions_;
  std::vector<Rational> probabilities_, payoffs_;
};

// `0`, or `id "label" { u_1, u_2 }`, as Gambit writes an outcome wherever it
// is used.
template <Scalar T>
void append_outcome(std::string& out, const ExtensiveGame<T>& game,
                    OutcomeId outcome) {
  if (outcome == kNoOutcome) {
    out += '0';
    return;
  }
  out += std::to_string(outcome + 1);
  out += ' ';
  detail::append_quoted(out, game.tree().outcome_label(outcome));
  out += " {";
  detail::append_payoffs(out, game.outcome_payoffs(outcome));
  out += " }";
}

}  // namespace

Game read_efg(std::string_view text, std::string file_name) {
  return EfgReader(text, file_name).read();
}

Game read_efg_file(const std::filesystem::path& path) {
  return read_efg(detail::read_text_file(path), path.string());
}

template <Scalar T>
std::string to_efg(const ExtensiveGame<T>& game) {
  if (game.has_subjective_beliefs())
    throw GameError(
        "the game gives players their own beliefs about chance, which an "
        ".efg file cannot hold; write a game with objective chance only");
  const GameTree& tree = game.tree();
  std::string out;
  detail::append_header(out, "EFG 2", tree.title(), tree.player_count(),
                        [&](std::size_t p) -> const std::string& {
                          return tree.player_name(static_cast<PlayerId>(p));
                        });
  detail::append_quoted(out, tree.comment());
  out += "\n\n";
  for (NodeId v = 0; v < tree.node_count(); ++v) {
    const NodeKind kind = tree.kind(v);
    out += kind == NodeKind::decision ? "p "
           : kind == NodeKind::chance ? "c "
                                      : "t ";
    detail::append_quoted(out, tree.label(v));
    out += ' ';
    if (kind != NodeKind::terminal) {
      const InfosetId set = tree.infoset(v);
      if (kind == NodeKind::decision) {
        out += std::to_string(tree.player(v) + 1);
        out += ' ';
      }
      out += std::to_string(tree.infoset_rank(set) + 1);
      out += ' ';
      detail::append_quoted(out, tree.infoset_label(set));
      out += ' ';
      const ActionRange actions = tree.actions(set);
      if (kind == NodeKind::decision) {
        detail::append_label_list(out, actions.size(), [&](std::size_t i) {
          return tree.action_label(actions[i]);
        });
      } else {
        out += '{';
        const auto probabilities = game.probabilities(set);
        for (std::size_t i = 0; i < actions.size(); ++i) {
          out += ' ';
          detail::append_quoted(out, tree.action_label(actions[i]));
          out += ' ';
          out += detail::number_text(probabilities[i]);
        }
        out += " }";
      }
      out += ' ';
    }
    append_outcome(out, game, tree.outcome(v));
    out += '\n';
  }
  return out;
}

template std::string to_efg(const ExtensiveGame<double>&);
template std::string to_efg(const ExtensiveGame<Rational>&);

}  // namespace bargain
