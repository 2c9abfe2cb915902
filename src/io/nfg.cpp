// Reading and writing Gambit's .nfg files, both body versions.
#include "bargain/io/nfg.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "lexer.hpp"

namespace bargain {
namespace {

using detail::Lexer;
using detail::Token;
using detail::TokenKind;

// The shortest text of a payoff or outcome number, with the space after it:
// what the rest of the file can hold, for reserving no more than that.
constexpr std::size_t kMinEntryBytes = 2;

class NfgReader {
 public:
  NfgReader(std::string_view text, std::string_view file_name)
      : lex_(text, file_name) {}

  StrategicGame<Rational> read() && {
    auto header = detail::read_header(lex_, "NFG", "1");
    players_ = std::move(header.players);
    const Token open = lex_.expect(
        TokenKind::open_brace, "\"{\" opening the strategy counts or labels");
    read_strategies();
    std::size_t contingencies = 0;
    try {
      contingencies = count_contingencies(counts_);
    } catch (const LimitError& e) {
      throw LimitError(lex_.prefix(open) + e.what());
    }
    std::string comment;
    if (lex_.at(TokenKind::text)) comment = lex_.text("the game's comment");

    // The body comes before labels "1", "2", ... are made for a game given
    // by strategy counts: the body, a token per contingency, bounds them.
    auto game = [&] {
      if (lex_.at(TokenKind::open_brace)) {
        auto table = read_outcome_body(contingencies);
        return StrategicGame<Rational>::from_outcomes(
            std::move(header.title), std::move(players_), strategy_labels(),
            std::move(table));
      }
      auto payoffs = read_payoff_body(contingencies);
      return StrategicGame<Rational>(std::move(header.title),
                                     std::move(players_), strategy_labels(),
                                     std::move(payoffs));
    }();
    game.set_comment(std::move(comment));
    return game;
  }

 private:
  // `{ 2 3 }` (counts) or `{ { "a" "b" } { "x" "y" "z" } }` (labels), one
  // entry per player; the opening brace is read.
  void read_strategies() {
    const std::size_t n = players_.size();
    const bool labelled = lex_.at(TokenKind::open_brace);
    while (!lex_.at(TokenKind::close_brace) && counts_.size() < n) {
      if (!labelled) {
        const Token token = lex_.next();
        const auto expected = [&] {
          return "a strategy count for " +
                 detail::player_text(players_, counts_.size()) +
                 " (a whole number, at least 1)";
        };
        const std::int64_t count = lex_.integer(token, expected);
        if (count < 1) lex_.fail(token, expected);
        counts_.push_back(static_cast<std::size_t>(count));
        continue;
      }
      lex_.expect(TokenKind::open_brace, [&] {
        return "\"{\" opening the strategy labels of " +
               detail::player_text(players_, counts_.size());
      });
      auto& list = labels_.emplace_back();
      while (!lex_.at(TokenKind::close_brace))
        list.push_back(lex_.text("a strategy label (a quoted text) or \"}\""));
      const Token close = lex_.next();
      if (list.empty())
        lex_.fail(close,
                  "a strategy label: every player needs at least one strategy");
      counts_.push_back(list.size());
    }
    const Token close = lex_.next();
    if (counts_.size() < n)
      lex_.fail(close, [&] {
        return (labelled ? "\"{\" opening the strategy labels of "
                         : "a strategy count for ") +
               detail::player_text(players_, counts_.size());
      });
    if (close.kind != TokenKind::close_brace)
      lex_.fail(close, [&] {
        return "\"}\" after one strategy " +
               std::string(labelled ? "list" : "count") + " per player (" +
               detail::counted(n, "player", "players") + ")";
      });
  }

  // Gambit names the strategies of a game given by counts 1, 2, ...
  std::vector<std::vector<std::string>> strategy_labels() {
    if (labels_.size() == counts_.size()) return std::move(labels_);
    std::vector<std::vector<std::string>> labels(counts_.size());
    for (std::size_t p = 0; p < counts_.size(); ++p)
      for (std::size_t s = 1; s <= counts_[p]; ++s)
        labels[p].push_back(std::to_string(s));
    return labels;
  }

