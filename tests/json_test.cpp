// The strict JSON reader: every kind of value, exact numbers, positions and
// field paths, and one test per kind of malformed or unwanted input, each
// checking the whole message a user would read.
#include "bargain/io/json.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

#include "bargain/error.hpp"
#include "support.hpp"

using namespace bargain;

namespace {

std::string parse_error(std::string_view text) {
  return test::parse_error(
      [](std::string_view t, const std::string& f) { return parse_json(t, f); },
      text, "bad.json");
}

// The message of the JsonFieldError that `use` throws, "accepted" if none.
template <class Use>
std::string field_error(const Use& use) {
  try {
    use();
  } catch (const JsonFieldError& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("not a JsonFieldError: ") + e.what();
  }
  return "accepted";
}

template <class Use>
std::string limit_error(const Use& use) {
  try {
    use();
  } catch (const LimitError& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("not a LimitError: ") + e.what();
  }
  return "accepted";
}

Rational exact(std::string_view json) {
  return parse_json(json).root().as_rational();
}

std::string text_of(std::string_view json) {
  return std::string(parse_json(json).root().as_string());
}

std::string location(const JsonValue& value) {
  const SourceLocation where = value.where();
  return std::to_string(where.line) + ":" + std::to_string(where.column);
}

// `text` in a fresh file of the temporary directory, removed at the end
// of the test.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::string_view name)
      : path_(
            std::filesystem::temp_directory_path() /
            (std::string("bargain_json_test_") +=
             std::to_string(
                 std::chrono::steady_clock::now().time_since_epoch().count()) +
             "_" + std::string(name))) {}
  ~TemporaryFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }
  void write(std::string_view text) const {
    std::ofstream(path_, std::ios::binary) << text;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace

static_assert(!std::is_copy_constructible_v<JsonValue>,
              "values are handed out by reference, never copied");

TEST_CASE("json: every kind of value") {
  const JsonDocument doc =
      parse_json(R"({"n": null, "t": true, "f": false, "x": 12, "s": "hi",)"
                 R"( "a": [1, "two", [3]], "o": {}})");
  const JsonValue& root = doc.root();
  CHECK(root.kind() == JsonValue::Kind::object);
  REQUIRE(root.size() == 7);
  CHECK(root.at("n").is_null());
  CHECK(root.at("t").is_bool());
  CHECK(root.at("t").as_bool());
  CHECK_FALSE(root.at("f").as_bool());
  CHECK(root.at("x").is_number());
  CHECK(root.at("x").as_integer() == 12);
  CHECK(root.at("s").is_string());
  CHECK(root.at("s").as_string() == "hi");
  const JsonValue& a = root.at("a");
  CHECK(a.is_array());
  REQUIRE(a.size() == 3);
  CHECK(a[0].as_integer() == 1);
  CHECK(a[1].as_string() == "two");
  CHECK(a[2][0].as_integer() == 3);
  CHECK(a.elements().size() == 3);
  CHECK(&a.elements()[1] == &a[1]);
  CHECK(root.at("o").is_object());
  CHECK(root.at("o").members().empty());
  CHECK(root.find("missing") == nullptr);
  CHECK(root.find("s") == &root.at("s"));

  // Members in file order, each with its name.
  std::string names;
  for (const JsonValue& member : root.members()) names += member.key();
  CHECK(names == "ntfxsao");
  CHECK(a[0].key().empty());
  CHECK(root.key().empty());

  CHECK(parse_json("42").root().as_integer() == 42);
  CHECK(parse_json(" \"x\" ").root().as_string() == "x");
  CHECK(parse_json("\t\r\nnull\n").root().is_null());
  CHECK(parse_json("[]").root().elements().empty());
}

TEST_CASE("json: numbers are exact") {
  CHECK(exact("0.1") == Rational(1, 10));
  CHECK(exact("1e-3") == Rational(1, 1000));
  CHECK(exact("-1.5e-2") == Rational(-3, 200));
  CHECK(exact("2.5E+2") == 250);
  CHECK(exact("-0") == 0);
  CHECK(exact("-0.0e7") == 0);
  const boost::multiprecision::mpz_int ten_to_400 =
      boost::multiprecision::pow(boost::multiprecision::mpz_int(10), 400);
  CHECK(exact("1e400") == Rational(ten_to_400));
  // 2^64: beyond 64 bits, still exact.
  CHECK(exact("18446744073709551616") ==
        Rational(4294967296LL) * Rational(4294967296LL));
  CHECK(exact("0.1") + exact("0.2") == exact("0.3"));

  CHECK(parse_json("1E2").root().as_integer() == 100);
  CHECK(parse_json("4.0").root().as_integer() == 4);
  CHECK(parse_json("-9223372036854775808").root().as_integer() ==
        std::numeric_limits<std::int64_t>::min());
  CHECK(parse_json("9223372036854775807").root().as_integer() ==
        std::numeric_limits<std::int64_t>::max());

  CHECK(parse_json("0.1").root().as_double() == 0.1);
  CHECK(parse_json("-2").root().as_double() == -2.0);
}

TEST_CASE("json: a string holding a fraction is an exact number") {
  CHECK(exact(R"("11/20")") == Rational(11, 20));
  CHECK(exact(R"("-3/7")") == Rational(-3, 7));
  CHECK(exact(R"("0.25")") == Rational(1, 4));
  CHECK(parse_json(R"("1/3")").root().as_double() == 1.0 / 3.0);
}

TEST_CASE("json: strings and their escapes") {
  CHECK(text_of(R"("a\"b\\c\/d\b\f\n\r\t")") == "a\"b\\c/d\b\f\n\r\t");
  CHECK(text_of(R"("caf\u00e9 \u00E9")") == "caf\xC3\xA9 \xC3\xA9");
  CHECK(text_of(R"("\u20AC")") == "\xE2\x82\xAC");
  // A surrogate pair is one character: U+1F600.
  CHECK(text_of(R"("\uD83D\uDE00")") == "\xF0\x9F\x98\x80");
  CHECK(text_of(R"("a\u0000b")") == std::string("a\0b", 3));
  CHECK(text_of("\"\xC3\xBC\xE2\x82\xAC\xF0\x9F\x98\x80\x7F\"") ==
        "\xC3\xBC\xE2\x82\xAC\xF0\x9F\x98\x80\x7F");
  CHECK(text_of(R"("")").empty());
  // Escaped names are found by their decoded text.
  const JsonDocument doc = parse_json(R"({"a\u0062": 1, "\n": 2})");
  CHECK(doc.root().at("ab").as_integer() == 1);
  CHECK(doc.root().at("\n").as_integer() == 2);
}

TEST_CASE("json: positions count lines and characters") {
  const JsonDocument doc = parse_json(
      "{\n"
      "  \"name\": \"x\",\n"
      "  \"list\": [1,\n"
      "\t2, {\"\xC3\xA9\": \"\xC3\xBC\", \"k\": 3}]\n"
      "}",
      "pos.json");
  const JsonValue& root = doc.root();
  CHECK(location(root) == "1:1");
  CHECK(root.where().file == "pos.json");
  CHECK(location(root.at("name")) == "2:11");
  const JsonValue& list = root.at("list");
  CHECK(location(list) == "3:11");
  CHECK(location(list[0]) == "3:12");
  // A tab is one column; "é" and "ü" are one character of two bytes each.
  CHECK(location(list[1]) == "4:2");
  CHECK(location(list[2]) == "4:5");
  CHECK(location(list[2].at("\xC3\xA9")) == "4:11");
  CHECK(location(list[2].at("k")) == "4:21");

  CHECK(location(parse_json("[\r\n1]").root()[0]) == "2:1");
  // A byte order mark is skipped and takes no column.
  const JsonDocument marked = parse_json("\xEF\xBB\xBF[1, 2]");
  CHECK(location(marked.root()) == "1:1");
  CHECK(location(marked.root()[1]) == "1:5");
}

TEST_CASE("json: field paths") {
  const JsonDocument doc =
      parse_json(R"({"actors": [{"name": "A", "beliefs": [0.5, 0.25]},)"
                 R"( {"beliefs": [[1]]}], "sea access": {"x y": 1}, "": 2,)"
                 R"( "a\"b": 3, "_v2": 4})");
  const JsonValue& root = doc.root();
  CHECK(root.path().empty());
  const JsonValue& actors = root.at("actors");
  CHECK(actors.path() == "actors");
  CHECK(actors[0].path() == "actors[0]");
  CHECK(actors[0].at("beliefs")[1].path() == "actors[0].beliefs[1]");
  CHECK(actors[1].at("beliefs")[0][0].path() == "actors[1].beliefs[0][0]");
  CHECK(root.at("sea access").at("x y").path() == R"(["sea access"]["x y"])");
  CHECK(root.at("").path() == R"([""])");
  CHECK(root.at("a\"b").path() == R"(["a\"b"])");
  CHECK(root.at("_v2").path() == "_v2");
  CHECK(parse_json("[[0, [1]]]").root()[0][1][0].path() == "[0][1][0]");
}

