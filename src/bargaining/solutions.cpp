#include "bargain/bargaining/solutions.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <random>
#include <string>

#include "bargain/bargaining/threshold.hpp"
#include "bargain/error.hpp"
#include "bargain/solve/exact_lp.hpp"

namespace bargain {

namespace {

using Utilities = std::vector<Rational>;

void check_problem(const BargainingProblem& problem) {
  const std::size_t n = problem.player_count();
  if (n == 0)
    throw ModelError(
        "the bargaining problem has no players, expected at "
        "least one disagreement payoff");
  if (problem.points.empty())
    throw ModelError(
        "the bargaining problem has no feasible point, expected "
        "at least one");
  for (std::size_t k = 0; k < problem.points.size(); ++k)
    if (problem.points[k].size() != n)
      throw ModelError("point " + std::to_string(k) +
                       " of the bargaining "
                       "problem has " +
                       std::to_string(problem.points[k].size()) +
                       " utilities, expected one per player (" +
                       std::to_string(n) + ")");
}

Rational sum_of(const Utilities& u) {
  Rational sum = 0;
  for (const auto& x : u) sum += x;
  return sum;
}

std::vector<Rational> point_sums(const BargainingProblem& problem) {
  std::vector<Rational> sums;
  for (const auto& w : problem.points) sums.push_back(sum_of(w));
  return sums;
}

bool weakly_above(const Utilities& u, const Utilities& d) {
  for (std::size_t i = 0; i < u.size(); ++i)
    if (u[i] < d[i]) return false;
  return true;
}

Utilities utilities_of(const BargainingProblem& problem, const PointMix& mix) {
  Utilities u(problem.player_count(), Rational(0));
  for (const auto& [k, weight] : mix)
    for (std::size_t i = 0; i < u.size(); ++i)
      u[i] += weight * problem.points[k][i];
  return u;
}

// Mixtures mu of the points (mu >= 0, sum 1) whose utilities are at least
// floor + t * ray, t >= 0 and present only when a ray is given; the
// objective weighs the points (and t by 1).
//
// An optimal mixture uses at most n + 1 points, so the program is solved
// by column generation: over a few points first, then adding the points
// the restricted answer's prices say would help (positive reduced cost,
// or breaking the Farkas certificate of an infeasible restriction), until
// none would. Each program stays small however many points there are.
struct MixtureProgram {
  const BargainingProblem& problem;
  std::vector<Rational> point_objective;
  const Utilities* floor = nullptr;
  const Utilities* ray = nullptr;
  /// Infeasible means nothing to bargain over (a ModelError), unless the
  /// caller only asks whether a floor is attainable.
  bool must_be_feasible = true;

  ExactLpResult solve() const {
    const std::size_t K = problem.points.size();
    std::vector<bool> used(K, false);
    std::vector<std::size_t> columns;
    const auto use = [&](std::size_t k) {
      if (!used[k]) used[k] = true, columns.push_back(k);
    };
    // Start from each player's best point and the objective's best.
    for (std::size_t i = 0; i < problem.player_count(); ++i)
      use(best_point([&](std::size_t k) { return problem.points[k][i]; }));
    if (!point_objective.empty())
      use(best_point([&](std::size_t k) { return point_objective[k]; }));
    for (;;) {
      const ExactLpResult restricted = maximize(program(columns));
      if (restricted.status == LpStatus::unbounded)
        throw VerificationFailure(
            "a mixture program came out unbounded, which its bounded "
            "variables rule out");
      const bool infeasible = restricted.status == LpStatus::infeasible;
      const auto& prices = infeasible ? restricted.farkas : restricted.duals;
      // How much point k would gain the restricted answer, by its prices.
      const auto gain = [&](std::size_t k) {
        Rational priced = prices[0];
        for (std::size_t i = 0; i < problem.player_count(); ++i)
          priced += prices[1 + i] * problem.points[k][i];
        return infeasible ? -priced : objective(k) - priced;
      };
      const std::size_t before = columns.size();
      for (std::size_t k = 0; k < K; ++k)
        if (!used[k] && gain(k) > 0) use(k);
      if (columns.size() > before) continue;
      if (infeasible) {
        if (!must_be_feasible) return restricted;
        throw ModelError(
            "no feasible point gives every player at least its disagreement "
            "payoff, so there is nothing to bargain over");
      }
      ExactLpResult full = restricted;
      full.x.assign(K + (ray ? 1 : 0), Rational(0));
      for (std::size_t c = 0; c < columns.size(); ++c)
        full.x[columns[c]] = restricted.x[c];
      if (ray) full.x.back() = restricted.x.back();
      return full;
    }
  }

