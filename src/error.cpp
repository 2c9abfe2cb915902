#include "bargain/error.hpp"

namespace bargain {

ParseError::ParseError(SourceLocation where, std::string found,
                       std::string expected)
    : Error(where.file + ":" + std::to_string(where.line) + ":" +
            std::to_string(where.column) + ": found " + found + ", expected " +
            expected),
      where_(std::move(where)),
      found_(std::move(found)),
      expected_(std::move(expected)) {}

}  // namespace bargain