  // Every player's payoff at every contingency, in odometer order.
  std::vector<Rational> read_payoff_body(std::size_t contingencies) {
    const std::size_t n = players_.size();
    const std::size_t total = contingencies * n;
    std::vector<Rational> payoffs;
    payoffs.reserve(std::min(total, lex_.remaining() / kMinEntryBytes + 1));
    for (std::size_t i = 0; i < total; ++i)
      payoffs.push_back(lex_.number(lex_.next(), [&] {
        return "payoff " + std::to_string(i + 1) + " of " +
               std::to_string(total) + " (" +
               detail::player_text(players_, i % n) + " at contingency " +
               std::to_string(i / n + 1) + ")";
      }));
    expect_end([&] {
      return detail::counted(total, "payoff", "payoffs") + " (" +
             detail::counted(contingencies, "contingency", "contingencies") +
             " x " + detail::counted(n, "player", "players") + ")";
    });
    return payoffs;
  }

  // `{ { "label" u_1, u_2 } ... }`, then an outcome number per contingency
  // (0 for none).
  OutcomeTable<Rational> read_outcome_body(std::size_t contingencies) {
    OutcomeTable<Rational> table;
    lex_.next();
    while (lex_.at(TokenKind::open_brace)) {
      lex_.next();
      table.labels.push_back(lex_.text("the outcome's label (a quoted text)"));
      detail::read_payoffs(lex_, players_, table.payoffs);
    }
    lex_.expect(TokenKind::close_brace,
                "\"{\" opening an outcome, or \"}\" closing the outcomes");
    const std::size_t outcomes = table.labels.size();
    table.contingency_outcome.reserve(
        std::min(contingencies, lex_.remaining() / kMinEntryBytes + 1));
    for (std::size_t c = 0; c < contingencies; ++c) {
      const Token token = lex_.next();
      const auto expected = [&] {
        return "an outcome number from 0 to " + std::to_string(outcomes) +
               " for contingency " + std::to_string(c + 1) + " of " +
               std::to_string(contingencies);
      };
      const std::int64_t o = lex_.integer(token, expected);
      if (o < 0 || static_cast<std::uint64_t>(o) > outcomes)
        lex_.fail(token, expected);
      table.contingency_outcome.push_back(
          o == 0 ? kNoOutcome : static_cast<OutcomeId>(o - 1));
    }
    expect_end([&] {
      return detail::counted(contingencies, "outcome number",
                             "outcome numbers") +
             ", one per contingency";
    });
    return table;
  }

  // Unlike .efg, Gambit requires the file to end with the body.
  template <class Body>
  void expect_end(const Body& body) {
    if (!lex_.at(TokenKind::end))
      lex_.fail(lex_.peek(),
                [&] { return "the end of the file after " + body(); });
  }

  Lexer lex_;
  std::vector<std::string> players_;
  std::vector<std::size_t> counts_;
  std::vector<std::vector<std::string>> labels_;  // empty for counts
};

}  // namespace

StrategicGame<Rational> read_nfg(std::string_view text, std::string file_name) {
  return NfgReader(text, file_name).read();
}

StrategicGame<Rational> read_nfg_file(const std::filesystem::path& path) {
  return read_nfg(detail::read_text_file(path), path.string());
}

template <Scalar T>
std::string to_nfg(const StrategicGame<T>& game) {
  const std::size_t n = game.player_count();
  std::string out;
  detail::append_header(out, "NFG 1", game.title(), n,
                        [&](std::size_t p) -> const std::string& {
                          return game.player_name(static_cast<PlayerId>(p));
                        });
  out += "\n{";
  for (PlayerId p = 0; p < n; ++p) {
    if (p == 0) out += ' ';
    detail::append_label_list(out, game.strategy_count(p),
                              [&](std::size_t s) -> const std::string& {
                                return game.strategy_label(p, s);
                              });
    out += '\n';
  }
  out += "}\n";
  detail::append_quoted(out, game.comment());
  out += "\n\n";
  if (const auto& table = game.outcomes()) {
    out += "{\n";
    for (std::size_t o = 0; o < table->labels.size(); ++o) {
      out += "{ ";
      detail::append_quoted(out, table->labels[o]);
      detail::append_payoffs(
          out, std::span<const T>(table->payoffs).subspan(o * n, n));
      out += " }\n";
    }
    out += "}\n";
    for (std::size_t c = 0; c < table->contingency_outcome.size(); ++c) {
      const OutcomeId o = table->contingency_outcome[c];
      if (c > 0) out += ' ';
      out += o == kNoOutcome ? "0" : std::to_string(o + 1);
    }
    out += '\n';
    return out;
  }
  for (std::size_t c = 0; c < game.contingency_count(); ++c) {
    for (PlayerId p = 0; p < n; ++p) {
      if (p > 0) out += ' ';
      out += detail::number_text(game.payoff(c, p));
    }
    out += '\n';
  }
  return out;
}

template std::string to_nfg(const StrategicGame<double>&);
template std::string to_nfg(const StrategicGame<Rational>&);

}  // namespace bargain
