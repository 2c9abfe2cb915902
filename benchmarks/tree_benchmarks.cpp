// Building and freezing random perfect-information games (random_tree.hpp)
// in double and exact payoffs. Items are nodes; "bytes/node" is what the
// frozen structure holds per node beyond payoffs (GameTree::memory_bytes).
#include <benchmark/benchmark.h>

#include <bargain/game/builder.hpp>
#include <utility>

#include "random_tree.hpp"

namespace bargain::bench {
namespace {

template <Scalar T>
void build(benchmark::State& state) {
  const RandomTree& tree =
      cached_random_tree(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto builder = build_game<T>(tree);
    benchmark::DoNotOptimize(builder);
    state.PauseTiming();
    { const auto discarded = std::move(builder); }
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(tree.node_count()));
}

// Runs `timed` on a fresh builder each iteration; `build_too` says whether
// building it counts.
template <Scalar T>
void freeze(benchmark::State& state, bool build_too) {
  const RandomTree& tree =
      cached_random_tree(static_cast<std::size_t>(state.range(0)));
  std::size_t tree_bytes = 0;
  for (auto _ : state) {
    if (!build_too) state.PauseTiming();
    auto builder = build_game<T>(tree);
    if (!build_too) state.ResumeTiming();
    auto game = std::move(builder).freeze();
    benchmark::DoNotOptimize(game);
    state.PauseTiming();
    tree_bytes = game.tree().memory_bytes();
    { const auto discarded = std::move(game); }
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(tree.node_count()));
  state.counters["bytes/node"] =
      static_cast<double>(tree_bytes) / static_cast<double>(tree.node_count());
}

template <Scalar T>
void freeze_only(benchmark::State& state) {
  freeze<T>(state, false);
}

template <Scalar T>
void build_and_freeze(benchmark::State& state) {
  freeze<T>(state, true);
}

constexpr std::size_t kLargest = 10'000'000;

BENCHMARK_TEMPLATE(build, double)->Apply([](auto* b) {
  register_sizes(b, kLargest);
});
BENCHMARK_TEMPLATE(build, Rational)->Apply([](auto* b) {
  register_sizes(b, kLargest);
});
BENCHMARK_TEMPLATE(freeze_only, double)->Apply([](auto* b) {
  register_sizes(b, kLargest);
});
BENCHMARK_TEMPLATE(freeze_only, Rational)->Apply([](auto* b) {
  register_sizes(b, kLargest);
});
BENCHMARK_TEMPLATE(build_and_freeze, double)->Apply([](auto* b) {
  register_sizes(b, kLargest);
});
BENCHMARK_TEMPLATE(build_and_freeze, Rational)->Apply([](auto* b) {
  register_sizes(b, kLargest);
});

}  // namespace
}  // namespace bargain::bench
