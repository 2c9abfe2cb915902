// The token syntax Gambit's .efg and .nfg files share, both ways: a lexer
// over the whole file in memory, typed reads that turn tokens into values or
// fail with `file:line:col: found X, expected Y`, the grammar both formats
// open with, and the quoting and number printing the writers need.
//
// Internal to src/io: the readers hold the text and the file name for as long
// as a Lexer looks at them.
#pragma once

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

#include "bargain/error.hpp"
#include "bargain/numeric.hpp"
#include "text.hpp"

namespace bargain::detail {

enum class TokenKind : std::uint8_t {
  end,
  open_brace,
  close_brace,
  comma,
  text,    // a double-quoted string
  number,  // starts with a digit, '-', '+' or '.'
  symbol,  // anything else: EFG, NFG, R, p, c, t
};

struct Token {
  TokenKind kind = TokenKind::end;
  bool escaped = false;   // a text holding a backslash pair, to be decoded
  std::string_view text;  // as written; a text keeps its quotes
};

class Lexer {
 public:
  /// Refuses binary data (NUL and other control bytes, invalid UTF-8) before
  /// the first token, at the first offending byte.
  Lexer(std::string_view source, std::string_view file_name)
      : source_(source), file_name_(file_name) {
    check_text();
    scan();
  }

  /// A lexer over the same text starting at `offset`, to read again a
  /// stretch this one has already accepted.
  Lexer reread_from(std::size_t offset) const {
    Lexer again(*this);
    again.pos_ = offset;
    again.scan();
    return again;
  }

  const Token& peek() const noexcept { return next_; }
  bool at(TokenKind kind) const noexcept { return next_.kind == kind; }
  Token next() {
    const Token token = next_;
    scan();
    return token;
  }

  std::size_t offset(const Token& token) const noexcept {
    return static_cast<std::size_t>(token.text.data() - source_.data());
  }
  /// Bytes from the next token to the end: a bound on what can still come.
  std::size_t remaining() const noexcept {
    return source_.size() - offset(next_);
  }
  Token end_of_file() const noexcept {
    return {TokenKind::end, false, source_.substr(source_.size())};
  }

  // --- typed reads ------------------------------------------------------
  // `expected` says what should have come, for the error: text, or a callable
  // returning text when building it costs (it runs only on failure).

  template <class Expected>
  Token expect(TokenKind kind, const Expected& expected) {
    const Token token = next();
    if (token.kind != kind) fail(token, expected);
    return token;
  }

  /// The contents of a quoted text, unescaped; a view into the source, or
  /// into `scratch` when the text had to be decoded.
  template <class Expected>
  std::string_view text(std::string& scratch, const Expected& expected) {
    return contents(expect(TokenKind::text, expected), scratch);
  }
  template <class Expected>
  std::string text(const Expected& expected) {
    std::string scratch;
    return std::string(text(scratch, expected));
  }

  /// The exact value of a number token. A number beyond NumberLimits throws
  /// LimitError, its message still starting with the location.
  template <class Expected>
  Rational number(const Token& token, const Expected& expected) const {
    if (token.kind != TokenKind::number) fail(token, expected);
    if (const auto small = small_integer(token.text)) return Rational(*small);
    try {
      return parse_rational(token.text);
    } catch (const NumberFormatError& e) {
      if (e.is_limit())
        throw LimitError(prefix(token) + "the number " + shown(token) +
                         " is beyond the reader's limits: " + e.what());
      fail(token, shown(token) + " (" + e.what() + ")", expected);
    }
  }
  /// A whole number written as digits with an optional '-' (ids, counts).
  template <class Expected>
  std::int64_t integer(const Token& token, const Expected& expected) const {
    const auto value = token.kind == TokenKind::number
                           ? small_integer(token.text)
                           : std::optional<std::int64_t>();
    if (!value) fail(token, expected);
    return *value;
  }

  /// Whether two tokens say the same: texts once unescaped, numbers by value.
  bool same_value(const Token& a, const Token& b) const {
    if (a.kind != b.kind) return false;
    if (a.text == b.text) return true;
    if (a.kind == TokenKind::text) {
      std::string x, y;
      return contents(a, x) == contents(b, y);
    }
    return a.kind == TokenKind::number &&
           number(a, "a number") == number(b, "a number");
  }

  // --- errors -----------------------------------------------------------

  SourceLocation locate(std::size_t offset) const {
    SourceLocation where{std::string(file_name_), 1, 1};
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i)
      if (source_[i] == '\n') {
        ++where.line;
        line_start = i + 1;
      }
    // Columns count characters, not bytes, as editors do.
    for (std::size_t i = line_start; i < offset; ++i)
      if ((static_cast<unsigned char>(source_[i]) & 0xC0) != 0x80)
        ++where.column;
    return where;
  }

  /// The token as an error message names it: `"x"`, `text "Bob"`, or
  /// `end of file`; long or multi-line tokens are shortened.
  std::string shown(const Token& token) const {
    switch (token.kind) {
      case TokenKind::end:
        return "end of file";
      case TokenKind::text:
        return "text \"" +
               excerpt(token.text.substr(1), token.text.size() - 2) + "\"";
      default:
        return "\"" + excerpt(token.text, token.text.size()) + "\"";
    }
  }

