#include "bargain/bargaining/package_zopa.hpp"

#include <Eigen/Core>
#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>

#include "bargain/bargaining/conflict.hpp"
#include "bargain/error.hpp"
#include "scaled_terms.hpp"

namespace bargain {

namespace {

using Sums = Eigen::Array<std::int64_t, Eigen::Dynamic, 1>;

// An actor's acceptance test. A spatial actor whose scaled terms fit in 63
// bits decides by integers: it accepts exactly when the sum of its scaled
// terms reaches `threshold`. Any other actor is asked package by package.
struct Acceptance {
  const Actor* actor = nullptr;
  std::vector<std::vector<std::int64_t>> terms;  // [issue][option], scaled
  std::int64_t threshold = 0;
  bool scaled = false;
};

Acceptance acceptance(const IssueSpace& space, const Actor& actor) {
  Acceptance test{&actor, {}, 0, false};
  const auto& preference = actor.preference;
  if (!preference.is_spatial()) return test;
  std::vector<std::vector<Rational>> terms(space.issue_count());
  for (IssueId i = 0; i < space.issue_count(); ++i)
    for (const auto& option : space.issue(i).options())
      terms[i].push_back(preference.issue_term(i, option.position));
  auto scaled =
      detail::scale_terms(terms, actor.reservation - preference.at_ideal());
  if (!scaled) return test;
  test.terms = std::move(scaled->terms);
  test.threshold = scaled->extra;
  test.scaled = true;
  return test;
}

bool accepts_by_utility(const IssueSpace& space, const Actor& actor,
                        std::uint64_t package) {
  return actor.preference.utility(space.package(package)) >= actor.reservation;
}

// Walks the packages in order: the last issues ("inner") vary fastest, and
// their partial sums are precomputed once per scaled actor as one array, so
// each combination of the first issues tests a whole block of packages with
// one vectorised comparison per actor.
class PackageWalker {
 public:
  PackageWalker(const IssueSpace& space, std::vector<Acceptance> tests)
      : space_(space), tests_(std::move(tests)) {
    const std::size_t n = space.issue_count();
    constexpr std::uint64_t kBlock = 4096;
    split_ = n;
    inner_count_ = 1;
    while (split_ > 0 &&
           inner_count_ * space.issue(split_ - 1).options().size() <= kBlock) {
      --split_;
      inner_count_ *= space.issue(split_).options().size();
    }
    for (const auto& test : tests_) {
      if (!test.scaled) continue;
      Sums sums = Sums::Zero(1);
      for (std::size_t i = split_; i < n; ++i) {
        const auto& terms = test.terms[i];
        Sums next(sums.size() * terms.size());
        for (Eigen::Index j = 0; j < sums.size(); ++j)
          for (std::size_t o = 0; o < terms.size(); ++o)
            next[j * terms.size() + o] = sums[j] + terms[o];
        sums = std::move(next);
      }
      inner_sums_.push_back(std::move(sums));
    }
  }

  // Calls visit(package) for each package every test accepts, in order,
  // until visit returns false.
  template <class Visit>
  void for_each_acceptable(Visit&& visit) const {
    std::vector<std::uint32_t> outer(split_, 0);
    Eigen::Array<bool, Eigen::Dynamic, 1> pass(inner_count_);
    for (std::uint64_t block = 0;; ++block) {
      pass.setConstant(true);
      std::size_t scaled = 0;
      for (const auto& test : tests_) {
        if (!test.scaled) continue;
        std::int64_t outer_sum = 0;
        for (std::size_t i = 0; i < split_; ++i)
          outer_sum += test.terms[i][outer[i]];
        pass = pass && (inner_sums_[scaled++] >= test.threshold - outer_sum);
      }
      for (Eigen::Index j = 0; j < pass.size(); ++j) {
        if (!pass[j]) continue;
        const std::uint64_t package = block * inner_count_ + j;
        bool accepted = true;
        for (const auto& test : tests_)
          if (!test.scaled &&
              !accepts_by_utility(space_, *test.actor, package)) {
            accepted = false;
            break;
          }
        if (accepted && !visit(package)) return;
      }
      std::size_t i = split_;  // the odometer over the first issues
      while (i > 0 && ++outer[i - 1] == space_.issue(i - 1).options().size())
        outer[--i] = 0;
      if (i == 0) return;
    }
  }

