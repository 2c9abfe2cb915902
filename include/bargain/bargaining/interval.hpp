// A closed interval of scalars, possibly empty: the bargaining range of a
// single issue. Fearon's range of peaceful splits, the shares a side accepts,
// a threshold's bracket and the ZOPA of one continuous issue are all sets
// {x : lo <= x <= hi}; one small value type with set semantics (every empty
// interval is the same set) serves them all.
#pragma once

#include <ostream>
#include <string>
#include <utility>

#include "bargain/error.hpp"
#include "bargain/numeric.hpp"

namespace bargain {

/// The closed interval [lo, hi] = {x : lo <= x <= hi}, empty when lo > hi.
/// A value type with set semantics: two intervals are equal when they hold
/// the same points, so all empty intervals are equal whatever bounds made
/// them.
template <Scalar T>
class Interval {
 public:
  /// The empty interval.
  Interval() = default;

  /// [lo, hi]; empty when lo > hi (as the set notation says), so an
  /// intersection never needs a special case.
  Interval(T lo, T hi)
      : lo_(std::move(lo)), hi_(std::move(hi)), empty_(!(lo_ <= hi_)) {}

  /// The single point {x} = [x, x].
  static Interval point(T x) { return Interval(x, x); }

  bool empty() const noexcept { return empty_; }

  /// True when the interval holds exactly one point.
  bool is_point() const { return !empty_ && lo_ == hi_; }

  /// The least point. Throws Error when the interval is empty: an empty set
  /// has no least point, and a made-up one would pass silently into results.
  const T& lo() const {
    require_points("lo");
    return lo_;
  }

  /// The greatest point. Throws Error when the interval is empty.
  const T& hi() const {
    require_points("hi");
    return hi_;
  }

  /// hi - lo; 0 for a point and for the empty interval (its length).
  T width() const { return empty_ ? T(0) : hi_ - lo_; }

  bool contains(const T& x) const { return !empty_ && lo_ <= x && x <= hi_; }

  /// The points in both intervals; empty when they do not meet.
  Interval intersect(const Interval& other) const {
    if (empty_ || other.empty_) return {};
    return Interval(lo_ < other.lo_ ? other.lo_ : lo_,
                    hi_ < other.hi_ ? hi_ : other.hi_);
  }

  /// The part of this interval inside [a, b], i.e. its intersection with
  /// [a, b]: an interval lying wholly outside [a, b] becomes empty rather
  /// than being pushed onto its nearer end.
  Interval clamp(const T& a, const T& b) const {
    return intersect(Interval(a, b));
  }

  friend bool operator==(const Interval& x, const Interval& y) {
    if (x.empty_ || y.empty_) return x.empty_ == y.empty_;
    return x.lo_ == y.lo_ && x.hi_ == y.hi_;
  }

  /// Writes "[lo, hi]" with exact bounds, or "empty".
  friend std::ostream& operator<<(std::ostream& out, const Interval& x) {
    if (x.empty_) return out << "empty";
    return out << '[' << to_string(x.lo_) << ", " << to_string(x.hi_) << ']';
  }

 private:
  void require_points(const char* end) const {
    if (empty_)
      throw Error(std::string(end) +
                  "() of an empty interval, expected a non-empty one");
  }

  T lo_{};
  T hi_{};
  bool empty_ = true;
};

}  // namespace bargain
