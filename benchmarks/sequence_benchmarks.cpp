// Imperfect-information solvers: sequence-form Lemke and LP on Kuhn and
// Leduc poker and on random Bayesian games of growing size, exact and
// double. Each benchmark times one whole solve, verification included.
#include <benchmark/benchmark.h>

#include <bargain/games/poker.hpp>
#include <bargain/solve/sequence_lemke.hpp>
#include <bargain/solve/sequence_lp.hpp>

#include "random_bayesian.hpp"

namespace {

using namespace bargain;

template <Scalar T, class Solve>
void solve_game(benchmark::State& state, const ExtensiveGame<T>& game,
                Solve solve) {
  for (auto _ : state) benchmark::DoNotOptimize(solve(game));
  state.counters["nodes"] = static_cast<double>(game.tree().node_count());
}

template <Scalar T>
void kuhn_lemke(benchmark::State& state) {
  static const auto game = kuhn_poker<T>();
  solve_game(state, game,
             [](const auto& g) { return solve_sequence_lemke(g); });
}
template <Scalar T>
void kuhn_lp(benchmark::State& state) {
  static const auto game = kuhn_poker<T>();
  solve_game(state, game, [](const auto& g) { return solve_sequence_lp(g); });
}
template <Scalar T>
void leduc_lp(benchmark::State& state) {
  static const auto game = leduc_poker<T>();
  solve_game(state, game, [](const auto& g) { return solve_sequence_lp(g); });
}

// imp 2 K 2 2 for K = range(0): 63, 255, 1023, 4095 nodes.
template <Scalar T>
void random_lemke(benchmark::State& state) {
  const auto game = bench::random_bayesian_game<T>(
      2, static_cast<int>(state.range(0)), 2, 2, false);
  solve_game(state, game,
             [](const auto& g) { return solve_sequence_lemke(g); });
}
template <Scalar T>
void random_zero_sum_lp(benchmark::State& state) {
  const auto game = bench::random_bayesian_game<T>(
      2, static_cast<int>(state.range(0)), 2, 2, true);
  solve_game(state, game, [](const auto& g) { return solve_sequence_lp(g); });
}

void in_ms(benchmark::internal::Benchmark* b) {
  b->Unit(benchmark::kMillisecond)->UseRealTime();
}

}  // namespace

BENCHMARK_TEMPLATE(kuhn_lemke, double)->Apply(in_ms);
BENCHMARK_TEMPLATE(kuhn_lemke, Rational)->Apply(in_ms);
BENCHMARK_TEMPLATE(kuhn_lp, double)->Apply(in_ms);
BENCHMARK_TEMPLATE(kuhn_lp, Rational)->Apply(in_ms);
BENCHMARK_TEMPLATE(leduc_lp, double)->Apply(in_ms);
BENCHMARK_TEMPLATE(leduc_lp, Rational)->Apply(in_ms);
BENCHMARK_TEMPLATE(random_lemke, double)->DenseRange(2, 5)->Apply(in_ms);
BENCHMARK_TEMPLATE(random_lemke, Rational)->DenseRange(2, 5)->Apply(in_ms);
BENCHMARK_TEMPLATE(random_zero_sum_lp, double)->DenseRange(2, 6)->Apply(in_ms);
BENCHMARK_TEMPLATE(random_zero_sum_lp, Rational)
    ->DenseRange(2, 6)
    ->Apply(in_ms);
