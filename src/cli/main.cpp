// The `bargain` command: subcommands over the library. Errors in the input
// are one clear sentence on stderr and a non-zero exit, never a crash.
#include <CLI/CLI.hpp>
#include <iostream>

#include "bargain/error.hpp"
#include "commands.hpp"

namespace {

// Exit codes: 0 solved, 1 the input cannot be solved as asked (bad file,
// limit, unsupported game), 2 the command line is wrong, 3 a result failed
// its own verification (a bug: please report it).
constexpr int kBadInput = 1;
constexpr int kUsage = 2;
constexpr int kBug = 3;

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "bargain: game-theoretic bargaining, exact equilibria and zones of "
      "agreement",
      "bargain"};
  app.require_subcommand(1);
  bargain::cli::add_solve_command(app);
  bargain::cli::add_zopa_command(app);
  bargain::cli::add_export_command(app);
  bargain::cli::add_sweep_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsage;
  } catch (const bargain::VerificationFailure& e) {
    std::cerr << "bargain: internal error, please report: " << e.what() << '\n';
    return kBug;
  } catch (const bargain::Error& e) {
    std::cerr << "bargain: " << e.what() << '\n';
    return kBadInput;
  } catch (const std::bad_alloc&) {
    std::cerr << "bargain: out of memory\n";
    return kBadInput;
  }
  return 0;
}
