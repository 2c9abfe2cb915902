// Baron-Ferejohn: finding the stationary equilibrium's structure, solving it
// exactly, and verifying it.
//
// A structure says, for every proposer, whose votes it buys surely and among
// which equally cheap players it chooses. Given a structure the values solve
// a linear system. Values rise (weakly) with recognition probability, and
// only the ties at the (quota-1)-th and quota-th cheapest vote change anyone's
// purchase, so the structures tried merge runs of recognition levels around
// those two positions, smallest merges first. Each is screened in double,
// solved exactly, and kept if the exact equilibrium verifies; the values
// being unique, the first one that verifies is the answer. Closed forms
// (delta = 0, quota 1 or n: the values are the recognition probabilities)
// skip the search but not the verification.
#include "bargain/bargaining/baron_ferejohn.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <boost/multiprecision/eigen.hpp>
#include <cmath>
#include <deque>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>

#include "bargain/error.hpp"

namespace bargain {
namespace {

constexpr std::string_view kFunction = "baron_ferejohn";

template <Scalar T>
struct Model {
  std::vector<T> recognition;
  std::size_t quota;
  T delta;
};

// Whose votes one proposer buys: all of `sure`, and `need` of the equally
// cheap `marginal` players (none when the quota leaves no choice).
struct Purchase {
  std::vector<std::size_t> sure;
  std::vector<std::size_t> marginal;
  std::size_t need = 0;
};

// Each proposer's purchase when player j's vote costs cost[j]; any ordered
// key serves: the ranks of a candidate structure or exact prices.
template <class Key>
std::vector<Purchase> purchases(const std::vector<Key>& cost,
                                std::size_t quota) {
  const std::size_t n = cost.size();
  std::vector<Purchase> plan(n);
  if (quota < 2) return plan;
  for (std::size_t k = 0; k < n; ++k) {
    std::vector<std::size_t> others;
    for (std::size_t j = 0; j < n; ++j)
      if (j != k) others.push_back(j);
    std::stable_sort(
        others.begin(), others.end(),
        [&](std::size_t a, std::size_t b) { return cost[a] < cost[b]; });
    const Key& threshold = cost[others[quota - 2]];
    Purchase& buy = plan[k];
    for (const std::size_t j : others) {
      if (cost[j] < threshold)
        buy.sure.push_back(j);
      else if (cost[j] == threshold)
        buy.marginal.push_back(j);
    }
    buy.need = quota - 1 - buy.sure.size();
    if (buy.need == buy.marginal.size()) {
      buy.sure.insert(buy.sure.end(), buy.marginal.begin(), buy.marginal.end());
      buy.marginal.clear();
      buy.need = 0;
    }
  }
  return plan;
}

// A proposer whose choice among equally cheap players moves someone's value.
template <Scalar T>
bool chooses(const Model<T>& m, const std::vector<Purchase>& plan,
             std::size_t k) {
  return plan[k].need > 0 && T(0) < m.recognition[k];
}

// The values a structure implies, or nothing if its system is singular.
// Player i's value satisfies v_i = p_i (1 - delta S_i) + delta v_i R_i, with
// S_i what i pays for votes as proposer and R_i the probability that i is
// bought. Players a choosing proposer picks among share one unknown, and
// their equations are summed: that fixes the total of the proposers' choices
// (sum of p_k need_k) and leaves its split, the mixing, for later.
template <Scalar T>
std::optional<std::vector<T>> structure_values(
    const Model<T>& m, const std::vector<Purchase>& plan) {
  const std::size_t n = plan.size();
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  const auto root = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (std::size_t k = 0; k < n; ++k)
    if (chooses(m, plan, k))
      for (const std::size_t j : plan[k].marginal)
        parent[root(j)] = root(plan[k].marginal.front());

  std::vector<std::size_t> unknown(n, n);
  std::size_t unknowns = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (unknown[root(i)] == n) unknown[root(i)] = unknowns++;
    unknown[i] = unknown[root(i)];
  }

