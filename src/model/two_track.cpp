#include "bargain/model/two_track.hpp"

#include <algorithm>
#include <boost/graph/topological_sort.hpp>
#include <cmath>
#include <iterator>

#include "bargain/error.hpp"
#include "bargain/model/state_graph.hpp"
#include "rules.hpp"
#include "settlement_packages.hpp"

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

using detail::Model;
using detail::Options;
using detail::Outcome;
using Values = std::vector<Rational>;  // one per actor

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

// The Pareto frontier of the packages offered, judged by the values of
// some actors; of packages equal for all of them, the first is kept.
class ZopaFrontier {
 public:
  explicit ZopaFrontier(std::vector<std::size_t> judges)
      : judges_(std::move(judges)) {}

  void offer(ZopaPackage package) {
    for (const auto& kept : packages_)
      if (at_least(kept, package)) return;
    std::erase_if(packages_,
                  [&](const auto& kept) { return at_least(package, kept); });
    packages_.push_back(std::move(package));
  }

  std::vector<ZopaPackage> take() && { return std::move(packages_); }

 private:
  bool at_least(const ZopaPackage& a, const ZopaPackage& b) const {
    for (const auto i : judges_)
      if (a.values[i] < b.values[i]) return false;
    return true;
  }

  std::vector<std::size_t> judges_;
  std::vector<ZopaPackage> packages_;
};

template <class Number>
struct Solver {
  const Model& m;
  const Scenario& sc;
  const detail::SettlementTerms<Number>& terms;
  // The packages of the settlement and linked scopes, valued once.
  std::vector<detail::SettlementPackages<Number>> tables;

  Solver(const Model& model, const detail::SettlementTerms<Number>& t)
      : m(model), sc(model.scenario()), terms(t) {
    for (const Scope scope : {Scope::settlement, Scope::linked})
      for (std::size_t r = 0; r < std::min<std::size_t>(m.regimes(), 2); ++r) {
        const auto open = m.open_scopes(r);
        if (std::find(open.begin(), open.end(), scope) != open.end()) {
          tables.emplace_back(m, scope, terms);
          break;
        }
      }
  }

