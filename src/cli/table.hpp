// Aligned text columns for the command's reports.
#pragma once

#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

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