 private:
  Rational objective(std::size_t k) const {
    return point_objective.empty() ? Rational(0) : point_objective[k];
  }

  template <class Score>
  std::size_t best_point(Score score) const {
    std::size_t best = 0;
    for (std::size_t k = 1; k < problem.points.size(); ++k)
      if (score(k) > score(best)) best = k;
    return best;
  }

  ExactLp program(const std::vector<std::size_t>& points) const {
    const std::size_t n = problem.player_count();
    const std::size_t columns = points.size() + (ray ? 1 : 0);
    ExactLp lp;
    for (const std::size_t k : points) lp.objective.push_back(objective(k));
    if (ray) lp.objective.emplace_back(1);
    lp.nonnegative.assign(columns, true);  // t >= 0: d itself must be feasible
    lp.rows.emplace_back(columns, Rational(1));
    if (ray) lp.rows.back().back() = 0;
    lp.relations.push_back(Relation::equal);
    lp.rhs.emplace_back(1);
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<Rational> row;
      for (const std::size_t k : points) row.push_back(problem.points[k][i]);
      if (ray) row.push_back(-(*ray)[i]);
      lp.rows.push_back(std::move(row));
      lp.relations.push_back(Relation::greater_equal);
      lp.rhs.push_back(floor ? (*floor)[i] : problem.disagreement[i]);
    }
    return lp;
  }
};

PointMix mix_of(const std::vector<Rational>& x, std::size_t points) {
  PointMix mix;
  for (std::size_t k = 0; k < points; ++k)
    if (x[k] != 0) mix.emplace_back(k, x[k]);
  return mix;
}

// The solution on the ray d + t * ray furthest into the feasible set.
CooperativeSolution furthest_on_ray(const BargainingProblem& problem,
                                    const Utilities& ray) {
  // No direction to move in (nobody can gain): the answer is d itself.
  if (std::all_of(ray.begin(), ray.end(),
                  [](const Rational& r) { return r == 0; })) {
    const auto result =
        MixtureProgram{problem, {}, &problem.disagreement, nullptr}.solve();
    return CooperativeSolution{problem.disagreement,
                               mix_of(result.x, problem.points.size()),
                               true,
                               0,
                               {}};
  }
  const auto result =
      MixtureProgram{problem, {}, &problem.disagreement, &ray}.solve();
  CooperativeSolution s;
  const Rational& t = result.x.back();
  for (std::size_t i = 0; i < ray.size(); ++i)
    s.utilities.push_back(problem.disagreement[i] + t * ray[i]);
  s.mix = mix_of(result.x, problem.points.size());
  return s;
}

std::vector<Rational> normalised_weights(std::span<const Rational> weights,
                                         std::size_t n) {
  if (weights.empty()) return std::vector<Rational>(n, Rational(1, n));
  if (weights.size() != n)
    throw ModelError("the Nash solution got " + std::to_string(weights.size()) +
                     " weights, expected one per player (" + std::to_string(n) +
                     ")");
  Rational total = 0;
  for (const auto& w : weights) {
    if (w < 0)
      throw ModelError("a Nash weight is " + to_string(w) +
                       ", expected a number >= 0");
    total += w;
  }
  if (total == 0)
    throw ModelError("the Nash weights are all zero, expected a positive one");
  std::vector<Rational> out;
  for (const auto& w : weights) out.push_back(w / total);
  return out;
}

// --- two players: the frontier as a polyline --------------------------------

struct ChainPoint {
  Utilities u;
  PointMix mix;
};

ChainPoint between(const ChainPoint& a, const ChainPoint& b,
                   const Rational& weight_a) {
  ChainPoint p;
  for (std::size_t i = 0; i < 2; ++i)
    p.u.push_back(weight_a * a.u[i] + (1 - weight_a) * b.u[i]);
  for (const auto& [k, w] : a.mix) p.mix.emplace_back(k, weight_a * w);
  for (const auto& [k, w] : b.mix) p.mix.emplace_back(k, (1 - weight_a) * w);
  std::sort(p.mix.begin(), p.mix.end());
  PointMix merged;
  for (const auto& [k, w] : p.mix) {
    if (!merged.empty() && merged.back().first == k)
      merged.back().second += w;
    else
      merged.emplace_back(k, w);
  }
  std::erase_if(merged, [](const auto& e) { return e.second == 0; });
  p.mix = std::move(merged);
  return p;
}

// The Pareto frontier of conv(points) - R^2_+ inside u >= d, from its point
// best for player 2 to its point best for player 1: u1 strictly
// increasing, u2 strictly decreasing. Empty when no point reaches d.
std::vector<ChainPoint> frontier_chain(const BargainingProblem& problem) {
  const auto& W = problem.points;
  const auto better_for = [&](std::size_t i) {
    const std::size_t j = 1 - i;
    return [&, i, j](std::size_t a, std::size_t b) {
      return W[a][i] < W[b][i] || (W[a][i] == W[b][i] && W[a][j] < W[b][j]);
    };
  };
  std::vector<std::size_t> order(W.size());
  for (std::size_t k = 0; k < W.size(); ++k) order[k] = k;
  const std::size_t top =
      *std::max_element(order.begin(), order.end(), better_for(1));
  const std::size_t right =
      *std::max_element(order.begin(), order.end(), better_for(0));
  std::erase_if(order, [&](std::size_t k) {
    return W[k][0] < W[top][0] || W[k][1] < W[right][1];
  });
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return W[a][0] < W[b][0] || (W[a][0] == W[b][0] && W[a][1] > W[b][1]);
  });
  // Andrew's monotone chain, upper hull: drop the middle of every turn
  // that is not strictly clockwise (collinear points are not vertices).
  const auto cross = [&](std::size_t o, std::size_t a, std::size_t b) {
    return (W[a][0] - W[o][0]) * (W[b][1] - W[o][1]) -
           (W[a][1] - W[o][1]) * (W[b][0] - W[o][0]);
  };
  std::vector<std::size_t> hull;
  for (const std::size_t k : order) {
    if (!hull.empty() && W[hull.back()] == W[k]) continue;
    while (hull.size() >= 2 &&
           cross(hull[hull.size() - 2], hull.back(), k) >= 0)
      hull.pop_back();
    hull.push_back(k);
  }
  std::vector<ChainPoint> chain;
  for (const std::size_t k : hull) chain.push_back({W[k], {{k, Rational(1)}}});

  // Clip to u1 >= d1 at the start and to u2 >= d2 at the end.
  const auto& d = problem.disagreement;
  for (std::size_t i = 0; i < 2; ++i) {
    if (i == 1) std::reverse(chain.begin(), chain.end());
    const auto first_inside =
        std::find_if(chain.begin(), chain.end(),
                     [&](const ChainPoint& p) { return p.u[i] >= d[i]; });
    if (first_inside == chain.end()) return {};
    if (first_inside != chain.begin() && first_inside->u[i] > d[i]) {
      const auto& a = *(first_inside - 1);
      const auto& b = *first_inside;
      const Rational weight_a = (b.u[i] - d[i]) / (b.u[i] - a.u[i]);
      *(first_inside - 1) = between(a, b, weight_a);
      chain.erase(chain.begin(), first_inside - 1);
    } else {
      chain.erase(chain.begin(), first_inside);
    }
    if (i == 1) std::reverse(chain.begin(), chain.end());
  }
  if (chain.empty() || chain.front().u[1] < d[1] || chain.back().u[0] < d[0])
    return {};
  return chain;
}

