// JSON input, read strictly (RFC 8259) into a read-only tree that keeps what
// general JSON libraries drop: where each value was written, its field path,
// and its exact value. The library's input files (issue spaces, actors,
// scenarios) are JSON. Someone who mistypes one should get
// `zopa.json:12:18: actors[2].beliefs[1]: found the string "0,4", expected a
// number`, and a `0.1` in the file should be the rational 1/10, not the
// double nearest to it.
//
//   const JsonDocument doc = read_json_file("zopa.json");
//   for (const JsonValue& actor : doc.root().at("actors").elements()) {
//     actor.allow_only({"name", "reservation"});
//     const Rational reservation = actor.at("reservation").as_rational();
//     if (reservation < 0) actor.at("reservation").fail("a value of 0 or
//     more");
//   }
//
// Malformed text throws ParseError (`file:line:col: found X, expected Y`).
// Well-formed JSON that is not what the reader wants throws JsonFieldError,
// which also names the field path. Input beyond JsonLimits or NumberLimits
// throws LimitError, its message starting with the file (and the location
// once there is one).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "bargain/error.hpp"
#include "bargain/numeric.hpp"

namespace bargain {

namespace detail {
struct JsonStorage;
class JsonParser;
}  // namespace detail

/// Limits of the JSON reader. The size is checked before parsing starts and
/// the depth while parsing, so deeply nested input (`[[[[...`) costs neither
/// call stack nor unbounded memory. Numbers are also bound by NumberLimits.
struct JsonLimits {
  static constexpr std::size_t max_bytes = std::size_t{64} << 20;  // 64 MiB
  static constexpr std::size_t max_depth = 256;
};

/// Well-formed JSON that is not what the input format needs: a wrong kind,
/// a missing or unknown field, a value out of its range. what() reads
/// `file:line:col: field: found X, expected Y`. The field is shown as
/// "(document)" for the top-level value.
class JsonFieldError : public Error {
 public:
  /// Usually raised through JsonValue::fail, which fills in every part.
  JsonFieldError(SourceLocation where, std::string field, std::string found,
                 std::string expected);

  /// Where the value (or the field's name) starts.
  const SourceLocation& where() const noexcept { return where_; }
  /// The field path, such as `actors[2].beliefs[1]`; empty for the
  /// top-level value.
  const std::string& field() const noexcept { return field_; }
  /// What the value is (`the number 1.5`).
  const std::string& found() const noexcept { return found_; }
  /// What the reader needed there.
  const std::string& expected() const noexcept { return expected_; }

 private:
  SourceLocation where_;
  std::string field_;
  std::string found_;
  std::string expected_;
};

/// One value of a JSON document, together with where it was written and
/// its field path. Values live in their JsonDocument and are only handed
/// out by const reference, so they cannot be copied (write `const auto&`,
/// not `auto`). A value stays valid as long as its document.
///
/// Each accessor that needs a particular kind (as_*, elements, at...)
/// throws JsonFieldError at this value when the kind is different.
class JsonValue {
 public:
  /// The six kinds of JSON value.
  enum class Kind : std::uint8_t {
    null,
    boolean,
    number,
    string,
    array,
    object
  };

  /// Not copyable: a copy would still refer to the document, and could
  /// easily outlive it.
  JsonValue(const JsonValue&) = delete;
  JsonValue& operator=(const JsonValue&) = delete;
  /// Movable for the document's storage; users only see const values.
  JsonValue(JsonValue&&) noexcept = default;
  JsonValue& operator=(JsonValue&&) noexcept = default;
  ~JsonValue() = default;

  /// What the value is; the is_* tests below ask about one kind each.
  Kind kind() const noexcept { return kind_; }
  bool is_null() const noexcept { return kind_ == Kind::null; }
  bool is_bool() const noexcept { return kind_ == Kind::boolean; }
  bool is_number() const noexcept { return kind_ == Kind::number; }
  bool is_string() const noexcept { return kind_ == Kind::string; }
  bool is_array() const noexcept { return kind_ == Kind::array; }
  bool is_object() const noexcept { return kind_ == Kind::object; }

  /// The file, line and column of the value's first character. Computed
  /// when asked, for messages: each value stores only a byte offset.
  SourceLocation where() const;
  /// The field path: `actors[2].beliefs[1]`, `issues["sea access"]` for a
  /// name that is not an identifier, "" for the top-level value. Computed
  /// when asked.
  std::string path() const;
  /// The value's name in its object; "" for an array element or the
  /// top-level value.
  std::string_view key() const noexcept;

