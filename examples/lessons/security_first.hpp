// Lesson "security first": with the security issues (neutrality, the
// guarantee, force caps) weighing most for Russia and Ukraine, a deal can
// trade them against each other and leave territory at its status quo;
// with the weights flipped toward territory no package beats fighting on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lesson.hpp"

namespace lessons {

/// One set of weights, solved: round 1's ZOPA frontier and what round 1's
/// proposer gets agreed (the package once backed), if anything.
struct SecurityCase {
  bargain::Scenario scenario;
  Summary summary;
  std::vector<bargain::ZopaPackage> frontier;
  std::optional<std::vector<std::uint32_t>> agreed;
};

struct SecurityFirst {
  SecurityCase essay, flipped;
  std::size_t territory = 0;
  std::vector<std::size_t> security;  ///< the security issues
  /// Round 1's frontier under the essay's weights is not empty and each of
  /// its packages settles a security issue with territory at status quo.
  bool security_deal = false;
  /// No ZOPA in any round under the flipped weights.
  bool flipped_empty = false;
  /// Round 1's ZOPA size at shares 0, 1/4, .., 1 of the way to the flip,
  /// and where between 0 and 1 it empties (when it does).
  std::vector<std::pair<Rational, std::uint64_t>> zopa_by_share;
  std::optional<bargain::RegimeChange<bool>> closes;
};

inline std::size_t issue_index(const bargain::Scenario& s,
                               const std::string& name) {
  for (std::size_t k = 0; k < s.issues.size(); ++k)
    if (s.issues[k].name == name) return k;
  throw bargain::ModelError("no issue named " + name);
}

/// Whether a package moves some security issue off its status quo while
/// territory stays at its own.
inline bool settles_security_only(const SecurityFirst& f,
                                  const bargain::Scenario& s,
                                  const std::vector<std::uint32_t>& package) {
  if (package[f.territory] != s.issues[f.territory].status_quo) return false;
  for (const auto k : f.security)
    if (package[k] != s.issues[k].status_quo) return true;
  return false;
}

/// Each belligerent's weights moved a share `share` of the way to their
/// flip: territory taking the security issues' total weight, and the
/// security issues territory's old weight in their old proportions. Each
/// actor's total weight is unchanged.
inline void flip_toward_territory(bargain::Scenario& s, const SecurityFirst& f,
                                  const Rational& share = 1) {
  for (auto& actor : s.actors) {
    if (!actor.belligerent) continue;
    Rational security = 0;
    for (const auto k : f.security) security += actor.salience[k];
    const Rational territory = actor.salience[f.territory];
    const Rational scale = 1 + share * (territory / security - 1);
    for (const auto k : f.security) actor.salience[k] *= scale;
    actor.salience[f.territory] += share * (security - territory);
  }
}

inline SecurityCase solve_security_case(bargain::Scenario scenario) {
  SecurityCase c;
  c.summary = summarise(scenario);
  const auto& first = c.summary.solution.path.at(0).choices.at(0);
  c.frontier = first.zopa_frontier;
  if (first.accepted && !first.passes) c.agreed = first.backed;
  c.scenario = std::move(scenario);
  return c;
}

inline SecurityFirst security_first() {
  SecurityFirst f;
  bargain::Scenario essay = scenario("security_first");
  f.territory = issue_index(essay, "territory");
  for (const char* name : {"neutrality", "security guarantee", "force caps"})
    f.security.push_back(issue_index(essay, name));
  bargain::Scenario flipped = essay;
  flip_toward_territory(flipped, f);
  f.essay = solve_security_case(std::move(essay));
  f.flipped = solve_security_case(std::move(flipped));

  f.security_deal = !f.essay.frontier.empty();
  for (const auto& p : f.essay.frontier)
    f.security_deal =
        f.security_deal && settles_security_only(f, f.essay.scenario, p.backed);
  f.flipped_empty = f.flipped.summary.settlement == 0;
  for (const auto& visit : f.flipped.summary.solution.path)
    for (const auto& choice : visit.choices)
      f.flipped_empty = f.flipped_empty && choice.zopa_size == 0;

  const auto round1_zopa = [&](const Rational& share) {
    bargain::Scenario s = f.essay.scenario;
    flip_toward_territory(s, f, share);
    return summarise(s).first_zopa;
  };
  for (int quarter = 0; quarter <= 4; ++quarter)
    f.zopa_by_share.emplace_back(Rational(quarter, 4),
                                 round1_zopa(Rational(quarter, 4)));
  const auto round1_empty = [&](const Rational& share) {
    return round1_zopa(share) == 0;
  };
  if (!round1_empty(0) && round1_empty(1))
    f.closes = bargain::find_regime_change(round1_empty, Rational(0),
                                           Rational(1), Rational(1, 1000));
  return f;
}

}  // namespace lessons