TEST_CASE("json: a document moves without moving its values") {
  JsonDocument first = parse_json(R"({"a": [1]})");
  const JsonValue& one = first.root().at("a")[0];
  const JsonDocument second = std::move(first);
  CHECK(&second.root().at("a")[0] == &one);
  CHECK(one.as_integer() == 1);
  CHECK(one.path() == "a[0]");
}

TEST_CASE("json error: no value") {
  CHECK(parse_error("") ==
        "bad.json:1:1: found end of file, expected a value: an object, "
        "array, string, number, true, false or null");
  CHECK(parse_error("  \n ") ==
        "bad.json:2:2: found end of file, expected a value: an object, "
        "array, string, number, true, false or null");
  CHECK(parse_error("[1, 2") ==
        "bad.json:1:6: found end of file, expected \",\" or \"]\"");
  CHECK(parse_error("{") ==
        "bad.json:1:2: found end of file, expected a field name (a string "
        "in double quotes) or \"}\"");
  CHECK(parse_error("{\"a\": [1") ==
        "bad.json:1:9: found end of file, expected \",\" or \"]\"");
}

TEST_CASE("json error: trailing commas") {
  CHECK(parse_error("[1,]") ==
        "bad.json:1:4: found \"]\", expected a value: an object, array, "
        "string, number, true, false or null");
  CHECK(parse_error("{\"a\": 1,}") ==
        "bad.json:1:9: found \"}\", expected a field name (a string in "
        "double quotes)");
}