 private:
  const IssueSpace& space_;
  std::vector<Acceptance> tests_;
  std::size_t split_ = 0;
  std::uint64_t inner_count_ = 1;
  std::vector<Sums> inner_sums_;
};

std::vector<Acceptance> acceptance_tests(const IssueSpace& space,
                                         std::span<const Actor> actors,
                                         std::span<const std::size_t> which) {
  std::vector<Acceptance> tests;
  for (const std::size_t a : which)
    tests.push_back(acceptance(space, actors[a]));
  return tests;
}

bool some_package_acceptable(const IssueSpace& space,
                             std::span<const Actor> actors,
                             std::span<const std::size_t> which) {
  bool found = false;
  PackageWalker(space, acceptance_tests(space, actors, which))
      .for_each_acceptable([&](std::uint64_t) { return !(found = true); });
  return found;
}

}  // namespace

PackageZopa package_zopa(const IssueSpace& space, std::span<const Actor> actors,
                         const PackageZopaLimits& limits) {
  check_actors(space, actors);
  PackageZopa zopa;
  zopa.package_count = space.package_count();
  if (zopa.package_count > limits.max_packages)
    throw LimitError(
        "the issue space has " + std::to_string(zopa.package_count) +
        " packages, above the limit of " + std::to_string(limits.max_packages) +
        " for enumerating its ZOPA");
  std::vector<std::size_t> everyone(actors.size());
  std::iota(everyone.begin(), everyone.end(), 0);
  PackageWalker(space, acceptance_tests(space, actors, everyone))
      .for_each_acceptable([&](std::uint64_t package) {
        zopa.packages.push_back(package);
        return true;
      });
  if (zopa.packages.empty())
    zopa.conflicting_actors = detail::minimal_conflict(
        actors.size(), [&](const std::vector<std::size_t>& which) {
          return !some_package_acceptable(space, actors, which);
        });
  return zopa;
}

std::vector<std::uint64_t> pareto_packages(
    const IssueSpace& space, std::span<const Actor> actors,
    std::span<const std::uint64_t> packages) {
  check_actors(space, actors);
  const std::size_t n = actors.size(), count = packages.size();
  // Dominance only compares each actor's utilities among themselves, so any
  // increasing transform will do: scaled integers where exact ones fit, and
  // ranks of the exact utilities otherwise.
  std::vector<std::int64_t> score(count * n);
  for (std::size_t a = 0; a < n; ++a) {
    const Acceptance test = acceptance(space, actors[a]);
    if (test.scaled) {
      for (std::size_t k = 0; k < count; ++k) {
        const auto choice = space.options_of(packages[k]);
        std::int64_t sum = 0;
        for (std::size_t i = 0; i < choice.size(); ++i)
          sum += test.terms[i][choice[i]];
        score[k * n + a] = sum;
      }
      continue;
    }
    std::vector<Rational> utility;
    utility.reserve(count);
    for (const auto p : packages)
      utility.push_back(actors[a].preference.utility(space.package(p)));
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      return utility[x] < utility[y];
    });
    std::int64_t rank = 0;
    for (std::size_t r = 0; r < count; ++r) {
      if (r > 0 && utility[order[r - 1]] < utility[order[r]]) ++rank;
      score[order[r] * n + a] = rank;
    }
  }
  // Sort-filter-skyline: in descending lexicographic order a package can
  // only be dominated by one that comes before it, so by one already kept.
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return std::lexicographical_compare(
        score.begin() + y * n, score.begin() + (y + 1) * n,
        score.begin() + x * n, score.begin() + (x + 1) * n);
  });
  const auto same = [&](std::size_t x, std::size_t y) {
    return std::equal(score.begin() + x * n, score.begin() + (x + 1) * n,
                      score.begin() + y * n);
  };
  const auto dominates = [&](std::size_t x, std::size_t y) {
    bool strictly = false;
    for (std::size_t a = 0; a < n; ++a) {
      if (score[x * n + a] < score[y * n + a]) return false;
      strictly = strictly || score[x * n + a] > score[y * n + a];
    }
    return strictly;
  };
  // Packages with equal utilities stand or fall together: each run of equal
  // scores is tested once, by its first member. With two actors one sweep
  // decides (a package is optimal iff its second score beats every earlier
  // one); with more, each run is compared with the runs kept so far.
  std::vector<std::size_t> kept, kept_runs;
  std::int64_t best_second = 0;
  for (std::size_t begin = 0, end = 0; begin < count; begin = end) {
    end = begin + 1;
    while (end < count && same(order[begin], order[end])) ++end;
    const std::size_t k = order[begin];
    bool optimal;
    if (n == 2) {
      optimal = begin == 0 || score[k * n + 1] > best_second;
      if (begin == 0 || score[k * n + 1] > best_second)
        best_second = score[k * n + 1];
    } else {
      optimal = std::none_of(kept_runs.begin(), kept_runs.end(),
                             [&](std::size_t f) { return dominates(f, k); });
      if (optimal) kept_runs.push_back(k);
    }
    if (optimal)
      for (std::size_t r = begin; r < end; ++r) kept.push_back(order[r]);
  }
  std::vector<std::uint64_t> frontier;
  frontier.reserve(kept.size());
  for (const std::size_t k : kept) frontier.push_back(packages[k]);
  std::sort(frontier.begin(), frontier.end());
  return frontier;
}

