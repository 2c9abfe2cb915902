// Backward induction (one subgame-perfect equilibrium, verified as every
// solve is) on random perfect-information games, in double and exact.
// Items are nodes of the game.
#include <benchmark/benchmark.h>

#include <bargain/game/builder.hpp>
#include <bargain/solve/backward_induction.hpp>
#include <optional>

#include "random_tree.hpp"

namespace bargain::bench {
namespace {

// Google Benchmark calls a benchmark several times (to size its loop, then
// once per repetition): the last game built is kept, as an exact game of
// 10^7 nodes takes longer to build than to solve.
template <Scalar T>
const ExtensiveGame<T>& cached_game(const RandomTree& tree) {
  static const RandomTree* built_from = nullptr;
  static std::optional<ExtensiveGame<T>> game;
  if (built_from != &tree) {
    game.reset();
    game = build_game<T>(tree).freeze();
    built_from = &tree;
  }
  return *game;
}

template <Scalar T>
void backward_induction(benchmark::State& state) {
  const RandomTree& tree =
      cached_random_tree(static_cast<std::size_t>(state.range(0)));
  const ExtensiveGame<T>& game = cached_game<T>(tree);
  for (auto _ : state) {
    auto result = solve_backward_induction(game);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(tree.node_count()));
}

BENCHMARK_TEMPLATE(backward_induction, double)->Apply([](auto* b) {
  register_sizes(b, 10'000'000);
});
BENCHMARK_TEMPLATE(backward_induction, Rational)->Apply([](auto* b) {
  register_sizes(b, 10'000'000);
});

}  // namespace
}  // namespace bargain::bench