CooperativeSolution solution_at(const ChainPoint& p) {
  CooperativeSolution s;
  s.utilities = p.u;
  s.mix = p.mix;
  return s;
}

// Along a concave decreasing frontier the weighted Nash product is strictly
// log-concave, so its maximum is where the slope first turns: inside the
// first edge whose stationary point lies before its right end, or at that
// edge's left end if the stationary point lies before it.
CooperativeSolution nash_two_players(const BargainingProblem& problem,
                                     const Rational& alpha) {
  const auto chain = frontier_chain(problem);
  if (chain.empty())
    throw ModelError(
        "no feasible point gives both players at least their "
        "disagreement payoffs, so there is nothing to bargain "
        "over");
  const auto& d = problem.disagreement;
  for (std::size_t e = 0; e + 1 < chain.size(); ++e) {
    const auto& p = chain[e];
    const auto& q = chain[e + 1];
    const Rational slope = (q.u[1] - p.u[1]) / (q.u[0] - p.u[0]);
    const Rational stationary =
        (1 - alpha) * d[0] - alpha * (p.u[1] - slope * p.u[0] - d[1]) / slope;
    if (stationary > q.u[0]) continue;
    if (stationary <= p.u[0]) return solution_at(p);
    return solution_at(
        between(p, q, (q.u[0] - stationary) / (q.u[0] - p.u[0])));
  }
  return solution_at(chain.back());
}

