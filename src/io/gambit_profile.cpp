#include "bargain/io/gambit_profile.hpp"

#include "bargain/error.hpp"

namespace bargain {

std::vector<std::vector<Rational>> read_gambit_lines(
    std::string_view text, const std::string& file_name) {
  std::vector<std::vector<Rational>> profiles;
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // A game with no player moves prints a bare "NE".
    if (line == "NE") {
      profiles.emplace_back();
      continue;
    }
    if (!line.starts_with("NE,")) continue;
    std::vector<Rational> profile;
    std::size_t column = 4;
    line.remove_prefix(3);
    while (true) {
      const auto comma = line.find(',');
      const std::string_view field = line.substr(0, comma);
      try {
        profile.push_back(parse_rational(field));
      } catch (const NumberFormatError& e) {
        throw ParseError({file_name, line_number, column + e.offset()},
                         "\"" + std::string(field) + "\" (" + e.what() + ")",
                         "a probability");
      }
      if (comma == std::string_view::npos) break;
      line.remove_prefix(comma + 1);
      column += comma + 1;
    }
    profiles.push_back(std::move(profile));
  }
  return profiles;
}

}  // namespace bargain
