// Aligned text columns for the command's reports.
#pragma once

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "bargain/numeric.hpp"

namespace bargain::cli {

/// The parts with `separator` between them.
inline std::string joined(const std::vector<std::string>& parts,
                          std::string_view separator) {
  std::string out;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (k > 0) out += separator;
    out += parts[k];
  }
  return out;
}

/// An exact number as a reader takes it in: a whole number as it is, a short
/// fraction with its decimal beside it ("84/5 (16.8)"), a long one to six
/// significant digits marked "~" (JSON output keeps every number exact).
inline std::string readable(const Rational& x) {
  const std::string exact = to_string(x);
  if (denominator(x) == 1 && exact.size() <= 12) return exact;
  char decimal[32];
  if (exact.size() <= 12) {
    std::snprintf(decimal, sizeof decimal, "%.4g", to_double(x));
    return exact + " (" + decimal + ")";
  }
  std::snprintf(decimal, sizeof decimal, "~%.6g", to_double(x));
  return decimal;
}

/// The parts separated by ", " on lines of at most `width` characters
/// (a longer part has a line of its own), each line starting with `indent`.
inline std::string wrapped(const std::vector<std::string>& parts,
                           const std::string& indent, std::size_t width = 100) {
  std::string out = indent, line;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const std::string piece = parts[k] + (k + 1 < parts.size() ? "," : "");
    if (!line.empty() &&
        indent.size() + line.size() + 1 + piece.size() > width) {
      out += line + "\n" + indent;
      line.clear();
    }
    line += (line.empty() ? "" : " ") + piece;
  }
  return out + line;
}

/// Rows of cells printed with every column as wide as its widest cell
/// (counted in characters, so names in any script line up).
class TextTable {
 public:
  explicit TextTable(std::string indent = "  ") : indent_(std::move(indent)) {}

  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }

  void print(std::ostream& out) const {
    std::vector<std::size_t> width;
    for (const auto& row : rows_)
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (width.size() <= c) width.push_back(0);
        width[c] = std::max(width[c], characters(row[c]));
      }
    for (const auto& row : rows_) {
      std::string line = indent_;
      for (std::size_t c = 0; c < row.size(); ++c) {
        line += row[c];
        if (c + 1 < row.size())
          line.append(width[c] - characters(row[c]) + 2, ' ');
      }
      out << line << '\n';
    }
  }

 private:
  static std::size_t characters(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(),
        [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  }

  std::string indent_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace bargain::cli
