// Small text helpers the readers share: UTF-8 validation one character at
// a time, and the excerpt of an input that an error message quotes.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace bargain::detail {

/// How many bytes of input an error message quotes at most.
inline constexpr std::size_t kShownBytes = 40;

/// The start of `text`, for a message: up to its first line break or
/// kShownBytes, cut on a character boundary, with "..." when `full_size`
/// bytes would not all have been shown.
inline std::string excerpt(std::string_view text,
                           std::size_t full_size = std::string_view::npos) {
  full_size = std::min(full_size, text.size());
  std::size_t n =
      std::min({text.size(), full_size, kShownBytes, text.find('\n')});
  while (n > 0 && n < text.size() &&
         (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80)
    --n;
  return std::string(text.substr(0, n)) + (n < full_size ? "..." : "");
}

/// The length of the well-formed UTF-8 character starting at s[i], a byte
/// of 0x80 or more, or 0 when it is not one (overlong forms, surrogates and
/// code points beyond U+10FFFF are not).
inline std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  const unsigned lead = byte(0);
  std::size_t length = 0;
  unsigned low = 0x80, high = 0xBF;  // bounds of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if ((byte(k) & 0xC0) != 0x80) return 0;
  return length;
}

}  // namespace bargain::detail
