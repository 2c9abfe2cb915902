// The rules of the two-track game that its two solvers share (docs/model.md):
// scopes open in each regime, packages in force, flows, breakdowns, the
// value of a settlement with its guarantee subgames, the perpetual tail.
// The dynamic programme and the game tree compute every payoff through
// these, so a test that they agree tests their equilibrium logic.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "bargain/model/scenario.hpp"
#include "bargain/model/two_track.hpp"

namespace bargain::detail {

using Options = std::vector<std::uint32_t>;
using Values = std::vector<Rational>;  // one per actor

// Solves (I - delta P) v = flow exactly (Gaussian elimination): the value
// of an endless regime whose flow depends on the state.
inline Values perpetual(const TransitionMatrix& P, const Rational& delta,
                        const Values& flow) {
  const std::size_t S = flow.size();
  std::vector<Values> a(S, Values(S + 1, Rational(0)));
  for (std::size_t s = 0; s < S; ++s) {
    for (std::size_t t = 0; t < S; ++t)
      a[s][t] = (s == t ? 1 : 0) - delta * P[s][t];
    a[s][S] = flow[s];
  }
  for (std::size_t c = 0; c < S; ++c) {
    std::size_t pivot = c;
    while (a[pivot][c] == 0) ++pivot;  // I - delta P is nonsingular
    std::swap(a[c], a[pivot]);
    for (std::size_t r = 0; r < S; ++r) {
      if (r == c || a[r][c] == 0) continue;
      const Rational f = a[r][c] / a[c][c];
      for (std::size_t k = c; k <= S; ++k) a[r][k] -= f * a[c][k];
    }
  }
  Values v(S);
  for (std::size_t s = 0; s < S; ++s) v[s] = a[s][S] / a[s][s];
  return v;
}

// What a proposal leads to once ratified and backed.
struct Outcome {
  enum Kind { no_deal, ceasefire, settlement } kind = no_deal;
  std::size_t regime = 0;  // ceasefire: the regime it puts in force
  Options package;         // what holds after backing
};

// The scenario's pieces the recursion needs, precomputed. Given a type
// profile (one type per actor, ignored for actors without types), it is
// the model of that draw of the private types: each typed actor's war
// flows are its type's.
class Model {
 public:
  explicit Model(const Scenario& sc, const std::vector<std::size_t>& types = {})
      : sc_(sc) {
    n_ = sc.actors.size();
    states_ = sc.battlefield.states.size();
    for (std::size_t k = 0; k < sc.issues.size(); ++k) {
      (sc.issues[k].track == Track::ceasefire ? ceasefire_issues_
                                              : settlement_issues_)
          .push_back(k);
      status_quo_.push_back(sc.issues[k].status_quo);
    }
    // Regime 0 is war; regime r >= 1 is ceasefire package r - 1 of the
    // ceasefire issues (mixed radix, the all-status-quo one mapping to war).
    regimes_ = 1;
    for (const auto k : ceasefire_issues_)
      regimes_ *= sc.issues[k].options.size();
    regimes_ += 1;
    objective_ = sc.battlefield.odds.at(sc.battlefield.aid);
    for (std::size_t i = 0; i < n_; ++i) {
      const auto& actor = sc.actors[i];
      beliefs_.push_back(actor.beliefs ? actor.beliefs->at(sc.battlefield.aid)
                                       : objective_);
      war_flow_.push_back(types.empty() || actor.types.empty()
                              ? &actor.war_flow
                              : &actor.types[types[i]].war_flow);
    }
  }

  std::size_t actors() const { return n_; }
  std::size_t states() const { return states_; }
  std::size_t regimes() const { return regimes_; }
  const TransitionMatrix& beliefs(std::size_t i) const { return beliefs_[i]; }
  const TransitionMatrix& objective() const { return objective_; }
  const Scenario& scenario() const { return sc_; }

