// Every error the library raises derives from bargain::Error, so a caller can
// catch one type; the subclasses say whose fault it was and what to fix.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace bargain {

/// Base of all errors raised by the library.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A position in a text input, 1-based, as editors show it.
struct SourceLocation {
  std::string file;
  std::size_t line = 1;
  std::size_t column = 1;
};

/// Malformed input text: says where, what was found and what was expected.
/// what() reads `file:line:col: found X, expected Y`.
class ParseError : public Error {
 public:
  ParseError(SourceLocation where, std::string found, std::string expected);

  const SourceLocation& where() const noexcept { return where_; }
  const std::string& found() const noexcept { return found_; }
  const std::string& expected() const noexcept { return expected_; }

 private:
  SourceLocation where_;
  std::string found_;
  std::string expected_;
};

/// Input that would exceed a stated limit (a number too large, a game too big).
/// Raised before the work starts, never after memory ran out.
class LimitError : public Error {
 public:
  using Error::Error;
};

/// A game that is not well formed (probabilities that do not sum to 1, payoff
/// vectors of the wrong length, an information set used inconsistently...).
class GameError : public Error {
 public:
  using Error::Error;
};

/// A solver asked to solve a game outside its class (imperfect information
/// for backward induction, say); the message names the obstacle.
class UnsupportedGame : public Error {
 public:
  using Error::Error;
};

/// A model input outside its domain: a discount factor not in [0, 1), a
/// probability above 1, a package outside its issue space. The message names
/// the parameter or field, what was found and what was expected.
class ModelError : public Error {
 public:
  using Error::Error;
};

/// A result that failed its own verification; never expected, always a bug.
class VerificationFailure : public Error {
 public:
  using Error::Error;
};

}  // namespace bargain
