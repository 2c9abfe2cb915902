// The two-track negotiation solved by dynamic programming over its states
// (round, war state, ceasefire in force), backward from the last round
// (docs/model.md). At each proposal the proposer picks its best package
// among those every ratifier accepts, anticipating the backing decisions
// of the issues' controllers and the guarantee subgame; each actor values
// the future under its own beliefs. Complete information only: a scenario
// with private types goes to the game tree and the sequence-form solvers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "bargain/model/scenario.hpp"

namespace bargain {

/// Which issues a proposal covers: the ceasefire track, the settlement
/// track, or both (a linked package).
enum class Scope { ceasefire, settlement, linked };

std::string_view to_string(Scope scope);

/// A package of a round's ZOPA: what is proposed, what holds once backed,
/// and its value to each actor (under the actor's own beliefs).
struct ZopaPackage {
  Scope scope = Scope::settlement;
  std::vector<std::uint32_t> proposal, backed;
  std::vector<Rational> values;
};

/// What one proposer does in one state.
struct ProposalChoice {
  std::size_t proposer = 0;
  bool passes = true;
  Scope scope = Scope::settlement;
  /// The option of every issue proposed (status quo on issues outside the
  /// scope) and, once backed, what holds (undermined issues at status quo).
  std::vector<std::uint32_t> proposal, backed;
  bool accepted = false;
  /// Actors who undermined the accepted package.
  std::vector<std::size_t> underminers;
  /// How many packages of the open scopes every ratifier would accept and
  /// the proposer, if at the table, prefers to no deal: the round's ZOPA
  /// (a ceasefire that its backers leave at status quo is no deal, and
  /// not counted).
  std::uint64_t zopa_size = 0;
  std::uint64_t packages = 0;  ///< how many were open
  /// The ZOPA's Pareto frontier for the actors whose yes it needs (those
  /// at the table and the proposer): its packages that no other gives each
  /// of them as much and one more. Filled in the states play reaches.
  std::vector<ZopaPackage> zopa_frontier;
};

/// A state of the negotiation before its round's proposer is known.
struct TwoTrackState {
  std::size_t round = 1;  ///< 1-based
  std::size_t war_state = 0;
  /// The ceasefire in force (options of the ceasefire issues), if any.
  std::optional<std::vector<std::uint32_t>> ceasefire;

  friend bool operator==(const TwoTrackState&, const TwoTrackState&) = default;
};

/// The equilibrium of a scenario: every state's choices and the values.
struct TwoTrackSolution {
  /// Each actor's expected payoff from the first round, under its own
  /// beliefs and under the objective odds.
  std::vector<Rational> payoffs, objective_payoffs;
  /// Probability (objective odds) that a settlement is agreed in round t
  /// (index t - 1), and that none is by the end of the last round.
  std::vector<Rational> settlement_by_round;
  Rational no_settlement;
  /// Probability that the first ceasefire is agreed in round t.
  std::vector<Rational> ceasefire_by_round;
  /// Expected rounds of fighting within the horizon (objective odds).
  Rational expected_war_rounds;
  /// Every state reachable from the start with positive objective
  /// probability, with its probability and the choice of each possible
  /// proposer there.
  struct Visit {
    TwoTrackState state;
    Rational probability;
    std::vector<ProposalChoice> choices;
  };
  std::vector<Visit> path;
};

/// Solves a scenario without private types exactly. Throws ModelError if
/// it has types, LimitError if the states times packages to examine exceed
/// `max_work`.
TwoTrackSolution solve_two_track(const Scenario& scenario,
                                 std::uint64_t max_work = 200'000'000);

}  // namespace bargain