  const detail::SettlementPackages<Number>& table(Scope scope) const {
    return *std::find_if(tables.begin(), tables.end(),
                         [&](const auto& t) { return t.scope() == scope; });
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

  // The backing game after a ceasefire is accepted: controllers in order
  // back or undermine (their issues fall to status quo), each anticipating
  // the rest; backing when indifferent. (Settlements are backed once for
  // all states in SettlementPackages.)
  Outcome backed(Scope scope, const Options& proposal,
                 const std::vector<std::size_t>& controllers, std::size_t index,
                 std::vector<std::size_t>& underminers, std::size_t t,
                 std::size_t s, std::size_t r, ValueTable& V,
                 const std::vector<const TransitionMatrix*>& odds) const {
    if (index == controllers.size())
      return m.outcome(scope, proposal, underminers);
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
  // With a `frontier`, every package of the round's ZOPA is offered to it.
  ProposalChoice choose(std::size_t proposer, std::size_t t, std::size_t s,
                        std::size_t r, ValueTable& V,
                        const std::vector<const TransitionMatrix*>& odds,
                        Outcome& result,
                        ZopaFrontier* frontier = nullptr) const {
    const std::size_t n = m.actors();
    Values no_deal(n);
    for (std::size_t i = 0; i < n; ++i)
      no_deal[i] = value(i, t, s, r, Outcome{}, V, odds);
    ProposalChoice best;
    best.proposer = proposer;
    Rational best_value;
    bool have = false;
    // A later package replaces the best only if strictly better.
    const auto consider = [&](Scope scope, const Options& proposal,
                              bool accepted, const Outcome& o,
                              const std::vector<std::size_t>& underminers) {
      const Rational v =
          accepted ? value(proposer, t, s, r, o, V, odds) : no_deal[proposer];
      if (have && v <= best_value) return v;
      have = true;
      best_value = v;
      best.passes = false;
      best.scope = scope;
      best.proposal = proposal;
      best.accepted = accepted;
      best.backed = o.package;
      best.underminers = underminers;
      result = accepted ? o : Outcome{};
      return v;
    };
    const auto in_zopa = [&](Scope scope, const Options& proposal,
                             const Outcome& o) {
      if (!frontier) return;
      ZopaPackage package{scope, proposal, o.package, Values(n)};
      for (std::size_t i = 0; i < n; ++i)
        package.values[i] = value(i, t, s, r, o, V, odds);
      frontier->offer(std::move(package));
    };
    // The round's ZOPA: what every ratifier accepts and the proposer, if it
    // sits at the table, prefers to no deal.
    const bool proposer_ratifies = sc.actors[proposer].at_table;
    for (const Scope scope : m.open_scopes(r)) {
      if (scope == Scope::ceasefire) {
        const auto controllers = m.controllers(scope);
        Options x = m.base(r);
        for (const auto k : m.issues_of(scope)) x[k] = 0;
        do {
          ++best.packages;
          std::vector<std::size_t> underminers;
          const Outcome o =
              backed(scope, x, controllers, 0, underminers, t, s, r, V, odds);
          bool accepted = true;
          for (std::size_t j = 0; j < n && accepted; ++j)
            if (j != proposer && sc.actors[j].at_table)
              accepted = value(j, t, s, r, o, V, odds) >= no_deal[j];
          const Rational v = consider(scope, x, accepted, o, underminers);
          // A ceasefire its backers leave at status quo is no deal at all.
          if (accepted && o.kind != Outcome::no_deal &&
              (!proposer_ratifies || v >= no_deal[proposer])) {
            ++best.zopa_size;
            in_zopa(scope, x, o);
          }
        } while (m.next_package(scope, x));
        continue;
      }
      scan(table(scope), proposer, r, no_deal, best, consider, in_zopa,
           frontier != nullptr);
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

  // One settlement scope: accepted means every ratifier's sum reaches its
  // no-deal threshold. Only two packages can be the proposer's first best
  // move: the first accepted one with its largest sum and the first
  // rejected one; they are offered to `consider` in the order listed. With
  // `collect`, each package of the ZOPA goes to `in_zopa`.
  template <class Consider, class InZopa>
  void scan(const detail::SettlementPackages<Number>& packages,
            std::size_t proposer, std::size_t r, const Values& no_deal,
            ProposalChoice& best, Consider& consider, const InZopa& in_zopa,
            bool collect) const {
    const Options base = m.base(r);
    const auto package_outcome = [&](std::uint64_t z) {
      Options proposal = packages.proposal(z, base);
      Outcome o =
          m.outcome(packages.scope(), proposal, packages.underminers(z));
      return std::pair{std::move(proposal), std::move(o)};
    };
    const auto& scope_issues = m.issues_of(packages.scope());
    // The least sum over the scope's issues worth no deal to actor i.
    const auto floor = [&](std::size_t i) {
      Number offset = 0;  // the issues outside the scope, as in force
      for (std::size_t k = 0; k < base.size(); ++k)
        if (!std::binary_search(scope_issues.begin(), scope_issues.end(), k))
          offset += terms.terms[i][k][base[k]];
      return Number(
          detail::least_sum(no_deal[i],
                            terms.scale[i] * (1 - sc.actors[i].discount),
                            terms.bound[i]) -
          offset);
    };
    std::vector<std::pair<std::size_t, Number>> ratifiers;
    for (std::size_t j = 0; j < m.actors(); ++j)
      if (j != proposer && sc.actors[j].at_table)
        ratifiers.emplace_back(j, floor(j));
    const Number proposer_floor = floor(proposer);
    const bool proposer_ratifies = sc.actors[proposer].at_table;
    std::optional<std::uint64_t> first_best, first_rejected;
    Number best_sum = 0;
    for (std::uint64_t z = 0; z < packages.size(); ++z) {
      const Number* sums = packages.sums(z);
      bool accepted = true;
      for (const auto& [j, least] : ratifiers)
        if (sums[j] < least) {
          accepted = false;
          break;
        }
      if (!accepted) {
        if (!first_rejected) first_rejected = z;
        continue;
      }
      if (!proposer_ratifies || sums[proposer] >= proposer_floor) {
        ++best.zopa_size;
        if (collect) {
          const auto [proposal, o] = package_outcome(z);
          in_zopa(packages.scope(), proposal, o);
        }
      }
      if (!first_best || sums[proposer] > best_sum) {
        first_best = z;
        best_sum = sums[proposer];
      }
    }
    best.packages += packages.size();
    const auto offer = [&](std::uint64_t z, bool accepted) {
      const auto [proposal, o] = package_outcome(z);
      consider(packages.scope(), proposal, accepted, o,
               packages.underminers(z));
    };
    if (first_best && (!first_rejected || *first_best < *first_rejected))
      offer(*first_best, true);
    if (first_rejected) offer(*first_rejected, false);
    if (first_best && first_rejected && *first_rejected < *first_best)
      offer(*first_best, true);
  }
};

// Throws LimitError when solving would examine more than `max_work`
// package outcomes: the settlement packages once, each with its backing
// game, then every state's scan of them and of the ceasefire packages with
// theirs.
void check_work(const Model& model, std::uint64_t max_work) {
  const Scenario& sc = model.scenario();
  const auto packages = [&](Scope scope) {
    long double count = 1;
    for (const auto k : model.issues_of(scope))
      count *= sc.issues[k].options.size();
    return count;
  };
  const auto backing = [&](Scope scope) {
    return std::pow(2.0L, model.controllers(scope).size());
  };
  long double work = 0;
  for (const Scope scope : {Scope::settlement, Scope::linked})
    work += packages(scope) * backing(scope);
  for (std::size_t r = 0; r < model.regimes(); ++r)
    for (const Scope scope : model.open_scopes(r))
      work += packages(scope) *
              (scope == Scope::ceasefire ? backing(scope) : 1) *
              sc.protocol.rounds * model.states() *
              static_cast<long double>(sc.protocol.proposers.size());
  if (work > static_cast<long double>(max_work))
    throw LimitError("solving the scenario would examine about " +
                     std::to_string(static_cast<unsigned long long>(work)) +
                     " package outcomes, above the limit of " +
                     std::to_string(max_work));
}

template <class Number>
TwoTrackSolution solve_with(const Model& model,
                            const detail::SettlementTerms<Number>& terms) {
  const Scenario& scenario = model.scenario();
  const std::size_t T = scenario.protocol.rounds, S = model.states(),
                    R = model.regimes(), n = model.actors();
  const Solver<Number> solver(model, terms);
  // Each state is solved after every state it can lead to.
  const TwoTrackStateGraph graph = two_track_state_graph(scenario);
  std::vector<TwoTrackStateGraph::vertex_descriptor> reverse_topological;
  boost::topological_sort(graph, std::back_inserter(reverse_topological));
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
      const Values war = model.war_tail(i, *odds[i]);
      for (std::size_t s = 0; s < S; ++s) {
        V.at(T + 1, s, 0, i) = war[s];
        for (std::size_t r = 1; r < R; ++r)
          V.at(T + 1, s, r, i) = model.ceasefire_tail(i, s, r, war[s]);
      }
    }
    for (const auto v : reverse_topological) {
      const std::size_t t = graph[v].round, s = graph[v].war_state, r = v % R;
      if (t > T) continue;  // the tail, valued above
      // Vertex numbers are the state numbers of `choices`.
      const auto& round = model.proposers(t);
      if (decide) {
        choices[v].clear();
        outcomes[v].clear();
        for (const auto& [p, weight] : round) {
          Outcome o;
          choices[v].push_back(solver.choose(p, t, s, r, V, odds, o));
          outcomes[v].push_back(o);
        }
      }
      for (std::size_t i = 0; i < n; ++i) {
        Rational value = 0;
        for (std::size_t k = 0; k < round.size(); ++k)
          value += round[k].second *
                   solver.value(i, t, s, r, outcomes[v][k], V, odds);
        V.at(t, s, r, i) = value;
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
  // The ZOPA's frontier where play goes: the state's choice made again,
  // this time with every package of the ZOPA kept.
  const auto zopa_frontier = [&](std::size_t proposer, std::size_t t,
                                 std::size_t s, std::size_t r) {
    std::vector<std::size_t> judges;
    for (std::size_t i = 0; i < n; ++i)
      if (i == proposer || scenario.actors[i].at_table) judges.push_back(i);
    ZopaFrontier frontier(std::move(judges));
    Outcome outcome;
    solver.choose(proposer, t, s, r, believed, own, outcome, &frontier);
    return std::move(frontier).take();
  };
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
        visit.state.ceasefire = model.ceasefire_in_force(r);
        visit.probability = here;
        visit.choices = choices[node(t, s, r)];
        for (auto& choice : visit.choices)
          choice.zopa_frontier = zopa_frontier(choice.proposer, t, s, r);
        solution.path.push_back(std::move(visit));
        const auto& round = model.proposers(t);
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
  check_work(model, max_work);
  if (const auto scaled = detail::scaled_settlement_terms(model))
    return solve_with(model, *scaled);
  return solve_with(model, detail::exact_settlement_terms(model));
}

}  // namespace bargain
