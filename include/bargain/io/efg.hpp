// Gambit's extensive-game format, .efg (EFG 2 R; D is read as R): read any
// file Gambit 16 reads, exactly, and write what Gambit reads back as the same
// game. The format is described in shared/peers/gambit/FORMATS.md.
//
//   Game game = read_efg_file("poker.efg");
//   write_efg(std::cout, game);
//
// Malformed input throws ParseError (`file:line:col: found X, expected Y`);
// a number beyond NumberLimits throws LimitError, with the location first.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

#include "bargain/game/tree.hpp"
#include "bargain/numeric.hpp"

namespace bargain {

/// Reads an extensive game from the text of an .efg file; `file_name` is
/// what error messages call it.
Game read_efg(std::string_view text, std::string file_name = "<input>");

/// Reads an extensive game from an .efg file.
Game read_efg_file(const std::filesystem::path& path);

/// The game as .efg text, in Gambit's layout: one node per line in preorder,
/// information sets and outcomes numbered by first appearance, every
/// description repeated where it is used. Throws GameError for a game with
/// subjective beliefs, which the format cannot hold. Defined for double and
/// Rational.
template <Scalar T>
std::string to_efg(const ExtensiveGame<T>& game);

extern template std::string to_efg(const ExtensiveGame<double>&);
extern template std::string to_efg(const ExtensiveGame<Rational>&);

/// Writes the game as .efg text (see to_efg).
template <Scalar T>
void write_efg(std::ostream& out, const ExtensiveGame<T>& game) {
  out << to_efg(game);
}

}  // namespace bargain