  // The issues a proposal of this scope covers.
  const std::vector<std::size_t>& issues_of(Scope scope) const {
    if (scope == Scope::ceasefire) return ceasefire_issues_;
    if (scope == Scope::settlement) return settlement_issues_;
    if (linked_.empty()) {
      linked_ = ceasefire_issues_;
      linked_.insert(linked_.end(), settlement_issues_.begin(),
                     settlement_issues_.end());
      std::sort(linked_.begin(), linked_.end());
    }
    return linked_;
  }

  // The scopes open in a regime, in the order proposals are listed.
  std::vector<Scope> open_scopes(std::size_t regime) const {
    const bool cf = !ceasefire_issues_.empty(),
               st = !settlement_issues_.empty();
    std::vector<Scope> out;
    switch (sc_.protocol.kind) {
      case ProtocolKind::settlement_only:
        if (st) out.push_back(Scope::settlement);
        break;
      case ProtocolKind::ceasefire_first:
        if (regime == 0) {
          if (cf) out.push_back(Scope::ceasefire);
        } else if (st) {
          out.push_back(Scope::settlement);
        }
        break;
      case ProtocolKind::grand_bargain:
        out.push_back(cf && st ? Scope::linked
                      : cf     ? Scope::ceasefire
                               : Scope::settlement);
        break;
      case ProtocolKind::parallel:
        if (regime == 0) {
          if (cf) out.push_back(Scope::ceasefire);
          if (st) out.push_back(Scope::settlement);
          if (cf && st) out.push_back(Scope::linked);
        } else if (st) {
          out.push_back(Scope::settlement);
        }
        break;
    }
    return out;
  }

  // The package in force before a proposal: status quo, with the ceasefire
  // in force on the ceasefire issues.
  Options base(std::size_t regime) const {
    Options x = status_quo_;
    if (regime == 0) return x;
    std::size_t code = regime - 1;
    for (std::size_t j = ceasefire_issues_.size(); j-- > 0;) {
      const std::size_t k = ceasefire_issues_[j];
      const std::size_t m = sc_.issues[k].options.size();
      x[k] = static_cast<std::uint32_t>(code % m);
      code /= m;
    }
    return x;
  }

  // The options of the ceasefire issues in force under a regime, if any.
  std::optional<Options> ceasefire_in_force(std::size_t regime) const {
    if (regime == 0) return std::nullopt;
    const Options x = base(regime);
    Options options;
    for (const auto k : ceasefire_issues_) options.push_back(x[k]);
    return options;
  }

  std::size_t regime_of(const Options& x) const {
    std::size_t code = 0;
    bool any = false;
    for (const auto k : ceasefire_issues_) {
      code = code * sc_.issues[k].options.size() + x[k];
      any = any || x[k] != status_quo_[k];
    }
    return any ? code + 1 : 0;
  }

  Rational utility(std::size_t i, const Options& x) const {
    const auto& a = sc_.actors[i];
    Rational u = 0;
    for (std::size_t k = 0; k < x.size(); ++k)
      if (a.salience[k] != 0) u += a.salience[k] * a.option_value[k][x[k]];
    return u;
  }

  Rational breakdown(std::size_t regime) const {
    if (regime == 0) return 1;
    const Options x = base(regime);
    Rational beta = sc_.ceasefire_breakdown;
    for (const auto k : ceasefire_issues_)
      beta *= sc_.issues[k].options[x[k]].breakdown_factor;
    return std::min(beta, Rational(1));
  }

  // One round's flow to actor i in war state s under a regime.
  Rational flow(std::size_t i, std::size_t s, std::size_t regime) const {
    const Rational& war = (*war_flow_[i])[s];
    if (regime == 0) return war;
    const Options x = base(regime);
    Rational fighting = 0;
    for (const auto k : ceasefire_issues_)
      fighting = std::max(fighting, sc_.issues[k].options[x[k]].fighting_share);
    return (1 - fighting) * utility(i, x) + fighting * war;
  }