TEST_CASE("json error: missing separators") {
  CHECK(parse_error("[1 2]") ==
        "bad.json:1:4: found \"2\", expected \",\" or \"]\"");
  CHECK(parse_error("{\"a\" 1}") ==
        "bad.json:1:6: found \"1\", expected \":\" after the field name "
        "\"a\"");
  CHECK(parse_error("{\"a\": 1 \"b\": 2}") ==
        "bad.json:1:9: found the string \"b\", expected \",\" or \"}\"");
}

TEST_CASE("json error: names not in double quotes") {
  CHECK(parse_error("{a: 1}") ==
        "bad.json:1:2: found \"a\", expected a field name (a string in "
        "double quotes) or \"}\"");
  CHECK(parse_error("{'a': 1}") ==
        "bad.json:1:2: found \"'a'\", expected a field name (a string in "
        "double quotes) or \"}\"");
}

TEST_CASE("json error: anything after the value") {
  CHECK(parse_error("[1] x") ==
        "bad.json:1:5: found \"x\", expected the end of the file after the "
        "top-level value");
  CHECK(parse_error("{}\n{}") ==
        "bad.json:2:1: found \"{\", expected the end of the file after the "
        "top-level value");
  CHECK(parse_error("\"a\" \"b\"") ==
        "bad.json:1:5: found the string \"b\", expected the end of the file "
        "after the top-level value");
}

TEST_CASE("json error: comments") {
  CHECK(parse_error("// note\n[1]") ==
        "bad.json:1:1: found \"//\", expected a value: an object, array, "
        "string, number, true, false or null (JSON has no comments)");
  CHECK(parse_error("[1 /* note */]") ==
        "bad.json:1:4: found \"/*\", expected \",\" or \"]\" (JSON has no "
        "comments)");
}

