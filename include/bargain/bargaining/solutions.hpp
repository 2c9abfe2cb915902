// Cooperative bargaining solutions: where on the frontier a deal "should"
// land, by the axioms each solution stands for.
//
// A bargaining problem is a feasible set of utility vectors and the
// disagreement point d (each player's payoff without a deal). Here the
// feasible set is the convex hull of finitely many points (the utilities of
// the ZOPA's vertices, or of any packages) with free disposal, so every
// answer is exact where it is rational:
//   - Nash (generalised, with weights): maximises prod (u_i - d_i)^w_i;
//   - Kalai-Smorodinsky: the furthest point on the segment from d to the
//     ideal point (each player's best utility given the others get d);
//   - egalitarian (Kalai 1977): the furthest point on d + t(1, ..., 1);
//   - utilitarian: the largest sum of utilities.
// Kinks (vertices of the frontier) are where solutions often land, and the
// exact arithmetic lands on them exactly.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <utility>
#include <vector>

#include "bargain/numeric.hpp"

namespace bargain {

/// Feasible utilities conv(points) - R^n_+ (free disposal) and the
/// disagreement point; one coordinate per player.
struct BargainingProblem {
  std::vector<std::vector<Rational>> points;
  std::vector<Rational> disagreement;

  std::size_t player_count() const noexcept { return disagreement.size(); }
};

/// Weights on the problem's points, summing to 1: a lottery over them, or
/// for a ZOPA the same mixture of the packages behind them.
using PointMix = std::vector<std::pair<std::size_t, Rational>>;

/// A solution: the utility vector and a mixture of points that attains at
/// least it.
struct CooperativeSolution {
  std::vector<Rational> utilities;
  PointMix mix;
  /// False only for a Nash solution of three or more players whose optimum
  /// is not at a vertex or inside a facet: it is then computed in double
  /// (taken at the exact binary value) and `gap` bounds how far the log of
  /// its Nash product is below the maximum.
  bool exact = true;
  double gap = 0;
  /// The utilitarian solution is a whole face when several frontier points
  /// tie for the largest sum: they are listed here (otherwise empty).
  std::vector<std::vector<Rational>> ties;
};

/// Each player's best utility in the feasible set when every other player
/// gets at least its disagreement payoff.
std::vector<Rational> ideal_point(const BargainingProblem& problem);

/// The generalised Nash solution with the given weights (all 1 if empty;
/// player 1's share of the weight is the usual alpha). Exact for two
/// players; for more, exact when the optimum is a vertex, lies inside a
/// facet or is a point of simple fractions (each certified by the
/// first-order condition), otherwise see `exact`. With three or more
/// players, a player who can gain needs a positive weight, and a player who
/// cannot gain must get at least d_i at every point (ModelError otherwise).
CooperativeSolution nash_solution(const BargainingProblem& problem,
                                  std::span<const Rational> weights = {});
CooperativeSolution kalai_smorodinsky_solution(
    const BargainingProblem& problem);
CooperativeSolution egalitarian_solution(const BargainingProblem& problem);
CooperativeSolution utilitarian_solution(const BargainingProblem& problem);

/// The points of the problem that are Pareto optimal among the feasible
/// utilities at least d: the vertices of the frontier. For two players in
/// order along it (the first player's utility increasing), with the ends
/// where the frontier meets u_i = d_i added as further points when they are
/// not vertices; the second member gives each frontier point as a mixture.
struct ParetoFrontier {
  std::vector<std::vector<Rational>> points;
  std::vector<PointMix> mixes;
};
ParetoFrontier pareto_frontier(const BargainingProblem& problem);

/// A two-player frontier given as a function: u2 = value(u1) on [lo, hi],
/// decreasing and concave, with its derivative. For feasible sets with
/// curved frontiers; solutions in double to about 1e-15.
struct SmoothFrontier {
  std::function<double(double)> value, slope;
  double lo = 0, hi = 1;
};

/// The Nash, Kalai-Smorodinsky and egalitarian solutions on a smooth
/// frontier; `alpha` is player 1's weight (1/2 for the symmetric solution).
std::pair<double, double> nash_solution(const SmoothFrontier& frontier,
                                        std::pair<double, double> d,
                                        double alpha = 0.5);
std::pair<double, double> kalai_smorodinsky_solution(
    const SmoothFrontier& frontier, std::pair<double, double> d);
std::pair<double, double> egalitarian_solution(const SmoothFrontier& frontier,
                                               std::pair<double, double> d);

}  // namespace bargain
