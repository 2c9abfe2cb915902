// Comparative statics of the two-track model: move one number of a scenario
// (named by its field path, as in the file) and watch the equilibrium move;
// or find, exactly, where the first round's outcome changes.
//
//   const auto points = sweep(scenario, "battlefield.aid", 0, 1, 11);
//   const auto change = outcome_threshold(scenario, "battlefield.aid", 0, 1);
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "bargain/bargaining/threshold.hpp"
#include "bargain/model/scenario.hpp"
#include "bargain/model/two_track.hpp"

namespace bargain {

/// Sets the number at `path` ("battlefield.aid", "ceasefire.breakdown",
/// "actors[1].discount", "actors[0].war_flow.stalemate",
/// "actors[2].salience.sanctions", "guarantees[0].intervention_cost",
/// "guarantees[0].stake.Article-5-like", "protocol.recognition[1]", ...).
/// Throws ModelError naming the path when it names no number.
void set_parameter(Scenario& scenario, std::string_view path,
                   const Rational& value);

/// One point of a sweep.
struct SweepPoint {
  Rational value;
  TwoTrackSolution solution;
};

/// Solves the scenario at `steps` evenly spaced values from `from` to `to`
/// (inclusive), on `threads` threads (0: every core); `progress` is called
/// with the number of points done. Results are in order whatever the
/// threads.
std::vector<SweepPoint> sweep(
    const Scenario& scenario, std::string_view path, const Rational& from,
    const Rational& to, std::size_t steps, std::size_t threads = 0,
    const std::function<void(std::size_t)>& progress = {});

/// What happens in the first round on the equilibrium path, in words
/// ("settlement: sanctions = lifted, ...", "ceasefire: ...", "no deal"),
/// for every proposer who may be recognised: the regime a threshold search
/// watches.
std::string first_round_outcome(const Scenario& scenario,
                                const TwoTrackSolution& solution);

/// The exact parameter value (or an exact bracket no wider than
/// `tolerance`) where the first round's outcome changes between `lo` and
/// `hi`.
RegimeChange<std::string> outcome_threshold(const Scenario& scenario,
                                            std::string_view path,
                                            const Rational& lo,
                                            const Rational& hi,
                                            const Rational& tolerance);

}  // namespace bargain
