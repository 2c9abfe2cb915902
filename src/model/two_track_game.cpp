#include "bargain/model/two_track_game.hpp"

#include <limits>
#include <map>
#include <tuple>

#include "bargain/error.hpp"
#include "rules.hpp"

namespace bargain {

namespace {

using detail::Model;
using detail::Options;
using detail::Outcome;
using Values = std::vector<Rational>;

constexpr std::uint64_t kSaturated = std::numeric_limits<std::uint64_t>::max();

std::uint64_t add(std::uint64_t a, std::uint64_t b) {
  return a > kSaturated - b ? kSaturated : a + b;
}

std::uint64_t times(std::uint64_t a, std::uint64_t b) {
  return b != 0 && a > kSaturated / b ? kSaturated : a * b;
}

// The packages of a scope, each as the full package in force.
std::vector<Options> packages(const Model& m, Scope scope, std::size_t regime) {
  std::vector<Options> out;
  Options x = m.base(regime);
  for (const auto k : m.issues_of(scope)) x[k] = 0;
  do out.push_back(x);
  while (m.next_package(scope, x));
  return out;
}

// Node counts of the subtrees, by the same recursion the builder follows.
class Counter {
 public:
  explicit Counter(const Model& m) : m_(m) {}

  std::uint64_t round(std::size_t t, std::size_t s, std::size_t r) {
    const std::size_t T = m_.scenario().protocol.rounds;
    if (t > T) return 1;  // a leaf paying the tail
    const auto key = std::make_tuple(t, s, r);
    if (const auto it = memo_.find(key); it != memo_.end()) return it->second;
    const auto proposers = m_.proposers(t);
    std::uint64_t total = proposers.size() > 1 ? 1 : 0;  // recognition
    for (const auto& [p, weight] : proposers) {
      std::uint64_t choice = 1;  // the proposer's node
      const std::uint64_t no_deal = continuation(t, s, r);
      std::size_t ratifiers = 0;
      for (std::size_t j = 0; j < m_.actors(); ++j)
        ratifiers += j != p && m_.scenario().actors[j].at_table;
      for (const Scope scope : m_.open_scopes(r)) {
        const auto controllers = m_.controllers(scope);
        for (const auto& x : packages(m_, scope, r)) {
          // Ratifiers in turn: each node, and a rejection's no-deal subtree.
          choice = add(choice, times(ratifiers, add(1, no_deal)));
          choice = add(choice, backing(scope, x, controllers, 0, {}, t, s, r));
        }
      }
      choice = add(choice, no_deal);  // pass
      total = add(total, choice);
    }
    memo_[key] = total;
    return total;
  }

 private:
  std::uint64_t backing(Scope scope, const Options& x,
                        const std::vector<std::size_t>& controllers,
                        std::size_t index, std::vector<std::size_t> underminers,
                        std::size_t t, std::size_t s, std::size_t r) {
    if (index == controllers.size()) {
      const Outcome o = m_.outcome(scope, x, underminers);
      if (o.kind == Outcome::settlement) return 1;
      return continuation(t, s, o.kind == Outcome::ceasefire ? o.regime : r);
    }
    std::uint64_t total =
        add(1, backing(scope, x, controllers, index + 1, underminers, t, s, r));
    underminers.push_back(controllers[index]);
    return add(total,
               backing(scope, x, controllers, index + 1, underminers, t, s, r));
  }

  // Nature's node after a round without settlement, and what follows.
  std::uint64_t continuation(std::size_t t, std::size_t s, std::size_t r) {
    std::uint64_t total = 1;
    if (r == 0) {
      for (std::size_t s2 = 0; s2 < m_.states(); ++s2)
        total = add(total, round(t + 1, s2, 0));
    } else {
      total = add(total, add(round(t + 1, s, r), round(t + 1, s, 0)));
    }
    return total;
  }

  const Model& m_;
  std::map<std::tuple<std::size_t, std::size_t, std::size_t>, std::uint64_t>
      memo_;
};

// Builds the tree depth first, carrying each actor's discounted payoff so
// far and its discount factor to date.
class Builder {
 public:
  explicit Builder(const Model& m) : m_(m), sc_(m.scenario()), b_(sc_.title) {
    for (const auto& a : sc_.actors) b_.add_player(a.name);
    respond_ = b_.add_action_set({"accept", "reject"});
    back_ = b_.add_action_set({"back", "undermine"});
    for (std::size_t i = 0; i < sc_.actors.size(); ++i)
      war_tail_.push_back(m.war_tail(i, m.beliefs(i)));
  }

