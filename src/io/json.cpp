// The strict JSON reader. One pass over the text with an explicit stack of
// open arrays and objects, so nesting costs heap, never call stack. Values
// finished inside an open container wait on a stack; when the container
// closes they move, together, to the document's node array, so each
// container's children end up contiguous and are handed out as a span.
// Strings without escapes are not copied: they are read from the text the
// document keeps; those with escapes are decoded once, after that text.
#include "bargain/io/json.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lexer.hpp"

namespace bargain {
namespace detail {

/// What a JsonDocument owns, at a fixed address that its values point to.
struct JsonStorage {
  std::string file;
  // The source, then the decoded text of each string that held an escape.
  // Reserved up front at twice the source, since decoding never lengthens
  // a string: the buffer never moves, and views into it stay valid.
  std::string text;
  std::size_t source_size = 0;
  // Each container's children contiguous; the top-level value last.
  std::vector<JsonValue> nodes;
  // The numbers that are not small integers, parsed once.
  std::vector<Rational> rationals;

  std::string_view source() const noexcept {
    return std::string_view(text).substr(0, source_size);
  }
  std::string_view slice(std::size_t offset, std::size_t size) const noexcept {
    return std::string_view(text).substr(offset, size);
  }
  SourceLocation locate(std::size_t offset) const;
};

}  // namespace detail

namespace {

using detail::excerpt;
using detail::utf8_length;

using Kind = JsonValue::Kind;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
// How many bytes of a token or string an error message shows.
// Objects with up to this many members look for a duplicate name by a
// scan; larger ones through a hash map.
constexpr std::size_t kScannedMembers = 16;

constexpr std::string_view kExpectedValue =
    "a value: an object, array, string, number, true, false or null";
constexpr std::string_view kExpectedExact =
    "a number, or a string holding a fraction such as \"11/20\"";

static_assert(JsonLimits::max_bytes <=
                  std::numeric_limits<std::uint32_t>::max(),
              "offsets and node indices are stored in 32 bits");

using ByteTable = std::array<bool, 256>;

constexpr ByteTable kSpace = [] {
  ByteTable table{};
  for (unsigned char c : {' ', '\t', '\n', '\r'}) table[c] = true;
  return table;
}();

// Bytes a string holds as they are: printable ASCII but the quote and the
// backslash. Control characters must be escaped; bytes from 0x80 start a
// UTF-8 sequence to be checked.
constexpr ByteTable kPlainInString = [] {
  ByteTable table{};
  for (int c = 0x20; c < 0x80; ++c) table[c] = c != '"' && c != '\\';
  return table;
}();

// What ends a word (`true`, `12`, `NaN`) shown in a message: whitespace,
// punctuation, quotes and control characters.
constexpr ByteTable kEndsWord = [] {
  ByteTable table{};
  for (int c = 0; c < 0x20; ++c) table[c] = true;
  for (unsigned char c : {' ', ',', ':', '[', ']', '{', '}', '"'})
    table[c] = true;
  return table;
}();

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string hex(unsigned value, int digits) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string text(static_cast<std::size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i, value >>= 4)
    text[static_cast<std::size_t>(i)] = kDigits[value & 0xF];
  return text;
}

// The JSON escape a control character is written with: \n, or \u0001.
std::string escape_of(unsigned char c) {
  switch (c) {
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:
      return "\\u" + hex(c, 4);
  }
}

// `text` in double quotes for a message, its quotes and control characters
// escaped as JSON writes them.
std::string in_quotes(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"')
      out += "\\\"";
    else if (static_cast<unsigned char>(c) < 0x20)
      out += escape_of(static_cast<unsigned char>(c));
    else
      out += c;
  }
  out += '"';
  return out;
}

// `file:line:col: `, how messages that are not found/expected start.
std::string located(const SourceLocation& where) {
  std::string text = where.file;
  text += ':';
  text += std::to_string(where.line);
  text += ':';
  text += std::to_string(where.column);
  text += ": ";
  return text;
}

// `file:line:col: field: `, how a message about a field starts.
std::string located(const SourceLocation& where, std::string_view field) {
  std::string text = located(where);
  text += field.empty() ? "(document)" : field;
  text += ": ";
  return text;
}