TEST_CASE("json error: malformed numbers") {
  const std::string value =
      "a value: an object, array, string, number, true, false or null";
  CHECK(parse_error("[01]") ==
        "bad.json:1:2: found \"01\", expected a number without leading "
        "zeros");
  CHECK(parse_error("[-007]") ==
        "bad.json:1:2: found \"-007\", expected a number without leading "
        "zeros");
  CHECK(parse_error("[1.]") ==
        "bad.json:1:2: found \"1.\", expected a digit after the decimal "
        "point");
  CHECK(parse_error("[1.e5]") ==
        "bad.json:1:2: found \"1.e5\", expected a digit after the decimal "
        "point");
  CHECK(parse_error("[1e]") ==
        "bad.json:1:2: found \"1e\", expected a digit in the exponent");
  CHECK(parse_error("[1e+]") ==
        "bad.json:1:2: found \"1e+\", expected a digit in the exponent");
  CHECK(parse_error("[1.5x]") ==
        "bad.json:1:2: found \"1.5x\", expected a number");
  CHECK(parse_error("[0x1F]") ==
        "bad.json:1:2: found \"0x1F\", expected a number");
  CHECK(parse_error("[.5]") == "bad.json:1:2: found \".5\", expected " + value);
  CHECK(parse_error("[+1]") == "bad.json:1:2: found \"+1\", expected " + value);
  CHECK(parse_error("[-]") == "bad.json:1:2: found \"-\", expected " + value);
  CHECK(parse_error("[1/2]") ==
        "bad.json:1:2: found \"1/2\", expected a number");
}

TEST_CASE("json error: NaN and Infinity") {
  for (const std::string_view word : {"NaN", "Infinity", "-Infinity"}) {
    std::string text = "[";
    text += word;
    text += ']';
    std::string message = "bad.json:1:2: found \"";
    message += word;
    message += "\", expected a finite number (JSON has no NaN or Infinity)";
    CHECK(parse_error(text) == message);
  }
}

TEST_CASE("json error: misspelt literals") {
  const std::string value =
      "a value: an object, array, string, number, true, false or null";
  CHECK(parse_error("[tru]") ==
        "bad.json:1:2: found \"tru\", expected " + value);
  CHECK(parse_error("[True]") ==
        "bad.json:1:2: found \"True\", expected " + value);
  CHECK(parse_error("[nulls]") ==
        "bad.json:1:2: found \"nulls\", expected " + value);
  CHECK(parse_error("{\"a\": falsey}") ==
        "bad.json:1:7: found \"falsey\", expected " + value);
}

TEST_CASE("json error: unterminated string") {
  CHECK(parse_error("[\"abc") ==
        "bad.json:1:2: found the unterminated string \"abc, expected a "
        "closing '\"' before the end of the file");
  CHECK(parse_error("[\"abc\\") ==
        "bad.json:1:2: found the unterminated string \"abc\\, expected a "
        "closing '\"' before the end of the file");
}

TEST_CASE("json error: control characters in a string") {
  CHECK(parse_error("[\"ab\ncd\"]") ==
        "bad.json:1:5: found a line break in a string, expected the closing "
        "'\"' of the string, or the escape \\n in its place");
  CHECK(parse_error("[\"a\tb\"]") ==
        "bad.json:1:4: found a tab in a string, expected the closing '\"' of "
        "the string, or the escape \\t in its place");
  CHECK(parse_error(std::string("[\"a\x01") + "b\"]") ==
        "bad.json:1:4: found control character U+0001 in a string, expected "
        "the closing '\"' of the string, or the escape \\u0001 in its place");
}

TEST_CASE("json error: control characters outside strings") {
  CHECK(parse_error("[1,\v2]") ==
        "bad.json:1:4: found control character U+000B, expected a value: an "
        "object, array, string, number, true, false or null");
  CHECK(parse_error(std::string("[1]\0", 4)) ==
        "bad.json:1:4: found control character U+0000, expected the end of "
        "the file after the top-level value");
}

