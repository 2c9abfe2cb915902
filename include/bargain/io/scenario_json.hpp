// Reading a scenario of the two-track negotiation (model/scenario.hpp,
// shared/MODEL.md) from a JSON file, format "bargain.scenario/1". A scenario
// is a claim about a war and its diplomacy, so the file names everything by
// name (actors, issues, options, war states) and says where every number
// comes from:
//
//   {
//     "format": "bargain.scenario/1", "title": "...", "description": "...",
//     "source": "assumption",
//     "battlefield": {"states": ["Russia advancing", "stalemate"],
//                     "initial": "stalemate",
//                     "odds": {"without_aid": {"stalemate": [0.4, 0.6], ...},
//                              "with_aid": {...}},
//                     "aid": 0.5},
//     "ceasefire": {"breakdown": 0.2},
//     "issues": [{"name": "scope", "track": "ceasefire",
//                 "options": ["none", {"name": "energy",
//                   "breakdown_factor": 1.5, "fighting_share": 0.8}, "full"],
//                 "status_quo": "none", "controllers": ["Russia", "Ukraine"]},
//                ...],
//     "actors": [{"name": "Russia", "roles": ["belligerent"], "seat": "table",
//                 "discount": {"value": 0.95, "source": "..."},
//                 "salience": {"scope": 0.1}, "values": {"scope": [1, 0.5, 0]},
//                 "war_flow": {"Russia advancing": 0.3, "stalemate": -0.1},
//                 "beliefs": {"without_aid": ...}, "types": [{"name":
//                 "resolute", "probability": 0.5, "war_flow": {...}}]}, ...],
//     "protocol": {"kind": "parallel", "proposer": "alternating",
//                  "proposers": ["Ukraine", "Russia"], "rounds": 2},
//     "guarantees": [{"issue": "security", "guarantor": "United States",
//                     "aggressor": "Russia", "victim": "Ukraine",
//                     "strike_probability": 0.1, "intervention_cost": 0.3,
//                     "stake": {"none": 0, ...}, "strike_gain": 0.4,
//                     "victim_loss": 0.6, "repelled_loss": 0.5}]
//   }
//
// scenarios/minimal.json is a complete example. The rules:
// - Names are declared once (war states, issues, options of an issue,
//   actors) and referred to everywhere else.
// - Kinds: "track" is "ceasefire" or "settlement"; "seat" is "table" or
//   "outside"; "roles" any of "belligerent", "patron", "guarantor";
//   protocol "kind" ceasefire_first, settlement_only, grand_bargain or
//   parallel, "proposer" mediator, alternating or random (only random takes
//   "recognition", an array of probabilities in the order of "proposers").
// - Every map keyed by name (salience and values by issue, values and stake
//   by option, war flows and rows of odds by war state) may instead be an
//   array in declaration order, which then gives every entry. Object maps
//   must give every entry too, except "salience" (an issue not listed has
//   weight 0) and "values" (an issue of weight 0 may be left out: all 0).
//   Maps keyed by name hold nothing but names.
// - Provenance: a number is written bare or as {"value": 0.95, "source":
//   "..."}; every object with fixed fields may carry a "source" (and a free
//   "note"). Each source lands in Scenario::sources under the field path of
//   what carries it, as Scenario::validate() names fields ("" for the
//   document, "battlefield", "issues[0].options.energy",
//   "actors[1].discount", "guarantees[0]"); validate() then requires one on
//   every number or on an object holding it. A number the file leaves out
//   (a salience not listed, the values of an issue of weight 0, "aid",
//   "ceasefire" in a scenario without ceasefire issues) is 0, its source
//   recorded as kDefaultSource.
// - Optional: "$schema" (where an editor finds the format's JSON Schema,
//   docs/schema/bargain.scenario-1.schema.json; the reader ignores it),
//   "title", "description", "roles", "controllers", "beliefs", "with_aid",
//   "aid", "types", "recognition" (random proposers only), "guarantees",
//   "ceasefire" (needed with a ceasefire issue), "salience", "values"
//   (needed where a salience is above 0), every "source" and "note", and an
//   option's mechanics ("breakdown_factor" 1, "fighting_share" 0).
//   Everything else is required.
// - Numbers are exact (0.1 is 1/10; "3/7" is accepted).
//
// Errors: a file that is not this format's shape throws JsonFieldError at the
// value (`s.json:12:18: issues[0].status_quo: found the string "nothing",
// expected the name of an option of "scope" ("none", "energy", "full")`);
// a well-shaped scenario that is wrong throws validate()'s ModelError, its
// message prefixed with the file (`s.json: battlefield.odds.without_aid.
// stalemate: the probabilities sum to 9/10, expected 1`); sizes beyond
// ScenarioLimits throw LimitError before their elements are read.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "bargain/io/json.hpp"
#include "bargain/model/scenario.hpp"

namespace bargain {

/// The format name and version a scenario file must declare.
inline constexpr std::string_view kScenarioFormat = "bargain.scenario/1";

/// The source recorded for a number the file leaves to its default of 0.
inline constexpr std::string_view kDefaultSource = "default: not in the file";

/// Sizes a scenario file may not exceed, beyond the JSON reader's own
/// (JsonLimits): the games built from a scenario grow with each of them.
struct ScenarioLimits {
  static constexpr std::size_t max_actors = 64;
  static constexpr std::size_t max_issues = 256;
  static constexpr std::size_t max_options = 64;  ///< per issue
  static constexpr std::size_t max_war_states = 64;
  static constexpr std::size_t max_types = 64;  ///< per actor
};

/// Reads a scenario from a parsed JSON document's top-level value and
/// validates it; messages name the file the document was parsed from.
Scenario read_scenario(const JsonValue& value);

/// Reads and validates a scenario file.
Scenario read_scenario_file(const std::filesystem::path& path);

}  // namespace bargain
