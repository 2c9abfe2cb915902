// The bargaining layer at the sizes the targets name: the package ZOPA of 20
// binary issues and 6 actors (2^20 packages, exact), and the exact ZOPA
// polytope of 10 continuous issues and 6 actors with its cooperative
// solutions. Random spatial preferences from a fixed seed; every actor
// accepts roughly the better half of the space, so the ZOPA is neither
// empty nor everything.
#include <benchmark/benchmark.h>

#include <bargain/bargaining/package_zopa.hpp>
#include <bargain/bargaining/zopa.hpp>
#include <random>

namespace {

using namespace bargain;

struct Negotiation {
  IssueSpace space;
  std::vector<Actor> actors;
};

Negotiation random_negotiation(int issues, int actors, bool discrete,
                               unsigned seed) {
  std::mt19937 rng(seed);
  Negotiation n;
  const auto track = n.space.add_track("settlement");
  for (int i = 0; i < issues; ++i) {
    const std::string name = std::string("issue ") + std::to_string(i);
    n.space.add_issue(track,
                      discrete ? Issue::discrete(name, {{"no", 0}, {"yes", 1}})
                               : Issue::continuous(name, 0, 1));
  }
  for (int a = 0; a < actors; ++a) {
    std::vector<Rational> ideal, salience;
    Rational total = 0;
    for (int i = 0; i < issues; ++i) {
      ideal.emplace_back(static_cast<int>(rng() % 2));
      salience.emplace_back(static_cast<int>(1 + rng() % 10), 10);
      total += salience.back();
    }
    n.actors.push_back({std::string("actor ") + std::to_string(a),
                        Preference::spatial(std::move(ideal),
                                            std::move(salience), Loss::linear),
                        -total * Rational(3, 5)});
  }
  return n;
}

void package_zopa_binary(benchmark::State& state) {
  const auto n = random_negotiation(static_cast<int>(state.range(0)),
                                    static_cast<int>(state.range(1)), true, 1);
  std::size_t acceptable = 0;
  for (auto _ : state) {
    const auto zopa = package_zopa(n.space, n.actors);
    acceptable = zopa.packages.size();
    benchmark::DoNotOptimize(zopa);
  }
  state.counters["packages"] = static_cast<double>(n.space.package_count());
  state.counters["acceptable"] = static_cast<double>(acceptable);
  state.counters["packages/s"] =
      benchmark::Counter(static_cast<double>(n.space.package_count()),
                         benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(package_zopa_binary)
    ->Args({16, 6})
    ->Args({20, 6})
    ->Unit(benchmark::kMillisecond);

void polytope_zopa_continuous(benchmark::State& state) {
  const auto n = random_negotiation(static_cast<int>(state.range(0)),
                                    static_cast<int>(state.range(1)), false, 2);
  std::size_t vertices = 0;
  for (auto _ : state) {
    const auto zopa = polytope_zopa(n.space, n.actors);
    vertices = zopa.polytope.vertices().size();
    benchmark::DoNotOptimize(zopa);
  }
  state.counters["vertices"] = static_cast<double>(vertices);
}
BENCHMARK(polytope_zopa_continuous)
    ->Args({3, 6})
    ->Args({6, 6})
    ->Args({10, 6})
    ->Unit(benchmark::kMillisecond);

// Everything `bargain zopa` computes after the polytope: the utility set,
// its Pareto frontier and the four solutions.
void zopa_solutions(benchmark::State& state) {
  const auto n = random_negotiation(static_cast<int>(state.range(0)),
                                    static_cast<int>(state.range(1)), false, 2);
  const auto zopa = polytope_zopa(n.space, n.actors);
  for (auto _ : state) {
    const auto bargaining = zopa_bargaining(zopa, n.space, n.actors);
    benchmark::DoNotOptimize(pareto_frontier(bargaining.problem));
    benchmark::DoNotOptimize(nash_solution(bargaining.problem));
    benchmark::DoNotOptimize(kalai_smorodinsky_solution(bargaining.problem));
    benchmark::DoNotOptimize(egalitarian_solution(bargaining.problem));
    benchmark::DoNotOptimize(utilitarian_solution(bargaining.problem));
  }
  state.counters["points"] =
      static_cast<double>(zopa.polytope.vertices().size());
}
BENCHMARK(zopa_solutions)
    ->Args({2, 2})
    ->Args({3, 6})
    ->Args({6, 6})
    ->Unit(benchmark::kMillisecond);

}  // namespace
