// Reads a game from Gambit's format, solves it exactly and prints each
// player's equilibrium payoff: the smallest complete use of the library.
#include <bargain/bargain.hpp>
#include <iostream>

int main() {
  const bargain::Game game = bargain::read_efg(R"(EFG 2 R "Entry" { "Entrant" "Incumbent" }
p "" 1 1 "" { "Out" "In" } 0
t "" 1 "" { 1, 5 }
p "" 2 1 "" { "Fight" "Cooperate" } 0
t "" 2 "" { 0, 0 }
t "" 3 "" { 2, 2 }
)");
  const auto result = bargain::solve_backward_induction(game);
  for (const auto& payoff : result.equilibria.front().payoffs)
    std::cout << bargain::to_string(payoff) << '\n';
}
