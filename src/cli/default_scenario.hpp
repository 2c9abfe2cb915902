// The scenario `bargain solve` solves when given no file, compiled into the
// program so that it runs from anywhere.
#pragma once

#include <string_view>

namespace bargain::cli {

/// The text of scenarios/negotiation_2025.json and its name.
extern const std::string_view kDefaultScenarioText;
extern const std::string_view kDefaultScenarioName;

}  // namespace bargain::cli