// --- three or more players
// ----------------------------------------------------

// Gaussian elimination over the rationals: the rows reduced to echelon form,
// from which the rank and a null vector follow.
std::vector<Utilities> echelon(std::vector<Utilities> rows) {
  std::vector<Utilities> out;
  const std::size_t n = rows.empty() ? 0 : rows[0].size();
  for (std::size_t col = 0; col < n && !rows.empty(); ++col) {
    const auto pivot =
        std::find_if(rows.begin(), rows.end(),
                     [&](const Utilities& r) { return r[col] != 0; });
    if (pivot == rows.end()) continue;
    Utilities p = std::move(*pivot);
    rows.erase(pivot);
    for (auto& r : rows) {
      const Rational f = r[col] / p[col];
      for (std::size_t j = col; j < n; ++j) r[j] -= f * p[j];
    }
    out.push_back(std::move(p));
  }
  return out;
}

// The normal of the hyperplane through `points` when they span one.
std::optional<Utilities> hyperplane_normal(
    const std::vector<Utilities>& points) {
  const std::size_t n = points.front().size();
  std::vector<Utilities> directions;
  for (std::size_t k = 1; k < points.size(); ++k) {
    Utilities v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = points[k][i] - points[0][i];
    directions.push_back(std::move(v));
  }
  auto rows = echelon(std::move(directions));
  if (rows.size() != n - 1) return std::nullopt;
  // Back-substitute with the one free column set to 1.
  std::vector<std::size_t> pivot_col;
  for (const auto& r : rows)
    pivot_col.push_back(static_cast<std::size_t>(
        std::find_if(r.begin(), r.end(),
                     [](const Rational& x) { return x != 0; }) -
        r.begin()));
  std::size_t free_col = 0;
  while (std::find(pivot_col.begin(), pivot_col.end(), free_col) !=
         pivot_col.end())
    ++free_col;
  Utilities normal(n, Rational(0));
  normal[free_col] = 1;
  for (std::size_t r = rows.size(); r-- > 0;) {
    Rational sum = 0;
    for (std::size_t j = pivot_col[r] + 1; j < n; ++j)
      sum += rows[r][j] * normal[j];
    normal[pivot_col[r]] = -sum / rows[r][pivot_col[r]];
  }
  return normal;
}

// u is the Nash solution exactly when it is feasible and no point of the
// problem improves the weighted log-product to first order (the objective
// is concave, so the first-order condition is sufficient).
std::optional<CooperativeSolution> certified_nash(
    const BargainingProblem& problem, const std::vector<Rational>& weights,
    const Utilities& u) {
  const auto& d = problem.disagreement;
  Utilities gradient(u.size(), Rational(0));
  for (std::size_t i = 0; i < u.size(); ++i) {
    if (u[i] < d[i] || (weights[i] != 0 && u[i] == d[i])) return std::nullopt;
    if (weights[i] != 0) gradient[i] = weights[i] / (u[i] - d[i]);
  }
  Rational at_u = 0;
  for (std::size_t i = 0; i < u.size(); ++i) at_u += gradient[i] * u[i];
  for (const auto& w : problem.points) {
    Rational at_w = 0;
    for (std::size_t i = 0; i < u.size(); ++i) at_w += gradient[i] * w[i];
    if (at_w > at_u) return std::nullopt;
  }
  const auto result = MixtureProgram{problem, {}, &u, nullptr, false}.solve();
  if (result.status != LpStatus::optimal) return std::nullopt;
  return CooperativeSolution{
      u, mix_of(result.x, problem.points.size()), true, 0, {}};
}

