// Profiles as Gambit's command-line tools print them, one `NE,...` line per
// equilibrium, so scripts written for gambit-enumpure or gambit-lcp read
// bargain's output unchanged, and Gambit's answers can be read back here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bargain/game/profile.hpp"
#include "bargain/numeric.hpp"

namespace bargain {

/// `NE,p1,p2,...`: for each player in order, for each of its information
/// sets in Gambit's order (first appearance in preorder), the probability of
/// each action in order. Exact scalars print as p/q, doubles in shortest
/// round-trip form.
template <Scalar T>
std::string to_gambit_line(const BehaviorProfile<T>& profile) {
  std::string line = "NE";
  const GameTree& tree = profile.tree();
  for (PlayerId p = 0; p < tree.player_count(); ++p)
    for (const InfosetId set : tree.infosets_of(p))
      for (const auto& probability : profile.at(set))
        line.append(1, ',').append(to_string(probability));
  return line;
}

/// The profiles in the `NE,...` lines of a Gambit tool's output, in order,
/// as exact rationals (decimals read exactly). Other lines are skipped.
/// Throws ParseError naming `file_name`, line and column of a bad number.
std::vector<std::vector<Rational>> read_gambit_lines(
    std::string_view text, const std::string& file_name = "<input>");

}  // namespace bargain
