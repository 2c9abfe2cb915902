// Exact rational terms as 63-bit integers over one common denominator.
// A utility that is a sum of one term per issue compares exactly by integer
// sums once every term is multiplied by the lcm of their denominators; the
// hot loops of the package ZOPA and of the two-track dynamic programme then
// add and compare machine words instead of GMP rationals.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "bargain/numeric.hpp"

namespace bargain::detail {

using Integer = decltype(numerator(Rational()));

struct ScaledTerms {
  Integer scale;                                 // the common denominator
  std::vector<std::vector<std::int64_t>> terms;  // [row][option] * scale
  std::int64_t extra = 0;                        // extra * scale
  std::int64_t reach = 0;  // bound on |extra| + any sum of one term per row
};

/// `terms` and `extra` scaled by their common denominator, or nothing when
/// the largest sum of one term per row plus |extra| would reach 2^62 (so
/// that sums and differences of two never overflow).
inline std::optional<ScaledTerms> scale_terms(
    const std::vector<std::vector<Rational>>& terms, const Rational& extra) {
  Integer scale = denominator(extra);
  for (const auto& row : terms)
    for (const auto& t : row) scale = lcm(scale, denominator(t));
  const Integer limit = Integer(1) << 62;
  Integer reach = abs(numerator(extra * scale));
  ScaledTerms out;
  for (const auto& row : terms) {
    Integer largest = 0;
    out.terms.emplace_back();
    for (const auto& t : row) {
      const Integer scaled = numerator(t * scale);
      largest = std::max(largest, Integer(abs(scaled)));
      if (largest >= limit) return std::nullopt;
      out.terms.back().push_back(scaled.convert_to<std::int64_t>());
    }
    reach += largest;
    if (reach >= limit) return std::nullopt;
  }
  out.scale = scale;
  out.extra = numerator(extra * scale).convert_to<std::int64_t>();
  out.reach = reach.convert_to<std::int64_t>();
  return out;
}

}  // namespace bargain::detail