  // Actor i's per-round flow from issue k settled at option o: its utility
  // there and the effect of the guarantee subgames on that issue. A
  // settlement's flow is the sum over the issues, which lets the dynamic
  // programme compare settlements by scaled integer sums.
  Rational settlement_term(std::size_t i, std::size_t k,
                           std::uint32_t o) const {
    const auto& a = sc_.actors[i];
    Rational term = a.salience[k] * a.option_value[k][o];
    for (const auto& g : sc_.guarantees) {
      if (g.issue != k) continue;
      const bool credible = g.stake[o] >= g.intervention_cost;
      if (credible || g.strike_gain <= 0) continue;  // deterred, or no gain
      if (i == g.aggressor) term += g.strike_probability * g.strike_gain;
      if (i == g.victim) term -= g.strike_probability * g.victim_loss;
    }
    return term;
  }

  Rational settlement(std::size_t i, const Options& z) const {
    Rational flow = 0;
    for (std::size_t k = 0; k < z.size(); ++k)
      flow += settlement_term(i, k, z[k]);
    return flow / (1 - sc_.actors[i].discount);
  }

  // The proposers of round t and their probabilities.
  std::vector<std::pair<std::size_t, Rational>> proposers(std::size_t t) const {
    const auto& p = sc_.protocol;
    if (p.proposer == ProposerRule::random) {
      std::vector<std::pair<std::size_t, Rational>> out;
      for (std::size_t k = 0; k < p.proposers.size(); ++k)
        if (p.recognition[k] != 0)
          out.emplace_back(p.proposers[k], p.recognition[k]);
      return out;
    }
    return {{p.proposers[(t - 1) % p.proposers.size()], Rational(1)}};
  }

  // What an accepted proposal leads to when `underminers` undermine: their
  // issues fall to status quo; a ceasefire left at status quo is none.
  Outcome outcome(Scope scope, Options proposal,
                  const std::vector<std::size_t>& underminers) const {
    Outcome o;
    o.package = std::move(proposal);
    for (const auto j : underminers)
      for (const auto k : issues_of(scope)) {
        const auto& c = sc_.issues[k].controllers;
        if (std::find(c.begin(), c.end(), j) != c.end())
          o.package[k] = sc_.issues[k].status_quo;
      }
    if (scope == Scope::ceasefire) {
      o.regime = regime_of(o.package);
      o.kind = o.regime == 0 ? Outcome::no_deal : Outcome::ceasefire;
    } else {
      o.kind = Outcome::settlement;
    }
    return o;
  }

  // After the last round: endless war (per war state), or the ceasefire
  // regime r breaking down into it, valued under the odds given.
  Values war_tail(std::size_t i, const TransitionMatrix& odds) const {
    return perpetual(odds, sc_.actors[i].discount, *war_flow_[i]);
  }
  Rational ceasefire_tail(std::size_t i, std::size_t s, std::size_t r,
                          const Rational& war_value) const {
    const Rational& delta = sc_.actors[i].discount;
    const Rational beta = breakdown(r);
    return (flow(i, s, r) + delta * beta * war_value) /
           (1 - delta * (1 - beta));
  }

  // Steps x to the scope's next package (mixed radix over its issues, the
  // last fastest); false after the last.
  bool next_package(Scope scope, Options& x) const {
    const auto& issues = issues_of(scope);
    for (std::size_t j = issues.size(); j-- > 0;) {
      const std::size_t k = issues[j];
      if (++x[k] < sc_.issues[k].options.size()) return true;
      x[k] = 0;
    }
    return false;
  }

  // The controllers of the scope's issues, in scenario order.
  std::vector<std::size_t> controllers(Scope scope) const {
    std::vector<std::size_t> out;
    for (const auto k : issues_of(scope))
      for (const auto j : sc_.issues[k].controllers)
        if (std::find(out.begin(), out.end(), j) == out.end()) out.push_back(j);
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  const Scenario& sc_;
  std::size_t n_ = 0, states_ = 0, regimes_ = 1;
  std::vector<std::size_t> ceasefire_issues_, settlement_issues_;
  mutable std::vector<std::size_t> linked_;
  Options status_quo_;
  TransitionMatrix objective_;
  std::vector<TransitionMatrix> beliefs_;
  std::vector<const Values*> war_flow_;  // per actor, its type's if typed
};

}  // namespace bargain::detail