  using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
  using Vector = Eigen::Matrix<T, Eigen::Dynamic, 1>;
  const auto u = static_cast<Eigen::Index>(unknowns);
  Matrix a = Matrix::Zero(u, u);
  Vector rhs = Vector::Zero(u);
  const auto at = [&](std::size_t i) {
    return static_cast<Eigen::Index>(unknown[i]);
  };
  const T& delta = m.delta;
  for (std::size_t k = 0; k < n; ++k) {
    const T& p = m.recognition[k];
    for (const std::size_t j : plan[k].sure) a(at(j), at(j)) -= delta * p;
    if (chooses(m, plan, k)) {
      const auto group = at(plan[k].marginal.front());
      a(group, group) -= delta * p * T(plan[k].need);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const T& p = m.recognition[i];
    a(at(i), at(i)) += T(1);
    rhs(at(i)) += p;
    if (!(T(0) < p)) continue;
    for (const std::size_t j : plan[i].sure) a(at(i), at(j)) += delta * p;
    if (plan[i].need > 0)
      a(at(i), at(plan[i].marginal.front())) += delta * p * T(plan[i].need);
  }
  const auto lu = a.fullPivLu();
  if (!lu.isInvertible()) return std::nullopt;
  const Vector x = lu.solve(rhs);
  std::vector<T> values(n);
  for (std::size_t i = 0; i < n; ++i) values[i] = x(at(i));
  return values;
}

// Edmonds-Karp on a dense capacity matrix: the flow on every arc.
std::vector<std::vector<Rational>> max_flow(
    const std::vector<std::vector<Rational>>& capacity, std::size_t source,
    std::size_t sink) {
  const std::size_t size = capacity.size();
  std::vector<std::vector<Rational>> flow(size, std::vector<Rational>(size, 0));
  const auto residual = [&](std::size_t a, std::size_t b) {
    return capacity[a][b] - flow[a][b];
  };
  while (true) {
    std::vector<std::size_t> previous(size, size);
    previous[source] = source;
    std::deque<std::size_t> queue{source};
    while (!queue.empty() && previous[sink] == size) {
      const std::size_t a = queue.front();
      queue.pop_front();
      for (std::size_t b = 0; b < size; ++b)
        if (previous[b] == size && residual(a, b) > 0) {
          previous[b] = a;
          queue.push_back(b);
        }
    }
    if (previous[sink] == size) return flow;
    Rational push = residual(previous[sink], sink);
    for (std::size_t b = sink; b != source; b = previous[b])
      push = std::min(push, residual(previous[b], b));
    for (std::size_t b = sink; b != source; b = previous[b]) {
      flow[previous[b]][b] += push;
      flow[b][previous[b]] -= push;
    }
  }
}

// Mixing that favours some equally cheap players: each must be bought with
// the probability its value equation requires. That is a flow from the
// choosing proposers (k sends p_k need_k, at most p_k to any one player) to
// the players (j takes what its equation leaves after sure purchases).
// Players worth nothing take any amount, so proposers choosing among them
// keep the uniform mixing.
std::optional<std::vector<std::vector<Rational>>> favouring_mixing(
    const Model<Rational>& m, const std::vector<Rational>& values,
    const std::vector<Purchase>& plan, const std::vector<Rational>& kept,
    std::vector<std::vector<Rational>> inclusion) {
  const std::size_t n = values.size();
  const std::size_t source = 2 * n, sink = 2 * n + 1;
  const auto player_node = [&](std::size_t j) { return n + j; };
  std::vector<std::vector<Rational>> capacity(
      2 * n + 2, std::vector<Rational>(2 * n + 2, 0));
  std::vector<Rational> bought(n, 0);
  for (std::size_t k = 0; k < n; ++k)
    for (const std::size_t j : plan[k].sure) bought[j] += m.recognition[k];
  Rational supply = 0, demand = 0;
  std::vector<bool> demanding(n, false);
  for (std::size_t k = 0; k < n; ++k) {
    if (!chooses(m, plan, k) || values[plan[k].marginal.front()] == 0) continue;
    const Rational& p = m.recognition[k];
    capacity[source][k] = p * plan[k].need;
    supply += capacity[source][k];
    for (const std::size_t j : plan[k].marginal) {
      capacity[k][player_node(j)] = p;
      demanding[j] = true;
    }
  }
  for (std::size_t j = 0; j < n; ++j) {
    if (!demanding[j]) continue;
    const Rational& p = m.recognition[j];
    const Rational required =
        (values[j] - p * kept[j]) / (m.delta * values[j]) - bought[j];
    if (required < 0) return std::nullopt;
    capacity[player_node(j)][sink] = required;
    demand += required;
  }
  if (demand != supply) return std::nullopt;
  const auto flow = max_flow(capacity, source, sink);
  Rational sent = 0;
  for (std::size_t k = 0; k < n; ++k) sent += flow[source][k];
  if (sent != supply) return std::nullopt;
  for (std::size_t k = 0; k < n; ++k)
    if (capacity[source][k] > 0)
      for (const std::size_t j : plan[k].marginal)
        inclusion[k][j] = flow[k][player_node(j)] / m.recognition[k];
  return inclusion;
}

// Whether v_i = p_i kept_i + delta v_i sum_k p_k inclusion_k[i] for all i.
bool values_are_fixed_point(const Model<Rational>& m,
                            const BaronFerejohnEquilibrium& eq) {
  const std::size_t n = eq.values.size();
  for (std::size_t i = 0; i < n; ++i) {
    Rational bought = 0;
    for (std::size_t k = 0; k < n; ++k)
      bought += m.recognition[k] * eq.proposals[k].inclusion[i];
    if (eq.values[i] != m.recognition[i] * eq.proposals[i].kept +
                            m.delta * eq.values[i] * bought)
      return false;
  }
  return true;
}

// The equilibrium these values and inclusion probabilities describe: each
// vote bought at its price delta v_j, the proposer keeping the rest.
BaronFerejohnEquilibrium with_mixing(
    const Model<Rational>& m, const std::vector<Rational>& values,
    const std::vector<std::vector<Rational>>& inclusion) {
  const std::size_t n = values.size();
  BaronFerejohnEquilibrium eq;
  eq.values = values;
  for (std::size_t k = 0; k < n; ++k) {
    BaronFerejohnProposal proposal{1, inclusion[k],
                                   std::vector<Rational>(n, 0)};
    for (std::size_t j = 0; j < n; ++j) {
      if (j == k) continue;
      proposal.payment[j] = m.delta * values[j];
      proposal.kept -= proposal.inclusion[j] * proposal.payment[j];
    }
    eq.proposals.push_back(std::move(proposal));
  }
  return eq;
}

// An equilibrium with these values: proposers buy the cheapest votes at
// their exact prices and mix uniformly among equally cheap ones if that
// reproduces the values, else as favouring_mixing finds; nothing if no
// mixing does.
std::optional<BaronFerejohnEquilibrium> supported(
    const Model<Rational>& m, const std::vector<Rational>& values) {
  const std::size_t n = values.size();
  std::vector<Rational> price(n);
  for (std::size_t j = 0; j < n; ++j) price[j] = m.delta * values[j];
  const auto plan = purchases(price, m.quota);
  std::vector<std::vector<Rational>> inclusion(n, std::vector<Rational>(n, 0));
  for (std::size_t k = 0; k < n; ++k) {
    for (const std::size_t j : plan[k].sure) inclusion[k][j] = 1;
    for (const std::size_t j : plan[k].marginal)
      inclusion[k][j] = Rational(plan[k].need) / plan[k].marginal.size();
  }
  auto eq = with_mixing(m, values, inclusion);
  if (values_are_fixed_point(m, eq)) return eq;
  std::vector<Rational> kept(n);
  for (std::size_t k = 0; k < n; ++k) kept[k] = eq.proposals[k].kept;
  const auto favoured = favouring_mixing(m, values, plan, kept, inclusion);
  if (!favoured) return std::nullopt;
  eq = with_mixing(m, values, *favoured);
  if (!values_are_fixed_point(m, eq)) return std::nullopt;
  return eq;
}

// Why `eq` is not a stationary equilibrium of the model, or nothing if it
// is; checked from scratch, trusting nothing of how it was found.
std::optional<std::string> violation(const Model<Rational>& m,
                                     const BaronFerejohnEquilibrium& eq) {
  const std::size_t n = m.recognition.size();
  if (eq.values.size() != n || eq.proposals.size() != n)
    return "the equilibrium has the wrong number of players";
  Rational total = 0;
  for (const auto& v : eq.values) total += v;
  if (total != 1) return std::string("the values sum to ") + to_string(total);
  for (std::size_t k = 0; k < n; ++k) {
    const auto& proposal = eq.proposals[k];
    const std::string who = std::string("proposer ") + std::to_string(k) + " ";
    Rational votes = 0, paid = 0;
    std::vector<Rational> price;
    for (std::size_t j = 0; j < n; ++j) {
      const Rational& pi = proposal.inclusion[j];
      if (pi < 0 || pi > 1)
        return who + "includes a player with probability " + to_string(pi);
      if (j == k) {
        if (pi != 0 || proposal.payment[j] != 0)
          return who + "buys its own vote";
        continue;
      }
      if (proposal.payment[j] != m.delta * eq.values[j])
        return who + "pays a vote other than its price delta v_j";
      votes += pi;
      paid += pi * proposal.payment[j];
      price.push_back(proposal.payment[j]);
    }
    if (votes + 1 != m.quota)
      return who + "buys " + to_string(votes) + " votes in expectation";
    if (proposal.kept != 1 - paid)
      return who + "keeps other than what the votes leave";
    if (proposal.kept < m.delta * eq.values[k])
      return who + "would rather wait";
    if (m.quota < 2) continue;
    std::sort(price.begin(), price.end());
    const Rational& threshold = price[m.quota - 2];
    for (std::size_t j = 0; j < n; ++j) {
      if (j == k) continue;
      const Rational& cost = proposal.payment[j];
      if ((cost > threshold && proposal.inclusion[j] != 0) ||
          (cost < threshold && proposal.inclusion[j] != 1))
        return who + "does not buy the cheapest votes";
    }
  }
  if (!values_are_fixed_point(m, eq))
    return std::string("the values are not a fixed point");
  return std::nullopt;
}

// Whether every proposer includes equally priced players with equal
// probability.
bool uniform_among_ties(const BaronFerejohnEquilibrium& eq) {
  const std::size_t n = eq.values.size();
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j)
        if (i != k && j != k &&
            eq.proposals[k].payment[i] == eq.proposals[k].payment[j] &&
            eq.proposals[k].inclusion[i] != eq.proposals[k].inclusion[j])
          return false;
  return true;
}

// Candidate rankings of the players' votes, the likeliest first (fewest
// recognition levels merged). A ranking maps each player to the first
// recognition level of its run.
std::vector<std::vector<std::size_t>> candidate_rankings(
    const std::vector<Rational>& recognition, std::size_t quota) {
  const std::size_t n = recognition.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) {
                     return recognition[a] < recognition[b];
                   });
  std::vector<std::size_t> level(n);  // by position in `order`
  for (std::size_t s = 1; s < n; ++s)
    level[s] =
        level[s - 1] + (recognition[order[s - 1]] < recognition[order[s]]);
  const std::size_t levels = level.back() + 1;
  const std::size_t first = level[quota - 2], second = level[quota - 1];

  std::vector<std::pair<std::size_t, std::vector<std::size_t>>> ranked;
  // Levels from..to form one run, second..second_to another (none unless
  // to < second).
  const auto add = [&](std::size_t from, std::size_t to,
                       std::size_t second_to) {
    std::vector<std::size_t> rank(n);
    for (std::size_t s = 0; s < n; ++s) {
      const std::size_t l = level[s];
      rank[order[s]] = from <= l && l <= to            ? from
                       : second <= l && l <= second_to ? second
                                                       : l;
    }
    const std::size_t merged =
        (to - from) + (to < second ? second_to - second : 0);
    ranked.emplace_back(merged, std::move(rank));
  };
  for (std::size_t from = 0; from <= first; ++from)
    for (std::size_t to = first; to < levels; ++to) {
      if (to >= second) {
        add(from, to, to);
      } else {
        for (std::size_t second_to = second; second_to < levels; ++second_to)
          add(from, to, second_to);
      }
    }
  std::stable_sort(
      ranked.begin(), ranked.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::vector<std::size_t>> out;
  for (auto& r : ranked) out.push_back(std::move(r.second));
  return out;
}

