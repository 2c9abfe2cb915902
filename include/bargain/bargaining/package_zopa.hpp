// The ZOPA of discrete issues: every package that each actor weakly prefers
// to its reservation value, enumerated.
//
// Spatial utilities are additive across issues, so an actor's utility of a
// package is a sum of per-issue terms; scaled by the common denominator of
// those terms they are exact integers, and acceptance is one integer
// comparison. The enumeration adds a precomputed vector of partial sums over
// the last issues (Eigen arrays) to each combination of the first ones, so a
// million packages and six actors take a few milliseconds, exactly.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "bargain/bargaining/preferences.hpp"

namespace bargain {

/// The acceptable packages of a space of discrete issues.
struct PackageZopa {
  /// How many packages the space has (all were examined).
  std::uint64_t package_count = 0;
  /// The acceptable ones, by package number (IssueSpace::package), ascending.
  std::vector<std::uint64_t> packages;
  /// When no package is acceptable: a minimal set of actors (indices) whose
  /// conditions no package meets together; dropping any one of them would
  /// leave an acceptable package. Empty when the ZOPA is not. (Finding it
  /// walks the packages again once per actor, at worst.)
  std::vector<std::size_t> conflicting_actors;

  bool empty() const noexcept { return packages.empty(); }
};

/// Limits on the enumeration, checked before it starts. Every package may
/// be acceptable, so the bound is also on the answer's memory: 2^27
/// packages take about 1.5 s to walk and at most 1 GiB to list.
struct PackageZopaLimits {
  std::uint64_t max_packages = std::uint64_t(1) << 27;
};

/// Every package of `space` (discrete issues only) that every actor weakly
/// prefers to its reservation value. Exact for spatial preferences; custom
/// ones decide in double.
PackageZopa package_zopa(const IssueSpace& space, std::span<const Actor> actors,
                         const PackageZopaLimits& limits = {});

/// The Pareto-optimal packages among `packages`: those no other package of
/// the list makes some actor better off and none worse off. Ascending.
std::vector<std::uint64_t> pareto_packages(
    const IssueSpace& space, std::span<const Actor> actors,
    std::span<const std::uint64_t> packages);

/// The cooperative solutions among packages, without lotteries: the
/// package of the list best by each criterion, measured from the actors'
/// reservation values d. Nash maximises the product of gains (over the
/// actors who can gain at all); Kalai-Smorodinsky the smallest gain as a
/// fraction of the actor's best gain in the list; egalitarian the smallest
/// gain; utilitarian the sum. Ties go to the larger sum of utilities, then
/// to the package earlier in the list. Every package must be in the ZOPA
/// (ModelError otherwise).
struct PackageSolutions {
  std::uint64_t nash = 0, kalai_smorodinsky = 0, egalitarian = 0,
                utilitarian = 0;
};
PackageSolutions package_solutions(const IssueSpace& space,
                                   std::span<const Actor> actors,
                                   std::span<const std::uint64_t> packages);

}  // namespace bargain