LimitError size_limit(const std::string& file, std::uintmax_t size) {
  std::string message = file;
  message += ": the file has " + std::to_string(size) +
             " bytes, beyond the JSON reader's limit of " +
             std::to_string(JsonLimits::max_bytes) + " bytes";
  return LimitError(message);
}

// parse_rational, its refusals reported here: a number beyond NumberLimits
// as LimitError after `place()` (`file:line:col: `...), any other refusal
// as the error `malformed(reason)` returns.
template <class Place, class Malformed>
Rational exact_number(std::string_view text, const Place& place,
                      const Malformed& malformed) {
  try {
    return parse_rational(text);
  } catch (const NumberFormatError& e) {
    if (e.is_limit())
      throw LimitError(place() + "the number " + in_quotes(excerpt(text)) +
                       " is beyond the reader's limits: " + e.what());
    throw malformed(e.what());
  }
}

}  // namespace

namespace detail {

SourceLocation JsonStorage::locate(std::size_t offset) const {
  const std::string_view text = source();
  SourceLocation where{file, 1, 1};
  // The byte order mark is no character an editor shows.
  std::size_t line_start =
      text.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
  for (std::size_t i = line_start; i < offset; ++i)
    if (text[i] == '\n') {
      ++where.line;
      line_start = i + 1;
    }
  // Columns count characters, not bytes, as editors do.
  for (std::size_t i = line_start; i < offset; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++where.column;
  return where;
}

class JsonParser {
 public:
  static JsonDocument parse(std::string_view text, std::string file) {
    if (text.size() > JsonLimits::max_bytes)
      throw size_limit(file, text.size());
    auto storage = std::make_unique<JsonStorage>();
    storage->file = std::move(file);
    storage->text.reserve(2 * text.size());
    storage->text.assign(text);
    storage->source_size = text.size();
    JsonParser(*storage).read();
    return JsonDocument(std::move(storage));
  }

 private:
  // A member name: where its quote is, and its decoded text.
  struct Name {
    std::uint32_t at = 0;
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
  };

  // An array or object being read.
  struct Frame {
    Kind kind;
    std::uint32_t at;
    Name name;          // its own name in the enclosing object
    std::size_t first;  // where its children start in pending_
    // For an object past kScannedMembers: each name and where it was.
    std::unique_ptr<std::unordered_map<std::string_view, std::uint32_t>> names;
  };

  explicit JsonParser(JsonStorage& document)
      : document_(document), text_(document.source()) {}

  void read() {
    if (text_.starts_with(kByteOrderMark)) pos_ = kByteOrderMark.size();
    for (;;) {
      if (!start_value()) continue;  // a container opened, not yet closed
      // A value is complete: the enclosing container goes on or closes.
      for (;;) {
        if (frames_.empty()) return finish();
        skip_space();
        const bool object = frames_.back().kind == Kind::object;
        const char close = object ? '}' : ']';
        if (at(',')) {
          ++pos_;
          if (object) {
            skip_space();
            read_name("a field name (a string in double quotes)");
          }
          break;
        }
        if (!at(close))
          fail(pos_, object ? "\",\" or \"}\"" : "\",\" or \"]\"");
        ++pos_;
        close_container();
      }
    }
  }

  // Reads a scalar, or an empty container, and returns true; or opens a
  // container that has something in it and returns false.
  bool start_value() {
    skip_space();
    const Name name = std::exchange(name_, Name{});
    const auto start = static_cast<std::uint32_t>(pos_);
    if (pos_ == text_.size()) fail_value(pos_);
    switch (text_[pos_]) {
      case '[':
      case '{':
        return open_container(name);
      case '"': {
        JsonValue& value = add(Kind::string, start, name);
        const Name text = read_string();
        value.data_ = text.offset;
        value.size_ = text.size;
        return true;
      }
      case 't':
        return read_literal(name, "true", Kind::boolean, 1);
      case 'f':
        return read_literal(name, "false", Kind::boolean, 0);
      case 'n':
        return read_literal(name, "null", Kind::null, 0);
      default:
        read_number(name);
        return true;
    }
  }

  bool open_container(const Name& name) {
    if (frames_.size() == JsonLimits::max_depth)
      throw LimitError(located(document_.locate(pos_)) +
                       "arrays and objects nested deeper than the reader's "
                       "limit of " +
                       std::to_string(JsonLimits::max_depth));
    const bool object = text_[pos_] == '{';
    frames_.push_back({object ? Kind::object : Kind::array,
                       static_cast<std::uint32_t>(pos_), name, pending_.size(),
                       nullptr});
    ++pos_;
    skip_space();
    if (at(object ? '}' : ']')) {
      ++pos_;
      close_container();
      return true;
    }
    if (object) read_name("a field name (a string in double quotes) or \"}\"");
    return false;
  }

  bool read_literal(const Name& name, std::string_view literal, Kind kind,
                    std::uint64_t value) {
    if (word_at(pos_) != literal) fail_value(pos_);
    add(kind, static_cast<std::uint32_t>(pos_), name).data_ = value;
    pos_ += literal.size();
    return true;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, ending where a word ends.
  void read_number(const Name& name) {
    const std::size_t start = pos_;
    const std::string_view word = word_at(start);
    std::size_t i = word.starts_with('-') ? 1 : 0;
    if (i == word.size() || !is_digit(word[i])) fail_value(start);
    const auto digits = [&] {
      const std::size_t first = i;
      while (i < word.size() && is_digit(word[i])) ++i;
      return i > first;
    };
    if (word[i] == '0' && i + 1 < word.size() && is_digit(word[i + 1]))
      fail(start, "a number without leading zeros");
    digits();
    bool whole = true;
    if (i < word.size() && word[i] == '.') {
      ++i;
      if (!digits()) fail(start, "a digit after the decimal point");
      whole = false;
    }
    if (i < word.size() && (word[i] == 'e' || word[i] == 'E')) {
      ++i;
      if (i < word.size() && (word[i] == '+' || word[i] == '-')) ++i;
      if (!digits()) fail(start, "a digit in the exponent");
      whole = false;
    }
    if (i != word.size()) fail(start, "a number");

    JsonValue& value =
        add(Kind::number, static_cast<std::uint32_t>(start), name);
    value.size_ = static_cast<std::uint32_t>(word.size());
    std::int64_t small = 0;
    if (whole &&
        std::from_chars(word.data(), word.data() + word.size(), small).ec ==
            std::errc{}) {
      value.small_integer_ = true;
      value.data_ = static_cast<std::uint64_t>(small);
    } else {
      // The grammar above is stricter than parse_rational's, so only its
      // limits can refuse the word now.
      value.data_ = document_.rationals.size();
      document_.rationals.push_back(exact_number(
          word, [&] { return located(document_.locate(start)); },
          [&](std::string_view) { return error_at(start, "a number"); }));
    }
    pos_ = start + word.size();
  }

  // The string starting at pos_ (its quote); leaves pos_ after it. Returns
  // its decoded text: in place in the source when it has no escape.
  Name read_string() {
    const std::size_t start = pos_;
    const std::size_t decoded = document_.text.size();
    bool escaped = false;
    std::size_t run = ++pos_;  // start of the bytes not yet copied
    for (;;) {
      while (pos_ < text_.size() &&
             kPlainInString[static_cast<unsigned char>(text_[pos_])])
        ++pos_;
      if (pos_ == text_.size()) fail_unterminated(start);
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') break;
      if (c >= 0x80) {
        const std::size_t length = utf8_length(text_, pos_);
        if (length == 0) fail(pos_, "text in UTF-8");
        pos_ += length;
      } else if (c < 0x20) {
        fail_control(pos_);
      } else {
        escaped = true;
        document_.text.append(text_.substr(run, pos_ - run));
        read_escape(start);
        run = pos_;
      }
    }
    Name text{static_cast<std::uint32_t>(start),
              static_cast<std::uint32_t>(start + 1),
              static_cast<std::uint32_t>(pos_ - start - 1)};
    if (escaped) {
      document_.text.append(text_.substr(run, pos_ - run));
      text.offset = static_cast<std::uint32_t>(decoded);
      text.size = static_cast<std::uint32_t>(document_.text.size() - decoded);
    }
    ++pos_;
    return text;
  }

  // The escape at pos_ (its backslash), appended decoded; leaves pos_
  // after it.
  void read_escape(std::size_t string_start) {
    const std::size_t at = pos_;
    if (at + 1 == text_.size()) fail_unterminated(string_start);
    const char c = text_[at + 1];
    static constexpr std::string_view kSimple = "\"\\/bfnrt";
    static constexpr std::string_view kMeaning = "\"\\/\b\f\n\r\t";
    if (const auto k = kSimple.find(c); k != std::string_view::npos) {
      document_.text += kMeaning[k];
      pos_ += 2;
      return;
    }
    if (c != 'u') {
      const std::size_t length =
          1 + std::max<std::size_t>(1, utf8_length(text_, at + 1));
      throw ParseError(document_.locate(at),
                       "the escape " + in_quotes(text_.substr(at, length)),
                       "an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or "
                       "\\u and four hex digits");
    }
    unsigned code = read_hex(at);
    if (code >= 0xD800 && code <= 0xDFFF) {
      const std::size_t low_at = at + 6;
      const bool paired = code <= 0xDBFF && text_.substr(low_at, 2) == "\\u";
      const unsigned low = paired ? read_hex(low_at) : 0;
      if (low < 0xDC00 || low > 0xDFFF)
        throw ParseError(document_.locate(at),
                         "the lone surrogate " + in_quotes(text_.substr(at, 6)),
                         "a surrogate pair: \\uD800 to \\uDBFF, then "
                         "\\uDC00 to \\uDFFF");
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
      pos_ += 6;
    }
    append_utf8(code);
    pos_ += 6;
  }

  // The four hex digits after the `\u` at `at`.
  unsigned read_hex(std::size_t at) const {
    unsigned code = 0;
    for (std::size_t i = at + 2; i < at + 6; ++i) {
      const auto c =
          static_cast<unsigned char>(i < text_.size() ? text_[i] : '\0');
      const int digit = is_digit(c)              ? c - '0'
                        : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                        : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                 : -1;
      if (digit < 0) {
        // Shown up to the bad digit, if that is printable ASCII.
        const std::size_t shown =
            i + 1 - at - (c == '"' || c < 0x20 || c > 0x7E ? 1 : 0);
        throw ParseError(document_.locate(at),
                         "the escape " + in_quotes(text_.substr(at, shown)),
                         "four hex digits after \\u");
      }
      code = code * 16 + static_cast<unsigned>(digit);
    }
    return code;
  }

  void append_utf8(unsigned code) {
    std::string& out = document_.text;
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  // `"name":` in the innermost object, pos_ at its quote; the name is kept
  // for the value that follows.
  void read_name(std::string_view expected) {
    if (!at('"')) fail(pos_, expected);
    name_ = read_string();
    require_unique(name_);
    skip_space();
    if (!at(':'))
      fail(pos_,
           "\":\" after the field name " +
               in_quotes(excerpt(document_.slice(name_.offset, name_.size))));
    ++pos_;
  }

  void require_unique(const Name& name) {
    Frame& object = frames_.back();
    const std::string_view text = document_.slice(name.offset, name.size);
    const std::size_t count = pending_.size() - object.first;
    if (!object.names && count < kScannedMembers) {
      for (std::size_t i = object.first; i < pending_.size(); ++i)
        if (pending_[i].key() == text)
          fail_duplicate(name, pending_[i].key_at_);
      return;
    }
    if (!object.names) {
      object.names = std::make_unique<
          std::unordered_map<std::string_view, std::uint32_t>>();
      for (std::size_t i = object.first; i < pending_.size(); ++i)
        object.names->emplace(pending_[i].key(), pending_[i].key_at_);
    }
    const auto [first, inserted] = object.names->emplace(text, name.at);
    if (!inserted) fail_duplicate(name, first->second);
  }

  JsonValue& add(Kind kind, std::uint32_t start, const Name& name) {
    JsonValue& value = pending_.emplace_back(JsonValue(document_, kind, start));
    value.key_at_ = name.at;
    value.key_offset_ = name.offset;
    value.key_size_ = name.size;
    return value;
  }

  void close_container() {
    const Frame frame = std::move(frames_.back());
    frames_.pop_back();
    const auto first = static_cast<std::uint32_t>(document_.nodes.size());
    const std::size_t count = pending_.size() - frame.first;
    for (std::size_t i = frame.first; i < pending_.size(); ++i)
      place(std::move(pending_[i]));
    pending_.erase(pending_.begin() + static_cast<std::ptrdiff_t>(frame.first),
                   pending_.end());
    JsonValue& container = add(frame.kind, frame.at, frame.name);
    container.data_ = first;
    container.size_ = static_cast<std::uint32_t>(count);
  }

  // Moves a finished value to its final place; its children, placed
  // before it, learn where their parent is.
  void place(JsonValue&& value) {
    const auto index = static_cast<std::uint32_t>(document_.nodes.size());
    if (value.kind_ == Kind::array || value.kind_ == Kind::object)
      for (std::uint64_t child = value.data_; child < value.data_ + value.size_;
           ++child)
        document_.nodes[child].parent_ = index;
    document_.nodes.push_back(std::move(value));
  }

  void finish() {
    skip_space();
    if (pos_ != text_.size())
      fail(pos_, "the end of the file after the top-level value");
    place(std::move(pending_.back()));
  }

  // --- scanning ----------------------------------------------------------

  bool at(char c) const noexcept {
    return pos_ < text_.size() && text_[pos_] == c;
  }

  void skip_space() noexcept {
    while (pos_ < text_.size() &&
           kSpace[static_cast<unsigned char>(text_[pos_])])
      ++pos_;
  }

  // The word starting at `offset`: up to whitespace, punctuation, a control
  // character or a byte that is not UTF-8.
  std::string_view word_at(std::size_t offset) const {
    std::size_t end = offset;
    while (end < text_.size()) {
      const auto c = static_cast<unsigned char>(text_[end]);
      const std::size_t length =
          c < 0x80 ? !kEndsWord[c] : utf8_length(text_, end);
      if (length == 0) break;
      end += length;
    }
    return text_.substr(offset, end - offset);
  }

  // --- errors ------------------------------------------------------------

  // What is at `offset`, as a message names it.
  std::string shown_at(std::size_t offset) const {
    if (offset == text_.size()) return "end of file";
    const auto c = static_cast<unsigned char>(text_[offset]);
    if (c == '"') {
      const std::string_view rest = text_.substr(offset + 1);
      return "the string " + in_quotes(excerpt(rest.substr(0, rest.find('"'))));
    }
    if (c < 0x20) return "control character U+" + hex(c, 4);
    if (c >= 0x80 && utf8_length(text_, offset) == 0)
      return "invalid UTF-8 (byte 0x" + hex(c, 2) + ")";
    const std::string_view word = word_at(offset);
    return in_quotes(excerpt(word.empty() ? text_.substr(offset, 1) : word));
  }

  ParseError error_at(std::size_t offset, std::string_view expected) const {
    std::string expectation(expected);
    if (text_.substr(offset).starts_with('/'))
      expectation += " (JSON has no comments)";
    return ParseError(document_.locate(offset), shown_at(offset),
                      std::move(expectation));
  }

  [[noreturn]] void fail(std::size_t offset, std::string_view expected) const {
    throw error_at(offset, expected);
  }

  [[noreturn]] void fail_value(std::size_t offset) const {
    const std::string_view word = word_at(offset);
    if (word == "NaN" || word == "Infinity" || word == "-Infinity")
      fail(offset, "a finite number (JSON has no NaN or Infinity)");
    fail(offset, kExpectedValue);
  }

  [[noreturn]] void fail_control(std::size_t offset) const {
    const auto c = static_cast<unsigned char>(text_[offset]);
    const std::string what = c == '\n' || c == '\r' ? "a line break"
                             : c == '\t'            ? "a tab"
                                         : "control character U+" + hex(c, 4);
    throw ParseError(document_.locate(offset), what + " in a string",
                     "the closing '\"' of the string, or the escape " +
                         escape_of(c) + " in its place");
  }

  // Reported where the string starts: its end is where the file ends.
  [[noreturn]] void fail_unterminated(std::size_t start) const {
    throw ParseError(
        document_.locate(start),
        "the unterminated string \"" + excerpt(text_.substr(start + 1)),
        "a closing '\"' before the end of the file");
  }

  [[noreturn]] void fail_duplicate(const Name& name,
                                   std::uint32_t first) const {
    const SourceLocation was = document_.locate(first);
    const std::string shown =
        in_quotes(excerpt(document_.slice(name.offset, name.size)));
    throw ParseError(document_.locate(name.at),
                     "the field " + shown + " a second time",
                     "each field once in an object (the first " + shown +
                         " is at line " + std::to_string(was.line) +
                         ", column " + std::to_string(was.column) + ")");
  }

  JsonStorage& document_;
  std::string_view text_;  // the source
  std::size_t pos_ = 0;
  // Values finished, waiting for their container to close.
  std::vector<JsonValue> pending_;
  std::vector<Frame> frames_;
  Name name_;  // the name of the member whose value comes next
};

}  // namespace detail

// --- JsonValue ---------------------------------------------------------------

SourceLocation JsonValue::where() const { return document_->locate(at_); }

std::string JsonValue::path() const {
  const auto& nodes = document_->nodes;
  std::vector<const JsonValue*> chain;
  for (const JsonValue* v = this; v->parent_ != kNoParent;
       v = &nodes[v->parent_])
    chain.push_back(v);
  std::string path;
  for (auto link = chain.rbegin(); link != chain.rend(); ++link) {
    const JsonValue& value = **link;
    const JsonValue& parent = nodes[value.parent_];
    if (parent.kind_ == Kind::array) {
      path += '[';
      path += std::to_string(&value - &nodes[parent.data_]);
      path += ']';
      continue;
    }
    const std::string_view name = value.key();
    const bool identifier = !name.empty() && !is_digit(name[0]) &&
                            std::all_of(name.begin(), name.end(), [](char c) {
                              return is_digit(c) || c == '_' ||
                                     (c >= 'a' && c <= 'z') ||
                                     (c >= 'A' && c <= 'Z');
                            });
    if (identifier) {
      if (!path.empty()) path += '.';
      path += name;
    } else {
      path += '[';
      path += in_quotes(name);
      path += ']';
    }
  }
  return path;
}

std::string_view JsonValue::key() const noexcept {
  return document_->slice(key_offset_, key_size_);
}

bool JsonValue::as_bool() const {
  return require(Kind::boolean, "true or false").data_ != 0;
}

std::string_view JsonValue::as_string() const {
  require(Kind::string, "a string");
  return document_->slice(data_, size_);
}

Rational JsonValue::as_rational() const {
  if (kind_ == Kind::number)
    return small_integer_ ? Rational(static_cast<std::int64_t>(data_))
                          : document_->rationals[data_];
  if (kind_ != Kind::string) fail(kExpectedExact);
  return exact_number(
      as_string(), [&] { return located(where(), path()); },
      [&](std::string_view reason) {
        return error_at(at_, path(),
                        describe() + " (" + std::string(reason) + ")",
                        kExpectedExact);
      });
}

double JsonValue::as_double() const {
  const Rational value = as_rational();
  try {
    return to_double(value);
  } catch (const LimitError&) {
    fail("a number within the range of double");
  }
}

std::int64_t JsonValue::as_integer() const {
  using Limits = std::numeric_limits<std::int64_t>;
  if (kind_ == Kind::number) {
    if (small_integer_) return static_cast<std::int64_t>(data_);
    const Rational& value = document_->rationals[data_];
    if (denominator(value) == 1 && value >= Limits::min() &&
        value <= Limits::max())
      return numerator(value).convert_to<std::int64_t>();
  }
  fail("a whole number from -2^63 to 2^63 - 1");
}

std::size_t JsonValue::size() const {
  if (kind_ != Kind::array && kind_ != Kind::object)
    fail("an array or an object");
  return size_;
}

const JsonValue& JsonValue::operator[](std::size_t index) const {
  const auto elements = require(Kind::array, "an array").children();
  if (index >= elements.size())
    throw error_at(
        at_, path(), describe(),
        "at least " + detail::counted(index + 1, "element", "elements"));
  return elements[index];
}

std::span<const JsonValue> JsonValue::elements() const {
  return require(Kind::array, "an array").children();
}

std::span<const JsonValue> JsonValue::members() const {
  return require(Kind::object, "an object").children();
}

const JsonValue* JsonValue::find(std::string_view key) const {
  for (const JsonValue& member : members())
    if (member.key() == key) return &member;
  return nullptr;
}

const JsonValue& JsonValue::at(std::string_view key) const {
  if (const JsonValue* member = find(key)) return *member;
  throw error_at(at_, path(), "an object without " + in_quotes(key),
                 "a field " + in_quotes(key));
}

void JsonValue::allow_only(std::initializer_list<std::string_view> keys) const {
  for (const JsonValue& member : members()) {
    if (std::find(keys.begin(), keys.end(), member.key()) != keys.end())
      continue;
    std::string allowed =
        keys.size() == 0 ? "no field here" : "one of the fields";
    for (const std::string_view& key : keys) {
      allowed += &key == keys.begin() ? " " : ", ";
      allowed += in_quotes(key);
    }
    throw error_at(member.key_at_, member.path(),
                   "an unknown field " + in_quotes(excerpt(member.key())),
                   allowed);
  }
}

void JsonValue::fail(std::string_view expected) const {
  throw error_at(at_, path(), describe(), expected);
}

const JsonValue& JsonValue::require(Kind kind,
                                    std::string_view expected) const {
  if (kind_ != kind) fail(expected);
  return *this;
}

std::span<const JsonValue> JsonValue::children() const {
  return {document_->nodes.data() + data_, size_};
}

// The value as a message names it: `the number 1.5`, `an empty object`.
std::string JsonValue::describe() const {
  switch (kind_) {
    case Kind::null:
      return "null";
    case Kind::boolean:
      return data_ != 0 ? "true" : "false";
    case Kind::number:
      return "the number " + excerpt(document_->slice(at_, size_));
    case Kind::string:
      return "the string " + in_quotes(excerpt(document_->slice(data_, size_)));
    case Kind::array:
      return size_ == 0 ? "an empty array"
                        : "an array of " +
                              detail::counted(size_, "element", "elements");
    case Kind::object:
      return size_ == 0 ? "an empty object"
                        : "an object with " +
                              detail::counted(size_, "field", "fields");
  }
  return {};
}

JsonFieldError JsonValue::error_at(std::uint32_t offset, std::string field,
                                   std::string found,
                                   std::string_view expected) const {
  return JsonFieldError(document_->locate(offset), std::move(field),
                        std::move(found), std::string(expected));
}

// --- JsonFieldError, JsonDocument, reading -----------------------------------

JsonFieldError::JsonFieldError(SourceLocation where, std::string field,
                               std::string found, std::string expected)
    : Error(located(where, field) + "found " + found + ", expected " +
            expected),
      where_(std::move(where)),
      field_(std::move(field)),
      found_(std::move(found)),
      expected_(std::move(expected)) {}

JsonDocument::JsonDocument(std::unique_ptr<detail::JsonStorage> storage)
    : storage_(std::move(storage)) {}
JsonDocument::JsonDocument(JsonDocument&&) noexcept = default;
JsonDocument& JsonDocument::operator=(JsonDocument&&) noexcept = default;
JsonDocument::~JsonDocument() = default;

const JsonValue& JsonDocument::root() const noexcept {
  return storage_->nodes.back();
}

JsonDocument parse_json(std::string_view text, std::string file) {
  return detail::JsonParser::parse(text, std::move(file));
}

JsonDocument read_json_file(const std::filesystem::path& path) {
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size > JsonLimits::max_bytes)
    throw size_limit(path.string(), size);
  return parse_json(detail::read_text_file(path), path.string());
}

}  // namespace bargain
