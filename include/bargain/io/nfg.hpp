// Gambit's strategic-game format, .nfg (NFG 1 R; D is read as R), in both
// body versions: a flat list of payoffs, or an outcome table and one outcome
// number per contingency. The format is described in
// shared/peers/gambit/FORMATS.md.
//
//   StrategicGame<Rational> game = read_nfg_file("bos.nfg");
//   write_nfg(std::cout, game);
//
// Malformed input throws ParseError (`file:line:col: found X, expected Y`);
// a number beyond NumberLimits, or more than kMaxContingencies strategy
// profiles, throws LimitError, with the location first.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

#include "bargain/game/strategic.hpp"
#include "bargain/numeric.hpp"

namespace bargain {

/// Reads a strategic game from the text of an .nfg file; `file_name` is what
/// error messages call it. An outcome-version file keeps its outcome table.
StrategicGame<Rational> read_nfg(std::string_view text,
                                 std::string file_name = "<input>");

/// Reads a strategic game from an .nfg file.
StrategicGame<Rational> read_nfg_file(const std::filesystem::path& path);

/// The game as .nfg text with labelled strategies: the outcome version when
/// the game has an outcome table, else the payoff version, one contingency a
/// line. Defined for double and Rational.
template <Scalar T>
std::string to_nfg(const StrategicGame<T>& game);

extern template std::string to_nfg(const StrategicGame<double>&);
extern template std::string to_nfg(const StrategicGame<Rational>&);

/// Writes the game as .nfg text (see to_nfg).
template <Scalar T>
void write_nfg(std::ostream& out, const StrategicGame<T>& game) {
  out << to_nfg(game);
}

}  // namespace bargain
