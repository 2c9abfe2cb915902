// The two-track model at the size its target names: 4 actors, 10 issues of
// 2 to 4 options (3 on the ceasefire track, 7 on the settlement track), 8
// rounds, 3 war states, parallel tracks with random recognition, a patron
// outside the table controlling two issues and a guarantee; the dynamic
// programme must solve it exactly in under a second. Preferences come from
// a fixed seed; war is costly enough that deals are on the table.
#include <benchmark/benchmark.h>

#include <bargain/model/two_track.hpp>
#include <random>

namespace {

using namespace bargain;

Scenario target_scenario(unsigned seed) {
  std::mt19937 rng(seed);
  const auto unit = [&](int denominator) {
    return Rational(static_cast<int>(rng() % (denominator + 1)), denominator);
  };
  Scenario s;
  s.sources[""] = "assumption";
  s.battlefield.states = {"advance", "stalemate", "counteroffensive"};
  s.battlefield.odds.without_aid = {
      {Rational(6, 10), Rational(3, 10), Rational(1, 10)},
      {Rational(3, 10), Rational(5, 10), Rational(2, 10)},
      {Rational(2, 10), Rational(4, 10), Rational(4, 10)}};
  s.battlefield.initial = 1;
  s.ceasefire_breakdown = Rational(1, 5);
  const int options[] = {3, 2, 2, 4, 3, 2, 4, 3, 2, 3};
  for (int k = 0; k < 10; ++k) {
    ScenarioIssue issue{std::string("issue ") + std::to_string(k),
                        k < 3 ? Track::ceasefire : Track::settlement,
                        {},
                        0,
                        {}};
    for (int o = 0; o < options[k]; ++o)
      issue.options.push_back({std::string("option ") + std::to_string(o),
                               k < 3 ? Rational(1, 2 + o) : Rational(1),
                               k < 3 && o == 0 ? Rational(1) : Rational(0)});
    s.issues.push_back(std::move(issue));
  }
  s.issues[7].controllers = {3};  // the patron outside the table
  s.issues[8].controllers = {3};
  const Rational discounts[] = {Rational(95, 100), Rational(9, 10),
                                Rational(95, 100), Rational(9, 10)};
  for (int i = 0; i < 4; ++i) {
    ScenarioActor a;
    a.name = std::string("actor ") + std::to_string(i);
    a.at_table = i < 3;
    a.discount = discounts[i];
    for (const auto& issue : s.issues) {
      a.salience.push_back(unit(10));
      std::vector<Rational> values;
      for (std::size_t o = 0; o < issue.options.size(); ++o)
        values.push_back(unit(10));
      a.option_value.push_back(std::move(values));
    }
    a.war_flow = {unit(10) - 1, unit(10) - 1, unit(10) - 1};
    s.actors.push_back(std::move(a));
  }
  s.guarantees.push_back({4,
                          3,
                          0,
                          1,
                          Rational(1, 10),
                          Rational(1, 2),
                          {Rational(0), Rational(1, 4), Rational(1)},
                          Rational(1, 2),
                          Rational(1, 2),
                          Rational(1, 2)});
  s.protocol.kind = ProtocolKind::parallel;
  s.protocol.proposer = ProposerRule::random;
  s.protocol.proposers = {0, 1, 2, 3};
  s.protocol.recognition = {Rational(1, 4), Rational(1, 4), Rational(1, 4),
                            Rational(1, 4)};
  s.protocol.rounds = 8;
  s.validate();
  return s;
}

void two_track_dp_target(benchmark::State& state) {
  const Scenario s = target_scenario(20261125);
  std::uint64_t packages = 0;
  for (auto _ : state) {
    const auto solution = solve_two_track(s);
    packages = solution.path.front().choices.front().packages;
    benchmark::DoNotOptimize(solution.payoffs);
  }
  state.counters["packages_per_proposal"] = static_cast<double>(packages);
}
BENCHMARK(two_track_dp_target)->Unit(benchmark::kMillisecond);

}  // namespace
