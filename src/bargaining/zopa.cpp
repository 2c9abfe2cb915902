#include "bargain/bargaining/zopa.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "bargain/bargaining/conflict.hpp"
#include "bargain/error.hpp"
#include "bargain/solve/exact_lp.hpp"

namespace bargain {

namespace {

using detail::actor_field;

void require_linear_continuous(const IssueSpace& space,
                               std::span<const Actor> actors) {
  check_actors(space, actors);
  for (const auto& issue : space.issues())
    if (issue.is_discrete())
      throw ModelError("issue \"" + issue.name() +
                       "\" is discrete; the ZOPA polytope needs continuous "
                       "issues (enumerate packages for discrete ones)");
  for (std::size_t a = 0; a < actors.size(); ++a) {
    const auto& p = actors[a].preference;
    if (!p.is_spatial() || p.loss() != Loss::linear)
      throw ModelError(actor_field(actors, a) +
                       " has a utility that is not linear loss, so its "
                       "acceptable packages are not a polytope; expected "
                       "linear loss for continuous issues");
  }
}

// Where the actor's utility reaches its reservation inside the box lo..hi:
// sum_i s_i |x_i - m_i| <= at_ideal - r. On an issue whose ideal lies
// outside the box the absolute value has one sign; with the ideal inside,
// requiring the inequality for both signs is the same as for |.|, so the
// set is one half-space per sign pattern of those issues.
std::vector<Halfspace> acceptance_halfspaces(const Actor& actor,
                                             std::span<const Rational> lo,
                                             std::span<const Rational> hi) {
  constexpr std::size_t kMaxIdealsInside = 12;
  const auto& p = actor.preference;
  const std::size_t n = lo.size();
  std::vector<Rational> normal(n, Rational(0));
  Rational bound = p.at_ideal() - actor.reservation;
  std::vector<std::size_t> inside;
  for (std::size_t i = 0; i < n; ++i) {
    const Rational& s = p.salience()[i];
    const Rational& m = p.ideal()[i];
    if (s == 0) continue;
    if (lo[i] < m && m < hi[i]) {
      inside.push_back(i);
      continue;
    }
    const int sign = m <= lo[i] ? 1 : -1;
    normal[i] = sign * s;
    bound += sign * s * m;
  }
  if (inside.size() > kMaxIdealsInside)
    throw LimitError(
        "actor \"" + actor.name +
        "\" has its ideal inside the "
        "range of " +
        std::to_string(inside.size()) + " issues, which would take 2^" +
        std::to_string(inside.size()) + " half-spaces; the limit is 2^" +
        std::to_string(kMaxIdealsInside));
  std::vector<Halfspace> out;
  for (std::size_t pattern = 0; pattern < (std::size_t(1) << inside.size());
       ++pattern) {
    Halfspace h{normal, bound, actor.name + ": utility >= reservation"};
    for (std::size_t k = 0; k < inside.size(); ++k) {
      const std::size_t i = inside[k];
      const int sign = (pattern >> k) & 1 ? -1 : 1;
      h.normal[i] = sign * p.salience()[i];
      h.bound += sign * p.salience()[i] * p.ideal()[i];
    }
    out.push_back(std::move(h));
  }
  return out;
}

struct Box {
  std::vector<Rational> lo, hi;
  std::vector<std::string> names;
};

Box issue_box(const IssueSpace& space) {
  Box box;
  for (const auto& issue : space.issues()) {
    box.lo.push_back(issue.lo());
    box.hi.push_back(issue.hi());
    box.names.push_back(issue.name());
  }
  return box;
}

// The polytope of the box cut by every actor's half-spaces; actor_of
// records whose each cut is.
Polytope acceptable_region(const Box& box, std::span<const Actor> actors,
                           std::vector<std::size_t>* actor_of) {
  Polytope polytope(box.lo, box.hi, box.names);
  for (std::size_t a = 0; a < actors.size(); ++a)
    for (auto& h : acceptance_halfspaces(actors[a], box.lo, box.hi)) {
      polytope.add(std::move(h));
      if (actor_of) actor_of->push_back(a);
    }
  return polytope;
}

}  // namespace

PolytopeZopa polytope_zopa(const IssueSpace& space,
                           std::span<const Actor> actors) {
  require_linear_continuous(space, actors);
  const Box box = issue_box(space);
  std::vector<std::size_t> actor_of;
  Polytope polytope = acceptable_region(box, actors, &actor_of);
  PolytopeZopa zopa{std::move(polytope), std::move(actor_of), {}};
  // Who is in the way is a question about actors, each of whom may own
  // several half-spaces: the deletion filter drops whole actors, testing
  // each remaining group by the sign of its margin.
  if (zopa.empty())
    zopa.conflicting_actors = detail::minimal_conflict(
        actors.size(), [&](const std::vector<std::size_t>& which) {
          std::vector<Actor> group;
          for (const std::size_t a : which) group.push_back(actors[a]);
          return !group.empty() && zopa_margin(space, group) < 0;
        });
  return zopa;
}

Rational zopa_margin(const IssueSpace& space, std::span<const Actor> actors) {
  require_linear_continuous(space, actors);
  const Box box = issue_box(space);
  const std::size_t n = space.issue_count();
  // Variables x_1..x_n and t; every acceptance half-space a.x <= b becomes
  // a.x + t <= b (the actor's utility exceeds its reservation by t).
  ExactLp lp;
  lp.objective.assign(n + 1, Rational(0));
  lp.objective[n] = 1;
  const auto add_row = [&](std::vector<Rational> row, Rational bound) {
    lp.rows.push_back(std::move(row));
    lp.relations.push_back(Relation::less_equal);
    lp.rhs.push_back(std::move(bound));
  };
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<Rational> row(n + 1, Rational(0));
    row[i] = 1;
    add_row(row, box.hi[i]);
    row[i] = -1;
    add_row(row, -box.lo[i]);
  }
  for (const auto& actor : actors)
    for (auto& h : acceptance_halfspaces(actor, box.lo, box.hi)) {
      h.normal.emplace_back(1);
      add_row(std::move(h.normal), std::move(h.bound));
    }
  return maximize(lp).value;
}

