// Reading a negotiation — issues grouped into tracks, and the actors with
// their spatial preferences and reservation values — from a JSON file
// (format "bargain.negotiation/1"), as `bargain zopa` takes it:
//
//   {
//     "format": "bargain.negotiation/1",
//     "title": "Two issues, one logroll",
//     "tracks": [{"name": "settlement", "issues": [
//       {"name": "territory", "range": [0, 1]},
//       {"name": "neutrality", "options": ["NATO path", "neutral"]}]}],
//     "actors": [{
//       "name": "Ukraine",
//       "ideal": {"territory": 1, "neutrality": "NATO path"},
//       "salience": {"territory": "3/10", "neutrality": 0.7},
//       "loss": "linear", "utility_at_ideal": 1,
//       "reservation": {"war": {"win_probability": 0.4, "cost": 0.1,
//                               "victory": {"territory": 1, ...},
//                               "defeat": {"territory": 0, ...}}},
//       "source": "assumption"}]
//   }
//
// Numbers are exact (0.1 is 1/10; "11/20" is accepted). Options are listed
// by name (positions 0, 1, 2, ...) or as {"name", "position"}. Saliences
// default to 1 on every issue when absent and to 0 on issues they omit; an
// ideal is required on every issue with positive salience. Errors name the
// file, line, column and field. A file may mix continuous and discrete
// issues; `bargain zopa` needs them all of one kind.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "bargain/bargaining/preferences.hpp"
#include "bargain/io/json.hpp"

namespace bargain {

/// What a negotiation file holds.
struct Negotiation {
  std::string title;
  IssueSpace space;
  std::vector<Actor> actors;
};

/// The format name and version a negotiation file must declare.
inline constexpr std::string_view kNegotiationFormat = "bargain.negotiation/1";

/// Reads a negotiation from a parsed JSON object.
Negotiation read_negotiation(const JsonValue& value);
/// Reads a negotiation file.
Negotiation read_negotiation_file(const std::filesystem::path& path);

}  // namespace bargain