// Away-step Frank-Wolfe on the weights of the points: each step moves
// toward the point that raises the log-product most to first order, or
// away from the worst point in use; its duality gap bounds the distance to
// the maximum. The points in use at the end name the face of the optimum,
// where the exact solution is sought and certified.
CooperativeSolution nash_many_players(const BargainingProblem& problem,
                                      const std::vector<Rational>& weights) {
  const std::size_t n = problem.player_count(), K = problem.points.size();
  const auto& d = problem.disagreement;
  const auto ideal = ideal_point(problem);
  if (ideal == d)  // nobody can gain: d itself is the answer
    return furthest_on_ray(problem, Utilities(n, Rational(0)));
  std::vector<Rational> active_weights = weights;
  for (std::size_t i = 0; i < n; ++i) {
    // A player who could gain but weighs nothing would be left without the
    // barrier that keeps it at d_i or above.
    if (ideal[i] > d[i] && weights[i] == 0)
      throw ModelError(
          "the Nash solution of three or more players got weight "
          "0 for player " +
          std::to_string(i) + ", who can gain; expected a positive weight");
    if (ideal[i] > d[i]) continue;
    active_weights[i] = 0;  // the player cannot gain: held at d_i
    for (const auto& w : problem.points)
      if (w[i] < d[i])
        throw ModelError(
            "the Nash solution of three or more players needs every point to "
            "give a player who cannot gain at least its disagreement payoff; "
            "player " +
            std::to_string(i) + " gets less at some point");
  }
  std::vector<double> W(K * n), dd(n), wd(n);
  for (std::size_t k = 0; k < K; ++k)
    for (std::size_t i = 0; i < n; ++i)
      W[k * n + i] = to_double(problem.points[k][i]);
  for (std::size_t i = 0; i < n; ++i) {
    dd[i] = to_double(d[i]);
    wd[i] = to_double(active_weights[i]);
  }
  // Start inside: the average of each gaining player's best mixture.
  std::vector<double> mu(K, 0.0);
  std::size_t gaining = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (active_weights[i] == 0) continue;
    std::vector<Rational> objective(K);
    for (std::size_t k = 0; k < K; ++k) objective[k] = problem.points[k][i];
    const auto best =
        MixtureProgram{problem, objective, nullptr, nullptr}.solve();
    for (std::size_t k = 0; k < K; ++k) mu[k] += to_double(best.x[k]);
    ++gaining;
  }
  for (auto& m : mu) m /= static_cast<double>(gaining);

  std::vector<double> u(n), g(n), step(n);
  double gap = 0;
  for (int iteration = 0; iteration < 100000; ++iteration) {
    std::fill(u.begin(), u.end(), 0.0);
    for (std::size_t k = 0; k < K; ++k)
      for (std::size_t i = 0; i < n; ++i) u[i] += mu[k] * W[k * n + i];
    double at_u = 0;
    for (std::size_t i = 0; i < n; ++i) {
      g[i] = wd[i] > 0 ? wd[i] / (u[i] - dd[i]) : 0.0;
      at_u += g[i] * u[i];
    }
    std::size_t toward = 0, away = K;
    double best = -INFINITY, worst = INFINITY;
    for (std::size_t k = 0; k < K; ++k) {
      double s = 0;
      for (std::size_t i = 0; i < n; ++i) s += g[i] * W[k * n + i];
      if (s > best) best = s, toward = k;
      if (mu[k] > 0 && s < worst) worst = s, away = k;
    }
    gap = best - at_u;
    if (gap <= 1e-15 * std::max(1.0, std::abs(at_u))) break;
    const bool forward = best - at_u >= at_u - worst || mu[away] >= 1;
    double limit = forward ? 1.0 : mu[away] / (1 - mu[away]);
    for (std::size_t i = 0; i < n; ++i) {
      step[i] = forward ? W[toward * n + i] - u[i] : u[i] - W[away * n + i];
      if (wd[i] > 0 && step[i] < 0)
        limit = std::min(limit, (dd[i] - u[i]) / step[i] * (1 - 1e-12));
    }
    // The log-product is concave along the step: bisect its slope.
    const auto slope = [&](double gamma) {
      double s = 0;
      for (std::size_t i = 0; i < n; ++i)
        if (wd[i] > 0) s += wd[i] * step[i] / (u[i] + gamma * step[i] - dd[i]);
      return s;
    };
    double lo = 0, hi = limit;
    if (slope(hi) >= 0) {
      lo = hi;
    } else {
      for (int b = 0; b < 100 && lo < hi; ++b) {
        const double mid = 0.5 * (lo + hi);
        (slope(mid) > 0 ? lo : hi) = mid;
      }
    }
    const double gamma = lo;
    if (forward) {
      for (auto& m : mu) m *= 1 - gamma;
      mu[toward] += gamma;
    } else {
      for (auto& m : mu) m *= 1 + gamma;
      mu[away] -= gamma;
      if (mu[away] < 1e-15) mu[away] = 0;
    }
  }

  std::vector<Utilities> face;
  for (std::size_t k = 0; k < K; ++k)
    if (mu[k] > 1e-9) face.push_back(problem.points[k]);
  Rational weight_total = 0;
  for (const auto& w : active_weights) weight_total += w;
  if (face.size() == 1)
    if (auto s = certified_nash(problem, active_weights, face[0])) return *s;
  if (const auto normal = hyperplane_normal(face)) {
    const Utilities& lambda = *normal;
    bool positive = true;
    Rational level = 0, at_d = 0;
    for (std::size_t i = 0; i < n; ++i) {
      positive = positive && (lambda[i] > 0 || active_weights[i] == 0);
      level += lambda[i] * face[0][i];
      at_d += lambda[i] * d[i];
    }
    if (positive && lambda != Utilities(n, Rational(0))) {
      Utilities candidate(n);
      for (std::size_t i = 0; i < n; ++i)
        candidate[i] = active_weights[i] == 0
                           ? d[i]
                           : d[i] + active_weights[i] / weight_total *
                                        (level - at_d) / lambda[i];
      if (auto s = certified_nash(problem, active_weights, candidate))
        return *s;
    }
  }
  // A rational optimum off the facets (the midpoint of an edge, say) lies
  // near simple fractions: the simplest rational within 1e-9 of each
  // utility is one more candidate for the certificate.
  Utilities simple;
  for (std::size_t i = 0; i < n; ++i) {
    const double slack = 1e-9 * (1 + std::abs(u[i]));
    simple.push_back(simplest_rational_between(Rational(u[i] - slack),
                                               Rational(u[i] + slack)));
  }
  if (auto s = certified_nash(problem, active_weights, simple)) return *s;
  // Not exact: the mixture normalised exactly and its utilities computed
  // from it, so the package behind it is a true mixture of extreme packages.
  CooperativeSolution s;
  s.exact = false;
  s.gap = gap;
  Rational total = 0;
  for (std::size_t k = 0; k < K; ++k)
    if (mu[k] > 0) {
      s.mix.emplace_back(k, Rational(mu[k]));
      total += s.mix.back().second;
    }
  for (auto& entry : s.mix) entry.second /= total;
  s.utilities = utilities_of(problem, s.mix);
  return s;
}

}  // namespace

