#include "bargain/bargaining/issues.hpp"

#include <algorithm>
#include <limits>
#include <set>

#include "bargain/error.hpp"

namespace bargain {

namespace {

std::string in_quotes(std::string_view text) {
  std::string out = "\"";
  out += text;
  out += '"';
  return out;
}

}  // namespace

Issue Issue::continuous(std::string name, Rational lo, Rational hi) {
  if (hi < lo)
    throw ModelError("issue " + in_quotes(name) + " has range [" +
                     to_string(lo) + ", " + to_string(hi) +
                     "], expected a lower end no greater than the upper end");
  Issue issue;
  issue.name_ = std::move(name);
  issue.lo_ = std::move(lo);
  issue.hi_ = std::move(hi);
  return issue;
}

Issue Issue::discrete(std::string name, std::vector<IssueOption> options) {
  if (options.empty())
    throw ModelError("issue " + in_quotes(name) +
                     " has no options, expected at least one");
  std::set<std::string_view> names;
  std::set<Rational> positions;
  for (const auto& option : options) {
    if (!names.insert(option.name).second)
      throw ModelError("issue " + in_quotes(name) + " lists option " +
                       in_quotes(option.name) +
                       " twice, expected distinct option names");
    if (!positions.insert(option.position).second)
      throw ModelError("issue " + in_quotes(name) + " puts option " +
                       in_quotes(option.name) + " at position " +
                       to_string(option.position) +
                       ", which another option holds; expected distinct "
                       "positions");
  }
  Issue issue;
  issue.name_ = std::move(name);
  issue.lo_ = *positions.begin();
  issue.hi_ = *positions.rbegin();
  issue.options_ = std::move(options);
  return issue;
}

std::optional<std::uint32_t> Issue::find_option(std::string_view name) const {
  for (std::uint32_t o = 0; o < options_.size(); ++o)
    if (options_[o].name == name) return o;
  return std::nullopt;
}

bool Issue::allows(const Rational& position) const {
  if (is_continuous()) return lo_ <= position && position <= hi_;
  return std::any_of(options_.begin(), options_.end(),
                     [&](const auto& o) { return o.position == position; });
}

TrackId IssueSpace::add_track(std::string name) {
  if (find_track(name))
    throw ModelError("track " + in_quotes(name) +
                     " is added twice, expected distinct track names");
  track_names_.push_back(std::move(name));
  return static_cast<TrackId>(track_names_.size() - 1);
}

IssueId IssueSpace::add_issue(TrackId track, Issue issue) {
  if (track >= track_names_.size())
    throw ModelError("issue " + in_quotes(issue.name()) + " is put on track " +
                     std::to_string(track) + ", expected a track from 0 to " +
                     std::to_string(track_names_.size()) + " - 1");
  if (find_issue(issue.name()))
    throw ModelError("issue " + in_quotes(issue.name()) +
                     " is added twice, expected distinct issue names");
  issues_.push_back(std::move(issue));
  track_of_.push_back(track);
  return static_cast<IssueId>(issues_.size() - 1);
}

std::vector<IssueId> IssueSpace::issues_of(TrackId t) const {
  std::vector<IssueId> out;
  for (IssueId i = 0; i < issues_.size(); ++i)
    if (track_of_[i] == t) out.push_back(i);
  return out;
}

std::optional<IssueId> IssueSpace::find_issue(std::string_view name) const {
  for (IssueId i = 0; i < issues_.size(); ++i)
    if (issues_[i].name() == name) return i;
  return std::nullopt;
}

std::optional<TrackId> IssueSpace::find_track(std::string_view name) const {
  for (TrackId t = 0; t < track_names_.size(); ++t)
    if (track_names_[t] == name) return t;
  return std::nullopt;
}

bool IssueSpace::all_continuous() const {
  return std::all_of(issues_.begin(), issues_.end(),
                     [](const Issue& i) { return i.is_continuous(); });
}

bool IssueSpace::all_discrete() const {
  return std::all_of(issues_.begin(), issues_.end(),
                     [](const Issue& i) { return i.is_discrete(); });
}

TrackSubspace IssueSpace::subspace(std::span<const TrackId> tracks) const {
  TrackSubspace sub;
  for (const TrackId t : tracks) {
    if (t >= track_names_.size())
      throw ModelError("subspace of track " + std::to_string(t) +
                       ", expected a track from 0 to " +
                       std::to_string(track_names_.size()) + " - 1");
    const TrackId mine = sub.space.add_track(track_name(t));
    for (const IssueId i : issues_of(t)) {
      sub.space.add_issue(mine, issues_[i]);
      sub.issue_in_parent.push_back(i);
    }
  }
  return sub;
}

void IssueSpace::require_discrete(std::string_view operation) const {
  for (const auto& issue : issues_)
    if (issue.is_continuous())
      throw ModelError(std::string(operation) + " needs discrete issues, but " +
                       in_quotes(issue.name()) + " is continuous");
}

std::uint64_t IssueSpace::package_count() const {
  require_discrete("counting packages");
  constexpr std::uint64_t limit = std::uint64_t(1) << 63;
  std::uint64_t count = 1;
  for (const auto& issue : issues_) {
    const std::uint64_t k = issue.options().size();
    if (count > limit / k)
      throw LimitError("the issue space has more than 2^63 packages");
    count *= k;
  }
  return count;
}

std::vector<std::uint32_t> IssueSpace::options_of(std::uint64_t index) const {
  if (index >= package_count())
    throw ModelError("package number " + std::to_string(index) +
                     " is out of range, expected below " +
                     std::to_string(package_count()));
  std::vector<std::uint32_t> choice(issues_.size());
  for (std::size_t i = issues_.size(); i-- > 0;) {
    const std::uint64_t k = issues_[i].options().size();
    choice[i] = static_cast<std::uint32_t>(index % k);
    index /= k;
  }
  return choice;
}

Package IssueSpace::package(std::uint64_t index) const {
  const auto choice = options_of(index);
  Package x;
  x.reserve(choice.size());
  for (std::size_t i = 0; i < choice.size(); ++i)
    x.push_back(issues_[i].options()[choice[i]].position);
  return x;
}

void IssueSpace::check(const Package& x, std::string_view what) const {
  if (x.size() != issues_.size())
    throw ModelError(std::string(what) + " has " + std::to_string(x.size()) +
                     " positions, expected one per issue (" +
                     std::to_string(issues_.size()) + ")");
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!issues_[i].allows(x[i]))
      throw ModelError(
          std::string(what) + " puts issue " + in_quotes(issues_[i].name()) +
          " at " + to_string(x[i]) + ", expected " +
          (issues_[i].is_continuous()
               ? "a value in [" + to_string(issues_[i].lo()) + ", " +
                     to_string(issues_[i].hi()) + "]"
               : std::string("the position of one of its options")));
}

}  // namespace bargain