TEST_CASE("json error: bad escapes") {
  CHECK(parse_error(R"(["a\x"])") ==
        "bad.json:1:4: found the escape \"\\x\", expected an escape: \\\" "
        "\\\\ \\/ \\b \\f \\n \\r \\t or \\u and four hex digits");
  CHECK(parse_error(R"(["\'"])") ==
        "bad.json:1:3: found the escape \"\\'\", expected an escape: \\\" "
        "\\\\ \\/ \\b \\f \\n \\r \\t or \\u and four hex digits");
  CHECK(parse_error(R"(["\u12G4"])") ==
        "bad.json:1:3: found the escape \"\\u12G\", expected four hex digits "
        "after \\u");
  CHECK(parse_error(R"(["\u12"])") ==
        "bad.json:1:3: found the escape \"\\u12\", expected four hex digits "
        "after \\u");
}

TEST_CASE("json error: lone surrogates") {
  const std::string expected =
      ", expected a surrogate pair: \\uD800 to \\uDBFF, then \\uDC00 to "
      "\\uDFFF";
  CHECK(parse_error(R"(["\uD800"])") ==
        "bad.json:1:3: found the lone surrogate \"\\uD800\"" + expected);
  CHECK(parse_error(R"(["ab\uD83Dx"])") ==
        "bad.json:1:5: found the lone surrogate \"\\uD83D\"" + expected);
  CHECK(parse_error(R"(["\uD800\u0041"])") ==
        "bad.json:1:3: found the lone surrogate \"\\uD800\"" + expected);
  CHECK(parse_error(R"(["\uDE00\uD83D"])") ==
        "bad.json:1:3: found the lone surrogate \"\\uDE00\"" + expected);
  // The second half malformed is reported where it is.
  CHECK(parse_error(R"(["\uD83D\uDEZ0"])") ==
        "bad.json:1:9: found the escape \"\\uDEZ\", expected four hex digits "
        "after \\u");
}

TEST_CASE("json error: invalid UTF-8") {
  // Latin-1 "é", an overlong "/", an encoded surrogate, a truncated "€".
  CHECK(parse_error("[\"caf\xE9\"]") ==
        "bad.json:1:6: found invalid UTF-8 (byte 0xE9), expected text in "
        "UTF-8");
  CHECK(parse_error("[\"\xC0\xAF\"]") ==
        "bad.json:1:3: found invalid UTF-8 (byte 0xC0), expected text in "
        "UTF-8");
  CHECK(parse_error("[\"\xED\xA0\x80\"]") ==
        "bad.json:1:3: found invalid UTF-8 (byte 0xED), expected text in "
        "UTF-8");
  CHECK(parse_error("[\"\xC3\xA9\xE2\x82\"]") ==
        "bad.json:1:4: found invalid UTF-8 (byte 0xE2), expected text in "
        "UTF-8");
  CHECK(parse_error("[\xE9]") ==
        "bad.json:1:2: found invalid UTF-8 (byte 0xE9), expected a value: an "
        "object, array, string, number, true, false or null");
}

TEST_CASE("json error: columns after multi-byte characters") {
  CHECK(parse_error("[\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\", x]") ==
        "bad.json:1:9: found \"x\", expected a value: an object, array, "
        "string, number, true, false or null");
}

TEST_CASE("json error: long words are shortened") {
  CHECK(parse_error("[" + std::string(50, 'x') + "]") ==
        "bad.json:1:2: found \"" + std::string(40, 'x') +
            "...\", expected a value: an object, array, string, number, "
            "true, false or null");
}

TEST_CASE("json error: duplicate names") {
  CHECK(parse_error("{\"a\": 1,\n \"b\": 2,\n \"a\": 3}") ==
        "bad.json:3:2: found the field \"a\" a second time, expected each "
        "field once in an object (the first \"a\" is at line 1, column 2)");
  // The same name written with an escape is the same name.
  CHECK(parse_error(R"({"ab": 1, "a\u0062": 2})") ==
        "bad.json:1:11: found the field \"ab\" a second time, expected each "
        "field once in an object (the first \"ab\" is at line 1, column 2)");
  // An object beyond the scanned size finds duplicates through its map.
  std::string large = "{";
  for (int i = 0; i < 40; ++i) large += "\"k" + std::to_string(i) + "\": 0,\n";
  CHECK(parse_error(large + "\"k3\": 1}") ==
        "bad.json:41:1: found the field \"k3\" a second time, expected each "
        "field once in an object (the first \"k3\" is at line 4, column 1)");
  CHECK(parse_error(large + "\"k40\": 1, \"k40\": 2}") ==
        "bad.json:41:11: found the field \"k40\" a second time, expected "
        "each field once in an object (the first \"k40\" is at line 41, "
        "column 1)");
  CHECK(parse_json(large + "\"k40\": 1}").root().size() == 41);
  // Names repeat freely across objects.
  CHECK(parse_json(R"([{"a": 1}, {"a": 2}, {"a": {"a": 3}}])")
            .root()[2]
            .at("a")
            .at("a")
            .as_integer() == 3);
}

TEST_CASE("json field error: the wrong kind") {
  const JsonDocument doc = parse_json(
      R"({"actors": [{"name": 3, "ok": "yes"}], "p": [1, 2]})", "scn.json");
  const JsonValue& actor = doc.root().at("actors")[0];
  CHECK(field_error([&] { actor.at("name").as_string(); }) ==
        "scn.json:1:22: actors[0].name: found the number 3, expected a "
        "string");
  CHECK(field_error([&] { actor.at("ok").as_bool(); }) ==
        "scn.json:1:31: actors[0].ok: found the string \"yes\", expected true "
        "or false");
  CHECK(field_error([&] { doc.root().at("p").as_rational(); }) ==
        "scn.json:1:45: p: found an array of 2 elements, expected a number, "
        "or a string holding a fraction such as \"11/20\"");
  CHECK(field_error([&] { doc.root().as_integer(); }) ==
        "scn.json:1:1: (document): found an object with 2 fields, expected a "
        "whole number from -2^63 to 2^63 - 1");
  CHECK(field_error([&] { actor.elements(); }) ==
        "scn.json:1:13: actors[0]: found an object with 2 fields, expected "
        "an array");
  CHECK(field_error([&] { doc.root().at("p").members(); }) ==
        "scn.json:1:45: p: found an array of 2 elements, expected an object");
  CHECK(field_error([&] { doc.root().at("p").find("x"); }) ==
        "scn.json:1:45: p: found an array of 2 elements, expected an object");
  CHECK(field_error([&] { doc.root().at("p")[0].size(); }) ==
        "scn.json:1:46: p[0]: found the number 1, expected an array or an "
        "object");
  CHECK(field_error([&] {
          parse_json("[null, [], {}, [[]]]").root()[0].as_bool();
        }).ends_with("found null, expected true or false"));
  CHECK(field_error([&] {
          parse_json("[[]]").root()[0].as_string();
        }).ends_with("found an empty array, expected a string"));
  CHECK(field_error([&] {
          parse_json("[{}]").root()[0].as_string();
        }).ends_with("found an empty object, expected a string"));
  CHECK(field_error([&] {
          parse_json("[[1]]").root()[0].as_string();
        }).ends_with("found an array of 1 element, expected a string"));
  CHECK(field_error([&] {
          parse_json("[false]").root()[0].as_string();
        }).ends_with("found false, expected a string"));
}

TEST_CASE("json field error: numbers that do not fit") {
  CHECK(field_error([&] { parse_json("[0.5]").root()[0].as_integer(); }) ==
        "<input>:1:2: [0]: found the number 0.5, expected a whole number from "
        "-2^63 to 2^63 - 1");
  CHECK(field_error(
            [&] { parse_json("9223372036854775808").root().as_integer(); }) ==
        "<input>:1:1: (document): found the number 9223372036854775808, "
        "expected a whole number from -2^63 to 2^63 - 1");
  CHECK(field_error([&] { parse_json("1e400").root().as_double(); }) ==
        "<input>:1:1: (document): found the number 1e400, expected a number "
        "within the range of double");
  CHECK(field_error([&] { parse_json(R"("3")").root().as_integer(); }) ==
        "<input>:1:1: (document): found the string \"3\", expected a whole "
        "number from -2^63 to 2^63 - 1");
}

TEST_CASE("json field error: a string that is not a fraction") {
  const std::string expected =
      ", expected a number, or a string holding a fraction such as "
      "\"11/20\"";
  CHECK(
      field_error([&] { parse_json(R"(["11/0"])").root()[0].as_rational(); }) ==
      "<input>:1:2: [0]: found the string \"11/0\" (a fraction with "
      "denominator zero)" +
          expected);
  CHECK(field_error([&] {
          parse_json(R"(["half"])").root()[0].as_double();
        }).starts_with("<input>:1:2: [0]: found the string \"half\" ("));
  CHECK(field_error([&] {
          parse_json(R"(" 1/2")").root().as_rational();
        }).ends_with(expected));
}

TEST_CASE("json field error: a missing field") {
  const JsonDocument doc =
      parse_json("{\"actors\": [\n  {\"name\": \"A\"}]}", "scn.json");
  CHECK(field_error([&] { doc.root().at("actors")[0].at("beliefs"); }) ==
        "scn.json:2:3: actors[0]: found an object without \"beliefs\", "
        "expected a field \"beliefs\"");
  CHECK(field_error([&] { doc.root().at("issues"); }) ==
        "scn.json:1:1: (document): found an object without \"issues\", "
        "expected a field \"issues\"");
}

TEST_CASE("json field error: an unknown field") {
  const JsonDocument doc =
      parse_json(R"({"actors": [{"name": "A", "belief": 1}]})", "scn.json");
  const JsonValue& actor = doc.root().at("actors")[0];
  CHECK(field_error([&] {
          actor.allow_only({"name", "beliefs"});
        }) ==
        "scn.json:1:27: actors[0].belief: found an unknown field \"belief\", "
        "expected one of the fields \"name\", \"beliefs\"");
  CHECK(field_error([&] { actor.allow_only({}); }) ==
        "scn.json:1:14: actors[0].name: found an unknown field \"name\", "
        "expected no field here");
  CHECK(field_error([&] {
          actor.allow_only({"belief", "name"});
        }) == "accepted");
}

TEST_CASE("json field error: an index out of range") {
  const JsonDocument doc = parse_json(R"({"p": [0.5]})", "scn.json");
  CHECK(field_error([&] { doc.root().at("p")[2]; }) ==
        "scn.json:1:7: p: found an array of 1 element, expected at least 3 "
        "elements");
  CHECK(field_error([&] { doc.root()[0]; }) ==
        "scn.json:1:1: (document): found an object with 1 field, expected an "
        "array");
}

TEST_CASE("json field error: a reader's own check, with its parts") {
  const JsonDocument doc =
      parse_json("{\n  \"p\": 1.5, \"name\": \"" + std::string(45, 'a') + "\"}",
                 "zopa.json");
  try {
    doc.root().at("p").fail("a probability from 0 to 1");
    FAIL("no error");
  } catch (const JsonFieldError& e) {
    CHECK(std::string(e.what()) ==
          "zopa.json:2:8: p: found the number 1.5, expected a probability "
          "from 0 to 1");
    CHECK(e.where().file == "zopa.json");
    CHECK(e.where().line == 2);
    CHECK(e.where().column == 8);
    CHECK(e.field() == "p");
    CHECK(e.found() == "the number 1.5");
    CHECK(e.expected() == "a probability from 0 to 1");
  }
  CHECK(field_error([&] { doc.root().at("name").fail("a short name"); }) ==
        "zopa.json:2:21: name: found the string \"" + std::string(40, 'a') +
            "...\", expected a short name");
  CHECK_THROWS_AS(doc.root().fail("anything"), Error);
}

TEST_CASE("json limit: nesting depth") {
  const std::size_t limit = JsonLimits::max_depth;
  const std::string deepest = std::string(limit, '[') + std::string(limit, ']');
  const JsonDocument doc = parse_json(deepest);
  const JsonValue* value = &doc.root();
  for (std::size_t depth = 1; depth < limit; ++depth) value = &(*value)[0];
  CHECK(value->elements().empty());
  CHECK(value->path().size() == 3 * (limit - 1));

  const std::string message =
      "deep.json:1:257: arrays and objects nested deeper than the reader's "
      "limit of 256";
  CHECK(limit_error([&] {
          parse_json(std::string(limit + 1, '[') + std::string(limit + 1, ']'),
                     "deep.json");
        }) == message);
  // Far deeper input fails the same way, without exhausting the stack.
  CHECK(limit_error([&] {
          parse_json(std::string(1'000'000, '['), "deep.json");
        }) == message);
  std::string objects;
  for (std::size_t i = 0; i <= limit; ++i) objects += "{\"a\":";
  CHECK(limit_error([&] { parse_json(objects, "deep.json"); }) ==
        "deep.json:1:1281: arrays and objects nested deeper than the "
        "reader's limit of 256");
}

TEST_CASE("json limit: file size") {
  CHECK(limit_error([&] {
          parse_json(std::string(JsonLimits::max_bytes + 1, ' '), "big.json");
        }) ==
        "big.json: the file has 67108865 bytes, beyond the JSON reader's "
        "limit of 67108864 bytes");
  // A file on disk is refused before it is read (this one is sparse).
  const TemporaryFile file("big.json");
  file.write("[]");
  std::filesystem::resize_file(file.path(), JsonLimits::max_bytes + 1);
  CHECK(limit_error([&] { read_json_file(file.path()); }) ==
        file.path().string() +
            ": the file has 67108865 bytes, beyond the JSON reader's limit "
            "of 67108864 bytes");
}

TEST_CASE("json limit: numbers beyond NumberLimits") {
  CHECK(limit_error([&] { parse_json("[1,\n 1e999999]", "n.json"); }) ==
        "n.json:2:2: the number \"1e999999\" is beyond the reader's limits: "
        "exponent 999999 beyond the limit of +-1000");
  CHECK(limit_error([&] {
          parse_json("[" + std::string(NumberLimits::max_digits + 1, '7') +
                     "]");
        }).starts_with("<input>:1:2: the number \"7777"));
  const JsonDocument doc = parse_json(
      "{\"p\": \"1/1" + std::string(NumberLimits::max_digits, '0') + "\"}",
      "n.json");
  CHECK(limit_error([&] {
          doc.root().at("p").as_rational();
        }).starts_with("n.json:1:7: p: the number \"1/1000"));
}

TEST_CASE("json: a file read from disk") {
  const TemporaryFile file("zopa.json");
  file.write("{\"issues\": [\n  {\"name\": \"border\", \"low\": 0.1}\n]}\n");
  const JsonDocument doc = read_json_file(file.path());
  const JsonValue& issue = doc.root().at("issues")[0];
  CHECK(issue.at("name").as_string() == "border");
  CHECK(issue.at("low").as_rational() == Rational(1, 10));
  CHECK(issue.at("low").where().file == file.path().string());
  CHECK(location(issue.at("low")) == "2:29");
  CHECK(field_error([&] { issue.at("high"); }) ==
        file.path().string() +
            ":2:3: issues[0]: found an object without \"high\", expected a "
            "field \"high\"");

  file.write("{\"issues\": [}");
  CHECK(test::parse_error(
            [](std::string_view, const std::string& path) {
              return read_json_file(path);
            },
            "", file.path().string()) ==
        file.path().string() +
            ":1:13: found \"}\", expected a value: an object, array, string, "
            "number, true, false or null");
}

TEST_CASE("json: a file that cannot be read") {
  const std::string missing = "/nonexistent-bargain-dir/zopa.json";
  CHECK_THROWS_WITH_AS(read_json_file(missing),
                       (missing + ": cannot read the file: No such file or "
                                  "directory")
                           .c_str(),
                       Error);
  const std::string directory = std::filesystem::temp_directory_path().string();
  CHECK_THROWS_WITH_AS(
      read_json_file(directory),
      (directory + ": cannot read the file: it is a directory").c_str(), Error);
}

TEST_CASE("json: a large document") {
  // 20000 objects in one array, and one object of 20000 members.
  std::string text = "{\"rows\": [";
  for (int i = 0; i < 20000; ++i) {
    if (i > 0) text += ",\n";
    text += "{\"id\": " + std::to_string(i) + ", \"share\": \"" +
            std::to_string(i) + "/20000\", \"w\": 0." + std::to_string(i) + "}";
  }
  text += "], \"index\": {";
  for (int i = 0; i < 20000; ++i) {
    if (i > 0) text += ", ";
    text += "\"k" + std::to_string(i) + "\": " + std::to_string(i);
  }
  text += "}}";
  const JsonDocument doc = parse_json(text);
  const JsonValue& rows = doc.root().at("rows");
  REQUIRE(rows.size() == 20000);
  const JsonValue& row = rows[12345];
  CHECK(row.at("id").as_integer() == 12345);
  CHECK(row.at("share").as_rational() == Rational(12345, 20000));
  CHECK(row.at("w").as_rational() == Rational(12345, 100000));
  CHECK(row.at("w").path() == "rows[12345].w");
  CHECK(location(row.at("id")) == "12346:8");
  const JsonValue& index = doc.root().at("index");
  REQUIRE(index.size() == 20000);
  CHECK(index.at("k19999").as_integer() == 19999);
  CHECK(index.members()[777].key() == "k777");
}