  ExtensiveGame<Rational> build() && {
    const std::size_t n = sc_.actors.size();
    round(b_.root(), 1, sc_.battlefield.initial, 0, Values(n, Rational(0)),
          Values(n, Rational(1)));
    return std::move(b_).freeze();
  }

 private:
  void leaf(NodeId node, const Values& payoff) {
    b_.set_outcome(node, b_.add_outcome("", payoff));
  }

  void round(NodeId node, std::size_t t, std::size_t s, std::size_t r,
             const Values& paid, const Values& discount) {
    const std::size_t n = sc_.actors.size();
    if (t > sc_.protocol.rounds) {
      Values payoff = paid;
      for (std::size_t i = 0; i < n; ++i)
        payoff[i] += discount[i] *
                     (r == 0 ? war_tail_[i][s]
                             : m_.ceasefire_tail(i, s, r, war_tail_[i][s]));
      leaf(node, payoff);
      return;
    }
    const auto proposers = m_.proposers(t);
    if (proposers.size() > 1) {
      std::vector<std::string> labels;
      std::vector<Rational> probabilities;
      for (const auto& [p, weight] : proposers) {
        labels.push_back(sc_.actors[p].name + " proposes");
        probabilities.push_back(weight);
      }
      const auto children = b_.move(
          node,
          b_.add_chance_infoset("recognition, round " + std::to_string(t),
                                b_.add_action_set(labels), probabilities));
      for (std::size_t k = 0; k < proposers.size(); ++k)
        proposal(children[k], proposers[k].first, t, s, r, paid, discount);
      return;
    }
    proposal(node, proposers.front().first, t, s, r, paid, discount);
  }

  void proposal(NodeId node, std::size_t proposer, std::size_t t, std::size_t s,
                std::size_t r, const Values& paid, const Values& discount) {
    std::vector<std::string> labels;
    std::vector<std::pair<Scope, Options>> moves;
    for (const Scope scope : m_.open_scopes(r))
      for (auto& x : packages(m_, scope, r)) {
        labels.push_back(std::string(to_string(scope)) + " " + describe(x));
        moves.emplace_back(scope, std::move(x));
      }
    labels.push_back("pass");
    const auto children =
        b_.move(node, b_.add_infoset(static_cast<PlayerId>(proposer), "",
                                     b_.add_action_set(labels)));
    for (std::size_t k = 0; k < moves.size(); ++k) {
      std::vector<std::size_t> ratifiers;
      for (std::size_t j = 0; j < sc_.actors.size(); ++j)
        if (j != proposer && sc_.actors[j].at_table) ratifiers.push_back(j);
      ratify(children[k], moves[k].first, moves[k].second, ratifiers, 0, t, s,
             r, paid, discount);
    }
    no_deal(children[moves.size()], t, s, r, paid, discount);
  }

  void ratify(NodeId node, Scope scope, const Options& x,
              const std::vector<std::size_t>& ratifiers, std::size_t index,
              std::size_t t, std::size_t s, std::size_t r, const Values& paid,
              const Values& discount) {
    if (index == ratifiers.size()) {
      backing(node, scope, x, m_.controllers(scope), 0, {}, t, s, r, paid,
              discount);
      return;
    }
    const auto answer = b_.move(
        node,
        b_.add_infoset(static_cast<PlayerId>(ratifiers[index]), "", respond_));
    ratify(answer[0], scope, x, ratifiers, index + 1, t, s, r, paid, discount);
    no_deal(answer[1], t, s, r, paid, discount);
  }

