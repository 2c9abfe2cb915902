// Reading a random perfect-information game from an .efg file written line
// for line as gen_efg.py writes it: the figure Gambit's
// generated-parse-timings.csv gives for its own reader.
#include <benchmark/benchmark.h>

#include <bargain/io/efg.hpp>
#include <filesystem>
#include <fstream>

#include "random_tree.hpp"

namespace bargain::bench {
namespace {

void read_efg_file(benchmark::State& state) {
  const RandomTree& tree =
      cached_random_tree(static_cast<std::size_t>(state.range(0)));
  const auto path =
      std::filesystem::temp_directory_path() /
      ("bargain_benchmark_pi_" + std::to_string(tree.node_count()) + ".efg");
  {
    const std::string text = to_efg_text(tree);
    std::ofstream(path, std::ios::binary) << text;
    state.counters["file_MB"] = static_cast<double>(text.size()) / 1e6;
  }
  for (auto _ : state) {
    auto game = bargain::read_efg_file(path);
    benchmark::DoNotOptimize(game);
  }
  std::filesystem::remove(path);
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(tree.node_count()));
}

BENCHMARK(read_efg_file)->Apply([](auto* b) { register_sizes(b, 1'000'000); });

}  // namespace
}  // namespace bargain::bench