std::vector<Rational> ideal_point(const BargainingProblem& problem) {
  check_problem(problem);
  std::vector<Rational> ideal;
  for (std::size_t i = 0; i < problem.player_count(); ++i) {
    std::vector<Rational> objective;
    for (const auto& w : problem.points) objective.push_back(w[i]);
    ideal.push_back(
        MixtureProgram{problem, std::move(objective), nullptr, nullptr}
            .solve()
            .value);
  }
  return ideal;
}

CooperativeSolution nash_solution(const BargainingProblem& problem,
                                  std::span<const Rational> weights) {
  check_problem(problem);
  const auto w = normalised_weights(weights, problem.player_count());
  if (problem.player_count() == 2) return nash_two_players(problem, w[0]);
  if (problem.player_count() == 1) return utilitarian_solution(problem);
  return nash_many_players(problem, w);
}

CooperativeSolution kalai_smorodinsky_solution(
    const BargainingProblem& problem) {
  const auto ideal = ideal_point(problem);
  Utilities ray;
  for (std::size_t i = 0; i < ideal.size(); ++i)
    ray.push_back(ideal[i] - problem.disagreement[i]);
  return furthest_on_ray(problem, ray);
}

CooperativeSolution egalitarian_solution(const BargainingProblem& problem) {
  check_problem(problem);
  return furthest_on_ray(problem,
                         Utilities(problem.player_count(), Rational(1)));
}