// The first candidate structure whose exact equilibrium verifies.
std::optional<BaronFerejohnEquilibrium> search(const Model<Rational>& exact) {
  const Model<double> fast{
      convert_scalars<std::vector<double>>(exact.recognition), exact.quota,
      to_double(exact.delta)};
  // A solve in double first drops the structures whose values contradict
  // their own ranking; the exact solve costs far more.
  constexpr double tolerance = 1e-9;
  for (const auto& rank : candidate_rankings(exact.recognition, exact.quota)) {
    const auto plan = purchases(rank, exact.quota);
    const auto rough = structure_values(fast, plan);
    if (!rough) continue;
    bool ordered = true;
    for (std::size_t i = 0; i < rank.size() && ordered; ++i)
      for (std::size_t j = 0; j < rank.size() && ordered; ++j)
        ordered = !(rank[i] < rank[j] && (*rough)[i] > (*rough)[j] + tolerance);
    if (!ordered) continue;
    const auto values = structure_values(exact, plan);
    if (!values) continue;
    auto eq = supported(exact, *values);
    if (eq && !violation(exact, *eq)) return eq;
  }
  return std::nullopt;
}

[[noreturn]] void refuse(std::string parameter, const std::string& found,
                         std::string_view expected) {
  std::string message(kFunction);
  message += ": ";
  message += parameter;
  message += " = ";
  message += found;
  message += ", expected ";
  message += expected;
  throw ModelError(message);
}