Package ZopaBargaining::package_of(const PointMix& mix) const {
  Package x(packages.empty() ? 0 : packages.front().size(), Rational(0));
  for (const auto& [k, weight] : mix)
    for (std::size_t i = 0; i < x.size(); ++i)
      x[i] += weight * packages.at(k)[i];
  return x;
}

ZopaBargaining zopa_bargaining(const PolytopeZopa& zopa,
                               const IssueSpace& space,
                               std::span<const Actor> actors) {
  require_linear_continuous(space, actors);
  if (zopa.empty())
    throw ModelError("the ZOPA is empty, so there is nothing to bargain over");
  // Utilities are linear between consecutive interior ideals of each issue:
  // the extreme packages are the vertices of the ZOPA within each region.
  constexpr std::size_t kMaxRegions = 4096;
  const Box box = issue_box(space);
  std::vector<std::vector<Rational>> cuts(space.issue_count());
  std::size_t regions = 1;
  for (std::size_t i = 0; i < space.issue_count(); ++i) {
    cuts[i].push_back(box.lo[i]);
    std::set<Rational> ideals;
    for (const auto& actor : actors) {
      const Rational& m = actor.preference.ideal()[i];
      if (actor.preference.salience()[i] != 0 && box.lo[i] < m && m < box.hi[i])
        ideals.insert(m);
    }
    cuts[i].insert(cuts[i].end(), ideals.begin(), ideals.end());
    cuts[i].push_back(box.hi[i]);
    regions *= cuts[i].size() - 1;
    if (regions > kMaxRegions)
      throw LimitError(
          "the actors' ideals split the issue space into more "
          "than " +
          std::to_string(kMaxRegions) + " regions where utilities are linear");
  }
  std::set<Package> extreme;
  if (regions == 1) {
    for (const auto& v : zopa.polytope.vertices()) extreme.insert(v.point);
  } else {
    std::vector<std::size_t> segment(space.issue_count(), 0);
    for (std::size_t r = 0; r < regions; ++r) {
      Box cell = box;
      for (std::size_t i = 0; i < segment.size(); ++i) {
        cell.lo[i] = cuts[i][segment[i]];
        cell.hi[i] = cuts[i][segment[i] + 1];
      }
      const Polytope region = acceptable_region(cell, actors, nullptr);
      for (const auto& v : region.vertices()) extreme.insert(v.point);
      for (std::size_t i = segment.size(); i-- > 0;) {
        if (++segment[i] + 1 < cuts[i].size()) break;
        segment[i] = 0;
      }
    }
  }
  ZopaBargaining out;
  for (const auto& actor : actors)
    out.problem.disagreement.push_back(actor.reservation);
  for (const auto& x : extreme) {
    std::vector<Rational> u;
    for (const auto& actor : actors) u.push_back(actor.preference.utility(x));
    out.problem.points.push_back(std::move(u));
    out.packages.push_back(x);
  }
  return out;
}

