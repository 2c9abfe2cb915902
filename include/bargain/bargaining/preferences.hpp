// What each actor wants: a utility over packages and the reservation value
// below which it would rather walk away (or fight on).
//
// The default is the spatial model of negotiation analysis: each issue has an
// ideal position and a salience, and utility falls with the salience-weighted
// distance from the ideal, linearly or quadratically. It is additive across
// issues, which is what lets the ZOPA of discrete issues be enumerated from
// per-issue tables and the ZOPA of continuous issues under linear loss be an
// exact polytope. Any other utility can be given as a callable; it is then
// evaluated in double precision.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "bargain/bargaining/issues.hpp"
#include "bargain/numeric.hpp"

namespace bargain {

/// How utility falls with the distance from an ideal position.
enum class Loss { linear, quadratic };

std::string_view to_string(Loss loss);

/// A utility over the packages of an issue space.
class Preference {
 public:
  /// u(x) = at_ideal - sum_i salience[i] * loss(x[i] - ideal[i]).
  /// Saliences are >= 0; an ideal may lie outside its issue's range.
  static Preference spatial(std::vector<Rational> ideal,
                            std::vector<Rational> salience, Loss loss,
                            Rational at_ideal = 0);

  /// Any utility of a package (positions as doubles). Its values are taken
  /// at their exact binary value, so results downstream are exact for those
  /// values; deciding acceptance by them inherits their rounding.
  using Callable = std::function<double(std::span<const double>)>;
  static Preference custom(std::string description, std::size_t issue_count,
                           Callable utility);

  bool is_spatial() const noexcept { return !custom_; }
  std::size_t issue_count() const noexcept { return issue_count_; }
  Loss loss() const noexcept { return loss_; }
  std::span<const Rational> ideal() const noexcept { return ideal_; }
  std::span<const Rational> salience() const noexcept { return salience_; }
  const Rational& at_ideal() const noexcept { return at_ideal_; }
  /// For a custom preference, what the caller said it is.
  const std::string& description() const noexcept { return description_; }

  Rational utility(const Package& x) const;
  /// A spatial preference's term for issue `i` at `position` (<= 0): the
  /// utility is at_ideal() plus the sum of these terms.
  Rational issue_term(IssueId i, const Rational& position) const;

  /// The same preference over a subset of the issues (a package over some
  /// tracks); spatial only.
  Preference restricted(std::span<const IssueId> issues) const;

 private:
  Preference() = default;

  std::size_t issue_count_ = 0;
  std::vector<Rational> ideal_, salience_;
  Loss loss_ = Loss::linear;
  Rational at_ideal_;
  std::string description_;
  std::shared_ptr<const Callable> custom_;
};

/// A party to the negotiation: its utility and its reservation value (what
/// it gets without a deal).
struct Actor {
  std::string name;
  Preference preference;
  Rational reservation;
};

/// The reservation value war gives: the winner imposes a package, fighting
/// costs `cost` (in utility), and the actor believes it wins with
/// probability `p_victory`. With one issue, x = the actor's share, victory =
/// {1} and defeat = {0} this is Fearon's p - c.
Rational war_reservation(const Preference& preference, const Package& victory,
                         const Package& defeat, const Rational& p_victory,
                         const Rational& cost);

namespace detail {
/// `actors[i] ("name")`, how messages point at an actor.
std::string actor_field(std::span<const Actor> actors, std::size_t i);
}  // namespace detail

/// Throws ModelError unless there is an actor and every actor's preference
/// is over `space`'s issues; messages name `actors[i]`.
void check_actors(const IssueSpace& space, std::span<const Actor> actors);

}  // namespace bargain