  void backing(NodeId node, Scope scope, const Options& x,
               const std::vector<std::size_t>& controllers, std::size_t index,
               std::vector<std::size_t> underminers, std::size_t t,
               std::size_t s, std::size_t r, const Values& paid,
               const Values& discount) {
    if (index == controllers.size()) {
      const Outcome o = m_.outcome(scope, x, underminers);
      if (o.kind == Outcome::settlement) {
        Values payoff = paid;
        for (std::size_t i = 0; i < payoff.size(); ++i)
          payoff[i] += discount[i] * m_.settlement(i, o.package);
        leaf(node, payoff);
        return;
      }
      continuation(node, t, s, o.kind == Outcome::ceasefire ? o.regime : r,
                   paid, discount);
      return;
    }
    const auto choice = b_.move(
        node,
        b_.add_infoset(static_cast<PlayerId>(controllers[index]), "", back_));
    backing(choice[0], scope, x, controllers, index + 1, underminers, t, s, r,
            paid, discount);
    underminers.push_back(controllers[index]);
    backing(choice[1], scope, x, controllers, index + 1, underminers, t, s, r,
            paid, discount);
  }

  void no_deal(NodeId node, std::size_t t, std::size_t s, std::size_t r,
               const Values& paid, const Values& discount) {
    continuation(node, t, s, r, paid, discount);
  }

  // The round's flow under regime r, then nature: the war moves (each actor
  // with its own odds), or the ceasefire survives or breaks.
  void continuation(NodeId node, std::size_t t, std::size_t s, std::size_t r,
                    Values paid, Values discount) {
    for (std::size_t i = 0; i < paid.size(); ++i) {
      paid[i] += discount[i] * m_.flow(i, s, r);
      discount[i] *= sc_.actors[i].discount;
    }
    const auto& states = sc_.battlefield.states;
    if (r == 0) {
      std::vector<std::string> labels;
      for (const auto& name : states) labels.push_back(name);
      const auto set =
          b_.add_chance_infoset("war, round " + std::to_string(t),
                                b_.add_action_set(labels), m_.objective()[s]);
      for (std::size_t i = 0; i < sc_.actors.size(); ++i)
        if (sc_.actors[i].beliefs)
          b_.set_beliefs(static_cast<PlayerId>(i), set, m_.beliefs(i)[s]);
      const auto children = b_.move(node, set);
      for (std::size_t s2 = 0; s2 < states.size(); ++s2)
        round(children[s2], t + 1, s2, 0, paid, discount);
      return;
    }
    const Rational beta = m_.breakdown(r);
    const auto children = b_.move(
        node, b_.add_chance_infoset("ceasefire, round " + std::to_string(t),
                                    b_.add_action_set({"holds", "breaks down"}),
                                    {1 - beta, beta}));
    round(children[0], t + 1, s, r, paid, discount);
    round(children[1], t + 1, s, 0, paid, discount);
  }

  std::string describe(const Options& x) const {
    std::string out;
    for (std::size_t k = 0; k < x.size(); ++k) {
      if (!out.empty()) out += ", ";
      out += sc_.issues[k].name + " = " + sc_.issues[k].options[x[k]].name;
    }
    return out;
  }

  const Model& m_;
  const Scenario& sc_;
  GameBuilder<Rational> b_;
  ActionSetId respond_ = 0, back_ = 0;
  std::vector<Values> war_tail_;
};

void require_complete_information(const Scenario& scenario) {
  for (std::size_t i = 0; i < scenario.actors.size(); ++i)
    if (!scenario.actors[i].types.empty())
      throw ModelError("actors[" + std::to_string(i) +
                       "].types: the game tree of private types is not built "
                       "yet; expected a scenario without types");
}

}  // namespace

std::uint64_t two_track_game_nodes(const Scenario& scenario) {
  scenario.validate();
  require_complete_information(scenario);
  const Model model(scenario);
  return Counter(model).round(1, scenario.battlefield.initial, 0);
}

ExtensiveGame<Rational> two_track_game(const Scenario& scenario,
                                       std::uint64_t max_nodes) {
  const std::uint64_t nodes = two_track_game_nodes(scenario);
  if (nodes > max_nodes)
    throw LimitError("the scenario's game tree would have " +
                     (nodes == kSaturated ? std::string("more than 2^64")
                                          : std::to_string(nodes)) +
                     " nodes, above the limit of " + std::to_string(max_nodes) +
                     "; solve it with the dynamic programme instead");
  const Model model(scenario);
  return Builder(model).build();
}

}  // namespace bargain