bool IssueByIssueZopa::empty() const {
  return std::any_of(issues.begin(), issues.end(),
                     [](const auto& i) { return i.empty(); });
}

IssueByIssueZopa issue_by_issue_zopa(const IssueSpace& space,
                                     std::span<const Actor> actors) {
  check_actors(space, actors);
  const std::size_t n = space.issue_count();
  IssueByIssueZopa zopa;
  for (const auto& issue : space.issues()) {
    auto& settled = zopa.issues.emplace_back();
    settled.continuous = issue.is_continuous();
    if (settled.continuous)
      settled.range = Interval<Rational>(issue.lo(), issue.hi());
    for (std::uint32_t o = 0; o < issue.options().size(); ++o)
      settled.options.push_back(o);
  }
  for (std::size_t a = 0; a < actors.size(); ++a) {
    const auto& p = actors[a].preference;
    if (!p.is_spatial())
      throw ModelError(actor_field(actors, a) +
                       " has a custom utility, which has no per-issue terms; "
                       "expected a spatial preference");
    // Each issue's term ranges over [worst, best]; the actor asks of every
    // issue the share of its range its reservation asks of the whole.
    std::vector<Rational> worst(n), best(n);
    Rational total_worst = p.at_ideal(), total_best = p.at_ideal();
    for (IssueId i = 0; i < n; ++i) {
      const auto& issue = space.issue(i);
      if (issue.is_continuous()) {
        if (p.loss() != Loss::linear && p.salience()[i] != 0)
          throw ModelError(actor_field(actors, a) +
                           " has quadratic loss on continuous issue \"" +
                           issue.name() +
                           "\", whose acceptable range can be irrational; "
                           "expected linear loss");
        const Rational& m = p.ideal()[i];
        const Rational nearest = m < issue.lo()   ? issue.lo()
                                 : m > issue.hi() ? issue.hi()
                                                  : m;
        best[i] = p.issue_term(i, nearest);
        worst[i] =
            std::min(p.issue_term(i, issue.lo()), p.issue_term(i, issue.hi()));
      } else {
        best[i] = worst[i] = p.issue_term(i, issue.options()[0].position);
        for (const auto& option : issue.options()) {
          const Rational t = p.issue_term(i, option.position);
          best[i] = std::max(best[i], t);
          worst[i] = std::min(worst[i], t);
        }
      }
      total_worst += worst[i];
      total_best += best[i];
    }
    const Rational& r = actors[a].reservation;
    if (r > total_best) {  // nothing is enough, on any issue
      for (auto& settled : zopa.issues) {
        settled.range = Interval<Rational>();
        settled.options.clear();
      }
      continue;
    }
    const Rational share = total_best == total_worst
                               ? Rational(0)
                               : (r - total_worst) / (total_best - total_worst);
    for (IssueId i = 0; i < n; ++i) {
      const auto& issue = space.issue(i);
      const Rational floor = worst[i] + share * (best[i] - worst[i]);
      if (issue.is_discrete()) {
        std::erase_if(zopa.issues[i].options, [&](std::uint32_t o) {
          return p.issue_term(i, issue.options()[o].position) < floor;
        });
        continue;
      }
      // -s |x - m| >= floor: within -floor / s of the ideal.
      const Rational& s = p.salience()[i];
      const Rational& m = p.ideal()[i];
      const Interval<Rational> accepted =
          s == 0 ? (floor <= 0 ? Interval<Rational>(issue.lo(), issue.hi())
                               : Interval<Rational>())
                 : Interval<Rational>(m + floor / s, m - floor / s);
      zopa.issues[i].range = zopa.issues[i].range.intersect(accepted);
    }
  }
  return zopa;
}

}  // namespace bargain
