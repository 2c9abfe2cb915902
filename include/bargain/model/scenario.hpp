// A scenario of the two-track negotiation (shared/MODEL.md, docs/model.md):
// who negotiates and who can unmake a deal, over which issues, under which
// protocol, while which war goes on. It is plain data, the same content as
// a scenario file (io/scenario_json.hpp); the model builds games from it.
//
// Every number of a scenario has a provenance: `sources` maps field paths
// ("actors[1].discount", "battlefield.odds") to a citation or to
// "assumption". validate() checks the whole scenario and names the field
// of the first problem, as a file reader would.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bargain/numeric.hpp"

namespace bargain {

/// Rows of probabilities P(s' | s), one row per war state.
using TransitionMatrix = std::vector<std::vector<Rational>>;

/// How the war moves between rounds. The patrons' aid level a in [0, 1]
/// mixes two matrices, P(a) = (1 - a) P(0) + a P(1), so a sweep over aid
/// is a sweep over a straight line of odds; without `with_aid` the odds do
/// not depend on aid.
struct WarOdds {
  TransitionMatrix without_aid;
  TransitionMatrix with_aid;  // empty: aid changes nothing

  /// P(a), exact.
  TransitionMatrix at(const Rational& aid) const;
};

/// One option of an issue. Options of ceasefire issues also set the
/// ceasefire's mechanics: the per-round breakdown probability is the base
/// probability times the product of the chosen options' factors (capped at
/// 1), and the share of the fighting that goes on under the ceasefire is
/// the largest fighting share among the chosen options (a ceasefire on
/// energy strikes only leaves most of the war running).
struct ScenarioOption {
  std::string name;
  Rational breakdown_factor = 1;
  Rational fighting_share = 0;
};

enum class Track { ceasefire, settlement };

std::string_view to_string(Track track);

/// An issue: its options in order, the one that holds without a deal, and
/// the actors who must implement it (an issue whose controller undermines
/// the deal falls back to its status quo).
struct ScenarioIssue {
  std::string name;
  Track track = Track::settlement;
  std::vector<ScenarioOption> options;
  std::uint32_t status_quo = 0;
  std::vector<std::size_t> controllers;
};

/// A type an actor may privately be (its war flows differ), drawn by nature
/// before the first round with the given probability.
struct ActorType {
  std::string name;
  Rational probability;
  std::vector<Rational> war_flow;  // per war state
};

struct ScenarioActor {
  std::string name;
  bool belligerent = false, patron = false, guarantor = false;
  /// A ratifier (every deal needs its yes) or outside the table (it can
  /// only back or undermine the issues it controls, after the fact).
  bool at_table = true;
  Rational discount;  ///< delta in (0, 1)
  /// Flow utility of living under a package: sum over issues of
  /// salience[k] * option_value[k][option], option values in [0, 1].
  std::vector<Rational> salience;
  std::vector<std::vector<Rational>> option_value;
  /// Flow utility of a round of fighting in each war state.
  std::vector<Rational> war_flow;
  /// The actor's own odds of the war; none means the objective odds.
  std::optional<WarOdds> beliefs;
  /// Private types (none: the actor's type is common knowledge).
  std::vector<ActorType> types;
};

enum class ProtocolKind {
  ceasefire_first,  ///< the ceasefire track until a ceasefire holds, then the
                    ///< settlement track
  settlement_only,  ///< the settlement track only, fighting goes on (Istanbul)
  grand_bargain,    ///< one package over both tracks, all or nothing
  parallel          ///< both tracks open; a proposal covers either or both
};

enum class ProposerRule {
  mediator,     ///< one actor proposes every round
  alternating,  ///< the listed actors take turns, round by round
  random        ///< nature recognises a proposer each round
};

std::string_view to_string(ProtocolKind kind);
std::string_view to_string(ProposerRule rule);

struct Protocol {
  ProtocolKind kind = ProtocolKind::parallel;
  ProposerRule proposer = ProposerRule::alternating;
  /// mediator: one actor; alternating: the cycle; random: those recognised.
  std::vector<std::size_t> proposers;
  /// random: the probability of recognising each of `proposers`.
  std::vector<Rational> recognition;
  std::size_t rounds = 1;
};

struct Battlefield {
  std::vector<std::string> states;
  std::size_t initial = 0;
  WarOdds odds;      ///< the objective odds
  Rational aid = 0;  ///< the patrons' aid level in [0, 1]
};

/// A security guarantee: on a settlement whose `issue` is at option g, the
/// aggressor gets a chance to strike each round with probability
/// `strike_probability`; after a strike the guarantor intervenes (worth
/// stake[g] - intervention_cost to it) or abstains (0). It is credible iff
/// stake[g] >= intervention_cost; the aggressor strikes iff that pays: an
/// unanswered strike gains it `strike_gain` and costs the victim
/// `victim_loss`; a repelled one costs it `repelled_loss`.
struct Guarantee {
  std::size_t issue = 0;
  std::size_t guarantor = 0, aggressor = 0, victim = 0;
  Rational strike_probability, intervention_cost;
  std::vector<Rational> stake;  ///< per option of the issue
  Rational strike_gain, victim_loss, repelled_loss;
};

namespace detail {
/// Field paths as scenario files name them: `parent.member` and
/// `parent[index]` (the document itself is "").
std::string field_path(const std::string& parent, std::string_view member);
std::string element_path(const std::string& parent, std::size_t index);
}  // namespace detail

struct Scenario {
  std::string title, description;
  std::vector<ScenarioActor> actors;
  std::vector<ScenarioIssue> issues;
  Battlefield battlefield;
  /// Per-round breakdown probability of a ceasefire before its options'
  /// factors.
  Rational ceasefire_breakdown;
  Protocol protocol;
  std::vector<Guarantee> guarantees;
  /// Field path -> where its numbers come from ("assumption" or a source).
  std::map<std::string, std::string> sources;

  /// Throws ModelError naming the first field that is wrong
  /// ("actors[2].beliefs.without_aid[1]: the probabilities sum to 9/10,
  /// expected 1").
  void validate() const;
};

}  // namespace bargain
