// Random two-player Bayesian games of the family gen_efg.py's `imp` draws
// (shared/peers/gambit/gen_efg.py): chance picks one of T types for player
// 1, then K stages in each of which player 1 (who sees its type and all
// history) picks one of A actions and player 2 one of B without seeing the
// type or player 1's move of that stage. Integer payoffs 0..99, or zero-sum.
// Same shape and size as Gambit's timings were taken on; the payoffs are
// drawn with another generator, so the games are alike, not equal.
#pragma once

#include <bargain/game/tree.hpp>
#include <cstdint>

namespace bargain::bench {

template <Scalar T>
ExtensiveGame<T> random_bayesian_game(int types, int stages, int a, int b,
                                      bool zero_sum,
                                      std::uint64_t seed = 12345);

}  // namespace bargain::bench