void check(const std::vector<Rational>& recognition, std::size_t quota,
           const Rational& delta) {
  const std::size_t n = recognition.size();
  if (n == 0)
    throw ModelError(std::string(kFunction) +
                     ": recognition has no probabilities, expected one per "
                     "player");
  if (n > kMaxLegislators)
    throw LimitError(std::string(kFunction) + ": recognition has " +
                     std::to_string(n) + " probabilities, above the limit of " +
                     std::to_string(kMaxLegislators) + " players");
  Rational total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (recognition[i] < 0 || recognition[i] > 1)
      refuse(std::string("recognition[") += std::to_string(i) += "]",
             to_string(recognition[i]), "a probability in [0, 1]");
    total += recognition[i];
  }
  if (total != 1)
    throw ModelError(std::string(kFunction) + ": recognition sums to " +
                     to_string(total) + ", expected 1");
  if (quota < 1 || quota > n)
    refuse("quota", std::to_string(quota),
           std::string("a number of votes from 1 to ") += std::to_string(n));
  if (delta < 0 || delta > 1)
    refuse("delta", to_string(delta), "a discount factor in [0, 1]");
  if (delta == 1 && quota < n)
    for (std::size_t i = 0; i < n; ++i)
      if (recognition[i] == 0)
        refuse(std::string("recognition[") += std::to_string(i) += "]", "0",
               "a positive probability when delta = 1 and the quota is "
               "below unanimity (a player who never proposes can hold out "
               "for any price when waiting is free)");
}

}  // namespace