PackageSolutions package_solutions(const IssueSpace& space,
                                   std::span<const Actor> actors,
                                   std::span<const std::uint64_t> packages) {
  check_actors(space, actors);
  if (packages.empty())
    throw ModelError("no package to choose from: the ZOPA is empty");
  const std::size_t n = actors.size();
  std::vector<std::vector<Rational>> gain(packages.size());
  std::vector<Rational> sum(packages.size(), Rational(0)), best(n);
  for (std::size_t k = 0; k < packages.size(); ++k) {
    const Package x = space.package(packages[k]);
    for (std::size_t a = 0; a < n; ++a) {
      gain[k].push_back(actors[a].preference.utility(x) -
                        actors[a].reservation);
      if (gain[k].back() < 0)
        throw ModelError("package " + std::to_string(packages[k]) +
                         " is below the reservation value of " +
                         detail::actor_field(actors, a) +
                         ", expected packages of the ZOPA");
      sum[k] += gain[k][a];
      if (k == 0 || gain[k][a] > best[a]) best[a] = gain[k][a];
    }
  }
  // The package with the largest score, then the largest sum, then first.
  using Score = std::pair<std::size_t, Rational>;  // (rank, value)
  const auto argmax = [&](auto score) {
    std::size_t chosen = 0;
    Score top = score(0);
    for (std::size_t k = 1; k < packages.size(); ++k) {
      const Score s = score(k);
      if (s > top || (s == top && sum[k] > sum[chosen])) chosen = k, top = s;
    }
    return packages[chosen];
  };
  PackageSolutions out;
  out.utilitarian = argmax([&](std::size_t k) { return Score{0, sum[k]}; });
  out.egalitarian = argmax([&](std::size_t k) {
    return Score{0, *std::min_element(gain[k].begin(), gain[k].end())};
  });
  out.kalai_smorodinsky = argmax([&](std::size_t k) {
    Rational least = 1;
    for (std::size_t a = 0; a < n; ++a)
      if (best[a] > 0) least = std::min(least, gain[k][a] / best[a]);
    return Score{0, least};
  });
  // Actors who gain nothing anywhere would zero every product; the
  // product runs over those who gain here, and more of them come first.
  out.nash = argmax([&](std::size_t k) {
    Rational product = 1;
    std::size_t gaining = 0;
    for (std::size_t a = 0; a < n; ++a)
      if (best[a] > 0) {
        product *= gain[k][a];
        gaining += gain[k][a] > 0;
      }
    return Score{gaining, product};
  });
  return out;
}

}  // namespace bargain
