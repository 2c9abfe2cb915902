#include "bargain/model/two_track.hpp"

#include <algorithm>
#include <cmath>

#include "bargain/error.hpp"

namespace bargain {

std::string_view to_string(Scope scope) {
  switch (scope) {
    case Scope::ceasefire:
      return "ceasefire";
    case Scope::settlement:
      return "settlement";
    case Scope::linked:
      return "linked";
  }
  return "?";
}

namespace {

using Options = std::vector<std::uint32_t>;
using Values = std::vector<Rational>;  // one per actor

// Solves (I - delta P) v = flow exactly (Gaussian elimination): the value
// of an endless regime whose flow depends on the state.
Values perpetual(const TransitionMatrix& P, const Rational& delta,
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

// The scenario's pieces the recursion needs, precomputed.
class Model {
 public:
  explicit Model(const Scenario& sc) : sc_(sc) {
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
    for (const auto& actor : sc.actors)
      beliefs_.push_back(actor.beliefs ? actor.beliefs->at(sc.battlefield.aid)
                                       : objective_);
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
    const Rational& war = sc_.actors[i].war_flow[s];
    if (regime == 0) return war;
    const Options x = base(regime);
    Rational fighting = 0;
    for (const auto k : ceasefire_issues_)
      fighting = std::max(fighting, sc_.issues[k].options[x[k]].fighting_share);
    return (1 - fighting) * utility(i, x) + fighting * war;
  }

  // The per-round effect of the guarantee subgames on actor i under z.
  Rational guarantees(std::size_t i, const Options& z) const {
    Rational delta = 0;
    for (const auto& g : sc_.guarantees) {
      const bool credible = g.stake[z[g.issue]] >= g.intervention_cost;
      if (credible || g.strike_gain <= 0) continue;  // deterred, or no gain
      if (i == g.aggressor) delta += g.strike_probability * g.strike_gain;
      if (i == g.victim) delta -= g.strike_probability * g.victim_loss;
    }
    return delta;
  }

  Rational settlement(std::size_t i, const Options& z) const {
    return (utility(i, z) + guarantees(i, z)) / (1 - sc_.actors[i].discount);
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
};

// Values by (round, state, regime, actor), rounds 1..T+1 (T+1 the tail).
class ValueTable {
 public:
  ValueTable(std::size_t rounds, std::size_t states, std::size_t regimes,
             std::size_t actors)
      : states_(states),
        regimes_(regimes),
        actors_(actors),
        v_((rounds + 1) * states * regimes * actors) {}
  Rational& at(std::size_t t, std::size_t s, std::size_t r, std::size_t i) {
    return v_[((t - 1) * states_ + s) * regimes_ * actors_ + r * actors_ + i];
  }

 private:
  std::size_t states_, regimes_, actors_;
  std::vector<Rational> v_;
};

struct Solver {
  const Model& m;
  const Scenario& sc;
  std::size_t T;

  // The proposers of round t and their probabilities.
  std::vector<std::pair<std::size_t, Rational>> proposers(std::size_t t) const {
    const auto& p = sc.protocol;
    if (p.proposer == ProposerRule::random) {
      std::vector<std::pair<std::size_t, Rational>> out;
      for (std::size_t k = 0; k < p.proposers.size(); ++k)
        if (p.recognition[k] != 0)
          out.emplace_back(p.proposers[k], p.recognition[k]);
      return out;
    }
    return {{p.proposers[(t - 1) % p.proposers.size()], Rational(1)}};
  }

  // Actor i's value of an outcome at (t, s, r), given next-round values
  // under the odds `odds[i]`.
  Rational value(std::size_t i, std::size_t t, std::size_t s, std::size_t r,
                 const Outcome& o, ValueTable& V,
                 const std::vector<const TransitionMatrix*>& odds) const {
    if (o.kind == Outcome::settlement) return m.settlement(i, o.package);
    const std::size_t regime = o.kind == Outcome::ceasefire ? o.regime : r;
    const Rational& delta = sc.actors[i].discount;
    Rational next = 0;
    if (regime == 0) {
      for (std::size_t s2 = 0; s2 < m.states(); ++s2)
        if ((*odds[i])[s][s2] != 0)
          next += (*odds[i])[s][s2] * V.at(t + 1, s2, 0, i);
    } else {
      const Rational beta = m.breakdown(regime);
      next =
          (1 - beta) * V.at(t + 1, s, regime, i) + beta * V.at(t + 1, s, 0, i);
    }
    return m.flow(i, s, regime) + delta * next;
  }

  // The backing game after acceptance: controllers in order back or
  // undermine (their issues fall to status quo), each anticipating the
  // rest; backing when indifferent.
  Outcome backed(Scope scope, const Options& proposal,
                 const std::vector<std::size_t>& controllers, std::size_t index,
                 std::vector<std::size_t>& underminers, std::size_t t,
                 std::size_t s, std::size_t r, ValueTable& V,
                 const std::vector<const TransitionMatrix*>& odds) const {
    if (index == controllers.size()) {
      Outcome o;
      o.package = proposal;
      for (const auto j : underminers)
        for (const auto k : m.issues_of(scope)) {
          const auto& c = sc.issues[k].controllers;
          if (std::find(c.begin(), c.end(), j) != c.end())
            o.package[k] = sc.issues[k].status_quo;
        }
      if (scope == Scope::ceasefire) {
        o.regime = m.regime_of(o.package);
        o.kind = o.regime == 0 ? Outcome::no_deal : Outcome::ceasefire;
      } else {
        o.kind = Outcome::settlement;
      }
      return o;
    }
    const std::size_t j = controllers[index];
    auto undermining = underminers;
    undermining.push_back(j);
    const Outcome back = backed(scope, proposal, controllers, index + 1,
                                underminers, t, s, r, V, odds);
    const Outcome undermine = backed(scope, proposal, controllers, index + 1,
                                     undermining, t, s, r, V, odds);
    if (value(j, t, s, r, back, V, odds) >=
        value(j, t, s, r, undermine, V, odds))
      return back;
    underminers = std::move(undermining);
    return undermine;
  }

  // The proposer's choice at (t, s, r): its first best move among the
  // packages of the open scopes (accepted ones valued as backed, rejected
  // ones as no deal) and passing.
  ProposalChoice choose(std::size_t proposer, std::size_t t, std::size_t s,
                        std::size_t r, ValueTable& V,
                        const std::vector<const TransitionMatrix*>& odds,
                        Outcome& result) const {
    const std::size_t n = m.actors();
    Values no_deal(n);
    for (std::size_t i = 0; i < n; ++i)
      no_deal[i] = value(i, t, s, r, Outcome{}, V, odds);
    ProposalChoice best;
    best.proposer = proposer;
    Rational best_value;
    bool have = false;
    for (const Scope scope : m.open_scopes(r)) {
      const auto& issues = m.issues_of(scope);
      const auto controllers = m.controllers(scope);
      Options x = m.base(r);
      for (const auto k : issues) x[k] = 0;
      for (;;) {
        ++best.packages;
        std::vector<std::size_t> underminers;
        const Outcome o =
            backed(scope, x, controllers, 0, underminers, t, s, r, V, odds);
        bool accepted = true;
        for (std::size_t j = 0; j < n && accepted; ++j)
          if (j != proposer && sc.actors[j].at_table)
            accepted = value(j, t, s, r, o, V, odds) >= no_deal[j];
        const Rational v =
            accepted ? value(proposer, t, s, r, o, V, odds) : no_deal[proposer];
        // The round's ZOPA: what every ratifier accepts and the proposer,
        // if it sits at the table, prefers to no deal.
        if (accepted &&
            (!sc.actors[proposer].at_table || v >= no_deal[proposer]))
          ++best.zopa_size;
        if (!have || v > best_value) {
          have = true;
          best_value = v;
          best.passes = false;
          best.scope = scope;
          best.proposal = x;
          best.accepted = accepted;
          best.backed = o.package;
          best.underminers = underminers;
          result = accepted ? o : Outcome{};
        }
        // Next package: mixed radix over the scope's issues, last fastest.
        std::size_t j = issues.size();
        while (j > 0) {
          const std::size_t k = issues[j - 1];
          if (++x[k] < sc.issues[k].options.size()) break;
          x[k] = 0;
          --j;
        }
        if (j == 0) break;
      }
    }
    if (!have || no_deal[proposer] > best_value) {
      const auto zopa = best.zopa_size;
      const auto packages = best.packages;
      best = ProposalChoice{};
      best.proposer = proposer;
      best.zopa_size = zopa;
      best.packages = packages;
      result = Outcome{};
    }
    return best;
  }
};

}  // namespace

TwoTrackSolution solve_two_track(const Scenario& scenario,
                                 std::uint64_t max_work) {
  scenario.validate();
  for (std::size_t i = 0; i < scenario.actors.size(); ++i)
    if (!scenario.actors[i].types.empty())
      throw ModelError("actors[" + std::to_string(i) +
                       "].types: the dynamic programme solves complete "
                       "information; expected no private types (solve the "
                       "game tree instead)");
  const Model model(scenario);
  const std::size_t T = scenario.protocol.rounds, S = model.states(),
                    R = model.regimes(), n = model.actors();
  // The work: every state, proposer and package, times the backing game.
  {
    long double packages = 0;
    for (std::size_t r = 0; r < R && r < 2; ++r)
      for (const Scope scope : model.open_scopes(r)) {
        long double count = 1;
        for (const auto k : model.issues_of(scope))
          count *= scenario.issues[k].options.size();
        packages += count * std::pow(2.0L, model.controllers(scope).size());
      }
    const long double work =
        packages * T * S * R *
        static_cast<long double>(scenario.protocol.proposers.size());
    if (work > static_cast<long double>(max_work))
      throw LimitError("solving the scenario would examine about " +
                       std::to_string(static_cast<unsigned long long>(work)) +
                       " package outcomes, above the limit of " +
                       std::to_string(max_work));
  }
  const Solver solver{model, scenario, T};
  // Choices per (t, s, r): one per possible proposer of the round.
  std::vector<std::vector<ProposalChoice>> choices(T * S * R);
  std::vector<std::vector<Outcome>> outcomes(T * S * R);
  const auto node = [&](std::size_t t, std::size_t s, std::size_t r) {
    return ((t - 1) * S + s) * R + r;
  };

  // Backward over the states under the given odds; with `decide` the
  // proposers choose (under each actor's own beliefs), otherwise the
  // stored choices are valued.
  const auto backward = [&](const std::vector<const TransitionMatrix*>& odds,
                            bool decide) {
    ValueTable V(T, S, R, n);
    for (std::size_t i = 0; i < n; ++i) {
      const auto& a = scenario.actors[i];
      const Values war = perpetual(*odds[i], a.discount, a.war_flow);
      for (std::size_t s = 0; s < S; ++s) {
        V.at(T + 1, s, 0, i) = war[s];
        for (std::size_t r = 1; r < R; ++r) {
          const Rational beta = model.breakdown(r);
          V.at(T + 1, s, r, i) =
              (model.flow(i, s, r) + a.discount * beta * war[s]) /
              (1 - a.discount * (1 - beta));
        }
      }
    }
    for (std::size_t t = T; t >= 1; --t)
      for (std::size_t s = 0; s < S; ++s)
        for (std::size_t r = 0; r < R; ++r) {
          const auto& round = solver.proposers(t);
          if (decide) {
            choices[node(t, s, r)].clear();
            outcomes[node(t, s, r)].clear();
            for (const auto& [p, weight] : round) {
              Outcome o;
              choices[node(t, s, r)].push_back(
                  solver.choose(p, t, s, r, V, odds, o));
              outcomes[node(t, s, r)].push_back(o);
            }
          }
          for (std::size_t i = 0; i < n; ++i) {
            Rational v = 0;
            for (std::size_t k = 0; k < round.size(); ++k)
              v +=
                  round[k].second *
                  solver.value(i, t, s, r, outcomes[node(t, s, r)][k], V, odds);
            V.at(t, s, r, i) = v;
          }
        }
    return V;
  };
  std::vector<const TransitionMatrix*> own(n), objective(n, &model.objective());
  for (std::size_t i = 0; i < n; ++i) own[i] = &model.beliefs(i);
  ValueTable believed = backward(own, true);
  ValueTable actual = backward(objective, false);

  TwoTrackSolution solution;
  const std::size_t s0 = scenario.battlefield.initial;
  for (std::size_t i = 0; i < n; ++i) {
    solution.payoffs.push_back(believed.at(1, s0, 0, i));
    solution.objective_payoffs.push_back(actual.at(1, s0, 0, i));
  }
  // Forward under the objective odds: where play goes and how likely.
  solution.settlement_by_round.assign(T, Rational(0));
  solution.ceasefire_by_round.assign(T, Rational(0));
  std::vector<Rational> mass(T * S * R, Rational(0));
  mass[node(1, s0, 0)] = 1;
  const auto& P = model.objective();
  for (std::size_t t = 1; t <= T; ++t)
    for (std::size_t s = 0; s < S; ++s)
      for (std::size_t r = 0; r < R; ++r) {
        const Rational here = mass[node(t, s, r)];
        if (here == 0) continue;
        TwoTrackSolution::Visit visit;
        visit.state.round = t;
        visit.state.war_state = s;
        if (r != 0) {
          const Options x = model.base(r);
          std::vector<std::uint32_t> c;
          for (std::size_t k = 0; k < x.size(); ++k)
            if (scenario.issues[k].track == Track::ceasefire) c.push_back(x[k]);
          visit.state.ceasefire = c;
        }
        visit.probability = here;
        visit.choices = choices[node(t, s, r)];
        solution.path.push_back(std::move(visit));
        const auto& round = solver.proposers(t);
        for (std::size_t k = 0; k < round.size(); ++k) {
          const Rational weight = here * round[k].second;
          const Outcome& o = outcomes[node(t, s, r)][k];
          if (o.kind == Outcome::settlement) {
            solution.settlement_by_round[t - 1] += weight;
            continue;
          }
          const std::size_t regime =
              o.kind == Outcome::ceasefire ? o.regime : r;
          if (r == 0 && regime != 0)
            solution.ceasefire_by_round[t - 1] += weight;
          if (regime == 0) solution.expected_war_rounds += weight;
          if (t == T) continue;
          if (regime == 0) {
            for (std::size_t s2 = 0; s2 < S; ++s2)
              if (P[s][s2] != 0) mass[node(t + 1, s2, 0)] += weight * P[s][s2];
          } else {
            const Rational beta = model.breakdown(regime);
            mass[node(t + 1, s, regime)] += weight * (1 - beta);
            mass[node(t + 1, s, 0)] += weight * beta;
          }
        }
      }
  solution.no_settlement = 1;
  for (const auto& p : solution.settlement_by_round)
    solution.no_settlement -= p;
  return solution;
}

}  // namespace bargain