  /// true or false.
  bool as_bool() const;
  /// The decoded text of a string: escapes replaced, UTF-8.
  std::string_view as_string() const;
  /// A number, exact: `0.1` is 1/10, `1e-3` is 1/1000, `-0` is 0. A string
  /// holding an exact number as parse_rational reads it (`"11/20"`,
  /// `"-3"`) is accepted too, so fractions can be written as such.
  Rational as_rational() const;
  /// as_rational rounded to the nearest double.
  double as_double() const;
  /// A number whose value is a whole number of 64 bits (`3`, `1e2`, `4.0`).
  std::int64_t as_integer() const;

  /// The elements of an array or the members of an object.
  std::size_t size() const;
  /// The array element at `index`; JsonFieldError when there is none.
  const JsonValue& operator[](std::size_t index) const;
  /// The array's elements, in file order.
  std::span<const JsonValue> elements() const;
  /// The object's members in file order, each carrying its name in key().
  std::span<const JsonValue> members() const;
  /// The object's member named `key`, or nullptr. Members are searched in
  /// order: objects in input files are small.
  const JsonValue* find(std::string_view key) const;
  /// The object's member named `key`; JsonFieldError at the object when
  /// there is none.
  const JsonValue& at(std::string_view key) const;
  /// Throws JsonFieldError at the first member whose name is not one of
  /// `keys`, naming it and listing the allowed names: a misspelt optional
  /// field must not be silently ignored.
  void allow_only(std::initializer_list<std::string_view> keys) const;

  /// Throws JsonFieldError at this value: `found <this value>, expected
  /// <expected>`, the found part describing the value briefly (`the number
  /// 1.5`, `an array of 3 elements`).
  [[noreturn]] void fail(std::string_view expected) const;

 private:
  friend class detail::JsonParser;
  static constexpr std::uint32_t kNoParent = UINT32_MAX;

  JsonValue(const detail::JsonStorage& document, Kind kind, std::uint32_t at)
      : document_(&document), at_(at), kind_(kind) {}

  const JsonValue& require(Kind kind, std::string_view expected) const;
  std::span<const JsonValue> children() const;
  std::string describe() const;
  JsonFieldError error_at(std::uint32_t offset, std::string field,
                          std::string found, std::string_view expected) const;

  // Offsets into the document's text fit 32 bits: JsonLimits::max_bytes.
  const detail::JsonStorage* document_;
  std::uint32_t at_;  // byte offset of the value's first character
  std::uint32_t parent_ = kNoParent;  // node index of the enclosing container
  std::uint32_t key_at_ = 0;          // byte offset of the member name's quote
  std::uint32_t key_offset_ = 0;      // the name's decoded text in the document
  std::uint32_t key_size_ = 0;
  // string: bytes of decoded text; number: bytes of its text in the file;
  // array, object: number of children.
  std::uint32_t size_ = 0;
  // boolean: the value; string: offset of its decoded text; number: its
  // value when small_integer_, else its index among the document's
  // rationals; array, object: node index of the first child.
  std::uint64_t data_ = 0;
  Kind kind_;
  bool small_integer_ = false;
};

/// A parsed JSON text. It owns every value; values refer to it, so it must
/// outlive them. Move-only.
class JsonDocument {
 public:
  /// Moving keeps every value where it is: references stay valid.
  JsonDocument(JsonDocument&&) noexcept;
  JsonDocument& operator=(JsonDocument&&) noexcept;
  ~JsonDocument();

  /// The top-level value.
  const JsonValue& root() const noexcept;

 private:
  friend class detail::JsonParser;
  explicit JsonDocument(std::unique_ptr<detail::JsonStorage> storage);
  std::unique_ptr<detail::JsonStorage> storage_;
};

/// Parses a JSON text (RFC 8259, strictly: no comments, trailing commas,
/// leading zeros, NaN, duplicate names, control characters or invalid UTF-8
/// in strings, nor anything but whitespace after the value). A UTF-8 byte
/// order mark at the start is skipped, as RFC 8259 allows. `file` is what
/// messages call the text. Columns count characters (UTF-8 code points),
/// a tab being one.
JsonDocument parse_json(std::string_view text, std::string file = "<input>");

/// Reads and parses a JSON file. Throws Error naming the file when it
/// cannot be read, and LimitError before reading a file beyond
/// JsonLimits::max_bytes.
JsonDocument read_json_file(const std::filesystem::path& path);

}  // namespace bargain
