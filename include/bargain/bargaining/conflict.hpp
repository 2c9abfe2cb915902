// Who is in the way when there is no agreement: a deletion filter keeps a
// member of a conflicting set only if the others alone would agree. What
// is left is minimal (every member is needed), though not always the
// smallest such set; one pass of `count` tests.
#pragma once

#include <cstddef>
#include <numeric>
#include <vector>

namespace bargain::detail {

/// A minimal subset of 0..count-1 for which `conflict(subset)` holds,
/// given that it holds for the whole set.
template <class Conflict>
std::vector<std::size_t> minimal_conflict(std::size_t count,
                                          Conflict conflict) {
  std::vector<std::size_t> members(count);
  std::iota(members.begin(), members.end(), 0);
  for (std::size_t k = 0; k < members.size();) {
    auto without = members;
    without.erase(without.begin() + static_cast<std::ptrdiff_t>(k));
    if (conflict(without))
      members = std::move(without);
    else
      ++k;
  }
  return members;
}

}  // namespace bargain::detail
