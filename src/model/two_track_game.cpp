#include "bargain/model/two_track_game.hpp"

#include <algorithm>
#include <iomanip>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <tuple>

#include "bargain/error.hpp"
#include "bargain/solve/evaluate.hpp"
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

// Labels that two_track_play reads back: recognition sets (not nature's
// moves between rounds) and the leaves of settlements.
constexpr std::string_view kRecognition = "recognition",
                           kSettled = "settlement";

// Builds the tree depth first, carrying each actor's discounted payoff so
// far and its discount factor to date. Nature first draws the types; the
// negotiation below each draw is built by one recursion with that draw's
// model, so the k-th decision below every draw has the same public
// history, and an actor's information set there is told apart by its own
// type alone.
class Builder {
 public:
  explicit Builder(const Scenario& sc) : sc_(sc), b_(sc_.title) {
    for (const auto& a : sc_.actors) b_.add_player(a.name);
    respond_ = b_.add_action_set({"accept", "reject"});
    back_ = b_.add_action_set({"back", "undermine"});
    for (std::size_t k = 0; k < sc_.issues.size(); ++k)
      all_issues_.push_back(k);
  }

  ExtensiveGame<Rational> build() && {
    std::vector<std::size_t> types(sc_.actors.size(), 0);
    draw(b_.root(), 0, types);
    return std::move(b_).freeze();
  }

 private:
  // Nature draws the type of each typed actor from `i` on, then the
  // negotiation under the draw.
  void draw(NodeId node, std::size_t i, std::vector<std::size_t>& types) {
    while (i < sc_.actors.size() && sc_.actors[i].types.empty()) ++i;
    if (i == sc_.actors.size()) {
      m_.emplace(sc_, types);
      types_ = types;
      slot_ = 0;
      war_tail_.clear();
      for (std::size_t j = 0; j < sc_.actors.size(); ++j)
        war_tail_.push_back(m_->war_tail(j, m_->beliefs(j)));
      const std::size_t n = sc_.actors.size();
      round(node, 1, sc_.battlefield.initial, 0, Values(n, Rational(0)),
            Values(n, Rational(1)));
      return;
    }
    std::vector<std::string> labels;
    std::vector<Rational> probabilities;
    for (const auto& type : sc_.actors[i].types) {
      labels.push_back(type.name);
      probabilities.push_back(type.probability);
    }
    const auto children = b_.move(
        node, b_.add_chance_infoset("type of " + sc_.actors[i].name,
                                    b_.add_action_set(labels), probabilities));
    for (std::size_t k = 0; k < labels.size(); ++k) {
      types[i] = k;
      draw(children[k], i + 1, types);
    }
    types[i] = 0;
  }

  // The information set of the next decision, `actor`'s: one per type of
  // the actor at each public history, made under the first draw.
  InfosetId decision(std::size_t actor, ActionSetId actions) {
    const auto& types = sc_.actors[actor].types;
    const std::size_t count = types.empty() ? 1 : types.size();
    if (slot_ == sets_.size())
      for (std::size_t k = 0; k < count; ++k)
        sets_.push_back(b_.add_infoset(static_cast<PlayerId>(actor),
                                       types.empty() ? "" : types[k].name,
                                       actions));
    const InfosetId set = sets_[slot_ + types_[actor]];
    slot_ += count;
    return set;
  }

  void leaf(NodeId node, const std::string& label, const Values& payoff) {
    b_.set_outcome(node, b_.add_outcome(label, payoff));
  }

