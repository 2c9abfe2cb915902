// The zone of possible agreement of continuous issues: every package that
// each actor weakly prefers to its reservation value, as an exact polytope.
//
// Under linear loss an actor's acceptable packages are the box of issue
// ranges cut by one half-space (or, when its ideal lies inside a range, one
// per side of the ideal), so the ZOPA is a polytope: its inequalities name
// the actors, its vertices are exact rationals, and when it is empty the
// smallest set of actors whose conditions cannot hold together says why.
//
// Two further views serve the analyst: the ZOPA issue by issue (each issue
// settled on its own, every actor asking on each issue for the same
// fraction of its range that its reservation asks of the whole), which is
// empty when agreement needs a logroll, and the ZOPA as a bargaining problem
// in utility space, on which the cooperative solutions are computed.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "bargain/bargaining/interval.hpp"
#include "bargain/bargaining/polytope.hpp"
#include "bargain/bargaining/preferences.hpp"
#include "bargain/bargaining/solutions.hpp"

namespace bargain {

/// The ZOPA of a space of continuous issues under linear loss.
struct PolytopeZopa {
  /// The box of issue ranges cut by the actors' acceptance half-spaces.
  Polytope polytope;
  /// For each half-space after the box's, the actor it belongs to.
  std::vector<std::size_t> actor_of;
  /// When the ZOPA is empty: a minimal set of actors (indices) whose
  /// conditions cannot hold together; without any one of them the others
  /// would agree.
  std::vector<std::size_t> conflicting_actors;

  bool empty() const noexcept { return polytope.empty(); }
};

/// The exact ZOPA polytope. Throws ModelError when an issue is discrete or
/// an actor's utility is not linear loss (its acceptable set would not be
/// a polytope), naming them.
PolytopeZopa polytope_zopa(const IssueSpace& space,
                           std::span<const Actor> actors);

/// How far inside or outside agreement the actors are: the largest t such
/// that some package gives every actor at least its reservation plus t.
/// Positive when the ZOPA has packages every actor strictly prefers, 0 when
/// it is only a boundary, negative when it is empty (by the utility the
/// least satisfiable conflict misses). Exact (a linear program), and the
/// natural margin for find_threshold: the parameter value where it crosses
/// 0 is where the ZOPA opens or closes.
Rational zopa_margin(const IssueSpace& space, std::span<const Actor> actors);

/// The ZOPA in utility space: the utilities of the extreme packages, with
/// the reservation values as disagreement point, and the package behind
/// each point. With ideals inside issue ranges the utilities are concave,
/// not linear, and the extreme packages are those of each region between
/// ideals.
struct ZopaBargaining {
  BargainingProblem problem;
  std::vector<Package> packages;

  /// The package a mixture of the problem's points stands for; it gives
  /// every actor at least the mixture's utility.
  Package package_of(const PointMix& mix) const;
};
/// `zopa` must be polytope_zopa(space, actors) for these same arguments.
ZopaBargaining zopa_bargaining(const PolytopeZopa& zopa,
                               const IssueSpace& space,
                               std::span<const Actor> actors);

/// The ZOPA issue by issue: on each issue, the positions every actor
/// accepts when it asks for the fraction of the issue's utility range that
/// its reservation asks of the whole space. Any package of these positions
/// lies in the package ZOPA; the converse fails when a deal needs a
/// logroll.
struct IssueByIssueZopa {
  /// What one issue settled on its own allows.
  struct SettledIssue {
    bool continuous = true;
    /// Continuous issues: the acceptable positions (possibly empty).
    Interval<Rational> range;
    /// Discrete issues: the acceptable options (possibly none).
    std::vector<std::uint32_t> options;

    bool empty() const { return continuous ? range.empty() : options.empty(); }
  };
  std::vector<SettledIssue> issues;

  /// Whether some issue has no acceptable position.
  bool empty() const;
};
/// Spatial preferences only, and linear loss on continuous issues.
IssueByIssueZopa issue_by_issue_zopa(const IssueSpace& space,
                                     std::span<const Actor> actors);

}  // namespace bargain