  template <class Expected>
  [[noreturn]] void fail(const Token& at, const Expected& expected) const {
    fail(at, shown(at), expected);
  }
  template <class Expected>
  [[noreturn]] void fail(const Token& at, std::string found,
                         const Expected& expected) const {
    throw ParseError(locate(offset(at)), std::move(found),
                     expectation(expected));
  }

  /// `file:line:col: ` for messages that are not found/expected, such as
  /// LimitError's.
  std::string prefix(const Token& at) const {
    const SourceLocation where = locate(offset(at));
    return where.file + ":" + std::to_string(where.line) + ":" +
           std::to_string(where.column) + ": ";
  }

 private:
  // Whitespace separates tokens; braces, quotes and commas end a word even
  // when glued to it (`1}` is `1` and `}`).
  static constexpr std::array<bool, 256> kSpace = [] {
    std::array<bool, 256> table{};
    for (unsigned char c : {' ', '\t', '\n', '\r', '\v', '\f'}) table[c] = true;
    return table;
  }();
  static constexpr std::array<bool, 256> kEndsWord = [] {
    std::array<bool, 256> table = kSpace;
    for (unsigned char c : {'{', '}', '"', ','}) table[c] = true;
    return table;
  }();

  template <class Expected>
  static std::string expectation(const Expected& expected) {
    if constexpr (std::is_invocable_v<const Expected&>)
      return expected();
    else
      return std::string(expected);
  }

  // The fast path for the integers that fill most files; longer or other
  // forms go to parse_rational.
  static std::optional<std::int64_t> small_integer(std::string_view s) {
    const bool negative = !s.empty() && s[0] == '-';
    if (negative) s.remove_prefix(1);
    if (s.empty() || s.size() > 18) return std::nullopt;
    std::int64_t value = 0;
    for (const char c : s) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
  }

  static std::string_view contents(const Token& token, std::string& scratch) {
    const std::string_view inner = token.text.substr(1, token.text.size() - 2);
    if (!token.escaped) return inner;
    // `\"` and `\\` stand for one character, the inverse of Gambit's writer
    // (std::quoted); any other backslash pair stays as written, as Gambit
    // reads it (TeX in comments: `\neg x`).
    scratch.clear();
    for (std::size_t i = 0; i < inner.size(); ++i) {
      if (inner[i] == '\\' && i + 1 < inner.size() &&
          (inner[i + 1] == '"' || inner[i + 1] == '\\'))
        ++i;
      scratch += inner[i];
    }
    return scratch;
  }

  void check_text() const {
    for (std::size_t i = 0; i < source_.size();) {
      const auto c = static_cast<unsigned char>(source_[i]);
      std::size_t length = 1;
      if (c >= 0x80)
        length = utf8_length(source_, i);
      else if (c < 0x20 && !kSpace[c])
        length = 0;
      if (length == 0)
        throw ParseError(locate(i), "binary data",
                         "text (UTF-8 without control characters)");
      i += length;
    }
  }

  void scan() {
    const std::size_t size = source_.size();
    while (pos_ < size && kSpace[static_cast<unsigned char>(source_[pos_])])
      ++pos_;
    if (pos_ == size) {
      next_ = end_of_file();
      return;
    }
    const std::size_t start = pos_;
    const char c = source_[pos_];
    TokenKind kind = TokenKind::symbol;
    bool escaped = false;
    if (c == '{' || c == '}' || c == ',') {
      kind = c == '{'   ? TokenKind::open_brace
             : c == '}' ? TokenKind::close_brace
                        : TokenKind::comma;
      ++pos_;
    } else if (c == '"') {
      kind = TokenKind::text;
      for (++pos_;; ++pos_) {
        if (pos_ >= size) fail_unterminated(start);
        if (source_[pos_] == '"') break;
        if (source_[pos_] == '\\') {
          escaped = true;
          ++pos_;
        }
      }
      ++pos_;
    } else {
      if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.')
        kind = TokenKind::number;
      while (pos_ < size &&
             !kEndsWord[static_cast<unsigned char>(source_[pos_])])
        ++pos_;
    }
    next_ = {kind, escaped, source_.substr(start, pos_ - start)};
  }

  // Reported where the text starts: its end is where the file ends.
  [[noreturn]] void fail_unterminated(std::size_t start) const {
    const std::string_view rest = source_.substr(start + 1);
    throw ParseError(locate(start),
                     "unterminated text \"" + excerpt(rest, rest.size()),
                     "a closing '\"' before the end of the file");
  }

  std::string_view source_;
  std::string_view file_name_;
  std::size_t pos_ = 0;  // just after next_
  Token next_;
};

// --- what both formats share beyond tokens ----------------------------------

struct Header {
  std::string title;
  std::vector<std::string> players;
};