  void round(NodeId node, std::size_t t, std::size_t s, std::size_t r,
             const Values& paid, const Values& discount) {
    const std::size_t n = sc_.actors.size();
    if (t > sc_.protocol.rounds) {
      Values payoff = paid;
      for (std::size_t i = 0; i < n; ++i)
        payoff[i] += discount[i] *
                     (r == 0 ? war_tail_[i][s]
                             : m_->ceasefire_tail(i, s, r, war_tail_[i][s]));
      leaf(node,
           r == 0 ? "no settlement, war"
                  : "no settlement, ceasefire " +
                        describe(m_->base(r), m_->issues_of(Scope::ceasefire)),
           payoff);
      return;
    }
    const auto proposers = m_->proposers(t);
    if (proposers.size() > 1) {
      std::vector<std::string> labels;
      std::vector<Rational> probabilities;
      for (const auto& [p, weight] : proposers) {
        labels.push_back(sc_.actors[p].name + " proposes");
        probabilities.push_back(weight);
      }
      const auto children = b_.move(
          node, b_.add_chance_infoset(
                    std::string(kRecognition) + ", round " + std::to_string(t),
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
    for (const Scope scope : m_->open_scopes(r))
      for (auto& x : packages(*m_, scope, r)) {
        labels.push_back(std::string(to_string(scope)) + " " +
                         describe(x, all_issues_));
        moves.emplace_back(scope, std::move(x));
      }
    labels.push_back("pass");
    const auto children =
        b_.move(node, decision(proposer, b_.add_action_set(labels)));
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
      backing(node, scope, x, m_->controllers(scope), 0, {}, t, s, r, paid,
              discount);
      return;
    }
    const auto answer = b_.move(node, decision(ratifiers[index], respond_));
    ratify(answer[0], scope, x, ratifiers, index + 1, t, s, r, paid, discount);
    no_deal(answer[1], t, s, r, paid, discount);
  }

  void backing(NodeId node, Scope scope, const Options& x,
               const std::vector<std::size_t>& controllers, std::size_t index,
               std::vector<std::size_t> underminers, std::size_t t,
               std::size_t s, std::size_t r, const Values& paid,
               const Values& discount) {
    if (index == controllers.size()) {
      const Outcome o = m_->outcome(scope, x, underminers);
      if (o.kind == Outcome::settlement) {
        Values payoff = paid;
        for (std::size_t i = 0; i < payoff.size(); ++i)
          payoff[i] += discount[i] * m_->settlement(i, o.package);
        leaf(node,
             std::string(kSettled) + ": " + describe(o.package, all_issues_),
             payoff);
        return;
      }
      continuation(node, t, s, o.kind == Outcome::ceasefire ? o.regime : r,
                   paid, discount);
      return;
    }
    const auto choice = b_.move(node, decision(controllers[index], back_));
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
      paid[i] += discount[i] * m_->flow(i, s, r);
      discount[i] *= sc_.actors[i].discount;
    }
    const auto& states = sc_.battlefield.states;
    if (r == 0) {
      std::vector<std::string> labels;
      for (const auto& name : states) labels.push_back(name);
      const auto set =
          b_.add_chance_infoset("war, round " + std::to_string(t),
                                b_.add_action_set(labels), m_->objective()[s]);
      for (std::size_t i = 0; i < sc_.actors.size(); ++i)
        if (sc_.actors[i].beliefs)
          b_.set_beliefs(static_cast<PlayerId>(i), set, m_->beliefs(i)[s]);
      const auto children = b_.move(node, set);
      for (std::size_t s2 = 0; s2 < states.size(); ++s2)
        round(children[s2], t + 1, s2, 0, paid, discount);
      return;
    }
    const Rational beta = m_->breakdown(r);
    const auto children = b_.move(
        node, b_.add_chance_infoset("ceasefire, round " + std::to_string(t),
                                    b_.add_action_set({"holds", "breaks down"}),
                                    {1 - beta, beta}));
    round(children[0], t + 1, s, r, paid, discount);
    round(children[1], t + 1, s, 0, paid, discount);
  }

  std::string describe(const Options& x,
                       const std::vector<std::size_t>& issues) const {
    std::string out;
    for (const auto k : issues) {
      if (!out.empty()) out += ", ";
      out += sc_.issues[k].name + " = " + sc_.issues[k].options[x[k]].name;
    }
    return out;
  }

  const Scenario& sc_;
  GameBuilder<Rational> b_;
  ActionSetId respond_ = 0, back_ = 0;
  std::vector<std::size_t> all_issues_;
  std::optional<Model> m_;  // the current draw's
  std::vector<std::size_t> types_;
  std::vector<Values> war_tail_;
  std::vector<InfosetId> sets_;  // per public history, one per own type
  std::size_t slot_ = 0;         // the next decision's first in sets_
};

}  // namespace

std::uint64_t two_track_game_nodes(const Scenario& scenario) {
  scenario.validate();
  const Model model(scenario);
  // Nature's draws: one chance node per typed actor and draw of those
  // before it, then the negotiation under every draw.
  std::uint64_t draws = 1, nodes = 0;
  for (const auto& actor : scenario.actors)
    if (!actor.types.empty()) {
      nodes = add(nodes, draws);
      draws = times(draws, actor.types.size());
    }
  return add(nodes, times(draws, Counter(model).round(
                                     1, scenario.battlefield.initial, 0)));
}

std::uint64_t two_track_game_bytes(const Scenario& scenario) {
  const std::uint64_t per_node = 448 + 32 * scenario.actors.size();
  return times(two_track_game_nodes(scenario), per_node);
}

ExtensiveGame<Rational> two_track_game(const Scenario& scenario,
                                       std::uint64_t max_nodes,
                                       std::uint64_t max_bytes) {
  const std::uint64_t nodes = two_track_game_nodes(scenario);
  const std::uint64_t bytes = two_track_game_bytes(scenario);
  bool typed = false;
  for (const auto& actor : scenario.actors)
    typed = typed || !actor.types.empty();
  const auto gib = [](std::uint64_t b) {
    std::ostringstream text;
    text << std::setprecision(3) << static_cast<double>(b) / (1ull << 30)
         << " GiB";
    return text.str();
  };
  const std::string estimate =
      "the scenario's game tree would have " +
      (nodes == kSaturated ? std::string("more than 2^64")
                           : std::to_string(nodes)) +
      " nodes";
  const std::string advice =
      typed ? "; with private types the tree is the only solution, so "
              "fewer rounds, issues or options must make it smaller"
            : "; solve it with the dynamic programme instead";
  if (nodes > max_nodes)
    throw LimitError(estimate + ", above the limit of " +
                     std::to_string(max_nodes) + advice);
  if (bytes > max_bytes)
    throw LimitError(estimate +
                     (bytes == kSaturated ? ", far beyond"
                                          : " and take about " + gib(bytes) +
                                                " to build, above") +
                     " the memory budget of " + gib(max_bytes) + advice);
  return Builder(scenario).build();
}

