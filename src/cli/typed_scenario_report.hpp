// How `bargain solve SCENARIO.json` tells a scenario with private types,
// solved on its game tree: for each draw of the types, the opening offers
// (stated positions), whether they are accepted, the chances of settlement
// by round and the deals reached; for each actor and type, the value of
// the opening offer to it against its reservation value; each actor's
// payoff and the verification of the equilibrium. Table or JSON.
#pragma once

#include <ostream>
#include <string>

#include "bargain/game/tree.hpp"
#include "bargain/model/scenario.hpp"
#include "bargain/solve/result.hpp"

namespace bargain::cli {

void print_typed_scenario_report(std::ostream& out, const Scenario& scenario,
                                 const ExtensiveGame<Rational>& game,
                                 const SolveResult<Rational>& result, bool json,
                                 const std::string& source);

}  // namespace bargain::cli
