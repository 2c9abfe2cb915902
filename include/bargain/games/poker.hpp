// Kuhn poker and Leduc poker, the two small poker games every solver of
// imperfect-information games is measured on, built with the GameBuilder
// with the rules and action order OpenSpiel uses, so that figures compare.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "bargain/game/builder.hpp"

namespace bargain {

namespace detail {

// Information sets made on first use and found again by their label, which
// names everything the mover knows.
template <Scalar T>
class InfosetsByLabel {
 public:
  explicit InfosetsByLabel(GameBuilder<T>& builder) : builder_(builder) {}

  InfosetId get(PlayerId player, const std::string& label,
                std::initializer_list<std::string_view> actions) {
    const auto [it, added] = sets_.try_emplace(label, 0);
    if (added) it->second = builder_.add_infoset(player, label, actions);
    return it->second;
  }

 private:
  GameBuilder<T>& builder_;
  std::map<std::string, InfosetId> sets_;
};

}  // namespace detail

/// Kuhn poker: cards J < Q < K, one each, ante 1; player 1 passes or bets 1;
/// a bet is called or folded; pass-bet gives player 1 the same choice.
/// Actions are "pass" and "bet" everywhere (a fold is a pass, a call a bet).
/// The game value for player 1 is -1/18.
template <Scalar T>
ExtensiveGame<T> kuhn_poker() {
  GameBuilder<T> b("Kuhn poker", "3 cards, ante 1, bet 1 (OpenSpiel's rules)");
  const PlayerId first = b.add_player("Player 1");
  const PlayerId second = b.add_player("Player 2");
  detail::InfosetsByLabel<T> sets(b);
  const std::array<std::string, 3> card{"J", "Q", "K"};
  std::vector<std::string> deal_labels;
  std::vector<std::array<int, 2>> deals;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      if (i != j) {
        deal_labels.push_back(card[i] + card[j]);
        deals.push_back({i, j});
      }
  const auto dealt = b.move(
      b.root(), b.add_chance_infoset("deal", b.add_action_set(deal_labels),
                                     std::vector<T>(6, T(1) / T(6))));
  for (std::size_t d = 0; d < deals.size(); ++d) {
    const auto [c1, c2] = deals[d];
    const T showdown = T(c1 > c2 ? 1 : -1);
    const auto end = [&](NodeId node, const std::string& label, T payoff) {
      b.set_outcome(node, b.add_outcome(label, {payoff, T(-payoff)}));
    };
    const auto opening =
        b.move(dealt[d], sets.get(first, card[c1], {"pass", "bet"}));
    // pass: player 2 may pass (showdown for 1) or bet.
    const auto after_pass =
        b.move(opening[0], sets.get(second, card[c2] + ":p", {"pass", "bet"}));
    end(after_pass[0], "showdown", showdown);
    const auto after_pass_bet = b.move(
        after_pass[1], sets.get(first, card[c1] + ":pb", {"pass", "bet"}));
    end(after_pass_bet[0], "player 1 folds", T(-1));
    end(after_pass_bet[1], "showdown", T(2) * showdown);
    // bet: player 2 folds or calls.
    const auto after_bet =
        b.move(opening[1], sets.get(second, card[c2] + ":b", {"pass", "bet"}));
    end(after_bet[0], "player 2 folds", T(1));
    end(after_bet[1], "showdown", T(2) * showdown);
  }
  return std::move(b).freeze();
}

/// Leduc poker: six cards (J, Q, K in two suits), ante 1; a private card
/// each, a round of betting, a public card, a second round. Bets are 2 in the
/// first round and 4 in the second, at most two raises a round; the actions
/// are "fold" (only facing a bet), "call" (check when nothing is owed) and
/// "raise" (while raises remain), in that order. A pair with the public card
/// wins, then the higher card; equal ranks split the pot. 936 information
/// sets, as in OpenSpiel.
template <Scalar T>
ExtensiveGame<T> leduc_poker() {
  GameBuilder<T> b("Leduc poker",
                   "6 cards, ante 1, raises 2 then 4, two raises a round "
                   "(OpenSpiel's rules)");
  b.add_player("Player 1");
  b.add_player("Player 2");
  detail::InfosetsByLabel<T> sets(b);
  const std::array<std::string, 3> rank{"J", "Q", "K"};
  const auto rank_of = [](int card) { return card / 2; };
  // As in OpenSpiel a player sees the suit too: sets are per card, not per
  // rank, though the suits are strategically alike.
  const auto name = [&](int card) {
    return rank[rank_of(card)] + std::to_string(card % 2 + 1);
  };

  struct Betting {
    std::array<int, 2> paid{1, 1};
    int round = 0;
    int raises = 0;
    PlayerId mover = 0;
    bool opened = false;  // someone acted this round
    std::string history;  // e.g. "rc/cr"
  };
  std::array<int, 2> hole{};
  int board = -1;

  const auto showdown_payoff = [&](const Betting& s) {
    const auto strength = [&](int card) {
      return rank_of(card) == rank_of(board) ? 10 + rank_of(card)
                                             : rank_of(card);
    };
    const int a = strength(hole[0]), c = strength(hole[1]);
    return a > c ? s.paid[1] : a < c ? -s.paid[0] : 0;
  };
  const auto end = [&](NodeId node, const std::string& label, int payoff) {
    b.set_outcome(node, b.add_outcome(label, {T(payoff), T(-payoff)}));
  };

  // The recursion is as deep as one hand's betting (at most 10 moves).
  std::function<void(NodeId, Betting)> bet;
  std::function<void(NodeId, Betting)> deal_board = [&](NodeId node,
                                                        Betting s) {
    std::vector<std::string> labels;
    std::vector<int> cards;
    for (int card = 0; card < 6; ++card)
      if (card != hole[0] && card != hole[1]) {
        labels.push_back(name(card));
        cards.push_back(card);
      }
    const auto kids =
        b.move(node, b.add_chance_infoset("board", b.add_action_set(labels),
                                          std::vector<T>(4, T(1) / T(4))));
    for (std::size_t k = 0; k < cards.size(); ++k) {
      board = cards[k];
      Betting next = s;
      next.round = 1;
      next.raises = 0;
      next.mover = 0;
      next.opened = false;
      next.history += '/';
      bet(kids[k], next);
    }
  };
  bet = [&](NodeId node, Betting s) {
    const PlayerId p = s.mover;
    const bool facing = s.paid[p] < s.paid[1 - p];
    const bool can_raise = s.raises < 2;
    std::string label = name(hole[p]);
    if (s.round == 1) label += name(board);
    label += ':' + s.history;
    const InfosetId set =
        facing ? (can_raise ? sets.get(p, label, {"fold", "call", "raise"})
                            : sets.get(p, label, {"fold", "call"}))
               : sets.get(p, label, {"call", "raise"});
    const auto kids = b.move(node, set);
    std::size_t k = 0;
    if (facing) end(kids[k++], "fold", p == 0 ? -s.paid[0] : s.paid[1]);
    {  // call (or check)
      Betting next = s;
      next.paid[p] = s.paid[1 - p];
      next.history += 'c';
      next.mover = 1 - p;
      next.opened = true;
      const bool round_over = facing || s.opened;
      if (!round_over)
        bet(kids[k], next);
      else if (s.round == 0)
        deal_board(kids[k], next);
      else
        end(kids[k], "showdown", showdown_payoff(next));
      ++k;
    }
    if (can_raise) {
      Betting next = s;
      next.paid[p] = s.paid[1 - p] + (s.round == 0 ? 2 : 4);
      next.raises = s.raises + 1;
      next.history += 'r';
      next.mover = 1 - p;
      next.opened = true;
      bet(kids[k], next);
    }
  };

  std::vector<std::string> deal_labels;
  std::vector<std::array<int, 2>> deals;
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 6; ++j)
      if (i != j) {
        deal_labels.push_back(name(i) + name(j));
        deals.push_back({i, j});
      }
  const auto dealt = b.move(
      b.root(), b.add_chance_infoset("deal", b.add_action_set(deal_labels),
                                     std::vector<T>(30, T(1) / T(30))));
  for (std::size_t d = 0; d < deals.size(); ++d) {
    hole = deals[d];
    bet(dealt[d], Betting{});
  }
  return std::move(b).freeze();
}

}  // namespace bargain
