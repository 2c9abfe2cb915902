// The game `bargain solve` solves when given no file, compiled into the
// program so that it runs from anywhere.
#pragma once

#include <string_view>

namespace bargain::cli {

/// The text of examples/games/istanbul_2022.efg.
extern const std::string_view kDefaultGameText;
extern const std::string_view kDefaultGameName;

}  // namespace bargain::cli
