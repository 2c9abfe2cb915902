// Settlement proposals valued once for the whole game. What a settlement is
// worth does not depend on the round or the war state, and the ceasefire in
// force adds only a constant, so the backing game after each package of a
// scope is solved once, and a proposer's choice in any state is a scan of
// each package's sums against that state's no-deal thresholds. The sums are
// scaled 63-bit integers when every actor's terms fit (the fast path), else
// exact rationals; either way every comparison is exact.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "../bargaining/scaled_terms.hpp"
#include "rules.hpp"

namespace bargain::detail {

// Actor i's settlement value of a package z is (sum over issues k of
// terms[i][k][z_k]) / (scale_i (1 - delta_i)).
template <class Number>
struct SettlementTerms {
  std::vector<std::vector<std::vector<Number>>>
      terms;                    // [actor][issue][option]
  std::vector<Rational> scale;  // the scale of each actor's terms
  std::vector<Number> bound;    // every sum lies within +-bound
};

// The rational terms scaled to integers when every actor's fit, else none.
inline std::optional<SettlementTerms<std::int64_t>> scaled_settlement_terms(
    const Model& m) {
  const auto& issues = m.scenario().issues;
  SettlementTerms<std::int64_t> out;
  for (std::size_t i = 0; i < m.actors(); ++i) {
    std::vector<std::vector<Rational>> terms(issues.size());
    for (std::size_t k = 0; k < issues.size(); ++k)
      for (std::uint32_t o = 0; o < issues[k].options.size(); ++o)
        terms[k].push_back(m.settlement_term(i, k, o));
    auto scaled = scale_terms(terms, Rational(0));
    if (!scaled) return std::nullopt;
    out.terms.push_back(std::move(scaled->terms));
    out.scale.emplace_back(scaled->scale);
    out.bound.push_back(scaled->reach);
  }
  return out;
}

inline SettlementTerms<Rational> exact_settlement_terms(const Model& m) {
  const auto& issues = m.scenario().issues;
  SettlementTerms<Rational> out;
  for (std::size_t i = 0; i < m.actors(); ++i) {
    out.terms.emplace_back(issues.size());
    for (std::size_t k = 0; k < issues.size(); ++k)
      for (std::uint32_t o = 0; o < issues[k].options.size(); ++o)
        out.terms.back()[k].push_back(m.settlement_term(i, k, o));
    out.scale.emplace_back(1);
    out.bound.emplace_back(0);  // rationals need no clamping
  }
  return out;
}

// The smallest sum that is worth at least `value` to an actor whose sums
// scale by `factor`, clamped just outside the range sums can take.
inline std::int64_t least_sum(const Rational& value, const Rational& factor,
                              std::int64_t bound) {
  const Rational x = value * factor;
  if (x > bound) return bound + 1;
  if (x < -bound) return -bound;
  Integer q = numerator(x) / denominator(x);  // truncates toward zero
  if (q * denominator(x) < numerator(x)) ++q;
  return q.convert_to<std::int64_t>();
}

inline Rational least_sum(const Rational& value, const Rational& factor,
                          const Rational&) {
  return value * factor;
}

// Every package of one settlement scope (settlement or linked), in the
// order proposals are listed, with what holds once backed: which
// controllers undermine, and each actor's sum over the scope's issues.
template <class Number>
class SettlementPackages {
 public:
  SettlementPackages(const Model& m, Scope scope,
                     const SettlementTerms<Number>& terms)
      : m_(m),
        scope_(scope),
        terms_(terms),
        controllers_(m.controllers(scope)) {
    const auto& issues = m.issues_of(scope);
    const auto& sc = m.scenario();
    for (const auto k : issues) {
      std::uint32_t mask = 0;  // which of the scope's controllers control k
      for (std::size_t c = 0; c < controllers_.size(); ++c)
        for (const auto j : sc.issues[k].controllers)
          if (j == controllers_[c]) mask |= std::uint32_t(1) << c;
      controlled_by_.push_back(mask);
    }
    const std::size_t n = m.actors();
    Options x(sc.issues.size(), 0);
    for (;;) {
      const std::uint32_t underminers = backing(x, 0, 0);
      underminers_.push_back(underminers);
      for (std::size_t i = 0; i < n; ++i)
        sums_.push_back(sum(i, x, underminers));
      if (!m.next_package(scope, x)) break;
    }
  }

  std::uint64_t size() const { return underminers_.size(); }
  Scope scope() const { return scope_; }
  // Each actor's sum over the scope's issues of the backed package.
  const Number* sums(std::uint64_t package) const {
    return sums_.data() + package * m_.actors();
  }
  // The actors who undermine the package, in scenario order.
  std::vector<std::size_t> underminers(std::uint64_t package) const {
    std::vector<std::size_t> out;
    for (std::size_t c = 0; c < controllers_.size(); ++c)
      if (underminers_[package] >> c & 1) out.push_back(controllers_[c]);
    return out;
  }
  // The package proposed: the scope's issues decoded from the index (the
  // last fastest), the others as in `base`.
  Options proposal(std::uint64_t package, Options base) const {
    const auto& issues = m_.issues_of(scope_);
    for (std::size_t j = issues.size(); j-- > 0;) {
      const std::size_t k = issues[j];
      const std::size_t count = m_.scenario().issues[k].options.size();
      base[k] = static_cast<std::uint32_t>(package % count);
      package /= count;
    }
    return base;
  }

 private:
  // Actor i's sum over the scope's issues of x with the issues of the
  // undermining controllers at status quo.
  Number sum(std::size_t i, const Options& x, std::uint32_t undermining) const {
    const auto& issues = m_.issues_of(scope_);
    Number total = 0;
    for (std::size_t j = 0; j < issues.size(); ++j) {
      const std::size_t k = issues[j];
      const bool undermined = (controlled_by_[j] & undermining) != 0;
      total +=
          terms_.terms[i][k]
                      [undermined ? m_.scenario().issues[k].status_quo : x[k]];
    }
    return total;
  }

  // The backing game from controller c on (as in the game tree: each
  // anticipates the rest and backs when indifferent); the underminers.
  std::uint32_t backing(const Options& x, std::size_t c,
                        std::uint32_t undermining) const {
    if (c == controllers_.size()) return undermining;
    const std::uint32_t back = backing(x, c + 1, undermining);
    const std::uint32_t undermine =
        backing(x, c + 1, undermining | std::uint32_t(1) << c);
    const std::size_t j = controllers_[c];
    return sum(j, x, back) >= sum(j, x, undermine) ? back : undermine;
  }

  const Model& m_;
  Scope scope_;
  const SettlementTerms<Number>& terms_;
  std::vector<std::size_t> controllers_;
  std::vector<std::uint32_t> controlled_by_;  // per issue of the scope
  std::vector<std::uint32_t> underminers_;    // per package, a mask
  std::vector<Number> sums_;                  // per package and actor
};

}  // namespace bargain::detail