CooperativeSolution utilitarian_solution(const BargainingProblem& problem) {
  check_problem(problem);
  const auto sums = point_sums(problem);
  const auto result = MixtureProgram{problem, sums, nullptr, nullptr}.solve();
  CooperativeSolution s;
  s.mix = mix_of(result.x, problem.points.size());
  s.utilities = utilities_of(problem, s.mix);
  // Ties: for two players the frontier's ends may be cut at d, so its
  // points are the candidates; beyond, the points themselves (each point
  // attaining the largest sum is Pareto optimal).
  const auto candidates = problem.player_count() == 2
                              ? pareto_frontier(problem).points
                              : problem.points;
  for (const auto& point : candidates) {
    if (!weakly_above(point, problem.disagreement)) continue;
    if (sum_of(point) == result.value &&
        std::find(s.ties.begin(), s.ties.end(), point) == s.ties.end())
      s.ties.push_back(point);
  }
  if (s.ties.size() < 2) s.ties.clear();
  return s;
}

ParetoFrontier pareto_frontier(const BargainingProblem& problem) {
  check_problem(problem);
  ParetoFrontier frontier;
  if (problem.player_count() == 2) {
    for (auto& p : frontier_chain(problem)) {
      frontier.points.push_back(std::move(p.u));
      frontier.mixes.push_back(std::move(p.mix));
    }
    return frontier;
  }
  const std::size_t n = problem.player_count(), K = problem.points.size();
  const auto& W = problem.points;
  const auto sums = point_sums(problem);
  // Candidates: distinct points at least d that no single point dominates.
  std::vector<std::size_t> candidates;
  for (std::size_t k = 0; k < K; ++k) {
    if (!weakly_above(W[k], problem.disagreement)) continue;
    const auto dominates_or_repeats = [&](std::size_t j) {
      return weakly_above(W[j], W[k]) && (W[j] != W[k] || j < k);
    };
    bool beaten = false;
    for (std::size_t j = 0; j < K && !beaten; ++j)
      beaten = j != k && dominates_or_repeats(j);
    if (!beaten) candidates.push_back(k);
  }
  // A point that maximises a strictly positive weighting of utilities over
  // all the points is Pareto optimal.
  std::vector<bool> certified(K, false);
  const auto certify_maximisers = [&](const std::vector<Rational>& weights) {
    std::vector<Rational> score(K, Rational(0));
    Rational best;
    for (std::size_t k = 0; k < K; ++k) {
      for (std::size_t i = 0; i < n; ++i) score[k] += weights[i] * W[k][i];
      if (k == 0 || score[k] > best) best = score[k];
    }
    for (const std::size_t k : candidates)
      if (score[k] == best) certified[k] = true;
  };
  // A few hundred random weightings settle most candidates; only the rest
  // need a linear program each.
  std::mt19937 rng(1);
  const std::size_t weightings = std::min<std::size_t>(256, 4 * K);
  for (std::size_t t = 0; t < weightings; ++t) {
    std::vector<Rational> weights;
    for (std::size_t i = 0; i < n; ++i)
      weights.emplace_back(t == 0 ? 1 : static_cast<int>(1 + rng() % 1000));
    certify_maximisers(weights);
  }
  // Each program settles more than its own point: the mixture that beats a
  // point beats every candidate it dominates, and a point's optimality
  // comes with prices y (y_i <= 0 on its "at least W[k]" rows) such that
  // (1 - y) . W is largest at W[k], a strictly positive weighting that
  // certifies all its maximisers.
  std::vector<bool> beaten(K, false);
  for (const std::size_t k : candidates) {
    if (certified[k] || beaten[k]) continue;
    const auto best = MixtureProgram{problem, sums, &W[k], nullptr}.solve();
    if (best.value > sums[k]) {
      const Utilities better = utilities_of(problem, mix_of(best.x, K));
      for (const std::size_t j : candidates)
        beaten[j] = beaten[j] || (weakly_above(better, W[j]) && better != W[j]);
      continue;
    }
    certified[k] = true;
    std::vector<Rational> weights;
    for (std::size_t i = 0; i < n; ++i)
      weights.push_back(1 - best.duals[1 + i]);
    certify_maximisers(weights);
  }
  for (const std::size_t k : candidates)
    if (certified[k]) {
      frontier.points.push_back(W[k]);
      frontier.mixes.push_back({{k, Rational(1)}});
    }
  return frontier;
}

