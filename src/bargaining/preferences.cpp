#include "bargain/bargaining/preferences.hpp"

#include <cmath>

#include "bargain/error.hpp"

namespace bargain {

std::string_view to_string(Loss loss) {
  return loss == Loss::linear ? "linear" : "quadratic";
}

Preference Preference::spatial(std::vector<Rational> ideal,
                               std::vector<Rational> salience, Loss loss,
                               Rational at_ideal) {
  if (ideal.size() != salience.size())
    throw ModelError("a spatial preference has " +
                     std::to_string(ideal.size()) + " ideal positions and " +
                     std::to_string(salience.size()) +
                     " saliences, expected one of each per issue");
  for (std::size_t i = 0; i < salience.size(); ++i)
    if (salience[i] < 0)
      throw ModelError("salience of issue " + std::to_string(i) + " is " +
                       to_string(salience[i]) + ", expected a number >= 0");
  Preference p;
  p.issue_count_ = ideal.size();
  p.ideal_ = std::move(ideal);
  p.salience_ = std::move(salience);
  p.loss_ = loss;
  p.at_ideal_ = std::move(at_ideal);
  return p;
}

Preference Preference::custom(std::string description, std::size_t issue_count,
                              Callable utility) {
  if (!utility)
    throw ModelError("custom preference \"" + description +
                     "\" has no utility function");
  Preference p;
  p.issue_count_ = issue_count;
  p.description_ = std::move(description);
  p.custom_ = std::make_shared<const Callable>(std::move(utility));
  return p;
}

Rational Preference::issue_term(IssueId i, const Rational& position) const {
  if (!is_spatial())
    throw ModelError("custom preference \"" + description_ +
                     "\" has no per-issue terms");
  const Rational distance = position - ideal_.at(i);
  if (loss_ == Loss::linear) return -salience_[i] * abs(distance);
  return -salience_[i] * distance * distance;
}

Rational Preference::utility(const Package& x) const {
  if (x.size() != issue_count_)
    throw ModelError("a package with " + std::to_string(x.size()) +
                     " positions was given to a preference over " +
                     std::to_string(issue_count_) + " issues");
  if (custom_) {
    std::vector<double> positions;
    positions.reserve(x.size());
    for (const auto& v : x) positions.push_back(to_double(v));
    const double u = (*custom_)(positions);
    if (!std::isfinite(u))
      throw ModelError("custom preference \"" + description_ +
                       "\" returned a non-finite utility");
    return Rational(u);
  }
  Rational u = at_ideal_;
  for (IssueId i = 0; i < x.size(); ++i) u += issue_term(i, x[i]);
  return u;
}

Preference Preference::restricted(std::span<const IssueId> issues) const {
  if (!is_spatial())
    throw ModelError("custom preference \"" + description_ +
                     "\" cannot be restricted to a subset of issues");
  std::vector<Rational> ideal, salience;
  for (const IssueId i : issues) {
    ideal.push_back(ideal_.at(i));
    salience.push_back(salience_.at(i));
  }
  return spatial(std::move(ideal), std::move(salience), loss_, at_ideal_);
}

Rational war_reservation(const Preference& preference, const Package& victory,
                         const Package& defeat, const Rational& p_victory,
                         const Rational& cost) {
  if (p_victory < 0 || p_victory > 1)
    throw ModelError("probability of victory is " + to_string(p_victory) +
                     ", expected a number in [0, 1]");
  if (cost < 0)
    throw ModelError("cost of war is " + to_string(cost) +
                     ", expected a number >= 0");
  return p_victory * preference.utility(victory) +
         (1 - p_victory) * preference.utility(defeat) - cost;
}

std::string detail::actor_field(std::span<const Actor> actors, std::size_t i) {
  return "actors[" + std::to_string(i) + "] (\"" + actors[i].name + "\")";
}

void check_actors(const IssueSpace& space, std::span<const Actor> actors) {
  if (actors.empty()) throw ModelError("no actors, expected at least one");
  for (std::size_t a = 0; a < actors.size(); ++a) {
    const auto& p = actors[a].preference;
    if (p.issue_count() != space.issue_count())
      throw ModelError(detail::actor_field(actors, a) +
                       " has a preference over " +
                       std::to_string(p.issue_count()) +
                       " issues, expected one over the space's " +
                       std::to_string(space.issue_count()));
  }
}

}  // namespace bargain
