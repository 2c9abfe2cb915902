#include "random_bayesian.hpp"

#include <bargain/game/builder.hpp>
#include <functional>
#include <map>
#include <random>

namespace bargain::bench {

template <Scalar T>
ExtensiveGame<T> random_bayesian_game(int types, int stages, int a, int b,
                                      bool zero_sum, std::uint64_t seed) {
  GameBuilder<T> builder("imp " + std::to_string(types) + " " +
                         std::to_string(stages) + " " + std::to_string(a) +
                         " " + std::to_string(b));
  const PlayerId first = builder.add_player("1");
  const PlayerId second = builder.add_player("2");
  std::vector<std::string> type_labels, first_labels, second_labels;
  for (int t = 0; t < types; ++t)
    type_labels.push_back("t" + std::to_string(t));
  for (int i = 0; i < a; ++i) first_labels.push_back("a" + std::to_string(i));
  for (int i = 0; i < b; ++i) second_labels.push_back("b" + std::to_string(i));
  const auto first_actions = builder.add_action_set(first_labels);
  const auto second_actions = builder.add_action_set(second_labels);
  std::map<std::string, InfosetId> sets;
  const auto set = [&](PlayerId p, const std::string& key) {
    const auto [it, added] = sets.try_emplace(std::to_string(p) + key, 0);
    if (added)
      it->second = builder.add_infoset(
          p, key, p == first ? first_actions : second_actions);
    return it->second;
  };
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> payoff(0, 99);
  // history: the actions of earlier stages, both players'.
  std::function<void(NodeId, int, int, const std::string&)> stage =
      [&](NodeId node, int type, int k, const std::string& history) {
        if (k == stages) {
          const int u = payoff(rng);
          builder.set_outcome(
              node,
              builder.add_outcome("", {T(u), T(zero_sum ? -u : payoff(rng))}));
          return;
        }
        const auto moves = builder.move(
            node, set(first, "t" + std::to_string(type) + history));
        for (int i = 0; i < a; ++i) {
          const auto replies = builder.move(moves[i], set(second, history));
          for (int j = 0; j < b; ++j)
            stage(replies[j], type, k + 1,
                  history + "|" + std::to_string(i) + std::to_string(j));
        }
      };
  const auto dealt = builder.move(
      builder.root(),
      builder.add_chance_infoset("type", builder.add_action_set(type_labels),
                                 std::vector<T>(types, T(1) / T(types))));
  for (int t = 0; t < types; ++t) stage(dealt[t], t, 0, "");
  return std::move(builder).freeze();
}

template ExtensiveGame<double> random_bayesian_game(int, int, int, int, bool,
                                                    std::uint64_t);
template ExtensiveGame<Rational> random_bayesian_game(int, int, int, int, bool,
                                                      std::uint64_t);

}  // namespace bargain::bench