std::vector<TypeDraw> two_track_play(const Scenario& scenario,
                                     const ExtensiveGame<Rational>& game,
                                     const BehaviorProfile<Rational>& profile) {
  const GameTree& tree = game.tree();
  const auto values = evaluate_nodes(game, profile);
  const auto value_at = [&](NodeId v) {
    const auto row = values.at(v);
    return Values(row.begin(), row.end());
  };
  const auto weights = [&](NodeId v) {
    return tree.kind(v) == NodeKind::chance
               ? game.probabilities(tree.infoset(v))
               : profile.at(tree.infoset(v));
  };
  const std::size_t n = scenario.actors.size();
  std::vector<TypeDraw> out;

  // The first round's proposals from the proposer's node `v`.
  const auto opening = [&](TypeDraw& d, NodeId v, const Rational& recognised) {
    const auto proposer = static_cast<std::size_t>(tree.player(v));
    const auto kids = tree.children(v);
    const auto mix = weights(v);
    const Values passed = value_at(kids.back());
    for (std::size_t j = 0; j < kids.size(); ++j) {
      if (mix[j] == 0) continue;
      TypeDraw::Opening o{
          proposer,
          std::string(tree.action_label(*tree.actions(tree.infoset(v)).begin() +
                                        static_cast<ActionId>(j))),
          recognised * mix[j],
          Rational(0),
          passed,
          passed};
      if (j + 1 < kids.size()) {
        // Down the ratifiers' answers, each in scenario order.
        NodeId at = kids[j];
        o.accepted = 1;
        for (std::size_t i = 0; i < n; ++i) {
          if (i == proposer || !scenario.actors[i].at_table) continue;
          o.reservation[i] = value_at(tree.children(at)[1])[i];
          o.accepted *= weights(at)[0];
          at = tree.children(at)[0];
        }
        o.value = value_at(at);
      }
      d.opening.push_back(std::move(o));
    }
  };

  // Play under the draw from its negotiation's root `v`.
  const auto play = [&](TypeDraw d, NodeId v) {
    d.payoffs = value_at(v);
    d.settlement_by_round.assign(scenario.protocol.rounds, Rational(0));
    if (tree.kind(v) == NodeKind::chance) {
      const auto kids = tree.children(v);
      for (std::size_t k = 0; k < kids.size(); ++k)
        if (weights(v)[k] != 0) opening(d, kids[k], weights(v)[k]);
    } else {
      opening(d, v, Rational(1));
    }
    struct Visit {
      NodeId node;
      std::size_t round;
      Rational reach;
    };
    std::vector<Visit> stack{{v, 1, Rational(1)}};
    while (!stack.empty()) {
      auto [at, round, reach] = std::move(stack.back());
      stack.pop_back();
      if (tree.is_terminal(at)) {
        const std::string label(tree.outcome_label(tree.outcome(at)));
        if (label.starts_with(kSettled))
          d.settlement_by_round[round - 1] += reach;
        auto same =
            std::find_if(d.outcomes.begin(), d.outcomes.end(),
                         [&](const auto& o) { return o.first == label; });
        if (same == d.outcomes.end())
          d.outcomes.emplace_back(label, reach);
        else
          same->second += reach;
        continue;
      }
      // Nature's move after a round, not a recognition, starts the next.
      const bool next =
          tree.kind(at) == NodeKind::chance &&
          !tree.infoset_label(tree.infoset(at)).starts_with(kRecognition);
      const auto kids = tree.children(at);
      const auto w = weights(at);
      for (std::size_t k = kids.size(); k-- > 0;)
        if (w[k] != 0) stack.push_back({kids[k], round + next, reach * w[k]});
    }
    out.push_back(std::move(d));
  };

  // Nature's draws of the types, typed actors in scenario order.
  const auto draw = [&](const auto& self, NodeId v, std::size_t i,
                        TypeDraw d) -> void {
    while (i < n && scenario.actors[i].types.empty()) ++i;
    if (i == n) return play(std::move(d), v);
    const auto kids = tree.children(v);
    for (std::size_t k = 0; k < kids.size(); ++k) {
      TypeDraw next = d;
      next.types[i] = k;
      next.probability *= game.probabilities(tree.infoset(v))[k];
      self(self, kids[k], i + 1, std::move(next));
    }
  };
  TypeDraw root;
  root.types.assign(n, 0);
  root.probability = 1;
  draw(draw, tree.root(), 0, std::move(root));
  return out;
}

}  // namespace bargain
