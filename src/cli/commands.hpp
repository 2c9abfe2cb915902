// The subcommands of the `bargain` program. Each adds itself to the app;
// later ones (zopa, sweep, export, ...) follow the same shape.
#pragma once

#include <CLI/CLI.hpp>

namespace bargain::cli {

/// `bargain solve [GAME] [--method ...] [--exact] [--all] [--dot OUT] [--format
/// ...]`
void add_solve_command(CLI::App& app);

/// `bargain zopa FILE.json [--svg OUT.svg] [--format table|json] [--max-rows
/// N]`
void add_zopa_command(CLI::App& app);

/// `bargain export SCENARIO.json [--efg OUT.efg] [--dot OUT.dot]`
void add_export_command(CLI::App& app);

/// `bargain sweep SCENARIO.json --param PATH --from A --to B --steps N
/// [--threads T] [--csv OUT] [--svg OUT] [--threshold] [--format ...]`
void add_sweep_command(CLI::App& app);

}  // namespace bargain::cli