/// `EFG 2 R "title" { "player" ... }` (or NFG 1): the format's word and
/// version, R or D (the same meaning), the title and the player names.
inline Header read_header(Lexer& lex, std::string_view magic,
                          std::string_view version) {
  const Token word = lex.next();
  if (word.kind != TokenKind::symbol || word.text != magic)
    lex.fail(word, [&] { return "\"" + std::string(magic) + "\""; });
  const Token number = lex.next();
  if (number.kind != TokenKind::number || number.text != version)
    lex.fail(number, [&] {
      return "version \"" + std::string(version) + "\" of the " +
             std::string(magic) + " format";
    });
  const Token kind = lex.next();
  if (kind.kind != TokenKind::symbol || (kind.text != "R" && kind.text != "D"))
    lex.fail(kind, "\"R\" or \"D\"");
  Header header;
  header.title = lex.text("the game's title (a quoted text)");
  lex.expect(TokenKind::open_brace, "\"{\" opening the list of players");
  while (!lex.at(TokenKind::close_brace))
    header.players.push_back(
        lex.text("a player's name (a quoted text) or \"}\""));
  lex.next();
  return header;
}

/// `1 payoff`, `3 payoffs`: a count and its noun, for messages.
inline std::string counted(std::size_t n, std::string_view one,
                           std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

/// Names player p (0-based) in messages: `player 2 ("Bob")`.
inline std::string player_text(std::span<const std::string> players,
                               std::size_t p) {
  std::string text = "player " + std::to_string(p + 1);
  if (!players[p].empty()) text += " (\"" + players[p] + "\")";
  return text;
}

/// `u_1 [,] u_2 ... }`: exactly one payoff per player, commas optional
/// between them, then the closing brace; appends the payoffs to `out`.
inline void read_payoffs(Lexer& lex, std::span<const std::string> players,
                         std::vector<Rational>& out) {
  for (std::size_t p = 0; p < players.size(); ++p) {
    Token token = lex.next();
    if (p > 0 && token.kind == TokenKind::comma) token = lex.next();
    out.push_back(lex.number(
        token, [&] { return "a payoff for " + player_text(players, p); }));
  }
  lex.expect(TokenKind::close_brace, [&] {
    return "\"}\" after " + counted(players.size(), "payoff", "payoffs") +
           ", one per player";
  });
}

/// The whole file, for a reader that lexes it in memory. Throws Error, with
/// the path and the reason, when it cannot be read.
inline std::string read_text_file(const std::filesystem::path& path) {
  const auto refuse = [&](const std::string& why) {
    return Error(path.string() + ": cannot read the file: " + why);
  };
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw refuse("it is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw refuse(std::generic_category().message(errno));
  std::string text;
  if (const auto size = std::filesystem::file_size(path, error); !error)
    text.reserve(size);
  // In chunks, not by size: pipes and /proc files have none.
  std::array<char, 1 << 16> chunk;
  while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0)
    text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw refuse("an input error");
  return text;
}

// --- writing -----------------------------------------------------------------

/// Appends `label` in quotes, so that both this lexer and Gambit's read it
/// back unchanged wherever they can: `"` becomes `\"`, and a backslash is
/// doubled only where it would otherwise pair with what follows it.
inline void append_quoted(std::string& out, std::string_view label) {
  out += '"';
  for (std::size_t i = 0; i < label.size(); ++i) {
    const char c = label[i];
    if (c == '"') {
      out += "\\\"";
    } else if (c == '\\' && (i + 1 == label.size() || label[i + 1] == '"' ||
                             label[i + 1] == '\\')) {
      out += "\\\\";
    } else {
      out += c;
    }
  }
  out += '"';
}

/// `{ "a" "b" }`, or `{ }` for none: label(i) for i from 0 to count - 1.
template <class Label>
void append_label_list(std::string& out, std::size_t count,
                       const Label& label) {
  out += '{';
  for (std::size_t i = 0; i < count; ++i) {
    out += ' ';
    append_quoted(out, label(i));
  }
  out += " }";
}

/// `MAGIC VERSION R "title" { "player" ... }` and a line break.
template <class Player>
void append_header(std::string& out, std::string_view magic_version,
                   std::string_view title, std::size_t players,
                   const Player& player) {
  out += magic_version;
  out += " R ";
  append_quoted(out, title);
  out += ' ';
  append_label_list(out, players, player);
  out += '\n';
}

/// A number as the lexer reads it back exactly. Refuses a double that is
/// not finite: no file can hold it.
template <Scalar T>
std::string number_text(const T& value) {
  if constexpr (is_exact_v<T>) {
    return to_string(value);
  } else {
    if (!std::isfinite(value))
      throw GameError("the value " + to_string(value) +
                      " cannot be written to a file; every number must be "
                      "finite");
    std::string text = to_string(value);
    // Gambit refuses an exponent written `e+3`.
    if (const auto plus = text.find("e+"); plus != std::string::npos)
      text.erase(plus + 1, 1);
    return text;
  }
}

/// ` 1, 2`: payoffs as both formats list them after an opening brace or
/// label.
template <Scalar T>
void append_payoffs(std::string& out, std::span<const T> payoffs) {
  for (std::size_t i = 0; i < payoffs.size(); ++i) {
    out += i == 0 ? " " : ", ";
    out += number_text(payoffs[i]);
  }
}

}  // namespace bargain::detail