BaronFerejohnEquilibrium baron_ferejohn(
    const std::vector<Rational>& recognition, std::size_t quota,
    const Rational& delta) {
  check(recognition, quota, delta);
  const Model<Rational> model{recognition, quota, delta};
  // With nothing to choose (one vote, or every vote, needed) or nothing to
  // pay (delta = 0), each player's value is its chance to propose.
  const bool closed_form =
      quota == 1 || quota == recognition.size() || delta == 0;
  auto eq = closed_form ? supported(model, recognition) : search(model);
  if (!eq)
    throw VerificationFailure(std::string(kFunction) +
                              ": no stationary equilibrium found; this is a "
                              "bug, please report the parameters");
  if (const auto why = violation(model, *eq))
    throw VerificationFailure(
        std::string(kFunction) +
        ": the equilibrium found fails verification: " + *why);
  eq->uniform_tie_breaking = uniform_among_ties(*eq);
  eq->values_unique = delta < 1;
  return std::move(*eq);
}

std::vector<Rational> equal_recognition(std::size_t players) {
  if (players == 0)
    throw ModelError("equal_recognition: players = 0, expected at least 1");
  return std::vector<Rational>(players, 1 / Rational(players));
}

std::size_t majority_quota(std::size_t players) { return players / 2 + 1; }

}  // namespace bargain
