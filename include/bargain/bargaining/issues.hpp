// What is being negotiated: issues, each continuous on a range or discrete
// with named options, grouped into named tracks (a ceasefire track, a
// settlement track). A package gives every issue of a space a position; a
// package over some tracks only is a package of the subspace of those tracks.
//
//   IssueSpace space;
//   const auto settlement = space.add_track("settlement");
//   space.add_issue(settlement, Issue::continuous("territory", 0, 1));
//   space.add_issue(settlement,
//                   Issue::discrete("neutrality", {{"NATO path", 0},
//                                                  {"non-aligned", 1},
//                                                  {"neutral", 2}}));
//
// Discrete options carry a position on the issue's scale, so one spatial
// preference (distance from an ideal position) serves both kinds of issue.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bargain/numeric.hpp"

namespace bargain {

using IssueId = std::uint32_t;
using TrackId = std::uint32_t;

/// A position for every issue of a space, in issue order: the value of a
/// continuous issue, the position of the chosen option of a discrete one.
using Package = std::vector<Rational>;

/// One option of a discrete issue and its position on the issue's scale.
struct IssueOption {
  std::string name;
  Rational position;
};

/// An issue under negotiation: continuous on [lo, hi], or a choice among
/// named options.
class Issue {
 public:
  /// Any value in [lo, hi]; lo <= hi.
  static Issue continuous(std::string name, Rational lo, Rational hi);
  /// One of the options (at least one; names and positions distinct).
  static Issue discrete(std::string name, std::vector<IssueOption> options);

  const std::string& name() const noexcept { return name_; }
  bool is_continuous() const noexcept { return options_.empty(); }
  bool is_discrete() const noexcept { return !options_.empty(); }
  /// The smallest and largest position the issue allows.
  const Rational& lo() const noexcept { return lo_; }
  const Rational& hi() const noexcept { return hi_; }
  /// The options of a discrete issue (none for a continuous one).
  std::span<const IssueOption> options() const noexcept { return options_; }
  std::optional<std::uint32_t> find_option(std::string_view name) const;
  /// Whether `position` is a value this issue allows.
  bool allows(const Rational& position) const;

 private:
  std::string name_;
  Rational lo_, hi_;
  std::vector<IssueOption> options_;
};

/// A subspace of chosen tracks and, for each of its issues, the issue's id
/// in the space it came from.
struct TrackSubspace;

/// Issues grouped into tracks; issue and track names are unique.
class IssueSpace {
 public:
  TrackId add_track(std::string name);
  IssueId add_issue(TrackId track, Issue issue);

  std::size_t track_count() const noexcept { return track_names_.size(); }
  std::size_t issue_count() const noexcept { return issues_.size(); }
  const std::string& track_name(TrackId t) const { return track_names_.at(t); }
  const Issue& issue(IssueId i) const { return issues_.at(i); }
  std::span<const Issue> issues() const noexcept { return issues_; }
  TrackId track_of(IssueId i) const { return track_of_.at(i); }
  std::vector<IssueId> issues_of(TrackId t) const;
  std::optional<IssueId> find_issue(std::string_view name) const;
  std::optional<TrackId> find_track(std::string_view name) const;

  bool all_continuous() const;
  bool all_discrete() const;

  /// The issues of the given tracks only, as a space of their own.
  TrackSubspace subspace(std::span<const TrackId> tracks) const;

  /// How many packages a space of discrete issues has; LimitError beyond
  /// 2^63. Packages are numbered in mixed radix, the last issue fastest.
  std::uint64_t package_count() const;
  /// The option chosen on each issue by package number `index`.
  std::vector<std::uint32_t> options_of(std::uint64_t index) const;
  /// The package (positions) numbered `index`.
  Package package(std::uint64_t index) const;

  /// Throws ModelError naming `what` and the issue unless `x` gives every
  /// issue an allowed position.
  void check(const Package& x, std::string_view what) const;

 private:
  void require_discrete(std::string_view operation) const;

  std::vector<std::string> track_names_;
  std::vector<Issue> issues_;
  std::vector<TrackId> track_of_;
};

struct TrackSubspace {
  IssueSpace space;
  std::vector<IssueId> issue_in_parent;
};

}  // namespace bargain
