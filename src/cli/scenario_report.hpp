// How `bargain solve SCENARIO.json` tells a solved scenario: the
// equilibrium path as a narrative (who proposes what, who accepts, what
// holds), the chances of agreement by round, the expected fighting, each
// actor's payoff and the credibility of each guarantee; or the same as
// JSON for programs.
#pragma once

#include <ostream>
#include <string>

#include "bargain/model/scenario.hpp"
#include "bargain/model/two_track.hpp"

namespace bargain::cli {

void print_scenario_report(std::ostream& out, const Scenario& scenario,
                           const TwoTrackSolution& solution, bool json,
                           const std::string& source);

/// `bargain zopa SCENARIO.json`: each round's ZOPA where play goes, with
/// its Pareto frontier (at most `max_rows` packages a proposer in the
/// table; all in JSON) and the proposer's choice.
void print_scenario_zopa(std::ostream& out, const Scenario& scenario,
                         const TwoTrackSolution& solution, bool json,
                         const std::string& source, std::size_t max_rows);

}  // namespace bargain::cli