// --- smooth frontiers
// -----------------------------------------------------------

namespace {

// The root of a decreasing function on [lo, hi] by bisection to the last
// bit (f(lo) >= 0 >= f(hi) assumed).
double decreasing_root(const std::function<double(double)>& f, double lo,
                       double hi) {
  for (int i = 0; i < 2000; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    (f(mid) > 0 ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

// Where the frontier lies above d: u1 from max(lo, d1) to where it falls to
// d2 (or hi).
std::pair<double, double> individually_rational_range(
    const SmoothFrontier& frontier, std::pair<double, double> d) {
  if (!frontier.value || !frontier.slope || !(frontier.lo < frontier.hi))
    throw ModelError(
        "a smooth frontier needs its value, its slope and a "
        "range lo < hi");
  const double lo = std::max(frontier.lo, d.first);
  if (lo > frontier.hi || frontier.value(lo) < d.second)
    throw ModelError(
        "no point of the frontier gives both players at least "
        "their disagreement payoffs");
  const double hi =
      frontier.value(frontier.hi) >= d.second
          ? frontier.hi
          : decreasing_root(
                [&](double x) { return frontier.value(x) - d.second; }, lo,
                frontier.hi);
  return {lo, hi};
}

std::pair<double, double> furthest_on_ray(const SmoothFrontier& frontier,
                                          std::pair<double, double> d,
                                          std::pair<double, double> ray,
                                          double t_max) {
  const double t = decreasing_root(
      [&](double t) {
        return frontier.value(d.first + t * ray.first) - d.second -
               t * ray.second;
      },
      0, t_max);
  return {d.first + t * ray.first, d.second + t * ray.second};
}

}  // namespace

std::pair<double, double> nash_solution(const SmoothFrontier& frontier,
                                        std::pair<double, double> d,
                                        double alpha) {
  if (!(alpha >= 0 && alpha <= 1))
    throw ModelError("alpha is " + to_string(alpha) +
                     ", expected a weight in [0, 1]");
  const auto [lo, hi] = individually_rational_range(frontier, d);
  const auto slope_of_log_product = [&](double x) {
    return alpha / (x - d.first) +
           (1 - alpha) * frontier.slope(x) / (frontier.value(x) - d.second);
  };
  const double x = alpha == 1 ? hi
                   : alpha == 0 || slope_of_log_product(hi) >= 0
                       ? (alpha == 0 ? lo : hi)
                       : decreasing_root(slope_of_log_product, lo, hi);
  return {x, frontier.value(x)};
}

std::pair<double, double> kalai_smorodinsky_solution(
    const SmoothFrontier& frontier, std::pair<double, double> d) {
  const auto [lo, hi] = individually_rational_range(frontier, d);
  const std::pair<double, double> ray{hi - d.first,
                                      frontier.value(lo) - d.second};
  return furthest_on_ray(frontier, d, ray, 1.0);
}

std::pair<double, double> egalitarian_solution(const SmoothFrontier& frontier,
                                               std::pair<double, double> d) {
  const double hi = individually_rational_range(frontier, d).second;
  return furthest_on_ray(frontier, d, {1.0, 1.0}, hi - d.first);
}

}  // namespace bargain
