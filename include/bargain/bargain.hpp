// The whole library in one include. Each header below holds one idea and can
// be included alone.
#pragma once

#include "bargain/error.hpp"
#include "bargain/numeric.hpp"

#include "bargain/game/builder.hpp"
#include "bargain/game/graph.hpp"
#include "bargain/game/profile.hpp"
#include "bargain/game/sequence_form.hpp"
#include "bargain/game/strategic.hpp"
#include "bargain/game/subgames.hpp"
#include "bargain/game/tree.hpp"

#include "bargain/games/poker.hpp"

#include "bargain/solve/backward_induction.hpp"
#include "bargain/solve/best_response.hpp"
#include "bargain/solve/evaluate.hpp"
#include "bargain/solve/exact_lp.hpp"
#include "bargain/solve/lcp.hpp"
#include "bargain/solve/linear_program.hpp"
#include "bargain/solve/result.hpp"
#include "bargain/solve/sequence_lemke.hpp"
#include "bargain/solve/sequence_lp.hpp"
#include "bargain/solve/subgame_perfect.hpp"
#include "bargain/solve/verify.hpp"

#include "bargain/bargaining/baron_ferejohn.hpp"
#include "bargain/bargaining/cheap_talk.hpp"
#include "bargain/bargaining/interval.hpp"
#include "bargain/bargaining/issues.hpp"
#include "bargain/bargaining/package_zopa.hpp"
#include "bargain/bargaining/polytope.hpp"
#include "bargain/bargaining/preferences.hpp"
#include "bargain/bargaining/rubinstein.hpp"
#include "bargain/bargaining/screening.hpp"
#include "bargain/bargaining/solutions.hpp"
#include "bargain/bargaining/threshold.hpp"
#include "bargain/bargaining/war.hpp"
#include "bargain/bargaining/zopa.hpp"

#include "bargain/io/dot.hpp"
#include "bargain/io/efg.hpp"
#include "bargain/io/gambit_profile.hpp"
#include "bargain/io/json.hpp"
#include "bargain/io/negotiation_json.hpp"
#include "bargain/io/nfg.hpp"
#include "bargain/io/scenario_json.hpp"

#include "bargain/model/scenario.hpp"
#include "bargain/model/two_track.hpp"
#include "bargain/model/two_track_game.hpp"
